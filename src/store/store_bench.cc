// Benchmarks of the SQLite store at the scale of a long war: 100,000 places
// with control intervals and 1,000,000 events, generated from a fixed seed
// and filled once into a temporary file through the Store interface.
//
// Each question is also asked as plain SQL over the same file, so the cost
// of the store's own work (building model values, choosing an interval per
// place) shows beside SQLite's.
//
// Set SITREP_STORE_BENCH_DB to a path to keep the filled database there and
// reuse it on the next run; otherwise a temporary file is used and removed.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "sitrep/store.h"

namespace sitrep {
namespace {

constexpr int kPlaces = 100'000;
constexpr int kEvents = 1'000'000;
constexpr int kEventsPerReport = 100;
constexpr int kReportsPerTransaction = 100;
const Date kFirstDay = Date::FromYmd(2021, 1, 1);
constexpr int kDays = 730;

struct Fixture {
  std::string path;
  bool remove_at_exit = false;
  std::unique_ptr<Store> store;
  sqlite3* raw = nullptr;

  ~Fixture() {
    store.reset();
    if (raw != nullptr) sqlite3_close(raw);
    if (remove_at_exit) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    }
  }
};

void Die(const Status& s) {
  std::fprintf(stderr, "store_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

std::string PlaceName(int64_t place) { return "Place " + std::to_string(place); }

// Fills the store: reports of 100 events each over 730 days and 100,000
// places, each place with a chain of 1 to 4 control intervals.
void Fill(Store& store) {
  std::mt19937_64 rng(20210812);
  std::uniform_int_distribution<int> place_of(1, kPlaces);
  std::uniform_int_distribution<int> day_of(0, kDays - 1);
  std::uniform_int_distribution<int> cameo_of(0, 9);
  const char* cameos[] = {"190", "192", "193", "194", "1832", "0874", "173", "036", "0841", "15"};
  const char* actors[] = {"Taliban", "Afghan government forces", "ISKP", "United States"};
  auto started = std::chrono::steady_clock::now();
  int event = 0;
  int report = 0;
  while (event < kEvents) {
    auto tx = store.Begin();
    if (!tx.ok()) Die(tx.status());
    for (int r = 0; r < kReportsPerTransaction && event < kEvents; ++r, ++report) {
      Report rep;
      rep.id = "report-" + std::to_string(report);
      rep.outlet = "outlet " + std::to_string(report % 37);
      rep.url = "https://example.org/" + rep.id;
      Date day = kFirstDay.AddDays(day_of(rng));
      rep.published = day.AddDays(1);
      rep.text = std::string(2000, 'x');
      if (Status s = (*tx)->PutReport(rep, {{0, 100}, {101, 200}}, {}); !s.ok()) Die(s);
      for (int e = 0; e < kEventsPerReport && event < kEvents; ++e, ++event) {
        Event ev;
        ev.id = "event-" + std::to_string(event);
        ev.date = day.AddDays(-(e % 3));
        ev.cameo = cameos[cameo_of(rng)];
        ev.action = "action";
        ev.actor = actors[e % 4];
        ev.target = actors[(e + 1) % 4];
        int64_t place = place_of(rng);
        ev.place.geonameid = place;
        ev.place.name = PlaceName(place);
        ev.place.text = ev.place.name;
        ev.place.precision = GeoPrecision::kCity;
        ev.quantities = {{"killed", 3, "", "three"}};
        EventSource src;
        src.report_id = rep.id;
        src.start = 0;
        src.end = 100;
        src.sentence = "A sentence of the report.";
        ev.sources.push_back(src);
        if (Status s = (*tx)->PutEvent(ev); !s.ok()) Die(s);
      }
    }
    if (Status s = (*tx)->Commit(); !s.ok()) Die(s);
  }
  auto tx = store.Begin();
  if (!tx.ok()) Die(tx.status());
  std::uniform_int_distribution<int> intervals_of(1, 4);
  for (int64_t place = 1; place <= kPlaces; ++place) {
    int n = intervals_of(rng);
    std::vector<ControlInterval> chain;
    Date from;  // since before any report
    for (int i = 0; i < n; ++i) {
      ControlInterval c;
      c.place_name = PlaceName(place);
      c.holder = actors[(place + i) % 2];
      c.status = i % 2 ? ControlStatus::kContested : ControlStatus::kHeld;
      c.from = from;
      if (i + 1 < n) {
        int lo = from.IsValid() ? DaysBetween(kFirstDay, from) + 1 : 0;
        std::uniform_int_distribution<int> next(lo, std::max(lo, lo + (kDays - lo) / (n - i)));
        c.to = kFirstDay.AddDays(next(rng));
      }
      c.evidence = {"event-" + std::to_string(place)};
      from = c.to;
      chain.push_back(std::move(c));
    }
    if (Status s = (*tx)->ReplaceControl(place, chain); !s.ok()) Die(s);
  }
  if (Status s = (*tx)->Commit(); !s.ok()) Die(s);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "store_bench: filled %d events, %d places in %.1f s\n", kEvents, kPlaces,
               seconds);
}

Fixture& Data() {
  static Fixture* fixture = [] {
    auto* f = new Fixture;
    if (const char* keep = std::getenv("SITREP_STORE_BENCH_DB"); keep != nullptr && *keep) {
      f->path = keep;
    } else {
      f->path = (std::filesystem::temp_directory_path() /
                 ("sitrep-store-bench-" + std::to_string(getpid()) + ".db"))
                    .string();
      f->remove_at_exit = true;
    }
    auto store = OpenSqliteStore(f->path);
    if (!store.ok()) Die(store.status());
    f->store = std::move(store).value();
    auto stats = f->store->Stats();
    if (!stats.ok()) Die(stats.status());
    if (stats->events < kEvents) Fill(*f->store);
    if (sqlite3_open_v2(f->path.c_str(), &f->raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      Die(Status(ErrorKind::kStoreError, sqlite3_errmsg(f->raw), f->path));
    }
    sqlite3_busy_timeout(f->raw, 10000);
    std::atexit([] { delete fixture; });
    return f;
  }();
  return *fixture;
}

// Days into the generated war: early, middle, late.
Date Day(int64_t offset) { return kFirstDay.AddDays(static_cast<int32_t>(offset)); }

void BM_ControlAsOf_Store(benchmark::State& state) {
  Store& store = *Data().store;
  const Date day = Day(state.range(0));
  size_t places = 0;
  for (auto _ : state) {
    auto control = store.ControlAsOf(day);
    if (!control.ok()) Die(control.status());
    places = control->size();
    benchmark::DoNotOptimize(control->data());
  }
  state.counters["places"] = static_cast<double>(places);
}
BENCHMARK(BM_ControlAsOf_Store)->Arg(30)->Arg(365)->Arg(729)->Unit(benchmark::kMillisecond);

// Steps through the rows of `sql` with ?1 bound to `day`, reading every column.
void RunRaw(benchmark::State& state, const char* sql) {
  sqlite3* db = Data().raw;
  const std::string day = Day(state.range(0)).ToString();
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    Die(Status(ErrorKind::kStoreError, sqlite3_errmsg(db), sql));
  }
  size_t rows = 0;
  for (auto _ : state) {
    sqlite3_bind_text(st, 1, day.c_str(), -1, SQLITE_STATIC);
    rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        benchmark::DoNotOptimize(sqlite3_column_text(st, i));
      }
      ++rows;
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  state.counters["places"] = static_cast<double>(rows);
}

// The question as a user would first write it.
void BM_ControlAsOf_PlainSqlNaive(benchmark::State& state) {
  RunRaw(state,
         "SELECT geonameid, place_name, holder, challenger, status, \"from\", \"to\", evidence"
         " FROM control_intervals WHERE (\"from\" IS NULL OR \"from\" <= ?1)"
         " AND (\"to\" IS NULL OR \"to\" > ?1)");
}
BENCHMARK(BM_ControlAsOf_PlainSqlNaive)->Arg(30)->Arg(365)->Arg(729)->Unit(benchmark::kMillisecond);

// The store's own query, without building model values.
void BM_ControlAsOf_PlainSqlIndexed(benchmark::State& state) {
  RunRaw(state,
         "SELECT geonameid, place_name, holder, challenger, status, \"from\", \"to\", evidence"
         " FROM control_intervals WHERE \"to\" IS NULL AND (\"from\" IS NULL OR \"from\" <= ?1)"
         " UNION ALL SELECT geonameid, place_name, holder, challenger, status, \"from\", \"to\","
         " evidence FROM control_intervals WHERE \"to\" > ?1"
         " AND (\"from\" IS NULL OR \"from\" <= ?1)");
}
BENCHMARK(BM_ControlAsOf_PlainSqlIndexed)
    ->Arg(30)
    ->Arg(365)
    ->Arg(729)
    ->Unit(benchmark::kMillisecond);

// One more report: PutReport, five PutEvent (two adding a source to a stored
// event) and ReplaceControl of one place, in one transaction.
void BM_IngestReport_Store(benchmark::State& state) {
  Store& store = *Data().store;
  static int serial = 0;
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> place_of(1, kPlaces);
  for (auto _ : state) {
    const std::string id =
        "bench-report-" + std::to_string(getpid()) + "-" + std::to_string(serial++);
    auto tx = store.Begin();
    if (!tx.ok()) Die(tx.status());
    Report r;
    r.id = id;
    r.outlet = "bench";
    r.published = Day(700);
    r.text = std::string(2000, 'y');
    if (Status s = (*tx)->PutReport(r, {{0, 100}}, {}); !s.ok()) Die(s);
    const int64_t place = place_of(rng);
    for (int e = 0; e < 5; ++e) {
      Event ev;
      // Two of five merge into events already stored.
      ev.id = e < 2 ? "event-" + std::to_string(place_of(rng) * 7) : id + "-" + std::to_string(e);
      ev.date = Day(699);
      ev.cameo = "192";
      ev.actor = "Taliban";
      ev.place.geonameid = place;
      ev.place.name = PlaceName(place);
      EventSource src;
      src.report_id = id;
      src.end = 100;
      ev.sources.push_back(src);
      if (Status s = (*tx)->PutEvent(ev); !s.ok()) Die(s);
    }
    ControlInterval before, after;
    before.holder = "Afghan government forces";
    before.to = Day(699);
    after.holder = "Taliban";
    after.from = Day(699);
    after.evidence = {id + "-2"};
    if (Status s = (*tx)->ReplaceControl(place, {before, after}); !s.ok()) Die(s);
    if (Status s = (*tx)->Commit(); !s.ok()) Die(s);
  }
}
BENCHMARK(BM_IngestReport_Store)->Unit(benchmark::kMillisecond);

// The same writes as plain SQL: prepared once, bound and stepped.
void BM_IngestReport_PlainSql(benchmark::State& state) {
  sqlite3* db = Data().raw;
  auto prepare = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
      Die(Status(ErrorKind::kStoreError, sqlite3_errmsg(db), sql));
    }
    return st;
  };
  auto exec = [&](const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      Die(Status(ErrorKind::kStoreError, sqlite3_errmsg(db), sql));
    }
  };
  auto run = [&](sqlite3_stmt* st) {
    if (sqlite3_step(st) != SQLITE_DONE) Die(Status(ErrorKind::kStoreError, sqlite3_errmsg(db)));
    sqlite3_reset(st);
  };
  exec("PRAGMA foreign_keys = ON");
  exec("PRAGMA synchronous = NORMAL");
  sqlite3_stmt* report = prepare(
      "INSERT INTO reports (id, url, outlet, published, title, language, text, ingested_at,"
      " origin) VALUES (?1, '', 'bench', '2022-12-01', '', 'en', ?2, '2022-12-02T00:00:00Z', '')");
  sqlite3_stmt* sentence =
      prepare("INSERT INTO sentences (report_id, start, \"end\") VALUES (?1, 0, 100)");
  sqlite3_stmt* event = prepare(
      "INSERT INTO events (id, date, date_precision, start_date, start_precision, cameo, action,"
      " plover, plover_mode, acled_type, acled_subtype, effect, actor, actor_code, target,"
      " target_code, object, geonameid, place_name, place_kind, admin1, country, lat, lon,"
      " precision, place_text, facility, claim, claimant, quantities, confidence) VALUES (?1,"
      " '2022-11-30', 'day', NULL, 'week', '192', '', '', '', '', '', 'none', 'Taliban', '', '',"
      " '', '', ?2, ?3, 'unknown', '', '', 0, 0, 'unresolved', '', '', 'reported', '', '[]', 0.5)"
      " ON CONFLICT (id) DO UPDATE SET date = excluded.date, cameo = excluded.cameo");
  sqlite3_stmt* source = prepare(
      "INSERT INTO event_sources (event_id, report_id, start, \"end\", sentence, claim, claimant)"
      " VALUES (?1, ?2, 0, 100, '', 'reported', '') ON CONFLICT DO NOTHING");
  sqlite3_stmt* clear = prepare("DELETE FROM control_intervals WHERE geonameid = ?1");
  sqlite3_stmt* interval = prepare(
      "INSERT INTO control_intervals (geonameid, place_name, holder, challenger, status,"
      " \"from\", \"to\", evidence) VALUES (?1, '', ?2, '', 'held', ?3, ?4, '[]')");
  static int serial = 0;
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> place_of(1, kPlaces);
  const std::string text(2000, 'y');
  for (auto _ : state) {
    const std::string id =
        "plain-report-" + std::to_string(getpid()) + "-" + std::to_string(serial++);
    exec("BEGIN IMMEDIATE");
    sqlite3_bind_text(report, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(report, 2, text.c_str(), -1, SQLITE_STATIC);
    run(report);
    sqlite3_bind_text(sentence, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    run(sentence);
    const int64_t place = place_of(rng);
    const std::string name = PlaceName(place);
    for (int e = 0; e < 5; ++e) {
      std::string event_id =
          e < 2 ? "event-" + std::to_string(place_of(rng) * 7) : id + "-" + std::to_string(e);
      sqlite3_bind_text(event, 1, event_id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(event, 2, place);
      sqlite3_bind_text(event, 3, name.c_str(), -1, SQLITE_TRANSIENT);
      run(event);
      sqlite3_bind_text(source, 1, event_id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(source, 2, id.c_str(), -1, SQLITE_TRANSIENT);
      run(source);
    }
    sqlite3_bind_int64(clear, 1, place);
    run(clear);
    sqlite3_bind_int64(interval, 1, place);
    sqlite3_bind_text(interval, 2, "Afghan government forces", -1, SQLITE_STATIC);
    sqlite3_bind_null(interval, 3);
    sqlite3_bind_text(interval, 4, "2022-11-30", -1, SQLITE_STATIC);
    run(interval);
    sqlite3_bind_int64(interval, 1, place);
    sqlite3_bind_text(interval, 2, "Taliban", -1, SQLITE_STATIC);
    sqlite3_bind_text(interval, 3, "2022-11-30", -1, SQLITE_STATIC);
    sqlite3_bind_null(interval, 4);
    run(interval);
    exec("COMMIT");
  }
  for (sqlite3_stmt* st : {report, sentence, event, source, clear, interval}) sqlite3_finalize(st);
}
BENCHMARK(BM_IngestReport_PlainSql)->Unit(benchmark::kMillisecond);

// Events of one place, and of one day, each with all its sources.
void BM_Events_OfPlace(benchmark::State& state) {
  Store& store = *Data().store;
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<int> place_of(1, kPlaces);
  for (auto _ : state) {
    EventFilter f;
    f.geonameid = place_of(rng);
    auto events = store.Events(f);
    if (!events.ok()) Die(events.status());
    benchmark::DoNotOptimize(events->data());
  }
}
BENCHMARK(BM_Events_OfPlace)->Unit(benchmark::kMicrosecond);

void BM_Events_OfDay(benchmark::State& state) {
  Store& store = *Data().store;
  size_t n = 0;
  for (auto _ : state) {
    EventFilter f;
    f.since = f.until = Day(400);
    auto events = store.Events(f);
    if (!events.ok()) Die(events.status());
    n = events->size();
  }
  state.counters["events"] = static_cast<double>(n);
}
BENCHMARK(BM_Events_OfDay)->Unit(benchmark::kMillisecond);

void BM_Events_ActorFamilyMonth(benchmark::State& state) {
  Store& store = *Data().store;
  size_t n = 0;
  for (auto _ : state) {
    EventFilter f;
    f.since = Day(400);
    f.until = Day(430);
    f.actor = "taliban";
    f.family = "19";
    auto events = store.Events(f);
    if (!events.ok()) Die(events.status());
    n = events->size();
  }
  state.counters["events"] = static_cast<double>(n);
}
BENCHMARK(BM_Events_ActorFamilyMonth)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
