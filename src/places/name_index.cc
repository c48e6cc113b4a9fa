#include "places/name_index.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "places/fold.h"
#include "sitrep/gazetteer.h"
#include "sitrep/lexicon.h"

namespace sitrep::places {

namespace {

// Variant keys shorter than this say too little to match on.
constexpr size_t kMinVariantKeyLength = 4;

uint8_t KindBits(PlaceKind k) {
  switch (k) {
    case PlaceKind::kAdmin1:
      return kNameAdmin1;
    case PlaceKind::kCountry:
      return kNameCountry;
    default:
      return kNameSettlement;
  }
}

float OriginFactor(NameOrigin o) {
  switch (o) {
    case NameOrigin::kPrimary:
    case NameOrigin::kAlias:
    case NameOrigin::kAdminForm:
      return 1.0f;
    case NameOrigin::kAlternate:
      return 0.8f;
  }
  return 1.0f;
}

size_t TableSize(size_t n) { return std::bit_ceil(std::max<size_t>(16, n * 2)); }

std::vector<uint32_t> MakeSlots(const std::vector<NameEntry>& entries) {
  std::vector<uint32_t> slots(TableSize(entries.size()), 0);
  const size_t mask = slots.size() - 1;
  for (size_t i = 0; i < entries.size(); ++i) {
    size_t s = entries[i].hash & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    slots[s] = static_cast<uint32_t>(i + 1);
  }
  return slots;
}

// Postings of one key, best first.
struct Posting {
  uint32_t place;
  NameOrigin origin;
};

void SortPostings(const std::vector<Place>& places, std::vector<Posting>* ps) {
  auto score = [&](const Posting& p) {
    return PlaceImportance(places[p.place]) - (p.origin == NameOrigin::kAlternate ? 0.1f : 0.f);
  };
  std::sort(ps->begin(), ps->end(), [&](const Posting& a, const Posting& b) {
    float sa = score(a), sb = score(b);
    if (sa != sb) return sa > sb;
    const Place& pa = places[a.place];
    const Place& pb = places[b.place];
    if (pa.population != pb.population) return pa.population > pb.population;
    return pa.geonameid < pb.geonameid;
  });
}

// Merges duplicates (same place), keeping the best origin.
void Dedupe(std::vector<Posting>* ps) {
  std::sort(ps->begin(), ps->end(), [](const Posting& a, const Posting& b) {
    return a.place != b.place ? a.place < b.place : a.origin < b.origin;
  });
  ps->erase(std::unique(ps->begin(), ps->end(),
                        [](const Posting& a, const Posting& b) { return a.place == b.place; }),
            ps->end());
}

}  // namespace

void AppendAdminNameForms(std::string_view admin1_name, uint32_t place,
                          std::vector<NameSource>* out) {
  static constexpr std::array<std::string_view, 10> kGeneric = {
      "province", "region",   "state",  "governorate", "oblast",
      "district", "division", "county", "prefecture",  "city"};
  static constexpr std::array<std::string_view, 15> kDirections = {
      "north",    "south",      "east",       "west",       "northern",
      "southern", "eastern",    "western",    "central",    "centre",
      "center",   "north east", "north west", "south east", "south west"};
  std::string full = FoldName(admin1_name);
  if (full.empty()) return;
  out->push_back({full, place, NameOrigin::kPrimary});
  std::string base = full;
  for (auto g : kGeneric) {
    std::string suffix = " " + std::string(g);
    if (base.size() > suffix.size() && base.ends_with(suffix)) {
      base.resize(base.size() - suffix.size());
      break;
    }
  }
  // "oblast" names in GeoNames may come as "Kharkivs ka oblast"; the short
  // forms come from the admin1 table itself, so nothing more is guessed here.
  bool generic_base = std::find(kDirections.begin(), kDirections.end(), base) != kDirections.end();
  if (base != full && !generic_base) out->push_back({base, place, NameOrigin::kPrimary});
  if (generic_base) return;
  for (auto g : kGeneric) {
    if (g == "city" || g == "county" || g == "prefecture" || g == "division") continue;
    std::string form = base + " " + std::string(g);
    if (form != full) out->push_back({form, place, NameOrigin::kAdminForm});
  }
  out->push_back({"province of " + base, place, NameOrigin::kAdminForm});
}

int GridCell(double lat, double lon) {
  int row = static_cast<int>(std::floor(lat + 90.0));
  int col = static_cast<int>(std::floor(lon + 180.0));
  row = std::clamp(row, 0, kGridRows - 1);
  col = ((col % kGridCols) + kGridCols) % kGridCols;
  return row * kGridCols + col;
}

float PlaceImportance(const Place& p) {
  float by_pop = 0.35f;
  if (p.population >= 1'000'000)
    by_pop = 0.9f;
  else if (p.population >= 300'000)
    by_pop = 0.8f;
  else if (p.population >= 100'000)
    by_pop = 0.7f;
  else if (p.population >= 30'000)
    by_pop = 0.55f;
  else if (p.population >= 10'000)
    by_pop = 0.45f;
  switch (p.kind) {
    case PlaceKind::kCountry:
      return 1.0f;
    case PlaceKind::kNationalCapital:
      return 0.95f;
    case PlaceKind::kProvincialCapital:
      return std::max(0.85f, by_pop);
    case PlaceKind::kAdmin1:
      return 0.8f;
    case PlaceKind::kDistrictSeat:
      return std::max(0.55f, by_pop);
    default:
      return by_pop;
  }
}

IndexView IndexView::Of(const IndexData& d) {
  IndexView v;
  v.entries = d.entries;
  v.slots = d.slots;
  v.postings = d.postings;
  v.variant_entries = d.variant_entries;
  v.variant_slots = d.variant_slots;
  v.variant_postings = d.variant_postings;
  v.keys = d.keys;
  v.ids = d.ids;
  v.grid_start = d.grid_start;
  v.grid_items = d.grid_items;
  return v;
}

namespace {

const NameEntry* Probe(std::span<const NameEntry> entries, std::span<const uint32_t> slots,
                       std::string_view keys, uint64_t hash, std::string_view key) {
  if (slots.empty()) return nullptr;
  const size_t mask = slots.size() - 1;
  for (size_t s = hash & mask;; s = (s + 1) & mask) {
    uint32_t e = slots[s];
    if (e == 0) return nullptr;
    const NameEntry& entry = entries[e - 1];
    if (entry.hash != hash) continue;
    if (key.empty()) return &entry;
    if ((entry.flags & kEntryTerminal) && keys.substr(entry.key_off, entry.key_len) == key) {
      return &entry;
    }
  }
}

}  // namespace

const NameEntry* IndexView::Find(uint64_t hash, std::string_view key) const {
  return Probe(entries, slots, keys, hash, key);
}

const NameEntry* IndexView::FindVariant(std::string_view variant_key) const {
  if (variant_key.empty()) return nullptr;
  return Probe(variant_entries, variant_slots, keys, TokenHash(variant_key), variant_key);
}

IndexData BuildNameIndex(const std::vector<Place>& places, const IndexInput& input) {
  IndexData d;

  // Group names by key.
  std::unordered_map<std::string, std::vector<Posting>> by_key;
  by_key.reserve(input.names.size());
  for (const auto& n : input.names) {
    if (n.folded.empty() || n.folded.size() > 0xFFFF) continue;
    by_key[n.folded].push_back({n.place, n.origin});
  }
  std::unordered_map<std::string, std::string> demonyms;
  for (const auto& dm : input.demonyms) {
    if (!dm.folded.empty() && dm.country.size() == 2) demonyms[dm.folded] = dm.country;
  }
  std::unordered_set<std::string> stops(input.stop_names.begin(), input.stop_names.end());

  std::vector<std::string> keys;
  keys.reserve(by_key.size() + demonyms.size() + stops.size());
  for (const auto& [k, v] : by_key) keys.push_back(k);
  for (const auto& [k, v] : demonyms) {
    if (!by_key.contains(k)) keys.push_back(k);
  }
  // A stop name that is no place's name ("new york times") is kept as an
  // entry without postings: the scanner matches it, longest first, and so
  // does not report the place inside it ("New York").
  for (const auto& k : stops) {
    if (!k.empty() && !by_key.contains(k) && !demonyms.contains(k)) keys.push_back(k);
  }
  std::sort(keys.begin(), keys.end());  // deterministic output

  std::unordered_map<uint64_t, uint32_t> entry_of_hash;  // for prefix flags
  entry_of_hash.reserve(keys.size() * 2);
  auto add_entry = [&](uint64_t hash) -> NameEntry& {
    auto [it, fresh] = entry_of_hash.try_emplace(hash, static_cast<uint32_t>(d.entries.size()));
    if (fresh) {
      NameEntry e;
      e.hash = hash;
      d.entries.push_back(e);
    }
    return d.entries[it->second];
  };

  // Variant postings, gathered while the exact keys are laid out.
  std::unordered_map<std::string, std::vector<Posting>> by_variant;

  for (const auto& key : keys) {
    uint64_t hash = FoldedNameHash(key);
    auto off = static_cast<uint32_t>(d.keys.size());
    d.keys.append(key);
    NameEntry& e = add_entry(hash);
    e.key_off = off;
    e.key_len = static_cast<uint16_t>(key.size());
    e.flags |= kEntryTerminal;
    bool stop = stops.contains(key);
    if (stop) e.flags |= kEntryStopName;
    if (auto dm = demonyms.find(key); dm != demonyms.end()) {
      // A demonym is never a place, even where a village shares the word.
      e.kinds = kNameDemonym;
      e.demonym_country[0] = dm->second[0];
      e.demonym_country[1] = dm->second[1];
      e.salience = stop ? 0.05f : 0.9f;
    } else {
      std::vector<Posting> ps = by_key[key];
      Dedupe(&ps);
      SortPostings(places, &ps);
      e.post_begin = static_cast<uint32_t>(d.postings.size());
      e.post_count = static_cast<uint32_t>(ps.size());
      float sal = 0;
      for (const auto& p : ps) {
        d.postings.push_back(p.place << 3 | static_cast<uint32_t>(p.origin));
        e.kinds |= KindBits(places[p.place].kind);
        sal = std::max(sal, PlaceImportance(places[p.place]) * OriginFactor(p.origin));
      }
      // Short one-word names ("Gao", "Bor") are often abbreviations or words.
      if (key.find(' ') == std::string::npos && key.size() <= 3 && !(e.kinds & kNameCountry)) {
        sal *= 0.6f;
      }
      e.salience = stop ? std::min(sal, 0.05f) : sal;
      if (!stop) {
        std::string vk = VariantKey(key);
        if (vk.size() >= kMinVariantKeyLength) {
          auto& vp = by_variant[vk];
          vp.insert(vp.end(), ps.begin(), ps.end());
        }
      }
    }
    // Token prefixes.
    uint64_t h = kSequenceSeed;
    size_t i = 0;
    while (true) {
      size_t j = key.find(' ', i);
      if (j == std::string::npos) break;
      h = CombineTokenHash(h, TokenHash(std::string_view(key).substr(i, j - i)));
      add_entry(h).flags |= kEntryPrefix;
      i = j + 1;
    }
  }
  d.slots = MakeSlots(d.entries);

  std::vector<std::string> vkeys;
  vkeys.reserve(by_variant.size());
  for (const auto& [k, v] : by_variant) vkeys.push_back(k);
  std::sort(vkeys.begin(), vkeys.end());
  for (const auto& vk : vkeys) {
    std::vector<Posting> ps = by_variant[vk];
    Dedupe(&ps);
    SortPostings(places, &ps);
    NameEntry e;
    e.hash = TokenHash(vk);
    e.key_off = static_cast<uint32_t>(d.keys.size());
    e.key_len = static_cast<uint16_t>(vk.size());
    e.flags = kEntryTerminal;
    d.keys.append(vk);
    e.post_begin = static_cast<uint32_t>(d.variant_postings.size());
    e.post_count = static_cast<uint32_t>(ps.size());
    for (const auto& p : ps) {
      d.variant_postings.push_back(p.place << 3 | static_cast<uint32_t>(p.origin));
      e.kinds |= KindBits(places[p.place].kind);
    }
    d.variant_entries.push_back(e);
  }
  d.variant_slots = MakeSlots(d.variant_entries);

  d.ids.reserve(places.size());
  for (size_t i = 0; i < places.size(); ++i) {
    d.ids.push_back({places[i].geonameid, static_cast<uint32_t>(i), 0});
  }
  std::sort(d.ids.begin(), d.ids.end(),
            [](const IdSlot& a, const IdSlot& b) { return a.id < b.id; });

  std::vector<std::pair<int, uint32_t>> cells;
  cells.reserve(places.size());
  for (size_t i = 0; i < places.size(); ++i) {
    cells.emplace_back(GridCell(places[i].lat, places[i].lon), static_cast<uint32_t>(i));
  }
  std::sort(cells.begin(), cells.end());
  d.grid_start.assign(kGridCells + 1, 0);
  d.grid_items.reserve(cells.size());
  size_t c = 0;
  for (int cell = 0; cell <= kGridCells; ++cell) {
    d.grid_start[static_cast<size_t>(cell)] = static_cast<uint32_t>(c);
    while (c < cells.size() && cells[c].first == cell) {
      d.grid_items.push_back(cells[c].second);
      ++c;
    }
  }
  return d;
}

}  // namespace sitrep::places
