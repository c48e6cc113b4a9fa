#include "store/store_rules.h"

#include <utf8proc.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>

namespace sitrep::store {

std::string FoldCase(std::string_view text) {
  // Most names are ASCII: fold those without a trip through utf8proc.
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  utf8proc_uint8_t* folded = nullptr;
  auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> hold(folded, &std::free);
  if (n < 0) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  return std::string(reinterpret_cast<const char*>(folded), static_cast<size_t>(n));
}

Status CheckReach(Date date, const DateReach& reach) {
  if (!date.IsValid()) {
    return Status(ErrorKind::kInvalidArgument, "events near an unknown date", "date");
  }
  for (int days : reach.days) {
    if (days < 0) {
      return Status(ErrorKind::kInvalidArgument, "a negative reach in days", std::to_string(days));
    }
  }
  return Status::Ok();
}

bool DateInRange(Date value, Date from, Date to) {
  if (!value.IsValid()) return !from.IsValid() && !to.IsValid();
  if (from.IsValid() && value < from) return false;
  if (to.IsValid() && value > to) return false;
  return true;
}

bool IntervalCovers(const ControlInterval& interval, Date day) {
  if (interval.from.IsValid() && interval.from > day) return false;
  if (interval.to.IsValid() && interval.to <= day) return false;
  return true;
}

bool EventMatches(const EventFilter& filter, std::string_view folded_place,
                  std::string_view folded_actor, const Event& event) {
  if (!DateInRange(event.date, filter.since, filter.until)) return false;
  if (filter.geonameid != 0 && event.place.geonameid != filter.geonameid) return false;
  if (!filter.place.empty() && FoldCase(event.place.name) != folded_place &&
      FoldCase(event.place.text) != folded_place) {
    return false;
  }
  if (!filter.actor.empty() && FoldCase(event.actor) != folded_actor &&
      FoldCase(event.target) != folded_actor) {
    return false;
  }
  if (!filter.family.empty() && !event.cameo.starts_with(filter.family)) return false;
  if (filter.claim.has_value() && event.claim != *filter.claim) return false;
  if (filter.min_corroboration > 0 && event.Corroboration() < filter.min_corroboration) {
    return false;
  }
  return true;
}

Status CheckReport(const Report& report, const std::vector<Sentence>& sentences,
                   const std::vector<ReportedFigure>& figures) {
  if (report.id.empty()) {
    return Status(ErrorKind::kInvalidArgument, "a report needs an id", "report.id");
  }
  for (const Sentence& s : sentences) {
    if (s.start > s.end || s.end > report.text.size()) {
      return Status(ErrorKind::kInvalidArgument,
                    "sentence [" + std::to_string(s.start) + ", " + std::to_string(s.end) +
                        ") lies outside the report text of " + std::to_string(report.text.size()) +
                        " bytes",
                    report.id);
    }
  }
  for (const ReportedFigure& f : figures) {
    if (f.start > f.end || f.end > report.text.size()) {
      return Status(ErrorKind::kInvalidArgument,
                    "figure sentence [" + std::to_string(f.start) + ", " + std::to_string(f.end) +
                        ") lies outside the report text",
                    report.id);
    }
  }
  return Status::Ok();
}

Status CheckEvent(const Event& event) {
  if (event.id.empty()) {
    return Status(ErrorKind::kInvalidArgument, "an event needs an id", "event.id");
  }
  for (const EventSource& s : event.sources) {
    if (s.report_id.empty()) {
      return Status(ErrorKind::kInvalidArgument, "an event source needs a report id", event.id);
    }
    if (s.start > s.end) {
      return Status(ErrorKind::kInvalidArgument, "an event source ends before it starts", event.id);
    }
  }
  return Status::Ok();
}

Status CheckControl(int64_t geonameid, const std::vector<ControlInterval>& intervals) {
  if (geonameid == 0) {
    return Status(ErrorKind::kInvalidArgument, "control needs a resolved place", "geonameid");
  }
  for (const ControlInterval& c : intervals) {
    if (c.geonameid != 0 && c.geonameid != geonameid) {
      return Status(ErrorKind::kInvalidArgument,
                    "an interval of place " + std::to_string(c.geonameid) +
                        " given as control of place " + std::to_string(geonameid),
                    std::to_string(geonameid));
    }
    if (c.from.IsValid() && c.to.IsValid() && !(c.from < c.to)) {
      return Status(
          ErrorKind::kInvalidArgument,
          "control interval [" + c.from.ToString() + ", " + c.to.ToString() + ") is empty",
          std::to_string(geonameid));
    }
  }
  return Status::Ok();
}

std::string UtcNowIso8601() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

Status InjectedFault(std::string_view what) {
  return Status(ErrorKind::kStoreError, "injected write fault", std::string(what));
}

}  // namespace sitrep::store
