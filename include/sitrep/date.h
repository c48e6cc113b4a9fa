// Date: a civil (proleptic Gregorian) calendar day, with no time of day and
// no time zone, as news reports give them.
//
// Stored as a count of days since 1970-01-01, so that comparison and
// arithmetic are integer operations. A default-constructed Date is invalid
// (IsValid() false) and sorts before every valid date.
//
// DatePrecision says how sure the day is: "day" is a stated or resolved day;
// "approx" is within a few days of it (e.g. "earlier this week", or an act
// with no stated time, dated to its report); "week" and "month" are coarser.
//
// Thread-safety: values.
#ifndef SITREP_DATE_H_
#define SITREP_DATE_H_

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "sitrep/status.h"

namespace sitrep {

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }
  // REQUIRES: a real calendar day (month 1..12, day valid for the month).
  static Date FromYmd(int year, unsigned month, unsigned day);
  // Parses "YYYY-MM-DD" strictly; kBadDate names the text otherwise.
  static Result<Date> Parse(std::string_view iso);

  constexpr bool IsValid() const { return days_ != kInvalid; }
  constexpr int32_t days() const { return days_; }
  int year() const;
  unsigned month() const;  // 1..12
  unsigned day() const;    // 1..31
  // 0 = Sunday ... 6 = Saturday.
  unsigned weekday() const;

  // "YYYY-MM-DD", or "" when invalid.
  std::string ToString() const;

  // REQUIRES: IsValid().
  constexpr Date AddDays(int32_t n) const { return Date(days_ + n); }

  friend constexpr bool operator==(Date a, Date b) = default;
  friend constexpr auto operator<=>(Date a, Date b) = default;

 private:
  static constexpr int32_t kInvalid = std::numeric_limits<int32_t>::min();
  constexpr explicit Date(int32_t d) : days_(d) {}
  int32_t days_ = kInvalid;
};

// Whole days from a to b (b - a). REQUIRES: both valid.
constexpr int32_t DaysBetween(Date a, Date b) { return b.days() - a.days(); }

enum class DatePrecision : uint8_t { kDay, kApprox, kWeek, kMonth };

std::string_view DatePrecisionName(DatePrecision p);  // "day", "approx", ...
Result<DatePrecision> ParseDatePrecision(std::string_view name);

}  // namespace sitrep

#endif  // SITREP_DATE_H_
