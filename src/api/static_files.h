// StaticFiles: the built web page (scripts/build-web.sh), read into memory
// once at start so that serving it never touches the file system and no
// request path can reach a file outside the folder.
//
// Thread-safety: immutable after Load(); Find() may be called concurrently.
#ifndef SITREP_API_STATIC_FILES_H_
#define SITREP_API_STATIC_FILES_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "sitrep/status.h"

namespace sitrep::api {

struct StaticFile {
  std::string content_type;
  std::string cache_control;
  std::shared_ptr<const std::string> body;
};

struct StaticLimits {
  size_t max_file_bytes = size_t{32} << 20;    // a larger file is skipped
  size_t max_total_bytes = size_t{256} << 20;  // loading stops here (kTooLarge)
  size_t max_files = 10000;
};

class StaticFiles {
 public:
  // Reads every regular file under `root` (recursively; symbolic links are
  // not followed). A missing root gives an empty set, not an error.
  static Result<StaticFiles> Load(const std::string& root, const StaticLimits& limits = {});

  // The file for a URL path ("/", "/app.js", "/vendor/leaflet/leaflet.css"),
  // or null. "/" and a folder path ending in '/' mean its index.html.
  const StaticFile* Find(std::string_view url_path) const;

  size_t size() const { return files_.size(); }
  bool empty() const { return files_.empty(); }

  // "text/javascript; charset=utf-8" for "app.js", ...
  static std::string_view ContentTypeFor(std::string_view file_name);

 private:
  std::map<std::string, StaticFile, std::less<>> files_;  // keyed by "/relative/path"
};

}  // namespace sitrep::api

#endif  // SITREP_API_STATIC_FILES_H_
