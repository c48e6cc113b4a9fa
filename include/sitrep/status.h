// Status and Result<T>: how errors cross module boundaries in sitrep.
//
// A Status is either OK or carries a named Kind, a human-readable message,
// and the offending input (a file name, a byte offset, a field) so that the
// user can find and fix what went wrong. No exception escapes a module: code
// that calls a throwing library catches at the module edge and returns a
// Status.
//
// Result<T> holds either a T or a non-OK Status.
//
// Thread-safety: values; safe to copy and move between threads.
#ifndef SITREP_STATUS_H_
#define SITREP_STATUS_H_

#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sitrep {

enum class ErrorKind : uint8_t {
  kOk = 0,
  kInvalidArgument,  // a bad option, flag or parameter
  kInvalidInput,     // a report, file or record that cannot be read as one
  kInvalidUtf8,      // text that is not valid UTF-8
  kBinaryInput,      // looks like a binary file (NUL bytes, control runs)
  kEmptyInput,       // nothing to read
  kTooLarge,         // over a documented size limit
  kMissingDate,      // a report with no publication date
  kBadDate,          // a date that cannot be parsed
  kNotFound,         // a place, report or file that does not exist
  kDuplicate,        // already stored (not an error for ingest, a fact)
  kIoError,          // the operating system said no
  kStoreError,       // the database said no
  kCorrupt,          // stored data that fails its own checks
  kUnavailable,      // a feature or backend that is not built in
  kInternal,         // a bug: an invariant was broken
};

// Stable lower-case name of a kind, e.g. "invalid_utf8"; used in JSON errors.
std::string_view ErrorKindName(ErrorKind kind);

class Status {
 public:
  Status() = default;  // OK
  Status(ErrorKind kind, std::string message, std::string input = {})
      : kind_(kind), message_(std::move(message)), input_(std::move(input)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return kind_ == ErrorKind::kOk; }
  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  // The offending input: a path, "path:offset", a field name. May be empty.
  const std::string& input() const { return input_; }

  // "input: message" (or just the message), for printing to a user.
  std::string ToString() const;

  // Returns a copy whose input is prefixed by `where` ("file.txt: ").
  Status WithContext(std::string_view where) const;

 private:
  ErrorKind kind_ = ErrorKind::kOk;
  std::string message_;
  std::string input_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "Result from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace sitrep

// Propagates a non-OK Status from an expression returning Status.
#define SITREP_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::sitrep::Status sitrep_status_ = (expr);   \
    if (!sitrep_status_.ok()) return sitrep_status_; \
  } while (0)

#define SITREP_CONCAT_INNER_(a, b) a##b
#define SITREP_CONCAT_(a, b) SITREP_CONCAT_INNER_(a, b)
// Declares `lhs` from a Result, or returns its Status.
#define SITREP_ASSIGN_OR_RETURN(lhs, expr) \
  SITREP_ASSIGN_OR_RETURN_IMPL_(SITREP_CONCAT_(sitrep_result_, __LINE__), lhs, expr)
#define SITREP_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()

#endif  // SITREP_STATUS_H_
