// Api: the HTTP API's request handling, apart from any socket.
//
// Handle() takes a request (method, target, headers that matter, body) and
// returns a complete response (status, content type, body, extra headers).
// The HTTP server (server.cc) only moves bytes; everything an endpoint does
// is here, so that it is tested without a network and the rules (auth,
// errors, caching, escaping) live in one place.
//
// Errors are JSON: {"error": {"kind": "...", "message": "...", "input": "..."}}
// where kind is ErrorKindName() of the Status, or one of "unauthorized",
// "forbidden", "not_found", "method_not_allowed", "unavailable" for HTTP's
// own refusals.
//
// Thread-safety: Handle() may be called concurrently. Reads use the Store,
// Picture and Gazetteer concurrently (their interfaces allow it); ingests are
// serialized by a mutex, as Pipeline requires.
#ifndef SITREP_API_API_H_
#define SITREP_API_API_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http_params.h"
#include "api/response_cache.h"
#include "sitrep/server.h"

namespace sitrep::api {

struct ApiOptions {
  std::string token;  // "" = none configured: writes refused
  bool protect_reads = false;
  size_t default_event_limit = 1000;
  ParamLimits limits;
  size_t cache_bytes = size_t{64} << 20;
};

struct ApiRequest {
  std::string_view method;         // "GET", "HEAD", "POST", ...
  std::string_view target;         // "/api/control?as_of=2021-08-13", as sent
  std::string_view authorization;  // the Authorization header, or ""
  std::string_view content_type;   // the Content-Type header, or ""
  std::string_view body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  // Shared with the cache: a cached response is not copied per request.
  std::shared_ptr<const std::string> body;
  std::vector<std::pair<std::string, std::string>> headers;  // Allow, WWW-Authenticate, ...
  bool from_cache = false;
};

// A JSON error body as described above.
std::string ErrorJson(std::string_view kind, std::string_view message, std::string_view input);
// The HTTP status for a Status's kind (400, 404, 413, 500, 503, ...).
int HttpStatusFor(ErrorKind kind);

class Api {
 public:
  // `context` members are not owned and must outlive the Api.
  Api(ServerContext context, ApiOptions options);

  // True if the target's path is one of the API's ("/api/..."); other paths
  // are the page's.
  static bool IsApiPath(std::string_view target);

  // Every route the API answers, as (OpenAPI path, method): "/api/events/{id}".
  static std::vector<std::pair<std::string, std::string>> Routes();

  ApiResponse Handle(const ApiRequest& request);

  // Makes every cached response stale (called after an ingest).
  void Invalidate() { cache_.Invalidate(); }
  // Compares the store's counts with those of the last poll and makes the
  // cache stale if they changed: how writes by another process are noticed.
  // Called periodically by the server, off the request path.
  void PollStoreForOutsideChanges();
  const ResponseCache& cache() const { return cache_; }

 private:
  using Params = QueryParams;

  ApiResponse Dispatch(const ApiRequest& request, std::string_view path, const Params& params);
  ApiResponse Cached(const std::string& key, const std::function<ApiResponse()>& compute);

  ApiResponse Info(const Params& params);
  ApiResponse Events(const Params& params);
  ApiResponse EventById(std::string_view id, const Params& params);
  ApiResponse Control(const Params& params);
  ApiResponse ControlHistory(const Params& params);
  ApiResponse Changes(const Params& params);
  ApiResponse SummaryOf(const Params& params);
  ApiResponse Places(const Params& params);
  ApiResponse Near(const Params& params);
  ApiResponse OpenApi(const Params& params);
  ApiResponse PostReports(const ApiRequest& request, const Params& params);

  Result<const Place*> FindPlace(std::string_view param, std::string_view value);

  ServerContext context_;
  ApiOptions options_;
  ResponseCache cache_;
  std::mutex ingest_mu_;

  // Outside-change detection (see ServerOptions::store_check_ms).
  std::mutex poll_mu_;
  StoreStats last_stats_;
  bool have_stats_ = false;
};

}  // namespace sitrep::api

#endif  // SITREP_API_API_H_
