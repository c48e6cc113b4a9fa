// LoadConflictProfile: the profile file format (docs/control-rules.md).
//
//   # a comment line
//   name: afghanistan-2021
//   countries: AF
//   side:
//     - Afghan government
//     - Afghan government forces
//   side: Taliban
//
// A key starts at the left margin; a list key takes its items inline
// (comma-separated) or as "- item" lines below it. `side` may repeat: each
// one is a side.
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "picture/control_rules.h"
#include "sitrep/picture.h"

namespace sitrep {

namespace {

// A profile is a few hundred bytes; anything this big is not one.
constexpr size_t kMaxProfileBytes = 1 << 20;

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitCommas(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    std::string_view item = Trim(s.substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

class ProfileParser {
 public:
  explicit ProfileParser(std::string path) : path_(std::move(path)) {}

  Result<ConflictProfile> Parse(std::string_view text) {
    size_t pos = 0;
    int line_no = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      Status s = Line(line, line_no);
      if (!s.ok()) return s;
    }
    line_no_ = line_no;
    return Finish();
  }

 private:
  Status Error(int line, std::string message) const {
    return Status(ErrorKind::kInvalidInput, std::move(message), path_ + ":" + std::to_string(line));
  }

  Status Line(std::string_view raw, int line_no) {
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') return Status::Ok();
    if (line.front() == '-') {
      if (open_list_ == nullptr) return Error(line_no, "a list item with no list key above it");
      std::string_view item = Trim(line.substr(1));
      if (item.empty()) return Error(line_no, "an empty list item");
      open_list_->emplace_back(item);
      return Status::Ok();
    }
    if (raw.front() == ' ' || raw.front() == '\t') {
      return Error(line_no, "an indented line that is not a \"- item\"");
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return Error(line_no, "expected \"key: value\"");
    std::string key(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    open_list_ = nullptr;

    if (key == "side") {
      profile_.sides.emplace_back(SplitCommas(value));
      side_lines_.push_back(line_no);
      open_list_ = &profile_.sides.back();
      return Status::Ok();
    }
    if (key == "countries") {
      if (!seen_.insert(key).second) return Error(line_no, "\"countries\" given twice");
      profile_.countries = SplitCommas(value);
      countries_line_ = line_no;
      open_list_ = &profile_.countries;
      return Status::Ok();
    }
    std::string* field = nullptr;
    if (key == "name") field = &profile_.name;
    if (key == "title") field = &profile_.title;
    if (key == "default_holder") field = &profile_.default_holder;
    if (key == "capital") field = &profile_.capital;
    if (key == "major_city_population") {
      if (!seen_.insert(key).second) return Error(line_no, "\"" + key + "\" given twice");
      int64_t n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size() || n < 0) {
        return Error(line_no, "major_city_population must be a whole number >= 0, not \"" +
                                  std::string(value) + "\"");
      }
      profile_.major_city_population = n;
      return Status::Ok();
    }
    if (field == nullptr) {
      return Error(line_no, "unknown key \"" + key +
                                "\" (one of: name, title, countries, default_holder, capital, "
                                "major_city_population, side)");
    }
    if (!seen_.insert(key).second) return Error(line_no, "\"" + key + "\" given twice");
    if (value.empty()) return Error(line_no, "\"" + key + "\" has no value");
    *field = std::string(value);
    if (key == "default_holder") holder_line_ = line_no;
    return Status::Ok();
  }

  Result<ConflictProfile> Finish() {
    if (profile_.countries.empty()) {
      return Error(countries_line_ > 0 ? countries_line_ : line_no_,
                   "a profile needs \"countries\": at least one alpha-2 code");
    }
    for (auto& c : profile_.countries) {
      if (c.size() != 2 || std::isalpha(static_cast<unsigned char>(c[0])) == 0 ||
          std::isalpha(static_cast<unsigned char>(c[1])) == 0) {
        return Error(countries_line_, "\"" + c + "\" is not an ISO 3166-1 alpha-2 country code");
      }
      for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    std::set<std::string> names;
    for (size_t i = 0; i < profile_.sides.size(); ++i) {
      if (profile_.sides[i].empty()) return Error(side_lines_[i], "a side with no names");
      for (const auto& n : profile_.sides[i]) {
        if (!names.insert(FoldActor(n)).second) {
          return Error(side_lines_[i], "\"" + n + "\" is named in two sides");
        }
      }
    }
    if (!profile_.default_holder.empty() && !profile_.sides.empty() &&
        names.count(FoldActor(profile_.default_holder)) == 0) {
      return Error(holder_line_,
                   "default_holder \"" + profile_.default_holder + "\" is not a name of any side");
    }
    if (profile_.name.empty()) profile_.name = std::filesystem::path(path_).stem().string();
    if (profile_.title.empty()) profile_.title = profile_.name;
    return profile_;
  }

  std::string path_;
  ConflictProfile profile_;
  std::vector<std::string>* open_list_ = nullptr;
  std::set<std::string> seen_;
  std::vector<int> side_lines_;
  int countries_line_ = 0;
  int holder_line_ = 0;
  int line_no_ = 0;
};

}  // namespace

Result<ConflictProfile> LoadConflictProfile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status(ErrorKind::kNotFound, "no such profile file", path);
  }
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status(ErrorKind::kIoError, ec.message(), path);
  if (size > kMaxProfileBytes) {
    return Status(ErrorKind::kTooLarge,
                  "a profile file is at most " + std::to_string(kMaxProfileBytes) + " bytes", path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorKind::kIoError, "cannot open the profile file", path);
  std::stringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status(ErrorKind::kIoError, "cannot read the profile file", path);
  ProfileParser parser(path);
  return parser.Parse(buf.str());
}

ConflictProfile EmptyProfile() {
  ConflictProfile p;
  p.name = "none";
  p.title = "No conflict profile";
  return p;
}

}  // namespace sitrep
