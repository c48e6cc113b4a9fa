// FileSystem implementations: the real one behind DefaultFileSystem(), and
// one held in memory for tests.
//
// RealFileSystem reads files with stdio and lists folders with
// std::filesystem, never throwing. ListFiles follows no symbolic links to
// folders (so a link loop cannot trap it), skips what it may not read, does
// not descend into hidden folders (names starting with '.'), and returns
// regular files in byte order of their paths. ReadFile("-") reads standard
// input to its end. ReadFile refuses with kTooLarge as soon as more than
// `max_bytes` bytes arrive, so a file that grows after FileSize is still
// bounded.
//
// InMemoryFileSystem maps paths ("dir/sub/a.txt") to contents; a folder is
// any path that is a prefix of a file's path up to a '/'. Tests can give it
// standard input and make reading a path fail with a chosen Status.
//
// Thread-safety: RealFileSystem is safe to share (standard input is one
// stream: read it from one thread). InMemoryFileSystem is safe to share once
// filled; filling it is not synchronized.
#ifndef SITREP_TEXT_FILE_SYSTEM_H_
#define SITREP_TEXT_FILE_SYSTEM_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/reader.h"

namespace sitrep {

class RealFileSystem final : public FileSystem {
 public:
  bool IsDirectory(const std::string& path) const override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;
  Result<size_t> FileSize(const std::string& path) const override;
  Result<std::string> ReadFile(const std::string& path, size_t max_bytes) const override;
};

class InMemoryFileSystem final : public FileSystem {
 public:
  void AddFile(const std::string& path, std::string contents);
  void SetStdin(std::string contents);
  // Makes ReadFile(path) fail with `status` (FileSize still answers).
  void FailReads(const std::string& path, Status status);
  // How many times ReadFile was called for `path`.
  int ReadCount(const std::string& path) const;

  bool IsDirectory(const std::string& path) const override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;
  Result<size_t> FileSize(const std::string& path) const override;
  Result<std::string> ReadFile(const std::string& path, size_t max_bytes) const override;

 private:
  std::map<std::string, std::string> files_;  // sorted by path
  std::map<std::string, Status> failures_;
  std::optional<std::string> stdin_;
  mutable std::map<std::string, int> reads_;
};

}  // namespace sitrep

#endif  // SITREP_TEXT_FILE_SYSTEM_H_
