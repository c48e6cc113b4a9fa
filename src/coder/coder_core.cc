#include "coder/coder_core.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "coder/fold.h"

namespace sitrep::coder {

std::string_view ModalityName(Modality m) {
  switch (m) {
    case Modality::kFactual:
      return "factual";
    case Modality::kNegated:
      return "negated";
    case Modality::kFuture:
      return "future";
    case Modality::kHypothetical:
      return "hypothetical";
    case Modality::kIntent:
      return "intent";
    case Modality::kAttempt:
      return "attempt";
    case Modality::kThreat:
      return "threat";
  }
  return "factual";
}

namespace {

// A figure worth keeping as the report's own claim is a tally of things:
// at least two, counting a noun ("12 provincial centres", "4,000
// employees", "dozens of rural districts"), or a distance. Not "one of the
// busiest", a bare list number ("Aug. 6:"), a span of time ("two decades",
// "three days after"), nor a count whose noun slot holds a verb or function
// word ("two cities are the", "31 as the date").
bool IsReportedTally(const ReportedFigure& f) {
  const Quantity& q = f.quantity;
  if (q.unit == "km" || q.unit == "mi") return true;
  if (q.value < 2 || q.what.empty()) return false;
  static const char* const kTimeWords[] = {"second", "seconds", "minute", "minutes", "hour",
                                           "hours", "day", "days", "week", "weeks", "month",
                                           "months", "year", "years", "decade", "decades"};
  static const char* const kNotNouns[] = {
      "a", "an", "the", "as", "after", "before", "ago", "are", "is", "was", "were", "be",
      "been", "would", "will", "could", "should", "may", "might", "who", "which", "that",
      "said", "say", "says", "told", "confirmed", "to", "since", "number", "'s", "of"};
  std::string_view what = q.what;
  std::string_view first = what.substr(0, what.find(' '));
  for (const char* w : kTimeWords) {
    if (first == w) return false;
  }
  size_t pos = 0;
  while (pos <= what.size()) {
    size_t end = what.find(' ', pos);
    if (end == std::string_view::npos) end = what.size();
    std::string_view word = what.substr(pos, end - pos);
    for (const char* w : kNotNouns) {
      if (word == w) return false;
    }
    pos = end + 1;
  }
  return true;
}


constexpr uint64_t Bit(Cue c) { return uint64_t{1} << static_cast<int>(c); }

// Grammar words: closed classes of English that are part of the coder's
// logic rather than of the dictionaries.
constexpr std::array<std::string_view, 41> kPrepositions = {
    "of",      "from",     "to",     "in",         "at",      "with",      "against",
    "by",      "for",      "on",     "between",    "into",    "across",    "near",
    "towards", "toward",   "under",  "over",       "about",   "among",     "including",
    "like",    "outside",  "inside", "around",     "through", "alongside", "behind",
    "beyond",  "opposite", "during", "amid",       "upon",    "onto",      "within",
    "without", "via",      "per",    "throughout", "along",   "off"};
constexpr std::array<std::string_view, 12> kDeterminers = {
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our"};
constexpr std::array<std::string_view, 16> kAdverbs = {
    "also",    "already", "now",   "finally",  "reportedly", "just",  "yet",   "then",
    "quickly", "rapidly", "still", "recently", "later",      "again", "fully", "eventually"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  for (auto x : list) {
    if (x == w) return true;
  }
  return false;
}

// "southern Khartoum", "north-east Syria".
bool IsCompass(std::string_view w) {
  return w == "northern" || w == "southern" || w == "eastern" || w == "western" || w == "central" ||
         w == "north" || w == "south" || w == "east" || w == "west" || w == "northeast" ||
         w == "northwest" || w == "southeast" || w == "southwest" || w == "northeastern" ||
         w == "northwestern" || w == "southeastern" || w == "southwestern";
}

bool IsAdverb(std::string_view w) {
  return In(kAdverbs, w) || (w.size() > 4 && w.substr(w.size() - 2) == "ly" && w != "only" &&
                             w != "italy" && w != "early" && w != "family");
}

struct PlaceMemo {
  std::string text;
  PlaceKind kind = PlaceKind::kUnknown;
  GeoPrecision precision = GeoPrecision::kUnresolved;
  bool valid() const { return !text.empty(); }
};

// What earlier sentences of the report said.
struct Discourse {
  Date published;
  Date reference_day;  // the report's news day
  int focus = -1;      // country index
  std::string focus_code;
  int last_opposition = -1;  // last armed opposition actor named
  int last_actor = -1;       // last actor named
  int last_org = -1;         // last non-person actor
  int last_person_actor = -1;
  std::vector<std::pair<std::string, int>> role_memory;  // role head word -> actor
  PlaceMemo last_settlement, last_admin1, last_country;
  // The city the report is about: the dateline's, then the last city that
  // was an event's place. "The city" means it rather than a city named in
  // passing ("the government in Kabul").
  PlaceMemo subject_city;
  uint32_t paragraph = UINT32_MAX;
  Date paragraph_day;
  DatePrecision paragraph_day_precision = DatePrecision::kDay;
  PlaceMemo paragraph_place;
  // The two sides of the paragraph's last fighting ("clashes between the
  // army and the RSF ... the fighting spread"): actor indices.
  std::vector<int> last_fight_sides;
};

struct LexHit {
  uint32_t tb = 0, te = 0;  // token range
  uint8_t kinds = 0;
  float salience = 0;
};

}  // namespace

struct CoderCore::Impl {
  const Dictionary& d;
  const NameLexicon* lexicon;
  const CoreOptions& opt;

  Impl(const Dictionary& dict, const NameLexicon* lex, const CoreOptions& o)
      : d(dict), lexicon(lex), opt(o) {}

  // ------------------------------------------------------------ per report
  struct Ctx {
    const Report& report;
    TokenizedText toks;
    std::vector<SentenceSpan> sentences;
    std::vector<LexHit> hits;
    Discourse disc;
    CodedReport out;
    explicit Ctx(const Report& r) : report(r) {}
    std::string_view F(uint32_t i) const { return toks.Folded(i); }
    const Token& T(uint32_t i) const { return toks.tokens[i]; }
    std::string_view Text(uint32_t b, uint32_t e) const {
      if (b >= e) return {};
      return std::string_view(report.text)
          .substr(toks.tokens[b].start, toks.tokens[e - 1].end - toks.tokens[b].start);
    }
  };

  CodedReport Code(const Report& report) const;

  // Steps.
  void FindLexHits(Ctx& c) const;
  void ChooseFocus(Ctx& c) const;
  void ChooseReferenceDay(Ctx& c) const;
  void AnalyzeSentence(Ctx& c, const SentenceSpan& span, SentenceAnalysis& s) const;
  void CodeSentence(Ctx& c, const SentenceSpan& span, SentenceAnalysis& s) const;

  // Helpers.
  bool HasCue(const SentenceAnalysis& s, uint32_t i, Cue cue) const {
    if (i < s.b || i >= s.e) return false;
    return (s.cue_bits[i - s.b] & Bit(cue)) != 0;
  }
  // Longest match end of `cue` starting at i; 0 if none.
  uint32_t CueEnd(const SentenceAnalysis& s, uint32_t i, Cue cue) const {
    if (!HasCue(s, i, cue)) return 0;
    uint32_t best = 0;
    for (const auto& m : s.matches) {
      if (m.begin == i && m.entry.kind == kEntryCue && m.entry.value == static_cast<uint32_t>(cue))
        best = std::max(best, m.end);
    }
    return best;
  }
  // Does a cue of this class end exactly at token `end`? Returns its start or UINT32_MAX.
  uint32_t CueEndingAt(const SentenceAnalysis& s, uint32_t end, Cue cue) const {
    for (const auto& m : s.matches) {
      if (m.end == end && m.entry.kind == kEntryCue && m.entry.value == static_cast<uint32_t>(cue))
        return m.begin;
    }
    return UINT32_MAX;
  }
  // "since Friday", "from June", "until Monday": a date that bounds an
  // interval rather than dating an act. `sb` is the sentence's first token.
  static bool IsIntervalStart(const Ctx& c, const DateMention& dm, uint32_t sb) {
    uint32_t k = dm.begin;
    while (k > sb && (c.F(k - 1) == "early" || c.F(k - 1) == "late" || c.F(k - 1) == "mid")) --k;
    if (k <= sb) return false;
    std::string_view p = c.F(k - 1);
    return p == "since" || p == "from" || p == "until" || p == "till";
  }
  // If s.places[k] is a country, the index of a city of that country named
  // in the same sentence (a capital or listed city, not a reference point or
  // dateline); k otherwise.
  size_t CityOfCountryPlace(const SentenceAnalysis& s, size_t k) const {
    if (k >= s.places.size() || s.places[k].precision != GeoPrecision::kCountry) return k;
    const std::string country = FoldText(s.places[k].text);
    const CountryRecord* rec = nullptr;
    for (const auto& cr : d.countries()) {
      bool named = FoldText(cr.name) == country;
      for (const auto& n : cr.names) named = named || FoldText(n) == country;
      if (named) {
        rec = &cr;
        break;
      }
    }
    if (rec == nullptr) return k;
    for (size_t q = 0; q < s.places.size(); ++q) {
      const PlaceMention_& p = s.places[q];
      if (p.precision != GeoPrecision::kCity || p.is_ref || p.dateline || p.reference_point ||
          p.destination_abroad)
        continue;
      const std::string city = FoldText(p.text);
      bool of_country = false;
      for (const auto& n : rec->capitals) of_country = of_country || FoldText(n) == city;
      for (const auto& n : rec->cities) of_country = of_country || FoldText(n) == city;
      if (of_country) return q;
    }
    return k;
  }
  static bool IsOrdinalOrSuperlative(std::string_view w) {
    static constexpr std::array<std::string_view, 16> kWords = {
        "first", "second", "third",  "fourth",  "fifth",   "sixth", "seventh", "eighth",
        "ninth", "tenth",  "latest", "largest", "biggest", "next",  "only",    "another"};
    if (In(kWords, w)) return true;
    return w.size() > 2 && w.substr(w.size() - 2) == "th" && w[0] >= '0' && w[0] <= '9';
  }
  bool InParen(const SentenceAnalysis& s, uint32_t i) const {
    for (const auto& [b, e] : s.parens) {
      if (i >= b && i < e) return true;
    }
    return false;
  }
  int ParenOf(const SentenceAnalysis& s, uint32_t i) const {
    for (size_t k = 0; k < s.parens.size(); ++k) {
      if (i >= s.parens[k].first && i < s.parens[k].second) return static_cast<int>(k);
    }
    return -1;
  }
  int ClauseOf(const SentenceAnalysis& s, uint32_t i) const {
    int best = -1;
    uint32_t best_len = UINT32_MAX;
    for (size_t k = 0; k < s.clauses.size(); ++k) {
      const Clause& cl = s.clauses[k];
      if (i >= cl.b && i < cl.e && cl.e - cl.b < best_len) {
        best = static_cast<int>(k);
        best_len = cl.e - cl.b;
      }
    }
    return best;
  }
  int CountryOfActor(int actor) const;
  Camp CampOf(const Discourse& disc, int actor) const;
  bool IsOpposition(const Discourse& disc, int actor) const;
  int DefaultAttacker(const Discourse& disc) const;
  int DefaultDefender(const Discourse& disc) const;
  int ResolvePersonActor(int person, Date when) const;
  std::string ActorName(int actor) const {
    return actor < 0 ? std::string() : d.actors()[static_cast<size_t>(actor)].name;
  }

  void BuildEntities(Ctx& c, SentenceAnalysis& s) const;
  void BuildPlaces(Ctx& c, SentenceAnalysis& s) const;
  void BuildClauses(Ctx& c, SentenceAnalysis& s) const;
  void BuildSpeech(Ctx& c, SentenceAnalysis& s) const;
  void BuildTriggers(Ctx& c, SentenceAnalysis& s) const;
  Modality FindModality(const Ctx& c, const SentenceAnalysis& s, const Trigger& t) const;
  int FindSubject(const Ctx& c, SentenceAnalysis& s, size_t trig) const;
  int ResolveEntityActor(const Ctx& c, const SentenceAnalysis& s, int ent, bool place_ok) const;
  void UpdateDiscourse(Ctx& c, const SentenceAnalysis& s) const;
  void DumpSentence(const Ctx& c, const SentenceAnalysis& s) const;
  bool NounLicensed(const Ctx& c, const SentenceAnalysis& s, const Trigger& t) const;
  bool debug_ = std::getenv("SITREP_CODER_DEBUG") != nullptr;
};

// ------------------------------------------------------------ actors

int CoderCore::Impl::CountryOfActor(int actor) const {
  if (actor < 0) return -1;
  const ActorRecord& a = d.actors()[static_cast<size_t>(actor)];
  return a.country.empty() ? -1 : d.FindCountry(a.country);
}

Camp CoderCore::Impl::CampOf(const Discourse& disc, int actor) const {
  if (actor < 0) return Camp::kNone;
  const ActorRecord& a = d.actors()[static_cast<size_t>(actor)];
  if (!disc.focus_code.empty()) {
    Camp c = a.CampIn(disc.focus_code);
    if (c != Camp::kNone) return c;
    if (a.country == disc.focus_code &&
        (a.sector == Sector::kGovernment || a.sector == Sector::kMilitary ||
         a.sector == Sector::kPolice))
      return Camp::kGovernment;
    return Camp::kNone;
  }
  if (!a.sides.empty()) return a.sides.front().second;
  if (a.sector == Sector::kRebel || a.sector == Sector::kTerrorist) return Camp::kOpposition;
  return Camp::kNone;
}

bool CoderCore::Impl::IsOpposition(const Discourse& disc, int actor) const {
  if (actor < 0) return false;
  const ActorRecord& a = d.actors()[static_cast<size_t>(actor)];
  if (!IsArmed(a.sector)) return false;
  Camp c = CampOf(disc, actor);
  if (c == Camp::kOpposition) return true;
  if (c == Camp::kNone && (a.sector == Sector::kRebel || a.sector == Sector::kTerrorist))
    return true;
  return false;
}

int CoderCore::Impl::DefaultAttacker(const Discourse& disc) const {
  if (disc.last_opposition >= 0) return disc.last_opposition;
  return d.CountryActor(disc.focus, "opposition");
}

int CoderCore::Impl::DefaultDefender(const Discourse& disc) const {
  return d.CountryActor(disc.focus, "military");
}

int CoderCore::Impl::ResolvePersonActor(int person, Date when) const {
  const PersonRecord& p = d.persons()[static_cast<size_t>(person)];
  for (const auto& r : p.roles) {
    if (r.from.IsValid() && when.IsValid() && when < r.from) continue;
    if (r.to.IsValid() && when.IsValid() && when > r.to) continue;
    return d.FindActor(r.actor);
  }
  return -1;
}

// ------------------------------------------------------------ report level

void CoderCore::Impl::FindLexHits(Ctx& c) const {
  c.hits.clear();
  if (lexicon == nullptr) return;
  std::vector<NameHit> raw;
  lexicon->FindNames(c.report.text, &raw);
  const auto& toks = c.toks.tokens;
  for (const NameHit& h : raw) {
    // Map byte offsets to a token range (hits align with word boundaries).
    auto lo = std::lower_bound(toks.begin(), toks.end(), h.start,
                               [](const Token& t, uint32_t off) { return t.end <= off; });
    if (lo == toks.end()) continue;
    uint32_t tb = static_cast<uint32_t>(lo - toks.begin());
    uint32_t te = tb;
    while (te < toks.size() && toks[te].start < h.end) ++te;
    if (te == tb) continue;
    if (toks[tb].start != h.start || toks[te - 1].end != h.end) {
      // A hit that cuts a token is not a name of its own.
      if (toks[tb].start > h.start || toks[te - 1].end < h.end) continue;
      if (toks[tb].start != h.start) continue;
    }
    c.hits.push_back({tb, te, h.kinds, h.salience});
  }
}

void CoderCore::Impl::ChooseFocus(Ctx& c) const {
  // Count country evidence: names, demonyms, capitals, and actors that are
  // parties in some country (an insurgent group counts three times: it names
  // the war).
  std::vector<int> score(d.countries().size(), 0);
  std::vector<uint32_t> first(d.countries().size(), UINT32_MAX);
  std::vector<PhraseMatch> ms;
  const uint32_t n = static_cast<uint32_t>(c.toks.tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    ms.clear();
    d.trie().MatchAt(c.toks, i, n, &ms);
    for (const auto& m : ms) {
      int country = -1;
      int w = 1;
      switch (m.entry.kind) {
        case kEntryCountryName:
        case kEntryDemonym:
          country = static_cast<int>(m.entry.value);
          break;
        case kEntryCapital:
          country = static_cast<int>(m.entry.value);
          w = 2;
          break;
        case kEntryCity:
          country = static_cast<int>(m.entry.value);
          w = 2;
          break;
        case kEntryActor: {
          const ActorRecord& a = d.actors()[m.entry.value];
          for (const auto& [cc, camp] : a.sides) {
            int k = d.FindCountry(cc);
            if (k < 0) continue;
            // A group fighting in several wars names none of them strongly;
            // its first-listed war counts a little more.
            int add = camp == Camp::kOpposition ? 3 : 2;
            if (a.sides.size() > 1) add = (&cc == &a.sides.front().first) ? 2 : 1;
            score[static_cast<size_t>(k)] += add;
            first[static_cast<size_t>(k)] = std::min(first[static_cast<size_t>(k)], i);
          }
          if (a.sides.empty()) country = d.FindCountry(a.country);
          break;
        }
        default:
          break;
      }
      if (country >= 0) {
        score[static_cast<size_t>(country)] += w;  // names 1, well-known cities 2
        first[static_cast<size_t>(country)] = std::min(first[static_cast<size_t>(country)], i);
      }
    }
  }
  int best = -1;
  for (size_t k = 0; k < score.size(); ++k) {
    if (score[k] == 0) continue;
    if (best < 0 || score[k] > score[static_cast<size_t>(best)] ||
        (score[k] == score[static_cast<size_t>(best)] &&
         first[k] < first[static_cast<size_t>(best)]))
      best = static_cast<int>(k);
  }
  c.disc.focus = best;
  c.disc.focus_code = best >= 0 ? d.countries()[static_cast<size_t>(best)].code : "";
}

void CoderCore::Impl::ChooseReferenceDay(Ctx& c) const {
  // The report's news day: the first day-precise date of the first
  // paragraph (the lead), if it is within ten days before publication;
  // otherwise the publication date.
  c.disc.reference_day = c.report.published;
  for (const auto& s : c.sentences) {
    if (s.paragraph > 0) break;
    std::vector<DateMention> dates;
    FindDates(c.toks, s.tok_begin, s.tok_end, c.report.published, opt.dates, &dates, nullptr);
    for (const auto& dm : dates) {
      if (dm.precision != DatePrecision::kDay) continue;
      if (IsIntervalStart(c, dm, s.tok_begin)) continue;  // "from Aug. 6 to Aug. 15"
      int32_t back = DaysBetween(dm.date, c.report.published);
      if (back >= 0 && back <= 10) {
        c.disc.reference_day = dm.date;
        return;
      }
    }
  }
}

// ------------------------------------------------------------ entities

void CoderCore::Impl::BuildEntities(Ctx& c, SentenceAnalysis& s) const {
  auto matches_at = [&](uint32_t i) {
    return std::pair<uint32_t, uint32_t>(s.match_start[i - s.b], s.match_start[i - s.b + 1]);
  };
  auto is_role = [&](const PhraseMatch& m) {
    if (m.entry.kind != kEntryCue) return false;
    Cue cue = static_cast<Cue>(m.entry.value);
    return cue == Cue::kRoleMilitary || cue == Cue::kRoleGovernment || cue == Cue::kRolePolice;
  };
  // Longest role or source phrase starting at j; returns end or 0, and the cue.
  auto role_at = [&](uint32_t j, Cue* cue_out) -> uint32_t {
    if (j >= s.e) return 0;
    auto [mb, me] = matches_at(j);
    uint32_t best = 0;
    for (uint32_t k = mb; k < me; ++k) {
      const auto& m = s.matches[k];
      if (m.entry.kind != kEntryCue) continue;
      Cue cue = static_cast<Cue>(m.entry.value);
      if (!(is_role(m) || cue == Cue::kSource || cue == Cue::kAerial)) continue;
      if (m.end > best || (m.end == best && cue != Cue::kSource)) {
        best = m.end;
        *cue_out = cue;
      }
    }
    return best;
  };
  auto role_actor = [&](int country, Cue cue) -> int {
    if (country < 0) return -1;
    if (cue == Cue::kRoleMilitary || cue == Cue::kAerial) {
      return d.CountryActor(country, "military");
    }
    if (cue == Cue::kRolePolice) {
      int a = d.CountryActor(country, "police");
      return a >= 0 ? a : d.CountryActor(country, "military");
    }
    return d.CountryActor(country, "government");
  };
  auto mark_context = [&](Entity& e) {
    // Object of a preposition?
    uint32_t k = e.b;
    bool number = false;
    while (k > s.b) {
      std::string_view w = c.F(k - 1);
      double num = 0;
      bool is_num = ParseNumberToken(w, &num);
      if (In(kDeterminers, w) || is_num || w == "'s" || IsCompass(w) || w == "-") {
        number |= is_num;
        --k;
        continue;
      }
      break;
    }
    // "more than 1,000 soldiers", "about 3,000 troops": a quantity, not a preposition.
    if (number && k > s.b &&
        (c.F(k - 1) == "than" || c.F(k - 1) == "about" || c.F(k - 1) == "over" ||
         c.F(k - 1) == "around" || c.F(k - 1) == "nearly" || c.F(k - 1) == "some")) {
      k = s.b;  // nothing before counts
    }
    if (k > s.b && In(kPrepositions, c.F(k - 1))) {
      e.after_prep = true;
      // "hundreds of troops", "some of the fighters": a partitive, not a preposition.
      if (c.F(k - 1) == "of" && k >= s.b + 2) {
        double num = 0;
        std::string_view q = c.F(k - 2);
        if (ParseNumberToken(q, &num) || q == "some" || q == "many" || q == "most" || q == "all" ||
            q == "several" || q == "scores" || q == "members" || q == "one" || q == "thousands" ||
            q == "hundreds" || q == "dozens")
          e.after_prep = false;
      }
    }
    if (e.e < s.e && c.F(e.e) == "'s") e.possessive = true;
    if (e.b >= s.b + 2 && c.F(e.b - 1) == "-" && (c.F(e.b - 2) == "pro" || c.F(e.b - 2) == "anti"))
      e.modifier = true;
  };

  uint32_t i = s.b;
  while (i < s.e) {
    auto [mb, me] = matches_at(i);
    const PhraseMatch* best = nullptr;
    int best_rank = 99;
    for (uint32_t k = mb; k < me; ++k) {
      const auto& m = s.matches[k];
      int rank;
      switch (m.entry.kind) {
        case kEntryCountryName:
          rank = 0;
          break;
        case kEntryActor:
          rank = 1;
          break;
        case kEntryPerson:
          rank = 2;
          break;
        case kEntryDemonym:
          rank = 3;
          break;
        case kEntryCapital:
          rank = 4;
          break;
        case kEntryCue: {
          Cue cue = static_cast<Cue>(m.entry.value);
          switch (cue) {
            case Cue::kRoleMilitary:
            case Cue::kRoleGovernment:
            case Cue::kRolePolice:
            case Cue::kAerial:
              rank = 5;
              break;
            case Cue::kRefArmedGroup:
            case Cue::kRefBothSides:
              rank = 6;
              break;
            case Cue::kRefEnemy:
              rank = 6;
              break;
            case Cue::kSource:
              rank = 7;
              break;
            case Cue::kJournalist:
              rank = 7;
              break;
            case Cue::kPronounPlural:
            case Cue::kPronounThing:
            case Cue::kPronounPerson:
            case Cue::kPronounWe:
              rank = 8;
              break;
            default:
              rank = 99;
              break;
          }
          break;
        }
        default:
          rank = 99;
          break;
      }
      if (rank == 99) continue;
      if (best == nullptr || m.end > best->end || (m.end == best->end && rank < best_rank)) {
        best = &m;
        best_rank = rank;
      }
    }
    if (best != nullptr && best->entry.kind == kEntryCue && best_rank == 5) {
      // "police headquarters", "army base": a place, not the force.
      uint32_t fac = CueEnd(s, i, Cue::kFacility);
      if (fac > best->end) {
        i = fac;
        continue;
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    Entity e;
    e.b = best->begin;
    e.e = best->end;
    switch (best->entry.kind) {
      case kEntryActor: {
        e.type = EntType::kActor;
        e.actor = static_cast<int>(best->entry.value);
        const ActorRecord& a = d.actors()[best->entry.value];
        e.military = IsArmed(a.sector);
        Cue cue = Cue::kSource;
        uint32_t at = e.e;
        if (at + 1 < s.e && c.F(at) == "'s") {
          Cue c2 = Cue::kSource;
          if (uint32_t r2 = role_at(at + 1, &c2); r2 > 0 && c2 != Cue::kSource) at = at + 1;
        }
        if (uint32_t r = role_at(at, &cue); r > 0) {
          if (cue == Cue::kRoleMilitary || cue == Cue::kRolePolice || cue == Cue::kAerial) {
            // "Taliban fighters": still the group. "Syrian government forces" via aliases.
            e.military = true;
          }
          if (cue == Cue::kAerial) e.aerial = true;
          e.e = r;
        }
        break;
      }
      case kEntryPerson: {
        e.type = EntType::kPerson;
        e.actor = ResolvePersonActor(static_cast<int>(best->entry.value), c.report.published);
        e.name = d.persons()[best->entry.value].name;
        break;
      }
      case kEntryCountryName:
      case kEntryDemonym: {
        std::vector<std::pair<int, std::pair<uint32_t, uint32_t>>> list;
        list.push_back({static_cast<int>(best->entry.value), {best->begin, best->end}});
        uint32_t j = best->end;
        while (j + 1 < s.e && (c.F(j) == "and" || c.F(j) == ",")) {
          auto [nb, ne] = matches_at(j + 1);
          const PhraseMatch* next = nullptr;
          for (uint32_t k = nb; k < ne; ++k) {
            const auto& m = s.matches[k];
            if ((m.entry.kind == kEntryDemonym || m.entry.kind == kEntryCountryName) &&
                (next == nullptr || m.end > next->end))
              next = &m;
          }
          if (next == nullptr) break;
          list.push_back({static_cast<int>(next->entry.value), {next->begin, next->end}});
          j = next->end;
        }
        Cue cue = Cue::kSource;
        if (best->entry.kind == kEntryCountryName && list.size() == 1 && j + 1 < s.e &&
            c.F(j) == "'s") {
          Cue c2 = Cue::kSource;
          if (uint32_t r2 = role_at(j + 1, &c2); r2 > 0 && c2 != Cue::kSource)
            ++j;  // "Russia's forces"
        }
        uint32_t r = role_at(j, &cue);
        // "Afghan army officer": a role then a source noun.
        if (r > 0 && cue != Cue::kSource) {
          Cue cue2 = Cue::kSource;
          if (uint32_t r2 = role_at(r, &cue2); r2 > 0 && cue2 == Cue::kSource) r = r2;
        }
        if (r > 0 && (list.size() > 1 || j == best->end)) {
          for (size_t k = 0; k < list.size(); ++k) {
            Entity ce;
            ce.type = EntType::kComposite;
            ce.country = list[k].first;
            ce.actor = role_actor(list[k].first, cue);
            if (ce.actor < 0 && cue != Cue::kRoleGovernment && cue != Cue::kSource) {
              ce.actor = d.CountryActor(list[k].first, "government");
            }
            if (ce.actor < 0) continue;
            ce.military =
                cue == Cue::kRoleMilitary || cue == Cue::kRolePolice || cue == Cue::kAerial;
            ce.aerial = cue == Cue::kAerial;
            ce.b = list[k].second.first;
            ce.e = k + 1 == list.size() ? r : list[k].second.second;
            mark_context(ce);
            if (k + 1 < list.size()) ce.after_prep = false;
            s.entities.push_back(ce);
          }
          // Remember the role head for "the embassy", "the troops".
          i = r;
          continue;
        }
        if (best->entry.kind == kEntryDemonym) {
          // "the Russians" are the country's forces; an adjective alone ("the
          // Iranian border") names nobody.
          std::string_view last = c.F(best->end - 1);
          bool plural_people = best->begin > s.b && c.F(best->begin - 1) == "the" &&
                               last.size() > 3 && last.back() == 's' &&
                               !(best->end < s.e && c.T(best->end).Is(kTokWord) &&
                                 !c.T(best->end).Is(kTokCapitalized));
          if (!plural_people) {
            i = best->end;
            continue;
          }
          e.type = EntType::kComposite;
          e.country = static_cast<int>(best->entry.value);
          e.actor = d.CountryActor(e.country, "military");
          e.military = true;
          if (e.actor < 0) {
            i = best->end;
            continue;
          }
          break;
        }
        e.type = EntType::kCountry;
        e.country = static_cast<int>(best->entry.value);
        e.actor = d.CountryActor(e.country, "government");
        break;
      }
      case kEntryCapital: {
        e.type = EntType::kCapital;
        e.country = static_cast<int>(best->entry.value);
        e.actor = d.CountryActor(e.country, "government");
        break;
      }
      case kEntryCue: {
        Cue cue = static_cast<Cue>(best->entry.value);
        switch (cue) {
          case Cue::kRoleMilitary:
          case Cue::kRoleGovernment:
          case Cue::kRolePolice:
          case Cue::kAerial: {
            // "envoys from the United States, China and Qatar": the countries act.
            uint32_t j = best->end;
            if (j < s.e && c.F(j) == "from") {
              bool any = false;
              uint32_t k = j + 1;
              while (k < s.e) {
                if (c.F(k) == "the" || c.F(k) == "," || c.F(k) == "and") {
                  ++k;
                  continue;
                }
                auto [nb, ne] = matches_at(k);
                const PhraseMatch* cm = nullptr;
                for (uint32_t q = nb; q < ne; ++q) {
                  if (s.matches[q].entry.kind == kEntryCountryName &&
                      (cm == nullptr || s.matches[q].end > cm->end))
                    cm = &s.matches[q];
                }
                if (cm == nullptr) break;
                Entity ce;
                ce.type = EntType::kCountry;
                ce.country = static_cast<int>(cm->entry.value);
                ce.actor = d.CountryActor(ce.country, "government");
                ce.b = cm->begin;
                ce.e = cm->end;
                ce.after_prep = false;
                ce.from_role = true;
                if (ce.actor >= 0) {
                  s.entities.push_back(ce);
                  any = true;
                }
                k = cm->end;
              }
              if (any) {
                i = k;
                continue;
              }
            }
            e.type = EntType::kRole;
            e.military = cue != Cue::kRoleGovernment;
            e.aerial = cue == Cue::kAerial;
            // A following source noun ("government negotiator", "army officer").
            Cue cue2 = Cue::kSource;
            if (uint32_t r2 = role_at(e.e, &cue2); r2 > 0 && cue2 == Cue::kSource) {
              e.e = r2;
              std::string_view h2 = c.F(r2 - 1);
              if (h2 == "source" || h2 == "sources") {
                e.anonymous = true;
                e.name = "unnamed source";
              }
            }
            bool explicit_government = false;
            for (uint32_t k = e.b; k < e.e; ++k) {
              if (c.F(k) == "government" || c.F(k) == "state" || c.F(k) == "regime")
                explicit_government = true;
            }
            std::string_view head = c.F(best->end - 1);
            int mem = -1;
            bool definite = e.b > s.b && (c.F(e.b - 1) == "the" || c.F(e.b - 1) == "these" ||
                                          c.F(e.b - 1) == "those");
            if (!explicit_government && definite) {
              for (auto it = c.disc.role_memory.rbegin(); it != c.disc.role_memory.rend(); ++it) {
                if (it->first == head) {
                  mem = it->second;
                  break;
                }
              }
            }
            e.actor = mem >= 0 ? mem : role_actor(c.disc.focus, cue);
            e.default_role = mem < 0 && !explicit_government;
            if (cue == Cue::kAerial &&
                (head == "missile" || head == "missiles" || head == "rocket" || head == "rockets" ||
                 head == "drone" || head == "drones"))
              e.actor = -1;  // a weapon alone does not say whose it is
            break;
          }
          case Cue::kRefArmedGroup:
            e.type = EntType::kGroupRef;
            e.military = true;
            break;
          case Cue::kRefBothSides:
            e.type = EntType::kGroupRef;
            e.pronoun = 'b';  // both sides of the war
            e.military = true;
            break;
          case Cue::kRefEnemy:
            e.type = EntType::kEnemyRef;
            e.military = true;
            break;
          case Cue::kSource: {
            e.type = EntType::kSource;
            std::string_view head = c.F(best->end - 1);
            if (head.rfind("resident", 0) == 0) {
              e.name = head == "residents" ? "residents" : "resident";
            } else if (head.rfind("witness", 0) == 0) {
              e.name = head == "witness" ? "witness" : "witnesses";
            } else if (head == "source" || head == "sources" || head == "reports" ||
                       head == "report") {
              e.name = "unnamed source";
              e.anonymous = true;
            } else {
              e.name = "unnamed official";
            }
            break;
          }
          case Cue::kJournalist:
            e.type = EntType::kJournalist;
            break;
          case Cue::kPronounPlural:
            e.type = EntType::kPronoun;
            e.pronoun = 'p';
            break;
          case Cue::kPronounThing:
            e.type = EntType::kPronoun;
            e.pronoun = 't';
            break;
          case Cue::kPronounPerson:
            e.type = EntType::kPronoun;
            e.pronoun = 'h';
            break;
          case Cue::kPronounWe:
            e.type = EntType::kPronoun;
            e.pronoun = 'w';
            break;
          default:
            break;
        }
        // "their fighters", "his men": a possessive pronoun before a role noun.
        if (e.type == EntType::kPronoun) {
          Cue rc = Cue::kSource;
          if (uint32_t r = role_at(e.e, &rc); r > 0 && rc != Cue::kSource) {
            e.e = r;
            e.military = true;
          }
        }
        break;
      }
      default:
        break;
    }
    mark_context(e);
    for (uint32_t k = e.b; k < e.e; ++k) {
      if (HasCue(s, k, Cue::kAerial)) e.aerial = true;
    }
    s.entities.push_back(e);
    i = std::max(e.e, i + 1);
  }
  // Anonymity: "who asked not to be named", "on condition of anonymity".
  for (const auto& m : s.matches) {
    if (m.entry.kind != kEntryCue || m.entry.value != static_cast<uint32_t>(Cue::kAnonymous))
      continue;
    for (auto it = s.entities.rbegin(); it != s.entities.rend(); ++it) {
      if (it->e <= m.begin && (it->type == EntType::kSource || it->type == EntType::kComposite ||
                               it->type == EntType::kRole || it->type == EntType::kActor)) {
        it->anonymous = true;
        break;
      }
    }
  }
  // Resolve pronouns, group references and role memories in text order.
  for (size_t k = 0; k < s.entities.size(); ++k) {
    Entity& e = s.entities[k];
    // "the group's fighters", "their forces", "Taliban's fighters": a role
    // noun owned by a party acts for it, whatever the bare noun defaults to.
    if (e.type == EntType::kRole && k > 0) {
      const Entity& owner = s.entities[k - 1];
      std::string_view ow = c.F(owner.b);
      bool owns =
          (owner.possessive && owner.e + 1 == e.b) ||
          (owner.type == EntType::kPronoun && owner.e == e.b && (ow == "their" || ow == "its"));
      if (owns && owner.actor >= 0) {
        e.actor = owner.actor;
        e.default_role = false;
        continue;
      }
    }
    // "RSF fighters and allied militias": the militia of the named party's
    // camp in the report's war (or the party itself when it has none).
    if (e.type == EntType::kRole && k > 0 && e.b > s.b + 1 && c.F(e.b - 1) == "allied" &&
        c.F(e.b - 2) == "and" && s.entities[k - 1].e + 2 == e.b && s.entities[k - 1].actor >= 0) {
      const int ally = s.entities[k - 1].actor;
      const Camp camp = CampOf(c.disc, ally);
      int militia = -1;
      for (size_t q = 0; q < d.actors().size() && camp != Camp::kNone; ++q) {
        const ActorRecord& ar = d.actors()[q];
        if (ar.sector == Sector::kMilitia && static_cast<int>(q) != ally &&
            CampOf(c.disc, static_cast<int>(q)) == camp) {
          militia = static_cast<int>(q);
          break;
        }
      }
      e.actor = militia >= 0 ? militia : ally;
      e.default_role = false;
      continue;
    }
    if (e.type == EntType::kGroupRef && e.pronoun == 'b') {
      e.actor = DefaultAttacker(c.disc);
    } else if (e.type == EntType::kGroupRef) {
      int a = -1;
      for (size_t q = k; q-- > 0;) {
        if (s.entities[q].actor >= 0 && IsOpposition(c.disc, s.entities[q].actor)) {
          a = s.entities[q].actor;
          break;
        }
      }
      // "Insurgents loyal to the Taliban": the group named right after.
      if (a < 0 && k + 1 < s.entities.size() && s.entities[k + 1].b <= e.e + 4 &&
          s.entities[k + 1].actor >= 0 && IsOpposition(c.disc, s.entities[k + 1].actor)) {
        a = s.entities[k + 1].actor;
      }
      e.actor = a >= 0 ? a : DefaultAttacker(c.disc);
    } else if (e.type == EntType::kPronoun && e.pronoun != 'w') {
      int a = -1;
      // The sentence's first actor, if it is a subject, is what "they"/"it"
      // usually refers to ("The Islamic State took soldiers prisoner when it
      // overran the base").
      std::string_view pw = c.F(e.b);
      bool possessive_pronoun = pw == "their" || pw == "its" || pw == "theirs";
      for (size_t q = 0; q < k && (e.pronoun == 'p' || e.pronoun == 't') && !possessive_pronoun;
           ++q) {
        const Entity& p = s.entities[q];
        if (p.actor < 0 || p.after_prep || p.possessive || p.modifier || p.consumed) continue;
        if (s.dateline_end > s.b && p.e <= s.dateline_end) continue;  // "KABUL -"
        if (p.type == EntType::kSource || p.type == EntType::kJournalist ||
            p.type == EntType::kPerson || p.type == EntType::kPronoun)
          break;
        a = p.actor;
        break;
      }
      if (a >= 0) {
        e.actor = a;
        continue;
      }
      // "With five cities in their hands, the Taliban now ...": a pronoun in a
      // fronted phrase, with no actor before it, is the subject after the comma.
      bool actor_before = false;
      for (size_t q = 0; q < k; ++q) {
        if (s.entities[q].actor >= 0 && !s.entities[q].consumed &&
            !(s.dateline_end > s.b && s.entities[q].e <= s.dateline_end))
          actor_before = true;
      }
      if (possessive_pronoun && !actor_before) {
        bool comma = false;
        for (uint32_t w = e.e; w < s.e && !comma; ++w) {
          if (c.F(w) == "," || c.F(w) == ";") comma = true;
          if (c.F(w) == ":" || c.F(w) == "." ||
              (k + 1 < s.entities.size() && w >= s.entities[k + 1].b))
            break;
        }
        if (comma && k + 1 < s.entities.size()) {
          const Entity& n = s.entities[k + 1];
          if (n.actor >= 0 && !n.after_prep && !n.possessive && !n.modifier &&
              (n.type == EntType::kActor || n.type == EntType::kComposite ||
               n.type == EntType::kRole || n.type == EntType::kGroupRef)) {
            e.actor = n.actor;
            continue;
          }
        }
      }
      for (size_t q = k; q-- > 0;) {
        const Entity& p = s.entities[q];
        if (p.consumed || (s.dateline_end > s.b && p.e <= s.dateline_end)) continue;
        if (p.actor < 0 || p.type == EntType::kSource || p.type == EntType::kJournalist) continue;
        if (e.pronoun == 'h' && p.type != EntType::kPerson && p.type != EntType::kActor &&
            p.type != EntType::kComposite)
          continue;
        if (e.pronoun == 't' && p.type == EntType::kPerson) continue;
        a = p.actor;
        break;
      }
      if (a < 0) {
        a = e.pronoun == 'h' ? c.disc.last_person_actor
                             : (e.pronoun == 't' ? c.disc.last_org : c.disc.last_actor);
      }
      e.actor = a;
    }
  }
}

// ------------------------------------------------------------ places

void CoderCore::Impl::BuildPlaces(Ctx& c, SentenceAnalysis& s) const {
  auto overlaps_entity = [&](uint32_t b, uint32_t e, bool any_type) {
    for (const auto& en : s.entities) {
      if (en.b < e && b < en.e) {
        if (any_type) return true;
        if (en.type != EntType::kCountry && en.type != EntType::kCapital) return true;
      }
    }
    return false;
  };
  auto overlaps_date = [&](uint32_t b, uint32_t e) {
    for (const auto& dm : s.dates) {
      if (dm.begin < e && b < dm.end) return true;
    }
    return false;
  };
  auto covered_by_match = [&](uint32_t b, uint32_t e, bool allow_places) {
    // Any dictionary phrase (other than a place-ish one) that covers the span.
    for (const auto& m : s.matches) {
      if (!(m.begin <= b && e <= m.end)) continue;
      if (m.entry.kind == kEntryCity) continue;
      if (allow_places && (m.entry.kind == kEntryCountryName || m.entry.kind == kEntryCapital))
        continue;
      if (m.entry.kind == kEntryCue) {
        Cue cue = static_cast<Cue>(m.entry.value);
        if (cue == Cue::kAdmin1Word || cue == Cue::kDistrictWord || cue == Cue::kSettlementWord)
          continue;
      }
      return true;
    }
    return false;
  };
  auto add = [&](uint32_t b, uint32_t e, uint8_t kinds, float salience) {
    for (const auto& p : s.places) {
      if (p.b < e && b < p.e) return;
    }
    PlaceMention_ p;
    p.b = b;
    p.e = e;
    p.text = std::string(c.Text(b, e));
    p.kinds = kinds;
    p.salience = salience;
    if ((kinds & kNameCountry) && !(kinds & (kNameSettlement | kNameAdmin1))) {
      p.kind = PlaceKind::kCountry;
      p.precision = GeoPrecision::kCountry;
    } else if ((kinds & kNameAdmin1) && !(kinds & kNameSettlement)) {
      p.kind = PlaceKind::kAdmin1;
      p.precision = GeoPrecision::kAdmin1;
    } else {
      p.precision = GeoPrecision::kCity;
    }
    s.places.push_back(std::move(p));
  };

  // 1. Names from the lexicon.
  for (const LexHit& h : c.hits) {
    if (h.te <= s.b || h.tb >= s.e) continue;
    if (h.tb < s.b || h.te > s.e) continue;
    if ((h.kinds & ~kNameDemonym) == 0) continue;
    const Token& t0 = c.T(h.tb);
    if (!t0.Is(kTokCapitalized) && !t0.Is(kTokAllCaps)) continue;
    if (overlaps_entity(h.tb, h.te, false) || overlaps_date(h.tb, h.te)) continue;
    if (covered_by_match(h.tb, h.te, true)) continue;
    bool strong = h.salience >= opt.min_salience;
    // "More than 400 people": a capitalized first word is a name only if it
    // is a well-known one.
    bool first = h.tb == s.b || h.tb == s.dateline_end || c.T(h.tb - 1).Is(kTokQuoteOpen);
    if (first && h.te == h.tb + 1 && h.salience < 0.5f && h.te < s.e) {
      // Followed by a plain lower-case word ("More than 400"): not a name.
      const Token& nt = c.T(h.te);
      bool verbish = HasCue(s, h.te, Cue::kBeAux) || HasCue(s, h.te, Cue::kHaveAux) ||
                     HasCue(s, h.te, Cue::kSpeech) || HasCue(s, h.te, Cue::kModal) ||
                     HasCue(s, h.te, Cue::kFuture) || HasCue(s, h.te, Cue::kAdmin1Word) ||
                     HasCue(s, h.te, Cue::kSettlementWord) || HasCue(s, h.te, Cue::kFacility);
      for (uint32_t q = s.match_start[h.te - s.b]; q < s.match_start[h.te - s.b + 1]; ++q) {
        uint8_t k = s.matches[q].entry.kind;
        if (k == kEntryVerb || k == kEntryPlaceSubject) verbish = true;
      }
      if (nt.Is(kTokWord) && !nt.Is(kTokCapitalized) && !verbish) continue;
    }
    if (!strong) {
      bool loc = h.tb > s.b && (HasCue(s, h.tb - 1, Cue::kLocative) || c.F(h.tb - 1) == "of");
      bool typed = h.te < s.e &&
                   (HasCue(s, h.te, Cue::kAdmin1Word) || HasCue(s, h.te, Cue::kSettlementWord) ||
                    HasCue(s, h.te, Cue::kDistrictWord));
      if (!loc && !typed) continue;
    }
    add(h.tb, h.te, h.kinds, h.salience);
  }
  // The dictionary knows which names are countries ("UK" is also a village).
  for (auto& p : s.places) {
    for (const auto& m : s.matches) {
      if (m.begin == p.b && m.end == p.e && m.entry.kind == kEntryCountryName) {
        p.kinds = kNameCountry;
        p.kind = PlaceKind::kCountry;
        p.precision = GeoPrecision::kCountry;
      }
    }
  }
  // 2. Countries and capitals from the dictionary (with or without lexicon).
  for (const auto& m : s.matches) {
    if (m.entry.kind != kEntryCountryName && m.entry.kind != kEntryCapital) continue;
    if (!c.T(m.begin).Is(kTokCapitalized) && !c.T(m.begin).Is(kTokAllCaps)) continue;
    if (overlaps_entity(m.begin, m.end, false)) continue;
    bool taken = false;
    for (const auto& p : s.places) {
      if (p.b < m.end && m.begin < p.e) taken = true;
    }
    if (taken) continue;
    add(m.begin, m.end, m.entry.kind == kEntryCountryName ? kNameCountry : kNameSettlement, 1.0f);
  }
  // 3. Without a lexicon: capitalized word runs not known as anything else.
  if (lexicon == nullptr) {
    uint32_t i = s.b;
    while (i < s.e) {
      const Token& t = c.T(i);
      if (!t.Is(kTokWord) || !t.Is(kTokCapitalized)) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      while (j < s.e) {
        const Token& u = c.T(j);
        if (u.Is(kTokWord) && u.Is(kTokCapitalized)) {
          ++j;
          continue;
        }
        // Hyphenated names: "Mazar-e-Sharif", "Sar-e Pul".
        if (c.F(j) == "-" && j + 1 < s.e && c.T(j + 1).Is(kTokWord) &&
            !c.T(j).Is(kTokSpaceBefore)) {
          j += 2;
          continue;
        }
        break;
      }
      bool sentence_start =
          i == s.b || (i == s.dateline_end) || c.T(i - 1).Is(kTokQuoteOpen) || c.F(i - 1) == "--";
      bool known =
          overlaps_entity(i, j, true) || overlaps_date(i, j) || covered_by_match(i, j, false);
      bool loc = i > s.b && (HasCue(s, i - 1, Cue::kLocative) || c.F(i - 1) == "of");
      if (!known && (!sentence_start || loc)) add(i, j, kNameSettlement, 0.5f);
      i = j;
    }
  }
  // 3b. With a lexicon, a name it lacks is still a place where the text says
  // so: "the village of Robotyne", "the town of Krynky".
  if (lexicon != nullptr) {
    for (uint32_t i = s.b + 2; i < s.e; ++i) {
      if (c.F(i - 1) != "of" || !HasCue(s, i - 2, Cue::kSettlementWord)) continue;
      if (!c.T(i).Is(kTokWord) || !c.T(i).Is(kTokCapitalized)) continue;
      uint32_t j = i + 1;
      while (j < s.e && c.T(j).Is(kTokWord) && c.T(j).Is(kTokCapitalized)) ++j;
      if (overlaps_entity(i, j, true) || overlaps_date(i, j) || covered_by_match(i, j, false))
        continue;
      add(i, j, kNameSettlement, 0.5f);
    }
  }
  // 4. References: "the city", "the provincial capital", "the capital", "the country".
  for (const auto& m : s.matches) {
    if (m.entry.kind != kEntryCue) continue;
    Cue cue = static_cast<Cue>(m.entry.value);
    if (cue != Cue::kRefSettlement && cue != Cue::kRefProvince && cue != Cue::kRefCountry) continue;
    // Needs a determiner or possessive shortly before, and no name right after.
    bool det = false;
    for (uint32_t k = m.begin; k > s.b && k + 4 > m.begin; --k) {
      std::string_view w = c.F(k - 1);
      if (w == "the" || w == "this" || w == "that" || w == "'s" || w == "its") {
        det = true;
        break;
      }
    }
    if (!det) continue;
    // "the first provincial capital to fall", "the largest city in the
    // north": a description, not a reference to a place named before.
    bool described = false;
    for (uint32_t k = m.begin; k > s.b && k + 3 > m.begin; --k) {
      std::string_view w = c.F(k - 1);
      if (w == "the" || w == "its" || w == "'s") break;
      if (IsOrdinalOrSuperlative(w)) described = true;
    }
    std::string_view after = m.end < s.e ? c.F(m.end) : std::string_view();
    if (described && (after == "to" || after == "in" || after == "since" || after == "after" ||
                      after == "of" || after == "on"))
      continue;
    if (m.end < s.e && (c.F(m.end) == "of" || c.F(m.end) == ",")) {
      // "the city of Herat" names it; "the capital, Kabul" too.
      bool named = false;
      for (const auto& p : s.places) {
        if (p.b >= m.end && p.b <= m.end + 2) named = true;
      }
      if (named) continue;
    }
    bool named_after = false;
    for (const auto& p : s.places) {
      if (p.b == m.end) named_after = true;
    }
    if (named_after) continue;
    bool named_before = false;
    for (const auto& p : s.places) {
      if (p.e == m.begin || (p.e + 1 == m.begin && c.F(p.e) == "'s")) named_before = true;
    }
    if (named_before) continue;
    bool overl = false;
    for (const auto& p : s.places) {
      if (p.b < m.end && m.begin < p.e) overl = true;
    }
    if (overl) continue;
    const PlaceMemo* memo = nullptr;
    PlaceMemo capital;
    std::string_view head = c.F(m.end - 1);
    if (cue == Cue::kRefSettlement) {
      // "the capital", "the Afghan capital", "Ukraine's capital"; not "a
      // provincial capital".
      std::string_view before = m.begin > s.b ? c.F(m.begin - 1) : std::string_view();
      bool national = head == "capital" && !(m.end - m.begin > 1) &&
                      (before == "the" || before == "'s" || before == "its" || before == "this" ||
                       before == "that" || (m.begin > s.b && c.T(m.begin - 1).Is(kTokCapitalized)));
      // "Farah province borders Iran, and its capital ...": the province's
      // capital, which the coder cannot name; no reference to the country's.
      if (national && before == "its") {
        bool province_before = false;
        for (const auto& p : s.places) {
          if (p.e <= m.begin &&
              (p.precision == GeoPrecision::kAdmin1 ||
               (p.e < s.e && (HasCue(s, p.e, Cue::kAdmin1Word) || c.F(p.e) == "provincial"))))
            province_before = true;
        }
        if (province_before) continue;
      }
      // "the capital of Nimruz province" describes a place; it is no reference.
      if (head == "capital" && m.end < s.e && c.F(m.end) == "of") continue;
      if (national && c.disc.focus >= 0) {
        const CountryRecord& cr = d.countries()[static_cast<size_t>(c.disc.focus)];
        if (!cr.capitals.empty()) {
          capital.text = cr.capitals.front();
          capital.kind = PlaceKind::kNationalCapital;
          capital.precision = GeoPrecision::kCity;
          memo = &capital;
        }
      } else if (!national) {
        memo = c.disc.subject_city.valid() ? &c.disc.subject_city : &c.disc.last_settlement;
      }
    } else if (cue == Cue::kRefProvince) {
      memo = &c.disc.last_admin1;
    } else {
      if (c.disc.focus >= 0) {
        capital.text = d.countries()[static_cast<size_t>(c.disc.focus)].name;
        capital.kind = PlaceKind::kCountry;
        capital.precision = GeoPrecision::kCountry;
        memo = &capital;
      }
    }
    // A name of the same kind earlier in this sentence wins over the discourse.
    PlaceMemo local;
    if (cue == Cue::kRefSettlement && head != "capital") {
      for (auto it = s.places.begin(); it != s.places.end(); ++it) {
        bool province =
            it->e < s.e && (c.F(it->e) == "provincial" || HasCue(s, it->e, Cue::kAdmin1Word));
        if (it->b < m.begin && it->precision == GeoPrecision::kCity && !it->reference_point &&
            !it->is_ref && !it->dateline && !province) {
          local.text = it->text;
          local.kind = it->kind;
          local.precision = it->precision;
          memo = &local;
          break;
        }
      }
    }
    if (memo == nullptr || !memo->valid()) continue;
    PlaceMention_ p;
    p.b = m.begin;
    p.e = m.end;
    p.text = memo->text;
    p.kind = memo->kind;
    p.precision = memo->precision;
    p.is_ref = true;
    p.kinds = memo->precision == GeoPrecision::kCountry ? kNameCountry : kNameSettlement;
    s.places.push_back(std::move(p));
  }
  std::sort(s.places.begin(), s.places.end(),
            [](const PlaceMention_& a, const PlaceMention_& b) { return a.b < b.b; });
  // Context of each place.
  for (size_t k = 0; k < s.places.size(); ++k) {
    PlaceMention_& p = s.places[k];
    p.dateline = p.e <= s.dateline_end && s.dateline_end > s.b;
    p.possessive = p.e < s.e && c.F(p.e) == "'s";
    // Skip back over determiners, demonyms, place-type words and "of".
    uint32_t j = p.b;
    int skipped = 0;
    while (j > s.b && skipped < 6) {
      std::string_view w = c.F(j - 1);
      bool skippable = In(kDeterminers, w) || w == "of" || w == "capital" || w == "city" ||
                       w == "town" || w == "village" || w == "province" || w == "key" ||
                       w == "provincial" || w == "another" || w == "northern" || w == "southern" ||
                       w == "eastern" || w == "western" || w == "central" || w == "north" ||
                       w == "south" || w == "east" || w == "west" || w == "-" || w == "northeast" ||
                       w == "northwest" || w == "southeast" || w == "southwest" ||
                       w == "northwestern" || w == "northeastern" || w == "southwestern" ||
                       w == "southeastern" || w == "all" || HasCue(s, j - 1, Cue::kSettlementWord);
      bool demonym = false;
      for (const auto& m : s.matches) {
        if (m.end == j && m.entry.kind == kEntryDemonym) {
          demonym = true;
          j = m.begin + 1;
        }
      }
      if (!skippable && !demonym) break;
      --j;
      ++skipped;
    }
    // Distance and reference-point cues end at j.
    // ("southwest of" may itself have been skipped over: check every end.)
    for (uint32_t q = j; q <= p.b; ++q) {
      if (CueEndingAt(s, q, Cue::kDistance) != UINT32_MAX) p.reference_point = true;
    }
    if (j > s.b && c.F(j - 1) == "from") {
      // "150 kilometres from X", but not "retreated from X".
      for (uint32_t q = j - 1; q > s.b && q + 5 > j; --q) {
        std::string_view w = c.F(q - 1);
        if (w == "km" || w == "kilometres" || w == "kilometers" || w == "miles" ||
            w == "kilometre" || w == "kilometer" || w == "mile" || w == "metres" || w == "meters")
          p.reference_point = true;
      }
    }
    if (j > s.b && (HasCue(s, j - 1, Cue::kLocative) || c.F(j - 1) == "in" || c.F(j - 1) == "at" ||
                    c.F(j - 1) == "into"))
      p.after_locative = true;
    // "told Kabul Wire", "told Kabul radio": the addressee of a statement
    // (an outlet) is no place.
    if (p.b > s.b &&
        (c.F(p.b - 1) == "told" || c.F(p.b - 1) == "tells" || c.F(p.b - 1) == "telling")) {
      p.weak = true;
    }
    // A country named but not as a location ("UK Defence Secretary", "the
    // country") is only a last resort for an event's place.
    if (p.precision == GeoPrecision::kCountry) {
      bool after_verb = false;
      for (const auto& m : s.matches) {
        if (m.end == p.b && (m.entry.kind == kEntryVerb || m.entry.kind == kEntryPlaceSubject))
          after_verb = true;
      }
      bool prep = j > s.b && (c.F(j - 1) == "from" || c.F(j - 1) == "to" ||
                              (c.F(j - 1) == "of" && j >= s.b + 2 && c.F(j - 2) == "out"));
      if (p.is_ref || (!p.after_locative && !after_verb && !prep)) p.weak = true;
    }
    // Place-type word after the name.
    if (p.e < s.e && !p.is_ref) {
      // "Helmand province", "a Balkh provincial council member".
      if (HasCue(s, p.e, Cue::kAdmin1Word) || c.F(p.e) == "provincial") {
        p.kind = PlaceKind::kAdmin1;
        p.precision = GeoPrecision::kAdmin1;
      } else if (HasCue(s, p.e, Cue::kSettlementWord)) {
        p.precision = GeoPrecision::kCity;
        if (p.kind == PlaceKind::kAdmin1) p.kind = PlaceKind::kUnknown;
      }
    }
  }
  // "Kandahar, Khost and Paktia provinces": the plural type word covers the list.
  for (size_t k = 0; k < s.places.size(); ++k) {
    if (s.places[k].kind != PlaceKind::kAdmin1 || s.places[k].is_ref) continue;
    size_t q = k;
    while (q > 0) {
      const auto& prev = s.places[q - 1];
      uint32_t gap_b = prev.e, gap_e = s.places[q].b;
      bool joined =
          gap_e > gap_b && gap_e - gap_b == 1 && (c.F(gap_b) == "," || c.F(gap_b) == "and");
      if (!joined) break;
      --q;
      s.places[q].kind = PlaceKind::kAdmin1;
      s.places[q].precision = GeoPrecision::kAdmin1;
    }
  }
}

// ------------------------------------------------------------ clauses

void CoderCore::Impl::BuildClauses(Ctx& c, SentenceAnalysis& s) const {
  auto is_verb_match_at = [&](uint32_t i) {
    for (uint32_t k = s.match_start[i - s.b]; k < s.match_start[i - s.b + 1]; ++k) {
      const auto& m = s.matches[k];
      if (m.entry.kind == kEntryVerb || m.entry.kind == kEntryPlaceSubject) {
        if (m.entry.form & (kFormPast | kForm3sg | kFormBase)) return true;
      }
      if (m.entry.kind == kEntryCue && (m.entry.value == static_cast<uint32_t>(Cue::kSpeech) ||
                                        m.entry.value == static_cast<uint32_t>(Cue::kBeAux) ||
                                        m.entry.value == static_cast<uint32_t>(Cue::kHaveAux)))
        return true;
    }
    return false;
  };
  auto next_stop = [&](uint32_t from) {
    for (uint32_t k = from; k < s.e; ++k) {
      std::string_view w = c.F(k);
      if (w == "," || w == "--" || w == ";" || w == ")" || w == "." || c.T(k).Is(kTokQuoteClose))
        return k;
    }
    return s.e;
  };
  // Parentheses and paired long dashes.
  for (uint32_t i = s.b; i < s.e; ++i) {
    std::string_view w = c.F(i);
    if (w == "(") {
      uint32_t k = i + 1;
      while (k < s.e && c.F(k) != ")") ++k;
      s.parens.push_back({i, std::min(k + 1, s.e)});
      i = k;
    } else if (w == "--" && i >= s.dateline_end) {
      uint32_t k = i + 1;
      while (k < s.e && c.F(k) != "--") ++k;
      s.parens.push_back({i, std::min(k + 1, s.e)});
      i = k;
    }
  }
  // Relative clauses and appositives after a comma.
  for (uint32_t i = s.b; i + 1 < s.e; ++i) {
    if (c.F(i) != ",") continue;
    if (InParen(s, i)) continue;
    uint32_t j = i + 1;
    bool relative = HasCue(s, j, Cue::kRelative);
    bool anonymous = HasCue(s, j, Cue::kAnonymous);
    std::string_view w = c.F(j);
    bool appositive = false;
    if (!relative && !anonymous) {
      // After a place or an entity: ", the capital of ...", ", Afghanistan's third-largest city".
      bool after_name = false;
      for (const auto& p : s.places) {
        if (p.e == i) after_name = true;
      }
      for (const auto& e : s.entities) {
        if (e.e == i) after_name = true;
      }
      if (after_name) {
        bool possessive_name = false;
        for (const auto& p : s.places) {
          if (p.b == j && p.e < s.e && c.F(p.e) == "'s") possessive_name = true;
        }
        appositive = In(kDeterminers, w) || w == "capital" || w == "also" || possessive_name ||
                     HasCue(s, j, Cue::kSettlementWord);
      }
    }
    if (!relative && !anonymous && !appositive) continue;
    uint32_t end = next_stop(j);
    if (appositive) {
      // An appositive holds no finite verb; it may end before "and (also) <verb>".
      bool verb = false;
      for (uint32_t k = j; k < end; ++k) {
        if (c.F(k) == "and") {
          uint32_t q = k + 1;
          while (q < end && IsAdverb(c.F(q))) ++q;
          if (q < end && is_verb_match_at(q)) {
            end = k;
            break;
          }
        }
        if (is_verb_match_at(k) && !(k > j && c.F(k - 1) == "to")) {
          // A participle in an appositive ("the town, held by ...") is fine.
          bool participle_only = true;
          for (uint32_t q = s.match_start[k - s.b]; q < s.match_start[k - s.b + 1]; ++q) {
            const auto& m = s.matches[q];
            if ((m.entry.kind == kEntryVerb || m.entry.kind == kEntryPlaceSubject) &&
                (m.entry.form & (kFormPast | kForm3sg | kFormBase)) &&
                !(m.entry.form & kFormParticiple))
              participle_only = false;
            if (m.entry.kind == kEntryCue) participle_only = false;
          }
          if (!participle_only) verb = true;
        }
      }
      if (verb) continue;
    }
    s.parens.push_back({i, end});
    if (relative) {
      Clause cl;
      cl.b = j;
      cl.e = end;
      cl.type = ClauseType::kRelative;
      for (size_t k = 0; k < s.entities.size(); ++k) {
        if (s.entities[k].e == i) cl.antecedent_entity = static_cast<int>(k);
      }
      for (size_t k = 0; k < s.places.size(); ++k) {
        if (s.places[k].e == i) cl.antecedent_place = static_cast<int>(k);
      }
      s.clauses.push_back(cl);
    }
    i = end > i ? end - 1 : i;
  }
  // Restrictive relative clauses: "security forces who have been cut off".
  for (uint32_t i = s.b + 1; i < s.e; ++i) {
    if (!HasCue(s, i, Cue::kRelative) || c.F(i - 1) == "," || InParen(s, i)) continue;
    int ent = -1, plc = -1;
    for (size_t k = 0; k < s.entities.size(); ++k) {
      if (s.entities[k].e == i) ent = static_cast<int>(k);
    }
    for (size_t k = 0; k < s.places.size(); ++k) {
      if (s.places[k].e == i) plc = static_cast<int>(k);
    }
    if (ent < 0 && plc < 0) continue;
    uint32_t end = next_stop(i + 1);
    Clause cl;
    cl.b = i;
    cl.e = end;
    cl.type = ClauseType::kRelative;
    cl.antecedent_entity = ent;
    cl.antecedent_place = plc;
    s.clauses.push_back(cl);
  }
  for (const auto& [pb, pe] : s.parens) {
    for (auto& p : s.places) {
      if (p.b >= pb && p.b < pe) p.in_paren = true;
    }
  }
  // Subordinate and conditional clauses.
  uint32_t main_b = s.b;
  auto push_main = [&](uint32_t b, uint32_t e) {
    if (e > b) {
      Clause cl;
      cl.b = b;
      cl.e = e;
      cl.type = ClauseType::kMain;
      s.clauses.push_back(cl);
    }
  };
  for (uint32_t i = s.b; i < s.e; ++i) {
    std::string_view w = c.F(i);
    bool boundary = HasCue(s, i, Cue::kBoundary) || HasCue(s, i, Cue::kConditional);
    if (w == ";" || (w == ":" && i >= s.dateline_end && i + 1 > s.dateline_end)) {
      if (!(s.dateline_end > s.b && i + 1 == s.dateline_end)) {
        push_main(main_b, i);
        main_b = i + 1;
        continue;
      }
    }
    if (!boundary || InParen(s, i)) continue;
    // "since" before a date is a date, not a clause ("since early July").
    if (w == "since") {
      bool date_next = false;
      for (const auto& dm : s.dates) {
        if (dm.begin >= i + 1 && dm.begin <= i + 2) date_next = true;
      }
      if (date_next ||
          (i + 1 < s.e && (c.F(i + 1) == "early" || c.F(i + 1) == "late" || c.F(i + 1) == "mid")))
        continue;
    }
    // "as mediator", "as a reserve": "as" before a noun phrase is a preposition.
    if (w == "as") {
      bool clause_like = false;
      for (uint32_t k = i + 1; k < std::min(s.e, i + 8); ++k) {
        if (is_verb_match_at(k)) clause_like = true;
        if (c.F(k) == "," || c.F(k) == ".") break;
      }
      if (!clause_like) continue;
    }
    bool conditional = HasCue(s, i, Cue::kConditional);
    bool fronted = i == main_b || (i > s.b && c.F(i - 1) == ",");
    uint32_t end = s.e;
    for (uint32_t k = i + 1; k < s.e; ++k) {
      if (InParen(s, k)) continue;
      if ((HasCue(s, k, Cue::kBoundary) || HasCue(s, k, Cue::kConditional)) && c.F(k) != "as") {
        end = k;
        break;
      }
      if (fronted && i == main_b && c.F(k) == ",") {
        end = k;
        break;
      }
      if (c.F(k) == ";") {
        end = k;
        break;
      }
    }
    push_main(main_b, i);
    Clause cl;
    cl.b = i;
    cl.e = end;
    cl.type = conditional ? ClauseType::kConditional
                          : (w == "but" ? ClauseType::kMain : ClauseType::kSubordinate);
    // "a day after", "two days after", "a week before".
    if ((w == "after" || w == "before") && i >= s.b + 2) {
      std::string_view unit = c.F(i - 1);
      int days = 0;
      if (unit == "day" || unit == "days") days = 1;
      if (unit == "week" || unit == "weeks") days = 7;
      double n = 0;
      if (days > 0 && (c.F(i - 2) == "a" || ParseNumberToken(c.F(i - 2), &n))) {
        if (c.F(i - 2) == "a") n = 1;
        cl.anchored = true;
        cl.anchor_offset = static_cast<int>(n) * days * (w == "after" ? -1 : 1);
      }
    }
    s.clauses.push_back(cl);
    main_b = end;
    if (end < s.e && c.F(end) == ",") main_b = end + 1;
    i = end > i ? end - 1 : i;
  }
  push_main(main_b, s.e);
  // Dates of clauses: the first date that dates an act ("on Sunday"), an
  // interval's start ("since Friday") only when the clause has no other.
  for (size_t k = 0; k < s.clauses.size(); ++k) {
    Clause& cl = s.clauses[k];
    int interval = -1;
    for (size_t q = 0; q < s.dates.size(); ++q) {
      if (s.dates[q].begin >= cl.b && s.dates[q].end <= cl.e) {
        // Inside a nested clause (relative in a main clause)? Only own dates.
        int inner = ClauseOf(s, s.dates[q].begin);
        if (inner == static_cast<int>(k)) {
          if (IsIntervalStart(c, s.dates[q], s.b)) {
            if (interval < 0) interval = static_cast<int>(q);
            continue;
          }
          cl.date = static_cast<int>(q);
          break;
        }
      }
    }
    if (cl.date < 0) cl.date = interval;
  }
}

// ------------------------------------------------------------ speech

void CoderCore::Impl::BuildSpeech(Ctx& c, SentenceAnalysis& s) const {
  auto entity_ending_before = [&](uint32_t i, uint32_t limit) -> int {
    // Nearest speaker-like entity ending at or before i, not in a
    // parenthetical, not the object of a preposition.
    for (size_t k = s.entities.size(); k-- > 0;) {
      const Entity& e = s.entities[k];
      if (e.e > i || e.b < limit) continue;
      if (e.after_prep || e.possessive || e.modifier) continue;
      if (InParen(s, e.b) && !InParen(s, i)) continue;
      return static_cast<int>(k);
    }
    return -1;
  };
  std::vector<uint32_t> used;
  for (const auto& m : s.matches) {
    if (m.entry.kind != kEntryCue) continue;
    Cue cue = static_cast<Cue>(m.entry.value);
    if (cue != Cue::kSpeech && cue != Cue::kDenial && cue != Cue::kHearsay &&
        cue != Cue::kAcknowledge && cue != Cue::kResponsibility)
      continue;
    if (std::find(used.begin(), used.end(), m.begin) != used.end()) continue;
    bool in_name = false;
    for (const auto& en : s.entities) {
      if (en.b < m.end && m.begin < en.e && en.type != EntType::kSource &&
          en.type != EntType::kPronoun && en.type != EntType::kRole)
        in_name = true;
    }
    if (in_name) continue;
    // "Sennar state", "Kordofan states": a place-type word, not a speech verb.
    bool place_word = false;
    for (const auto& p : s.places) {
      if (p.b < m.end && m.begin < p.e) place_word = true;
      if (p.e == m.begin && HasCue(s, m.begin, Cue::kAdmin1Word)) place_word = true;
    }
    if (place_word) continue;
    // Prefer the longest speech phrase at this token.
    uint32_t e_best = m.end;
    for (const auto& m2 : s.matches) {
      if (m2.begin == m.begin && m2.entry.kind == kEntryCue && m2.end > e_best &&
          (m2.entry.value == static_cast<uint32_t>(Cue::kSpeech) ||
           m2.entry.value == static_cast<uint32_t>(Cue::kDenial) ||
           m2.entry.value == static_cast<uint32_t>(Cue::kHearsay)))
        e_best = m2.end;
    }
    used.push_back(m.begin);
    SpeechAct sp;
    sp.b = m.begin;
    sp.e = e_best;
    sp.denial = cue == Cue::kDenial;
    sp.hearsay = cue == Cue::kHearsay;
    sp.acknowledge = cue == Cue::kAcknowledge;
    sp.responsibility = cue == Cue::kResponsibility;
    for (const auto& m2 : s.matches) {
      if (m2.begin == m.begin && m2.entry.kind == kEntryCue) {
        if (m2.entry.value == static_cast<uint32_t>(Cue::kDenial)) sp.denial = true;
        if (m2.entry.value == static_cast<uint32_t>(Cue::kAcknowledge)) sp.acknowledge = true;
        if (m2.entry.value == static_cast<uint32_t>(Cue::kResponsibility)) sp.responsibility = true;
        if (m2.entry.value == static_cast<uint32_t>(Cue::kHearsay)) sp.hearsay = true;
      }
    }
    // A speech verb inside a relative clause about someone else is not the
    // sentence's attribution, but "which X claimed" is (responsibility).
    std::string_view first = c.F(m.begin);
    bool according = first == "according";
    if (sp.hearsay) {
      sp.content_b = sp.e;
      sp.content_e = s.e;
      // "reportedly" and "reports said" cover the whole sentence.
      if (first == "reportedly" || first == "allegedly") sp.content_b = s.b;
      s.speech.push_back(sp);
      continue;
    }
    if (according) {
      for (size_t k = 0; k < s.entities.size(); ++k) {
        if (s.entities[k].b >= sp.e && s.entities[k].b <= sp.e + 6) {
          sp.speaker = static_cast<int>(k);
          break;
        }
      }
      // Content: everything but the attribution phrase itself.
      sp.content_b = s.b;
      sp.content_e = s.e;
      s.speech.push_back(sp);
      continue;
    }
    int cl = ClauseOf(s, sp.b);
    uint32_t limit = cl >= 0 ? s.clauses[static_cast<size_t>(cl)].b : s.b;
    sp.speaker = entity_ending_before(sp.b, limit);
    if (sp.speaker < 0) sp.speaker = entity_ending_before(sp.b, s.b);
    // ", said the spokesman" / ", the group said."
    if (sp.speaker < 0 ||
        (sp.speaker >= 0 && s.entities[static_cast<size_t>(sp.speaker)].e + 3 < sp.b &&
         sp.b > s.b && c.F(sp.b - 1) == ",")) {
      for (size_t k = 0; k < s.entities.size(); ++k) {
        if (s.entities[k].b >= sp.e && s.entities[k].b <= sp.e + 3) {
          sp.speaker = static_cast<int>(k);
          break;
        }
      }
    }
    // Which side is the content? Material after the verb (beyond dates and
    // "that") means "X said (that) CONTENT"; otherwise "CONTENT, X said".
    uint32_t k = sp.e;
    while (k < s.e) {
      std::string_view w = c.F(k);
      bool skip = w == "that" || w == "," || w == ":" || w == "." || w == "on" ||
                  c.T(k).Is(kTokQuoteOpen) || c.T(k).Is(kTokQuoteClose);
      for (const auto& dm : s.dates) {
        if (k >= dm.begin && k < dm.end) skip = true;
      }
      if (HasCue(s, k, Cue::kAnonymous)) {
        k = CueEnd(s, k, Cue::kAnonymous);
        continue;
      }
      // "told AFP", "told reporters", "said in a statement": the audience.
      if (!skip && (k == sp.e) &&
          (c.T(k).Is(kTokAllCaps) || HasCue(s, k, Cue::kJournalist) || w == "reporters" ||
           w == "journalists")) {
        skip = true;
      }
      if (!skip && sp.speaker >= 0 && k >= s.entities[static_cast<size_t>(sp.speaker)].b &&
          k < s.entities[static_cast<size_t>(sp.speaker)].e)
        skip = true;
      if (!skip) break;
      ++k;
    }
    uint32_t right_words = 0;
    for (uint32_t q = k; q < s.e; ++q) {
      if (c.T(q).Is(kTokWord)) ++right_words;
    }
    bool boundary_next =
        k < s.e && (HasCue(s, k, Cue::kBoundary) || HasCue(s, k, Cue::kConditional));
    // ", the ministry said, claiming that ...": a comma closes the attribution.
    if (sp.e < s.e && c.F(sp.e) == "," && sp.b > s.b && c.F(sp.b - 1) != ",") {
      bool left_material = false;
      for (uint32_t q = s.b; q + 2 < sp.b; ++q) {
        if (c.T(q).Is(kTokWord)) left_material = true;
      }
      if (left_material) boundary_next = true;
    }
    if (right_words >= 3 && !sp.responsibility && !boundary_next) {
      sp.content_b = k;
      sp.content_e = s.e;
    } else {
      uint32_t end =
          sp.speaker >= 0 ? std::min(s.entities[static_cast<size_t>(sp.speaker)].b, sp.b) : sp.b;
      sp.content_b = s.b;
      // A previous speech act's span ends where this content starts.
      for (const auto& other : s.speech) {
        if (other.content_e <= end && other.e <= end)
          sp.content_b = std::max(sp.content_b, other.e);
      }
      sp.content_e = end;
    }
    s.speech.push_back(sp);
  }
}

// ------------------------------------------------------------ triggers

void CoderCore::Impl::BuildTriggers(Ctx& c, SentenceAnalysis& s) const {
  struct Cand {
    const PhraseMatch* m;
    uint32_t len;
  };
  std::vector<Cand> cands;
  for (const auto& m : s.matches) {
    if (m.entry.kind != kEntryVerb && m.entry.kind != kEntryPlaceSubject &&
        m.entry.kind != kEntryNoun)
      continue;
    // A trigger never overlaps a name ("Kandahar Air Base" is no "base" event).
    bool overl = false;
    auto outside_gap = [&](uint32_t b, uint32_t e) {
      return m.gap_end == m.gap_begin || !(b >= m.gap_begin && e <= m.gap_end);
    };
    for (const auto& e : s.entities) {
      bool name = e.type == EntType::kActor || e.type == EntType::kPerson ||
                  e.type == EntType::kCountry || e.type == EntType::kCapital ||
                  e.type == EntType::kComposite || e.type == EntType::kSource ||
                  e.type == EntType::kJournalist || (e.type == EntType::kRole && e.e != m.end);
      if (name && e.b < m.end && m.begin < e.e && outside_gap(e.b, e.e)) overl = true;
    }
    for (const auto& p : s.places) {
      if (!p.is_ref && p.b < m.end && m.begin < p.e && outside_gap(p.b, p.e)) overl = true;
    }
    if (overl) continue;
    cands.push_back({&m, m.end - m.begin});
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
    if (a.len != b.len) return a.len > b.len;
    return a.m->begin < b.m->begin;
  });
  auto aux_before = [&](uint32_t i, Cue cue) {
    uint32_t k = i;
    int steps = 0;
    while (k > s.b && steps < 4) {
      std::string_view w = c.F(k - 1);
      if (IsAdverb(w) || w == "not" || w == "n't") {
        --k;
        ++steps;
        continue;
      }
      return HasCue(s, k - 1, cue);
    }
    return false;
  };
  std::vector<Trigger> chosen;
  for (const Cand& cd : cands) {
    const PhraseMatch& m = *cd.m;
    bool clash = false;
    for (auto& t : chosen) {
      if (t.b < m.end && m.begin < t.e) {
        // Same span: a verb reading beats a noun reading after an auxiliary,
        // the noun reading wins after a determiner.
        if (t.b == m.begin && t.e == m.end) {
          // Same words: keep both readings (verb / noun, or two actions).
          bool same = t.action == static_cast<int>(m.entry.value) &&
                      (t.kind == TrigKind::kNoun) == (m.entry.kind == kEntryNoun);
          if (!same) continue;
        }
        clash = true;
      }
    }
    if (clash) continue;
    Trigger t;
    t.b = m.begin;
    t.e = m.end;
    t.action = static_cast<int>(m.entry.value);
    t.kind = m.entry.kind == kEntryVerb
                 ? TrigKind::kVerb
                 : (m.entry.kind == kEntryPlaceSubject ? TrigKind::kPlaceSubject : TrigKind::kNoun);
    t.form = m.entry.form;
    t.flags = m.entry.flags;
    t.gap_b = m.gap_begin;
    t.gap_e = m.gap_end;
    chosen.push_back(t);
  }
  // Verb / noun readings of the same word ("fighting"): decide by context.
  for (size_t a = 0; a < chosen.size(); ++a) {
    for (size_t b = 0; b < chosen.size(); ++b) {
      if (a == b) continue;
      Trigger& x = chosen[a];
      Trigger& y = chosen[b];
      if (x.b != y.b || x.e != y.e || x.action < 0 || y.action < 0) continue;
      if (x.kind == TrigKind::kNoun && y.kind == TrigKind::kVerb) {
        bool verbal = aux_before(x.b, Cue::kBeAux) || aux_before(x.b, Cue::kHaveAux);
        if (verbal) {
          x.action = -1;
        } else if (x.b > s.b && (In(kDeterminers, c.F(x.b - 1)) || c.T(x.b - 1).Is(kTokWord))) {
          // "heavy fighting", "the fighting": the noun
          if (!(y.form & (kFormPast | kForm3sg))) y.action = -1;
        }
      }
    }
  }
  for (auto& t : chosen) {
    if (t.action < 0) continue;
    if (t.kind != TrigKind::kNoun && (t.form & kFormParticiple)) {
      bool be = aux_before(t.b, Cue::kBeAux);
      bool have = aux_before(t.b, Cue::kHaveAux);
      bool by_agent = t.e < s.e && c.F(t.e) == "by";
      // "had been captured": the be-aux wins; "had captured": active.
      if (be || (!have && by_agent && !(t.form & kFormPast))) t.passive = true;
      if (!be && !have && by_agent && (t.form & kFormPast)) {
        // "Kunduz, captured by the Taliban on Sunday,": a reduced passive
        // when no subject entity stands before it in the clause.
        t.passive = true;
        for (const auto& e : s.entities) {
          if (e.e == t.b && !e.after_prep) t.passive = false;
        }
      }
    }
    t.clause = ClauseOf(s, t.b);
    s.triggers.push_back(t);
  }
  std::sort(s.triggers.begin(), s.triggers.end(),
            [](const Trigger& a, const Trigger& b) { return a.b < b.b; });
}

Modality CoderCore::Impl::FindModality(const Ctx& c, const SentenceAnalysis& s,
                                       const Trigger& t) const {
  const Clause* cl = t.clause >= 0 ? &s.clauses[static_cast<size_t>(t.clause)] : nullptr;
  if (cl != nullptr && cl->type == ClauseType::kConditional) return Modality::kHypothetical;
  uint32_t from = cl != nullptr ? cl->b : s.b;
  constexpr uint32_t kWindow = 9;
  if (t.b > from + kWindow) from = t.b - kWindow;
  // Stop at an earlier trigger verb of the same clause with its own subject:
  // "took X and did not enter Y" negates only "enter".
  for (const auto& other : s.triggers) {
    if (other.e <= t.b && other.b >= from && other.kind != TrigKind::kNoun &&
        (other.form & (kFormPast | kForm3sg | kFormBase)))
      from = std::max(from, other.e);
  }
  bool in_speech = false;
  for (const auto& sp : s.speech) {
    if (t.b >= sp.content_b && t.b < sp.content_e) in_speech = true;
  }
  Modality m = Modality::kFactual;
  auto raise = [&](Modality x) {
    auto rank = [](Modality y) {
      switch (y) {
        case Modality::kNegated:
          return 6;
        case Modality::kHypothetical:
          return 5;
        case Modality::kThreat:
          return 4;
        case Modality::kFuture:
          return 3;
        case Modality::kIntent:
        case Modality::kAttempt:
          return 2;
        default:
          return 0;
      }
    };
    if (rank(x) > rank(m)) m = x;
  };
  for (uint32_t k = from; k < t.b; ++k) {
    if (InParen(s, k) && !InParen(s, t.b)) continue;
    if (ClauseOf(s, k) != t.clause) continue;  // "an official who asked not to be named
    std::string_view w = c.F(k);
    if (HasCue(s, k, Cue::kNegation)) {
      uint32_t e = CueEnd(s, k, Cue::kNegation);
      // "no" negates a noun directly after it only.
      if (w == "no" && !(t.kind == TrigKind::kNoun && e + 2 >= t.b)) continue;
      raise(Modality::kNegated);
    }
    if (HasCue(s, k, Cue::kThreat)) raise(Modality::kThreat);
    if (HasCue(s, k, Cue::kFuture)) raise(Modality::kFuture);
    if (HasCue(s, k, Cue::kModal)) {
      // Reported "would" is a future in the past.
      if ((w == "would" || w == "'d") && in_speech) {
        raise(Modality::kFuture);
      } else {
        raise(Modality::kHypothetical);
      }
    }
    if (HasCue(s, k, Cue::kAttempt)) {
      raise(Modality::kAttempt);
    } else if (HasCue(s, k, Cue::kIntent)) {
      raise(Modality::kIntent);
    }
    bool nominal = t.kind == TrigKind::kNoun || (t.kind == TrigKind::kVerb && t.form == kFormIng);
    if (nominal && HasCue(s, k, Cue::kHalt)) {
      uint32_t e = CueEnd(s, k, Cue::kHalt);
      if (e + 3 >= t.b) raise(Modality::kNegated);
    }
    if (HasCue(s, k, Cue::kStative)) {
      const ActionRecord& a = d.actions()[static_cast<size_t>(t.action)];
      if (a.info.effect == ControlEffect::kCaptures) raise(Modality::kNegated);
    }
  }
  // ", leaving Kabul as the only city still held": a participle after a
  // comma tells what the clause before it left behind, not an act of its own.
  if (t.kind == TrigKind::kVerb && (t.form & kFormIng) && t.b > s.b && c.F(t.b - 1) == "," &&
      HasCue(s, t.b, Cue::kResultative)) {
    raise(Modality::kNegated);
  }
  // A bare to-infinitive ("to seize", "race to seize control") is a purpose.
  if ((t.kind == TrigKind::kVerb || t.kind == TrigKind::kPlaceSubject) && (t.form & kFormBase) &&
      t.b > s.b) {
    uint32_t k = t.b - 1;
    while (k > s.b && (IsAdverb(c.F(k)) || c.F(k) == "help")) --k;
    if (c.F(k) == "to") raise(Modality::kIntent);
  }
  // "to keep the insurgents from overrunning them", "stopped them from
  // entering": a prevented act did not happen.
  if (t.kind == TrigKind::kVerb && (t.form & kFormIng) && t.b > s.b && c.F(t.b - 1) == "from") {
    for (uint32_t k = t.b - 1; k-- > s.b && k + 10 > t.b;) {
      std::string_view w = c.F(k);
      if (w.rfind("keep", 0) == 0 || w == "kept" || w.rfind("prevent", 0) == 0 ||
          w.rfind("stop", 0) == 0 || w.rfind("deter", 0) == 0 || w.rfind("block", 0) == 0 ||
          w == "bar" || w == "barred" || w.rfind("dissuad", 0) == 0) {
        raise(Modality::kHypothetical);
        break;
      }
    }
  }
  // The complement of an appeal, offer, demand, rejection or threat earlier
  // in the clause ("urged the Taliban to stop attacking cities") is no act.
  for (const auto& other : s.triggers) {
    if (other.e > t.b || &other == &t || other.clause != t.clause) continue;
    const std::string& code = d.actions()[static_cast<size_t>(other.action)].info.cameo;
    std::string fam = code.substr(0, 2);
    if (fam == "02" || fam == "03" || fam == "10" || fam == "12" || fam == "13")
      raise(Modality::kIntent);
  }
  return m;
}

// ------------------------------------------------------------ subjects

int CoderCore::Impl::ResolveEntityActor(const Ctx& c, const SentenceAnalysis& s, int ent,
                                        bool place_ok) const {
  (void)place_ok;
  if (ent < 0) return -1;
  const Entity& e = s.entities[static_cast<size_t>(ent)];
  if (e.type == EntType::kEnemyRef) {
    // The enemy of whoever is speaking.
    for (const auto& sp : s.speech) {
      if (e.b >= sp.content_b && e.b < sp.content_e && sp.speaker >= 0) {
        int who = s.entities[static_cast<size_t>(sp.speaker)].actor;
        if (IsOpposition(c.disc, who)) return DefaultDefender(c.disc);
        if (who >= 0) return DefaultAttacker(c.disc);
      }
    }
    return -1;
  }
  if (e.type == EntType::kPronoun && e.pronoun == 'w') {
    for (const auto& sp : s.speech) {
      if (e.b >= sp.content_b && e.b < sp.content_e && sp.speaker >= 0)
        return s.entities[static_cast<size_t>(sp.speaker)].actor;
    }
    return c.disc.last_actor;
  }
  if (e.type == EntType::kSource || e.type == EntType::kJournalist) return -1;
  if (e.type == EntType::kRole && e.default_role) {
    // "Kirby said the first Marines would reach Kabul": a foreign speaker's
    // bare "troops" are the speaker's own.
    for (const auto& sp : s.speech) {
      if (e.b < sp.content_b || e.b >= sp.content_e || sp.speaker < 0) continue;
      const Entity& spk = s.entities[static_cast<size_t>(sp.speaker)];
      if (spk.actor < 0 || spk.type == EntType::kRole) continue;
      int country = CountryOfActor(spk.actor);
      if (country < 0 || country == c.disc.focus) continue;
      int a = d.CountryActor(country, e.military ? "military" : "government");
      if (a >= 0) return a;
    }
  }
  return e.actor;
}

int CoderCore::Impl::FindSubject(const Ctx& c, SentenceAnalysis& s, size_t ti) const {
  Trigger& t = s.triggers[ti];
  const Clause* cl = t.clause >= 0 ? &s.clauses[static_cast<size_t>(t.clause)] : nullptr;
  uint32_t from = cl != nullptr ? cl->b : s.b;
  // A speech act's content starts a new subject domain.
  for (const auto& sp : s.speech) {
    if (t.b >= sp.content_b && t.b < sp.content_e && sp.content_b > from) from = sp.content_b;
  }
  int paren = ParenOf(s, t.b);
  for (uint32_t k = t.b; k > from; --k) {
    uint32_t i = k - 1;
    if (paren < 0 && InParen(s, i)) continue;
    // An earlier trigger verb: coordination shares its subject.
    for (size_t q = 0; q < ti; ++q) {
      const Trigger& o = s.triggers[q];
      if (o.e == k && o.kind != TrigKind::kNoun && o.subject >= 0 && !o.passive &&
          t.kind != TrigKind::kNoun) {
        t.subject_inherited = true;
        t.subjects = o.subjects;
        return o.subject;
      }
    }
    for (size_t q = 0; q < s.entities.size(); ++q) {
      const Entity& e = s.entities[q];
      if (e.e != k) continue;
      if (e.after_prep || e.modifier) continue;
      if (e.possessive) continue;
      if (e.type == EntType::kSource || e.type == EntType::kJournalist) continue;
      if (e.consumed) continue;
      // Coordinated subjects: "Government troops and Taliban fighters".
      t.subjects.clear();
      t.subjects.push_back(static_cast<int>(q));
      size_t r = q;
      while (r > 0) {
        const Entity& prev = s.entities[r - 1];
        const Entity& cur = s.entities[r];
        // ("RSF fighters and allied militias")
        bool joined = (prev.e + 1 == cur.b && (c.F(prev.e) == "and" || c.F(prev.e) == ",")) ||
                      (prev.e + 2 == cur.b && c.F(prev.e) == "and" && c.F(prev.e + 1) == "allied");
        if (joined && !prev.after_prep && prev.type != EntType::kSource) {
          t.subjects.insert(t.subjects.begin(), static_cast<int>(r - 1));
          --r;
          continue;
        }
        if (prev.e == cur.b && prev.type == EntType::kComposite &&
            cur.type == EntType::kComposite) {
          t.subjects.insert(t.subjects.begin(), static_cast<int>(r - 1));
          --r;
          continue;
        }
        break;
      }
      return static_cast<int>(q);
    }
  }
  // Relative clause: "The Taliban, who seized Kunduz": the antecedent.
  if (cl != nullptr && cl->type == ClauseType::kRelative && cl->antecedent_entity >= 0) {
    t.subjects = {cl->antecedent_entity};
    return cl->antecedent_entity;
  }
  // Participial clause: "after taking Zaranj", "three days after entering Kunduz".
  if (cl != nullptr && cl->type == ClauseType::kSubordinate && (t.form & kFormIng)) {
    for (size_t q = 0; q < s.entities.size(); ++q) {
      const Entity& e = s.entities[q];
      if (e.after_prep || e.possessive || e.type == EntType::kSource) continue;
      int ec = ClauseOf(s, e.b);
      if (ec >= 0 && s.clauses[static_cast<size_t>(ec)].type == ClauseType::kMain) {
        t.subjects = {static_cast<int>(q)};
        return static_cast<int>(q);
      }
    }
  }
  return -1;
}

// ------------------------------------------------------------ events

// A noun reports an event only in an event-like frame: the object of a
// light verb ("carried out an air strike"), the subject of an occurrence
// verb ("fighting raged"), after "after"/"amid", dated ("Thursday's
// bombing"), or for violence, tied to a place or an actor ("clashes in
// Herat", "a US drone strike").
bool CoderCore::Impl::NounLicensed(const Ctx& c, const SentenceAnalysis& s,
                                   const Trigger& t) const {
  const ActionRecord& act = d.actions()[static_cast<size_t>(t.action)];
  const std::string fam = act.info.cameo.substr(0, 2);
  const bool violent = fam == "18" || fam == "19" || fam == "20";
  const Clause* cl = t.clause >= 0 ? &s.clauses[static_cast<size_t>(t.clause)] : nullptr;
  uint32_t cb = cl != nullptr ? cl->b : s.b;
  uint32_t ce = cl != nullptr ? cl->e : s.e;
  for (uint32_t k = t.b; k > cb && k + 6 > t.b; --k) {
    if (HasCue(s, k - 1, Cue::kLightVerb)) return true;
    if (HasCue(s, k - 1, Cue::kResponsibility)) return true;
  }
  for (uint32_t k = t.e; k < ce && k < t.e + 6; ++k) {
    if (HasCue(s, k, Cue::kOccurrence)) return true;
    if (c.F(k) == "," || c.F(k) == ";") break;
  }
  // "the surrender of", "the siege of Kandahar" in a relative or main clause.
  for (const auto& dm : s.dates) {
    if (dm.end + 1 == t.b || dm.end + 2 == t.b || dm.end == t.b) return violent || fam == "08";
  }
  // "talks between X and Y", "an attack by X".
  for (uint32_t k = t.e; k + 1 < ce && k < t.e + 3; ++k) {
    std::string_view w = c.F(k);
    if (w == "between" || w == "by" || w == "with") {
      for (const auto& e : s.entities) {
        if (e.b > k && e.b <= k + 3 && e.actor >= 0) return true;
      }
    }
  }
  if (!violent && fam != "08" && fam != "15") return false;
  for (uint32_t k = t.b; k > cb && k + 5 > t.b; --k) {
    std::string_view w = c.F(k - 1);
    if (w == "after" || w == "amid" || w == "following" || w == "during" || w == "despite" ||
        w == "in" || w == "by" || w == "under")
      return true;
    // "after days of street fighting"
    if (w == "of" && k >= cb + 2) {
      std::string_view unit = c.F(k - 2);
      if (unit == "days" || unit == "weeks" || unit == "hours" || unit == "months" ||
          unit == "nights")
        return true;
    }
  }
  // An attached place: "fighting in Kandahar", "a bombing outside Kabul airport".
  if (t.e < ce && HasCue(s, t.e, Cue::kLocative)) {
    for (const auto& p : s.places) {
      if (p.b > t.e && p.b <= t.e + 8 && !p.reference_point) {
        bool clean = true;
        for (uint32_t k = t.e + 1; k < p.b; ++k) {
          std::string_view w = c.F(k);
          if (w == "," || w == ";" || HasCue(s, k, Cue::kBeAux) || HasCue(s, k, Cue::kHaveAux))
            clean = false;
        }
        if (clean) return true;
      }
    }
  }
  for (uint32_t k = t.e; k + 1 < ce && k < t.e + 3; ++k) {
    if (c.F(k) == "by" || c.F(k) == "between" || c.F(k) == "on" || c.F(k) == "against") {
      for (const auto& e : s.entities) {
        if (e.b > k && e.b <= k + 3) return true;
      }
    }
  }
  return false;
}

namespace {

struct QuantitySpan {
  uint32_t b = 0, e = 0;
  Quantity q;
  bool distance = false;
  bool duration = false;
  bool used = false;
};

void FindQuantities(const TokenizedText& toks, std::string_view text, uint32_t b, uint32_t e,
                    std::vector<QuantitySpan>* out) {
  auto F = [&](uint32_t i) { return toks.Folded(i); };
  for (uint32_t i = b; i < e; ++i) {
    double v = 0;
    std::string_view w = F(i);
    uint32_t start = i;
    bool approx_words = false;
    if (w == "a" && i + 1 < e && (F(i + 1) == "dozen" || F(i + 1) == "few")) {
      ++i;
      w = F(i);
      approx_words = true;
    }
    if (!ParseNumberToken(w, &v)) continue;
    if (!toks.tokens[i].Is(kTokNumber) && !approx_words) {
      // Number words need a noun after them to count ("one of the", no).
    }
    uint32_t j = i + 1;
    // "3,500 to 4,000 troops": a range keeps its lower bound.
    if (j + 1 < e && F(j) == "to" && ParseNumberToken(F(j + 1), &v) == true) {
      double lo = 0;
      ParseNumberToken(w, &lo);
      double hi = v;
      v = lo;
      (void)hi;
      j += 2;
    }
    // Skip "thousand", "million".
    if (j < e && (F(j) == "thousand" || F(j) == "million")) {
      v *= F(j) == "thousand" ? 1e3 : 1e6;
      ++j;
    }
    // Year numbers and days of month are not quantities.
    if (toks.tokens[i].Is(kTokNumber) && v >= 1900 && v <= 2100 &&
        w.find(',') == std::string_view::npos)
      continue;
    // "of (its own) troops", "dozens of prisoners"
    uint32_t n = j;
    if (n < e && F(n) == "of") {
      ++n;
      while (n < e && (F(n) == "its" || F(n) == "their" || F(n) == "own" || F(n) == "the" ||
                       F(n) == "his" || F(n) == "our"))
        ++n;
    }
    // Noun phrase: up to three word tokens.
    uint32_t nb = n, ne = n;
    while (ne < e && ne < nb + 3 && toks.tokens[ne].Is(kTokWord) && F(ne) != "and" &&
           F(ne) != "to" && F(ne) != "in" && F(ne) != "from" && F(ne) != "of" && F(ne) != "were" &&
           F(ne) != "was" && F(ne) != "had" && F(ne) != "have" && F(ne) != "on" && F(ne) != "at")
      ++ne;
    if (ne == nb) {
      // A bare figure: "rises to 12". Keep it with no noun.
      if (!toks.tokens[i].Is(kTokNumber)) continue;
    }
    QuantitySpan qs;
    qs.b = start;
    qs.e = ne > nb ? ne : j;
    qs.q.value = v;
    std::string what;
    for (uint32_t k = nb; k < ne; ++k) {
      if (!what.empty()) what += ' ';
      what += F(k);
    }
    std::string_view head = ne > nb ? F(ne - 1) : std::string_view();
    if (head == "km" || head == "kilometres" || head == "kilometers" || head == "kilometre" ||
        head == "kilometer") {
      qs.distance = true;
      qs.q.unit = "km";
      what = "km";
    } else if (head == "miles" || head == "mile") {
      qs.distance = true;
      qs.q.unit = "km";
      qs.q.value = v * 1.609344;
      what = "km";
    } else if (head == "days" || head == "day" || head == "weeks" || head == "hours" ||
               head == "months" || head == "years" || head == "week" || head == "month") {
      qs.duration = true;
      qs.q.unit = std::string(head);
    }
    qs.q.what = what;
    auto s0 = toks.tokens[qs.b].start;
    auto s1 = toks.tokens[qs.e - 1].end;
    qs.q.text = std::string(text.substr(s0, s1 - s0));
    out->push_back(std::move(qs));
    i = qs.e > i ? qs.e - 1 : i;
  }
}

}  // namespace

void CoderCore::Impl::CodeSentence(Ctx& c, const SentenceSpan& span, SentenceAnalysis& s) const {
  const Report& r = c.report;
  std::vector<QuantitySpan> quants;
  FindQuantities(c.toks, r.text, s.b, s.e, &quants);
  // Killed/wounded: "killed 12", "12 people were killed".
  for (auto& q : quants) {
    for (uint32_t k = q.e; k < std::min(s.e, q.e + 3); ++k) {
      std::string_view w = c.F(k);
      if (w == "killed" || w == "wounded" || w == "injured" || w == "dead") {
        q.q.what = q.q.what.empty() ? std::string(w) : q.q.what + " " + std::string(w);
        break;
      }
    }
    if (q.b > s.b + 0) {
      std::string_view w = c.F(q.b - 1);
      if (w == "killed" || w == "killing" || w == "wounded" || w == "wounding") {
        std::string verb =
            (w == "killing") ? "killed" : (w == "wounding" ? "wounded" : std::string(w));
        q.q.what = q.q.what.empty() ? verb : q.q.what + " " + verb;
      }
    }
  }
  // Which places were used as event places (for mentions, nothing else).
  struct Built {
    Event ev;
    uint32_t trig_b = 0;
    bool place_inherited = false;
  };
  std::vector<Built> built;
  const Date published = r.published;

  auto date_for = [&](const Trigger& t, Date* date, DatePrecision* prec, Date* start,
                      DatePrecision* start_prec) {
    *start = Date();
    const Clause* cl = t.clause >= 0 ? &s.clauses[static_cast<size_t>(t.clause)] : nullptr;
    // Durations in the trigger's clause.
    int duration_days = 0;
    for (const auto& du : s.durations) {
      if (cl != nullptr && du.begin >= cl->b && du.end <= cl->e) duration_days = du.days;
      if (cl == nullptr) duration_days = du.days;
    }
    auto main_date = [&]() -> const DateMention* {
      const DateMention* best = nullptr;
      for (const auto& cl2 : s.clauses) {
        if (cl2.type != ClauseType::kMain || cl2.date < 0) continue;
        best = &s.dates[static_cast<size_t>(cl2.date)];
        break;
      }
      return best;
    };
    // "since Sunday", "since early July": the start of a state, unless the
    // clause also dates the act itself ("fell on Monday, the sixth since
    // Friday"): the date attached to the verb wins.
    bool point_date = false;
    for (const auto& dm : s.dates) {
      if (cl != nullptr && !(dm.begin >= cl->b && dm.end <= cl->e)) continue;
      if (!IsIntervalStart(c, dm, s.b)) point_date = true;
    }
    for (const auto& dm : s.dates) {
      if (point_date) break;
      if (cl != nullptr && !(dm.begin >= cl->b && dm.end <= cl->e)) continue;
      uint32_t k = dm.begin;
      if (k > s.b && c.F(k - 1) == "since") {
        *date = dm.date;
        *prec = dm.precision;
        return;
      }
    }
    for (uint32_t k = cl != nullptr ? cl->b : s.b;
         !point_date && k + 1 < (cl != nullptr ? cl->e : s.e); ++k) {
      if (c.F(k) == "since" &&
          (c.F(k + 1) == "early" || c.F(k + 1) == "late" || c.F(k + 1) == "mid")) {
        for (const auto& dm : s.dates) {
          if (dm.begin == k + 2 || dm.begin == k + 1) {
            *date = dm.date;
            *prec = DatePrecision::kMonth;
            return;
          }
        }
      }
    }
    if (cl != nullptr && cl->date >= 0) {
      const DateMention& dm = s.dates[static_cast<size_t>(cl->date)];
      *date = dm.date;
      *prec = dm.precision;
    } else if (cl != nullptr && cl->anchored) {
      const DateMention* md = main_date();
      if (md != nullptr) {
        *date = md->date.AddDays(cl->anchor_offset);
        *prec = md->precision;
      } else {
        *date = c.disc.reference_day.AddDays(cl->anchor_offset);
        *prec = DatePrecision::kApprox;
      }
    } else {
      // Relative time words: "a day earlier", "two days later".
      bool rel = false;
      for (uint32_t k = cl != nullptr ? cl->b : s.b; k < (cl != nullptr ? cl->e : s.e); ++k) {
        if (!HasCue(s, k, Cue::kRelativeTime)) continue;
        std::string_view dir = c.F(CueEnd(s, k, Cue::kRelativeTime) - 1);
        int days = 1;
        double n = 0;
        if (ParseNumberToken(c.F(k), &n)) days = static_cast<int>(n);
        std::string_view unit = c.F(k + 1);
        if (unit == "week" || unit == "weeks") days *= 7;
        Date anchor = c.disc.paragraph_day.IsValid() ? c.disc.paragraph_day : c.disc.reference_day;
        *date = anchor.AddDays(dir == "later" || dir == "after" ? days : -days);
        *prec = DatePrecision::kDay;
        rel = true;
        break;
      }
      if (!rel) {
        const DateMention* md = nullptr;
        // Nearest date of the sentence, the main clauses first.
        md = main_date();
        if (md == nullptr && !s.dates.empty()) {
          uint32_t best = UINT32_MAX;
          for (const auto& dm : s.dates) {
            uint32_t dist = dm.begin > t.b ? dm.begin - t.b : t.b - dm.begin;
            if (IsIntervalStart(c, dm, s.b)) dist += 1000;
            // A date inside another act's appositive or relative clause
            // ("which launched their offensive in early June") is that act's.
            if (InParen(s, dm.begin) && ParenOf(s, dm.begin) != ParenOf(s, t.b)) continue;
            if (dist < best) {
              best = dist;
              md = &dm;
            }
          }
        }
        if (md != nullptr) {
          *date = md->date;
          *prec = md->precision == DatePrecision::kDay ? DatePrecision::kApprox : md->precision;
        } else if (c.disc.paragraph_day.IsValid() && c.disc.paragraph == span.paragraph) {
          *date = c.disc.paragraph_day;
          *prec = DatePrecision::kApprox;
        } else {
          *date = c.disc.reference_day.IsValid() ? c.disc.reference_day : published;
          *prec = DatePrecision::kApprox;
        }
      }
    }
    if (duration_days > 0 && date->IsValid()) {
      *start = date->AddDays(-duration_days);
      *start_prec = duration_days >= 28 ? DatePrecision::kMonth : DatePrecision::kWeek;
    }
  };

  auto place_ok = [&](const PlaceMention_& p, bool allow_paren) {
    if (p.reference_point || p.dateline || p.destination_abroad || p.weak) return false;
    if (p.in_paren && !allow_paren) return false;
    return true;
  };
  // Coordinated places after place index k: "Herat and Kandahar", "A, B and C".
  auto coordinated = [&](size_t k) {
    std::vector<size_t> list{k};
    size_t q = k;
    while (q + 1 < s.places.size()) {
      const auto& a = s.places[q];
      // "Qalat, the capital of Zabul province, and Tarinkot": step over the
      // appositive (and the places inside it).
      uint32_t a_end = a.e;
      for (const auto& [pb, pe] : s.parens) {
        if (pb == a.e && !a.in_paren) a_end = pe;
      }
      size_t next = q + 1;
      while (next < s.places.size() && s.places[next].b < a_end) ++next;
      if (next >= s.places.size()) break;
      const auto& b = s.places[next];
      uint32_t gap = b.b - a_end;
      bool joined = false;
      if (gap == 1 && (c.F(a_end) == "and" || c.F(a_end) == "," || c.F(a_end) == "or"))
        joined = true;
      if (gap == 2 && c.F(a_end) == "," && c.F(a_end + 1) == "and") joined = true;
      if (!joined || !place_ok(b, a.in_paren)) break;
      // "Kabul and Kandahar" after "between" is a reference, handled by the caller.
      list.push_back(next);
      q = next;
    }
    return list;
  };

  // Facility after the trigger ("took over the police headquarters") or as
  // the subject ("the jail was overrun").
  auto facility_near = [&](uint32_t from, uint32_t to, uint32_t* fb, uint32_t* fe) {
    for (uint32_t k = from; k < to && k < from + 6; ++k) {
      if (HasCue(s, k, Cue::kFacility)) {
        *fb = k;
        *fe = CueEnd(s, k, Cue::kFacility);
        return true;
      }
      std::string_view w = c.F(k);
      if (w == "," || w == "." || w == ";") break;
    }
    return false;
  };

  for (size_t ti = 0; ti < s.triggers.size(); ++ti) {
    Trigger& t = s.triggers[ti];
    const ActionRecord& act = d.actions()[static_cast<size_t>(t.action)];
    t.modality = FindModality(c, s, t);
    if (debug_) {
      std::fprintf(stderr, "  code [%.*s] %s modality=%s\n",
                   static_cast<int>(c.Text(t.b, t.e).size()), c.Text(t.b, t.e).data(),
                   act.info.cameo.c_str(), std::string(ModalityName(t.modality)).c_str());
    }
    int subj = -1;
    if (t.kind == TrigKind::kVerb && !t.passive) subj = FindSubject(c, s, ti);
    if (t.kind == TrigKind::kVerb && !t.passive) t.subject = subj;
    bool announced_ok =
        act.announced &&
        (t.modality == Modality::kFuture ||
         (t.modality == Modality::kHypothetical && act.info.cameo.substr(0, 2) == "13"));
    bool threat = t.modality == Modality::kThreat;
    // "tried to take Bakhmut": an attempted capture is fighting for the place.
    bool attempt = t.modality == Modality::kAttempt && act.info.effect == ControlEffect::kCaptures;
    if (t.modality != Modality::kFactual && !announced_ok && !threat && !attempt) continue;
    if (t.kind == TrigKind::kNoun && !NounLicensed(c, s, t)) continue;
    if (t.kind == TrigKind::kNoun && t.b > s.b &&
        (c.F(t.b - 1) == "the" || c.F(t.b - 1) == "this" || c.F(t.b - 1) == "that")) {
      // "since the invasion began", "killed in the attack": a reference to an
      // act told elsewhere, unless it is placed here.
      const Clause* tc = t.clause >= 0 ? &s.clauses[static_cast<size_t>(t.clause)] : nullptr;
      uint32_t ce = tc != nullptr ? tc->e : s.e;
      bool placed = false;
      for (const auto& p : s.places) {
        if (p.b >= t.e && p.b < ce && !p.reference_point && !p.dateline) placed = true;
      }
      if (!placed) continue;
    }
    // "envoys meeting in Doha urged ...": a participle modifier is no meeting event.
    if (t.kind == TrigKind::kVerb && t.form == kFormIng && act.info.cameo.rfind("04", 0) == 0) {
      bool aux = false;
      for (uint32_t k = t.b; k > s.b && k + 3 > t.b; --k) {
        if (HasCue(s, k - 1, Cue::kBeAux)) aux = true;
      }
      if (!aux) continue;
    }
    if (t.kind == TrigKind::kVerb && !t.passive) {
      // "A suicide bomber struck the crowds": the noun is the event.
      bool noun_subject = false;
      for (const auto& o : s.triggers) {
        if (o.kind != TrigKind::kNoun || o.e > t.b || o.clause != t.clause) continue;
        bool adjacent = true;
        for (uint32_t k = o.e; k < t.b; ++k) {
          if (!IsAdverb(c.F(k)) && !HasCue(s, k, Cue::kBeAux) && !HasCue(s, k, Cue::kHaveAux))
            adjacent = false;
        }
        const std::string& oc = d.actions()[static_cast<size_t>(o.action)].info.cameo;
        if (adjacent && (oc.substr(0, 2) == "18" || oc.substr(0, 2) == "19")) noun_subject = true;
      }
      if (noun_subject) continue;
    }
    bool generic_object = false;
    // "seize cities across Afghanistan": captures of places in general are not coded.
    if (act.info.effect == ControlEffect::kCaptures && t.kind == TrigKind::kVerb && !t.passive) {
      uint32_t k = t.e;
      while (k < s.e && k < t.e + 6 &&
             (In(kDeterminers, c.F(k)) || IsAdverb(c.F(k)) || c.F(k) == "more" ||
              c.F(k) == "several" || c.F(k) == "other" || c.F(k) == "key" || c.F(k) == "most" ||
              c.F(k) == "many" || c.F(k) == "of" || c.F(k) == "surrounding" ||
              c.F(k) == "outlying" || c.F(k) == "rural" || c.F(k) == "nearby" || c.F(k) == "long" ||
              c.F(k) == "large" || c.F(k) == "vast" || c.F(k) == "dozens" || c.F(k) == "scores" ||
              c.F(k) == "hundreds"))
        ++k;
      if (k < s.e && HasCue(s, k, Cue::kGeneric)) continue;
    }
    // "its capture cuts the road", "its fall": the place's capture told
    // before, owned by the place; the next place named is not where it was.
    if (act.info.effect == ControlEffect::kCaptures && t.b > s.b && c.F(t.b - 1) == "its") {
      continue;
    }
    // "had begun clearing operations in Kunduz": a verb's -ing form before a
    // noun ("operations", "operation") names the kind of operation; the
    // operation is fighting, not a capture.
    if (t.kind == TrigKind::kVerb && (t.form & kFormIng) && t.e < s.e &&
        (c.F(t.e) == "operation" || c.F(t.e) == "operations") &&
        act.info.effect == ControlEffect::kCaptures) {
      continue;
    }
    // "took control of almost every provincial capital": a tally, not an act.
    if (act.info.effect == ControlEffect::kCaptures && t.kind == TrigKind::kVerb && !t.passive) {
      for (uint32_t k = t.e; k < s.e && k < t.e + 3; ++k) {
        std::string_view w = c.F(k);
        if (w == "every" || w == "each") {
          generic_object = true;
          break;
        }
        if (w != "almost" && w != "nearly" && w != "virtually") break;
      }
      if (generic_object) continue;
    }
    // "the number seized by the group since Friday": a count, not an act.
    if (act.info.effect == ControlEffect::kCaptures && t.passive && t.b > s.b) {
      std::string_view prev = c.F(t.b - 1);
      if (prev == "number" || prev == "total" || prev == "tally" || prev == "count") continue;
    }
    std::string code = act.info.cameo;
    const ActionRecord* use = &act;
    if (attempt) {
      int a190 = d.FindAction("190");
      if (a190 < 0) continue;
      use = &d.actions()[static_cast<size_t>(a190)];
    }
    if (threat) {
      // A threat to use force is itself the event (CAMEO 138x).
      std::string fam = code.substr(0, 2);
      if (fam != "18" && fam != "19" && fam != "20") continue;
      std::string tcode = act.info.effect == ControlEffect::kCaptures   ? "1382"
                          : act.info.effect == ControlEffect::kBesieges ? "1381"
                                                                        : "1384";
      int ta = d.FindAction(tcode);
      if (ta < 0) ta = d.FindAction("138");
      if (ta < 0) continue;
      use = &d.actions()[static_cast<size_t>(ta)];
    }
    const Clause* cl = t.clause >= 0 ? &s.clauses[static_cast<size_t>(t.clause)] : nullptr;
    uint32_t clause_b = cl != nullptr ? cl->b : s.b;
    uint32_t clause_e = cl != nullptr ? cl->e : s.e;
    // Relative clauses live inside the main clause range; scan the smallest.
    // -------- actors
    std::vector<int> actors;
    std::vector<int> actor_ents;  // entities the actors came from
    int target = -1;
    bool actor_default = false;
    bool speaker_is_subject_pronoun = false;
    auto add_actor = [&](int a) {
      if (a >= 0 && std::find(actors.begin(), actors.end(), a) == actors.end()) actors.push_back(a);
    };
    auto entity_after = [&](uint32_t from, uint32_t to) -> int {
      for (size_t q = 0; q < s.entities.size(); ++q) {
        const Entity& e = s.entities[q];
        if (e.b >= from && e.b < to && e.type != EntType::kSource &&
            e.type != EntType::kJournalist && !e.consumed)
          return static_cast<int>(q);
      }
      return -1;
    };
    // An entity and those coordinated after it: "Turkish troops and allied Syrian rebels".
    auto add_coordinated = [&](int a) {
      while (a >= 0) {
        add_actor(ResolveEntityActor(c, s, a, false));
        actor_ents.push_back(a);
        const Entity& cur = s.entities[static_cast<size_t>(a)];
        uint32_t k = cur.e;
        if (k < s.e && (c.F(k) == "and" || c.F(k) == ",")) {
          ++k;
          if (k < s.e && c.F(k) == "and") ++k;
          while (k < s.e && (c.F(k) == "allied" || c.F(k) == "the" || IsAdverb(c.F(k)) ||
                             c.F(k) == "pro" || c.F(k) == "-"))
            ++k;
          int next = -1;
          for (size_t q = static_cast<size_t>(a) + 1; q < s.entities.size(); ++q) {
            if (s.entities[q].b == k && s.entities[q].type != EntType::kSource) {
              next = static_cast<int>(q);
            }
          }
          a = next;
        } else {
          a = -1;
        }
      }
    };
    // A demonym in a gap: "came under Russian control".
    auto demonym_in = [&](uint32_t b, uint32_t e) -> int {
      for (const auto& m : s.matches) {
        if (m.begin >= b && m.end <= e && m.entry.kind == kEntryDemonym) {
          return d.CountryActor(static_cast<int>(m.entry.value), "military");
        }
      }
      return -1;
    };
    if (t.kind == TrigKind::kVerb && !t.passive) {
      if (subj >= 0) {
        std::vector<int> subs = t.subjects.empty() ? std::vector<int>{subj} : t.subjects;
        for (int e : subs) {
          add_actor(ResolveEntityActor(c, s, e, false));
          actor_ents.push_back(e);
          if (s.entities[static_cast<size_t>(e)].pronoun == 'b') {
            add_actor(DefaultDefender(c.disc));  // "the two sides signed"
            actor_ents.push_back(e);
          }
          const Entity& en = s.entities[static_cast<size_t>(e)];
          if (en.type == EntType::kPronoun) speaker_is_subject_pronoun = true;
        }
      }
      // Object: the first entity after the verb (in its gap or after it) in the clause.
      int o = -1;
      for (size_t q = 0; q < s.entities.size(); ++q) {
        const Entity& e = s.entities[q];
        if (e.b <= t.b || e.b >= clause_e || static_cast<int>(q) == subj) continue;
        if (e.type == EntType::kSource || e.type == EntType::kJournalist || e.consumed) continue;
        // Allies, not targets: "alongside X", "for X", "on behalf of X", "in
        // support of X", "backed by X".
        if (e.b > t.b && (c.F(e.b - 1) == "alongside" || c.F(e.b - 1) == "for" ||
                          (e.b >= 2 && c.F(e.b - 2) == "behalf") ||
                          (e.b >= 2 && c.F(e.b - 2) == "support" && c.F(e.b - 1) == "of") ||
                          (e.b >= 2 && c.F(e.b - 2) == "backed" && c.F(e.b - 1) == "by")))
          continue;
        o = static_cast<int>(q);
        break;
      }
      if (o >= 0) {
        const Entity& oe = s.entities[static_cast<size_t>(o)];
        bool skip = false;
        for (const auto& sp : s.speech) {
          if (sp.speaker == o) skip = true;
        }
        if (!skip && oe.type != EntType::kCapital && act.info.cameo.substr(0, 2) != "15")
          target = ResolveEntityActor(c, s, o, false);
      }
    } else if (t.kind == TrigKind::kVerb && t.passive) {
      // Agent after "by".
      if (t.gap_e > t.gap_b) {
        // "was taken into Taliban custody"
        int a = entity_after(t.gap_b, t.gap_e);
        if (a >= 0) {
          add_actor(ResolveEntityActor(c, s, a, false));
          actor_ents.push_back(a);
        }
      }
      for (uint32_t k = t.e; actors.empty() && k + 1 < std::min(clause_e, t.e + 8); ++k) {
        if (c.F(k) == "by") {
          add_coordinated(entity_after(k + 1, std::min(clause_e, k + 5)));
          break;
        }
      }
      if (actors.empty() && t.gap_e > t.gap_b) add_actor(demonym_in(t.gap_b, t.gap_e));
      // Patient: an entity subject ("The commander was taken").
      for (uint32_t k = t.b; k > clause_b; --k) {
        bool found = false;
        for (size_t q = 0; q < s.entities.size(); ++q) {
          const Entity& e = s.entities[q];
          if (e.e == k && !e.after_prep && e.type != EntType::kSource) {
            int a = ResolveEntityActor(c, s, static_cast<int>(q), false);
            if (a >= 0 && e.type != EntType::kCapital && e.type != EntType::kCountry) target = a;
            found = true;
            break;
          }
        }
        if (found) break;
      }
    } else if (t.kind == TrigKind::kPlaceSubject) {
      if (t.gap_e > t.gap_b) {
        int a = entity_after(t.gap_b, t.gap_e);
        if (a >= 0) {
          add_actor(ResolveEntityActor(c, s, a, false));
          actor_ents.push_back(a);
        }
        if (actors.empty()) add_actor(demonym_in(t.gap_b, t.gap_e));
      }
      if (actors.empty()) {
        // "fell to government forces and Hezbollah fighters"; "under attack by X".
        uint32_t k = t.e;
        if (k < clause_e && c.F(k) == "by") ++k;
        add_coordinated(entity_after(k, std::min(clause_e, k + 4)));
      }
      // "The Taliban are now in full control of Aybak": the subject acts.
      if (actors.empty()) {
        for (uint32_t k = t.b; k > clause_b; --k) {
          for (size_t q = 0; q < s.entities.size(); ++q) {
            const Entity& e = s.entities[q];
            if (e.e == k && !e.after_prep && !e.possessive && e.type != EntType::kSource &&
                e.type != EntType::kCountry && e.type != EntType::kCapital && e.actor >= 0) {
              add_actor(ResolveEntityActor(c, s, static_cast<int>(q), false));
            }
          }
          if (!actors.empty()) break;
        }
      }
    } else {
      // Nouns: "between X and Y", "X's offensive", "a US drone strike", "by X".
      uint32_t nb = t.b;
      for (size_t q = 0; q < s.entities.size(); ++q) {
        const Entity& e = s.entities[q];
        // Modifier directly before the noun (allowing adjectives).
        if (e.e <= nb && e.e + 3 >= nb && e.type != EntType::kSource &&
            e.type != EntType::kJournalist && !e.after_prep) {
          bool only_adj = true;
          for (uint32_t k = e.e; k < nb; ++k) {
            std::string_view w = c.F(k);
            if (w == "," || w == "." || HasCue(s, k, Cue::kSpeech) || c.T(k).Is(kTokPunct)) {
              if (w != "'s") only_adj = false;
            }
            for (const auto& tr : s.triggers) {
              if (k >= tr.b && k < tr.e) only_adj = false;
            }
            for (const auto& en : s.entities) {
              if (&en != &e && k >= en.b && k < en.e) only_adj = false;
            }
          }
          if (only_adj) {
            add_actor(ResolveEntityActor(c, s, static_cast<int>(q), false));
            actor_ents.push_back(static_cast<int>(q));
          }
        }
      }
      // Demonyms or country names right before the noun: "Saudi and US mediation".
      if (actors.empty()) {
        uint32_t k = t.b;
        while (k > clause_b) {
          const PhraseMatch* dm = nullptr;
          for (const auto& m : s.matches) {
            if (m.end == k && (m.entry.kind == kEntryDemonym || m.entry.kind == kEntryCountryName))
              dm = &m;
          }
          if (dm == nullptr) break;
          add_actor(d.CountryActor(static_cast<int>(dm->entry.value), "government"));
          k = dm->begin;
          if (k > clause_b && (c.F(k - 1) == "and" || c.F(k - 1) == ",")) --k;
        }
      }
      uint32_t between = 0;
      for (uint32_t k = t.e; k < std::min(clause_e, t.e + 4); ++k) {
        if (c.F(k) == "between") between = k;
      }
      if (between > 0) {
        actors.clear();
        int a = entity_after(between + 1, std::min(s.e, between + 5));
        if (a >= 0) {
          int b2 = entity_after(s.entities[static_cast<size_t>(a)].e,
                                std::min(s.e, s.entities[static_cast<size_t>(a)].e + 4));
          add_actor(ResolveEntityActor(c, s, a, false));
          if (b2 >= 0) add_actor(ResolveEntityActor(c, s, b2, false));
        }
      } else if (actors.empty() && t.e + 1 < s.e && c.F(t.e) == "by") {
        int a = entity_after(t.e + 1, std::min(s.e, t.e + 5));
        if (a >= 0) add_actor(ResolveEntityActor(c, s, a, false));
      }
      // Light verb: "X carried out an air strike", "X launched an offensive".
      if (actors.empty()) {
        for (uint32_t k = t.b; k > clause_b && k + 5 > t.b; --k) {
          if (HasCue(s, k - 1, Cue::kLightVerb)) {
            for (size_t q = 0; q < s.entities.size(); ++q) {
              const Entity& e = s.entities[q];
              if (e.e <= k - 1 && e.b >= clause_b && !e.after_prep && !e.possessive &&
                  e.type != EntType::kSource && e.type != EntType::kJournalist) {
                actors.clear();
                add_actor(ResolveEntityActor(c, s, static_cast<int>(q), false));
              }
            }
            break;
          }
        }
      }
      // "with X", "against X", "on X positions": the target.
      for (uint32_t k = t.e; k < std::min(s.e, t.e + 3); ++k) {
        std::string_view w = c.F(k);
        if (w == "with" || w == "against" || w == "on") {
          int a = entity_after(k + 1, std::min(s.e, k + 4));
          if (a >= 0) target = ResolveEntityActor(c, s, a, false);
          break;
        }
      }
    }
    // Responsibility claims: "... which the Islamic State group claimed".
    bool responsibility_claim = false;
    int responsibility_actor = -1;
    for (const auto& sp : s.speech) {
      if (!sp.responsibility || sp.speaker < 0) continue;
      const std::string fam = act.info.cameo.substr(0, 2);
      if (fam != "18" && fam != "19" && fam != "20") continue;
      // Which act is claimed: the noun right after "claimed", the noun the
      // relative clause hangs on ("the bombing ..., which X claimed"), or the
      // first act of a sentence that "claimed responsibility" in general.
      bool object = t.b >= sp.e && t.b <= sp.e + 3;
      bool antecedent = false;
      for (const auto& cl2 : s.clauses) {
        if (cl2.type == ClauseType::kRelative && sp.b >= cl2.b && sp.b < cl2.e && t.e <= cl2.b &&
            t.e + 8 >= cl2.b)
          antecedent = true;
      }
      bool general = CueEnd(s, sp.b, Cue::kResponsibility) > sp.b + 1 && ti == 0;
      if (!object && !antecedent && !general) continue;
      responsibility_actor = ResolveEntityActor(c, s, sp.speaker, false);
      responsibility_claim = responsibility_actor >= 0;
    }
    if (responsibility_claim && actors.empty()) add_actor(responsibility_actor);

    // Defaults: fighting with no named side is the war's two sides; an
    // agentless capture is the war's attacker; a claim's agentless passive
    // is the claimant's.
    const std::string fam2 = act.info.cameo.substr(0, 2);
    int speech_idx = -1;
    {
      uint32_t best_len = UINT32_MAX;
      for (size_t q = 0; q < s.speech.size(); ++q) {
        const auto& sp = s.speech[q];
        if (t.b >= sp.content_b && t.b < sp.content_e && !(t.b >= sp.b && t.b < sp.e) &&
            sp.content_e - sp.content_b < best_len) {
          best_len = sp.content_e - sp.content_b;
          speech_idx = static_cast<int>(q);
        }
      }
    }
    int speaker_actor = -1;
    if (speech_idx >= 0 && s.speech[static_cast<size_t>(speech_idx)].speaker >= 0) {
      speaker_actor =
          ResolveEntityActor(c, s, s.speech[static_cast<size_t>(speech_idx)].speaker, false);
    }
    // "the last rebels were evacuated": who withdraws is the passive's subject.
    if (actors.empty() && t.passive && act.info.effect == ControlEffect::kWithdraws &&
        target >= 0) {
      add_actor(target);
      target = -1;
    }
    if (actors.empty()) {
      const bool two_sides =
          act.info.cameo.rfind("087", 0) == 0 || fam2 == "04" || act.info.cameo == "0841";
      // "the fighting had spread to Merowe": the sides of the fighting told before.
      bool definite = t.b > s.b && c.F(t.b - 1) == "the";
      if (definite && act.info.effect == ControlEffect::kContests && t.kind == TrigKind::kNoun &&
          c.disc.last_fight_sides.size() == 2 && c.disc.paragraph == span.paragraph) {
        for (int a : c.disc.last_fight_sides) add_actor(a);
      }
      if (actors.empty() &&
          (act.info.effect == ControlEffect::kContests ||
           act.info.effect == ControlEffect::kBesieges || two_sides) &&
          act.info.cameo.rfind("195", 0) != 0 && t.kind == TrigKind::kNoun) {
        // The armed actor of the sentence's previous event fights ("Qusayr fell
        // to government forces after a weeks-long offensive").
        if (!two_sides && !built.empty() && !built.back().ev.actor.empty()) {
          int a = d.FindActor(built.back().ev.actor);
          if (a >= 0 && IsArmed(d.actors()[static_cast<size_t>(a)].sector)) add_actor(a);
        }
        // The main clause's armed subject fights ("overran Farah after a battle").
        for (size_t q = 0; q < ti && actors.empty() && !two_sides; ++q) {
          const Trigger& o = s.triggers[q];
          if (o.subject >= 0) {
            int a = ResolveEntityActor(c, s, o.subject, false);
            if (a >= 0 && IsArmed(d.actors()[static_cast<size_t>(a)].sector)) {
              add_actor(a);
              break;
            }
          }
        }
        if (actors.empty() && !two_sides) {
          // An armed opposition group named earlier in the sentence.
          for (const auto& en : s.entities) {
            if (en.b < t.b && en.actor >= 0 && IsOpposition(c.disc, en.actor)) {
              actors.clear();
              add_actor(en.actor);
            }
          }
        }
        if (actors.empty()) {
          add_actor(DefaultAttacker(c.disc));
          // Ceasefires, talks and prisoner swaps are the two sides' acts;
          // talks and swaps are political, done by the states where the
          // country says its forces speak through the state.
          if (two_sides) add_actor(DefaultDefender(c.disc));
          if (two_sides && (fam2 == "04" || act.info.cameo == "0841")) {
            for (int& a : actors) {
              int speaks = d.CountryActor(CountryOfActor(a), "forces-speaker");
              if (speaks >= 0 && d.actors()[static_cast<size_t>(a)].sector == Sector::kMilitary)
                a = speaks;
            }
          }
          actor_default = true;
        }
      } else if ((t.passive || t.kind == TrigKind::kPlaceSubject) &&
                 (act.info.effect == ControlEffect::kCaptures ||
                  act.info.effect == ControlEffect::kBesieges)) {
        if (speaker_actor >= 0 && IsArmed(d.actors()[static_cast<size_t>(speaker_actor)].sector) &&
            !s.speech[static_cast<size_t>(speech_idx)].denial) {
          add_actor(speaker_actor);
        } else {
          add_actor(DefaultAttacker(c.disc));
          actor_default = true;
        }
      } else if ((t.passive || t.kind == TrigKind::kPlaceSubject) && !built.empty() &&
                 !built.back().ev.actor.empty()) {
        // "hundreds of prisoners were released": the sentence's actor.
        add_actor(d.FindActor(built.back().ev.actor));
      } else if ((t.passive || t.kind == TrigKind::kPlaceSubject) && speaker_actor >= 0 &&
                 IsArmed(d.actors()[static_cast<size_t>(speaker_actor)].sector) &&
                 !s.speech[static_cast<size_t>(speech_idx)].denial) {
        add_actor(speaker_actor);
      } else if (t.kind == TrigKind::kNoun && act.info.cameo < "15" && speaker_actor >= 0) {
        // "warned that there would be consequences": the speaker threatens.
        add_actor(speaker_actor);
      } else if (t.kind == TrigKind::kNoun && act.info.effect == ControlEffect::kWithdraws &&
                 t.e + 1 < s.e && c.F(t.e) == "of") {
        // "the surrender of the army corps"
        int a = entity_after(t.e + 1, std::min(s.e, t.e + 5));
        if (a >= 0) {
          add_actor(ResolveEntityActor(c, s, a, false));
          actor_ents.push_back(a);
        }
      }
    }
    if (actors.empty() && t.kind == TrigKind::kVerb && !t.passive) {
      // A verb with no subject at all (a parse failure) codes nothing.
      continue;
    }
    // "fought alongside government troops": allies fight too.
    if (act.info.effect == ControlEffect::kContests && t.kind == TrigKind::kVerb && !t.passive) {
      for (uint32_t k = t.e; k + 1 < clause_e && k < t.e + 3; ++k) {
        if (c.F(k) != "alongside") continue;
        int a = entity_after(k + 1, std::min(clause_e, k + 4));
        if (a >= 0) {
          add_actor(ResolveEntityActor(c, s, a, false));
          actor_ents.push_back(a);
        }
      }
    }
    // "came under full government control": a government role noun doing a
    // military act stands for the country's forces.
    if (fam2 == "15" || fam2 == "17" || fam2 == "18" || fam2 == "19" || fam2 == "20" ||
        act.info.effect != ControlEffect::kNone) {
      for (size_t k = 0; k < actor_ents.size() && k < actors.size(); ++k) {
        const Entity& en = s.entities[static_cast<size_t>(actor_ents[k])];
        bool state_word = (en.type == EntType::kRole && !en.military) ||
                          en.type == EntType::kCountry || en.type == EntType::kCapital ||
                          (en.type == EntType::kPronoun && en.military);
        if (!state_word) continue;
        int country = CountryOfActor(actors[k]);
        int mil = d.CountryActor(country, "military");
        if (mil >= 0 && country >= 0 && actors[k] == d.CountryActor(country, "government"))
          actors[k] = mil;
      }
    }
    // Armed-only patterns ("leave", "flee", "arrive"): the subject must be a force.
    if (t.flags & kEntryArmed) {
      bool armed = false;
      for (int e : actor_ents) {
        if (e >= 0 && s.entities[static_cast<size_t>(e)].military) armed = true;
      }
      for (int a : actors) {
        const ActorRecord& ar = d.actors()[static_cast<size_t>(a)];
        if (IsArmed(ar.sector) && ar.sector != Sector::kGovernment) armed = true;
      }
      if (!armed) continue;
    }
    // Aircraft as the subject: the attack is aerial (CAMEO 195).
    if (fam2 == "19" && act.info.cameo != "195" && !threat) {
      for (int e : actor_ents) {
        if (e >= 0 && s.entities[static_cast<size_t>(e)].aerial) {
          int a195 = d.FindAction("195");
          if (a195 >= 0) use = &d.actions()[static_cast<size_t>(a195)];
        }
      }
    }

    // -------- places
    std::vector<size_t> places;
    std::string object;
    bool facility = false;
    bool place_inherited = false;
    uint32_t fb = 0, fe = 0;
    auto pick_right = [&](uint32_t from, uint32_t to) -> bool {
      // Stop at the next trigger verb.
      for (const auto& o : s.triggers) {
        if (o.b >= from && o.b < to && o.kind != TrigKind::kNoun && &o != &t &&
            !(t.kind == TrigKind::kNoun && o.b <= t.e + 1))  // "bombers struck X"
          to = o.b;
      }
      for (size_t k = 0; k < s.places.size(); ++k) {
        const auto& p = s.places[k];
        if (p.b < from || p.b >= to) continue;
        if (!place_ok(p, InParen(s, t.b))) continue;
        // "Afghanistan's capital Kabul": the possessive country yields to the city.
        if (p.possessive && p.precision == GeoPrecision::kCountry) continue;
        if (p.precision == GeoPrecision::kCountry) {
          bool city_later = false;
          for (size_t q = k + 1; q < s.places.size(); ++q) {
            if (s.places[q].b < to && place_ok(s.places[q], false) &&
                s.places[q].precision != GeoPrecision::kCountry)
              city_later = true;
          }
          if (city_later) continue;
        }
        places = coordinated(k);
        return true;
      }
      return false;
    };
    auto pick_left = [&](uint32_t from, uint32_t to, bool locative_only) -> bool {
      for (size_t k = s.places.size(); k-- > 0;) {
        const auto& p = s.places[k];
        if (p.e > to || p.b < from) continue;
        if (!place_ok(p, InParen(s, t.b))) continue;
        if (locative_only && !p.after_locative) continue;
        if (p.possessive && p.precision == GeoPrecision::kCountry) continue;
        // The start of a coordination: "Farah and Pul-e Khumri both fell".
        size_t first = k;
        while (first > 0) {
          const auto& a = s.places[first - 1];
          uint32_t gap = s.places[first].b - a.e;
          if (gap == 1 && (c.F(a.e) == "and" || c.F(a.e) == ",") && place_ok(a, false)) {
            --first;
            continue;
          }
          break;
        }
        places = coordinated(first);
        return true;
      }
      return false;
    };
    if (t.kind == TrigKind::kVerb && !t.passive) {
      // Facility object.
      if (facility_near(t.e, clause_e, &fb, &fe)) {
        facility = true;
        // "the police headquarters in Herat", "the customs post at Islam Qala".
        bool found = false;
        // A name before the facility: "Kabul airport", "Kandahar's central prison".
        for (size_t k = 0; k < s.places.size(); ++k) {
          const auto& p = s.places[k];
          if (p.possessive && p.precision == GeoPrecision::kCountry) continue;
          if (p.e <= fb && p.b + 5 >= fb && p.b >= t.e && place_ok(p, true)) {
            places = {k};
            found = true;
          }
        }
        // Or after it, behind a preposition: "the police headquarters in Herat",
        // "positions around Kandahar and Lashkar Gah".
        if (!found && fe < clause_e && (HasCue(s, fe, Cue::kLocative) || c.F(fe) == "of")) {
          for (size_t k = 0; k < s.places.size(); ++k) {
            const auto& p = s.places[k];
            if (p.possessive && p.precision == GeoPrecision::kCountry) continue;
            if (p.b > fe && p.b <= fe + 5 && place_ok(p, true)) {
              places = coordinated(k);
              found = true;
              break;
            }
          }
        }
        if (!found) pick_right(t.e, clause_e);
      } else {
        pick_right(t.e, clause_e);
      }
      if (places.empty()) pick_left(clause_b, t.b, true);
      // A place named before a facility: "Kabul airport" after the verb.
    } else if (t.kind == TrigKind::kVerb || t.kind == TrigKind::kPlaceSubject) {
      // Passive or place-subject: the subject is the place.
      bool found = false;
      for (uint32_t k = t.b; k > clause_b && !found; --k) {
        if (InParen(s, k - 1) && !InParen(s, t.b)) continue;
        for (size_t q = 0; q < s.places.size(); ++q) {
          const auto& p = s.places[q];
          if (p.e == k && place_ok(p, InParen(s, t.b))) {
            pick_left(p.b, p.e, false);
            found = true;
            break;
          }
        }
        if (!found && HasCue(s, k - 1, Cue::kFacility)) {
          facility = true;
          fb = k - 1;
          fe = CueEnd(s, k - 1, Cue::kFacility);
        }
        if (!found) {
          for (const auto& e : s.entities) {
            // "it has been under siege": the last city.
            const PlaceMention_* here = nullptr;
            for (const auto& p : s.places) {
              if (p.e <= e.b && p.precision == GeoPrecision::kCity && !p.reference_point &&
                  !p.dateline && !p.is_ref)
                here = &p;
            }
            if (e.e == k && e.type == EntType::kPronoun && e.pronoun == 't' &&
                (here != nullptr || c.disc.last_settlement.valid())) {
              PlaceMention_ pm;
              pm.b = e.b;
              pm.e = e.e;
              pm.text = here != nullptr ? here->text : c.disc.last_settlement.text;
              pm.kind = here != nullptr ? here->kind : c.disc.last_settlement.kind;
              pm.precision = here != nullptr ? here->precision : c.disc.last_settlement.precision;
              pm.is_ref = true;
              s.places.push_back(pm);
              places = {s.places.size() - 1};
              found = true;
              break;
            }
          }
        }
      }
      // Relative clause: "Ghazni, which lies ..., was captured"; "the city, which the Taliban had
      // besieged".
      if (!found && cl != nullptr && cl->type == ClauseType::kRelative &&
          cl->antecedent_place >= 0) {
        places = {static_cast<size_t>(cl->antecedent_place)};
        found = true;
      }
      if (!found) {
        if (facility) {
          for (size_t k = 0; k < s.places.size(); ++k) {
            const auto& p = s.places[k];
            if (p.b >= fe && p.b <= fe + 3 && place_ok(p, true)) {
              places = {k};
              found = true;
            }
            if (p.e <= fb && p.b + 5 >= fb && place_ok(p, true)) {
              places = {k};
              found = true;
            }
          }
        }
        if (!found) pick_right(t.e, clause_e);
        // "Three provincial capitals fell on Sunday: Kunduz, Sar-e Pol and
        // Taluqan": the list after a colon names the subject.
        if (!found && places.empty() && clause_e < s.e && c.F(clause_e) == ":") {
          pick_right(clause_e + 1, s.e);
        }
      }
    } else {
      // Nouns: an attached locative ("fighting in Kandahar"), else the clause.
      if (!pick_right(t.e, std::min(clause_e, t.e + 8))) pick_left(clause_b, t.b, false);
    }
    const bool subject_place = (t.passive || t.kind == TrigKind::kPlaceSubject) &&
                               (act.info.effect == ControlEffect::kCaptures ||
                                act.info.effect == ControlEffect::kBesieges);
    if (places.empty() && !subject_place) {
      // Anywhere in the sentence outside parentheticals, nearest first.
      size_t best = SIZE_MAX;
      uint32_t best_d = UINT32_MAX;
      for (size_t k = 0; k < s.places.size(); ++k) {
        const auto& p = s.places[k];
        if (!place_ok(p, false)) continue;
        if (p.possessive && p.precision == GeoPrecision::kCountry) continue;
        uint32_t dist = p.b > t.b ? p.b - t.b : t.b - p.b;
        if (dist < best_d) {
          best_d = dist;
          best = k;
        }
      }
      if (best != SIZE_MAX) {
        places = {best};
      } else {
        for (size_t k = 0; k < s.places.size(); ++k) {
          if (place_ok(s.places[k], true) && s.places[k].precision != GeoPrecision::kCountry) {
            places = {k};
            break;
          }
        }
        bool carry = opt.carry_place_in_paragraph && c.disc.paragraph == span.paragraph &&
                     c.disc.paragraph_place.valid();
        if (places.empty() && !carry && opt.country_as_last_resort) {
          for (size_t k = 0; k < s.places.size(); ++k) {
            const auto& p = s.places[k];
            if (p.weak && !p.reference_point && !p.dateline && !p.possessive) {
              places = {k};
              break;
            }
          }
        }
      }
    }
    // Statements, appeals, offers and threats happen where they are made:
    // only a place after "in"/"at" counts, never a country they concern.
    const bool verbal = fam2 == "01" || fam2 == "02" || fam2 == "03" || fam2 == "10" ||
                        fam2 == "11" || fam2 == "12" || fam2 == "13";
    if (verbal) {
      std::vector<size_t> kept;
      for (size_t k : places) {
        const auto& p = s.places[k];
        if (p.after_locative) kept.push_back(k);
      }
      places.swap(kept);
    }
    PlaceMemo inherited;
    if (places.empty() && !subject_place && !verbal && opt.carry_place_in_paragraph &&
        c.disc.paragraph == span.paragraph && c.disc.paragraph_place.valid()) {
      inherited = c.disc.paragraph_place;
      place_inherited = true;
    }
    // "The insurgents captured the governor's compound": a facility with no
    // place named is in the city the report is about.
    if (facility && places.empty() && !place_inherited && c.disc.subject_city.valid()) {
      inherited = c.disc.subject_city;
      place_inherited = true;
    }
    if (facility && fe > fb) object = std::string(c.Text(fb, fe));
    // Territorial effects need a place; an event about "cities" in general is not coded.
    bool territorial =
        act.info.effect == ControlEffect::kCaptures || act.info.effect == ControlEffect::kBesieges;
    // Air strikes are reported without a place more often than ground fighting.
    bool contested = act.info.effect == ControlEffect::kContests && use->info.cameo != "195";
    if ((territorial || contested || (t.flags & kEntryNeedsPlace)) && places.empty() &&
        !place_inherited && !threat && !facility)
      continue;

    if (debug_) {
      std::fprintf(stderr, "    actors=%zu places=%zu facility=%d\n", actors.size(), places.size(),
                   facility);
    }
    // -------- date
    Date date, start;
    DatePrecision prec = DatePrecision::kApprox, start_prec = DatePrecision::kWeek;
    date_for(t, &date, &prec, &start, &start_prec);
    // Background: an act dated only by a year long before the report
    // ("seized it in 2015", "fought the Taliban in the 1990s") is history,
    // not news. (A month, "fell to the RSF in December 2023", dates it.)
    if (date.IsValid() && published.IsValid() &&
        DaysBetween(date, published) > opt.background_days) {
      bool year_only = false;
      for (const auto& dm : s.dates) {
        if (dm.year_only && dm.date == date) year_only = true;
      }
      if (year_only) {
        if (debug_) std::fprintf(stderr, "    background (%s)\n", date.ToString().c_str());
        continue;
      }
    }

    if (!actors.empty() && target == actors.front()) target = -1;
    // -------- claim
    ClaimStatus claim = ClaimStatus::kReported;
    std::string claimant;
    bool own_announcement = false;
    if (speech_idx >= 0) {
      const SpeechAct& sp = s.speech[static_cast<size_t>(speech_idx)];
      const Entity* spk = sp.speaker >= 0 ? &s.entities[static_cast<size_t>(sp.speaker)] : nullptr;
      if (sp.hearsay) {
        claim = ClaimStatus::kAttributed;
        claimant = "unnamed source";
      } else if (spk != nullptr && spk->type == EntType::kJournalist) {
        claim = ClaimStatus::kReported;
      } else if (spk != nullptr) {
        if (spk->anonymous) {
          claimant = spk->name == "unnamed source" ? "unnamed source" : "unnamed official";
        } else if (speaker_actor >= 0) {
          // A state's forces speak for the state ("Ukraine's military said" -> Ukraine).
          int who = speaker_actor;
          const ActorRecord& sa = d.actors()[static_cast<size_t>(who)];
          if (sa.sector == Sector::kMilitary || sa.sector == Sector::kPolice) {
            int speaks = d.CountryActor(CountryOfActor(who), "forces-speaker");
            if (speaks >= 0) who = speaks;
          }
          claimant = ActorName(who);
        } else if (!spk->name.empty()) {
          claimant = spk->name;
        } else {
          claimant = "unnamed source";
        }
        int main_actor = actors.empty() ? -1 : actors.front();
        bool conflict_act = fam2 == "18" || fam2 == "19" || fam2 == "20" ||
                            act.info.cameo == "0841" || act.info.effect != ControlEffect::kNone;
        auto same_side = [&](int a, int b) {
          if (a < 0 || b < 0) return false;
          if (a == b) return true;
          const ActorRecord& x = d.actors()[static_cast<size_t>(a)];
          const ActorRecord& y = d.actors()[static_cast<size_t>(b)];
          return !x.country.empty() && x.country == y.country &&
                 CampOf(c.disc, a) == CampOf(c.disc, b) && x.sector != Sector::kRebel &&
                 y.sector != Sector::kRebel;
        };
        bool favours = false;
        if (conflict_act && speaker_actor >= 0) {
          if (same_side(speaker_actor, main_actor) && act.info.effect != ControlEffect::kWithdraws)
            favours = true;
          if (same_side(speaker_actor, target) && act.info.effect == ControlEffect::kWithdraws)
            favours = true;
          if (act.info.effect == ControlEffect::kWithdraws && main_actor >= 0 &&
              !same_side(speaker_actor, main_actor) &&
              (IsOpposition(c.disc, speaker_actor) != IsOpposition(c.disc, main_actor)))
            favours = true;
        }
        if (sp.denial) {
          claim = ClaimStatus::kDenied;
        } else if (favours && !sp.acknowledge) {
          claim = ClaimStatus::kClaimed;
        } else if (use->announced && speaker_is_subject_pronoun && speaker_actor >= 0 &&
                   main_actor == speaker_actor) {
          own_announcement = true;
          claim = ClaimStatus::kReported;
          claimant.clear();
        } else {
          claim = ClaimStatus::kAttributed;
        }
      } else {
        claim = ClaimStatus::kAttributed;
        claimant = "unnamed source";
      }
    }
    if (responsibility_claim && !actors.empty() && actors.front() == responsibility_actor) {
      claim = ClaimStatus::kClaimed;
      claimant = ActorName(responsibility_actor);
    }
    (void)own_announcement;

    // -------- target defaults
    int main_actor = actors.empty() ? -1 : actors.front();
    if (target == main_actor) target = -1;
    if (target < 0 && act.info.effect == ControlEffect::kContests && main_actor >= 0) {
      if (IsOpposition(c.disc, main_actor)) {
        target = DefaultDefender(c.disc);
      } else if (CampOf(c.disc, main_actor) == Camp::kGovernment) {
        target = DefaultAttacker(c.disc);
      }
    }
    // Reciprocal actions between two coordinated subjects: each acts on the other.
    bool reciprocal = actors.size() == 2 && (act.info.effect == ControlEffect::kContests ||
                                             fam2 == "04" || act.info.cameo == "0871");
    // "Afghan and US aircraft carried out air strikes": air strikes by
    // coordinated subjects are made together, never on each other.
    if (reciprocal && use->info.cameo == "195" && !(t.flags & kEntryMutual)) reciprocal = false;
    // Allies of one camp acting on a third party ("RSF fighters and allied
    // militias attacked Masalit neighbourhoods") act side by side.
    if (reciprocal && act.info.effect == ControlEffect::kContests && target >= 0 &&
        target != actors[0] && target != actors[1]) {
      Camp c0 = CampOf(c.disc, actors[0]), c1 = CampOf(c.disc, actors[1]);
      if (c0 != Camp::kNone && c0 == c1) reciprocal = false;
    }

    // Meeting someone in their own capital or country is a visit (042), and
    // the host's side of it a hosting (043).
    if ((use->info.cameo == "044" || use->info.cameo == "046") && target >= 0 && !places.empty() &&
        actors.size() == 1) {
      int country = CountryOfActor(target);
      if (country >= 0) {
        const CountryRecord& cr = d.countries()[static_cast<size_t>(country)];
        std::string where = FoldText(s.places[places.front()].text);
        bool home = where == FoldText(cr.name);
        for (const auto& cap : cr.capitals) home |= where == FoldText(cap);
        int visit = d.FindAction("042");
        if (home && visit >= 0) use = &d.actions()[static_cast<size_t>(visit)];
      }
    }
    // -------- emit
    std::vector<std::pair<int, int>> pairs;  // actor, target
    if (reciprocal) {
      pairs.push_back({actors[0], actors[1]});
      pairs.push_back({actors[1], actors[0]});
      if (act.info.effect == ControlEffect::kContests) c.disc.last_fight_sides = actors;
    } else if ((t.flags & kEntryMutual) && actors.size() == 1 && target >= 0 &&
               target != actors[0]) {
      // "Afghan commandos fought Taliban fighters": both sides fought.
      pairs.push_back({actors[0], target});
      pairs.push_back({target, actors[0]});
    } else if (actors.empty()) {
      pairs.push_back({-1, target});
    } else {
      for (int a : actors) pairs.push_back({a, target == a ? -1 : target});
    }
    std::vector<size_t> place_list = places;
    // A country as the place ("negotiators in Qatar") gives way to a city of
    // that country the same sentence names ("the team in Doha").
    for (size_t& pk : place_list) {
      pk = CityOfCountryPlace(s, pk);
    }
    if (place_list.empty()) place_list.push_back(SIZE_MAX);
    // A host's event mirrors the visitor's ("hosted a delegation": 043 and 042).
    std::vector<const ActionRecord*> recs(pairs.size(), use);
    if (!use->mirror.empty() && pairs.size() == 1 && pairs[0].first >= 0 && pairs[0].second >= 0) {
      int m = d.FindAction(use->mirror);
      if (m >= 0) {
        pairs.push_back({pairs[0].second, pairs[0].first});
        recs.push_back(&d.actions()[static_cast<size_t>(m)]);
      }
    }
    for (size_t pi = 0; pi < pairs.size(); ++pi) {
      const int a = pairs[pi].first;
      const int tg = pairs[pi].second;
      const ActionRecord* rec = recs[pi];
      for (size_t pk : place_list) {
        Built b;
        Event& ev = b.ev;
        ev.date = date;
        ev.date_precision = prec;
        ev.start_date = start;
        ev.start_precision = start_prec;
        const ActionInfo& info = rec->info;
        ev.cameo = info.cameo;
        ev.action = info.label;
        ev.plover = info.plover;
        ev.plover_mode = info.plover_mode;
        ev.acled_type = info.acled_type;
        ev.acled_subtype = info.acled_subtype;
        ev.effect = info.effect;
        if (int ov = (t.flags >> kEntryEffectShift) & 0xF; ov > 0 && use == &act) {
          ev.effect = static_cast<ControlEffect>(ov - 1);
        }
        if (a >= 0) {
          const ActorRecord& ar = d.actors()[static_cast<size_t>(a)];
          ev.actor = ar.name;
          ev.actor_code = ar.code;
          if (CampOf(c.disc, a) == Camp::kGovernment && !rec->acled_state_type.empty()) {
            ev.acled_type = rec->acled_state_type;
            ev.acled_subtype = rec->acled_state_subtype;
          }
        }
        if (tg >= 0) {
          const ActorRecord& tr = d.actors()[static_cast<size_t>(tg)];
          ev.target = tr.name;
          ev.target_code = tr.code;
        }
        ev.object = object;
        if (pk != SIZE_MAX) {
          const PlaceMention_& p = s.places[pk];
          ev.place.text = p.text;
          ev.place.kind = p.kind;
          ev.place.precision = facility ? GeoPrecision::kFacility : p.precision;
          if (facility) ev.place.facility = object;
        } else if (place_inherited) {
          ev.place.text = inherited.text;
          ev.place.kind = inherited.kind;
          ev.place.precision = inherited.precision;
          b.place_inherited = true;
        } else if (facility) {
          ev.place.precision = GeoPrecision::kUnresolved;
          ev.place.facility = object;
        }
        ev.claim = claim;
        ev.claimant = claimant;
        // Quantities inside the trigger's clause (not distances or durations).
        for (auto& q : quants) {
          if (q.distance || q.duration || q.q.what.empty()) continue;
          // Counts of places ("12 provincial centres") describe the war, not the act.
          bool places_count = false;
          for (uint32_t k = q.b; k < q.e; ++k) {
            if (HasCue(s, k, Cue::kSettlementWord) || HasCue(s, k, Cue::kGeneric) ||
                HasCue(s, k, Cue::kAdmin1Word) || HasCue(s, k, Cue::kRefSettlement))
              places_count = true;
          }
          if (places_count) continue;
          if (q.b >= clause_b && q.e <= clause_e) {
            ev.quantities.push_back(q.q);
            q.used = true;
          }
        }
        double conf = 0.8;
        if (t.kind == TrigKind::kNoun) conf -= 0.1;
        if (actor_default) conf -= 0.15;
        if (t.subject_inherited) conf -= 0.05;
        if (b.place_inherited) conf -= 0.15;
        if (prec != DatePrecision::kDay) conf -= 0.05;
        if (claim == ClaimStatus::kClaimed || claim == ClaimStatus::kDenied) conf -= 0.1;
        ev.confidence = std::max(0.1, conf);
        b.trig_b = t.b;
        // One event per actor, action family and place in a sentence.
        bool dup = false;
        for (const auto& other : built) {
          if (other.ev.actor == ev.actor && other.ev.cameo.substr(0, 3) == ev.cameo.substr(0, 3) &&
              other.ev.place.text == ev.place.text)
            dup = true;
        }
        if (!dup) built.push_back(std::move(b));
      }
    }
  }

  // A generic "attack" next to a specific one (shelling, air strike) on the
  // same actor and place is the same act.
  for (size_t k = 0; k < built.size(); ++k) {
    if (built[k].ev.cameo != "190") continue;
    for (size_t q = 0; q < built.size(); ++q) {
      const Event& o = built[q].ev;
      if (q != k && o.cameo.size() >= 3 && o.cameo.compare(0, 2, "19") == 0 && o.cameo != "190" &&
          o.cameo != "191" && o.cameo != "192" && o.actor == built[k].ev.actor &&
          o.place.text == built[k].ev.place.text) {
        built.erase(built.begin() + static_cast<std::ptrdiff_t>(k));
        --k;
        break;
      }
    }
  }
  // "X denied any role in the bombing": the act stays as reported, and X's
  // part in it is a denied event of its own.
  for (const auto& sp : s.speech) {
    if (!sp.denial || sp.speaker < 0) continue;
    bool role = false;
    for (uint32_t k = sp.b; k < std::min(s.e, sp.e + 3); ++k) {
      std::string_view w = c.F(k);
      if (w == "role" || w == "responsibility" || w == "involvement" || w == "part") role = true;
    }
    if (!role) continue;
    int who = ResolveEntityActor(c, s, sp.speaker, false);
    if (who < 0) continue;
    size_t n = built.size();
    for (size_t k = 0; k < n; ++k) {
      if (built[k].trig_b < sp.content_b || built[k].trig_b >= sp.content_e) continue;
      if (!built[k].ev.actor.empty()) continue;
      built[k].ev.claim = ClaimStatus::kReported;
      built[k].ev.claimant.clear();
      Built copy = built[k];
      const ActorRecord& ar = d.actors()[static_cast<size_t>(who)];
      copy.ev.actor = ar.name;
      copy.ev.actor_code = ar.code;
      copy.ev.claim = ClaimStatus::kDenied;
      copy.ev.claimant = ar.name;
      built.push_back(std::move(copy));
    }
  }
  // Sources, ids, output.
  std::string sentence_text(c.Text(s.b, s.e));
  for (size_t k = 0; k < built.size(); ++k) {
    Event& ev = built[k].ev;
    ev.id = r.id + "-" + std::to_string(span.start) + "-" + std::to_string(k);
    EventSource src;
    src.report_id = r.id;
    src.outlet = r.outlet;
    src.url = r.url;
    src.published = r.published;
    src.sentence = sentence_text;
    src.start = span.start;
    src.end = span.end;
    src.claim = ev.claim;
    src.claimant = ev.claimant;
    ev.sources.push_back(std::move(src));
    if (!ev.place.text.empty() && !built[k].place_inherited &&
        ev.place.precision != GeoPrecision::kCountry) {
      c.disc.paragraph_place.text = ev.place.text;
      c.disc.paragraph_place.kind = ev.place.kind;
      c.disc.paragraph_place.precision =
          ev.place.precision == GeoPrecision::kFacility ? GeoPrecision::kCity : ev.place.precision;
    }
    c.out.events.push_back(std::move(ev));
  }
  // Figures: quantities not tied to an event.
  std::string claimant;
  for (const auto& sp : s.speech) {
    if (sp.speaker >= 0) {
      int a = ResolveEntityActor(c, s, sp.speaker, false);
      claimant = a >= 0 ? ActorName(a) : s.entities[static_cast<size_t>(sp.speaker)].name;
    }
  }
  for (const auto& q : quants) {
    if (q.used || q.duration) continue;
    if (q.q.what.empty() && q.q.value == 0) continue;
    ReportedFigure f;
    f.quantity = q.q;
    // Subject: the words around the figure, up to the clause's end.
    uint32_t sb = q.b, se = std::min(s.e, q.e + 6);
    for (uint32_t k = q.e; k < se; ++k) {
      std::string_view w = c.F(k);
      if (w == "," || w == "." || w == ";" || w == "--") {
        se = k;
        break;
      }
    }
    if (q.q.what.empty()) {
      // "the number of provincial centers ... rises to 12"
      for (uint32_t k = s.b; k + 2 < q.b; ++k) {
        if (c.F(k) == "number" && c.F(k + 1) == "of") {
          uint32_t e2 = k + 2;
          while (e2 < q.b && e2 < k + 5 && c.T(e2).Is(kTokWord)) ++e2;
          f.quantity.what = std::string(c.Text(k + 2, e2));
          sb = k;
          break;
        }
      }
    }
    if (q.distance) {
      // "Ghazni just 150 kilometres from Kabul": from what.
      sb = q.b;
      for (const auto& p : s.places) {
        if (p.e <= q.b && p.e + 4 >= q.b) sb = p.b;
      }
      for (const auto& p : s.places) {
        if (p.b > q.e && p.b <= q.e + 4) se = p.e;
      }
      for (uint32_t k = q.e; k < std::min(s.e, q.e + 5); ++k) {
        if (c.F(k) == "border") se = std::max(se, k + 1);
      }
    }
    f.subject = std::string(c.Text(sb, se));
    f.claimant = claimant;
    f.start = span.start;
    f.end = span.end;
    if (IsReportedTally(f)) c.out.figures.push_back(std::move(f));
  }
}

// ------------------------------------------------------------ driver

void CoderCore::Impl::AnalyzeSentence(Ctx& c, const SentenceSpan& span, SentenceAnalysis& s) const {
  s.b = span.tok_begin;
  s.e = span.tok_end;
  s.dateline_end = span.dateline_end;
  s.matches.clear();
  d.trie().MatchAll(c.toks, s.b, s.e, &s.matches);
  const uint32_t n = s.e - s.b;
  s.match_start.assign(n + 1, 0);
  s.cue_bits.assign(n, 0);
  {
    // matches are grouped by begin, in order
    size_t k = 0;
    for (uint32_t i = 0; i <= n; ++i) {
      while (k < s.matches.size() && s.matches[k].begin < s.b + i) ++k;
      s.match_start[i] = static_cast<uint32_t>(k);
    }
  }
  for (const auto& m : s.matches) {
    if (m.entry.kind == kEntryCue)
      s.cue_bits[m.begin - s.b] |= Bit(static_cast<Cue>(m.entry.value));
  }
  FindDates(c.toks, s.b, s.e, c.report.published, opt.dates, &s.dates, &s.durations);
  BuildEntities(c, s);
  BuildPlaces(c, s);
  // A country or capital that is a subject (not after a preposition) acts;
  // otherwise it is a place.
  for (auto& e : s.entities) {
    if (e.type != EntType::kCountry && e.type != EntType::kCapital) continue;
    bool subject = !e.after_prep && !e.possessive && !e.modifier;
    if (e.from_role) {
      e.consumed = false;
      // "envoys from the United States, China and Qatar": actors, not places.
      s.places.erase(
          std::remove_if(s.places.begin(), s.places.end(),
                         [&](const PlaceMention_& p) { return p.b == e.b && p.e == e.e; }),
          s.places.end());
      continue;
    }
    if (subject) {
      // Only before a verb: the next token starts a trigger, an auxiliary or a speech verb.
      subject = false;
      for (uint32_t k = e.e; k < std::min(s.e, e.e + 3); ++k) {
        if (HasCue(s, k, Cue::kSpeech) || HasCue(s, k, Cue::kBeAux) ||
            HasCue(s, k, Cue::kHaveAux) || HasCue(s, k, Cue::kFuture) ||
            HasCue(s, k, Cue::kModal) || HasCue(s, k, Cue::kDenial)) {
          subject = true;
          break;
        }
        bool verb = false;
        for (uint32_t q = s.match_start[k - s.b]; q < s.match_start[k - s.b + 1]; ++q) {
          const auto& m = s.matches[q];
          if ((m.entry.kind == kEntryVerb) && (m.entry.form & (kFormPast | kForm3sg | kFormBase)))
            verb = true;
        }
        if (verb) {
          subject = true;
          break;
        }
        if (c.F(k) == "and" || c.F(k) == ",") continue;
        if (!IsAdverb(c.F(k))) break;
      }
      // "southern Khartoum was captured": the subject of a passive is a place.
      for (uint32_t q = e.e; q + 1 < std::min(s.e, e.e + 4); ++q) {
        if (!HasCue(s, q, Cue::kBeAux)) continue;
        for (uint32_t k2 = s.match_start[q + 1 - s.b]; k2 < s.match_start[q + 2 - s.b]; ++k2) {
          const auto& m = s.matches[k2];
          if ((m.entry.kind == kEntryVerb || m.entry.kind == kEntryPlaceSubject) &&
              (m.entry.form & kFormParticiple))
            subject = false;
        }
      }
      // "Kabul has not come under attack": a place subject of a place verb.
      for (uint32_t q = e.e; q < std::min(s.e, e.e + 5); ++q) {
        for (uint32_t k2 = s.match_start[q - s.b]; k2 < s.match_start[q - s.b + 1]; ++k2) {
          if (s.matches[k2].entry.kind == kEntryPlaceSubject) subject = false;
        }
      }
    }
    if (subject) {
      // Drop the place reading.
      s.places.erase(
          std::remove_if(s.places.begin(), s.places.end(),
                         [&](const PlaceMention_& p) { return p.b == e.b && p.e == e.e; }),
          s.places.end());
    } else {
      e.consumed = true;
    }
  }
  BuildClauses(c, s);
  BuildSpeech(c, s);
  BuildTriggers(c, s);
  if (debug_) DumpSentence(c, s);
}

void CoderCore::Impl::DumpSentence(const Ctx& c, const SentenceAnalysis& s) const {
  std::fprintf(stderr, "== %.*s\n", static_cast<int>(c.Text(s.b, s.e).size()),
               c.Text(s.b, s.e).data());
  for (const auto& e : s.entities) {
    std::fprintf(stderr, "  ent [%.*s] type=%d actor=%s prep=%d poss=%d mod=%d cons=%d\n",
                 static_cast<int>(c.Text(e.b, e.e).size()), c.Text(e.b, e.e).data(),
                 static_cast<int>(e.type), ActorName(e.actor).c_str(), e.after_prep, e.possessive,
                 e.modifier, e.consumed);
  }
  for (const auto& p : s.places) {
    std::fprintf(stderr, "  place [%s] ref=%d refpt=%d poss=%d paren=%d loc=%d prec=%d\n",
                 p.text.c_str(), p.is_ref, p.reference_point, p.possessive, p.in_paren,
                 p.after_locative, static_cast<int>(p.precision));
  }
  for (const auto& cl : s.clauses) {
    std::fprintf(stderr, "  clause type=%d [%.*s]\n", static_cast<int>(cl.type),
                 static_cast<int>(c.Text(cl.b, cl.e).size()), c.Text(cl.b, cl.e).data());
  }
  for (const auto& [b, e] : s.parens) {
    std::fprintf(stderr, "  paren [%.*s]\n", static_cast<int>(c.Text(b, e).size()),
                 c.Text(b, e).data());
  }
  for (const auto& sp : s.speech) {
    std::fprintf(stderr, "  speech [%.*s] speaker=%d content=[%.*s] denial=%d hearsay=%d\n",
                 static_cast<int>(c.Text(sp.b, sp.e).size()), c.Text(sp.b, sp.e).data(), sp.speaker,
                 static_cast<int>(c.Text(sp.content_b, sp.content_e).size()),
                 c.Text(sp.content_b, sp.content_e).data(), sp.denial, sp.hearsay);
  }
  for (const auto& t : s.triggers) {
    std::fprintf(stderr, "  trig [%.*s] %s kind=%d form=%d passive=%d clause=%d\n",
                 static_cast<int>(c.Text(t.b, t.e).size()), c.Text(t.b, t.e).data(),
                 d.actions()[static_cast<size_t>(t.action)].info.cameo.c_str(),
                 static_cast<int>(t.kind), t.form, t.passive, t.clause);
  }
}

void CoderCore::Impl::UpdateDiscourse(Ctx& c, const SentenceAnalysis& s) const {
  Discourse& disc = c.disc;
  for (const auto& p : s.places) {
    if (p.dateline && p.precision == GeoPrecision::kCity && !disc.subject_city.valid()) {
      disc.subject_city = PlaceMemo{p.text, p.kind, p.precision};
    }
    if (p.dateline || p.reference_point) continue;
    PlaceMemo m{p.text, p.kind, p.precision};
    // A sentence with no event still sets the paragraph's place ("... in
    // Mariupol. Russian troops shelled the plant").
    if (p.precision == GeoPrecision::kCity && !p.in_paren && !p.weak &&
        !disc.paragraph_place.valid())
      disc.paragraph_place = m;
    if (p.precision == GeoPrecision::kCity) disc.last_settlement = m;
    if (p.precision == GeoPrecision::kAdmin1) disc.last_admin1 = m;
    if (p.precision == GeoPrecision::kCountry) disc.last_country = m;
  }
  for (const auto& e : s.entities) {
    if (e.actor < 0 || e.consumed) continue;
    if (e.type == EntType::kSource || e.type == EntType::kJournalist) continue;
    if (e.modifier && e.type != EntType::kActor) continue;
    disc.last_actor = e.actor;
    if (e.type != EntType::kPerson) disc.last_org = e.actor;
    if (e.type == EntType::kPerson) disc.last_person_actor = e.actor;
    if (IsOpposition(disc, e.actor)) disc.last_opposition = e.actor;
    if (e.type == EntType::kComposite) {
      disc.role_memory.emplace_back(std::string(c.F(e.e - 1)), e.actor);
    }
  }
  for (const auto& dm : s.dates) {
    if (dm.precision == DatePrecision::kDay && !IsIntervalStart(c, dm, s.b)) {
      disc.paragraph_day = dm.date;
      disc.paragraph_day_precision = dm.precision;
    }
  }
}

CodedReport CoderCore::Impl::Code(const Report& report) const {
  Ctx c(report);
  Tokenize(report.text, &d.vocabulary(), &c.toks);
  SplitOptions so;
  so.max_sentence_bytes = opt.max_sentence_bytes;
  c.sentences = SplitSentences(c.toks, so);
  FindLexHits(c);
  ChooseFocus(c);
  ChooseReferenceDay(c);
  c.disc.published = report.published;
  for (const auto& span : c.sentences) {
    c.out.sentences.push_back({span.start, span.end});
  }
  SentenceAnalysis s;
  size_t prev_begin = 0, prev_end = 0;  // events of the previous sentence
  for (const auto& span : c.sentences) {
    if (span.paragraph != c.disc.paragraph) {
      c.disc.paragraph = span.paragraph;
      c.disc.paragraph_day = Date();
      c.disc.paragraph_place = PlaceMemo();
    }
    s = SentenceAnalysis();
    AnalyzeSentence(c, span, s);
    size_t before = c.out.events.size();
    CodeSentence(c, span, s);
    // "The NRF denied the claim": the previous sentence's events are denied.
    if (c.out.events.size() == before) {
      for (const auto& sp : s.speech) {
        if (!sp.denial || sp.speaker < 0) continue;
        bool about_claim = false;
        for (uint32_t k = sp.b; k < std::min(s.e, sp.e + 4); ++k) {
          std::string_view w = c.F(k);
          if (w == "claim" || w == "claims" || w == "report" || w == "reports" ||
              w == "allegation" || w == "allegations" || w == "accusations")
            about_claim = true;
        }
        if (!about_claim) continue;
        int who = ResolveEntityActor(c, s, sp.speaker, false);
        std::string name =
            who >= 0 ? ActorName(who) : s.entities[static_cast<size_t>(sp.speaker)].name;
        for (size_t k = prev_begin; k < prev_end && k < c.out.events.size(); ++k) {
          Event& ev = c.out.events[k];
          ev.claim = ClaimStatus::kDenied;
          ev.claimant = name;
          ev.sources[0].claim = ev.claim;
          ev.sources[0].claimant = name;
        }
      }
    }
    prev_begin = before;
    prev_end = c.out.events.size();
    // Mentions: every place name (not references).
    for (const auto& p : s.places) {
      if (p.is_ref) continue;
      PlaceMention m;
      m.start = c.T(p.b).start;
      m.end = c.T(p.e - 1).end;
      m.place.text = p.text;
      m.place.kind = p.kind;
      m.place.precision = p.precision;
      c.out.mentions.push_back(std::move(m));
    }
    UpdateDiscourse(c, s);
    // The last city an event of the report took place in is what "the city"
    // means next.
    // (The sentence's first such event: its main act.)
    for (size_t k = before; k < c.out.events.size(); ++k) {
      const PlaceRef& pl = c.out.events[k].place;
      // A facility's place is its city ("the jail" in Kandahar).
      bool city = pl.precision == GeoPrecision::kCity ||
                  (pl.precision == GeoPrecision::kFacility && pl.kind != PlaceKind::kAdmin1 &&
                   pl.kind != PlaceKind::kCountry);
      if (city && !pl.text.empty()) {
        c.disc.subject_city = PlaceMemo{pl.text, pl.kind, GeoPrecision::kCity};
        break;
      }
    }
  }
  return std::move(c.out);
}

CoderCore::CoderCore(std::unique_ptr<Dictionary> dict, const NameLexicon* lexicon,
                     CoreOptions options)
    : dict_(std::move(dict)), lexicon_(lexicon), options_(options) {
  impl_ = std::make_unique<Impl>(*dict_, lexicon_, options_);
}

CoderCore::~CoderCore() = default;

CodedReport CoderCore::Code(const Report& report) const { return impl_->Code(report); }

const ActionInfo* CoderCore::Action(std::string_view cameo) const {
  int a = dict_->FindAction(cameo);
  return a < 0 ? nullptr : &dict_->actions()[static_cast<size_t>(a)].info;
}

}  // namespace sitrep::coder
