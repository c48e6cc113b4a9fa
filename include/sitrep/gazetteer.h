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

// How a candidate matched the name asked for.
enum class NameMatch : uint8_t {
  kName,       // the place's own name (GeoNames name/asciiname, admin-1 or country name)
  kAlias,      // the project's alias file (data/aliases.tsv)
  kAdminForm,  // a generated "X province" / "X region" form of an admin-1 name
  kAlternate,  // a GeoNames alternate name
  kVariant,    // only the vowel/connector variant key matched (see docs/gazetteer.md)
};
std::string_view NameMatchName(NameMatch m);  // "name", "alias", "admin-form", ...

// A candidate place for a name, with why it matched and a prior (0..1: kind,
// capital status, population, match quality) before any context.
struct PlaceCandidate {
  const Place* place = nullptr;
  NameMatch match = NameMatch::kName;
  float prior = 0;
};

class Gazetteer : public NameLexicon {
 public:
  ~Gazetteer() override = default;

  // Candidates for a name (any form: "Herat", "Herāt", "Lashkar Gar",
  // "Kandahar province"), best first by kind and population.
  virtual std::vector<const Place*> Lookup(std::string_view name) const = 0;
  // The same candidates with how each matched and its prior, best first
  // (for `sitrep place NAME`, and for the resolver). The exact folded name is
  // tried first; the variant key only when that finds nothing.
  virtual std::vector<PlaceCandidate> Candidates(std::string_view name) const;
  // The country (alpha-2) a demonym names ("Afghan" -> "AF"); "" if `word`
  // is not a known demonym. Demonyms are never places.
  virtual std::string DemonymCountry(std::string_view word) const;
  // nullptr if unknown.
  virtual const Place* Get(int64_t id) const = 0;
  // The admin-1 area with this code ("AF.11") and the country ("AF").
  virtual const Place* Admin1(std::string_view admin1_code) const = 0;
  virtual const Place* Country(std::string_view alpha2) const = 0;
  // Places within radius_km of a point, nearest first, optionally of one kind.
  // REQUIRES: radius_km >= 0.
  virtual std::vector<PlaceDistance> Within(double lat, double lon, double radius_km,
                                            std::optional<PlaceKind> kind = {}) const = 0;
  // Every place of a country (alpha-2, either case: "AF", "af"), optionally
  // of one kind, by ascending id; the country's own entry and its admin-1
  // areas are places of it too. Empty for an unknown code. The default scans
  // every place; the gazetteers of this module answer from a per-country
  // index built when they are opened.
  virtual std::vector<const Place*> PlacesIn(std::string_view alpha2,
                                             std::optional<PlaceKind> kind = {}) const;
  virtual size_t size() const = 0;
};

// Opens a gazetteer file built by BuildGazetteer. A missing file is
// kNotFound, a damaged or foreign one kCorrupt; both messages tell the user
// to run scripts/setup.sh.
Result<std::unique_ptr<Gazetteer>> OpenGazetteer(const std::string& path);
// A gazetteer over places held in memory (tests, small custom sets).
// `aliases` maps an extra name to a place id (unknown ids are ignored).
// Admin-1 places (kind kAdmin1) also get their "X province" forms; a place
// of kind kUnknown counts as a settlement.
std::unique_ptr<Gazetteer> MakeMemoryGazetteer(
    std::vector<Place> places, std::vector<std::pair<std::string, int64_t>> aliases = {});

// Word lists for a memory gazetteer beyond its places.
struct LexiconExtras {
  std::vector<std::pair<std::string, std::string>> demonyms;  // ("Afghan", "AF")
  std::vector<std::string> stop_names;  // common words that are also place names ("Price")
};
std::unique_ptr<Gazetteer> MakeMemoryGazetteer(std::vector<Place> places,
                                               std::vector<std::pair<std::string, int64_t>> aliases,
                                               const LexiconExtras& extras);

// Finds one place for a user's query: a GeoNames id ("1138958"), an admin-1
// code ("AF.23"), a country code ("AF") or a name (the best candidate).
// kNotFound names the query.
Result<const Place*> FindPlace(const Gazetteer& gazetteer, std::string_view query);

struct GazetteerSources {
  std::string cities;  // GeoNames cities1000.txt (tab-separated)
  std::string admin1;  // admin1.json: [{"code":"AF.11","name":"Herat"}, ...]
  std::string
      countries;        // i18n-iso-countries langs/en.json ({"countries":{"AF":"Afghanistan",...}})
  std::string aliases;  // the project's alias file (data/aliases.tsv)
  // Optional word lists (docs/gazetteer.md); empty = none.
  std::string demonyms;    // data/demonyms.tsv
  std::string stop_names;  // data/place-stopwords.tsv
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
//
// How (docs/gazetteer.md): the report's country focus is scored from its
// country names, demonyms, dateline and unambiguous place names; each
// candidate of a name then scores its prior (kind, capital status,
// population, match quality) plus the focus of its country plus nearness to
// the places already resolved with confidence (and small bonuses for
// capitals; docs/gazetteer.md). A candidate outside the focus
// must be important on its own (a capital, a large city). Stop-names and
// names inside a person's name are resolved only with a kind hint or a
// locative preposition and a candidate in the focus country. Demonyms are
// never places. The coder's kind hint (kAdmin1 for "X province", kCountry)
// restricts the candidates; a facility's precision (kFacility) is kept.
struct PlaceResolverOptions {
  // Weight of the report's country focus (0..1) in a candidate's score.
  float focus_weight = 0.6f;
  // A candidate in a country with at least this focus counts as in focus.
  float in_focus = 0.3f;
  // Minimum score of an in-focus candidate.
  float min_score = 0.5f;
  // Minimum prior of a candidate outside the focus (capitals and large
  // cities pass; villages and alternate names of towns do not).
  float min_prior_out_of_focus = 0.7f;
  // ... or, when every candidate is in one country and the name is the
  // place's own (not an alternate or variant), at least this prior (a
  // district seat or a town of 30,000 passes; a village does not).
  float min_prior_unambiguous = 0.5f;
  // Bonus for a candidate within close_km / near_km / region_km of a place
  // resolved with confidence in the same report.
  float close_bonus = 0.45f;
  double close_km = 50;
  float near_bonus = 0.3f;
  double near_km = 150;
  float region_bonus = 0.1f;
  double region_km = 600;
  // Bonus for a national capital or a city of a million, named by its own
  // name: "London" in a story about Washington is still London.
  float major_bonus = 0.15f;
  // Bonus for a candidate named by the project's alias file, which says what
  // a name means in English news ("Artemovsk" is Bakhmut, not a Russian town
  // with that alternate name).
  float alias_bonus = 0.3f;
};

class PlaceResolver {
 public:
  // `gazetteer` is not owned and must outlive the resolver.
  explicit PlaceResolver(const Gazetteer* gazetteer);
  PlaceResolver(const Gazetteer* gazetteer, PlaceResolverOptions options);
  // Fills every event's place and every mention's place (geonameid 0 and
  // precision kUnresolved where no place can be told).
  void Resolve(const Report& report, CodedReport* coded) const;

 private:
  const Gazetteer* gazetteer_;
  PlaceResolverOptions options_;
};

}  // namespace sitrep

#endif  // SITREP_GAZETTEER_H_
