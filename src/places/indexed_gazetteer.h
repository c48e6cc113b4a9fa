// IndexedGazetteer: the one Gazetteer implementation, over a place list and
// a NameIndex view. What backs the view (owned vectors for a memory
// gazetteer, a mapped file for the world gazetteer) is held by `backing`.
//
// Thread-safety: immutable after construction; all methods const.
#ifndef SITREP_PLACES_INDEXED_GAZETTEER_H_
#define SITREP_PLACES_INDEXED_GAZETTEER_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "places/name_index.h"
#include "sitrep/gazetteer.h"

namespace sitrep::places {

// Keeps the memory an IndexView points into alive.
class IndexBacking {
 public:
  virtual ~IndexBacking() = default;
};

// Tuning of the text scanner.
struct ScanOptions {
  // Longest name, in tokens, that FindNames tries to match.
  size_t max_name_tokens = 8;
};

class IndexedGazetteer final : public Gazetteer {
 public:
  IndexedGazetteer(std::vector<Place> places, IndexView view, std::unique_ptr<IndexBacking> backing,
                   ScanOptions scan = {});

  std::vector<const Place*> Lookup(std::string_view name) const override;
  std::vector<PlaceCandidate> Candidates(std::string_view name) const override;
  std::string DemonymCountry(std::string_view word) const override;
  const Place* Get(int64_t id) const override;
  const Place* Admin1(std::string_view admin1_code) const override;
  const Place* Country(std::string_view alpha2) const override;
  std::vector<PlaceDistance> Within(double lat, double lon, double radius_km,
                                    std::optional<PlaceKind> kind = {}) const override;
  std::vector<const Place*> PlacesIn(std::string_view alpha2,
                                     std::optional<PlaceKind> kind = {}) const override;
  size_t size() const override { return places_.size(); }
  void FindNames(std::string_view text, std::vector<NameHit>* out) const override;

 private:
  void AppendPostings(const NameEntry& e, std::span<const uint32_t> postings, bool variant,
                      std::vector<PlaceCandidate>* out) const;

  std::vector<Place> places_;
  IndexView view_;
  std::unique_ptr<IndexBacking> backing_;
  ScanOptions scan_;
  std::unordered_map<std::string, uint32_t> admin1_by_code_;
  std::unordered_map<std::string, uint32_t> country_by_code_;
  // Indexes of places_ grouped by country (upper-case alpha-2), each group
  // by ascending id: the [begin, end) of a country's group in by_country_.
  std::vector<uint32_t> by_country_;
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> country_range_;
};

}  // namespace sitrep::places

#endif  // SITREP_PLACES_INDEXED_GAZETTEER_H_
