#include "places/data_files.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

namespace sitrep::places {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t j = line.find('\t', i);
    if (j == std::string_view::npos) {
      out.push_back(Trim(line.substr(i)));
      return out;
    }
    out.push_back(Trim(line.substr(i, j - i)));
    i = j + 1;
  }
}

// Calls fn(fields, where) for every data line; stops at the first error.
template <typename Fn>
Status ForEachLine(std::string_view text, std::string_view name, Fn fn) {
  size_t line_no = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view line = text.substr(i, j - i);
    i = j + 1;
    ++line_no;
    std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#') continue;
    std::string where = std::string(name) + ":" + std::to_string(line_no);
    SITREP_RETURN_IF_ERROR(fn(SplitTabs(line), where));
  }
  return Status::Ok();
}

bool IsAlpha2(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

}  // namespace

Result<std::vector<AliasLine>> ParseAliases(std::string_view text, std::string_view name) {
  std::vector<AliasLine> out;
  Status s = ForEachLine(
      text, name, [&](const std::vector<std::string_view>& f, const std::string& where) -> Status {
        if (f.size() < 2 || f.size() > 3 || f[0].empty() || f[1].empty()) {
          return Status(ErrorKind::kInvalidInput,
                        "expected: name TAB target TAB note (target: a GeoNames id, admin1:CODE or "
                        "country:CC)",
                        where);
        }
        AliasLine a;
        a.name = std::string(f[0]);
        a.where = where;
        std::string_view target = f[1];
        if (target.starts_with("admin1:")) {
          a.admin1_code = std::string(target.substr(7));
          if (a.admin1_code.size() < 4 || !IsAlpha2(a.admin1_code.substr(0, 2)) ||
              a.admin1_code[2] != '.') {
            return Status(ErrorKind::kInvalidInput, "bad admin-1 code (want e.g. admin1:AF.23)",
                          where);
          }
        } else if (target.starts_with("country:")) {
          a.country = std::string(target.substr(8));
          if (!IsAlpha2(a.country)) {
            return Status(ErrorKind::kInvalidInput, "bad country code (want e.g. country:AF)",
                          where);
          }
        } else {
          auto [end, ec] =
              std::from_chars(target.data(), target.data() + target.size(), a.geonameid);
          if (ec != std::errc() || end != target.data() + target.size() || a.geonameid <= 0) {
            return Status(ErrorKind::kInvalidInput,
                          "bad target '" + std::string(target) +
                              "' (want a GeoNames id, admin1:CODE or country:CC)",
                          where);
          }
        }
        out.push_back(std::move(a));
        return Status::Ok();
      });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<DemonymLine>> ParseDemonyms(std::string_view text, std::string_view name) {
  std::vector<DemonymLine> out;
  Status s = ForEachLine(
      text, name, [&](const std::vector<std::string_view>& f, const std::string& where) -> Status {
        if (f.size() < 2 || f.size() > 3 || f[0].empty() || !IsAlpha2(f[1])) {
          return Status(ErrorKind::kInvalidInput,
                        "expected: demonym TAB country code (two capital letters) TAB note", where);
        }
        out.push_back({std::string(f[0]), std::string(f[1])});
        return Status::Ok();
      });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<std::string>> ParseStopNames(std::string_view text, std::string_view name) {
  std::vector<std::string> out;
  Status s = ForEachLine(
      text, name, [&](const std::vector<std::string_view>& f, const std::string& where) -> Status {
        if (f.size() > 2 || f[0].empty()) {
          return Status(ErrorKind::kInvalidInput, "expected: word TAB note", where);
        }
        out.emplace_back(f[0]);
        return Status::Ok();
      });
  if (!s.ok()) return s;
  return out;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return Status(ErrorKind::kNotFound, "no such file", path);
    return Status(ErrorKind::kIoError, std::string("cannot open: ") + std::strerror(errno), path);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status(ErrorKind::kIoError, "cannot read", path);
  return ss.str();
}

}  // namespace sitrep::places
