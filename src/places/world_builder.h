// WorldBuilder: GeoNames tables + the project's word lists -> places and names.
//
// Reads the GeoNames cities table (cities1000.txt), the admin-1 names
// (admin1.json), the country names (i18n-iso-countries en.json) and the
// data/*.tsv files, and makes:
//   - one Place per city (kind from the feature code: PPLC national capital,
//     PPLA provincial capital, PPLA2..PPLA5 district seat, else city), named
//     by its name, ascii name and its Latin-script alternate names;
//   - one Place per admin-1 area with at least one city, at its capital's
//     point (the most populous PPLA of the area) or else at the
//     population-weighted centroid of its cities, id -(1e6 + hash of code);
//   - one Place per country with at least one city, at its national capital
//     (else its most populous city), id -(256 * 'A'.. + ..) from its code;
// then resolves aliases to places. Errors name the file and line.
//
// Thread-safety: pure functions.
#ifndef SITREP_PLACES_WORLD_BUILDER_H_
#define SITREP_PLACES_WORLD_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "places/name_index.h"
#include "sitrep/gazetteer.h"
#include "sitrep/status.h"

namespace sitrep::places {

// The sources' text, with a name each for error messages.
struct SourceTexts {
  std::string_view cities, admin1, countries, aliases, demonyms, stop_names;
  std::string cities_name = "cities", admin1_name = "admin1", countries_name = "countries",
              aliases_name = "aliases", demonyms_name = "demonyms", stop_names_name = "stop names";
};

struct World {
  std::vector<Place> places;
  IndexInput names;
};

Result<World> BuildWorld(const SourceTexts& sources);

// Stable synthetic ids of areas that GeoNames' city table gives no id.
int64_t CountryPlaceId(std::string_view alpha2);
int64_t Admin1PlaceId(std::string_view admin1_code);

// True if every letter in `name` is of the Latin script.
bool IsLatinScript(std::string_view name);

// `name` with diacritics removed and Latin letters made plain, case kept.
std::string AsciiName(std::string_view name);

}  // namespace sitrep::places

#endif  // SITREP_PLACES_WORLD_BUILDER_H_
