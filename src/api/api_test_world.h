// A small world for the API's tests and fuzz target: places of Sudan in a
// memory gazetteer, a two-sided conflict profile, a memory store, the real
// Picture and PlaceResolver, and FakeCoder, a rule-based coder that reads
// only "<Actor> captured|attacked|besieged <Place> on YYYY-MM-DD" (and
// "<Actor> claimed that they captured ...") so that nothing here depends on
// the dictionaries or leans on the seed story.
//
// Thread-safety: as Store, Picture and Pipeline.
#ifndef SITREP_API_API_TEST_WORLD_H_
#define SITREP_API_API_TEST_WORLD_H_

#include <memory>
#include <string>
#include <vector>

#include "sitrep/coder.h"
#include "sitrep/gazetteer.h"
#include "sitrep/ingest.h"
#include "sitrep/picture.h"
#include "sitrep/server.h"
#include "sitrep/store.h"

namespace sitrep::api::testing {

// Text that must never become markup.
inline constexpr char kHostile[] =
    "<script>window.__pwned=1</script> <img src=x onerror=\"window.__pwned=2\"> & \"q\"";

class FakeCoder : public Coder {
 public:
  CodedReport Code(const Report& report) const override;
  const ActionInfo* Action(std::string_view) const override { return nullptr; }
};

// Khartoum (9001, national capital), Nyala (9002), El Fasher (9003), El
// Geneina (9004), Wad Madani (9005), Kassala (9006), and Sudan (9000). The
// ids are the test's own, not GeoNames'.
std::vector<Place> SudanPlaces();
// Sides "Sudanese Armed Forces" (the default holder) and "Rapid Support Forces".
ConflictProfile SudanProfile();
Report MakeReport(std::string text, const char* published, std::string outlet);

struct MemoryWorld {
  FakeCoder coder;
  std::unique_ptr<Gazetteer> gazetteer;
  std::unique_ptr<Store> store;
  std::unique_ptr<Picture> picture;
  std::unique_ptr<Pipeline> pipeline;

  // With three reports ingested: Nyala taken and El Fasher attacked on
  // 2023-10-26, El Geneina taken on 2023-11-04 (in a sentence holding
  // kHostile), Wad Madani claimed on 2023-12-18. Four events.
  static Result<std::unique_ptr<MemoryWorld>> Make();
  ServerContext context() {
    return ServerContext{store.get(), picture.get(), pipeline.get(), gazetteer.get()};
  }
};

}  // namespace sitrep::api::testing

#endif  // SITREP_API_API_TEST_WORLD_H_
