#include "api/static_files.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace sitrep::api {

namespace fs = std::filesystem;

std::string_view StaticFiles::ContentTypeFor(std::string_view file_name) {
  size_t dot = file_name.rfind('.');
  std::string_view ext =
      dot == std::string_view::npos ? std::string_view() : file_name.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "geojson") return "application/geo+json";
  if (ext == "png") return "image/png";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "ico") return "image/x-icon";
  if (ext == "txt" || ext == "md" || ext.empty()) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Load(const std::string& root, const StaticLimits& limits) {
  StaticFiles out;
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return out;
  size_t total = 0;
  auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
  if (ec) return Status(ErrorKind::kIoError, "cannot read the web folder: " + ec.message(), root);
  for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) return Status(ErrorKind::kIoError, "cannot read the web folder: " + ec.message(), root);
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    const fs::path& path = it->path();
    uintmax_t size = it->file_size(ec);
    if (ec || size > limits.max_file_bytes) continue;
    if (out.files_.size() >= limits.max_files || total + size > limits.max_total_bytes) {
      return Status(ErrorKind::kTooLarge, "the web folder holds more than the server will load",
                    root);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::string bytes(static_cast<size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) continue;
    total += bytes.size();
    std::string rel = "/" + fs::relative(path, root, ec).generic_string();
    if (ec) continue;
    StaticFile file;
    file.content_type = std::string(ContentTypeFor(path.filename().string()));
    // Third-party assets change only with a rebuild; the page's own files
    // are revalidated so that a rebuilt page shows at once.
    file.cache_control = rel.rfind("/vendor/", 0) == 0 ? "public, max-age=3600" : "no-cache";
    file.body = std::make_shared<const std::string>(std::move(bytes));
    out.files_.emplace(std::move(rel), std::move(file));
  }
  return out;
}

const StaticFile* StaticFiles::Find(std::string_view url_path) const {
  std::string key(url_path);
  if (key.empty() || key.back() == '/') key += "index.html";
  auto it = files_.find(key);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace sitrep::api
