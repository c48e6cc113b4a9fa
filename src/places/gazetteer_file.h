// The gazetteer file: places and their name index in one flat binary file.
//
// Layout (all integers little-endian, as the machine that built it; the
// file is a build product for the machine it was built on):
//
//   FileHeader                      magic "SITRGAZ\0", version, sizes, checksum,
//                                   and the offset and size of every section
//   section kStrings                the text of every place field
//   section kPlaces                 PlaceRecord[place_count]
//   sections kEntries .. kGridItems the NameIndex tables, verbatim
//
// Every section starts at a multiple of 8 bytes. The checksum covers every
// byte after the header. OpenGazetteerFile maps the file read-only, checks
// header, bounds and checksum, then views the index tables in place; only
// the Place values are copied out (they own their strings).
//
// Thread-safety: a loaded gazetteer is immutable.
#ifndef SITREP_PLACES_GAZETTEER_FILE_H_
#define SITREP_PLACES_GAZETTEER_FILE_H_

#include <memory>
#include <string>
#include <vector>

#include "places/name_index.h"
#include "sitrep/gazetteer.h"
#include "sitrep/status.h"

namespace sitrep::places {

inline constexpr uint32_t kGazetteerFileVersion = 1;

// Serializes places and their index to `out_path` atomically (a temporary
// file beside it, then rename).
Status WriteGazetteerFile(const std::vector<Place>& places, const IndexData& index,
                          const std::string& out_path);

// Serializes to bytes (what WriteGazetteerFile writes).
std::string SerializeGazetteer(const std::vector<Place>& places, const IndexData& index);

// Opens a file written by WriteGazetteerFile.
Result<std::unique_ptr<Gazetteer>> OpenGazetteerFile(const std::string& path);

}  // namespace sitrep::places

#endif  // SITREP_PLACES_GAZETTEER_FILE_H_
