#include "store/sqlite_connection.h"

#include <utility>

#include "store/store_rules.h"

namespace sitrep::store {
namespace {

void FoldFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* text = sqlite3_value_text(argv[0]);
  int size = sqlite3_value_bytes(argv[0]);
  std::string folded =
      FoldCase(std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(size)));
  sqlite3_result_text64(context, folded.data(), folded.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

}  // namespace

// ---------------------------------------------------------------- Statement

Statement::Statement(sqlite3_stmt* stmt, SqliteConnection* connection, std::string what)
    : stmt_(stmt), connection_(connection), what_(std::move(what)) {}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      connection_(other.connection_),
      what_(std::move(other.what_)),
      bind_error_(other.bind_error_) {}

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

void Statement::Check(int rc) {
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

void Statement::Bind(int index, std::string_view text) {
  Check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}
void Statement::Bind(int index, int64_t value) { Check(sqlite3_bind_int64(stmt_, index, value)); }
void Statement::Bind(int index, double value) { Check(sqlite3_bind_double(stmt_, index, value)); }
void Statement::BindNull(int index) { Check(sqlite3_bind_null(stmt_, index)); }
void Statement::Bind(int index, Date date) {
  if (date.IsValid()) {
    Bind(index, std::string_view(date.ToString()));
  } else {
    BindNull(index);
  }
}

int Statement::Index(const char* name) const { return sqlite3_bind_parameter_index(stmt_, name); }

Result<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) return connection_->Error(bind_error_, what_);
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return connection_->Error(rc, what_);
}

Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string_view Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  int size = sqlite3_column_bytes(stmt_, column);
  return std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Real(int column) const { return sqlite3_column_double(stmt_, column); }

Result<Date> Statement::DateAt(int column, std::string_view field, std::string_view row) const {
  if (IsNull(column)) return Date();
  auto date = Date::Parse(Text(column));
  if (!date.ok()) {
    return Status(ErrorKind::kCorrupt,
                  "stored date '" + std::string(Text(column)) + "' is not YYYY-MM-DD",
                  connection_->path() + ": " + std::string(field) + " of " + std::string(row));
  }
  return *date;
}

// ---------------------------------------------------------------- SqliteConnection

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 bool read_only,
                                                                 int busy_timeout_ms,
                                                                 int64_t mmap_bytes) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE |
              (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  // The connection owns `db` even when opening failed.
  std::unique_ptr<SqliteConnection> c(new SqliteConnection(db, path));
  if (rc != SQLITE_OK) return c->Error(rc, "opening the database");
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  if (mmap_bytes > 0) {
    // A pragma takes no bound parameters; the value is an integer option.
    SITREP_RETURN_IF_ERROR(c->Exec("PRAGMA mmap_size = " + std::to_string(mmap_bytes),
                                   "mapping the database into memory"));
  }
  rc = sqlite3_create_function_v2(db, "sitrep_fold", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                  &FoldFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return c->Error(rc, "registering sitrep_fold");
  SITREP_RETURN_IF_ERROR(c->Exec("PRAGMA foreign_keys = ON", "turning foreign keys on"));
  return c;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<Statement> SqliteConnection::Prepare(std::string_view sql, std::string what) {
  auto it = statements_.find(std::string(sql));
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      return Error(rc, "preparing the statement for " + what);
    }
    it = statements_.emplace(std::string(sql), stmt).first;
  }
  return Statement(it->second, this, std::move(what));
}

Status SqliteConnection::Exec(std::string_view script, std::string_view what) {
  const char* next = script.data();
  const char* end = script.data() + script.size();
  while (next < end) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, next, static_cast<int>(end - next), &stmt, &tail);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      return Error(rc, what);
    }
    next = tail;
    if (stmt == nullptr) continue;  // only whitespace or comments
    do {
      rc = sqlite3_step(stmt);
    } while (rc == SQLITE_ROW);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return Error(rc, what);
  }
  return Status::Ok();
}

Status SqliteConnection::Error(int rc, std::string_view what) const {
  int primary = rc & 0xff;
  ErrorKind kind = (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) ? ErrorKind::kCorrupt
                                                                           : ErrorKind::kStoreError;
  std::string message = sqlite3_errstr(rc);
  if (db_ != nullptr && sqlite3_extended_errcode(db_) == rc) message = sqlite3_errmsg(db_);
  return Status(kind, message, path_ + ": " + std::string(what));
}

}  // namespace sitrep::store
