#include "places/indexed_gazetteer.h"

#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include "places/fold.h"

namespace sitrep {

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  double meters = 0;
  GeographicLib::Geodesic::WGS84().Inverse(lat1, lon1, lat2, lon2, meters);
  return meters / 1000.0;
}

std::string_view NameMatchName(NameMatch m) {
  switch (m) {
    case NameMatch::kName:
      return "name";
    case NameMatch::kAlias:
      return "alias";
    case NameMatch::kAdminForm:
      return "admin-form";
    case NameMatch::kAlternate:
      return "alternate";
    case NameMatch::kVariant:
      return "variant";
  }
  return "name";
}

std::vector<PlaceCandidate> Gazetteer::Candidates(std::string_view name) const {
  std::vector<PlaceCandidate> out;
  for (const Place* p : Lookup(name)) out.push_back({p, NameMatch::kName, 0.5f});
  return out;
}

std::string Gazetteer::DemonymCountry(std::string_view /*word*/) const { return {}; }

namespace {

std::string UpperAlpha2(std::string_view code) {
  std::string out(code);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<const Place*> Gazetteer::PlacesIn(std::string_view alpha2,
                                              std::optional<PlaceKind> kind) const {
  // Half the earth's circumference bounds every distance from one point.
  constexpr double kWholeEarthKm = 20100;
  const std::string code = UpperAlpha2(alpha2);
  std::vector<const Place*> out;
  for (const auto& pd : Within(0, 0, kWholeEarthKm, kind)) {
    if (UpperAlpha2(pd.place->country) == code) out.push_back(pd.place);
  }
  std::sort(out.begin(), out.end(),
            [](const Place* a, const Place* b) { return a->geonameid < b->geonameid; });
  return out;
}

Result<const Place*> FindPlace(const Gazetteer& gazetteer, std::string_view query) {
  std::string_view q = query;
  while (!q.empty() && q.front() == ' ') q.remove_prefix(1);
  while (!q.empty() && q.back() == ' ') q.remove_suffix(1);
  if (q.empty())
    return Status(ErrorKind::kInvalidArgument, "empty place query", std::string(query));
  int64_t id = 0;
  auto [end, ec] = std::from_chars(q.data(), q.data() + q.size(), id);
  if (ec == std::errc() && end == q.data() + q.size()) {
    if (const Place* p = gazetteer.Get(id)) return p;
    return Status(ErrorKind::kNotFound, "no place with this GeoNames id", std::string(q));
  }
  if (q.size() == 2 && std::isupper(static_cast<unsigned char>(q[0])) &&
      std::isupper(static_cast<unsigned char>(q[1]))) {
    if (const Place* p = gazetteer.Country(q)) return p;
  }
  if (q.size() > 3 && q[2] == '.') {
    if (const Place* p = gazetteer.Admin1(q)) return p;
  }
  auto candidates = gazetteer.Lookup(q);
  if (candidates.empty()) {
    return Status(ErrorKind::kNotFound, "no place of this name in the gazetteer", std::string(q));
  }
  return candidates.front();
}

}  // namespace sitrep

namespace sitrep::places {

namespace {

constexpr double kEarthMeanRadiusKm = 6371.0088;
constexpr double kPi = 3.14159265358979323846;

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  const double r = kPi / 180.0;
  double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * r) * std::cos(lat2 * r) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthMeanRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

NameMatch MatchOf(NameOrigin o) {
  switch (o) {
    case NameOrigin::kPrimary:
      return NameMatch::kName;
    case NameOrigin::kAlias:
      return NameMatch::kAlias;
    case NameOrigin::kAdminForm:
      return NameMatch::kAdminForm;
    case NameOrigin::kAlternate:
      return NameMatch::kAlternate;
  }
  return NameMatch::kName;
}

bool IsSettlement(PlaceKind k) { return k != PlaceKind::kAdmin1 && k != PlaceKind::kCountry; }

// "x province" -> ("x", true); "x city" -> ("x", false).
struct Suffix {
  std::string_view text;
  bool admin;
};
constexpr std::array<Suffix, 9> kKindSuffixes{{{" province", true},
                                               {" provinces", true},
                                               {" region", true},
                                               {" oblast", true},
                                               {" governorate", true},
                                               {" state", true},
                                               {" district", true},
                                               {" city", false},
                                               {" town", false}}};

// Arabic articles that may start a name in lower case ("al-Fashir").
bool IsLowerArticle(std::string_view folded) {
  static constexpr std::array<std::string_view, 13> kArticles = {
      "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez", "ath"};
  return std::find(kArticles.begin(), kArticles.end(), folded) != kArticles.end();
}

}  // namespace

IndexedGazetteer::IndexedGazetteer(std::vector<Place> places, IndexView view,
                                   std::unique_ptr<IndexBacking> backing, ScanOptions scan)
    : places_(std::move(places)), view_(view), backing_(std::move(backing)), scan_(scan) {
  for (size_t i = 0; i < places_.size(); ++i) {
    const Place& p = places_[i];
    if (p.kind == PlaceKind::kAdmin1 && !p.admin1_code.empty()) {
      admin1_by_code_.try_emplace(p.admin1_code, static_cast<uint32_t>(i));
    } else if (p.kind == PlaceKind::kCountry && !p.country.empty()) {
      country_by_code_.try_emplace(p.country, static_cast<uint32_t>(i));
    }
  }
  std::vector<std::string> upper(places_.size());
  by_country_.reserve(places_.size());
  for (size_t i = 0; i < places_.size(); ++i) {
    if (places_[i].country.empty()) continue;
    upper[i] = UpperAlpha2(places_[i].country);
    by_country_.push_back(static_cast<uint32_t>(i));
  }
  std::sort(by_country_.begin(), by_country_.end(), [&](uint32_t a, uint32_t b) {
    if (upper[a] != upper[b]) return upper[a] < upper[b];
    return places_[a].geonameid < places_[b].geonameid;
  });
  for (size_t k = 0; k < by_country_.size();) {
    size_t end = k;
    const std::string& code = upper[by_country_[k]];
    while (end < by_country_.size() && upper[by_country_[end]] == code) ++end;
    country_range_.emplace(code,
                           std::make_pair(static_cast<uint32_t>(k), static_cast<uint32_t>(end)));
    k = end;
  }
}

std::vector<const Place*> IndexedGazetteer::PlacesIn(std::string_view alpha2,
                                                     std::optional<PlaceKind> kind) const {
  std::vector<const Place*> out;
  auto it = country_range_.find(UpperAlpha2(alpha2));
  if (it == country_range_.end()) return out;
  for (uint32_t k = it->second.first; k < it->second.second; ++k) {
    const Place& p = places_[by_country_[k]];
    if (!kind || p.kind == *kind) out.push_back(&p);
  }
  return out;
}

void IndexedGazetteer::AppendPostings(const NameEntry& e, std::span<const uint32_t> postings,
                                      bool variant, std::vector<PlaceCandidate>* out) const {
  for (uint32_t k = 0; k < e.post_count; ++k) {
    uint32_t p = postings[e.post_begin + k];
    const Place& place = places_[PostingPlace(p)];
    PlaceCandidate c;
    c.place = &place;
    c.match = variant ? NameMatch::kVariant : MatchOf(PostingOrigin(p));
    float prior = PlaceImportance(place);
    // An alternate name of a minor place is as often another place's name.
    if (c.match == NameMatch::kAlternate) prior *= prior < 0.6f ? 0.6f : 0.8f;
    if (variant) prior *= 0.7f;
    c.prior = prior;
    out->push_back(c);
  }
}

std::vector<PlaceCandidate> IndexedGazetteer::Candidates(std::string_view name) const {
  std::vector<PlaceCandidate> out;
  std::string folded = FoldName(name);
  if (folded.empty()) return out;
  const NameEntry* e = view_.Find(FoldedNameHash(folded), folded);
  if (e != nullptr && e->post_count > 0) {
    AppendPostings(*e, view_.postings, false, &out);
    return out;
  }
  if (e == nullptr) {
    if (const NameEntry* v = view_.FindVariant(VariantKey(folded)); v != nullptr) {
      AppendPostings(*v, view_.variant_postings, true, &out);
      return out;
    }
  }
  // "Oruzgan province", "Kandahar city": the base name, restricted by kind.
  for (const auto& s : kKindSuffixes) {
    if (folded.size() > s.text.size() && folded.ends_with(s.text)) {
      auto base = Candidates(std::string_view(folded).substr(0, folded.size() - s.text.size()));
      for (const auto& c : base) {
        bool admin = c.place->kind == PlaceKind::kAdmin1;
        if (admin == s.admin && (admin || IsSettlement(c.place->kind))) out.push_back(c);
      }
      break;
    }
  }
  return out;
}

std::vector<const Place*> IndexedGazetteer::Lookup(std::string_view name) const {
  std::vector<const Place*> out;
  for (const auto& c : Candidates(name)) out.push_back(c.place);
  return out;
}

std::string IndexedGazetteer::DemonymCountry(std::string_view word) const {
  std::string folded = FoldName(word);
  const NameEntry* e = view_.Find(FoldedNameHash(folded), folded);
  if (e == nullptr || !(e->kinds & kNameDemonym)) return {};
  return std::string(e->demonym_country, 2);
}

const Place* IndexedGazetteer::Get(int64_t id) const {
  auto it = std::lower_bound(view_.ids.begin(), view_.ids.end(), id,
                             [](const IdSlot& s, int64_t v) { return s.id < v; });
  if (it == view_.ids.end() || it->id != id) return nullptr;
  return &places_[it->place];
}

const Place* IndexedGazetteer::Admin1(std::string_view admin1_code) const {
  auto it = admin1_by_code_.find(std::string(admin1_code));
  return it == admin1_by_code_.end() ? nullptr : &places_[it->second];
}

const Place* IndexedGazetteer::Country(std::string_view alpha2) const {
  auto it = country_by_code_.find(std::string(alpha2));
  return it == country_by_code_.end() ? nullptr : &places_[it->second];
}

std::vector<PlaceDistance> IndexedGazetteer::Within(double lat, double lon, double radius_km,
                                                    std::optional<PlaceKind> kind) const {
  std::vector<PlaceDistance> out;
  if (!(radius_km >= 0) || view_.grid_start.size() != kGridCells + 1) return out;
  constexpr double kKmPerDegreeLat = 110.5;  // a little under the shortest degree
  double dlat = radius_km / kKmPerDegreeLat + 0.01;
  int row_lo = std::max(0, static_cast<int>(std::floor(lat - dlat + 90.0)));
  int row_hi = std::min(kGridRows - 1, static_cast<int>(std::floor(lat + dlat + 90.0)));
  bool all_cols = true;
  int col_lo = 0, col_hi = kGridCols - 1;
  double max_abs_lat = std::abs(lat) + dlat;
  if (max_abs_lat < 89.0) {
    double dlon = radius_km / (111.32 * std::cos(max_abs_lat * kPi / 180.0)) + 0.01;
    if (dlon < 179.0) {
      all_cols = false;
      col_lo = static_cast<int>(std::floor(lon - dlon + 180.0));
      col_hi = static_cast<int>(std::floor(lon + dlon + 180.0));
    }
  }
  const double prefilter = radius_km * 1.01 + 1.0;
  for (int row = row_lo; row <= row_hi; ++row) {
    int lo = all_cols ? 0 : col_lo, hi = all_cols ? kGridCols - 1 : col_hi;
    for (int c = lo; c <= hi; ++c) {
      int col = ((c % kGridCols) + kGridCols) % kGridCols;
      size_t cell = static_cast<size_t>(row * kGridCols + col);
      for (uint32_t k = view_.grid_start[cell]; k < view_.grid_start[cell + 1]; ++k) {
        const Place& p = places_[view_.grid_items[k]];
        if (kind && p.kind != *kind) continue;
        if (HaversineKm(lat, lon, p.lat, p.lon) > prefilter) continue;
        double km = DistanceKm(lat, lon, p.lat, p.lon);
        if (km <= radius_km) out.push_back({&p, km});
      }
    }
  }
  // Ties (a country at its capital's point) go to the more specific place.
  auto breadth = [](PlaceKind k) {
    return k == PlaceKind::kCountry ? 2 : k == PlaceKind::kAdmin1 ? 1 : 0;
  };
  std::sort(out.begin(), out.end(), [&](const PlaceDistance& a, const PlaceDistance& b) {
    if (a.km != b.km) return a.km < b.km;
    int ba = breadth(a.place->kind), bb = breadth(b.place->kind);
    if (ba != bb) return ba < bb;
    return a.place->geonameid < b.place->geonameid;
  });
  return out;
}

namespace {

struct Token {
  uint32_t start = 0, end = 0;  // bytes in the text
  uint32_t fold_off = 0, fold_len = 0;
  uint64_t hash = 0;
  bool upper = false;            // first letter upper case
  bool all_upper = false;        // every letter upper case
  bool joinable_before = false;  // only spaces/hyphens/apostrophes (or "X. ") since the last token
  bool sentence_start = false;   // first token of a sentence
  uint32_t letters = 0;
};

bool IsSentenceEnd(int32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == ':'; }

void Tokenize(std::string_view text, std::vector<Token>* tokens, std::string* folded) {
  size_t i = 0;
  // State of the gap since the last token.
  bool gap_joinable = false;
  int periods = 0;
  bool sentence_start = true;
  bool newlines = false;
  bool last_short_upper = false;  // the last token could be an abbreviation ("St", "Mt")
  Token cur;
  bool in_token = false;
  auto finish = [&](size_t end) {
    cur.end = static_cast<uint32_t>(end);
    cur.fold_len = static_cast<uint32_t>(folded->size()) - cur.fold_off;
    if (cur.fold_len > 0) {
      cur.hash = TokenHash(std::string_view(*folded).substr(cur.fold_off, cur.fold_len));
      tokens->push_back(cur);
    } else {
      folded->resize(cur.fold_off);
    }
    in_token = false;
    last_short_upper = cur.upper && cur.letters <= 3;
    gap_joinable = true;
    periods = 0;
    newlines = false;
  };
  while (i < text.size()) {
    int32_t cp = 0;
    size_t len = DecodeUtf8(text, i, &cp);
    size_t before = folded->size();
    CharClass cls = FoldCodepoint(cp, folded);
    if (cls == CharClass::kWord || (cls == CharClass::kDrop && in_token)) {
      if (!in_token) {
        cur = Token();
        cur.start = static_cast<uint32_t>(i);
        cur.fold_off = static_cast<uint32_t>(before);
        cur.joinable_before =
            gap_joinable && !newlines && (periods == 0 || (periods == 1 && last_short_upper));
        cur.sentence_start = sentence_start;
        cur.upper = IsUpperCodepoint(cp);
        cur.all_upper = true;
        in_token = true;
        sentence_start = false;
      }
      if (folded->size() > before) {
        ++cur.letters;
        if (!IsUpperCodepoint(cp)) cur.all_upper = false;
      }
    } else {
      if (in_token) finish(i);
      if (cls == CharClass::kSpace) {
        if (cp == '\n') {
          if (newlines) sentence_start = true;  // a blank line: a new paragraph
          newlines = true;
        }
      } else if (cls == CharClass::kPeriod) {
        ++periods;
        sentence_start = true;
      } else if (cls == CharClass::kJoiner) {
        // stays joinable
      } else if (cls == CharClass::kBreak) {
        gap_joinable = false;
        // Other punctuation (",", ";", "—", quotes) continues the sentence.
        if (IsSentenceEnd(cp)) sentence_start = true;
      }
    }
    i += len;
  }
  if (in_token) finish(text.size());
}

}  // namespace

void IndexedGazetteer::FindNames(std::string_view text, std::vector<NameHit>* out) const {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 4);
  std::string folded;
  folded.reserve(text.size());
  Tokenize(text, &tokens, &folded);
  const std::string_view f = folded;

  std::vector<bool> in_hit(tokens.size(), false);

  for (size_t i = 0; i < tokens.size();) {
    const Token& first = tokens[i];
    std::string_view first_fold = f.substr(first.fold_off, first.fold_len);
    bool article_start = !first.upper && IsLowerArticle(first_fold) && i + 1 < tokens.size() &&
                         tokens[i + 1].upper && tokens[i + 1].joinable_before;
    if ((!first.upper && !article_start) || first.letters < 2 ||
        (first.fold_len > 0 && first_fold[0] >= '0' && first_fold[0] <= '9')) {
      ++i;
      continue;
    }
    uint64_t h = kSequenceSeed;
    const NameEntry* best = nullptr;
    size_t best_end = i;
    size_t limit = std::min(tokens.size(), i + scan_.max_name_tokens);
    for (size_t j = i; j < limit; ++j) {
      if (j > i && !tokens[j].joinable_before) break;
      h = CombineTokenHash(h, tokens[j].hash);
      const NameEntry* e = view_.Find(h, {});
      if (e == nullptr) break;
      if (e->flags & kEntryTerminal) {
        // Verify the key: the folded tokens i..j joined by single spaces.
        std::string_view key = view_.Key(*e);
        size_t pos = 0;
        bool same = true;
        for (size_t k = i; k <= j && same; ++k) {
          std::string_view t = f.substr(tokens[k].fold_off, tokens[k].fold_len);
          if (k > i) {
            same = pos < key.size() && key[pos] == ' ';
            ++pos;
          }
          same = same && key.substr(pos, t.size()) == t;
          pos += t.size();
        }
        if (same && pos == key.size()) {
          best = e;
          best_end = j;
        }
      }
      if (!(e->flags & kEntryPrefix)) break;
    }
    if (best == nullptr || (article_start && best_end == i)) {
      ++i;
      continue;
    }
    if (best->kinds == 0) {  // a stop phrase that shadows the names inside it
      i = best_end + 1;
      continue;
    }
    const size_t n_tokens = best_end - i + 1;
    // Acronyms ("US", "UN", "HQ") and two-letter words ("In", "We"): only a
    // country name counts.
    if (n_tokens == 1 && ((first.all_upper && first.letters <= 3) || first.letters <= 2) &&
        !(best->kinds & kNameCountry)) {
      ++i;
      continue;
    }
    float s = best->salience;
    bool big = s >= 0.8f;
    if (n_tokens == 1 && first.sentence_start && !(best->kinds & (kNameCountry | kNameDemonym)) &&
        !big) {
      s *= 0.7f;
    }
    if (first.all_upper && first.letters > 3) s *= 0.9f;
    // "Ned Price", "Ben Wallace": a capitalized word that is not a place
    // right before the name makes it part of a person's or body's name.
    if (i > 0 && first.joinable_before && !in_hit[i - 1]) {
      const Token& prev = tokens[i - 1];
      if (prev.upper && !prev.sentence_start && prev.letters >= 2) s *= 0.3f;
    }
    NameHit hit;
    hit.start = first.start;
    hit.end = tokens[best_end].end;
    hit.kinds = best->kinds;
    hit.salience = std::clamp(s, 0.0f, 1.0f);
    out->push_back(hit);
    for (size_t k = i; k <= best_end; ++k) in_hit[k] = true;
    i = best_end + 1;
  }
}

}  // namespace sitrep::places
