// App: the parts a `sitrep` command needs, opened on first use from the
// global options (--db, --gazetteer, --data, --dict, --profile), so that
// `sitrep place` never opens the database and `sitrep events` never loads
// the dictionaries.
//
// Thread-safety: one thread (the command's).
#ifndef SITREP_CLI_APP_H_
#define SITREP_CLI_APP_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/coder.h"
#include "sitrep/gazetteer.h"
#include "sitrep/ingest.h"
#include "sitrep/picture.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::cli {

// Exit codes, documented in docs/cli.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,   // the command could not do its work (store, gazetteer, I/O)
  kExitUsage = 2,     // a bad option, value or format
  kExitPartial = 3,   // ingest finished, but some reports were refused
  kExitNotFound = 4,  // a named place, event or report does not exist
};

// Maps a Status to the exit code a script can act on.
int ExitCodeFor(const Status& status);

struct GlobalOptions {
  std::string db;         // --db, else $SITREP_DB, else ./sitrep.db
  std::string gazetteer;  // --gazetteer, else DefaultGazetteerPath()
  std::string data_dir;   // --data, else DefaultDataDir()
  std::vector<std::string> extra_dicts;  // --dict DIR (repeatable)
  std::string profile;    // --profile NAME|PATH, else $SITREP_PROFILE, else auto
  bool quiet = false;
};

class App {
 public:
  explicit App(GlobalOptions options);

  Result<Store*> store(bool read_only = false);
  Result<const Gazetteer*> gazetteer();
  Result<const Coder*> coder();
  Result<Picture*> picture();
  // `options` take effect on the first call, which creates the pipeline.
  Result<Pipeline*> pipeline(const PipelineOptions& options = {});

  // With no profile named, the profile is chosen from the stored events'
  // countries; on a first ingest into an empty store that choice can only be
  // made afterwards. This re-chooses it and, if it changed, recomputes
  // control under the new one. Returns the profile's name ("" = none).
  Result<std::string> RefreshAutoProfile();

  // Resolves a place argument: a GeoNames id, or a name (best candidate).
  Result<const Place*> FindPlace(const std::string& name_or_id);

  const GlobalOptions& options() const { return options_; }

 private:
  Result<ConflictProfile> LoadProfile();
  Result<ConflictProfile> DetectProfile();

  GlobalOptions options_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Coder> coder_;
  std::unique_ptr<Picture> picture_;
  std::unique_ptr<Pipeline> pipeline_;
};

// "8d", "2w", "8" (days) -> days. kInvalidArgument otherwise.
Result<int> ParseWindow(const std::string& text);
// "YYYY-MM-DD" or "today".
Result<Date> ParseDateArg(const std::string& text, const std::string& flag);
Date Today();

}  // namespace sitrep::cli

#endif  // SITREP_CLI_APP_H_
