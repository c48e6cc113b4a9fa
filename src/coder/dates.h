// Date expressions in a sentence, resolved against the report's
// publication date.
//
//   "on Thursday", "Wednesday evening"  the latest such weekday on or before
//                                       the publication date (day)
//   "last Thursday"                     the one before that if the report is
//                                       itself of a Thursday (day)
//   "yesterday", "last night"           published - 1 (day)
//   "today", "tonight", "this morning"  published (day)
//   "earlier this week", "this week"    the Monday of the publication week (week)
//   "last week"                         the Monday before that (week)
//   "in May", "since early June", "November 2012"
//                                       the first of that month (month), in
//                                       the latest such month not after
//                                       publication when no year is given
//   "last month", "this month"          the month's first day (month)
//   "Aug. 12", "12 August", "August 12, 2021", "the 12th"
//                                       that day; a year-less date is put in
//                                       the latest year that does not place
//                                       it more than a week after publication
//   "N days ago", "two weeks ago"       published - N (day / week)
//   "in 2015", "since 2014", "in the 1990s"
//                                       the first of January of that year
//                                       (month, marked year_only)
//
// Durations ("for weeks", "for three months", "for 10 days") give a number
// of days; a bare plural unit means at least two of them ("for weeks" = 14
// days), per DateOptions.
//
// Thread-safety: reentrant.
#ifndef SITREP_CODER_DATES_H_
#define SITREP_CODER_DATES_H_

#include <cstdint>
#include <vector>

#include "coder/tokenizer.h"
#include "sitrep/date.h"

namespace sitrep::coder {

struct DateOptions {
  int vague_days = 2;     // "for days"
  int vague_weeks = 14;   // "for weeks", in days
  int vague_months = 60;  // "for months", in days
  int vague_years = 730;  // "for years", in days
  // A year-less date up to this many days after publication is taken as this
  // year's (reports of scheduled events); later ones as last year's.
  int future_slack_days = 7;
};

struct DateMention {
  uint32_t begin = 0;  // token range
  uint32_t end = 0;
  Date date;
  DatePrecision precision = DatePrecision::kDay;
  // A year or decade with no month ("in 2015", "in the 1990s"): the date is
  // its first of January, precision kMonth (the coarsest the model has).
  bool year_only = false;
};

struct DurationMention {
  uint32_t begin = 0;  // token range, including "for"
  uint32_t end = 0;
  int days = 0;
  DatePrecision precision = DatePrecision::kWeek;
};

// Finds date and duration expressions among tokens [begin, end).
void FindDates(const TokenizedText& text, uint32_t begin, uint32_t end, Date published,
               const DateOptions& options, std::vector<DateMention>* dates,
               std::vector<DurationMention>* durations);

// Parses a number word or numeral ("three", "12", "3,000", "dozens") into a
// value; false if the token is not a number.
bool ParseNumberToken(std::string_view folded, double* value);

}  // namespace sitrep::coder

#endif  // SITREP_CODER_DATES_H_
