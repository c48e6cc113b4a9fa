// The `sitrep` subcommands. Each Add*Command registers one subcommand, its
// options and --help text on the CLI11 app; when the subcommand runs it
// stores its exit code in *exit_code.
//
// Thread-safety: one thread.
#ifndef SITREP_CLI_COMMANDS_H_
#define SITREP_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <memory>

#include "cli/app.h"

namespace sitrep::cli {

// The App is made on first use, after parsing has set the global options
// (subcommand callbacks run once the whole command line is parsed).
class AppSlot {
 public:
  explicit AppSlot(const GlobalOptions* global) : global_(global) {}
  App& Get() {
    if (!app_) app_ = std::make_unique<App>(*global_);
    return *app_;
  }

 private:
  const GlobalOptions* global_;
  std::unique_ptr<App> app_;
};

void AddIngestCommand(CLI::App& cli, AppSlot* app, int* exit_code);
void AddCodeCommand(CLI::App& cli, AppSlot* app, int* exit_code);
void AddEventsCommand(CLI::App& cli, AppSlot* app, int* exit_code);
void AddControlCommand(CLI::App& cli, AppSlot* app, int* exit_code);
void AddChangesCommand(CLI::App& cli, AppSlot* app, int* exit_code);
void AddSummaryCommand(CLI::App& cli, AppSlot* app, int* exit_code);
void AddPlaceCommand(CLI::App& cli, AppSlot* app, int* exit_code);
void AddNearCommand(CLI::App& cli, AppSlot* app, int* exit_code);
void AddServeCommand(CLI::App& cli, AppSlot* app, int* exit_code);
void AddRebuildCommand(CLI::App& cli, AppSlot* app, int* exit_code);

// Prints "sitrep: <error>" to stderr and returns its exit code.
int Fail(const Status& status);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_COMMANDS_H_
