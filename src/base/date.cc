#include "sitrep/date.h"

#include <chrono>
#include <cstdio>

namespace sitrep {

namespace {
namespace chr = std::chrono;
using chr::sys_days;
using chr::year_month_day;

year_month_day Ymd(int32_t days) { return year_month_day{sys_days{std::chrono::days{days}}}; }
}  // namespace

Date Date::FromYmd(int y, unsigned m, unsigned d) {
  year_month_day ymd{chr::year{y}, chr::month{m}, chr::day{d}};
  return Date(static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count()));
}

Result<Date> Date::Parse(std::string_view iso) {
  auto bad = [&] {
    return Status(ErrorKind::kBadDate, "not a date of the form YYYY-MM-DD", std::string(iso));
  };
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lens[p]; ++i) {
      char c = iso[static_cast<size_t>(starts[p] + i)];
      if (c < '0' || c > '9') return bad();
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  year_month_day ymd{chr::year{parts[0]}, chr::month{static_cast<unsigned>(parts[1])},
                     chr::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok() || parts[0] < 1) {
    return Status(ErrorKind::kBadDate, "no such calendar day", std::string(iso));
  }
  return FromYmd(parts[0], static_cast<unsigned>(parts[1]), static_cast<unsigned>(parts[2]));
}

int Date::year() const { return static_cast<int>(Ymd(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(Ymd(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(Ymd(days_).day()); }
unsigned Date::weekday() const {
  return std::chrono::weekday{sys_days{std::chrono::days{days_}}}.c_encoding();
}

std::string Date::ToString() const {
  if (!IsValid()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kApprox: return "approx";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kMonth: return "month";
  }
  return "day";
}

Result<DatePrecision> ParseDatePrecision(std::string_view name) {
  for (auto p : {DatePrecision::kDay, DatePrecision::kApprox, DatePrecision::kWeek,
                 DatePrecision::kMonth}) {
    if (DatePrecisionName(p) == name) return p;
  }
  return Status(ErrorKind::kInvalidArgument, "unknown date precision (day, approx, week, month)",
                std::string(name));
}

}  // namespace sitrep
