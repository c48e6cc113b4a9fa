// TestWorld: the real product as a test uses it: the world gazetteer, the
// built-in dictionaries, a conflict profile, a fresh SQLite store in a
// temporary folder, a Picture and a Pipeline over them.
//
// Thread-safety: one test thread.
#ifndef SITREP_TESTS_TEST_WORLD_H_
#define SITREP_TESTS_TEST_WORLD_H_

#include <filesystem>
#include <memory>
#include <string>

#include "sitrep/coder.h"
#include "sitrep/gazetteer.h"
#include "sitrep/ingest.h"
#include "sitrep/picture.h"
#include "sitrep/store.h"

namespace sitrep::testing {

class TestWorld {
 public:
  // Status kNotFound when the world gazetteer has not been built.
  static Result<std::unique_ptr<TestWorld>> Make(const std::string& profile_name);
  ~TestWorld();

  Store& store() { return *store_; }
  Picture& picture() { return *picture_; }
  Pipeline& pipeline() { return *pipeline_; }
  const Gazetteer& gazetteer() { return *gazetteer_; }
  // The gazetteer's best candidate for a name. REQUIRES: it exists.
  const Place& PlaceNamed(const std::string& name);

 private:
  TestWorld() = default;
  std::filesystem::path dir_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Coder> coder_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Picture> picture_;
  std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_TEST_WORLD_H_
