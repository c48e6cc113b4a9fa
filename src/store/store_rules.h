// The semantics both store backends share, kept in one place so that the
// memory store and the SQLite store answer every question alike: input
// checks, date-range membership, interval coverage, event filtering, case
// folding and the ingestion timestamp.
//
// Date ranges: a bound that is an invalid Date is open. A stored value whose
// date is invalid (unknown) lies in a range only when both bounds are open.
//
// Thread-safety: pure functions.
#ifndef SITREP_STORE_STORE_RULES_H_
#define SITREP_STORE_STORE_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::store {

// Unicode case folding after NFC composition ("HERĀT" and "herāt" fold
// alike). Text that is not valid UTF-8 is folded byte-wise (ASCII only).
std::string FoldCase(std::string_view text);

// Whether `value` lies in [from, to], open bounds as above.
bool DateInRange(Date value, Date from, Date to);

// kInvalidArgument unless `date` is valid and every reach is 0 or more
// (StoreTransaction::EventsNear).
Status CheckReach(Date date, const DateReach& reach);

// Whether `interval` holds on `day`: from <= day < to, an invalid `from`
// reaching back forever and an invalid `to` forward forever.
// REQUIRES: day.IsValid().
bool IntervalCovers(const ControlInterval& interval, Date day);

// Whether `event` (with all its sources) passes every field of `filter`
// except `limit`. `folded_place` and `folded_actor` are FoldCase() of the
// filter's place and actor, computed once by the caller.
bool EventMatches(const EventFilter& filter, std::string_view folded_place,
                  std::string_view folded_actor, const Event& event);

// Input checks of the write calls; kInvalidArgument names the field.
Status CheckReport(const Report& report, const std::vector<Sentence>& sentences,
                   const std::vector<ReportedFigure>& figures);
Status CheckEvent(const Event& event);
Status CheckControl(int64_t geonameid, const std::vector<ControlInterval>& intervals);

// The current time as ISO 8601 UTC with seconds, "2021-08-13T09:41:07Z".
std::string UtcNowIso8601();

// Whether a write of ordinal `write_number` (1-based) is the faulted one.
inline bool IsFaultedWrite(const StoreFaults& faults, long write_number) {
  return faults.fail_on_write > 0 && write_number == faults.fail_on_write;
}
Status InjectedFault(std::string_view what);

}  // namespace sitrep::store

#endif  // SITREP_STORE_STORE_RULES_H_
