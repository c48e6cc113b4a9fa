// NameIndex: the flat, pointer-free tables behind every Gazetteer.
//
// A gazetteer is a list of places plus these tables: a hash table from folded
// names (as token-sequence hashes, see fold.h) to postings (place indices,
// best first), the same for variant keys, a sorted id table and a 1-degree
// grid for spatial queries. BuildNameIndex makes them as owned vectors; the
// gazetteer file stores them verbatim and a loaded file is viewed in place
// (IndexView), so the in-memory and file gazetteers share one implementation.
//
// Every name with more than one token also inserts each of its proper token
// prefixes, flagged kPrefix, so that the text scanner can stop extending a
// match as soon as no known name continues it.
//
// Thread-safety: immutable after construction.
#ifndef SITREP_PLACES_NAME_INDEX_H_
#define SITREP_PLACES_NAME_INDEX_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model.h"

namespace sitrep::places {

// Where a name of a place comes from; lower is more trustworthy.
enum class NameOrigin : uint8_t {
  kPrimary = 0,    // GeoNames name / asciiname, a country's or admin-1's own name
  kAlias = 1,      // the project's alias file
  kAdminForm = 2,  // a generated "X province" / "X region" form
  kAlternate = 3,  // a GeoNames alternate name
};

// One name of one place, as given to the index builder.
struct NameSource {
  std::string folded;  // FoldName() of the name
  uint32_t place = 0;  // index into the place list
  NameOrigin origin = NameOrigin::kPrimary;
};

struct DemonymSource {
  std::string folded;   // "afghan"
  std::string country;  // "AF"
};

struct IndexInput {
  std::vector<NameSource> names;
  std::vector<DemonymSource> demonyms;
  std::vector<std::string> stop_names;  // folded
};

// Entry flags.
inline constexpr uint8_t kEntryTerminal = 1;  // a whole name (has postings or a demonym)
inline constexpr uint8_t kEntryPrefix = 2;    // a proper token prefix of a longer name
inline constexpr uint8_t kEntryStopName = 4;  // a common word: low salience

struct NameEntry {
  uint64_t hash = 0;     // FoldedNameHash (names) or TokenHash (variant keys) of the key
  uint32_t key_off = 0;  // into the key blob
  uint16_t key_len = 0;
  uint8_t kinds = 0;  // NameKindBits over the postings (and kNameDemonym)
  uint8_t flags = 0;
  uint32_t post_begin = 0;
  uint32_t post_count = 0;
  float salience = 0;  // 0..1, before context
  char demonym_country[2] = {0, 0};
  uint16_t reserved = 0;
};
static_assert(sizeof(NameEntry) == 32);

// A posting: place index << 3 | NameOrigin.
inline uint32_t PostingPlace(uint32_t p) { return p >> 3; }
inline NameOrigin PostingOrigin(uint32_t p) { return static_cast<NameOrigin>(p & 7u); }
inline constexpr uint32_t kMaxPlaces = 1u << 29;

struct IdSlot {
  int64_t id = 0;
  uint32_t place = 0;
  uint32_t reserved = 0;
};
static_assert(sizeof(IdSlot) == 16);

// The grid: 360 x 180 one-degree cells, row-major from (-90, -180).
inline constexpr int kGridCols = 360;
inline constexpr int kGridRows = 180;
inline constexpr int kGridCells = kGridCols * kGridRows;
int GridCell(double lat, double lon);

// Owned tables (what the builder makes and the file stores).
struct IndexData {
  std::vector<NameEntry> entries;
  std::vector<uint32_t> slots;  // entry index + 1, 0 = empty; size a power of two
  std::vector<uint32_t> postings;
  std::vector<NameEntry> variant_entries;
  std::vector<uint32_t> variant_slots;
  std::vector<uint32_t> variant_postings;
  std::string keys;                  // key text of both tables
  std::vector<IdSlot> ids;           // sorted by id
  std::vector<uint32_t> grid_start;  // kGridCells + 1
  std::vector<uint32_t> grid_items;  // place indices grouped by cell
};

// Views of the same tables (over an IndexData or a mapped file).
struct IndexView {
  std::span<const NameEntry> entries;
  std::span<const uint32_t> slots;
  std::span<const uint32_t> postings;
  std::span<const NameEntry> variant_entries;
  std::span<const uint32_t> variant_slots;
  std::span<const uint32_t> variant_postings;
  std::string_view keys;
  std::span<const IdSlot> ids;
  std::span<const uint32_t> grid_start;
  std::span<const uint32_t> grid_items;

  static IndexView Of(const IndexData& d);

  // The entry whose key hashes to `hash` (and, if `key` is non-empty, equals
  // it), or nullptr.
  const NameEntry* Find(uint64_t hash, std::string_view key) const;
  const NameEntry* FindVariant(std::string_view variant_key) const;
  std::string_view Key(const NameEntry& e) const { return keys.substr(e.key_off, e.key_len); }
};

// The folded names an admin-1 area is known by, from its official name:
// the name itself, the name without a generic suffix ("Maidan Wardak
// Province" -> "maidan wardak", "Shan State" -> "shan"), and the base with
// each generic word after it ("kandahar province", "kharkiv oblast",
// "idlib governorate", "shan state", ...) or "province of" before it.
// Appends (folded, origin) pairs; the base forms are kPrimary, the rest
// kAdminForm. A base left as one generic word ("Northern" of "Northern
// State") is not added alone.
void AppendAdminNameForms(std::string_view admin1_name, uint32_t place,
                          std::vector<NameSource>* out);

// How important a place is in news text, 0..1 (kind, capital status, population).
float PlaceImportance(const Place& p);

// Builds the tables for `places` (their order is their index).
// REQUIRES: places.size() < kMaxPlaces; every NameSource::place < places.size().
IndexData BuildNameIndex(const std::vector<Place>& places, const IndexInput& input);

}  // namespace sitrep::places

#endif  // SITREP_PLACES_NAME_INDEX_H_
