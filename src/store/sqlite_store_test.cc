// What only the SQLite backend has: a file, its schema and migrations, WAL,
// read-only opening, other connections, damage.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "sitrep/store.h"

namespace sitrep {
namespace {

using ::testing::HasSubstr;

Date D(const char* iso) { return *Date::Parse(iso); }

class SqliteStoreTest : public ::testing::Test {
 protected:
  SqliteStoreTest() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-sqlite-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    path_ = dir_ + "/store.db";
  }
  ~SqliteStoreTest() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::unique_ptr<Store> Open(SqliteOptions options = {}) {
    auto store = OpenSqliteStore(path_, options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Runs `sql` on a connection of its own, as a user with the sqlite3 shell
  // would, and returns the first column of each row joined by '|'.
  std::string Raw(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    std::string out;
    char* error = nullptr;
    int rc = sqlite3_exec(
        db, sql.c_str(),
        [](void* arg, int, char** values, char**) {
          auto* s = static_cast<std::string*>(arg);
          if (!s->empty()) *s += "|";
          *s += values[0] ? values[0] : "NULL";
          return 0;
        },
        &out, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "") << " in " << sql;
    sqlite3_free(error);
    sqlite3_close(db);
    return out;
  }

  static Report MakeReport(const std::string& id) {
    Report r;
    r.id = id;
    r.outlet = "AFP";
    r.published = D("2021-08-13");
    r.text = "The Taliban took Herat.";
    return r;
  }

  static Event MakeEvent(const std::string& id, const std::string& report_id) {
    Event e;
    e.id = id;
    e.date = D("2021-08-12");
    e.cameo = "192";
    e.actor = "Taliban";
    e.place.geonameid = 1140026;
    e.place.name = "Herat";
    EventSource s;
    s.report_id = report_id;
    s.end = 23;
    e.sources.push_back(s);
    return e;
  }

  void Ingest(Store& store, const std::string& report_id, std::vector<Event> events = {}) {
    auto tx = store.Begin();
    ASSERT_TRUE(tx.ok()) << tx.status().ToString();
    ASSERT_TRUE((*tx)->PutReport(MakeReport(report_id), {{0, 23}}, {}).ok());
    for (const Event& e : events) ASSERT_TRUE((*tx)->PutEvent(e).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }

  std::string dir_;
  std::string path_;
};

TEST_F(SqliteStoreTest, MigratesAnEmptyDatabaseOnceAndReopensWithoutChange) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->Stats()->schema_version, CurrentSchemaVersion());
  }
  EXPECT_EQ(Raw("SELECT MAX(version) FROM schema_version"), std::to_string(CurrentSchemaVersion()));
  const std::string applied = Raw("SELECT version || ' ' || applied_at FROM schema_version");
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    Ingest(*store, "r1");
  }
  // Reopening applied nothing again.
  EXPECT_EQ(Raw("SELECT version || ' ' || applied_at FROM schema_version"), applied);
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM schema_version"), std::to_string(CurrentSchemaVersion()));
  // Every table of the data model is there.
  EXPECT_EQ(Raw("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"),
            "control_intervals|event_sources|events|figures|reports|schema_version|sentences");
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerVersion) {
  { ASSERT_NE(Open(), nullptr); }
  Raw("INSERT INTO schema_version VALUES (" + std::to_string(CurrentSchemaVersion() + 1) +
      ", '2099-01-01T00:00:00Z')");
  for (bool read_only : {false, true}) {
    SqliteOptions options;
    options.read_only = read_only;
    auto store = OpenSqliteStore(path_, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().kind(), ErrorKind::kUnavailable);
    EXPECT_THAT(store.status().message(), HasSubstr("newer"));
    EXPECT_THAT(store.status().ToString(), HasSubstr(path_));
  }
}

TEST_F(SqliteStoreTest, RefusesADatabaseOfAnotherProgram) {
  Raw("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
  auto store = OpenSqliteStore(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().kind(), ErrorKind::kInvalidArgument);
  EXPECT_THAT(store.status().message(), HasSubstr("not a sitrep database"));
  // Nothing was added to it.
  EXPECT_EQ(Raw("SELECT COUNT(*) FROM sqlite_schema"), "1");
}

TEST_F(SqliteStoreTest, WalAndForeignKeysAreOn) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Raw("PRAGMA journal_mode"), "wal");
  // Foreign keys are enforced by SQLite itself: the store does not check
  // that a source's report exists before inserting it.
  auto tx = store->Begin();
  ASSERT_TRUE(tx.ok());
  Status s = (*tx)->PutEvent(MakeEvent("e1", "missing"));
  EXPECT_EQ(s.kind(), ErrorKind::kStoreError);
  EXPECT_THAT(s.message(), HasSubstr("FOREIGN KEY constraint failed"));
  EXPECT_THAT(s.input(), HasSubstr("storing event e1"));
}

TEST_F(SqliteStoreTest, PlainSqlReadsWell) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  Event dated = MakeEvent("e1", "r1");
  dated.quantities = {{"troops", 3000, "", "3,000 troops"}};
  Event undated = MakeEvent("e2", "r1");
  undated.date = Date();
  undated.place = {};
  Ingest(*store, "r1", {dated, undated});
  {
    auto tx = store->Begin();
    ASSERT_TRUE(tx.ok());
    ControlInterval c;
    c.holder = "Taliban";
    c.from = D("2021-08-12");
    c.evidence = {"e1"};
    ASSERT_TRUE((*tx)->ReplaceControl(1140026, {c}).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  EXPECT_EQ(Raw("SELECT COALESCE(date, 'NULL') || ' ' || claim || ' ' ||"
                " COALESCE(geonameid, 'NULL') FROM events ORDER BY id"),
            "2021-08-12 reported 1140026|NULL reported NULL");
  EXPECT_EQ(Raw("SELECT quantities FROM events WHERE id = 'e1'"),
            R"([{"text":"3,000 troops","unit":"","value":3000.0,"what":"troops"}])");
  EXPECT_EQ(Raw("SELECT \"from\" || ' ' || COALESCE(\"to\", 'open') || ' ' || status || ' ' ||"
                " evidence FROM control_intervals"),
            R"(2021-08-12 open held ["e1"])");
  EXPECT_EQ(Raw("SELECT published FROM reports"), "2021-08-13");
  EXPECT_EQ(Raw("SELECT ingested_at LIKE '____-__-__T__:__:__Z' FROM reports"), "1");
}

TEST_F(SqliteStoreTest, ControlAsOfUsesTheIntervalIndex) {
  { ASSERT_NE(Open(), nullptr); }
  // The plan of the query ControlAsOf runs, asked of SQLite itself.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "EXPLAIN QUERY PLAN SELECT rowid FROM control_intervals WHERE "
                               "\"to\" IS NULL AND (\"from\" IS NULL OR \"from\" <= ?1) "
                               "UNION ALL SELECT rowid FROM control_intervals WHERE \"to\" > ?1 "
                               "AND (\"from\" IS NULL OR \"from\" <= ?1)",
                               -1, &st, nullptr),
            SQLITE_OK);
  std::string details;
  while (sqlite3_step(st) == SQLITE_ROW) {
    details += reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
    details += "\n";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_THAT(details, HasSubstr("COVERING INDEX control_by_to"));
  EXPECT_THAT(details, ::testing::Not(HasSubstr("SCAN control_intervals\n")));
}

TEST_F(SqliteStoreTest, ReadOnlyOpen) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    Ingest(*store, "r1", {MakeEvent("e1", "r1")});
  }
  SqliteOptions options;
  options.read_only = true;
  auto store = OpenSqliteStore(path_, options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE(*(*store)->HasReport("r1"));
  EXPECT_EQ((*store)->Events({})->size(), 1u);
  auto tx = (*store)->Begin();
  EXPECT_FALSE(tx.ok());
  EXPECT_EQ(tx.status().kind(), ErrorKind::kUnavailable);

  auto missing = OpenSqliteStore(dir_ + "/nothing-here.db", options);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().kind(), ErrorKind::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/nothing-here.db"));
}

TEST_F(SqliteStoreTest, ReadOnlyOpenOfAnUnmigratedDatabaseIsRefused) {
  Raw("PRAGMA user_version = 0");  // creates an empty database file
  SqliteOptions options;
  options.read_only = true;
  auto store = OpenSqliteStore(path_, options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().kind(), ErrorKind::kUnavailable);
  EXPECT_THAT(store.status().message(), HasSubstr("read-write"));
}

TEST_F(SqliteStoreTest, ACorruptFileGivesAClearError) {
  {
    std::ofstream out(path_, std::ios::binary);
    out << "These are my notes, not a database.\n";
    for (int i = 0; i < 200; ++i) out << "line " << i << " of notes\n";
  }
  auto store = OpenSqliteStore(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().kind(), ErrorKind::kCorrupt);
  EXPECT_THAT(store.status().message(), HasSubstr("not a database"));
  EXPECT_THAT(store.status().input(), HasSubstr(path_));
  // The file is left as it was.
  EXPECT_EQ(std::filesystem::file_size(path_) > 1000, true);
}

TEST_F(SqliteStoreTest, ADamagedPageGivesAClearError) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    for (int r = 0; r < 50; ++r) {
      std::vector<Event> events;
      for (int e = 0; e < 20; ++e) {
        events.push_back(
            MakeEvent("r" + std::to_string(r) + "e" + std::to_string(e), "r" + std::to_string(r)));
      }
      Ingest(*store, "r" + std::to_string(r), events);
    }
  }
  Raw("PRAGMA wal_checkpoint(TRUNCATE)");
  const auto size = std::filesystem::file_size(path_);
  ASSERT_GT(size, 40000u);
  {
    // Scribble over every page but the first (the schema).
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    for (std::streamoff at = 4096; at + 64 < static_cast<std::streamoff>(size); at += 4096) {
      f.seekp(at);
      for (int i = 0; i < 64; ++i) f.put(static_cast<char>(0xA5));
    }
  }
  auto store = OpenSqliteStore(path_);
  Status error = store.status();
  if (store.ok()) {
    auto events = (*store)->Events({});
    ASSERT_FALSE(events.ok());
    error = events.status();
  }
  EXPECT_EQ(error.kind(), ErrorKind::kCorrupt) << error.ToString();
  EXPECT_THAT(error.ToString(), HasSubstr(path_));
}

TEST_F(SqliteStoreTest, AHandEditedValueIsReportedAsCorrupt) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    Ingest(*store, "r1", {MakeEvent("e1", "r1")});
  }
  Raw("UPDATE events SET claim = 'rumoured' WHERE id = 'e1'");
  auto store = Open();
  ASSERT_NE(store, nullptr);
  auto e = store->GetEvent("e1");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().kind(), ErrorKind::kCorrupt);
  EXPECT_THAT(e.status().ToString(), HasSubstr("events.claim of e1"));
  EXPECT_THAT(e.status().ToString(), HasSubstr("rumoured"));
}

TEST_F(SqliteStoreTest, AnotherConnectionWaitsForTheWriterThenGivesUp) {
  auto first = Open();
  ASSERT_NE(first, nullptr);
  SqliteOptions patient;
  patient.busy_timeout_ms = 100;
  auto second = Open(patient);
  ASSERT_NE(second, nullptr);
  auto tx = first->Begin();
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE((*tx)->PutReport(MakeReport("r1"), {}, {}).ok());
  auto blocked = second->Begin();
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().kind(), ErrorKind::kStoreError);
  EXPECT_THAT(blocked.status().message(), HasSubstr("locked"));
  // Readers of the other store are not blocked, and see committed state only.
  EXPECT_FALSE(*second->HasReport("r1"));
  ASSERT_TRUE((*tx)->Commit().ok());
  EXPECT_TRUE(*second->HasReport("r1"));
  auto now = second->Begin();
  EXPECT_TRUE(now.ok()) << now.status().ToString();
}

TEST_F(SqliteStoreTest, RefusesAPathThatIsNotAFile) {
  for (const char* path : {"", ":memory:", "file::memory:?cache=shared"}) {
    auto store = OpenSqliteStore(path);
    ASSERT_FALSE(store.ok()) << path;
    EXPECT_EQ(store.status().kind(), ErrorKind::kInvalidArgument);
  }
}

}  // namespace
}  // namespace sitrep
