// sitrep serve: the HTTP API and the web map.
#include <pthread.h>

#include <csignal>
#include <iostream>

#include "cli/commands.h"
#include "sitrep/server.h"

namespace sitrep::cli {

void AddServeCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "serve",
      "Serve the picture over HTTP: a JSON/GeoJSON API under /api (see /api/openapi.json) and "
      "a web map with a time slider at /. Reads are open on loopback; POST /api/reports needs "
      "the token (--token, $SITREP_TOKEN, or the token file).");
  auto opts = std::make_shared<ServerOptions>();
  cmd->add_option("--port", opts->port, "TCP port (0 = any free port)")->capture_default_str();
  cmd->add_option("--bind", opts->bind, "address to listen on")->capture_default_str();
  cmd->add_option("--token", opts->token, "access token for writes (and reads with --protect-reads)");
  cmd->add_flag("--protect-reads", opts->protect_reads, "require the token for reads too");
  cmd->add_flag("--allow-open-reads", opts->allow_open_reads,
                "serve unprotected reads on a non-loopback address");
  cmd->add_option("--web-root", opts->web_root, "folder of the built web page");
  cmd->add_option("--max-body", opts->max_body_bytes, "largest request body, in bytes")
      ->capture_default_str();
  cmd->add_option("--threads", opts->threads, "worker threads (0 = automatic)");
  cmd->add_flag("--access-log", opts->access_log, "one line per request on stderr");
  cmd->callback([=] {
    App& a = app->Get();
    ServerContext ctx;
    auto store = a.store();
    if (!store.ok()) return void(*exit_code = Fail(store.status()));
    auto pipeline = a.pipeline();
    if (!pipeline.ok()) return void(*exit_code = Fail(pipeline.status()));
    ctx.store = *store;
    ctx.picture = *a.picture();
    ctx.pipeline = *pipeline;
    ctx.gazetteer = *a.gazetteer();
    // SIGINT and SIGTERM are blocked in every thread (the server's threads
    // inherit the mask) and taken here with sigwait, so stopping runs as
    // ordinary code, not inside a signal handler.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    auto server = Server::Start(*opts, ctx);
    if (!server.ok()) return void(*exit_code = Fail(server.status()));
    std::cerr << "sitrep: serving http://" << opts->bind << ":" << (*server)->port() << "/";
    if ((*server)->web_root().empty()) std::cerr << " (API only: no web page built)";
    if (!(*server)->token_source().empty()) {
      std::cerr << "; token from " << (*server)->token_source();
    }
    std::cerr << std::endl;
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    std::cerr << "sitrep: stopping (" << (signal_number == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
    (*server)->Stop();
    (*server)->Wait();
    *exit_code = kExitOk;
  });
}

}  // namespace sitrep::cli
