// The HTTP server: cpp-httplib moves the bytes; Api (api.h) answers.
#include "sitrep/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

#include "api/api.h"
#include "api/auth.h"
#include "api/static_files.h"

#ifndef SITREP_DEFAULT_WEB_ROOT
#define SITREP_DEFAULT_WEB_ROOT ""
#endif

namespace sitrep {

namespace {

// No inline script or style anywhere; the page loads only its own files.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

void SetSecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Cross-Origin-Resource-Policy", "same-origin");
}

std::string DefaultWebRoot() {
  const char* env = std::getenv("SITREP_WEB_ROOT");  // NOLINT(concurrency-mt-unsafe)
  if (env != nullptr && *env != '\0') return env;
  return SITREP_DEFAULT_WEB_ROOT;
}

class HttpServer final : public Server {
 public:
  HttpServer(ServerOptions options, ServerContext context, api::ApiOptions api_options,
             api::StaticFiles files, std::string token_source, std::string web_root)
      : options_(std::move(options)),
        api_(context, std::move(api_options)),
        files_(std::move(files)),
        token_source_(std::move(token_source)),
        web_root_(std::move(web_root)) {}

  ~HttpServer() override {
    Stop();
    Wait();
  }

  Status Listen();

  int port() const override { return port_; }
  std::string token_source() const override { return token_source_; }
  std::string web_root() const override { return web_root_; }

  // Only shutdown(2) and close(2) of the listening socket: safe in a signal
  // handler.
  void Stop() override {
    stopping_.store(true);
    http_.stop();
  }

  void Wait() override {
    std::lock_guard lock(join_mu_);
    if (thread_.joinable()) thread_.join();
    if (poller_.joinable()) poller_.join();
  }

 private:
  void Serve(const httplib::Request& req, httplib::Response& res);
  void ServeFile(const httplib::Request& req, httplib::Response& res);
  static void JsonError(httplib::Response& res, int status, std::string_view kind,
                        std::string_view message, std::string_view input);

  ServerOptions options_;
  api::Api api_;
  api::StaticFiles files_;
  std::string token_source_;
  std::string web_root_;
  httplib::Server http_;
  std::thread thread_;
  // Polls the store for writes by other processes (ServerOptions::store_check_ms),
  // so that no request pays for it.
  std::thread poller_;
  std::atomic<bool> stopping_{false};
  std::mutex join_mu_;
  std::mutex log_mu_;
  int port_ = 0;
};

void HttpServer::JsonError(httplib::Response& res, int status, std::string_view kind,
                           std::string_view message, std::string_view input) {
  res.status = status;
  res.set_content(api::ErrorJson(kind, message, input), "application/json");
}

void HttpServer::ServeFile(const httplib::Request& req, httplib::Response& res) {
  const std::string& target = req.target;
  std::string_view raw_path = std::string_view(target).substr(0, target.find('?'));
  if (req.method != "GET" && req.method != "HEAD") {
    res.set_header("Allow", "GET, HEAD");
    return JsonError(res, 405, "method_not_allowed", req.method + " is not allowed here; use GET",
                     raw_path);
  }
  auto path = api::DecodePathSegment(raw_path);
  const api::StaticFile* file = path.ok() ? files_.Find(*path) : nullptr;
  if (file == nullptr) {
    return JsonError(res, 404, "not_found",
                     files_.empty() ? "this server has no web page (build it with "
                                      "scripts/build-web.sh); the API is under /api/"
                                    : "no such page",
                     raw_path.substr(0, 120));
  }
  res.status = 200;
  res.set_header("Cache-Control", file->cache_control);
  res.set_content(*file->body, file->content_type.c_str());
}

void HttpServer::Serve(const httplib::Request& req, httplib::Response& res) {
  const auto start = std::chrono::steady_clock::now();
  SetSecurityHeaders(res);
  if (api::Api::IsApiPath(req.target)) {
    const std::string authorization = req.get_header_value("Authorization");
    const std::string content_type = req.get_header_value("Content-Type");
    api::ApiRequest request{req.method, req.target, authorization, content_type, req.body};
    api::ApiResponse response = api_.Handle(request);
    res.status = response.status;
    for (const auto& [name, value] : response.headers) res.set_header(name.c_str(), value);
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Sitrep-Cache", response.from_cache ? "hit" : "miss");
    if (response.body) {
      res.set_content(*response.body, response.content_type.c_str());
    }
  } else {
    ServeFile(req, res);
  }
  if (options_.access_log) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    std::lock_guard lock(log_mu_);
    std::fprintf(stderr, "%s %s %d %lldus\n", req.method.c_str(), req.path.c_str(), res.status,
                 static_cast<long long>(us));
  }
}

Status HttpServer::Listen() {
  const size_t threads =
      options_.threads > 0
          ? static_cast<size_t>(options_.threads)
          : std::max<size_t>(8, 4 * std::max(1u, std::thread::hardware_concurrency()));
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  const auto timeout = std::chrono::milliseconds(options_.timeout_ms);
  http_.set_read_timeout(timeout);
  http_.set_write_timeout(timeout);
  http_.set_keep_alive_timeout(options_.keep_alive_seconds);
  http_.set_keep_alive_max_count(static_cast<size_t>(options_.keep_alive_max_requests));
  http_.set_payload_max_length(options_.max_body_bytes);
  http_.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, with which a
  // second server on the same port would start and silently share requests.
  http_.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });

  auto handler = [this](const httplib::Request& req, httplib::Response& res) { Serve(req, res); };
  http_.Get(".*", handler);
  http_.Post(".*", handler);
  http_.Put(".*", handler);
  http_.Patch(".*", handler);
  http_.Delete(".*", handler);
  http_.Options(".*", handler);

  // Refusals httplib makes itself (413 before the body is read, 400 for a
  // malformed request) get the same JSON error shape and headers.
  http_.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        SetSecurityHeaders(res);
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const bool too_large = res.status == 413 || res.status == 414;
        std::string_view kind = too_large           ? "too_large"
                                : res.status == 404 ? "not_found"
                                : res.status == 400 ? "invalid_input"
                                                    : "http_error";
        std::string message =
            res.status == 413 ? "the request body is larger than the server accepts (" +
                                    std::to_string(options_.max_body_bytes) + " bytes)"
            : res.status == 414 ? std::string("the request URI is longer than the server accepts")
                                : std::string("the request could not be handled");
        JsonError(res, res.status, kind, message, req.path.substr(0, 120));
        return httplib::Server::HandlerResponse::Handled;
      }));
  http_.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SetSecurityHeaders(res);
        JsonError(res, 500, "internal", "unexpected failure while answering", "");
      });

  if (options_.port == 0) {
    port_ = http_.bind_to_any_port(options_.bind);
    if (port_ <= 0) {
      return Status(ErrorKind::kIoError, "cannot listen on this address", options_.bind);
    }
  } else {
    if (!http_.bind_to_port(options_.bind, options_.port)) {
      return Status(ErrorKind::kIoError, "cannot listen on this address and port (in use?)",
                    options_.bind + ":" + std::to_string(options_.port));
    }
    port_ = options_.port;
  }
  thread_ = std::thread([this] { http_.listen_after_bind(); });
  // Stop() only stops a server that is running: wait until it is, so that a
  // Stop() right after Start() cannot be lost.
  for (int i = 0; i < 5000 && !http_.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!http_.is_running()) {
    Stop();
    Wait();
    return Status(ErrorKind::kIoError, "the server did not start listening", options_.bind);
  }
  if (options_.store_check_ms > 0) {
    api_.PollStoreForOutsideChanges();  // the baseline
    poller_ = std::thread([this] {
      // Short naps, so that Wait() after Stop() returns promptly; Stop() may
      // come from a signal handler, so it only sets a flag.
      const auto nap = std::chrono::milliseconds(std::min(options_.store_check_ms, 50));
      auto next =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.store_check_ms);
      while (!stopping_.load()) {
        std::this_thread::sleep_for(nap);
        if (std::chrono::steady_clock::now() < next) continue;
        api_.PollStoreForOutsideChanges();
        next =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.store_check_ms);
      }
    });
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Server>> Server::Start(ServerOptions options, ServerContext context) {
  try {
    if (context.store == nullptr || context.picture == nullptr) {
      return Status(ErrorKind::kInvalidArgument, "the server needs a store and a picture",
                    "ServerContext");
    }
    if (options.port < 0 || options.port > 65535) {
      return Status(ErrorKind::kInvalidArgument, "port must be between 0 and 65535",
                    std::to_string(options.port));
    }
    if (options.timeout_ms <= 0 || options.max_body_bytes == 0 || options.threads < 0 ||
        options.keep_alive_seconds < 0 || options.keep_alive_max_requests <= 0 ||
        options.cache_bytes == 0 || options.default_event_limit == 0 ||
        options.max_event_limit < options.default_event_limit) {
      return Status(ErrorKind::kInvalidArgument,
                    "timeouts, limits, thread and cache sizes must be positive", "ServerOptions");
    }
    SITREP_ASSIGN_OR_RETURN(api::ResolvedToken token, api::ResolveToken(options.token));
    if (options.protect_reads && token.token.empty()) {
      return Status(ErrorKind::kInvalidArgument,
                    "protecting reads needs an access token (option, $SITREP_TOKEN or " +
                        api::DefaultTokenFile() + ")",
                    "protect_reads");
    }
    if (!IsLoopback(options.bind) && !options.protect_reads && !options.allow_open_reads) {
      return Status(ErrorKind::kInvalidArgument,
                    "listening beyond this machine would let anyone read the picture: protect "
                    "reads with the access token, or allow open reads explicitly",
                    options.bind);
    }
    std::string web_root = options.web_root.empty() ? DefaultWebRoot() : options.web_root;
    SITREP_ASSIGN_OR_RETURN(api::StaticFiles files, api::StaticFiles::Load(web_root));
    if (files.empty()) web_root.clear();

    api::ApiOptions api_options;
    api_options.token = token.token;
    api_options.protect_reads = options.protect_reads;
    api_options.default_event_limit = options.default_event_limit;
    api_options.limits.max_limit = static_cast<int64_t>(options.max_event_limit);
    api_options.cache_bytes = options.cache_bytes;

    auto server = std::make_unique<HttpServer>(std::move(options), context, std::move(api_options),
                                               std::move(files), token.source, web_root);
    SITREP_RETURN_IF_ERROR(server->Listen());
    return std::unique_ptr<Server>(std::move(server));
  } catch (const std::exception& e) {
    return Status(ErrorKind::kInternal, std::string("cannot start the server: ") + e.what(), "");
  }
}

}  // namespace sitrep
