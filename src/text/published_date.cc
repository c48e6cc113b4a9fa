#include "text/published_date.h"

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "text/text_normalize.h"

namespace sitrep {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

Status BadDate(std::string_view text) {
  return Status(ErrorKind::kBadDate,
                "not a publication date sitrep can read; write it as YYYY-MM-DD (e.g. 2021-08-13), "
                "an ISO date-time, or \"13 August 2021\"",
                std::string(text));
}

Result<Date> MakeDate(int year, unsigned month, unsigned day, std::string_view text) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (year < 1 || !ymd.ok()) {
    return Status(ErrorKind::kBadDate, "no such calendar day", std::string(text));
  }
  return Date::FromYmd(year, month, day);
}

// 1..12 for an English month name or abbreviation, else 0.
unsigned MonthNumber(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string w = LowerCase(word);
  if (w == "sept") return 9;
  for (unsigned m = 0; m < kMonths.size(); ++m) {
    if (w == kMonths[m]) return m + 1;
    if (w.size() == 3 && kMonths[m].starts_with(w)) return m + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  static constexpr std::array<std::string_view, 7> kShort = {"tues",  "wed",  "thu", "thur",
                                                             "thurs", "weds", "fri"};
  const std::string w = LowerCase(word);
  for (std::string_view d : kDays) {
    if (w == d || (w.size() == 3 && d.starts_with(w))) return true;
  }
  for (std::string_view d : kShort) {
    if (w == d) return true;
  }
  return false;
}

// "2021-08-13", optionally followed by a time: 'T' or ' ' and a digit.
std::optional<Result<Date>> ParseIso(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(text[i])) return std::nullopt;
  }
  const std::string_view rest = text.substr(10);
  if (!rest.empty()) {
    if ((rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') || rest.size() < 2 ||
        !IsDigit(rest[1])) {
      return Result<Date>(BadDate(text));
    }
  }
  auto date = Date::Parse(text.substr(0, 10));
  if (!date.ok())
    return Result<Date>(Status(ErrorKind::kBadDate, "no such calendar day", std::string(text)));
  return date;
}

struct Token {
  std::string_view word;  // letters or digits, never mixed except ordinals ("13th")
  size_t end = 0;         // offset just past the word in the text
};

// Splits "Fri., 13 Aug. 2021" into words, dropping ',' '.' and spaces.
// Stops at the first character that is none of those (e.g. ':' of a time).
std::vector<Token> Words(std::string_view text, size_t max_words) {
  std::vector<Token> words;
  size_t i = 0;
  while (i < text.size() && words.size() < max_words) {
    const char c = text[i];
    if (c == ' ' || c == ',' || c == '.' || c == '\t') {
      ++i;
      continue;
    }
    if (!IsAlpha(c) && !IsDigit(c)) break;
    size_t j = i;
    while (j < text.size() && (IsAlpha(text[j]) || IsDigit(text[j]))) ++j;
    words.push_back({text.substr(i, j - i), j});
    i = j;
  }
  return words;
}

// Day of month from "13" or "13th"; 0 when it is not one.
unsigned DayNumber(std::string_view word) {
  size_t digits = 0;
  while (digits < word.size() && IsDigit(word[digits])) ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string suffix = LowerCase(word.substr(digits));
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return 0;
  }
  unsigned day = 0;
  for (size_t i = 0; i < digits; ++i) day = day * 10 + static_cast<unsigned>(word[i] - '0');
  return day;
}

int YearNumber(std::string_view word) {
  if (word.size() != 4) return 0;
  int year = 0;
  for (char c : word) {
    if (!IsDigit(c)) return 0;
    year = year * 10 + (c - '0');
  }
  return year;
}

// What may follow the year: nothing, or a time of day ("10:30 AM", "10.30 GMT").
bool IsTimeTail(std::string_view tail) {
  tail = TrimWhitespace(tail);
  while (!tail.empty() && (tail[0] == ',' || tail[0] == '-')) tail = TrimWhitespace(tail.substr(1));
  if (tail.empty()) return true;
  if (LowerCase(tail.substr(0, 3)) == "at ") tail = TrimWhitespace(tail.substr(3));
  return !tail.empty() && IsDigit(tail[0]);
}

}  // namespace

Result<Date> ParsePublishedDate(std::string_view raw) {
  const std::string_view text = TrimWhitespace(raw);
  if (text.empty()) return BadDate(raw);
  if (auto iso = ParseIso(text)) return *std::move(iso);

  std::vector<Token> words = Words(text, 4);
  size_t k = 0;
  if (k < words.size() && IsWeekday(words[k].word)) ++k;
  if (words.size() < k + 3) return BadDate(text);
  unsigned day = 0, month = 0;
  if ((day = DayNumber(words[k].word)) != 0) {
    month = MonthNumber(words[k + 1].word);  // 13 August 2021
  } else if ((month = MonthNumber(words[k].word)) != 0) {
    day = DayNumber(words[k + 1].word);  // August 13, 2021
  }
  const int year = YearNumber(words[k + 2].word);
  if (day == 0 || month == 0 || year == 0) return BadDate(text);
  if (!IsTimeTail(text.substr(words[k + 2].end))) return BadDate(text);
  return MakeDate(year, month, day, text);
}

}  // namespace sitrep
