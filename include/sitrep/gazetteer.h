// Gazetteer: the world's places (GeoNames), looked up by name and position.
//
// A Gazetteer holds populated places, admin-1 areas and countries, each a
// Place with a stable id, and an index from folded names (case, diacritics,
// hyphens and spacing folded; see FoldName) to candidates, including
// GeoNames alternate names and the project's alias file.
//
// Invariant: every Place* a Gazetteer returns lives as long as it does.
// Thread-safety: immutable after construction; all methods are const and
// safe to call concurrently.
#ifndef SITREP_GAZETTEER_H_
#define SITREP_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/lexicon.h"
#include "sitrep/model.h"
#include "sitrep/status.h"

namespace sitrep {

// Folds a name for lookup: NFKD, diacritics dropped, lower case, every run
// of spaces, hyphens and apostrophes made one space ("Mazar-e-Sharif" ->
// "mazar e sharif"). Vowel variants (e/i, o/u) are handled by the index,
// not here.
std::string FoldName(std::string_view name);

// Geodesic distance on the WGS84 ellipsoid (GeographicLib), in kilometres.
// REQUIRES: latitudes in [-90, 90], longitudes in [-180, 180], degrees.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

struct PlaceDistance {
  const Place* place = nullptr;
  double km = 0;
};

class Gazetteer : public NameLexicon {
 public:
  ~Gazetteer() override = default;

  // Candidates for a name (any form: "Herat", "Herāt", "Lashkar Gar",
  // "Kandahar province"), best first by kind and population.
  virtual std::vector<const Place*> Lookup(std::string_view name) const = 0;
  // nullptr if unknown.
  virtual const Place* Get(int64_t id) const = 0;
  // The admin-1 area with this code ("AF.11") and the country ("AF").
  virtual const Place* Admin1(std::string_view admin1_code) const = 0;
  virtual const Place* Country(std::string_view alpha2) const = 0;
  // Places within radius_km of a point, nearest first, optionally of one kind.
  // REQUIRES: radius_km >= 0.
  virtual std::vector<PlaceDistance> Within(double lat, double lon, double radius_km,
                                            std::optional<PlaceKind> kind = {}) const = 0;
  virtual size_t size() const = 0;
};

// Opens a gazetteer file built by BuildGazetteer.
Result<std::unique_ptr<Gazetteer>> OpenGazetteer(const std::string& path);
// A gazetteer over places held in memory (tests, small custom sets).
// `aliases` maps an extra name to a place id.
std::unique_ptr<Gazetteer> MakeMemoryGazetteer(
    std::vector<Place> places, std::vector<std::pair<std::string, int64_t>> aliases = {});

struct GazetteerSources {
  std::string cities;     // GeoNames cities1000.txt (tab-separated)
  std::string admin1;     // admin1.json: [{"code":"AF.11","name":"Herat"}, ...]
  std::string countries;  // country names and codes (format: see places/README)
  std::string aliases;    // the project's alias file (data/aliases.tsv)
};
// Builds the compact gazetteer file at out_path (atomically: temp + rename).
Status BuildGazetteer(const GazetteerSources& sources, const std::string& out_path);

// Default gazetteer path: $SITREP_GAZETTEER if set, else the file the build
// made (compiled in).
std::string DefaultGazetteerPath();

// Resolves the place of every event and every mention in a coded report,
// using context: the report's country focus, nearby mentions, kind and
// population; words that are place names only by accident are left alone.
// A name it cannot resolve stays unresolved with its text.
class PlaceResolver {
 public:
  // `gazetteer` is not owned and must outlive the resolver.
  explicit PlaceResolver(const Gazetteer* gazetteer);
  void Resolve(const Report& report, CodedReport* coded) const;

 private:
  const Gazetteer* gazetteer_;
};

}  // namespace sitrep

#endif  // SITREP_GAZETTEER_H_
