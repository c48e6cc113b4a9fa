// The places module's own data files (tab-separated, UTF-8; docs/gazetteer.md):
//
//   aliases.tsv          name TAB target TAB note
//                        target: a GeoNames id ("1134720"), "admin1:AF.23" or "country:AF"
//   demonyms.tsv         demonym TAB alpha-2 TAB note
//   place-stopwords.tsv  word TAB note
//
// Lines that are empty or start with '#' are comments. A malformed line is
// kInvalidInput whose input is "file:line".
//
// Thread-safety: pure functions.
#ifndef SITREP_PLACES_DATA_FILES_H_
#define SITREP_PLACES_DATA_FILES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::places {

struct AliasLine {
  std::string name;
  // Exactly one of these is set.
  int64_t geonameid = 0;
  std::string admin1_code;  // "AF.23"
  std::string country;      // "AF"
  std::string where;        // "file:line", for errors about the target
};

struct DemonymLine {
  std::string demonym;
  std::string country;  // alpha-2
};

// `name` is used in error messages (usually the path).
Result<std::vector<AliasLine>> ParseAliases(std::string_view text, std::string_view name);
Result<std::vector<DemonymLine>> ParseDemonyms(std::string_view text, std::string_view name);
Result<std::vector<std::string>> ParseStopNames(std::string_view text, std::string_view name);

// Reads a whole file; kNotFound / kIoError name the path.
Result<std::string> ReadFile(const std::string& path);

}  // namespace sitrep::places

#endif  // SITREP_PLACES_DATA_FILES_H_
