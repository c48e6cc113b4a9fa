#include "places/world_builder.h"

#include <utf8proc.h>

#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "places/data_files.h"
#include "places/fold.h"
#include "places/gazetteer_file.h"

namespace sitrep::places {

namespace {

// GeoNames cities table columns.
enum Column {
  kColId = 0,
  kColName = 1,
  kColAscii = 2,
  kColAlternates = 3,
  kColLat = 4,
  kColLon = 5,
  kColFeatureCode = 7,
  kColCountry = 8,
  kColAdmin1 = 10,
  kColPopulation = 14,
  kMinColumns = 15,
};

// Alternate names longer than this are descriptions, not names.
constexpr size_t kMaxAlternateBytes = 80;

PlaceKind KindOfFeatureCode(std::string_view code) {
  if (code == "PPLC") return PlaceKind::kNationalCapital;
  if (code == "PPLA") return PlaceKind::kProvincialCapital;
  if (code == "PPLA2" || code == "PPLA3" || code == "PPLA4" || code == "PPLA5") {
    return PlaceKind::kDistrictSeat;
  }
  return PlaceKind::kCity;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) {
      out.push_back(s.substr(i));
      return out;
    }
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
}

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool HasUpper(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    int32_t cp = 0;
    i += DecodeUtf8(s, i, &cp);
    if (IsUpperCodepoint(cp)) return true;
  }
  return false;
}

// "KBL", "HEA": airport and other codes among the alternate names.
bool LooksLikeCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ull;
  }
  return h;
}

bool IsFormalName(const std::string& name) {
  return name.find("Republic") != std::string::npos ||
         name.find("Federation") != std::string::npos || name.find(", ") != std::string::npos ||
         name.find('(') != std::string::npos || name.find(" of ") != std::string::npos ||
         name.find("Darussalam") != std::string::npos;
}

bool HasLower(std::string_view s) {
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

// A country display name from i18n-iso-countries: the first form, unless it
// is a formal one ("Islamic Republic of Iran"), then the shortest other form
// that is not an abbreviation.
std::string CountryDisplayName(const std::vector<std::string>& names) {
  const std::string& first = names.front();
  if (!IsFormalName(first) || names.size() == 1) return first;
  const std::string* best = nullptr;
  for (size_t i = 1; i < names.size(); ++i) {
    const std::string& n = names[i];
    if (!HasLower(n)) continue;
    if (best == nullptr || n.size() < best->size()) best = &n;
  }
  return best != nullptr ? *best : first;
}

struct Accumulator {
  double x = 0, y = 0, z = 0, weight = 0;
  int64_t population = 0;
  int64_t best_capital = -1;  // index of the most populous capital
  int64_t best_city = -1;     // index of the most populous city

  void Add(const Place& p, size_t index, const std::vector<Place>& places, bool capital) {
    const double r = 3.14159265358979323846 / 180.0;
    double w = static_cast<double>(p.population) + 1.0;
    x += w * std::cos(p.lat * r) * std::cos(p.lon * r);
    y += w * std::cos(p.lat * r) * std::sin(p.lon * r);
    z += w * std::sin(p.lat * r);
    weight += w;
    population += p.population;
    auto i = static_cast<int64_t>(index);
    if (capital &&
        (best_capital < 0 || places[static_cast<size_t>(best_capital)].population < p.population)) {
      best_capital = i;
    }
    if (best_city < 0 || places[static_cast<size_t>(best_city)].population < p.population) {
      best_city = i;
    }
  }
  void Centroid(double* lat, double* lon) const {
    const double d = 180.0 / 3.14159265358979323846;
    *lat = std::atan2(z, std::sqrt(x * x + y * y)) * d;
    *lon = std::atan2(y, x) * d;
  }
};

}  // namespace

int64_t CountryPlaceId(std::string_view alpha2) {
  if (alpha2.size() != 2) return 0;
  return -(static_cast<int64_t>(static_cast<unsigned char>(alpha2[0])) * 256 +
           static_cast<unsigned char>(alpha2[1]));
}

int64_t Admin1PlaceId(std::string_view admin1_code) {
  constexpr uint64_t kRange = 9'000'000'000'000ull;
  return -static_cast<int64_t>(1'000'000 + Fnv1a(admin1_code) % kRange);
}

bool IsLatinScript(std::string_view name) {
  size_t i = 0;
  while (i < name.size()) {
    int32_t cp = 0;
    i += DecodeUtf8(name, i, &cp);
    if (cp < 0x80) continue;
    auto cat = utf8proc_category(cp);
    bool letter = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
                  cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO ||
                  cat == UTF8PROC_CATEGORY_LM;
    if (!letter) continue;
    bool latin = (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x250 && cp <= 0x2FF) ||
                 (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
                 (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xAB30 && cp <= 0xAB6F);
    if (!latin) return false;
  }
  return true;
}

std::string AsciiName(std::string_view name) {
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    int32_t cp = 0;
    size_t len = DecodeUtf8(name, i, &cp);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (auto plain = PlainLatin(cp); !plain.empty()) {
      out.append(plain);
      if (IsUpperCodepoint(cp)) out[out.size() - plain.size()] -= 'a' - 'A';
    } else {
      utf8proc_int32_t buf[16];
      int boundclass = 0;
      auto n = utf8proc_decompose_char(
          cp, buf, 16,
          static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK),
          &boundclass);
      if (n <= 0 || n > 16) {
        out.append(name.substr(i, len));
      } else {
        for (utf8proc_ssize_t k = 0; k < n; ++k) {
          int32_t c = buf[k];
          if (c < 0x80) {
            out.push_back(static_cast<char>(c));
          } else {
            uint8_t enc[4];
            auto m = utf8proc_encode_char(c, enc);
            out.append(reinterpret_cast<const char*>(enc), static_cast<size_t>(m));
          }
        }
      }
    }
    i += len;
  }
  return out;
}

Result<World> BuildWorld(const SourceTexts& src) {
  World w;
  auto& places = w.places;
  auto& names = w.names.names;

  // Admin-1 and country names first: cities carry them.
  std::map<std::string, std::string> admin1_names;  // "AF.11" -> "Herat"
  std::map<std::string, std::vector<std::string>> country_names;
  try {
    auto a = nlohmann::json::parse(src.admin1);
    if (!a.is_array()) {
      return Status(ErrorKind::kInvalidInput, "admin-1 names: expected a JSON array",
                    src.admin1_name);
    }
    for (const auto& item : a) {
      std::string code = item.at("code").get<std::string>();
      std::string name = item.at("name").get<std::string>();
      if (code.size() >= 4 && code[2] == '.' && !name.empty()) admin1_names[code] = name;
    }
    auto c = nlohmann::json::parse(src.countries);
    const auto& table = c.contains("countries") ? c.at("countries") : c;
    if (!table.is_object()) {
      return Status(ErrorKind::kInvalidInput, "country names: expected an object of codes",
                    src.countries_name);
    }
    for (const auto& [code, value] : table.items()) {
      std::vector<std::string> list;
      if (value.is_string()) {
        list.push_back(value.get<std::string>());
      } else if (value.is_array()) {
        for (const auto& v : value) list.push_back(v.get<std::string>());
      }
      if (code.size() == 2 && !list.empty()) country_names[code] = list;
    }
  } catch (const nlohmann::json::exception& e) {
    return Status(ErrorKind::kInvalidInput, std::string("bad JSON: ") + e.what(),
                  src.admin1_name + " / " + src.countries_name);
  }
  std::map<std::string, std::string> country_display;
  for (const auto& [code, list] : country_names) country_display[code] = CountryDisplayName(list);

  // Cities.
  std::map<std::string, Accumulator> admin1_acc, country_acc;
  size_t line_no = 0;
  size_t i = 0;
  const std::string_view cities = src.cities;
  while (i < cities.size()) {
    size_t j = cities.find('\n', i);
    if (j == std::string_view::npos) j = cities.size();
    std::string_view line = cities.substr(i, j - i);
    i = j + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto where = [&] { return src.cities_name + ":" + std::to_string(line_no); };
    auto f = Split(line, '\t');
    if (f.size() < kMinColumns) {
      return Status(
          ErrorKind::kInvalidInput,
          "expected at least 15 tab-separated GeoNames columns, got " + std::to_string(f.size()),
          where());
    }
    Place p;
    if (!ParseNumber(f[kColId], &p.geonameid) || p.geonameid <= 0 ||
        !ParseNumber(f[kColLat], &p.lat) || !ParseNumber(f[kColLon], &p.lon) || p.lat < -90 ||
        p.lat > 90 || p.lon < -180 || p.lon > 180) {
      return Status(ErrorKind::kInvalidInput, "bad id or coordinates", where());
    }
    if (!f[kColPopulation].empty() && !ParseNumber(f[kColPopulation], &p.population)) {
      return Status(ErrorKind::kInvalidInput, "bad population", where());
    }
    p.name = std::string(f[kColName]);
    p.ascii_name = f[kColAscii].empty() ? AsciiName(p.name) : std::string(f[kColAscii]);
    p.feature_code = std::string(f[kColFeatureCode]);
    p.kind = KindOfFeatureCode(p.feature_code);
    p.country = std::string(f[kColCountry]);
    if (auto it = country_display.find(p.country); it != country_display.end()) {
      p.country_name = it->second;
    }
    if (!f[kColAdmin1].empty() && !p.country.empty()) {
      p.admin1_code = p.country + "." + std::string(f[kColAdmin1]);
      if (auto it = admin1_names.find(p.admin1_code); it != admin1_names.end()) {
        p.admin1 = it->second;
      }
    }
    if (places.size() + 1 >= kMaxPlaces) {
      return Status(ErrorKind::kTooLarge, "too many places", where());
    }
    auto idx = static_cast<uint32_t>(places.size());
    names.push_back({FoldName(p.name), idx, NameOrigin::kPrimary});
    names.push_back({FoldName(p.ascii_name), idx, NameOrigin::kPrimary});
    for (auto alt : Split(f[kColAlternates], ',')) {
      if (alt.empty() || alt.size() > kMaxAlternateBytes || LooksLikeCode(alt) || !HasUpper(alt) ||
          !IsLatinScript(alt)) {
        continue;
      }
      names.push_back({FoldName(alt), idx, NameOrigin::kAlternate});
    }
    if (!p.admin1_code.empty()) {
      admin1_acc[p.admin1_code].Add(p, idx, places, p.kind == PlaceKind::kProvincialCapital);
    }
    if (!p.country.empty()) {
      country_acc[p.country].Add(p, idx, places, p.kind == PlaceKind::kNationalCapital);
    }
    places.push_back(std::move(p));
  }
  if (places.empty()) return Status(ErrorKind::kEmptyInput, "no cities", src.cities_name);

  // Admin-1 areas.
  std::unordered_map<std::string, uint32_t> admin1_index;
  for (const auto& [code, name] : admin1_names) {
    auto acc = admin1_acc.find(code);
    if (acc == admin1_acc.end()) continue;  // no city: no point to put it at
    Place a;
    a.geonameid = Admin1PlaceId(code);
    a.name = name;
    a.ascii_name = AsciiName(name);
    a.kind = PlaceKind::kAdmin1;
    a.feature_code = "ADM1";
    a.country = code.substr(0, 2);
    if (auto it = country_display.find(a.country); it != country_display.end()) {
      a.country_name = it->second;
    }
    a.admin1_code = code;
    a.admin1 = name;
    a.population = acc->second.population;
    if (acc->second.best_capital >= 0) {
      const Place& cap = places[static_cast<size_t>(acc->second.best_capital)];
      a.lat = cap.lat;
      a.lon = cap.lon;
    } else {
      acc->second.Centroid(&a.lat, &a.lon);
    }
    auto idx = static_cast<uint32_t>(places.size());
    AppendAdminNameForms(a.name, idx, &names);
    if (a.ascii_name != a.name) AppendAdminNameForms(a.ascii_name, idx, &names);
    admin1_index[code] = idx;
    places.push_back(std::move(a));
  }

  // Countries.
  std::unordered_map<std::string, uint32_t> country_index;
  for (const auto& [code, list] : country_names) {
    auto acc = country_acc.find(code);
    if (acc == country_acc.end()) continue;
    Place c;
    c.geonameid = CountryPlaceId(code);
    c.name = country_display[code];
    c.ascii_name = AsciiName(c.name);
    c.kind = PlaceKind::kCountry;
    c.feature_code = "PCLI";
    c.country = code;
    c.country_name = c.name;
    c.population = acc->second.population;
    auto at = acc->second.best_capital >= 0 ? acc->second.best_capital : acc->second.best_city;
    const Place& cap = places[static_cast<size_t>(at)];
    c.lat = cap.lat;
    c.lon = cap.lon;
    auto idx = static_cast<uint32_t>(places.size());
    for (const auto& n : list) names.push_back({FoldName(n), idx, NameOrigin::kPrimary});
    names.push_back({FoldName(c.ascii_name), idx, NameOrigin::kPrimary});
    country_index[code] = idx;
    places.push_back(std::move(c));
  }

  // Aliases, demonyms, stop names.
  auto aliases = ParseAliases(src.aliases, src.aliases_name);
  if (!aliases.ok()) return aliases.status();
  std::unordered_map<int64_t, uint32_t> by_id;
  by_id.reserve(places.size());
  for (size_t k = 0; k < places.size(); ++k) {
    if (!by_id.try_emplace(places[k].geonameid, static_cast<uint32_t>(k)).second) {
      return Status(ErrorKind::kInvalidInput,
                    "duplicate place id " + std::to_string(places[k].geonameid), src.cities_name);
    }
  }
  for (const auto& a : *aliases) {
    uint32_t target = 0;
    bool found = false;
    if (a.geonameid != 0) {
      auto it = by_id.find(a.geonameid);
      found = it != by_id.end();
      if (found) target = it->second;
    } else if (!a.admin1_code.empty()) {
      auto it = admin1_index.find(a.admin1_code);
      found = it != admin1_index.end();
      if (found) target = it->second;
    } else {
      auto it = country_index.find(a.country);
      found = it != country_index.end();
      if (found) target = it->second;
    }
    if (!found) {
      return Status(ErrorKind::kInvalidInput, "alias '" + a.name + "' names no known place",
                    a.where);
    }
    names.push_back({FoldName(a.name), target, NameOrigin::kAlias});
    // A country known only by its formal name ("Syrian Arab Republic") is
    // displayed by its shortest alias that is a word, not an abbreviation.
    Place& t = places[target];
    if (t.kind == PlaceKind::kCountry && IsFormalName(country_names[t.country].front()) &&
        country_names[t.country].size() == 1 && HasLower(a.name) &&
        (t.name == country_names[t.country].front() || a.name.size() < t.name.size())) {
      t.name = a.name;
      t.ascii_name = AsciiName(a.name);
      t.country_name = t.name;
    }
  }
  for (Place& p : places) {
    if (auto it = country_index.find(p.country); it != country_index.end()) {
      p.country_name = places[it->second].name;
    }
  }
  auto demonyms = ParseDemonyms(src.demonyms, src.demonyms_name);
  if (!demonyms.ok()) return demonyms.status();
  for (const auto& d : *demonyms) w.names.demonyms.push_back({FoldName(d.demonym), d.country});
  auto stops = ParseStopNames(src.stop_names, src.stop_names_name);
  if (!stops.ok()) return stops.status();
  for (const auto& s : *stops) w.names.stop_names.push_back(FoldName(s));
  return w;
}

}  // namespace sitrep::places

namespace sitrep {

Status BuildGazetteer(const GazetteerSources& sources, const std::string& out_path) {
  using places::ReadFile;
  auto cities = ReadFile(sources.cities);
  if (!cities.ok()) return cities.status();
  auto admin1 = ReadFile(sources.admin1);
  if (!admin1.ok()) return admin1.status();
  auto countries = ReadFile(sources.countries);
  if (!countries.ok()) return countries.status();
  std::string aliases, demonyms, stops;
  auto read_optional = [](const std::string& path, std::string* out) -> Status {
    if (path.empty()) return Status::Ok();
    auto r = ReadFile(path);
    if (!r.ok()) return r.status();
    *out = std::move(*r);
    return Status::Ok();
  };
  SITREP_RETURN_IF_ERROR(read_optional(sources.aliases, &aliases));
  SITREP_RETURN_IF_ERROR(read_optional(sources.demonyms, &demonyms));
  SITREP_RETURN_IF_ERROR(read_optional(sources.stop_names, &stops));

  places::SourceTexts src;
  src.cities = *cities;
  src.admin1 = *admin1;
  src.countries = *countries;
  src.aliases = aliases;
  src.demonyms = demonyms;
  src.stop_names = stops;
  src.cities_name = sources.cities;
  src.admin1_name = sources.admin1;
  src.countries_name = sources.countries;
  src.aliases_name = sources.aliases;
  src.demonyms_name = sources.demonyms;
  src.stop_names_name = sources.stop_names;
  auto world = places::BuildWorld(src);
  if (!world.ok()) return world.status();
  places::IndexData index = places::BuildNameIndex(world->places, world->names);
  return places::WriteGazetteerFile(world->places, index, out_path);
}

}  // namespace sitrep
