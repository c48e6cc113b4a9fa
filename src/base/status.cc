#include "sitrep/status.h"

namespace sitrep {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kOk: return "ok";
    case ErrorKind::kInvalidArgument: return "invalid_argument";
    case ErrorKind::kInvalidInput: return "invalid_input";
    case ErrorKind::kInvalidUtf8: return "invalid_utf8";
    case ErrorKind::kBinaryInput: return "binary_input";
    case ErrorKind::kEmptyInput: return "empty_input";
    case ErrorKind::kTooLarge: return "too_large";
    case ErrorKind::kMissingDate: return "missing_date";
    case ErrorKind::kBadDate: return "bad_date";
    case ErrorKind::kNotFound: return "not_found";
    case ErrorKind::kDuplicate: return "duplicate";
    case ErrorKind::kIoError: return "io_error";
    case ErrorKind::kStoreError: return "store_error";
    case ErrorKind::kCorrupt: return "corrupt";
    case ErrorKind::kUnavailable: return "unavailable";
    case ErrorKind::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  if (input_.empty()) return message_;
  return input_ + ": " + message_;
}

Status Status::WithContext(std::string_view where) const {
  if (ok()) return *this;
  std::string input(where);
  if (!input_.empty()) {
    input += ":";
    input += input_;
  }
  return Status(kind_, message_, std::move(input));
}

}  // namespace sitrep
