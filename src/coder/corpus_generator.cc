#include "coder/corpus_generator.h"

#include <array>
#include <random>

namespace sitrep::coder {

namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

struct Pools {
  std::vector<std::string> armed;    // armed actor aliases
  std::vector<std::string> states;   // state actor names
  std::vector<std::string> capture;  // past-tense capture verbs without gaps
  std::vector<std::string> attack;   // past-tense attack verbs
  std::vector<std::string> nouns;    // violence nouns
  std::vector<std::string> places;
};

std::string Capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

Pools MakePools(const Dictionary& d, const std::vector<std::string>& places) {
  Pools p;
  p.places = places;
  for (const auto& a : d.actors()) {
    if (IsArmed(a.sector)) {
      p.armed.push_back(a.name);
      for (const auto& al : a.aliases) {
        if (al.find('{') == std::string::npos) p.armed.push_back(al);
      }
    } else if (a.sector == Sector::kGovernment) {
      p.states.push_back(a.name);
    }
  }
  for (const auto& ph : d.phrases()) {
    if (ph.entry.kind != kEntryVerb && ph.entry.kind != kEntryNoun) continue;
    bool gap = false;
    std::string s;
    for (const auto& t : ph.tokens) {
      if (t == "{}") gap = true;
      if (!s.empty() && t != "-" && s.back() != '-') s += ' ';
      s += t;
    }
    if (gap) continue;
    const ActionRecord& a = d.actions()[ph.entry.value];
    if (ph.entry.kind == kEntryVerb && (ph.entry.form & kFormPast)) {
      if (a.info.effect == ControlEffect::kCaptures) p.capture.push_back(s);
      if (a.info.effect == ControlEffect::kContests) p.attack.push_back(s);
    }
    if (ph.entry.kind == kEntryNoun && a.info.cameo.rfind("19", 0) == 0) p.nouns.push_back(s);
  }
  if (p.armed.empty()) p.armed.push_back("Fighters");
  if (p.states.empty()) p.states.push_back("The government");
  if (p.capture.empty()) p.capture.push_back("captured");
  if (p.attack.empty()) p.attack.push_back("attacked");
  if (p.nouns.empty()) p.nouns.push_back("fighting");
  return p;
}

}  // namespace

std::vector<Report> GenerateCorpus(const Dictionary& dict, const std::vector<std::string>& places,
                                   const CorpusOptions& options) {
  Pools p = MakePools(dict, places);
  std::mt19937_64 rng(options.seed);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& {
    return v[rng() % v.size()];
  };
  auto day = [&]() { return std::string(kWeekdays[rng() % 7]); };
  std::vector<Report> out;
  size_t made = 0;
  size_t report_no = 0;
  while (made < options.sentences) {
    Report r;
    r.published = options.first_day.AddDays(static_cast<int32_t>(report_no % 700));
    r.outlet = "generated";
    std::string text;
    std::string capital = pick(p.places);
    for (char& ch : capital) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    text += capital + ", " + std::to_string(1 + rng() % 28) + " (Wire) - ";
    size_t n = std::min(options.sentences_per_report, options.sentences - made);
    for (size_t k = 0; k < n; ++k) {
      if (k > 0 && k % 5 == 0) text += "\n\n";
      const std::string& a = pick(p.armed);
      const std::string& b = pick(p.armed);
      const std::string& pl = pick(p.places);
      const std::string& pl2 = pick(p.places);
      std::string s;
      switch (rng() % 14) {
        case 0:
          s = "The " + a + " " + pick(p.capture) + " " + pl + " on " + day() + ".";
          break;
        case 1:
          s = pl + " fell to " + a + " on " + day() + " after days of " + pick(p.nouns) + ".";
          break;
        case 2:
          s = pl + ", a provincial capital " + std::to_string(20 + rng() % 300) + " km from " +
              pl2 + ", was captured by " + a + ", officials said.";
          break;
        case 3:
          s = "Heavy " + pick(p.nouns) + " was reported in " + pl + " and " + pl2 +
              " as the insurgents advanced.";
          break;
        case 4:
          s = "The " + a + " said they had " + pick(p.capture) + " the police headquarters in " +
              pl + ", a claim the government denied.";
          break;
        case 5:
          s = pick(p.states) + " said it was sending " + std::to_string(100 * (1 + rng() % 50)) +
              " troops to " + pl + " on " + day() + ".";
          break;
        case 6:
          s = "If they overrun " + pl + ", the " + a + " will control the region.";
          break;
        case 7:
          s = "Residents said " + a + " " + pick(p.attack) + " " + pl + " overnight, killing " +
              std::to_string(2 + rng() % 40) + " people.";
          break;
        case 8:
          s = "The city has been under siege for weeks, according to a local official who asked "
              "not to be named.";
          break;
        case 9:
          s = "Prices of bread and fuel rose sharply in " + pl +
              " as families queued outside "
              "banks.";
          break;
        case 10:
          s = "\u201cWe will not surrender " + pl + ",\u201d a commander told reporters on " +
              day() + ".";
          break;
        case 11:
          s = "Analysts said " + pl2 + " could fall within weeks if " + b + " cut the main road.";
          break;
        case 12:
          s = "A car bomb exploded near a checkpoint in " + pl + " on Aug. " +
              std::to_string(1 + rng() % 28) + ", police said.";
          break;
        default:
          s = Capitalize(a) + " and government forces exchanged fire on the edges of " + pl +
              " late on " + day() + ".";
          break;
      }
      if (!text.empty() && text.back() != ' ' && text.back() != '\n') text += ' ';
      text += s;
    }
    r.text = std::move(text);
    r.id = "gen-" + std::to_string(report_no);
    out.push_back(std::move(r));
    made += n;
    ++report_no;
  }
  return out;
}

}  // namespace sitrep::coder
