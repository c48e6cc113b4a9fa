#include "text/file_system.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

namespace sitrep {

namespace {

namespace fs = std::filesystem;

std::string SizeText(size_t n) { return std::to_string(n) + " bytes"; }

Status TooLarge(const std::string& path, size_t max_bytes) {
  return Status(ErrorKind::kTooLarge,
                "larger than the limit of " + SizeText(max_bytes) + " (max_file_bytes)", path);
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Reads `f` to its end, refusing after `max_bytes`.
Result<std::string> ReadStream(std::FILE* f, const std::string& path, size_t max_bytes) {
  std::string out;
  char buffer[1 << 16];
  while (true) {
    const size_t n = std::fread(buffer, 1, sizeof buffer, f);
    if (n > 0) {
      if (out.size() + n > max_bytes) return TooLarge(path, max_bytes);
      out.append(buffer, n);
    }
    if (n < sizeof buffer) {
      if (std::ferror(f)) {
        return Status(ErrorKind::kIoError, std::string("cannot read: ") + std::strerror(errno),
                      path);
      }
      if (std::feof(f)) break;
    }
  }
  return out;
}

bool IsHiddenName(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

}  // namespace

bool RealFileSystem::IsDirectory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

Result<std::vector<std::string>> RealFileSystem::ListFiles(const std::string& dir) const {
  std::error_code ec;
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status(ErrorKind::kIoError, "cannot list folder: " + ec.message(), dir);
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) return Status(ErrorKind::kIoError, "cannot list folder: " + ec.message(), dir);
    const fs::directory_entry& entry = *it;
    std::error_code type_ec;
    if (IsHiddenName(entry.path())) {
      if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(type_ec)) files.push_back(entry.path().string());
  }
  if (ec) return Status(ErrorKind::kIoError, "cannot list folder: " + ec.message(), dir);
  std::sort(files.begin(), files.end());
  return files;
}

Result<size_t> RealFileSystem::FileSize(const std::string& path) const {
  if (path == "-") {
    return Status(ErrorKind::kUnavailable, "standard input has no size before it is read", path);
  }
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    if (ec == std::errc::no_such_file_or_directory || !fs::exists(st)) {
      return Status(ErrorKind::kNotFound, "no such file or folder", path);
    }
    return Status(ErrorKind::kIoError, "cannot read: " + ec.message(), path);
  }
  if (!fs::is_regular_file(st)) {
    return Status(ErrorKind::kInvalidInput, "not a regular file", path);
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return Status(ErrorKind::kIoError, "cannot read: " + ec.message(), path);
  return static_cast<size_t>(size);
}

Result<std::string> RealFileSystem::ReadFile(const std::string& path, size_t max_bytes) const {
  if (path == "-") return ReadStream(stdin, path, max_bytes);
  errno = 0;
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    const int err = errno;
    return Status(err == ENOENT ? ErrorKind::kNotFound : ErrorKind::kIoError,
                  std::string("cannot open: ") + std::strerror(err), path);
  }
  return ReadStream(f.get(), path, max_bytes);
}

const FileSystem* DefaultFileSystem() {
  static const RealFileSystem* const kFileSystem = new RealFileSystem();
  return kFileSystem;
}

// ---------------------------------------------------------------- in memory

void InMemoryFileSystem::AddFile(const std::string& path, std::string contents) {
  files_[path] = std::move(contents);
}

void InMemoryFileSystem::SetStdin(std::string contents) { stdin_ = std::move(contents); }

void InMemoryFileSystem::FailReads(const std::string& path, Status status) {
  failures_[path] = std::move(status);
}

int InMemoryFileSystem::ReadCount(const std::string& path) const {
  auto it = reads_.find(path);
  return it == reads_.end() ? 0 : it->second;
}

bool InMemoryFileSystem::IsDirectory(const std::string& path) const {
  std::string prefix = path;
  if (prefix.empty() || prefix.back() != '/') prefix += '/';
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.starts_with(prefix);
}

Result<std::vector<std::string>> InMemoryFileSystem::ListFiles(const std::string& dir) const {
  if (!IsDirectory(dir)) return Status(ErrorKind::kNotFound, "no such folder", dir);
  std::string prefix = dir;
  if (prefix.back() != '/') prefix += '/';
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix);
       ++it) {
    out.push_back(it->first);
  }
  return out;
}

Result<size_t> InMemoryFileSystem::FileSize(const std::string& path) const {
  if (path == "-") {
    return Status(ErrorKind::kUnavailable, "standard input has no size before it is read", path);
  }
  auto it = files_.find(path);
  if (it == files_.end()) return Status(ErrorKind::kNotFound, "no such file or folder", path);
  return it->second.size();
}

Result<std::string> InMemoryFileSystem::ReadFile(const std::string& path, size_t max_bytes) const {
  ++reads_[path];
  if (auto f = failures_.find(path); f != failures_.end()) return f->second;
  const std::string* contents = nullptr;
  if (path == "-") {
    if (!stdin_) return Status(ErrorKind::kIoError, "standard input is closed", path);
    contents = &*stdin_;
  } else {
    auto it = files_.find(path);
    if (it == files_.end()) return Status(ErrorKind::kNotFound, "no such file or folder", path);
    contents = &it->second;
  }
  if (contents->size() > max_bytes) return TooLarge(path, max_bytes);
  return *contents;
}

}  // namespace sitrep
