// Store: where reports, their sentences, merged events with all their
// sources, reported figures and control intervals are kept.
//
// The store is an interface so that the coder and the picture never see
// SQL: the embedded default is SQLite (OpenSqliteStore); a PostgreSQL
// backend can be added behind the same interface. NewMemoryStore() is a
// complete in-memory implementation for tests, with fault injection.
//
// Writes happen only inside a StoreTransaction: one per report, so that a
// report is stored whole with its events and the control it changes, or not
// at all. A transaction that is destroyed without Commit() rolls back. A
// write call that fails leaves nothing of itself; any failure other than
// kDuplicate also marks the transaction failed, and its Commit() then rolls
// everything back and returns kStoreError, so that no part of a report can
// be kept by mistake. Reads inside a transaction see its own writes; reads
// of the Store see committed state only.
//
// Dates in ranges: an invalid bound is open, and a stored value with an
// invalid (unknown) date lies in a range only when both bounds are open.
// Text matches (place, actor) are whole-string and case-insensitive after
// Unicode case folding.
//
// Errors: kStoreError with the database's message and what was being done
// (the input), kCorrupt for a damaged file or a stored value that cannot be
// read back, kUnavailable for a database of a newer schema, kInvalidArgument
// for a write whose values break the model (no id, offsets past the text).
//
// Thread-safety: a Store may be shared by threads for reads; at most one
// StoreTransaction is open per Store at a time (Begin() waits for the
// database's write lock, up to the busy timeout). A StoreTransaction is used
// by one thread. REQUIRES: a StoreTransaction is destroyed before its Store.
#ifndef SITREP_STORE_H_
#define SITREP_STORE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model.h"
#include "sitrep/status.h"

namespace sitrep {

struct EventFilter {
  Date since;             // inclusive; invalid = open
  Date until;             // inclusive; invalid = open
  int64_t geonameid = 0;  // 0 = any place
  std::string place;      // place name (resolved name or text), case-insensitive; "" = any
  std::string actor;      // actor or target, canonical name, case-insensitive; "" = any
  std::string family;     // CAMEO code prefix, "19" or "192"; "" = any
  std::optional<ClaimStatus> claim;
  int min_corroboration = 0;  // distinct outlets
  size_t limit = 0;           // 0 = all
};

// How far from a date, in days, an event may lie to count as near it, by
// the event's own date precision (indexed by DatePrecision: day, approx,
// week, month): an event dated only to a month lies "near" more days.
struct DateReach {
  std::array<int, 4> days{};
  int For(DatePrecision p) const { return days[static_cast<size_t>(p)]; }
};

struct StoreStats {
  int64_t reports = 0;
  int64_t events = 0;
  int64_t sources = 0;
  int64_t control_intervals = 0;
  int schema_version = 0;
};

class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;  // rolls back unless committed

  virtual Result<bool> HasReport(std::string_view report_id) = 0;
  // Stores the report, its sentences and figures; the store sets
  // Report::ingested_at and each figure's report_id. kDuplicate if its id is
  // already stored (the transaction stays usable, nothing is written).
  virtual Status PutReport(const Report& report, const std::vector<Sentence>& sentences,
                           const std::vector<ReportedFigure>& figures) = 0;
  // Events at a place whose CAMEO code starts with `family` ("19"; "" =
  // any) and whose date lies within reach.For(its own date precision) days
  // of `date`, by date then id, with all their sources: the merge
  // candidates of an event dated `date`. Place 0 means the events whose
  // place is unresolved. Events of unknown date are never near.
  // REQUIRES: date.IsValid() (kInvalidArgument otherwise), reaches >= 0.
  virtual Result<std::vector<Event>> EventsNear(int64_t geonameid, Date date,
                                                const DateReach& reach,
                                                std::string_view family) = 0;
  // Every event at a place, oldest first, for recomputing its control: each
  // source has its report id, offsets, claim and claimant, but not its
  // sentence, outlet, URL or published date (left empty), which the control
  // rules do not read and which make up most of what a busy place's events
  // would otherwise cost to read back.
  virtual Result<std::vector<Event>> EventsAtPlace(int64_t geonameid) = 0;
  // Inserts the event, or updates every field if its id exists; its sources
  // are added (a source is identified by report id and sentence offsets; one
  // already stored takes the new sentence text, claim and claimant). Each
  // source's report must be stored (kStoreError otherwise). A source's
  // outlet, url and published date are those of its stored report.
  virtual Status PutEvent(const Event& event) = 0;
  // Replaces every control interval of a place (none: the place has no
  // control). An interval's geonameid must be 0 or `geonameid`.
  virtual Status ReplaceControl(int64_t geonameid,
                                const std::vector<ControlInterval>& intervals) = 0;
  // kStoreError if a write failed (everything is rolled back then).
  virtual Status Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Result<std::unique_ptr<StoreTransaction>> Begin() = 0;

  virtual Result<bool> HasReport(std::string_view report_id) = 0;
  virtual Result<std::optional<Report>> GetReport(std::string_view report_id) = 0;
  // The sentence offsets of a report, in text order; empty if it is not stored.
  virtual Result<std::vector<Sentence>> Sentences(std::string_view report_id) = 0;
  // Reports without their text, oldest published first (unknown dates
  // first), then by id.
  virtual Result<std::vector<Report>> ListReports() = 0;
  // Events matching the filter, by date then id, with all their sources.
  virtual Result<std::vector<Event>> Events(const EventFilter& filter) = 0;
  virtual Result<std::optional<Event>> GetEvent(std::string_view event_id) = 0;
  // Figures of one report, or of all reports when report_id is "".
  virtual Result<std::vector<ReportedFigure>> Figures(std::string_view report_id) = 0;
  // For each place with intervals, the one covering `as_of` (from <= as_of <
  // to), by place id; should intervals overlap, the latest start wins.
  // REQUIRES: as_of.IsValid() (kInvalidArgument otherwise).
  virtual Result<std::vector<ControlInterval>> ControlAsOf(Date as_of) = 0;
  // Every interval of a place, oldest first.
  virtual Result<std::vector<ControlInterval>> ControlHistory(int64_t geonameid) = 0;
  // Every interval that starts in [from, to], by start date then place id.
  virtual Result<std::vector<ControlInterval>> ControlStarts(Date from, Date to) = 0;
  // Ids of every place that has at least one event.
  virtual Result<std::vector<int64_t>> EventPlaces() = 0;
  virtual Result<StoreStats> Stats() = 0;
};

// Faults a store can be told to inject, for tests.
struct StoreFaults {
  // The Nth write call (PutReport/PutEvent/ReplaceControl, counting from 1
  // over the store's life) fails with kStoreError; 0 = never. The SQLite
  // store fails it after the call's statements have run, so that the
  // rollback of work already done is what gets tested.
  int fail_on_write = 0;
  // Memory store only: how long Begin() waits for a transaction that is
  // still open, in milliseconds (SQLite uses SqliteOptions::busy_timeout_ms).
  int busy_timeout_ms = 10000;
};

struct SqliteOptions {
  // How long Begin() waits for another writer, in milliseconds.
  int busy_timeout_ms = 10000;
  // synchronous=FULL (true) survives power loss; NORMAL survives a crash of
  // the process, which is what WAL guarantees at a lower cost.
  bool full_sync = false;
  // How much of the database file each connection maps into memory, in
  // bytes, so that reads do not copy pages through system calls (0 = none).
  // Address space only: the pages are the operating system's file cache.
  int64_t mmap_bytes = int64_t{1} << 30;
  // Open without writing: Begin() gives kUnavailable, the file must exist
  // and be at the current schema version.
  bool read_only = false;
  // For tests: the same write faults as the memory store.
  StoreFaults faults;
};

// Opens (creating if needed, and migrating to the current schema) a SQLite
// database in WAL mode with foreign keys on. `path` is a file path. Errors:
// kCorrupt for a file that is not a SQLite database or is damaged;
// kUnavailable for a database of a newer schema than this build;
// kInvalidArgument for a SQLite database of another program (tables but no
// schema_version); kNotFound for a read-only open of a missing file;
// kStoreError for anything else SQLite refuses.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteOptions& options = {});

// A complete store in memory, with the same semantics as the SQLite one
// (transactions, kDuplicate, ordering, filters), for tests.
std::unique_ptr<Store> NewMemoryStore(StoreFaults faults = {});

// The schema version this build writes.
int CurrentSchemaVersion();

}  // namespace sitrep

#endif  // SITREP_STORE_H_
