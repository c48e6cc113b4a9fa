// Server: the HTTP API (JSON, JSON Lines, GeoJSON, CSV) and the web map.
//
// Endpoints are listed in docs/api.md and described by GET
// /api/openapi.json. Reads (GET) are open to anyone who can reach the
// address unless ServerOptions::protect_reads is set; POST /api/reports
// always needs the access token ("Authorization: Bearer <token>"), and is
// refused when no token is configured. The token comes from
// ServerOptions::token, else $SITREP_TOKEN, else the first line of the token
// file: $SITREP_TOKEN_FILE, else $XDG_CONFIG_HOME/sitrep/token, else
// ~/.config/sitrep/token.
//
// Responses to reads are cached in memory per store generation: an ingest
// through this server invalidates them at once; a change made by another
// process (`sitrep ingest` on the same database) is noticed within
// ServerOptions::store_check_ms.
//
// Every response carries a strict Content-Security-Policy (no inline
// script), X-Content-Type-Options: nosniff and no-referrer. JSON never
// contains a raw '<', '>' or '&' (they are written as \u escapes), so
// report text cannot become markup even if a response is misread as HTML.
//
// Thread-safety: Start() returns a running server whose request threads use
// the ServerContext's objects concurrently for reads (which their
// interfaces allow) and serialize ingests (one at a time, as Pipeline
// requires). Stop() may be called from any thread and from a signal handler
// (it only shuts the listening socket down); Wait() blocks until the server
// has finished the requests in flight and stopped. Destroying a Server stops
// it and waits.
#ifndef SITREP_SERVER_H_
#define SITREP_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "sitrep/gazetteer.h"
#include "sitrep/ingest.h"
#include "sitrep/picture.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep {

struct ServerOptions {
  // Address to listen on. Anything but a loopback address (127.0.0.0/8,
  // ::1, localhost) exposes the reads to the network: set protect_reads, or
  // Start() refuses unless allow_open_reads is set too.
  std::string bind = "127.0.0.1";
  // TCP port; 0 picks a free one (see Server::port()).
  int port = 8080;
  // Access token; "" = $SITREP_TOKEN, else the token file (see above). At
  // least 16 bytes, no spaces.
  std::string token;
  // Require the token for reads too (GET /api/...); the page asks for it.
  bool protect_reads = false;
  // Serve unprotected reads on a non-loopback address anyway.
  bool allow_open_reads = false;
  // A request body larger than this is refused with 413.
  size_t max_body_bytes = size_t{8} << 20;
  // Read and write timeout of one request on a connection, in milliseconds.
  int timeout_ms = 10000;
  // An idle keep-alive connection is closed after this many seconds.
  int keep_alive_seconds = 5;
  // Requests served on one connection before it is closed.
  int keep_alive_max_requests = 1000;
  // Worker threads; 0 = max(8, 4 x hardware threads). Each open connection
  // holds a thread while it is kept alive.
  int threads = 0;
  // Folder of the built web page (scripts/build-web.sh); "" = $SITREP_WEB_ROOT,
  // else the build's web/dist. A missing folder disables the page, not the API.
  std::string web_root;
  // Memory for cached responses, in bytes.
  size_t cache_bytes = size_t{64} << 20;
  // How often the store is checked for changes made by other processes, in
  // milliseconds (Store::Stats()); 0 = never.
  int store_check_ms = 1000;
  // Events a GET /api/events returns when the request gives no limit, and
  // the most it may ask for.
  size_t default_event_limit = 1000;
  size_t max_event_limit = 100000;
  // One line per request on stderr: method, path, status, microseconds.
  bool access_log = false;
};

// What the server answers from. None owned; all must outlive the Server.
// `pipeline` may be null: POST /api/reports then answers 503.
struct ServerContext {
  Store* store = nullptr;
  Picture* picture = nullptr;
  Pipeline* pipeline = nullptr;
  const Gazetteer* gazetteer = nullptr;
};

class Server {
 public:
  virtual ~Server() = default;

  // Binds and starts serving on background threads. Fails (kInvalidArgument)
  // on a bad option or token, (kIoError) if the address cannot be bound.
  static Result<std::unique_ptr<Server>> Start(ServerOptions options, ServerContext context);

  // The port actually bound.
  virtual int port() const = 0;
  // Where the token came from ("option", "environment (SITREP_TOKEN)", a
  // file path) or "" when none is configured.
  virtual std::string token_source() const = 0;
  // The folder the page is served from, or "" when there is none.
  virtual std::string web_root() const = 0;
  // Stops accepting connections and returns at once; idempotent.
  // Async-signal-safe.
  virtual void Stop() = 0;
  // Blocks until the server has stopped (after Stop()) and its threads have
  // finished. Not for a signal handler.
  virtual void Wait() = 0;
};

}  // namespace sitrep

#endif  // SITREP_SERVER_H_
