// PlaceResolver: names in a report -> gazetteer places, in context.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "places/fold.h"
#include "places/name_index.h"
#include "sitrep/gazetteer.h"

namespace sitrep {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Below this salience a scanned name is a stop-name or part of a person's name.
constexpr float kAccidentalSalience = 0.1f;
// Names of at least this salience count as evidence for the country focus.
constexpr float kEvidenceSalience = 0.5f;
// A name this salient next to another is a place of its own ("Kabul
// Kandahar highway"); a weaker one may be a family name ("Austin Miller").
constexpr float kStrongSalience = 0.8f;
// Focus scores are divided by at least this, so that one weak clue does not
// make a focus of its own.
constexpr float kFocusFloor = 2.0f;

double QuickKm(double lat1, double lon1, double lat2, double lon2) {
  const double r = kPi / 180.0;
  double dlat = (lat2 - lat1) * r, dlon = (lon2 - lon1) * r;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * r) * std::cos(lat2 * r) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
}

bool IsSettlement(PlaceKind k) { return k != PlaceKind::kAdmin1 && k != PlaceKind::kCountry; }

// Words before a place name that make it a place ("in Khan", "near Police").
bool IsLocative(std::string_view folded_word) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "in",     "at",      "near",   "from",   "to",  "outside", "around",  "into",
      "toward", "towards", "across", "inside", "via", "through", "between", "of"};
  return std::find(kWords.begin(), kWords.end(), folded_word) != kWords.end();
}

// A word of the text: a run of letters, digits and marks.
struct TextWord {
  size_t start = 0, end = 0;  // bytes
  std::string folded;
  bool capitalized = false;
};

bool IsWordByte(std::string_view text, size_t i, size_t* len, int32_t* cp) {
  *len = places::DecodeUtf8(text, i, cp);
  std::string scratch;
  return places::FoldCodepoint(*cp, &scratch) == places::CharClass::kWord;
}

// The word starting at or after `pos`, if only spaces (not punctuation)
// come before it.
std::optional<TextWord> WordAfter(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  TextWord w;
  w.start = i;
  size_t len = 0;
  int32_t cp = 0;
  bool first = true;
  while (i < text.size() && IsWordByte(text, i, &len, &cp)) {
    if (first) w.capitalized = places::IsUpperCodepoint(cp);
    first = false;
    i += len;
  }
  if (first) return std::nullopt;
  w.end = i;
  w.folded = FoldName(text.substr(w.start, w.end - w.start));
  return w;
}

// The word ending right before `pos` with only spaces between; and whether
// it starts a sentence.
std::optional<TextWord> WordBefore(std::string_view text, size_t pos, bool* sentence_start) {
  size_t i = std::min(pos, text.size());
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  size_t end = i;
  size_t begin = end;
  while (begin > 0) {
    size_t b = begin - 1;
    while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    size_t len = 0;
    int32_t cp = 0;
    if (!IsWordByte(text, b, &len, &cp)) break;
    begin = b;
  }
  if (begin == end) return std::nullopt;
  TextWord w;
  w.start = begin;
  w.end = end;
  w.folded = FoldName(text.substr(begin, end - begin));
  size_t len = 0;
  int32_t cp = 0;
  IsWordByte(text, begin, &len, &cp);
  w.capitalized = places::IsUpperCodepoint(cp);
  size_t j = begin;
  while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t')) --j;
  char c = j == 0 ? '.' : text[j - 1];
  *sentence_start = c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '"' ||
                    c == '(' || (static_cast<unsigned char>(c) & 0x80) != 0;
  return w;
}

// The end of the dateline ("KABUL - ", "WASHINGTON/DOHA: "): the names
// before the first ':' or dash of the first line; 0 if there is none.
size_t DatelineEnd(std::string_view text) {
  size_t line_end = text.find('\n');
  if (line_end == std::string_view::npos) line_end = text.size();
  size_t end = std::min(text.find(':'), std::min(text.find(" — "), text.find(" - ")));
  if (end > line_end || end > 120) end = 0;
  return end;
}

// Words that follow a place name in the name of a thing at that place
// ("Kabul Airport", "Shindand Air Base", "Mosul Dam"): any other
// capitalized word right after a one-word name makes it part of a
// person's name ("Austin Miller").
bool IsPlaceNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 52> kNouns = {
      "airport",       "air",        "airfield",    "base",       "province",  "region",
      "district",      "oblast",     "governorate", "state",      "city",      "town",
      "valley",        "river",      "dam",         "university", "street",    "road",
      "highway",       "bridge",     "gate",        "square",     "prison",    "jail",
      "hospital",      "stadium",    "mosque",      "camp",       "port",      "police",
      "governor",      "government", "council",     "front",      "offensive", "operation",
      "pass",          "border",     "crossing",    "checkpoint", "corridor",  "station",
      "municipality",  "county",     "mountains",   "lake",       "sea",       "bay",
      "international", "citadel",    "garrison",    "military"};
  return std::find(kNouns.begin(), kNouns.end(), w) != kNouns.end();
}

int HintOfNextWord(const std::string& w) {
  if (w == "city" || w == "town" || w == "village") return 3;
  if (w == "province" || w == "region" || w == "oblast" || w == "governorate") return 1;
  return 0;
}

// A kind hint from the words after a name: "Kunduz city", "Helmand
// province", or an apposition: ", a city on the Blue Nile", ", the second city".
int TextHintAfter(std::string_view text, size_t end) {
  if (auto next = WordAfter(text, end)) return HintOfNextWord(next->folded);
  size_t i = end;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size() || text[i] != ',') return 0;
  auto article = WordAfter(text, i + 1);
  if (!article || (article->folded != "a" && article->folded != "an" && article->folded != "the")) {
    return 0;
  }
  size_t pos = article->end;
  for (int k = 0; k < 2; ++k) {
    auto w = WordAfter(text, pos);
    if (!w) return 0;
    if (w->folded == "city" || w->folded == "town" || w->folded == "village") return 3;
    pos = w->end;
  }
  return 0;
}

// What the text says about one name.
struct Evidence {
  float salience = -1;  // of the scanned name; -1 = the scanner did not find it
  uint8_t kinds = 0;
  bool demonym = false;
  bool locative = false;        // a locative preposition right before it
  bool in_person_name = false;  // a capitalized non-name word right before or after it
  int text_hint = 0;            // from the next word: "city"/"town" 3, "province"/"region" 1
};

// One thing to resolve: a name with a kind hint.
struct Key {
  std::string folded;
  int hint = 0;  // 0 none, 1 admin-1, 2 country, 3 settlement
  bool operator<(const Key& o) const {
    return folded != o.folded ? folded < o.folded : hint < o.hint;
  }
};

int HintOf(const PlaceRef& ref) {
  switch (ref.kind) {
    case PlaceKind::kAdmin1:
      return 1;
    case PlaceKind::kCountry:
      return 2;
    case PlaceKind::kNationalCapital:
    case PlaceKind::kProvincialCapital:
    case PlaceKind::kDistrictSeat:
    case PlaceKind::kCity:
      return 3;
    default:
      return ref.precision == GeoPrecision::kFacility ? 3 : 0;
  }
}

// A place resolved with confidence, and the name it was resolved from.
struct Anchor {
  const Place* place;
  std::string name;
};

struct Choice {
  const Place* place = nullptr;
  float score = 0;
  float margin = 0;  // over the best candidate in another country
};

class ReportContext {
 public:
  ReportContext(const Gazetteer& g, const PlaceResolverOptions& o, const Report& report)
      : g_(g), o_(o), text_(report.text) {
    g_.FindNames(text_, &hits_);
    for (const auto& h : hits_) hit_at_[h.start] = &h;
    ScoreFocus();
  }

  Evidence EvidenceFor(const std::string& text, std::optional<std::pair<uint32_t, uint32_t>> span) {
    Evidence ev;
    const NameHit* hit = nullptr;
    bool shadowed = false;
    if (span) {
      auto it = hit_at_.find(span->first);
      if (it != hit_at_.end() && it->second->end == span->second) hit = it->second;
      bool sentence_start = false;
      auto prev = WordBefore(text_, span->first, &sentence_start);
      ev.locative = prev && IsLocative(prev->folded);
      ev.text_hint = TextHintAfter(text_, span->second);
      auto next = WordAfter(text_, span->second);
      bool one_word = text.find(' ') == std::string::npos && text.find('-') == std::string::npos;
      ev.in_person_name = one_word && ((prev && prev->capitalized && !sentence_start &&
                                        !CoveredByName(prev->start, prev->end)) ||
                                       (next && next->capitalized && !IsPlaceNoun(next->folded) &&
                                        !CoveredByName(next->start, next->end, kStrongSalience)));
      if (hit == nullptr) {
        // Inside a longer name ("York" of "New York") or a stop phrase
        // ("New York" of "New York Times"): the scanner, reading on from
        // here, does not see this name.
        for (const auto& h : hits_) {
          shadowed = shadowed || (h.start <= span->first && h.end >= span->second &&
                                  (h.start != span->first || h.end != span->second));
        }
        std::vector<NameHit> ahead;
        constexpr size_t kLookahead = 160;
        g_.FindNames(text_.substr(span->first, kLookahead), &ahead);
        bool seen_here = !ahead.empty() && ahead[0].start == 0;
        std::vector<NameHit> alone;
        g_.FindNames(text, &alone);
        bool seen_alone = !alone.empty() && alone[0].start == 0;
        shadowed = shadowed || (seen_alone && !seen_here);
      }
    }
    std::vector<NameHit> own;
    if (hit == nullptr) {
      g_.FindNames(text, &own);
      if (own.size() == 1 && own[0].start == 0 && own[0].end == text.size()) hit = &own[0];
    }
    if (hit != nullptr) {
      ev.salience = hit->salience;
      ev.kinds = hit->kinds;
    }
    if (shadowed) ev.salience = 0;
    ev.demonym = (ev.kinds & kNameDemonym) || !g_.DemonymCountry(text).empty();
    return ev;
  }

  // True if a name of the scan of at least `min_salience` covers [start, end).
  bool CoveredByName(size_t start, size_t end, float min_salience = kAccidentalSalience) const {
    for (const auto& h : hits_) {
      if (h.start <= start && h.end >= end && h.salience >= min_salience) return true;
    }
    return false;
  }

  // The focus without the evidence the name itself gave: a name is no
  // evidence for its own reading.
  std::map<std::string, float> FocusWithout(const std::string& folded) const {
    std::map<std::string, float> raw = raw_;
    if (auto it = raw_by_name_.find(folded); it != raw_by_name_.end()) {
      for (const auto& [cc, v] : it->second) raw[cc] -= v;
    }
    float max_score = kFocusFloor;
    for (const auto& [cc, v] : raw) max_score = std::max(max_score, v);
    std::map<std::string, float> focus;
    for (const auto& [cc, v] : raw) focus[cc] = std::max(0.f, v) / max_score;
    return focus;
  }

  // Candidates for a name under a kind hint.
  std::vector<PlaceCandidate> CandidatesFor(const std::string& text, int hint) const {
    auto all = g_.Candidates(text);
    if (hint == 0) return all;
    std::vector<PlaceCandidate> out;
    for (const auto& c : all) {
      PlaceKind k = c.place->kind;
      if ((hint == 1 && k == PlaceKind::kAdmin1) || (hint == 2 && k == PlaceKind::kCountry) ||
          (hint == 3 && IsSettlement(k))) {
        out.push_back(c);
      }
    }
    if (hint == 1 && out.empty()) {
      // "Sheberghan province": the area of the settlement of that name.
      for (const auto& c : all) {
        if (!IsSettlement(c.place->kind) || c.place->admin1_code.empty()) continue;
        if (const Place* a = g_.Admin1(c.place->admin1_code)) {
          out.push_back({a, c.match, c.prior});
          break;
        }
      }
    }
    if (hint == 3 && out.empty()) return all;
    return out;
  }

  // The best candidate, or nullptr if none is good enough.
  Choice Choose(const std::vector<PlaceCandidate>& cands, const Evidence& ev, int hint,
                const std::vector<Anchor>& anchors, const std::string& self) const {
    const std::map<std::string, float> focus_map = FocusWithout(self);
    auto focus_of = [&](const std::string& cc) {
      auto it = focus_map.find(cc);
      return it == focus_map.end() ? 0.f : it->second;
    };
    std::set<std::string> countries;
    size_t alias_count = 0;
    for (const auto& c : cands) {
      countries.insert(c.place->country);
      if (c.match == NameMatch::kAlias) ++alias_count;
    }
    const bool one_country = countries.size() == 1;
    // The alias file says what one name means in news ("Palmyra" is Tadmur,
    // not a town in Missouri): its one target needs no country cue.
    const bool sole_alias = alias_count == 1;

    struct Scored {
      const PlaceCandidate* c;
      float score;
    };
    std::vector<Scored> scored;
    // An alternate name that is only a spelling of the place's own name
    // ("Geneva" of "Genève", "Hama" of "Hamah") counts as its name.
    const std::string self_variant = places::VariantKey(self);
    auto own_spelling = [&](const PlaceCandidate& c) {
      return c.match == NameMatch::kName || c.match == NameMatch::kAlias ||
             c.match == NameMatch::kAdminForm ||
             places::VariantKey(FoldName(c.place->ascii_name)) == self_variant;
    };
    auto prior_of = [&](const PlaceCandidate& c) {
      return c.match == NameMatch::kAlternate && own_spelling(c) ? places::PlaceImportance(*c.place)
                                                                 : c.prior;
    };
    for (const auto& c : cands) {
      const Place& p = *c.place;
      float s = prior_of(c) + o_.focus_weight * focus_of(p.country);
      if (p.kind != PlaceKind::kCountry) {
        double nearest = 1e9;
        bool contains_anchor = false;
        for (const Anchor& a : anchors) {
          if (a.name == self) continue;  // a name is no evidence for itself
          nearest = std::min(nearest, QuickKm(a.place->lat, a.place->lon, p.lat, p.lon));
          contains_anchor = contains_anchor ||
                            (p.kind == PlaceKind::kAdmin1 &&
                             a.place->admin1_code == p.admin1_code && IsSettlement(a.place->kind));
        }
        if (nearest <= o_.close_km) {
          s += o_.close_bonus;
        } else if (nearest <= o_.near_km) {
          s += o_.near_bonus;
        } else if (nearest <= o_.region_km) {
          s += o_.region_bonus;
        }
        // "Tarinkot in Uruzgan": an area holding a place of the report,
        // unless a capital of that area has the name too ("Herat").
        if (contains_anchor) {
          bool capital_namesake = false;
          for (const auto& other : cands) {
            capital_namesake =
                capital_namesake || ((other.place->kind == PlaceKind::kProvincialCapital ||
                                      other.place->kind == PlaceKind::kNationalCapital) &&
                                     other.place->admin1_code == p.admin1_code);
          }
          if (!capital_namesake) s += o_.near_bonus;
        }
      }
      // "Kandahar" alone is the city when the city is the capital of the
      // area of the same name.
      // The capital must bear the name as its own, or a spelling of it
      // ("Hama" for "Hamah"); "Samangan" is an old name of Aibak, not a
      // spelling of it, and means the province.
      if (hint != 1 && own_spelling(c) &&
          (p.kind == PlaceKind::kProvincialCapital || p.kind == PlaceKind::kNationalCapital)) {
        for (const auto& other : cands) {
          if (other.place->kind == PlaceKind::kAdmin1 &&
              other.place->admin1_code == p.admin1_code) {
            s += 0.15f;
            break;
          }
        }
      }
      if (own_spelling(c) && (p.kind == PlaceKind::kNationalCapital || p.population >= 1'000'000)) {
        s += o_.major_bonus;
      }
      if (c.match == NameMatch::kAlias) s += o_.alias_bonus;
      scored.push_back({&c, s});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored& a, const Scored& b) { return a.score > b.score; });

    Choice best;
    float best_other_country = -1;
    for (const auto& sc : scored) {
      const PlaceCandidate& c = *sc.c;
      const Place& p = *c.place;
      bool in_focus = focus_of(p.country) >= o_.in_focus;
      bool accidental = (ev.salience >= 0 && ev.salience < kAccidentalSalience) ||
                        (ev.in_person_name && p.kind != PlaceKind::kCountry);
      bool own_name = own_spelling(c);
      bool ok;
      if (accidental) {
        // A stop-name or a word of a person's name: only with strong support.
        ok = in_focus && (hint == 1 || (ev.locative && IsSettlement(p.kind)));
      } else if (in_focus) {
        ok = sc.score >= o_.min_score;
      } else {
        ok = (prior_of(c) >= o_.min_prior_out_of_focus && c.match != NameMatch::kVariant) ||
             (one_country && own_name && prior_of(c) >= o_.min_prior_unambiguous) ||
             (sole_alias && c.match == NameMatch::kAlias);
      }
      if (!ok) continue;
      if (best.place == nullptr) {
        best.place = &p;
        best.score = sc.score;
      } else if (p.country != best.place->country && best_other_country < 0) {
        best_other_country = sc.score;
      }
    }
    if (best.place != nullptr) {
      best.margin = best_other_country < 0 ? 1.f : best.score - best_other_country;
    }
    return best;
  }

 private:
  void AddFocus(const std::string& name, const std::string& country, float w) {
    if (country.empty()) return;
    raw_[country] += w;
    raw_by_name_[name][country] += w;
  }

  void ScoreFocus() {
    const size_t dateline_end = DatelineEnd(text_);

    for (const auto& h : hits_) {
      std::string name(text_.substr(h.start, h.end - h.start));
      std::string folded = FoldName(name);
      if (h.kinds & kNameDemonym) {
        AddFocus(folded, g_.DemonymCountry(name), 1.0f);
        continue;
      }
      if (h.salience < kEvidenceSalience) continue;
      auto cands = g_.Candidates(name);
      if (cands.empty()) continue;
      float dateline = h.end <= dateline_end ? 1.0f : 0.f;
      if (h.kinds & kNameCountry) {
        for (const auto& c : cands) {
          if (c.place->kind == PlaceKind::kCountry) {
            AddFocus(folded, c.place->country, 2.0f + dateline);
            break;
          }
        }
        continue;
      }
      // Best prior per country.
      std::map<std::string, float> per_country;
      for (const auto& c : cands) {
        float& v = per_country[c.place->country];
        v = std::max(v, c.prior);
      }
      std::vector<std::pair<float, std::string>> ranked;
      for (const auto& [cc, v] : per_country) ranked.emplace_back(v, cc);
      std::sort(ranked.rbegin(), ranked.rend());
      if (ranked.size() == 1 || ranked[0].first - ranked[1].first >= 0.15f) {
        AddFocus(folded, ranked[0].second, ranked[0].first + dateline);
      } else {
        float sum = 0;
        for (const auto& r : ranked) sum += r.first;
        for (const auto& r : ranked) AddFocus(folded, r.second, 0.5f * r.first / sum);
      }
    }
  }

  const Gazetteer& g_;
  const PlaceResolverOptions& o_;
  std::string_view text_;
  std::vector<NameHit> hits_;
  std::unordered_map<uint32_t, const NameHit*> hit_at_;
  std::map<std::string, float> raw_;
  std::map<std::string, std::map<std::string, float>> raw_by_name_;
};

void Fill(const Place* p, PlaceRef* ref) {
  if (p == nullptr) {
    ref->geonameid = 0;
    ref->name.clear();
    ref->admin1.clear();
    ref->country.clear();
    ref->lat = ref->lon = 0;
    ref->precision = GeoPrecision::kUnresolved;
    return;
  }
  bool facility = ref->precision == GeoPrecision::kFacility;
  ref->geonameid = p->geonameid;
  ref->name = p->ascii_name;
  ref->kind = p->kind;
  ref->admin1 = p->admin1;
  ref->country = p->country;
  ref->lat = p->lat;
  ref->lon = p->lon;
  if (p->kind == PlaceKind::kCountry) {
    ref->precision = GeoPrecision::kCountry;
  } else if (p->kind == PlaceKind::kAdmin1) {
    ref->precision = GeoPrecision::kAdmin1;
  } else {
    ref->precision = facility ? GeoPrecision::kFacility : GeoPrecision::kCity;
  }
}

// An event placed only in a country ("offered a deal to the Taliban in
// Qatar") whose sentence names one settlement of that country ("... the
// government's team in Doha") happened there: the event takes that
// settlement, its words and city precision. Two or more settlements of the
// country in the sentence leave the country (the text does not say which).
// The dateline says where the reporter is, not where the event was.
void RefineCountryPlaces(std::string_view text, CodedReport* coded) {
  const size_t dateline_end = DatelineEnd(text);
  for (auto& e : coded->events) {
    if (e.place.precision != GeoPrecision::kCountry || e.sources.empty()) continue;
    const EventSource& s = e.sources.front();
    if (s.end <= s.start) continue;
    const PlaceRef* settlement = nullptr;
    bool several = false;
    for (const auto& m : coded->mentions) {
      const PlaceRef& r = m.place;
      if (m.start < s.start || m.end > s.end || m.end <= dateline_end || !r.resolved() ||
          !IsSettlement(r.kind) || r.country != e.place.country) {
        continue;
      }
      if (settlement != nullptr && settlement->geonameid != r.geonameid) several = true;
      settlement = &r;
    }
    if (settlement == nullptr || several) continue;
    PlaceRef refined = *settlement;
    refined.precision = GeoPrecision::kCity;
    refined.facility.clear();
    e.place = std::move(refined);
  }
}

}  // namespace

PlaceResolver::PlaceResolver(const Gazetteer* gazetteer) : PlaceResolver(gazetteer, {}) {}

PlaceResolver::PlaceResolver(const Gazetteer* gazetteer, PlaceResolverOptions options)
    : gazetteer_(gazetteer), options_(options) {}

void PlaceResolver::Resolve(const Report& report, CodedReport* coded) const {
  if (gazetteer_ == nullptr || coded == nullptr) return;
  ReportContext ctx(*gazetteer_, options_, report);

  struct Item {
    PlaceRef* ref;
    Key key;
    Evidence ev;
    std::vector<PlaceCandidate> cands;
  };
  std::vector<Item> items;
  for (auto& m : coded->mentions) {
    Item it{&m.place, {FoldName(m.place.text), HintOf(m.place)}, {}, {}};
    it.ev = ctx.EvidenceFor(m.place.text, std::make_pair(m.start, m.end));
    items.push_back(std::move(it));
  }
  for (auto& e : coded->events) {
    Item it{&e.place, {FoldName(e.place.text), HintOf(e.place)}, {}, {}};
    // The event's place is usually one of the mentions in its sentence.
    std::optional<std::pair<uint32_t, uint32_t>> span;
    for (const auto& m : coded->mentions) {
      if (!e.sources.empty() && m.place.text == e.place.text &&
          m.start >= e.sources.front().start && m.end <= e.sources.front().end) {
        span = std::make_pair(m.start, m.end);
        break;
      }
    }
    it.ev = ctx.EvidenceFor(e.place.text, span);
    items.push_back(std::move(it));
  }
  for (auto& it : items) {
    if (it.key.folded.empty() || it.ev.demonym) continue;
    if (it.key.hint == 0) it.key.hint = it.ev.text_hint;
    it.cands = ctx.CandidatesFor(it.ref->text, it.key.hint);
  }

  // Pass 1: without neighbours; the confident choices become anchors.
  std::vector<Anchor> anchors;
  std::set<Key> seen;
  for (const auto& it : items) {
    if (it.cands.empty() || !seen.insert(it.key).second) continue;
    Choice c = ctx.Choose(it.cands, it.ev, it.key.hint, {}, it.key.folded);
    if (c.place != nullptr && c.place->kind != PlaceKind::kCountry && c.margin >= 0.3f) {
      anchors.push_back({c.place, it.key.folded});
    }
  }
  // Pass 2: with the anchors. Each occurrence on its own evidence ("Ned
  // Price" and "in Price" differ).
  for (auto& it : items) {
    const Place* p = nullptr;
    if (!it.cands.empty()) {
      p = ctx.Choose(it.cands, it.ev, it.key.hint, anchors, it.key.folded).place;
    }
    Fill(p, it.ref);
  }
  RefineCountryPlaces(report.text, coded);
}

}  // namespace sitrep
