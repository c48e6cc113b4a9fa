// Publication dates as reports and web pages write them.
//
// ParsePublishedDate accepts:
//   - an ISO 8601 date, "2021-08-13";
//   - an ISO 8601 date-time, "2021-08-13T09:30:00+04:30" or
//     "2021-08-13 09:30": the date part is taken as written, without moving
//     it to another time zone (the outlet's own calendar day is the one its
//     relative dates such as "on Thursday" count from);
//   - common written English forms, with an optional leading weekday, an
//     optional ordinal suffix and an optional trailing time of day:
//     "13 August 2021", "August 13, 2021", "Aug. 13, 2021", "13th Aug 2021",
//     "Friday, 13 August 2021", "August 13, 2021 10:30 AM".
// Numeric forms with slashes ("08/13/2021") are refused: they are ambiguous
// between day-first and month-first conventions.
//
// Thread-safety: pure function.
#ifndef SITREP_TEXT_PUBLISHED_DATE_H_
#define SITREP_TEXT_PUBLISHED_DATE_H_

#include <string_view>

#include "sitrep/date.h"
#include "sitrep/status.h"

namespace sitrep {

// kBadDate, naming `text`, when it is none of the forms above or not a real
// calendar day.
Result<Date> ParsePublishedDate(std::string_view text);

}  // namespace sitrep

#endif  // SITREP_TEXT_PUBLISHED_DATE_H_
