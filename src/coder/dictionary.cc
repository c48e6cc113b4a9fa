#include "coder/dictionary.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "coder/fold.h"
#include "coder/tokenizer.h"

namespace sitrep::coder {

namespace {

constexpr std::array<std::pair<Sector, std::string_view>, 10> kSectors{{
    {Sector::kGovernment, "government"},
    {Sector::kMilitary, "military"},
    {Sector::kPolice, "police"},
    {Sector::kRebel, "rebel"},
    {Sector::kMilitia, "militia"},
    {Sector::kTerrorist, "terrorist"},
    {Sector::kInternational, "international"},
    {Sector::kCivilian, "civilian"},
    {Sector::kMedia, "media"},
    {Sector::kOther, "other"},
}};

constexpr std::array<std::string_view, static_cast<size_t>(Cue::kCount)> kCueNames = {
    "negation",
    "future",
    "modal",
    "conditional",
    "intent",
    "attempt",
    "threat",
    "halt",
    "speech",
    "denial",
    "source",
    "journalist",
    "hearsay",
    "boundary",
    "relative",
    "facility",
    "admin1-word",
    "district-word",
    "settlement-word",
    "ref-settlement",
    "ref-province",
    "ref-country",
    "ref-armed-group",
    "ref-enemy",
    "role-military",
    "role-government",
    "role-police",
    "light-verb",
    "occurrence",
    "be",
    "have",
    "pronoun-plural",
    "pronoun-thing",
    "pronoun-person",
    "pronoun-we",
    "locative",
    "distance",
    "generic",
    "not-place",
    "anonymous",
    "stative",
    "aerial",
    "responsibility",
    "acknowledge",
    "relative-time",
    "ref-both-sides",
    "resultative",
};

// Function words the coder looks up by id.
constexpr std::array<std::string_view, 40> kGrammarWords = {
    "the",  "a",   "an", "and",  "or",   "by",      "of",    "in",      "to",  "'s",
    ",",    ".",   "-",  "--",   "\"",   "between", "with",  "against", "pro", "anti",
    "that", "for", "on", "from", "at",   "its",     "their", "his",     "her", "this",
    "(",    ")",   ";",  ":",    "also", "not",     "into",  "under",   "km",  "as"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string Where(std::string_view file, size_t line) {
  return std::string(file) + ":" + std::to_string(line);
}

Status Syntax(std::string_view file, size_t line, std::string message) {
  return Status(ErrorKind::kInvalidInput, std::move(message), Where(file, line));
}

Result<std::vector<std::string>> SplitList(std::string_view value, std::string_view file,
                                           size_t line) {
  std::vector<std::string> out;
  if (Trim(value).empty()) return Syntax(file, line, "expected at least one item after ':'");
  size_t pos = 0;
  while (true) {
    size_t bar = value.find('|', pos);
    std::string_view item =
        Trim(value.substr(pos, bar == std::string_view::npos ? value.npos : bar - pos));
    if (item.empty()) return Syntax(file, line, "expected an item between '|' separators");
    out.emplace_back(item);
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return out;
}

Result<Date> ParseOptionalDate(std::string_view s, std::string_view file, size_t line) {
  s = Trim(s);
  if (s.empty()) return Date();
  auto d = Date::Parse(s);
  if (!d.ok())
    return Syntax(file, line, "expected a date YYYY-MM-DD, got '" + std::string(s) + "'");
  return *d;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

int VowelGroups(std::string_view w) {
  int groups = 0;
  bool in = false;
  for (char c : w) {
    bool v = IsVowel(c) || (c == 'y' && !in && &c != &w[0]);
    if (v && !in) ++groups;
    in = v;
  }
  return groups;
}

// Consonant-vowel-consonant ending of a one-syllable word: "plan", "drop".
bool DoublesFinal(std::string_view w) {
  if (w.size() < 3) return false;
  char a = w[w.size() - 3], b = w[w.size() - 2], c = w[w.size() - 1];
  if (IsVowel(a) || !IsVowel(b) || IsVowel(c) || c == 'w' || c == 'x' || c == 'y') return false;
  return VowelGroups(w) == 1;
}

}  // namespace

Result<Sector> ParseSector(std::string_view s) {
  for (const auto& [v, n] : kSectors) {
    if (n == s) return v;
  }
  std::string all;
  for (const auto& [v, n] : kSectors) all += (all.empty() ? "" : ", ") + std::string(n);
  return Status(ErrorKind::kInvalidInput, "expected a sector (one of: " + all + ")",
                std::string(s));
}

bool IsArmed(Sector s) {
  return s == Sector::kMilitary || s == Sector::kPolice || s == Sector::kRebel ||
         s == Sector::kMilitia || s == Sector::kTerrorist;
}

Camp ActorRecord::CampIn(std::string_view country_code) const {
  for (const auto& [cc, camp] : sides) {
    if (cc == country_code) return camp;
  }
  return Camp::kNone;
}

std::string_view CueName(Cue c) { return kCueNames[static_cast<size_t>(c)]; }

Result<Cue> ParseCue(std::string_view name) {
  for (size_t i = 0; i < kCueNames.size(); ++i) {
    if (kCueNames[i] == name) return static_cast<Cue>(i);
  }
  std::string all;
  for (auto n : kCueNames) all += (all.empty() ? "" : ", ") + std::string(n);
  return Status(ErrorKind::kInvalidInput, "expected a cue class (one of: " + all + ")",
                std::string(name));
}

VerbForms Inflect(std::string_view lemma, const std::map<std::string, IrregularVerb>& irregular) {
  size_t sp = lemma.find(' ');
  std::string head(lemma.substr(0, sp));
  std::string rest = sp == std::string_view::npos ? "" : std::string(lemma.substr(sp));
  VerbForms f;
  f.base = head;
  const size_t n = head.size();
  auto ends = [&](std::string_view suf) {
    return n >= suf.size() && std::string_view(head).substr(n - suf.size()) == suf;
  };
  // third person singular
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") || ends("o")) {
    f.third = head + "es";
  } else if (n >= 2 && head[n - 1] == 'y' && !IsVowel(head[n - 2])) {
    f.third = head.substr(0, n - 1) + "ies";
  } else {
    f.third = head + "s";
  }
  // past and participle
  if (ends("e")) {
    f.past = head + "d";
  } else if (n >= 2 && head[n - 1] == 'y' && !IsVowel(head[n - 2])) {
    f.past = head.substr(0, n - 1) + "ied";
  } else if (DoublesFinal(head)) {
    f.past = head + head.back() + "ed";
  } else {
    f.past = head + "ed";
  }
  f.participle = f.past;
  // -ing
  if (ends("ie")) {
    f.ing = head.substr(0, n - 2) + "ying";
  } else if (ends("e") && !ends("ee") && !ends("ye") && !ends("oe") && n > 2) {
    f.ing = head.substr(0, n - 1) + "ing";
  } else if (DoublesFinal(head)) {
    f.ing = head + head.back() + "ing";
  } else {
    f.ing = head + "ing";
  }
  if (auto it = irregular.find(head); it != irregular.end()) {
    f.past = it->second.past;
    f.participle = it->second.participle;
    if (!it->second.ing.empty()) f.ing = it->second.ing;
    if (!it->second.third.empty()) f.third = it->second.third;
  }
  f.base += rest;
  f.third += rest;
  f.past += rest;
  f.participle += rest;
  f.ing += rest;
  return f;
}

std::string Pluralize(std::string_view noun) {
  std::string s(noun);
  const size_t n = s.size();
  if (n == 0) return s;
  auto ends = [&](std::string_view suf) {
    return n >= suf.size() && std::string_view(s).substr(n - suf.size()) == suf;
  };
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return s + "es";
  if (n >= 2 && s[n - 1] == 'y' && !IsVowel(s[n - 2])) return s.substr(0, n - 1) + "ies";
  if (ends("ing")) return s;  // "fighting", "shelling": mass nouns
  return s + "s";
}

// ---------------------------------------------------------------- parsing

namespace {

enum class Kind { kNone, kActor, kPerson, kCountry, kAction, kCue, kVerbs };

struct Parser {
  DictionarySource* src;
  std::string_view file;
  Kind kind = Kind::kNone;
  size_t index = 0;

  template <typename T>
  size_t FindOrAdd(std::vector<T>& list, std::string_view name, size_t line) {
    for (size_t i = 0; i < list.size(); ++i) {
      if (list[i].name == name) return i;
    }
    list.emplace_back();
    list.back().name = std::string(name);
    list.back().where = Where(file, line);
    return list.size() - 1;
  }

  Status Header(std::string_view line_text, size_t line) {
    size_t sp = line_text.find_first_of(" \t");
    std::string_view k = line_text.substr(0, sp);
    std::string_view name = sp == std::string_view::npos ? "" : Trim(line_text.substr(sp));
    if (k == "actor") {
      kind = Kind::kActor;
    } else if (k == "person") {
      kind = Kind::kPerson;
    } else if (k == "country") {
      kind = Kind::kCountry;
    } else if (k == "action") {
      kind = Kind::kAction;
    } else if (k == "cue") {
      kind = Kind::kCue;
    } else if (k == "verbs") {
      kind = Kind::kVerbs;
    } else {
      return Syntax(file, line,
                    "expected a record kind (actor, person, country, action, cue, verbs) at the "
                    "start of a line, got '" +
                        std::string(k) + "'");
    }
    if (name.empty()) {
      return Syntax(file, line, "expected a name after '" + std::string(k) + "'");
    }
    switch (kind) {
      case Kind::kActor:
        index = FindOrAdd(src->actors, name, line);
        break;
      case Kind::kPerson:
        index = FindOrAdd(src->persons, name, line);
        break;
      case Kind::kCountry: {
        if (name.size() != 2 || !std::isupper(static_cast<unsigned char>(name[0])) ||
            !std::isupper(static_cast<unsigned char>(name[1]))) {
          return Syntax(file, line,
                        "expected a two-letter ISO 3166 country code after 'country', got '" +
                            std::string(name) + "'");
        }
        size_t i = 0;
        for (; i < src->countries.size(); ++i) {
          if (src->countries[i].code == name) break;
        }
        if (i == src->countries.size()) {
          src->countries.emplace_back();
          src->countries.back().code = std::string(name);
          src->countries.back().where = Where(file, line);
        }
        index = i;
        break;
      }
      case Kind::kAction: {
        if (name.size() < 2 || name.size() > 4 ||
            !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          return Syntax(file, line,
                        "expected a CAMEO code of 2 to 4 digits after 'action', got '" +
                            std::string(name) + "'");
        }
        size_t i = 0;
        for (; i < src->actions.size(); ++i) {
          if (src->actions[i].info.cameo == name) break;
        }
        if (i == src->actions.size()) {
          src->actions.emplace_back();
          src->actions.back().info.cameo = std::string(name);
          src->actions.back().where = Where(file, line);
        }
        index = i;
        break;
      }
      case Kind::kCue: {
        auto cue = ParseCue(name);
        if (!cue.ok()) return Syntax(file, line, cue.status().message());
        size_t i = 0;
        for (; i < src->cues.size(); ++i) {
          if (src->cues[i].cue == *cue) break;
        }
        if (i == src->cues.size()) {
          src->cues.emplace_back();
          src->cues.back().cue = *cue;
          src->cues.back().where = Where(file, line);
        }
        index = i;
        break;
      }
      default:
        break;
    }
    return Status::Ok();
  }

  Status Unknown(std::string_view key, size_t line, std::string_view valid) {
    return Syntax(
        file, line,
        "unknown field '" + std::string(key) + "' (expected one of: " + std::string(valid) + ")");
  }

  Status Field(std::string_view key, std::string_view value, size_t line) {
    auto list = [&](std::vector<std::string>* to) -> Status {
      auto items = SplitList(value, file, line);
      if (!items.ok()) return items.status();
      for (auto& it : *items) to->push_back(std::move(it));
      return Status::Ok();
    };
    auto scalar = [&](std::string* to) -> Status {
      if (value.empty())
        return Syntax(file, line, "expected a value after '" + std::string(key) + ":'");
      *to = std::string(value);
      return Status::Ok();
    };
    auto pair = [&](std::string* a, std::string* b) -> Status {
      auto items = SplitList(value, file, line);
      if (!items.ok()) return items.status();
      if (items->size() > 2) return Syntax(file, line, "expected 'type | subtype'");
      *a = (*items)[0];
      *b = items->size() > 1 ? (*items)[1] : "";
      return Status::Ok();
    };
    switch (kind) {
      case Kind::kNone:
        return Syntax(file, line, "expected a record header before this field");
      case Kind::kActor: {
        ActorRecord& a = src->actors[index];
        if (key == "code") return scalar(&a.code);
        if (key == "sector") {
          auto s = ParseSector(value);
          if (!s.ok()) return Syntax(file, line, s.status().message());
          a.sector = *s;
          return Status::Ok();
        }
        if (key == "country") {
          if (value.size() != 2) {
            return Syntax(file, line,
                          "expected a two-letter country code, got '" + std::string(value) + "'");
          }
          a.country = std::string(value);
          return Status::Ok();
        }
        if (key == "aliases") return list(&a.aliases);
        if (key == "sides") {
          auto items = SplitList(value, file, line);
          if (!items.ok()) return items.status();
          for (const auto& it : *items) {
            size_t colon = it.find(':');
            std::string cc = colon == std::string::npos ? "" : it.substr(0, colon);
            std::string camp = colon == std::string::npos ? "" : it.substr(colon + 1);
            Camp c;
            if (camp == "government") {
              c = Camp::kGovernment;
            } else if (camp == "opposition") {
              c = Camp::kOpposition;
            } else {
              c = Camp::kNone;
            }
            if (cc.size() != 2 || c == Camp::kNone) {
              return Syntax(file, line,
                            "expected 'CC:government' or 'CC:opposition', got '" + it + "'");
            }
            a.sides.emplace_back(cc, c);
          }
          return Status::Ok();
        }
        return Unknown(key, line, "code, sector, country, sides, aliases");
      }
      case Kind::kPerson: {
        PersonRecord& p = src->persons[index];
        if (key == "aliases") return list(&p.aliases);
        if (key == "role") {
          auto items = SplitList(value, file, line);
          if (!items.ok()) return items.status();
          if (items->size() < 2 || items->size() > 3) {
            return Syntax(file, line, "expected 'FROM..TO | actor | title'");
          }
          const std::string& dates = (*items)[0];
          size_t dots = dates.find("..");
          if (dots == std::string::npos) {
            return Syntax(file, line, "expected a date range FROM..TO (either end may be empty)");
          }
          PersonRole r;
          auto from = ParseOptionalDate(std::string_view(dates).substr(0, dots), file, line);
          if (!from.ok()) return from.status();
          auto to = ParseOptionalDate(std::string_view(dates).substr(dots + 2), file, line);
          if (!to.ok()) return to.status();
          r.from = *from;
          r.to = *to;
          r.actor = (*items)[1];
          if (items->size() > 2) r.title = (*items)[2];
          p.roles.push_back(std::move(r));
          return Status::Ok();
        }
        return Unknown(key, line, "aliases, role");
      }
      case Kind::kCountry: {
        CountryRecord& c = src->countries[index];
        if (key == "name") return scalar(&c.name);
        if (key == "names") return list(&c.names);
        if (key == "demonyms") return list(&c.demonyms);
        if (key == "capitals") return list(&c.capitals);
        if (key == "cities") return list(&c.cities);
        if (key == "government") return scalar(&c.government);
        if (key == "military") return scalar(&c.military);
        if (key == "police") return scalar(&c.police);
        if (key == "opposition") return scalar(&c.opposition);
        if (key == "forces-speaker") return scalar(&c.forces_speaker);
        return Unknown(key, line,
                       "name, names, demonyms, capitals, cities, government, military, police, "
                       "forces-speaker, "
                       "opposition");
      }
      case Kind::kAction: {
        ActionRecord& a = src->actions[index];
        if (key == "label") return scalar(&a.info.label);
        if (key == "plover") return pair(&a.info.plover, &a.info.plover_mode);
        if (key == "acled") return pair(&a.info.acled_type, &a.info.acled_subtype);
        if (key == "acled-state") return pair(&a.acled_state_type, &a.acled_state_subtype);
        if (key == "effect") {
          auto e = ParseControlEffect(value);
          if (!e.ok()) return Syntax(file, line, e.status().message());
          a.info.effect = *e;
          return Status::Ok();
        }
        if (key == "verbs") return list(&a.verbs);
        if (key == "place-subject") return list(&a.place_subject);
        if (key == "nouns") return list(&a.nouns);
        if (key == "phrases") return list(&a.phrases);
        if (key == "states") return list(&a.states);
        if (key == "mirror") return scalar(&a.mirror);
        if (key == "announced") {
          if (value != "yes" && value != "no") return Syntax(file, line, "expected 'yes' or 'no'");
          a.announced = value == "yes";
          return Status::Ok();
        }
        return Unknown(key, line,
                       "label, plover, acled, acled-state, effect, verbs, place-subject, nouns, "
                       "phrases, states, mirror, announced");
      }
      case Kind::kCue: {
        CueRecord& c = src->cues[index];
        if (key == "phrases") return list(&c.phrases);
        if (key == "verbs") return list(&c.verbs);
        return Unknown(key, line, "phrases, verbs");
      }
      case Kind::kVerbs: {
        auto items = SplitList(value, file, line);
        if (!items.ok()) return items.status();
        if (items->size() < 2 || items->size() > 4) {
          return Syntax(file, line, "expected 'lemma: past | participle [| ing [| third]]'");
        }
        IrregularVerb v;
        v.past = FoldText((*items)[0]);
        v.participle = FoldText((*items)[1]);
        if (items->size() > 2) v.ing = FoldText((*items)[2]);
        if (items->size() > 3) v.third = FoldText((*items)[3]);
        src->irregular[FoldText(key)] = std::move(v);
        return Status::Ok();
      }
    }
    return Status::Ok();
  }
};

}  // namespace

Status ParseDictionaryText(std::string_view text, std::string_view name, DictionarySource* src) {
  Parser p{src, name};
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    // Strip a comment: '#' at the start or after white space.
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        line = line.substr(0, i);
        break;
      }
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) continue;
    for (unsigned char c : line) {
      if (c < 0x20 && c != '\t') {
        return Syntax(name, line_no, "expected text, found a control character");
      }
    }
    if (line[0] != ' ' && line[0] != '\t') {
      SITREP_RETURN_IF_ERROR(p.Header(Trim(line), line_no));
      continue;
    }
    std::string joined;
    std::string_view body = Trim(line);
    // A value ending in '|' continues on the next line(s).
    while (!body.empty() && body.back() == '|' && pos <= text.size()) {
      size_t nl2 = text.find('\n', pos);
      std::string_view next =
          text.substr(pos, nl2 == std::string_view::npos ? text.npos : nl2 - pos);
      for (size_t i = 0; i < next.size(); ++i) {
        if (next[i] == '#' && (i == 0 || next[i - 1] == ' ' || next[i - 1] == '\t')) {
          next = next.substr(0, i);
          break;
        }
      }
      if (next.empty() || (next[0] != ' ' && next[0] != '\t') || Trim(next).empty()) {
        return Syntax(name, line_no + 1, "expected the list to continue after a trailing '|'");
      }
      pos = nl2 == std::string_view::npos ? text.size() + 1 : nl2 + 1;
      ++line_no;
      std::string longer(body);
      longer += ' ';
      longer += Trim(next);
      joined = std::move(longer);
      body = joined;
    }
    size_t colon = body.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Syntax(name, line_no, "expected an indented field 'key: value'");
    }
    std::string_view key = Trim(body.substr(0, colon));
    std::string_view value = Trim(body.substr(colon + 1));
    for (char c : key) {
      bool ok = (c >= 'a' && c <= 'z') || c == '-' || (c >= '0' && c <= '9') ||
                (p.kind == Kind::kVerbs && (c == ' ' || c == '\''));
      if (!ok) return Syntax(name, line_no, "expected a lower-case field name before ':'");
    }
    SITREP_RETURN_IF_ERROR(p.Field(key, value, line_no));
  }
  src->files.emplace_back(name);
  return Status::Ok();
}

Status LoadDictionaryDir(const std::string& dir, DictionarySource* src) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status(ErrorKind::kNotFound, "dictionary folder not found", dir);
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".dict" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return Status(ErrorKind::kIoError, "cannot list folder: " + ec.message(), dir);
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status(ErrorKind::kIoError, "cannot read dictionary file", f.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    SITREP_RETURN_IF_ERROR(ParseDictionaryText(ss.str(), f.string(), src));
  }
  return Status::Ok();
}

// ---------------------------------------------------------------- compile

Status Dictionary::AddPhrase(std::string_view phrase, PhraseEntry entry, std::string_view where) {
  // Trailing flags: "leave [armed]", "repel [repels]".
  if (size_t lb = phrase.find('['); lb != std::string_view::npos) {
    size_t rb = phrase.find(']', lb);
    if (rb == std::string_view::npos || Trim(phrase.substr(rb + 1)) != "") {
      return Status(ErrorKind::kInvalidInput,
                    "expected flags in brackets at the end of '" + std::string(phrase) + "'",
                    std::string(where));
    }
    std::string_view flags = phrase.substr(lb + 1, rb - lb - 1);
    phrase = Trim(phrase.substr(0, lb));
    size_t pos = 0;
    while (pos < flags.size()) {
      size_t sp = flags.find(' ', pos);
      std::string_view f = flags.substr(pos, sp == std::string_view::npos ? flags.npos : sp - pos);
      pos = sp == std::string_view::npos ? flags.size() : sp + 1;
      if (f.empty()) continue;
      if (f == "armed") {
        entry.flags |= kEntryArmed;
      } else if (f == "place") {
        entry.flags |= kEntryNeedsPlace;
      } else if (f == "mutual") {
        entry.flags |= kEntryMutual;
      } else if (auto e = ParseControlEffect(f); e.ok()) {
        entry.flags =
            static_cast<uint16_t>(entry.flags | ((static_cast<int>(*e) + 1) << kEntryEffectShift));
      } else {
        return Status(ErrorKind::kInvalidInput,
                      "expected a flag (armed, place, mutual, or a control effect), got '" +
                          std::string(f) + "'",
                      std::string(where));
      }
    }
  }
  TokenizedText toks;
  Tokenize(phrase, nullptr, &toks);
  std::vector<uint32_t> ids;
  bool all_caps = true;
  size_t letters = 0;
  for (size_t i = 0; i < toks.tokens.size(); ++i) {
    std::string_view f = toks.Folded(i);
    if (f == "{") {
      while (i < toks.tokens.size() && toks.Folded(i) != "}") ++i;
      if (i == toks.tokens.size()) {
        return Status(ErrorKind::kInvalidInput,
                      "expected '}' closing a gap in '" + std::string(phrase) + "'",
                      std::string(where));
      }
      ids.push_back(PhraseTrie::kGap);
      continue;
    }
    const Token& t = toks.tokens[i];
    if (t.Is(kTokWord)) {
      letters += f.size();
      if (!t.Is(kTokAllCaps)) all_caps = false;
    }
    ids.push_back(vocab_.Intern(f));
  }
  if (ids.empty() || ids.front() == PhraseTrie::kGap || ids.back() == PhraseTrie::kGap) {
    return Status(ErrorKind::kInvalidInput,
                  "expected a phrase with words (a gap '{}' cannot start or end it), got '" +
                      std::string(phrase) + "'",
                  std::string(where));
  }
  // Short acronyms ("US", "IS", "UN") match only when written in capitals.
  if (all_caps && letters > 0 && letters <= 3) entry.flags |= kEntryAllCaps;
  trie_.Add(ids, entry);
  CompiledPhrase cp;
  cp.entry = entry;
  for (uint32_t id : ids) cp.tokens.emplace_back(id == PhraseTrie::kGap ? "{}" : vocab_.Word(id));
  phrases_.push_back(std::move(cp));
  return Status::Ok();
}

int Dictionary::FindActor(std::string_view name) const {
  auto it = actor_index_.find(std::string(name));
  return it == actor_index_.end() ? -1 : it->second;
}
int Dictionary::FindAction(std::string_view cameo) const {
  auto it = action_index_.find(std::string(cameo));
  return it == action_index_.end() ? -1 : it->second;
}
int Dictionary::FindCountry(std::string_view code) const {
  auto it = country_index_.find(std::string(code));
  return it == country_index_.end() ? -1 : it->second;
}
int Dictionary::CountryActor(int country, std::string_view field) const {
  if (country < 0 || static_cast<size_t>(country) >= country_actors_.size()) return -1;
  const auto& c = country_actors_[static_cast<size_t>(country)];
  if (field == "government") return c.government;
  if (field == "military") return c.military;
  if (field == "police") return c.police;
  if (field == "opposition") return c.opposition;
  if (field == "forces-speaker") return c.forces_speaker;
  return -1;
}

Result<std::unique_ptr<Dictionary>> Dictionary::Compile(DictionarySource src) {
  std::unique_ptr<Dictionary> d(new Dictionary());
  d->src_ = std::move(src);
  SITREP_RETURN_IF_ERROR(d->Build());
  return d;
}

Status Dictionary::Build() {
  for (auto w : kGrammarWords) vocab_.Intern(w);
  for (size_t i = 0; i < src_.actors.size(); ++i)
    actor_index_[src_.actors[i].name] = static_cast<int>(i);
  for (size_t i = 0; i < src_.actions.size(); ++i) {
    action_index_[src_.actions[i].info.cameo] = static_cast<int>(i);
  }
  for (size_t i = 0; i < src_.countries.size(); ++i) {
    country_index_[src_.countries[i].code] = static_cast<int>(i);
  }
  auto bad_ref = [](const std::string& where, std::string_view field, const std::string& name) {
    return Status(
        ErrorKind::kInvalidInput,
        "expected the name of an actor record in '" + std::string(field) + "', got '" + name + "'",
        where);
  };
  for (const auto& a : src_.actors) {
    if (a.code.empty()) {
      return Status(ErrorKind::kInvalidInput, "expected a 'code:' field in actor '" + a.name + "'",
                    a.where);
    }
  }
  country_actors_.resize(src_.countries.size());
  for (size_t i = 0; i < src_.countries.size(); ++i) {
    const CountryRecord& c = src_.countries[i];
    auto resolve = [&](const std::string& name, std::string_view field, int* out) -> Status {
      if (name.empty()) return Status::Ok();
      *out = FindActor(name);
      if (*out < 0) return bad_ref(c.where, field, name);
      return Status::Ok();
    };
    SITREP_RETURN_IF_ERROR(resolve(c.government, "government", &country_actors_[i].government));
    SITREP_RETURN_IF_ERROR(resolve(c.military, "military", &country_actors_[i].military));
    SITREP_RETURN_IF_ERROR(resolve(c.police, "police", &country_actors_[i].police));
    SITREP_RETURN_IF_ERROR(resolve(c.opposition, "opposition", &country_actors_[i].opposition));
    SITREP_RETURN_IF_ERROR(
        resolve(c.forces_speaker, "forces-speaker", &country_actors_[i].forces_speaker));
  }
  for (const auto& p : src_.persons) {
    for (const auto& r : p.roles) {
      if (FindActor(r.actor) < 0) return bad_ref(p.where, "role", r.actor);
    }
  }
  for (const auto& a : src_.actions) {
    if (a.info.label.empty()) {
      return Status(ErrorKind::kInvalidInput, "expected a 'label:' field in action " + a.info.cameo,
                    a.where);
    }
  }

  // Phrases.
  for (size_t i = 0; i < src_.actors.size(); ++i) {
    const auto& a = src_.actors[i];
    PhraseEntry e{kEntryActor, 0, 0, static_cast<uint32_t>(i)};
    SITREP_RETURN_IF_ERROR(AddPhrase(a.name, e, a.where));
    for (const auto& al : a.aliases) SITREP_RETURN_IF_ERROR(AddPhrase(al, e, a.where));
  }
  for (size_t i = 0; i < src_.persons.size(); ++i) {
    const auto& p = src_.persons[i];
    PhraseEntry e{kEntryPerson, 0, 0, static_cast<uint32_t>(i)};
    SITREP_RETURN_IF_ERROR(AddPhrase(p.name, e, p.where));
    for (const auto& al : p.aliases) SITREP_RETURN_IF_ERROR(AddPhrase(al, e, p.where));
  }
  for (size_t i = 0; i < src_.countries.size(); ++i) {
    const auto& c = src_.countries[i];
    uint32_t v = static_cast<uint32_t>(i);
    if (!c.name.empty())
      SITREP_RETURN_IF_ERROR(AddPhrase(c.name, {kEntryCountryName, 0, 0, v}, c.where));
    for (const auto& n : c.names)
      SITREP_RETURN_IF_ERROR(AddPhrase(n, {kEntryCountryName, 0, 0, v}, c.where));
    for (const auto& n : c.demonyms)
      SITREP_RETURN_IF_ERROR(AddPhrase(n, {kEntryDemonym, 0, 0, v}, c.where));
    for (const auto& n : c.capitals)
      SITREP_RETURN_IF_ERROR(AddPhrase(n, {kEntryCapital, 0, 0, v}, c.where));
    for (const auto& n : c.cities)
      SITREP_RETURN_IF_ERROR(AddPhrase(n, {kEntryCity, 0, 0, v}, c.where));
  }
  auto add_verb = [&](std::string_view pattern, uint8_t kind, uint32_t value,
                      const std::string& where) -> Status {
    std::string flags;
    if (size_t lb = pattern.find('['); lb != std::string_view::npos) {
      flags = " " + std::string(pattern.substr(lb));
      pattern = Trim(pattern.substr(0, lb));
    }
    std::string folded = FoldText(pattern);
    VerbForms f = Inflect(folded, src_.irregular);
    // Merge the form bits of identical strings ("cut" is base, past and participle).
    std::vector<std::pair<std::string, uint8_t>> forms;
    auto put = [&](const std::string& s, uint8_t bit) {
      for (auto& [str, bits] : forms) {
        if (str == s) {
          bits |= bit;
          return;
        }
      }
      forms.emplace_back(s, bit);
    };
    put(f.base, kFormBase);
    put(f.third, kForm3sg);
    put(f.past, kFormPast);
    put(f.participle, kFormParticiple);
    put(f.ing, kFormIng);
    for (const auto& [s, bits] : forms) {
      SITREP_RETURN_IF_ERROR(AddPhrase(s + flags, {kind, bits, 0, value}, where));
    }
    return Status::Ok();
  };
  for (size_t i = 0; i < src_.actions.size(); ++i) {
    const auto& a = src_.actions[i];
    uint32_t v = static_cast<uint32_t>(i);
    for (const auto& p : a.verbs) SITREP_RETURN_IF_ERROR(add_verb(p, kEntryVerb, v, a.where));
    for (const auto& p : a.place_subject) {
      SITREP_RETURN_IF_ERROR(add_verb(p, kEntryPlaceSubject, v, a.where));
    }
    for (const auto& p0 : a.nouns) {
      std::string_view p = p0;
      std::string flags;
      if (size_t lb = p.find('['); lb != std::string_view::npos) {
        flags = " " + std::string(p.substr(lb));
        p = Trim(p.substr(0, lb));
      }
      SITREP_RETURN_IF_ERROR(
          AddPhrase(std::string(p) + flags, {kEntryNoun, kFormNoun, 0, v}, a.where));
      std::string pl = Pluralize(FoldText(p));
      if (pl != FoldText(p)) {
        SITREP_RETURN_IF_ERROR(AddPhrase(pl + flags, {kEntryNoun, kFormNoun, 0, v}, a.where));
      }
    }
    constexpr uint8_t kFinite = kFormBase | kFormPast | kForm3sg;
    for (const auto& p : a.phrases)
      SITREP_RETURN_IF_ERROR(AddPhrase(p, {kEntryVerb, kFinite, 0, v}, a.where));
    for (const auto& p : a.states) {
      SITREP_RETURN_IF_ERROR(AddPhrase(p, {kEntryPlaceSubject, kFinite, 0, v}, a.where));
    }
    if (!a.mirror.empty() && FindAction(a.mirror) < 0) {
      return Status(ErrorKind::kInvalidInput,
                    "expected the code of an action record in 'mirror', got '" + a.mirror + "'",
                    a.where);
    }
  }
  for (const auto& c : src_.cues) {
    uint32_t v = static_cast<uint32_t>(c.cue);
    for (const auto& p : c.phrases)
      SITREP_RETURN_IF_ERROR(AddPhrase(p, {kEntryCue, 0, 0, v}, c.where));
    for (const auto& p : c.verbs) SITREP_RETURN_IF_ERROR(add_verb(p, kEntryCue, v, c.where));
  }
  trie_.Finish();
  return Status::Ok();
}

}  // namespace sitrep::coder
