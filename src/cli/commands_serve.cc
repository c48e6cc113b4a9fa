// sitrep serve: the HTTP API and the web map.
#include <iostream>

#include "cli/commands.h"

namespace sitrep::cli {

void AddServeCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "serve", "Serve the picture over HTTP: a JSON/GeoJSON API and a web map with a time "
               "slider (not built yet: arrives with the HTTP API).");
  cmd->callback([=] {
    (void)app;
    *exit_code = Fail(Status(ErrorKind::kUnavailable,
                             "the HTTP API and web map are not part of this build yet"));
  });
}

}  // namespace sitrep::cli
