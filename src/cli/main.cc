// sitrep: news reports about an armed conflict in, a situation picture out.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/app.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace sitrep::cli;  // NOLINT(google-build-using-namespace)
  CLI::App cli{
      "sitrep: turns news reports about an armed conflict into coded events and a situation "
      "picture (who holds which place, as of any date, and on what evidence).",
      "sitrep"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", "sitrep 0.1.0");
  cli.footer(
      "Exit codes: 0 ok; 1 failure (store, gazetteer, I/O); 2 bad usage or value; "
      "3 ingest done but some reports refused; 4 not found.\n"
      "Run 'sitrep COMMAND --help' for a command's options.");

  GlobalOptions global;
  cli.add_option("--db", global.db, "SQLite database (default: $SITREP_DB, else ./sitrep.db)")
      ->type_name("PATH");
  cli.add_option("--gazetteer", global.gazetteer,
                 "gazetteer file (default: $SITREP_GAZETTEER, else the one the build made)")
      ->type_name("PATH");
  cli.add_option("--data", global.data_dir,
                 "data folder with dict/ and profiles/ (default: $SITREP_DATA, else built in)")
      ->type_name("DIR");
  cli.add_option("--dict", global.extra_dicts,
                 "extra dictionary folder, loaded after the built-in ones (repeatable)")
      ->type_name("DIR");
  cli.add_option("--profile", global.profile,
                 "conflict profile: a name in data/profiles, a path, or 'none' "
                 "(default: $SITREP_PROFILE, else chosen from the stored events' countries)")
      ->type_name("NAME|PATH");
  cli.add_flag("-q,--quiet", global.quiet, "no progress bar");

  AppSlot app(&global);
  int exit_code = kExitOk;
  AddIngestCommand(cli, &app, &exit_code);
  AddCodeCommand(cli, &app, &exit_code);
  AddEventsCommand(cli, &app, &exit_code);
  AddControlCommand(cli, &app, &exit_code);
  AddChangesCommand(cli, &app, &exit_code);
  AddSummaryCommand(cli, &app, &exit_code);
  AddPlaceCommand(cli, &app, &exit_code);
  AddNearCommand(cli, &app, &exit_code);
  AddServeCommand(cli, &app, &exit_code);
  AddRebuildCommand(cli, &app, &exit_code);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::RequiredError& e) {
    // "sitrep frobnicate": say which word is not a command.
    for (const std::string& extra : cli.remaining()) {
      if (!extra.empty() && extra[0] != '-') {
        std::cerr << "sitrep: unknown command '" << extra << "' (run 'sitrep --help')\n";
        return kExitUsage;
      }
    }
    int code = cli.exit(e);
    return code == 0 ? 0 : kExitUsage;
  } catch (const CLI::ParseError& e) {
    int code = cli.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  return exit_code;
}
