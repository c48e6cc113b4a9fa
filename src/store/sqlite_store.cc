// The SQLite store.
//
// Connections: one writer connection, used by the open transaction only, so
// that readers never see uncommitted work; and a pool of reader connections,
// each used by one thread at a time, so that reads run alongside the writer
// (WAL mode). A read that takes more than one statement runs in a read
// transaction so it sees one snapshot.
//
// Each write call runs inside a savepoint: a failed call leaves nothing of
// itself, and marks the transaction failed so that Commit() rolls back the
// whole report.

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

#include "sitrep/store.h"
#include "store/schema.h"
#include "store/sqlite_connection.h"
#include "store/store_rules.h"

namespace sitrep {
namespace {

using store::SqliteConnection;
using store::Statement;
using Json = nlohmann::json;

// ---------------------------------------------------------------- encoding

std::string QuantitiesJson(const std::vector<Quantity>& quantities) {
  Json out = Json::array();
  for (const Quantity& q : quantities) {
    out.push_back({{"what", q.what}, {"value", q.value}, {"unit", q.unit}, {"text", q.text}});
  }
  return out.dump();
}

std::string EvidenceJson(const std::vector<std::string>& evidence) { return Json(evidence).dump(); }

Status CorruptJson(std::string_view field, std::string_view text, std::string_view path) {
  return Status(ErrorKind::kCorrupt, "stored JSON is not as written: " + std::string(text),
                std::string(path) + ": " + std::string(field));
}

Result<std::vector<Quantity>> ParseQuantities(std::string_view text, std::string_view path) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return CorruptJson("events.quantities", text, path);
  std::vector<Quantity> out;
  for (const Json& q : j) {
    if (!q.is_object() || !q.contains("value") || !q["value"].is_number()) {
      return CorruptJson("events.quantities", text, path);
    }
    Quantity quantity;
    auto text_of = [&](const char* key) {
      auto it = q.find(key);
      return it != q.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    quantity.what = text_of("what");
    quantity.value = q["value"].get<double>();
    quantity.unit = text_of("unit");
    quantity.text = text_of("text");
    out.push_back(std::move(quantity));
  }
  return out;
}

// The common case of evidence, an array of strings without escapes, read
// without a JSON parser: ControlAsOf reads one per place.
bool ParsePlainStringArray(std::string_view text, std::vector<std::string>* out) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return false;
  size_t i = 1;
  const size_t end = text.size() - 1;
  if (i == end) return true;
  for (;;) {
    if (text[i] != '"') return false;
    size_t close = text.find('"', i + 1);
    if (close == std::string_view::npos || close >= end) return false;
    std::string_view item = text.substr(i + 1, close - i - 1);
    if (item.find('\\') != std::string_view::npos) return false;
    for (char c : item) {
      if (static_cast<unsigned char>(c) < 0x20) return false;
    }
    out->emplace_back(item);
    i = close + 1;
    if (i == end) return true;
    if (text[i] != ',') return false;
    ++i;
  }
}

Result<std::vector<std::string>> ParseEvidence(std::string_view text, std::string_view path) {
  std::vector<std::string> plain;
  if (ParsePlainStringArray(text, &plain)) return plain;
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return CorruptJson("control_intervals.evidence", text, path);
  std::vector<std::string> out;
  for (const Json& id : j) {
    if (!id.is_string()) return CorruptJson("control_intervals.evidence", text, path);
    out.push_back(id.get<std::string>());
  }
  return out;
}

// Parses a stored enumeration name; kCorrupt names the column otherwise.
template <typename E>
Result<E> ParseStored(Result<E> (*parse)(std::string_view), std::string_view text,
                      std::string_view field, std::string_view row, std::string_view path) {
  auto value = parse(text);
  if (!value.ok()) {
    return Status(ErrorKind::kCorrupt,
                  "stored value '" + std::string(text) + "' is not a known name",
                  std::string(path) + ": " + std::string(field) + " of " + std::string(row));
  }
  return *value;
}

// The smallest string greater than every string that starts with `prefix`,
// or "" if there is none (a prefix of 0xFF bytes only).
std::string PrefixUpperBound(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

// ---------------------------------------------------------------- SQL

constexpr std::string_view kReportColumns =
    "id, url, outlet, published, title, language, ingested_at, origin, text";

Result<Report> ReadReport(const Statement& st, bool with_text, std::string_view path) {
  Report r;
  r.id = st.Text(0);
  r.url = st.Text(1);
  r.outlet = st.Text(2);
  SITREP_ASSIGN_OR_RETURN(r.published, st.DateAt(3, "reports.published", r.id));
  r.title = st.Text(4);
  r.language = st.Text(5);
  r.ingested_at = st.Text(6);
  r.origin = st.Text(7);
  if (with_text) r.text = st.Text(8);
  (void)path;
  return r;
}

constexpr std::string_view kEventColumns =
    "e.id, e.date, e.date_precision, e.start_date, e.start_precision, e.cameo, e.action, "
    "e.plover, e.plover_mode, e.acled_type, e.acled_subtype, e.effect, e.actor, e.actor_code, "
    "e.target, e.target_code, e.object, e.geonameid, e.place_name, e.place_kind, e.admin1, "
    "e.country, e.lat, e.lon, e.precision, e.place_text, e.facility, e.claim, e.claimant, "
    "e.quantities, e.confidence";

constexpr int kEventColumnCount = 31;

Result<Event> ReadEvent(const Statement& st, std::string_view path) {
  Event e;
  e.id = st.Text(0);
  const std::string_view of = e.id;
  SITREP_ASSIGN_OR_RETURN(e.date, st.DateAt(1, "events.date", of));
  SITREP_ASSIGN_OR_RETURN(e.date_precision, ParseStored(&ParseDatePrecision, st.Text(2),
                                                        "events.date_precision", of, path));
  SITREP_ASSIGN_OR_RETURN(e.start_date, st.DateAt(3, "events.start_date", of));
  SITREP_ASSIGN_OR_RETURN(e.start_precision, ParseStored(&ParseDatePrecision, st.Text(4),
                                                         "events.start_precision", of, path));
  e.cameo = st.Text(5);
  e.action = st.Text(6);
  e.plover = st.Text(7);
  e.plover_mode = st.Text(8);
  e.acled_type = st.Text(9);
  e.acled_subtype = st.Text(10);
  SITREP_ASSIGN_OR_RETURN(e.effect,
                          ParseStored(&ParseControlEffect, st.Text(11), "events.effect", of, path));
  e.actor = st.Text(12);
  e.actor_code = st.Text(13);
  e.target = st.Text(14);
  e.target_code = st.Text(15);
  e.object = st.Text(16);
  e.place.geonameid = st.IsNull(17) ? 0 : st.Int(17);
  e.place.name = st.Text(18);
  SITREP_ASSIGN_OR_RETURN(e.place.kind,
                          ParseStored(&ParsePlaceKind, st.Text(19), "events.place_kind", of, path));
  e.place.admin1 = st.Text(20);
  e.place.country = st.Text(21);
  e.place.lat = st.Real(22);
  e.place.lon = st.Real(23);
  SITREP_ASSIGN_OR_RETURN(e.place.precision, ParseStored(&ParseGeoPrecision, st.Text(24),
                                                         "events.precision", of, path));
  e.place.text = st.Text(25);
  e.place.facility = st.Text(26);
  SITREP_ASSIGN_OR_RETURN(e.claim,
                          ParseStored(&ParseClaimStatus, st.Text(27), "events.claim", of, path));
  e.claimant = st.Text(28);
  SITREP_ASSIGN_OR_RETURN(e.quantities, ParseQuantities(st.Text(29), path));
  e.confidence = st.Real(30);
  return e;
}

constexpr std::string_view kSourceColumns =
    "s.event_id, s.report_id, r.outlet, r.url, r.published, s.sentence, s.start, s.\"end\", "
    "s.claim, s.claimant";
// The same columns with only what identifies a source and its claim: no
// join with reports, no sentence text (StoreTransaction::EventsAtPlace).
constexpr std::string_view kSourceKeyColumns =
    "s.event_id, s.report_id, '', '', NULL, '', s.start, s.\"end\", s.claim, s.claimant";

// Reads the source columns starting at column `at` (s.event_id).
Result<EventSource> ReadSource(const Statement& st, int at, std::string_view path) {
  EventSource s;
  s.report_id = st.Text(at + 1);
  s.outlet = st.Text(at + 2);
  s.url = st.Text(at + 3);
  SITREP_ASSIGN_OR_RETURN(s.published, st.DateAt(at + 4, "reports.published", s.report_id));
  s.sentence = st.Text(at + 5);
  s.start = static_cast<uint32_t>(st.Int(at + 6));
  s.end = static_cast<uint32_t>(st.Int(at + 7));
  SITREP_ASSIGN_OR_RETURN(s.claim, ParseStored(&ParseClaimStatus, st.Text(at + 8),
                                               "event_sources.claim", s.report_id, path));
  s.claimant = st.Text(at + 9);
  return s;
}

constexpr std::string_view kControlColumns =
    "rowid, geonameid, place_name, holder, challenger, status, \"from\", \"to\", evidence";

struct StoredInterval {
  int64_t rowid = 0;
  ControlInterval interval;
};

Result<StoredInterval> ReadInterval(const Statement& st, std::string_view path) {
  StoredInterval out;
  out.rowid = st.Int(0);
  ControlInterval& c = out.interval;
  c.geonameid = st.Int(1);
  char place[24];
  const std::string_view of(
      place,
      static_cast<size_t>(std::to_chars(place, place + sizeof place, c.geonameid).ptr - place));
  c.place_name = st.Text(2);
  c.holder = st.Text(3);
  c.challenger = st.Text(4);
  SITREP_ASSIGN_OR_RETURN(
      c.status, ParseStored(&ParseControlStatus, st.Text(5), "control_intervals.status", of, path));
  SITREP_ASSIGN_OR_RETURN(c.from, st.DateAt(6, "control_intervals.from", of));
  SITREP_ASSIGN_OR_RETURN(c.to, st.DateAt(7, "control_intervals.to", of));
  SITREP_ASSIGN_OR_RETURN(c.evidence, ParseEvidence(st.Text(8), path));
  return out;
}

// Reads every row of `st` into intervals.
Result<std::vector<StoredInterval>> ReadIntervals(Statement& st, std::string_view path) {
  std::vector<StoredInterval> out;
  for (;;) {
    SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    auto c = ReadInterval(st, path);
    if (!c.ok()) return c.status();
    out.push_back(std::move(*c));
  }
}

std::vector<ControlInterval> Intervals(std::vector<StoredInterval> stored) {
  std::vector<ControlInterval> out;
  out.reserve(stored.size());
  for (StoredInterval& s : stored) out.push_back(std::move(s.interval));
  return out;
}

// The WHERE clause of an event filter, with named parameters; the text
// depends only on which fields are set, so each shape is prepared once.
std::string EventWhere(const EventFilter& f, bool unresolved_only) {
  std::string where = unresolved_only ? "WHERE e.geonameid IS NULL" : "WHERE 1";
  if (f.since.IsValid()) where += " AND e.date >= :since";
  if (f.until.IsValid()) where += " AND e.date <= :until";
  if (f.geonameid != 0) where += " AND e.geonameid = :geonameid";
  if (!f.place.empty()) {
    where += " AND (sitrep_fold(e.place_name) = :place OR sitrep_fold(e.place_text) = :place)";
  }
  if (!f.actor.empty()) {
    where += " AND (sitrep_fold(e.actor) = :actor OR sitrep_fold(e.target) = :actor)";
  }
  if (!f.family.empty()) {
    where += " AND e.cameo >= :family";
    if (!PrefixUpperBound(f.family).empty()) where += " AND e.cameo < :family_end";
  }
  if (f.claim.has_value()) where += " AND e.claim = :claim";
  if (f.min_corroboration > 0) {
    // Distinct outlets, a report without an outlet counting on its own (as
    // Event::Corroboration does).
    where +=
        " AND (SELECT COUNT(DISTINCT IIF(r.outlet = '', s.report_id, r.outlet))"
        " FROM event_sources s JOIN reports r ON r.id = s.report_id"
        " WHERE s.event_id = e.id) >= :min_corroboration";
  }
  return where;
}

void BindEventFilter(const EventFilter& f, Statement& st) {
  auto bind_text = [&](const char* name, std::string_view value) {
    if (int i = st.Index(name); i > 0) st.Bind(i, value);
  };
  if (int i = st.Index(":since"); i > 0) st.Bind(i, f.since);
  if (int i = st.Index(":until"); i > 0) st.Bind(i, f.until);
  if (int i = st.Index(":geonameid"); i > 0) st.Bind(i, f.geonameid);
  bind_text(":place", store::FoldCase(f.place));
  bind_text(":actor", store::FoldCase(f.actor));
  bind_text(":family", f.family);
  bind_text(":family_end", PrefixUpperBound(f.family));
  if (f.claim.has_value()) bind_text(":claim", ClaimStatusName(*f.claim));
  if (int i = st.Index(":min_corroboration"); i > 0) {
    st.Bind(i, static_cast<int64_t>(f.min_corroboration));
  }
  if (int i = st.Index(":limit"); i > 0) st.Bind(i, static_cast<int64_t>(f.limit));
}

// Events matching `filter` with all their sources: one query for the events
// and one for all of their sources.
// With `unresolved_only`, only events whose place is unresolved (the
// transaction's "place 0").
// With `reach`, only events within reach->For(their precision) days of
// `center` (the index range is the filter's since..until).
Result<std::vector<Event>> LoadEvents(SqliteConnection& c, const EventFilter& filter,
                                      bool unresolved_only = false, bool source_texts = true,
                                      const DateReach* reach = nullptr, Date center = Date()) {
  // One pass: each matching event joined to its sources, the event's columns
  // repeated on each of its source rows.
  const std::string limit = filter.limit > 0 ? " LIMIT :limit" : "";
  SITREP_ASSIGN_OR_RETURN(
      Statement st,
      c.Prepare("SELECT " + std::string(kEventColumns) + ", " +
                    std::string(source_texts ? kSourceColumns : kSourceKeyColumns) +
                    " FROM (SELECT * FROM events e " + EventWhere(filter, unresolved_only) +
                    (reach == nullptr ? ""
                                      : " AND ABS(julianday(e.date) - julianday(:center)) <="
                                        " CASE e.date_precision WHEN 'day' THEN :reach_day"
                                        " WHEN 'approx' THEN :reach_approx"
                                        " WHEN 'week' THEN :reach_week ELSE :reach_month END") +
                    " ORDER BY e.date, e.id" + limit +
                    ") e LEFT JOIN event_sources s ON s.event_id = e.id" +
                    (source_texts ? " LEFT JOIN reports r ON r.id = s.report_id" : "") +
                    " ORDER BY e.date, e.id, s.rowid",
                "reading events"));
  BindEventFilter(filter, st);
  if (reach != nullptr) {
    st.Bind(st.Index(":center"), center);
    st.Bind(st.Index(":reach_day"), int64_t{reach->For(DatePrecision::kDay)});
    st.Bind(st.Index(":reach_approx"), int64_t{reach->For(DatePrecision::kApprox)});
    st.Bind(st.Index(":reach_week"), int64_t{reach->For(DatePrecision::kWeek)});
    st.Bind(st.Index(":reach_month"), int64_t{reach->For(DatePrecision::kMonth)});
  }
  std::vector<Event> events;
  for (;;) {
    SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return events;
    if (events.empty() || events.back().id != st.Text(0)) {
      SITREP_ASSIGN_OR_RETURN(Event e, ReadEvent(st, c.path()));
      events.push_back(std::move(e));
    }
    if (!st.IsNull(kEventColumnCount)) {
      SITREP_ASSIGN_OR_RETURN(EventSource source, ReadSource(st, kEventColumnCount, c.path()));
      events.back().sources.push_back(std::move(source));
    }
  }
}

// Runs `body` in a read transaction on `c`, so that it sees one snapshot.
template <typename T, typename F>
Result<T> InReadTransaction(SqliteConnection& c, F&& body) {
  SITREP_RETURN_IF_ERROR(c.Exec("BEGIN", "starting a read"));
  Result<T> out = body();
  Status end = c.Exec(out.ok() ? "COMMIT" : "ROLLBACK", "ending a read");
  if (out.ok() && !end.ok()) return end;
  return out;
}

// ---------------------------------------------------------------- migrations

// The schema version of the database on `c`: 0 for an empty database.
Result<int> SchemaVersion(SqliteConnection& c) {
  SITREP_ASSIGN_OR_RETURN(
      Statement tables,
      c.Prepare("SELECT COUNT(*), COALESCE(SUM(name = 'schema_version'), 0) FROM sqlite_schema"
                " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                "reading the schema"));
  SITREP_ASSIGN_OR_RETURN(bool row, tables.Step());
  if (!row) return Status(ErrorKind::kInternal, "no row from COUNT(*)", c.path());
  const int64_t table_count = tables.Int(0);
  const bool has_version = tables.Int(1) > 0;
  if (!has_version) {
    if (table_count > 0) {
      return Status(ErrorKind::kInvalidArgument,
                    "not a sitrep database: it has tables but no schema_version table", c.path());
    }
    return 0;
  }
  SITREP_ASSIGN_OR_RETURN(Statement version,
                          c.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version",
                                    "reading the schema version"));
  SITREP_ASSIGN_OR_RETURN(row, version.Step());
  return row ? static_cast<int>(version.Int(0)) : 0;
}

Status RefuseNewer(int version, const std::string& path) {
  return Status(ErrorKind::kUnavailable,
                "the database has schema version " + std::to_string(version) +
                    ", newer than this build of sitrep reads (" +
                    std::to_string(CurrentSchemaVersion()) + "); use a newer sitrep",
                path);
}

// Applies the pending migrations, one transaction each.
Status Migrate(SqliteConnection& c) {
  SITREP_ASSIGN_OR_RETURN(int version, SchemaVersion(c));
  if (version > CurrentSchemaVersion()) return RefuseNewer(version, c.path());
  const auto migrations = store::Migrations();
  for (int next = version + 1; next <= CurrentSchemaVersion(); ++next) {
    const std::string what = "migrating to schema version " + std::to_string(next);
    SITREP_RETURN_IF_ERROR(c.Exec("BEGIN IMMEDIATE", what));
    Status s = [&]() -> Status {
      // Another process may have migrated while this one waited.
      SITREP_ASSIGN_OR_RETURN(int now, SchemaVersion(c));
      if (now >= next) return Status::Ok();
      SITREP_RETURN_IF_ERROR(c.Exec(migrations[static_cast<size_t>(next - 1)], what));
      SITREP_ASSIGN_OR_RETURN(
          Statement record,
          c.Prepare("INSERT INTO schema_version (version, applied_at) VALUES (?1, ?2)", what));
      record.Bind(1, static_cast<int64_t>(next));
      record.Bind(2, std::string_view(store::UtcNowIso8601()));
      return record.Run();
    }();
    if (s.ok()) s = c.Exec("COMMIT", what);
    if (!s.ok()) {
      (void)c.Exec("ROLLBACK", what);
      return s;
    }
  }
  return Status::Ok();
}

// ---------------------------------------------------------------- the store

class SqliteStore;

class SqliteTransaction final : public StoreTransaction {
 public:
  SqliteTransaction(SqliteStore* store, SqliteConnection* c) : store_(store), c_(c) {}
  ~SqliteTransaction() override;

  Result<bool> HasReport(std::string_view report_id) override;
  Status PutReport(const Report& report, const std::vector<Sentence>& sentences,
                   const std::vector<ReportedFigure>& figures) override;
  Result<std::vector<Event>> EventsNear(int64_t geonameid, Date date, const DateReach& reach,
                                        std::string_view family) override;
  Result<std::vector<Event>> EventsAtPlace(int64_t geonameid) override;
  Status PutEvent(const Event& event) override;
  Status ReplaceControl(int64_t geonameid, const std::vector<ControlInterval>& intervals) override;
  Status Commit() override;

 private:
  Status Usable() const {
    if (done_) {
      return Status(ErrorKind::kInvalidArgument, "the transaction is already committed",
                    c_->path());
    }
    return Status::Ok();
  }
  // Runs one write call `body` in a savepoint, with fault injection.
  template <typename F>
  Status Write(const std::string& what, F&& body);

  SqliteStore* store_;
  SqliteConnection* c_;
  Status failure_;
  bool done_ = false;
};

class SqliteStore final : public Store {
 public:
  SqliteStore(std::string path, SqliteOptions options, std::unique_ptr<SqliteConnection> writer)
      : path_(std::move(path)), options_(options), writer_(std::move(writer)) {}

  Result<std::unique_ptr<StoreTransaction>> Begin() override {
    if (writer_ == nullptr) {
      return Status(ErrorKind::kUnavailable, "the store is open read-only", path_);
    }
    {
      std::unique_lock lock(writer_mu_);
      if (!writer_cv_.wait_for(lock, std::chrono::milliseconds(options_.busy_timeout_ms),
                               [&] { return !writer_busy_; })) {
        return Status(ErrorKind::kStoreError,
                      "another transaction of this store is still open after " +
                          std::to_string(options_.busy_timeout_ms) + " ms",
                      path_);
      }
      writer_busy_ = true;
    }
    // Waits for writers of other processes, up to the busy timeout.
    if (Status s = writer_->Exec("BEGIN IMMEDIATE", "beginning a write transaction"); !s.ok()) {
      EndTransaction();
      return s;
    }
    return std::unique_ptr<StoreTransaction>(new SqliteTransaction(this, writer_.get()));
  }

  Result<bool> HasReport(std::string_view report_id) override {
    return WithReader<bool>([&](SqliteConnection& c) { return HasReportOn(c, report_id); });
  }

  Result<std::optional<Report>> GetReport(std::string_view report_id) override {
    return WithReader<std::optional<Report>>(
        [&](SqliteConnection& c) -> Result<std::optional<Report>> {
          SITREP_ASSIGN_OR_RETURN(
              Statement st,
              c.Prepare("SELECT " + std::string(kReportColumns) + " FROM reports WHERE id = ?1",
                        "reading report " + std::string(report_id)));
          st.Bind(1, report_id);
          SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
          if (!row) return std::optional<Report>();
          SITREP_ASSIGN_OR_RETURN(Report r, ReadReport(st, true, c.path()));
          return std::optional<Report>(std::move(r));
        });
  }

  Result<std::vector<Sentence>> Sentences(std::string_view report_id) override {
    return WithReader<std::vector<Sentence>>(
        [&](SqliteConnection& c) -> Result<std::vector<Sentence>> {
          SITREP_ASSIGN_OR_RETURN(
              Statement st, c.Prepare("SELECT start, \"end\" FROM sentences WHERE report_id = ?1"
                                      " ORDER BY start, \"end\"",
                                      "reading sentences of " + std::string(report_id)));
          st.Bind(1, report_id);
          std::vector<Sentence> out;
          for (;;) {
            SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
            if (!row) return out;
            out.push_back({static_cast<uint32_t>(st.Int(0)), static_cast<uint32_t>(st.Int(1))});
          }
        });
  }

  Result<std::vector<Report>> ListReports() override {
    return WithReader<std::vector<Report>>([&](SqliteConnection& c) -> Result<std::vector<Report>> {
      SITREP_ASSIGN_OR_RETURN(Statement st, c.Prepare("SELECT " + std::string(kReportColumns) +
                                                          " FROM reports ORDER BY published, id",
                                                      "listing reports"));
      std::vector<Report> out;
      for (;;) {
        SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) return out;
        SITREP_ASSIGN_OR_RETURN(Report r, ReadReport(st, false, c.path()));
        out.push_back(std::move(r));
      }
    });
  }

  Result<std::vector<Event>> Events(const EventFilter& filter) override {
    return WithReader<std::vector<Event>>([&](SqliteConnection& c) {
      return InReadTransaction<std::vector<Event>>(c, [&] { return LoadEvents(c, filter); });
    });
  }

  Result<std::optional<Event>> GetEvent(std::string_view event_id) override {
    return WithReader<std::optional<Event>>(
        [&](SqliteConnection& c) -> Result<std::optional<Event>> {
          return InReadTransaction<std::optional<Event>>(c, [&]() -> Result<std::optional<Event>> {
            SITREP_ASSIGN_OR_RETURN(Event e, LoadEvent(c, event_id));
            if (e.id.empty()) return std::optional<Event>();
            return std::optional<Event>(std::move(e));
          });
        });
  }

  Result<std::vector<ReportedFigure>> Figures(std::string_view report_id) override {
    return WithReader<std::vector<ReportedFigure>>(
        [&](SqliteConnection& c) -> Result<std::vector<ReportedFigure>> {
          constexpr std::string_view kColumns =
              "SELECT report_id, what, value, unit, text, subject, claimant, start, \"end\""
              " FROM figures";
          SITREP_ASSIGN_OR_RETURN(
              Statement st,
              report_id.empty()
                  ? c.Prepare(std::string(kColumns) + " ORDER BY rowid", "reading figures")
                  : c.Prepare(std::string(kColumns) + " WHERE report_id = ?1 ORDER BY rowid",
                              "reading figures of " + std::string(report_id)));
          if (!report_id.empty()) st.Bind(1, report_id);
          std::vector<ReportedFigure> out;
          for (;;) {
            SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
            if (!row) return out;
            ReportedFigure f;
            f.report_id = st.Text(0);
            f.quantity.what = st.Text(1);
            f.quantity.value = st.Real(2);
            f.quantity.unit = st.Text(3);
            f.quantity.text = st.Text(4);
            f.subject = st.Text(5);
            f.claimant = st.Text(6);
            f.start = static_cast<uint32_t>(st.Int(7));
            f.end = static_cast<uint32_t>(st.Int(8));
            out.push_back(std::move(f));
          }
        });
  }

  Result<std::vector<ControlInterval>> ControlAsOf(Date as_of) override {
    if (!as_of.IsValid()) {
      return Status(ErrorKind::kInvalidArgument, "control as of an unknown date", "as_of");
    }
    return WithReader<std::vector<ControlInterval>>(
        [&](SqliteConnection& c) -> Result<std::vector<ControlInterval>> {
          // Two index ranges of control_by_to: the open intervals, and those
          // ending after the day; each filtered on its start.
          const std::string columns(kControlColumns);
          SITREP_ASSIGN_OR_RETURN(Statement st,
                                  c.Prepare("SELECT " + columns +
                                                " FROM control_intervals WHERE \"to\" IS NULL"
                                                " AND (\"from\" IS NULL OR \"from\" <= ?1)"
                                                " UNION ALL SELECT " +
                                                columns +
                                                " FROM control_intervals WHERE \"to\" > ?1"
                                                " AND (\"from\" IS NULL OR \"from\" <= ?1)",
                                            "reading control as of " + as_of.ToString()));
          st.Bind(1, as_of);
          SITREP_ASSIGN_OR_RETURN(std::vector<StoredInterval> covering,
                                  ReadIntervals(st, c.path()));
          // One per place: the latest start, a tie going to the later stored.
          // Sorts small keys, not the intervals.
          struct Key {
            int64_t geonameid;
            Date from;
            int64_t rowid;
            size_t index;
          };
          std::vector<Key> keys;
          keys.reserve(covering.size());
          for (size_t i = 0; i < covering.size(); ++i) {
            keys.push_back(
                {covering[i].interval.geonameid, covering[i].interval.from, covering[i].rowid, i});
          }
          std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
            if (a.geonameid != b.geonameid) return a.geonameid < b.geonameid;
            if (a.from != b.from) return a.from < b.from;
            return a.rowid < b.rowid;
          });
          std::vector<ControlInterval> out;
          out.reserve(keys.size());
          for (size_t i = 0; i < keys.size(); ++i) {
            if (i + 1 < keys.size() && keys[i + 1].geonameid == keys[i].geonameid) continue;
            out.push_back(std::move(covering[keys[i].index].interval));
          }
          return out;
        });
  }

  Result<std::vector<ControlInterval>> ControlHistory(int64_t geonameid) override {
    return WithReader<std::vector<ControlInterval>>(
        [&](SqliteConnection& c) -> Result<std::vector<ControlInterval>> {
          SITREP_ASSIGN_OR_RETURN(
              Statement st,
              c.Prepare("SELECT " + std::string(kControlColumns) +
                            " FROM control_intervals WHERE geonameid = ?1 ORDER BY \"from\", rowid",
                        "reading the control history of " + std::to_string(geonameid)));
          st.Bind(1, geonameid);
          SITREP_ASSIGN_OR_RETURN(std::vector<StoredInterval> rows, ReadIntervals(st, c.path()));
          return Intervals(std::move(rows));
        });
  }

  Result<std::vector<ControlInterval>> ControlStarts(Date from, Date to) override {
    return WithReader<std::vector<ControlInterval>>(
        [&](SqliteConnection& c) -> Result<std::vector<ControlInterval>> {
          std::string sql =
              "SELECT " + std::string(kControlColumns) + " FROM control_intervals WHERE 1";
          if (from.IsValid()) sql += " AND \"from\" >= :from";
          if (to.IsValid()) sql += " AND \"from\" <= :to";
          sql += " ORDER BY \"from\", geonameid, rowid";
          SITREP_ASSIGN_OR_RETURN(Statement st,
                                  c.Prepare(sql, "reading control intervals starting from " +
                                                     from.ToString() + " to " + to.ToString()));
          if (int i = st.Index(":from"); i > 0) st.Bind(i, from);
          if (int i = st.Index(":to"); i > 0) st.Bind(i, to);
          SITREP_ASSIGN_OR_RETURN(std::vector<StoredInterval> rows, ReadIntervals(st, c.path()));
          return Intervals(std::move(rows));
        });
  }

  Result<std::vector<int64_t>> EventPlaces() override {
    return WithReader<std::vector<int64_t>>(
        [&](SqliteConnection& c) -> Result<std::vector<int64_t>> {
          SITREP_ASSIGN_OR_RETURN(Statement st,
                                  c.Prepare("SELECT DISTINCT geonameid FROM events"
                                            " WHERE geonameid IS NOT NULL ORDER BY geonameid",
                                            "listing event places"));
          std::vector<int64_t> out;
          for (;;) {
            SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
            if (!row) return out;
            out.push_back(st.Int(0));
          }
        });
  }

  Result<StoreStats> Stats() override {
    return WithReader<StoreStats>([&](SqliteConnection& c) -> Result<StoreStats> {
      SITREP_ASSIGN_OR_RETURN(
          Statement st,
          c.Prepare("SELECT (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM events),"
                    " (SELECT COUNT(*) FROM event_sources),"
                    " (SELECT COUNT(*) FROM control_intervals),"
                    " (SELECT MAX(version) FROM schema_version)",
                    "counting"));
      SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
      StoreStats s;
      if (!row) return s;
      s.reports = st.Int(0);
      s.events = st.Int(1);
      s.sources = st.Int(2);
      s.control_intervals = st.Int(3);
      s.schema_version = static_cast<int>(st.Int(4));
      return s;
    });
  }

  // Shared by the store's reads and the transaction's.
  static Result<bool> HasReportOn(SqliteConnection& c, std::string_view report_id) {
    SITREP_ASSIGN_OR_RETURN(Statement st, c.Prepare("SELECT 1 FROM reports WHERE id = ?1",
                                                    "looking up report " + std::string(report_id)));
    st.Bind(1, report_id);
    return st.Step();
  }

  // The event with its sources; an event with an empty id if there is none.
  static Result<Event> LoadEvent(SqliteConnection& c, std::string_view event_id) {
    Event e;
    {
      SITREP_ASSIGN_OR_RETURN(Statement st, c.Prepare("SELECT " + std::string(kEventColumns) +
                                                          " FROM events e WHERE e.id = ?1",
                                                      "reading event " + std::string(event_id)));
      st.Bind(1, event_id);
      SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return e;
      SITREP_ASSIGN_OR_RETURN(e, ReadEvent(st, c.path()));
    }
    SITREP_ASSIGN_OR_RETURN(
        Statement st, c.Prepare("SELECT " + std::string(kSourceColumns) +
                                    " FROM event_sources s JOIN reports r ON r.id = s.report_id"
                                    " WHERE s.event_id = ?1 ORDER BY s.rowid",
                                "reading sources of " + std::string(event_id)));
    st.Bind(1, event_id);
    for (;;) {
      SITREP_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return e;
      SITREP_ASSIGN_OR_RETURN(EventSource s, ReadSource(st, 0, c.path()));
      e.sources.push_back(std::move(s));
    }
  }

  // Opens the reader connections and checks the schema (read-only stores).
  Status CheckReadable() {
    return WithReader<bool>([&](SqliteConnection& c) -> Result<bool> {
             SITREP_ASSIGN_OR_RETURN(int version, SchemaVersion(c));
             if (version > CurrentSchemaVersion()) return RefuseNewer(version, path_);
             if (version < CurrentSchemaVersion()) {
               return Status(ErrorKind::kUnavailable,
                             "the database has schema version " + std::to_string(version) +
                                 " and needs migrating to " +
                                 std::to_string(CurrentSchemaVersion()) +
                                 "; open it once read-write",
                             path_);
             }
             return true;
           })
        .status();
  }

 private:
  friend class SqliteTransaction;

  void EndTransaction();

  // Runs `body` on a pooled reader connection.
  template <typename T, typename F>
  Result<T> WithReader(F&& body) {
    std::unique_ptr<SqliteConnection> c;
    {
      std::lock_guard lock(pool_mu_);
      if (!idle_readers_.empty()) {
        c = std::move(idle_readers_.back());
        idle_readers_.pop_back();
      }
    }
    if (c == nullptr) {
      SITREP_ASSIGN_OR_RETURN(
          c, SqliteConnection::Open(path_, /*read_only=*/true, options_.busy_timeout_ms,
                                    options_.mmap_bytes));
    }
    Result<T> out = [&]() -> Result<T> {
      try {
        return body(*c);
      } catch (const std::exception& e) {
        return Status(ErrorKind::kInternal, e.what(), path_);
      }
    }();
    std::lock_guard lock(pool_mu_);
    idle_readers_.push_back(std::move(c));
    return out;
  }

  const std::string path_;
  const SqliteOptions options_;
  std::unique_ptr<SqliteConnection> writer_;  // null when read-only
  // The writer connection belongs to at most one open transaction.
  std::mutex writer_mu_;
  std::condition_variable writer_cv_;
  bool writer_busy_ = false;
  std::atomic<long> writes_{0};

  std::mutex pool_mu_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

void SqliteStore::EndTransaction() {
  std::lock_guard lock(writer_mu_);
  writer_busy_ = false;
  writer_cv_.notify_one();
}

SqliteTransaction::~SqliteTransaction() {
  if (!done_) (void)c_->Exec("ROLLBACK", "rolling back");
  store_->EndTransaction();
}

template <typename F>
Status SqliteTransaction::Write(const std::string& what, F&& body) {
  const long write = ++store_->writes_;
  SITREP_RETURN_IF_ERROR(Usable());
  SITREP_RETURN_IF_ERROR(c_->Exec("SAVEPOINT sitrep_write", what));
  Status s;
  try {
    s = body();
  } catch (const std::exception& e) {
    s = Status(ErrorKind::kInternal, e.what(), what);
  }
  if (s.ok() && store::IsFaultedWrite(store_->options_.faults, write)) {
    s = store::InjectedFault(what);
  }
  if (s.ok()) {
    s = c_->Exec("RELEASE sitrep_write", what);
    if (s.ok()) return s;
  }
  Status undone = c_->Exec("ROLLBACK TO sitrep_write; RELEASE sitrep_write", what);
  if (s.kind() != ErrorKind::kDuplicate || !undone.ok()) {
    if (failure_.ok()) failure_ = undone.ok() ? s : undone;
  }
  return s;
}

Result<bool> SqliteTransaction::HasReport(std::string_view report_id) {
  SITREP_RETURN_IF_ERROR(Usable());
  return SqliteStore::HasReportOn(*c_, report_id);
}

Status SqliteTransaction::PutReport(const Report& report, const std::vector<Sentence>& sentences,
                                    const std::vector<ReportedFigure>& figures) {
  return Write("storing report " + report.id, [&]() -> Status {
    SITREP_RETURN_IF_ERROR(store::CheckReport(report, sentences, figures));
    SITREP_ASSIGN_OR_RETURN(bool exists, SqliteStore::HasReportOn(*c_, report.id));
    if (exists) return Status(ErrorKind::kDuplicate, "the report is already stored", report.id);
    {
      SITREP_ASSIGN_OR_RETURN(
          Statement st,
          c_->Prepare("INSERT INTO reports (id, url, outlet, published, title, language, text,"
                      " ingested_at, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                      "storing report " + report.id));
      st.Bind(1, report.id);
      st.Bind(2, report.url);
      st.Bind(3, report.outlet);
      st.Bind(4, report.published);
      st.Bind(5, report.title);
      st.Bind(6, report.language);
      st.Bind(7, report.text);
      st.Bind(8, std::string_view(store::UtcNowIso8601()));
      st.Bind(9, report.origin);
      SITREP_RETURN_IF_ERROR(st.Run());
    }
    for (const Sentence& s : sentences) {
      SITREP_ASSIGN_OR_RETURN(
          Statement st, c_->Prepare("INSERT OR IGNORE INTO sentences (report_id, start, \"end\")"
                                    " VALUES (?1, ?2, ?3)",
                                    "storing the sentences of report " + report.id));
      st.Bind(1, report.id);
      st.Bind(2, static_cast<int64_t>(s.start));
      st.Bind(3, static_cast<int64_t>(s.end));
      SITREP_RETURN_IF_ERROR(st.Run());
    }
    for (const ReportedFigure& f : figures) {
      SITREP_ASSIGN_OR_RETURN(
          Statement st,
          c_->Prepare("INSERT INTO figures (report_id, what, value, unit, text, subject, claimant,"
                      " start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                      "storing the figures of report " + report.id));
      st.Bind(1, report.id);
      st.Bind(2, f.quantity.what);
      st.Bind(3, f.quantity.value);
      st.Bind(4, f.quantity.unit);
      st.Bind(5, f.quantity.text);
      st.Bind(6, f.subject);
      st.Bind(7, f.claimant);
      st.Bind(8, static_cast<int64_t>(f.start));
      st.Bind(9, static_cast<int64_t>(f.end));
      SITREP_RETURN_IF_ERROR(st.Run());
    }
    return Status::Ok();
  });
}

Result<std::vector<Event>> SqliteTransaction::EventsNear(int64_t geonameid, Date date,
                                                         const DateReach& reach,
                                                         std::string_view family) {
  SITREP_RETURN_IF_ERROR(Usable());
  SITREP_RETURN_IF_ERROR(store::CheckReach(date, reach));
  int widest = *std::max_element(reach.days.begin(), reach.days.end());
  EventFilter f;
  f.geonameid = geonameid;
  f.since = date.AddDays(-widest);
  f.until = date.AddDays(widest);
  f.family = std::string(family);
  return LoadEvents(*c_, f, /*unresolved_only=*/geonameid == 0, /*source_texts=*/true, &reach,
                    date);
}

Result<std::vector<Event>> SqliteTransaction::EventsAtPlace(int64_t geonameid) {
  SITREP_RETURN_IF_ERROR(Usable());
  EventFilter f;
  f.geonameid = geonameid;
  return LoadEvents(*c_, f, /*unresolved_only=*/geonameid == 0, /*source_texts=*/false);
}

Status SqliteTransaction::PutEvent(const Event& e) {
  return Write("storing event " + e.id, [&]() -> Status {
    SITREP_RETURN_IF_ERROR(store::CheckEvent(e));
    {
      SITREP_ASSIGN_OR_RETURN(
          Statement st,
          c_->Prepare(
              "INSERT INTO events (id, date, date_precision, start_date, start_precision, cameo,"
              " action, plover, plover_mode, acled_type, acled_subtype, effect, actor, actor_code,"
              " target, target_code, object, geonameid, place_name, place_kind, admin1, country,"
              " lat, lon, precision, place_text, facility, claim, claimant, quantities,"
              " confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
              " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,"
              " ?31) ON CONFLICT (id) DO UPDATE SET date = excluded.date,"
              " date_precision = excluded.date_precision, start_date = excluded.start_date,"
              " start_precision = excluded.start_precision, cameo = excluded.cameo,"
              " action = excluded.action, plover = excluded.plover,"
              " plover_mode = excluded.plover_mode, acled_type = excluded.acled_type,"
              " acled_subtype = excluded.acled_subtype, effect = excluded.effect,"
              " actor = excluded.actor, actor_code = excluded.actor_code,"
              " target = excluded.target, target_code = excluded.target_code,"
              " object = excluded.object, geonameid = excluded.geonameid,"
              " place_name = excluded.place_name, place_kind = excluded.place_kind,"
              " admin1 = excluded.admin1, country = excluded.country, lat = excluded.lat,"
              " lon = excluded.lon, precision = excluded.precision,"
              " place_text = excluded.place_text, facility = excluded.facility,"
              " claim = excluded.claim, claimant = excluded.claimant,"
              " quantities = excluded.quantities, confidence = excluded.confidence",
              "storing event " + e.id));
      st.Bind(1, e.id);
      st.Bind(2, e.date);
      st.Bind(3, DatePrecisionName(e.date_precision));
      st.Bind(4, e.start_date);
      st.Bind(5, DatePrecisionName(e.start_precision));
      st.Bind(6, e.cameo);
      st.Bind(7, e.action);
      st.Bind(8, e.plover);
      st.Bind(9, e.plover_mode);
      st.Bind(10, e.acled_type);
      st.Bind(11, e.acled_subtype);
      st.Bind(12, ControlEffectName(e.effect));
      st.Bind(13, e.actor);
      st.Bind(14, e.actor_code);
      st.Bind(15, e.target);
      st.Bind(16, e.target_code);
      st.Bind(17, e.object);
      if (e.place.geonameid != 0) {
        st.Bind(18, e.place.geonameid);
      } else {
        st.BindNull(18);
      }
      st.Bind(19, e.place.name);
      st.Bind(20, PlaceKindName(e.place.kind));
      st.Bind(21, e.place.admin1);
      st.Bind(22, e.place.country);
      st.Bind(23, e.place.lat);
      st.Bind(24, e.place.lon);
      st.Bind(25, GeoPrecisionName(e.place.precision));
      st.Bind(26, e.place.text);
      st.Bind(27, e.place.facility);
      st.Bind(28, ClaimStatusName(e.claim));
      st.Bind(29, e.claimant);
      st.Bind(30, std::string_view(QuantitiesJson(e.quantities)));
      st.Bind(31, e.confidence);
      SITREP_RETURN_IF_ERROR(st.Run());
    }
    for (const EventSource& s : e.sources) {
      SITREP_ASSIGN_OR_RETURN(
          Statement st,
          c_->Prepare("INSERT INTO event_sources (event_id, report_id, start, \"end\", sentence,"
                      " claim, claimant) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                      " ON CONFLICT (event_id, report_id, start, \"end\") DO UPDATE SET"
                      " sentence = excluded.sentence, claim = excluded.claim,"
                      " claimant = excluded.claimant",
                      "storing event " + e.id));
      st.Bind(1, e.id);
      st.Bind(2, s.report_id);
      st.Bind(3, static_cast<int64_t>(s.start));
      st.Bind(4, static_cast<int64_t>(s.end));
      st.Bind(5, s.sentence);
      st.Bind(6, ClaimStatusName(s.claim));
      st.Bind(7, s.claimant);
      SITREP_RETURN_IF_ERROR(st.Run());
    }
    return Status::Ok();
  });
}

Status SqliteTransaction::ReplaceControl(int64_t geonameid,
                                         const std::vector<ControlInterval>& intervals) {
  const std::string what = "replacing the control of place " + std::to_string(geonameid);
  return Write(what, [&]() -> Status {
    SITREP_RETURN_IF_ERROR(store::CheckControl(geonameid, intervals));
    {
      SITREP_ASSIGN_OR_RETURN(
          Statement st, c_->Prepare("DELETE FROM control_intervals WHERE geonameid = ?1", what));
      st.Bind(1, geonameid);
      SITREP_RETURN_IF_ERROR(st.Run());
    }
    for (const ControlInterval& c : intervals) {
      SITREP_ASSIGN_OR_RETURN(
          Statement st,
          c_->Prepare(
              "INSERT INTO control_intervals (geonameid, place_name, holder, challenger,"
              " status, \"from\", \"to\", evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
              what));
      st.Bind(1, geonameid);
      st.Bind(2, c.place_name);
      st.Bind(3, c.holder);
      st.Bind(4, c.challenger);
      st.Bind(5, ControlStatusName(c.status));
      st.Bind(6, c.from);
      st.Bind(7, c.to);
      st.Bind(8, std::string_view(EvidenceJson(c.evidence)));
      SITREP_RETURN_IF_ERROR(st.Run());
    }
    return Status::Ok();
  });
}

Status SqliteTransaction::Commit() {
  SITREP_RETURN_IF_ERROR(Usable());
  done_ = true;
  if (!failure_.ok()) {
    (void)c_->Exec("ROLLBACK", "rolling back");
    return Status(ErrorKind::kStoreError,
                  "rolled back: a write of this transaction failed (" + failure_.ToString() + ")",
                  c_->path());
  }
  Status s = c_->Exec("COMMIT", "committing");
  if (!s.ok()) (void)c_->Exec("ROLLBACK", "rolling back");
  return s;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteOptions& options) {
  if (path.empty() || path == ":memory:" || path.starts_with("file:")) {
    return Status(ErrorKind::kInvalidArgument,
                  "a SQLite store needs a file path (for a store in memory, use the memory store)",
                  path);
  }
  std::error_code ec;
  if (options.read_only && !std::filesystem::exists(path, ec)) {
    return Status(ErrorKind::kNotFound, "no such database", path);
  }
  std::unique_ptr<SqliteConnection> writer;
  if (!options.read_only) {
    SITREP_ASSIGN_OR_RETURN(
        writer, SqliteConnection::Open(path, /*read_only=*/false, options.busy_timeout_ms,
                                       options.mmap_bytes));
    // journal_mode answers with the mode in force; WAL is persistent in the file.
    {
      SITREP_ASSIGN_OR_RETURN(Statement mode,
                              writer->Prepare("PRAGMA journal_mode = WAL", "turning WAL on"));
      SITREP_ASSIGN_OR_RETURN(bool row, mode.Step());
      if (!row || mode.Text(0) != "wal") {
        return Status(ErrorKind::kStoreError,
                      "the database refused write-ahead logging (journal mode " +
                          std::string(row ? mode.Text(0) : "unknown") + ")",
                      path);
      }
    }
    SITREP_RETURN_IF_ERROR(writer->Exec(
        options.full_sync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
        "setting synchronous"));
    SITREP_RETURN_IF_ERROR(Migrate(*writer));
  }
  auto store = std::make_unique<SqliteStore>(path, options, std::move(writer));
  if (options.read_only) SITREP_RETURN_IF_ERROR(store->CheckReadable());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace sitrep
