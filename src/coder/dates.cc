#include "coder/dates.h"

#include <array>
#include <charconv>
#include <string_view>

namespace sitrep::coder {

namespace {

int Weekday(std::string_view w) {  // 0 = Sunday; -1 if not a weekday
  static constexpr std::array<std::array<std::string_view, 3>, 7> kDays = {{
      {"sunday", "sun", ""},
      {"monday", "mon", ""},
      {"tuesday", "tue", "tues"},
      {"wednesday", "wed", ""},
      {"thursday", "thu", "thurs"},
      {"friday", "fri", ""},
      {"saturday", "sat", ""},
  }};
  for (int d = 0; d < 7; ++d) {
    for (auto n : kDays[static_cast<size_t>(d)]) {
      if (!n.empty() && n == w) return d;
    }
  }
  return -1;
}

int Month(std::string_view w) {  // 1..12; 0 if not a month
  static constexpr std::array<std::array<std::string_view, 3>, 12> kMonths = {{
      {"january", "jan", ""},
      {"february", "feb", ""},
      {"march", "mar", ""},
      {"april", "apr", ""},
      {"may", "", ""},
      {"june", "jun", ""},
      {"july", "jul", ""},
      {"august", "aug", ""},
      {"september", "sep", "sept"},
      {"october", "oct", ""},
      {"november", "nov", ""},
      {"december", "dec", ""},
  }};
  for (int m = 0; m < 12; ++m) {
    for (auto n : kMonths[static_cast<size_t>(m)]) {
      if (!n.empty() && n == w) return m + 1;
    }
  }
  return 0;
}

bool IsTimeOfDay(std::string_view w) {
  return w == "morning" || w == "evening" || w == "night" || w == "afternoon" || w == "dawn" ||
         w == "midnight" || w == "noon";
}

// "12", "12th", "1st" -> day of month; 0 if not one.
int DayNumber(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0 || n > 2) return 0;
  std::string_view suf = w.substr(n);
  if (!suf.empty() && suf != "th" && suf != "st" && suf != "nd" && suf != "rd") return 0;
  int d = 0;
  for (size_t i = 0; i < n; ++i) d = d * 10 + (w[i] - '0');
  return d >= 1 && d <= 31 ? d : 0;
}

int YearNumber(std::string_view w) {
  if (w.size() != 4) return 0;
  int y = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return 0;
    y = y * 10 + (c - '0');
  }
  return y >= 1900 && y <= 2200 ? y : 0;
}

bool ValidYmd(int y, int m, int d) {
  static constexpr int kLen[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kLen[m - 1]) return false;
  if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

Date MakeDate(int y, int m, int d, Date published, int slack, bool year_given) {
  if (!ValidYmd(y, m, d)) return Date();
  Date dt = Date::FromYmd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  if (!year_given && DaysBetween(published, dt) > slack) {
    if (!ValidYmd(y - 1, m, d)) return Date();
    dt = Date::FromYmd(y - 1, static_cast<unsigned>(m), static_cast<unsigned>(d));
  }
  return dt;
}

int UnitDays(std::string_view w, const DateOptions& o, bool* plural_vague, DatePrecision* p) {
  *plural_vague = false;
  if (w == "day" || w == "days") {
    *plural_vague = w == "days";
    *p = DatePrecision::kApprox;
    return 1;
  }
  if (w == "week" || w == "weeks") {
    *plural_vague = w == "weeks";
    *p = DatePrecision::kWeek;
    return 7;
  }
  if (w == "month" || w == "months") {
    *plural_vague = w == "months";
    *p = DatePrecision::kMonth;
    return 30;
  }
  if (w == "year" || w == "years") {
    *plural_vague = w == "years";
    *p = DatePrecision::kMonth;
    return 365;
  }
  (void)o;
  return 0;
}

}  // namespace

bool ParseNumberToken(std::string_view w, double* value) {
  static constexpr std::array<std::pair<std::string_view, double>, 28> kWords = {{
      {"one", 1},     {"two", 2},     {"three", 3},      {"four", 4},         {"five", 5},
      {"six", 6},     {"seven", 7},   {"eight", 8},      {"nine", 9},         {"ten", 10},
      {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},  {"fourteen", 14},    {"fifteen", 15},
      {"twenty", 20}, {"thirty", 30}, {"forty", 40},     {"fifty", 50},       {"hundred", 100},
      {"dozen", 12},  {"dozens", 24}, {"hundreds", 200}, {"thousands", 2000}, {"a dozen", 12},
      {"several", 3}, {"scores", 40}, {"a few", 3},
  }};
  for (const auto& [n, v] : kWords) {
    if (n == w) {
      *value = v;
      return true;
    }
  }
  if (w.empty() || w[0] < '0' || w[0] > '9') return false;
  double v = 0;
  double frac = 0;
  double scale = 1;
  bool in_frac = false;
  for (char c : w) {
    if (c == ',') continue;
    if (c == '.') {
      if (in_frac) return false;
      in_frac = true;
      continue;
    }
    if (c < '0' || c > '9') return false;
    if (in_frac) {
      scale /= 10;
      frac += (c - '0') * scale;
    } else {
      v = v * 10 + (c - '0');
    }
  }
  *value = v + frac;
  return true;
}

void FindDates(const TokenizedText& text, uint32_t begin, uint32_t end, Date published,
               const DateOptions& options, std::vector<DateMention>* dates,
               std::vector<DurationMention>* durations) {
  if (!published.IsValid()) return;
  auto f = [&](uint32_t i) -> std::string_view {
    return i < end ? text.Folded(i) : std::string_view();
  };
  const int py = published.year();
  const int pm = static_cast<int>(published.month());
  for (uint32_t i = begin; i < end; ++i) {
    std::string_view w = f(i);
    const Token& t = text.tokens[i];
    if (t.Is(kTokPunct)) continue;
    // Weekdays. Abbreviations need a capital, and the ambiguous ones ("Sun",
    // "Sat", "Wed", "Mon") a following comma or stop ("Wed, Aug 11").
    if (int wd = Weekday(w); wd >= 0) {
      if (w.size() <= 5) {
        if (!t.Is(kTokCapitalized)) continue;
        if ((w == "sun" || w == "sat" || w == "wed" || w == "mon") &&
            !(i + 1 < end && (f(i + 1) == "," || f(i + 1) == "."))) {
          continue;
        }
      }
      int back = (static_cast<int>(published.weekday()) - wd + 7) % 7;
      uint32_t b = i;
      if (i > begin && f(i - 1) == "last") {
        if (back == 0) back = 7;
        b = i - 1;
      } else if (i > begin && (f(i - 1) == "on" || f(i - 1) == "late" || f(i - 1) == "early")) {
        b = i - 1;
      }
      uint32_t e = i + 1;
      if (e < end && IsTimeOfDay(f(e))) ++e;
      dates->push_back({b, e, published.AddDays(-back), DatePrecision::kDay});
      i = e - 1;
      continue;
    }
    if (w == "yesterday") {
      dates->push_back({i, i + 1, published.AddDays(-1), DatePrecision::kDay});
      continue;
    }
    if (w == "today" || w == "tonight") {
      dates->push_back({i, i + 1, published, DatePrecision::kDay});
      continue;
    }
    if (w == "overnight") {
      dates->push_back({i, i + 1, published.AddDays(-1), DatePrecision::kApprox});
      continue;
    }
    if ((w == "last" || w == "this") && i + 1 < end) {
      std::string_view n = f(i + 1);
      if (w == "last" && n == "night") {
        dates->push_back({i, i + 2, published.AddDays(-1), DatePrecision::kDay});
        ++i;
        continue;
      }
      if (w == "this" && IsTimeOfDay(n)) {
        dates->push_back({i, i + 2, published, DatePrecision::kDay});
        ++i;
        continue;
      }
      if (n == "week") {
        // The Monday of that week.
        bool earlier = i > begin && f(i - 1) == "earlier";
        int to_monday = (static_cast<int>(published.weekday()) + 6) % 7;
        Date monday = published.AddDays(-to_monday);
        if (w == "this") {
          dates->push_back({earlier ? i - 1 : i, i + 2, monday, DatePrecision::kWeek});
        } else {
          dates->push_back({i, i + 2, monday.AddDays(-7), DatePrecision::kWeek});
        }
        ++i;
        continue;
      }
      if (n == "month") {
        int y = py, m = pm;
        if (w == "last") {
          m -= 1;
          if (m == 0) {
            m = 12;
            --y;
          }
        }
        dates->push_back(
            {i, i + 2, Date::FromYmd(y, static_cast<unsigned>(m), 1u), DatePrecision::kMonth});
        ++i;
        continue;
      }
    }
    // "N days ago"
    if (double n = 0; ParseNumberToken(w, &n) && i + 2 < end && f(i + 2) == "ago") {
      bool vague = false;
      DatePrecision p;
      int unit = UnitDays(f(i + 1), options, &vague, &p);
      if (unit > 0 && n < 10000) {
        int days = static_cast<int>(n) * unit;
        dates->push_back({i, i + 3, published.AddDays(-days), unit == 1 ? DatePrecision::kDay : p});
        i += 2;
        continue;
      }
    }
    // Month Day [, Year]
    if (int m = Month(w); m > 0 && (t.Is(kTokCapitalized) || w.size() > 3)) {
      if (w == "may" && !t.Is(kTokCapitalized)) continue;
      uint32_t j = i + 1;
      if (j < end && f(j) == ".") ++j;
      int d = j < end ? DayNumber(f(j)) : 0;
      if (d > 0) {
        uint32_t e = j + 1;
        int y = py;
        bool year_given = false;
        uint32_t k = e;
        if (k < end && f(k) == ",") ++k;
        if (k < end && YearNumber(f(k))) {
          y = YearNumber(f(k));
          year_given = true;
          e = k + 1;
        }
        Date dt = MakeDate(y, m, d, published, options.future_slack_days, year_given);
        if (dt.IsValid()) {
          uint32_t b = i;
          if (i > begin && f(i - 1) == "on") b = i - 1;
          dates->push_back({b, e, dt, DatePrecision::kDay});
          i = e - 1;
          continue;
        }
      }
    }
    // A month alone: "in May", "since early June", "in late February",
    // "November 2012", "at the end of March" (the first of the month).
    if (int m = Month(w); m > 0 && t.Is(kTokCapitalized)) {
      uint32_t e = i + 1;
      int y = 0;
      if (e < end && YearNumber(f(e))) y = YearNumber(f(e));
      std::string_view prev = i > begin ? f(i - 1) : std::string_view();
      bool framed = prev == "in" || prev == "since" || prev == "early" || prev == "late" ||
                    prev == "mid" || prev == "of" || prev == "until" || prev == "from" ||
                    prev == "by" || prev == "-" || prev == "throughout" || prev == "during";
      if (y > 0 || (framed && (w != "may" || prev == "in" || prev == "since"))) {
        if (y > 0) {
          ++e;
        } else {
          y = py;
          if (m > pm) --y;
        }
        uint32_t b = i;
        while (b > begin &&
               (f(b - 1) == "early" || f(b - 1) == "late" || f(b - 1) == "mid" || f(b - 1) == "-" ||
                f(b - 1) == "in" || f(b - 1) == "throughout" || f(b - 1) == "during"))
          --b;
        dates->push_back(
            {b, e, Date::FromYmd(y, static_cast<unsigned>(m), 1u), DatePrecision::kMonth});
        i = e - 1;
        continue;
      }
    }
    // A year or a decade alone after a preposition: "in 2015", "since 2014",
    // "in the 1990s" (the first of January of that year).
    if (i > begin) {
      std::string_view prev = f(i - 1);
      uint32_t lead = i - 1;
      if (prev == "the" && i > begin + 1) {
        prev = f(i - 2);
        lead = i - 2;
      }
      bool framed = prev == "in" || prev == "since" || prev == "until" || prev == "from" ||
                    prev == "during" || prev == "by" || prev == "of";
      int y = YearNumber(w);
      uint32_t e = i + 1;
      bool decade = false;
      if (y == 0 && w.size() == 5 && w.back() == 's') {
        y = YearNumber(w.substr(0, 4));
        decade = true;
      } else if (y > 0 && e < end && f(e) == "s") {
        ++e;
        decade = true;
      }
      if (framed && y > 0 && (!decade || y % 10 == 0)) {
        uint32_t b = prev == "in" || prev == "during" ? lead : i;
        DateMention dm{b, e, Date::FromYmd(y, 1u, 1u), DatePrecision::kMonth};
        dm.year_only = true;
        dates->push_back(dm);
        i = e - 1;
        continue;
      }
    }
    // Day Month [Year], "12th of August", "the 12th"
    if (int d = DayNumber(w); d > 0) {
      uint32_t j = i + 1;
      if (j < end && f(j) == "of") ++j;
      int m = j < end ? Month(f(j)) : 0;
      if (m > 0 && (text.tokens[j].Is(kTokCapitalized) || f(j).size() > 3)) {
        uint32_t e = j + 1;
        int y = py;
        bool year_given = false;
        if (e < end && YearNumber(f(e))) {
          y = YearNumber(f(e));
          year_given = true;
          ++e;
        }
        Date dt = MakeDate(y, m, d, published, options.future_slack_days, year_given);
        if (dt.IsValid()) {
          uint32_t b = i;
          if (i > begin && f(i - 1) == "on") b = i - 1;
          dates->push_back({b, e, dt, DatePrecision::kDay});
          i = e - 1;
          continue;
        }
      }
      bool ordinal = w.size() > 2 && (w.back() == 'h' || w.back() == 't' || w.back() == 'd');
      if (ordinal && i > begin && f(i - 1) == "the" && i >= begin + 2 && f(i - 2) == "on") {
        int m2 = pm, y2 = py;
        if (d > static_cast<int>(published.day())) {
          if (--m2 == 0) {
            m2 = 12;
            --y2;
          }
        }
        if (ValidYmd(y2, m2, d)) {
          dates->push_back({i - 2, i + 1,
                            Date::FromYmd(y2, static_cast<unsigned>(m2), static_cast<unsigned>(d)),
                            DatePrecision::kDay});
        }
        continue;
      }
    }
    // Durations: "for weeks", "for three weeks", "for the past 10 days".
    if (w == "for" && durations != nullptr) {
      uint32_t j = i + 1;
      if (j < end && (f(j) == "the")) ++j;
      if (j < end && (f(j) == "past" || f(j) == "last")) ++j;
      double n = 0;
      bool has_n = j < end && ParseNumberToken(f(j), &n);
      if (has_n) ++j;
      if (j < end) {
        bool vague = false;
        DatePrecision p;
        int unit = UnitDays(f(j), options, &vague, &p);
        if (unit > 0 && (has_n || vague) && n < 10000) {
          int days;
          if (has_n) {
            days = static_cast<int>(n) * unit;
          } else if (unit == 1) {
            days = options.vague_days;
          } else if (unit == 7) {
            days = options.vague_weeks;
          } else if (unit == 30) {
            days = options.vague_months;
          } else {
            days = options.vague_years;
          }
          durations->push_back({i, j + 1, days, unit == 1 ? DatePrecision::kApprox : p});
          i = j;
          continue;
        }
      }
    }
  }
}

}  // namespace sitrep::coder
