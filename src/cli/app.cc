#include "cli/app.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "sitrep/paths.h"

namespace sitrep::cli {

int ExitCodeFor(const Status& status) {
  switch (status.kind()) {
    case ErrorKind::kOk: return kExitOk;
    case ErrorKind::kInvalidArgument:
    case ErrorKind::kBadDate: return kExitUsage;
    case ErrorKind::kNotFound: return kExitNotFound;
    default: return kExitFailure;
  }
}

App::App(GlobalOptions options) : options_(std::move(options)) {
  if (options_.db.empty()) {
    const char* env = std::getenv("SITREP_DB");
    options_.db = (env != nullptr && *env != '\0') ? env : "sitrep.db";
  }
  if (options_.gazetteer.empty()) options_.gazetteer = DefaultGazetteerPath();
  if (options_.data_dir.empty()) options_.data_dir = DefaultDataDir();
  if (options_.profile.empty()) {
    const char* env = std::getenv("SITREP_PROFILE");
    if (env != nullptr) options_.profile = env;
  }
}

Result<Store*> App::store(bool read_only) {
  if (!store_) {
    SqliteOptions opts;
    opts.read_only = read_only && std::filesystem::exists(options_.db);
    SITREP_ASSIGN_OR_RETURN(store_, OpenSqliteStore(options_.db, opts));
  }
  return store_.get();
}

Result<const Gazetteer*> App::gazetteer() {
  if (!gazetteer_) {
    SITREP_ASSIGN_OR_RETURN(gazetteer_, OpenGazetteer(options_.gazetteer));
  }
  return gazetteer_.get();
}

Result<const Coder*> App::coder() {
  if (!coder_) {
    SITREP_ASSIGN_OR_RETURN(const Gazetteer* gaz, gazetteer());
    CoderOptions opts;
    opts.dict_dirs.push_back(options_.data_dir + "/dict");
    for (const auto& d : options_.extra_dicts) opts.dict_dirs.push_back(d);
    opts.lexicon = gaz;
    SITREP_ASSIGN_OR_RETURN(coder_, Coder::Create(opts));
  }
  return coder_.get();
}

// The profile: named, a path, or chosen by the countries of stored events.
Result<ConflictProfile> App::LoadProfile() {
  namespace fs = std::filesystem;
  const std::string dir = options_.data_dir + "/profiles";
  const std::string& p = options_.profile;
  if (p == "none") return EmptyProfile();
  if (!p.empty()) {
    if (fs::exists(p)) return LoadConflictProfile(p);
    std::string named = dir + "/" + p + ".profile";
    if (fs::exists(named)) return LoadConflictProfile(named);
    return Status(ErrorKind::kNotFound,
                  "no such conflict profile (give a path, or a name from " + dir + ")", p);
  }
  return DetectProfile();
}

// The profile whose countries hold most of the stored events.
Result<ConflictProfile> App::DetectProfile() {
  namespace fs = std::filesystem;
  const std::string dir = options_.data_dir + "/profiles";
  SITREP_ASSIGN_OR_RETURN(Store * s, store(true));
  EventFilter sample;
  sample.limit = 2000;
  SITREP_ASSIGN_OR_RETURN(std::vector<Event> events, s->Events(sample));
  std::map<std::string, int> by_country;
  for (const auto& e : events) {
    if (!e.place.country.empty()) ++by_country[e.place.country];
  }
  ConflictProfile best = EmptyProfile();
  int best_count = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".profile") continue;
    auto profile = LoadConflictProfile(entry.path().string());
    if (!profile.ok()) return profile.status();
    int count = 0;
    for (const auto& c : profile->countries) count += by_country[c];
    if (count > best_count) {
      best_count = count;
      best = *profile;
    }
  }
  return best;
}

Result<std::string> App::RefreshAutoProfile() {
  SITREP_ASSIGN_OR_RETURN(Picture * current, picture());
  if (!options_.profile.empty()) return current->profile().name;
  SITREP_ASSIGN_OR_RETURN(ConflictProfile detected, DetectProfile());
  if (detected.name == current->profile().name) return detected.name;
  SITREP_ASSIGN_OR_RETURN(Store * s, store());
  SITREP_ASSIGN_OR_RETURN(const Gazetteer* gaz, gazetteer());
  pipeline_.reset();
  picture_ = std::make_unique<Picture>(s, gaz, detected);
  SITREP_RETURN_IF_ERROR(picture_->RebuildControl());
  return detected.name;
}

Result<Picture*> App::picture() {
  if (!picture_) {
    SITREP_ASSIGN_OR_RETURN(Store * s, store());
    SITREP_ASSIGN_OR_RETURN(const Gazetteer* gaz, gazetteer());
    SITREP_ASSIGN_OR_RETURN(ConflictProfile profile, LoadProfile());
    picture_ = std::make_unique<Picture>(s, gaz, std::move(profile));
  }
  return picture_.get();
}

Result<Pipeline*> App::pipeline(const PipelineOptions& options) {
  if (!pipeline_) {
    SITREP_ASSIGN_OR_RETURN(const Coder* c, coder());
    SITREP_ASSIGN_OR_RETURN(const Gazetteer* gaz, gazetteer());
    SITREP_ASSIGN_OR_RETURN(Picture * pic, picture());
    pipeline_ = std::make_unique<Pipeline>(c, gaz, pic, options);
  }
  return pipeline_.get();
}

Result<const Place*> App::FindPlace(const std::string& name_or_id) {
  SITREP_ASSIGN_OR_RETURN(const Gazetteer* gaz, gazetteer());
  char* end = nullptr;
  long long id = std::strtoll(name_or_id.c_str(), &end, 10);
  if (!name_or_id.empty() && end != nullptr && *end == '\0') {
    if (const Place* p = gaz->Get(id)) return p;
    return Status(ErrorKind::kNotFound, "no place with this GeoNames id", name_or_id);
  }
  auto candidates = gaz->Lookup(name_or_id);
  if (candidates.empty()) {
    return Status(ErrorKind::kNotFound, "no place of this name in the gazetteer", name_or_id);
  }
  return candidates.front();
}

Result<int> ParseWindow(const std::string& text) {
  auto bad = [&] {
    return Status(ErrorKind::kInvalidArgument,
                  "a window is a number of days, weeks or months: 8d, 2w, 1m", text);
  };
  if (text.empty()) return bad();
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 5) return bad();
  int n = std::stoi(text.substr(0, digits));
  std::string unit = text.substr(digits);
  if (unit.empty() || unit == "d") return n;
  if (unit == "w") return n * 7;
  if (unit == "m") return n * 30;
  return bad();
}

Date Today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::FromDays(static_cast<int32_t>(now.time_since_epoch().count()));
}

Result<Date> ParseDateArg(const std::string& text, const std::string& flag) {
  if (text == "today") return Today();
  auto d = Date::Parse(text);
  if (!d.ok()) return d.status().WithContext(flag);
  return d;
}

}  // namespace sitrep::cli
