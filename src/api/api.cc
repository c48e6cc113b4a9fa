#include "api/api.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "api/auth.h"
#include "api/openapi.h"
#include "sitrep/export.h"
#include "sitrep/reader.h"

namespace sitrep::api {

namespace {

using Json = nlohmann::json;

// ------------------------------------------------------------ responses

std::shared_ptr<const std::string> Body(std::string text) {
  return std::make_shared<const std::string>(std::move(text));
}

ApiResponse JsonResponse(int status, std::string json) {
  EscapeJsonForHtml(&json);
  ApiResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = Body(std::move(json));
  return r;
}

ApiResponse JsonResponse(int status, const Json& json) {
  // Replace invalid UTF-8 rather than throw: stored text was checked on the
  // way in, but a response must never fail on it.
  return JsonResponse(status, json.dump(-1, ' ', false, Json::error_handler_t::replace));
}

ApiResponse ErrorResponse(int status, std::string_view kind, std::string_view message,
                          std::string_view input) {
  return JsonResponse(status, ErrorJson(kind, message, input));
}

ApiResponse ErrorResponse(const Status& status) {
  return ErrorResponse(HttpStatusFor(status.kind()), ErrorKindName(status.kind()), status.message(),
                       status.input());
}

ApiResponse TextResponse(int status, std::string content_type, std::string body, bool json_like) {
  if (json_like) EscapeJsonForHtml(&body);
  ApiResponse r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = Body(std::move(body));
  return r;
}

// ------------------------------------------------------------ JSON of values

std::string DateText(Date d) { return d.IsValid() ? d.ToString() : std::string(); }

Json DateJson(Date d) { return d.IsValid() ? Json(d.ToString()) : Json(nullptr); }

Json PlaceJson(const Place& p) {
  return Json{{"geonameid", p.geonameid},
              {"name", p.name},
              {"ascii_name", p.ascii_name},
              {"kind", std::string(PlaceKindName(p.kind))},
              {"feature_code", p.feature_code},
              {"country", p.country},
              {"country_name", p.country_name},
              {"admin1_code", p.admin1_code},
              {"admin1", p.admin1},
              {"lat", p.lat},
              {"lon", p.lon},
              {"population", p.population}};
}

Json IntervalJson(const ControlInterval& iv) {
  return Json{{"holder", iv.holder},
              {"challenger", iv.challenger},
              {"status", std::string(ControlStatusName(iv.status))},
              {"from", DateJson(iv.from)},
              {"to", DateJson(iv.to)},
              {"evidence", iv.evidence}};
}

Json ChangeJson(const ControlChange& c) {
  return Json{{"place", PlaceJson(c.place)},
              {"date", DateJson(c.date)},
              {"from_holder", c.from_holder},
              {"to_holder", c.to_holder},
              {"status", std::string(ControlStatusName(c.status))},
              {"evidence", c.evidence}};
}

Json QuantityJson(const Quantity& q) {
  return Json{{"what", q.what}, {"value", q.value}, {"unit", q.unit}, {"text", q.text}};
}

// Splices already-serialized JSON objects into {"<head fields>", "<key>": [...]}.
std::string WrapArray(const Json& head, std::string_view key,
                      const std::vector<std::string>& items) {
  std::string out = head.dump(-1, ' ', false, Json::error_handler_t::replace);
  out.pop_back();  // the closing brace
  if (out.size() > 1) out += ',';
  out += '"';
  out += key;
  out += "\":[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += items[i];
  }
  out += "]}";
  return out;
}

// ------------------------------------------------------------ helpers

Date Today() {
  using std::chrono::days;
  using std::chrono::floor;
  using std::chrono::system_clock;
  auto d = floor<days>(system_clock::now()).time_since_epoch().count();
  return Date::FromDays(static_cast<int32_t>(d));
}

Result<Date> AsOfParam(const QueryParams& params, std::string_view name = "as_of") {
  auto v = params.Get(name);
  if (!v || *v == "today") return Today();
  return ParseDateParam(name, *v);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.size() <= 18 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The media type of a Content-Type header, lower case, without parameters.
std::string MediaType(std::string_view content_type) {
  std::string_view t = content_type.substr(0, content_type.find(';'));
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  return Lower(t);
}

std::string_view ContentTypeOf(OutputFormat f) {
  switch (f) {
    case OutputFormat::kJson:
      return "application/json";
    case OutputFormat::kJsonl:
      return "application/x-ndjson";
    case OutputFormat::kGeoJson:
      return "application/geo+json";
    case OutputFormat::kCsv:
      return "text/csv; charset=utf-8";
  }
  return "application/json";
}

struct RouteSpec {
  std::string_view path;
  std::string_view method;  // "GET" (also answers HEAD) or "POST"
};

constexpr RouteSpec kRoutes[] = {
    {"/api/info", "GET"},         {"/api/events", "GET"},
    {"/api/control", "GET"},      {"/api/control/history", "GET"},
    {"/api/changes", "GET"},      {"/api/summary", "GET"},
    {"/api/places", "GET"},       {"/api/near", "GET"},
    {"/api/openapi.json", "GET"}, {"/api/reports", "POST"},
};
constexpr std::string_view kEventPrefix = "/api/events/";

}  // namespace

// ------------------------------------------------------------ public helpers

std::string ErrorJson(std::string_view kind, std::string_view message, std::string_view input) {
  Json j{{"error",
          {{"kind", std::string(kind)},
           {"message", std::string(message)},
           {"input", std::string(input)}}}};
  std::string out = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  EscapeJsonForHtml(&out);
  return out;
}

int HttpStatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kOk:
      return 200;
    case ErrorKind::kInvalidArgument:
    case ErrorKind::kInvalidInput:
    case ErrorKind::kInvalidUtf8:
    case ErrorKind::kBinaryInput:
    case ErrorKind::kEmptyInput:
    case ErrorKind::kMissingDate:
    case ErrorKind::kBadDate:
      return 400;
    case ErrorKind::kTooLarge:
      return 413;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kDuplicate:
      return 409;
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kIoError:
    case ErrorKind::kStoreError:
    case ErrorKind::kCorrupt:
    case ErrorKind::kInternal:
      return 500;
  }
  return 500;
}


// ------------------------------------------------------------ Api

Api::Api(ServerContext context, ApiOptions options)
    : context_(context), options_(std::move(options)), cache_(options_.cache_bytes) {}

bool Api::IsApiPath(std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  return path == "/api" || path.substr(0, 5) == "/api/";
}

std::vector<std::pair<std::string, std::string>> Api::Routes() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const RouteSpec& r : kRoutes) out.emplace_back(r.path, r.method);
  out.emplace_back(std::string(kEventPrefix) + "{id}", "GET");
  return out;
}

ApiResponse Api::Handle(const ApiRequest& request) {
  try {
    std::string_view target = request.target;
    size_t q = target.find('?');
    std::string_view path = target.substr(0, q);
    std::string_view query =
        q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
    if (size_t hash = query.find('#'); hash != std::string_view::npos)
      query = query.substr(0, hash);

    // Route and method first, so that a wrong path is a 404 whatever the query.
    std::string_view allowed;
    bool is_event = false;
    for (const RouteSpec& r : kRoutes) {
      if (r.path == path) allowed = r.method;
    }
    if (allowed.empty() && path.size() > kEventPrefix.size() &&
        path.substr(0, kEventPrefix.size()) == kEventPrefix &&
        path.find('/', kEventPrefix.size()) == std::string_view::npos) {
      allowed = "GET";
      is_event = true;
    }
    if (allowed.empty()) {
      return ErrorResponse(404, "not_found", "no such API endpoint (see /api/openapi.json)",
                           path.substr(0, options_.limits.max_echo_bytes));
    }
    const bool is_read = request.method == "GET" || request.method == "HEAD";
    if ((allowed == "GET" && !is_read) || (allowed == "POST" && request.method != "POST")) {
      ApiResponse r = ErrorResponse(
          405, "method_not_allowed",
          std::string(request.method) + " is not allowed here; use " + std::string(allowed), path);
      r.headers.emplace_back("Allow", allowed == "GET" ? "GET, HEAD" : "POST");
      return r;
    }

    // Authorization.
    const bool needs_token =
        allowed == "POST" || (options_.protect_reads && path != "/api/openapi.json");
    if (needs_token) {
      if (options_.token.empty()) {
        return ErrorResponse(403, "forbidden",
                             "no access token is configured on this server, so it accepts no "
                             "writes (see docs/api.md, \"Access token\")",
                             path);
      }
      if (!BearerMatches(request.authorization, options_.token)) {
        ApiResponse r = ErrorResponse(
            401, "unauthorized",
            request.authorization.empty()
                ? "this request needs the access token: send \"Authorization: Bearer <token>\""
                : "the access token is wrong",
            path);
        r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"sitrep\"");
        return r;
      }
    }

    auto params = QueryParams::Parse(query, options_.limits);
    if (!params.ok()) return ErrorResponse(params.status());

    if (is_event) {
      auto id = DecodePathSegment(path.substr(kEventPrefix.size()));
      if (!id.ok()) return ErrorResponse(id.status());
      return EventById(*id, *params);
    }
    if (request.method == "POST") return PostReports(request, *params);
    return Dispatch(request, path, *params);
  } catch (const std::exception& e) {
    return ErrorResponse(500, "internal", std::string("unexpected failure: ") + e.what(), "");
  } catch (...) {
    return ErrorResponse(500, "internal", "unexpected failure", "");
  }
}

ApiResponse Api::Dispatch(const ApiRequest& /*request*/, std::string_view path,
                          const Params& params) {
  if (path == "/api/openapi.json") return OpenApi(params);
  using Handler = ApiResponse (Api::*)(const Params&);
  static const std::unordered_map<std::string_view, Handler> kHandlers = {
      {"/api/info", &Api::Info},       {"/api/events", &Api::Events},
      {"/api/control", &Api::Control}, {"/api/control/history", &Api::ControlHistory},
      {"/api/changes", &Api::Changes}, {"/api/summary", &Api::SummaryOf},
      {"/api/places", &Api::Places},   {"/api/near", &Api::Near},
  };
  auto it = kHandlers.find(path);
  if (it == kHandlers.end()) return ErrorResponse(404, "not_found", "no such API endpoint", path);
  Handler handler = it->second;
  std::string key(path);
  key += '?';
  key += params.Canonical();
  return Cached(key, [&] { return (this->*handler)(params); });
}

ApiResponse Api::Cached(const std::string& key, const std::function<ApiResponse()>& compute) {
  const uint64_t generation = cache_.generation();
  if (auto hit = cache_.Find(key, generation)) {
    ApiResponse r;
    r.status = hit->status;
    r.content_type = hit->content_type;
    r.body = std::shared_ptr<const std::string>(hit, &hit->body);
    r.from_cache = true;
    return r;
  }
  ApiResponse r = compute();
  // Only successful answers are kept; errors are cheap and may be transient.
  if (r.status == 200 && r.body) {
    auto entry = std::make_shared<CachedResponse>();
    entry->status = r.status;
    entry->content_type = r.content_type;
    entry->body = *r.body;
    cache_.Insert(key, generation, std::move(entry));
  }
  return r;
}

void Api::PollStoreForOutsideChanges() {
  if (context_.store == nullptr) return;
  std::lock_guard lock(poll_mu_);
  auto stats = context_.store->Stats();
  if (!stats.ok()) return;
  const StoreStats& s = *stats;
  bool changed =
      have_stats_ &&
      (s.reports != last_stats_.reports || s.events != last_stats_.events ||
       s.sources != last_stats_.sources || s.control_intervals != last_stats_.control_intervals);
  last_stats_ = s;
  have_stats_ = true;
  if (changed) cache_.Invalidate();
}

// ------------------------------------------------------------ endpoints

ApiResponse Api::Info(const Params& params) {
  if (Status s = params.CheckAllowed({}); !s.ok()) return ErrorResponse(s);
  const ConflictProfile& profile = context_.picture->profile();
  Json sides = Json::array();
  Json members = Json::array();
  for (const auto& side : profile.sides) {
    if (side.empty()) continue;
    sides.push_back(side.front());
    members.push_back(side);
  }
  auto events = context_.store->Events(EventFilter{});
  if (!events.ok()) return ErrorResponse(events.status());
  Date first;
  Date last;
  std::set<std::string> actors;
  auto widen = [&](Date d) {
    if (!d.IsValid()) return;
    if (!first.IsValid() || d < first) first = d;
    if (!last.IsValid() || d > last) last = d;
  };
  for (const Event& e : *events) {
    widen(e.date);
    widen(e.start_date);
    if (!e.actor.empty()) actors.insert(e.actor);
    if (!e.target.empty()) actors.insert(e.target);
  }
  // A report tells the picture as of the day it was published, which may
  // come after the last event it reports.
  auto reports = context_.store->ListReports();
  if (!reports.ok()) return ErrorResponse(reports.status());
  Date first_report;
  Date last_report;
  for (const Report& r : *reports) {
    widen(r.published);
    if (!r.published.IsValid()) continue;
    if (!first_report.IsValid() || r.published < first_report) first_report = r.published;
    if (!last_report.IsValid() || r.published > last_report) last_report = r.published;
  }
  Json stats = Json::object();
  if (auto st = context_.store->Stats(); st.ok()) {
    stats = Json{{"reports", st->reports},
                 {"events", st->events},
                 {"sources", st->sources},
                 {"control_intervals", st->control_intervals},
                 {"schema_version", st->schema_version}};
  }
  Json j{{"title", profile.title.empty() ? profile.name : profile.title},
         {"profile", profile.name},
         {"countries", profile.countries},
         {"default_holder", profile.default_holder},
         {"capital", profile.capital},
         {"sides", sides},
         {"side_members", members},
         {"first_date", DateJson(first)},
         {"last_date", DateJson(last)},
         {"first_report_date", DateJson(first_report)},
         {"last_report_date", DateJson(last_report)},
         {"actors", actors},
         {"stats", stats},
         {"writes_enabled", !options_.token.empty() && context_.pipeline != nullptr},
         {"reads_protected", options_.protect_reads}};
  return JsonResponse(200, j);
}

ApiResponse Api::Events(const Params& params) {
  if (Status s = params.CheckAllowed({"since", "until", "place", "actor", "family", "claim",
                                      "min_corroboration", "limit", "format"});
      !s.ok()) {
    return ErrorResponse(s);
  }
  OutputFormat format = OutputFormat::kJson;
  if (auto v = params.Get("format")) {
    auto f = ParseFormatParam(
        "format", *v,
        {OutputFormat::kJson, OutputFormat::kJsonl, OutputFormat::kGeoJson, OutputFormat::kCsv});
    if (!f.ok()) return ErrorResponse(f.status());
    format = *f;
  }
  auto filter = ParseEventFilter(params, options_.limits, options_.default_event_limit);
  if (!filter.ok()) return ErrorResponse(filter.status());
  // A number names a place by its GeoNames id, as on the command line.
  if (AllDigits(filter->place)) {
    filter->geonameid = std::stoll(filter->place);
    filter->place.clear();
  }
  auto events = context_.store->Events(*filter);
  if (!events.ok()) return ErrorResponse(events.status());
  std::ostringstream out;
  switch (format) {
    case OutputFormat::kJson: {
      std::vector<std::string> items;
      items.reserve(events->size());
      for (const Event& e : *events) items.push_back(EventToJson(e));
      Json head{{"count", events->size()},
                {"limit", filter->limit},
                {"truncated", filter->limit != 0 && events->size() >= filter->limit}};
      return TextResponse(200, "application/json", WrapArray(head, "events", items), true);
    }
    case OutputFormat::kJsonl:
      WriteEventsJsonl(*events, out);
      break;
    case OutputFormat::kGeoJson:
      WriteEventsGeoJson(*events, out);
      break;
    case OutputFormat::kCsv:
      WriteEventsCsv(*events, out);
      break;
  }
  return TextResponse(200, std::string(ContentTypeOf(format)), out.str(),
                      format != OutputFormat::kCsv);
}

ApiResponse Api::EventById(std::string_view id, const Params& params) {
  if (Status s = params.CheckAllowed({}); !s.ok()) return ErrorResponse(s);
  if (id.size() > 256)
    return ErrorResponse(404, "not_found", "no event with this id", id.substr(0, 120));
  std::string key = "/api/events/";
  key += id;
  return Cached(key, [&]() -> ApiResponse {
    auto event = context_.store->GetEvent(id);
    if (!event.ok()) return ErrorResponse(event.status());
    if (!event->has_value()) return ErrorResponse(404, "not_found", "no event with this id", id);
    return TextResponse(200, "application/json", EventToJson(**event), true);
  });
}

ApiResponse Api::Control(const Params& params) {
  if (Status s = params.CheckAllowed({"as_of", "kind", "holder", "include_default", "format"});
      !s.ok()) {
    return ErrorResponse(s);
  }
  auto as_of = AsOfParam(params);
  if (!as_of.ok()) return ErrorResponse(as_of.status());
  ControlQuery query;
  if (auto v = params.Get("kind")) {
    auto kind = ParseKindParam("kind", *v);
    if (!kind.ok()) return ErrorResponse(kind.status());
    query.kind = *kind;
  }
  if (auto v = params.Get("holder")) {
    auto holder = ParseTextParam("holder", *v, options_.limits.max_text_bytes);
    if (!holder.ok()) return ErrorResponse(holder.status());
    query.holder = *holder;
  }
  if (auto v = params.Get("include_default")) {
    auto b = ParseBoolParam("include_default", *v);
    if (!b.ok()) return ErrorResponse(b.status());
    query.include_default = *b;
  }
  OutputFormat format = OutputFormat::kJson;
  if (auto v = params.Get("format")) {
    auto f = ParseFormatParam(
        "format", *v,
        {OutputFormat::kJson, OutputFormat::kJsonl, OutputFormat::kGeoJson, OutputFormat::kCsv});
    if (!f.ok()) return ErrorResponse(f.status());
    format = *f;
  }
  auto rows = context_.picture->ControlAsOf(*as_of, query);
  if (!rows.ok()) return ErrorResponse(rows.status());
  std::ostringstream out;
  switch (format) {
    case OutputFormat::kJson: {
      std::vector<std::string> items;
      items.reserve(rows->size());
      for (const PlaceControl& pc : *rows) items.push_back(PlaceControlToJson(pc));
      Json head{{"as_of", as_of->ToString()}, {"count", rows->size()}};
      return TextResponse(200, "application/json", WrapArray(head, "control", items), true);
    }
    case OutputFormat::kJsonl:
      WriteControlJsonl(*rows, out);
      break;
    case OutputFormat::kGeoJson:
      WriteControlGeoJson(*rows, out);
      break;
    case OutputFormat::kCsv:
      WriteControlCsv(*rows, out);
      break;
  }
  return TextResponse(200, std::string(ContentTypeOf(format)), out.str(),
                      format != OutputFormat::kCsv);
}

Result<const Place*> Api::FindPlace(std::string_view param, std::string_view value) {
  SITREP_ASSIGN_OR_RETURN(std::string name,
                          ParseTextParam(param, value, options_.limits.max_text_bytes));
  if (context_.gazetteer == nullptr) {
    return Status(ErrorKind::kUnavailable, "no gazetteer is loaded", std::string(param));
  }
  if (AllDigits(name)) {
    if (const Place* p = context_.gazetteer->Get(std::stoll(name))) return p;
    return Status(ErrorKind::kNotFound, std::string(param) + ": no place with this GeoNames id",
                  std::string(param) + "=" + name);
  }
  std::vector<const Place*> candidates = context_.gazetteer->Lookup(name);
  if (candidates.empty()) {
    return Status(ErrorKind::kNotFound, std::string(param) + ": no place of this name",
                  std::string(param) + "=" + name);
  }
  // Of several places of one name, prefer one the reports speak of.
  if (candidates.size() > 1) {
    auto with_events = context_.store->EventPlaces();
    if (with_events.ok()) {
      std::set<int64_t> ids(with_events->begin(), with_events->end());
      for (const Place* p : candidates) {
        if (ids.count(p->geonameid) != 0) return p;
      }
    }
  }
  return candidates.front();
}

ApiResponse Api::ControlHistory(const Params& params) {
  if (Status s = params.CheckAllowed({"place"}); !s.ok()) return ErrorResponse(s);
  auto value = params.Get("place");
  if (!value) {
    return ErrorResponse(400, "invalid_argument", "place: required (a name or GeoNames id)",
                         "place=");
  }
  auto place = FindPlace("place", *value);
  if (!place.ok()) return ErrorResponse(place.status());
  auto history = context_.picture->History((*place)->geonameid);
  if (!history.ok()) return ErrorResponse(history.status());
  Json intervals = Json::array();
  for (const ControlInterval& iv : *history) intervals.push_back(IntervalJson(iv));
  return JsonResponse(200, Json{{"place", PlaceJson(**place)}, {"intervals", intervals}});
}

ApiResponse Api::Changes(const Params& params) {
  if (Status s = params.CheckAllowed({"as_of", "window", "kind", "to"}); !s.ok()) {
    return ErrorResponse(s);
  }
  auto as_of = AsOfParam(params);
  if (!as_of.ok()) return ErrorResponse(as_of.status());
  int window = 8;
  if (auto v = params.Get("window")) {
    auto w = ParseWindowParam("window", *v, options_.limits.max_window_days);
    if (!w.ok()) return ErrorResponse(w.status());
    window = *w;
  }
  ChangeQuery query;
  if (auto v = params.Get("kind")) {
    auto kind = ParseKindParam("kind", *v);
    if (!kind.ok()) return ErrorResponse(kind.status());
    query.kind = *kind;
  }
  if (auto v = params.Get("to")) {
    auto to = ParseTextParam("to", *v, options_.limits.max_text_bytes);
    if (!to.ok()) return ErrorResponse(to.status());
    query.to_holder = *to;
  }
  auto changes = context_.picture->Changes(*as_of, window, query);
  if (!changes.ok()) return ErrorResponse(changes.status());
  Json list = Json::array();
  for (const ControlChange& c : *changes) list.push_back(ChangeJson(c));
  return JsonResponse(200, Json{{"as_of", as_of->ToString()},
                                {"window_days", window},
                                {"from", as_of->AddDays(-window).ToString()},
                                {"count", list.size()},
                                {"changes", list}});
}

ApiResponse Api::SummaryOf(const Params& params) {
  if (Status s = params.CheckAllowed({"as_of", "window"}); !s.ok()) return ErrorResponse(s);
  auto as_of = AsOfParam(params);
  if (!as_of.ok()) return ErrorResponse(as_of.status());
  int window = 8;
  if (auto v = params.Get("window")) {
    auto w = ParseWindowParam("window", *v, options_.limits.max_window_days);
    if (!w.ok()) return ErrorResponse(w.status());
    window = *w;
  }
  auto summary = context_.picture->Summarize(*as_of, window);
  if (!summary.ok()) return ErrorResponse(summary.status());
  Json figures = Json::array();
  for (const SummaryFigure& f : summary->figures) {
    figures.push_back(Json{
        {"label", f.label}, {"value", f.value}, {"places", f.places}, {"evidence", f.evidence}});
  }
  Json reported = Json::array();
  for (const ReportedFigure& f : summary->reported) {
    reported.push_back(Json{{"report_id", f.report_id},
                            {"subject", f.subject},
                            {"claimant", f.claimant},
                            {"quantity", QuantityJson(f.quantity)}});
  }
  return JsonResponse(200, Json{{"as_of", DateText(summary->as_of)},
                                {"window_days", summary->window_days},
                                {"text", summary->text},
                                {"figures", figures},
                                {"reported", reported}});
}

ApiResponse Api::Places(const Params& params) {
  if (Status s = params.CheckAllowed({"q", "kind", "limit"}); !s.ok()) return ErrorResponse(s);
  auto q = params.Get("q");
  if (!q) return ErrorResponse(400, "invalid_argument", "q: required (a place name)", "q=");
  auto name = ParseTextParam("q", *q, options_.limits.max_text_bytes);
  if (!name.ok()) return ErrorResponse(name.status());
  std::optional<PlaceKind> kind;
  if (auto v = params.Get("kind")) {
    auto k = ParseKindParam("kind", *v);
    if (!k.ok()) return ErrorResponse(k.status());
    kind = *k;
  }
  int64_t limit = 20;
  if (auto v = params.Get("limit")) {
    auto l = ParseIntParam("limit", *v, 1, 1000);
    if (!l.ok()) return ErrorResponse(l.status());
    limit = *l;
  }
  if (context_.gazetteer == nullptr) {
    return ErrorResponse(503, "unavailable", "no gazetteer is loaded", "q");
  }
  Json list = Json::array();
  for (const Place* p : context_.gazetteer->Lookup(*name)) {
    if (kind && p->kind != *kind) continue;
    if (static_cast<int64_t>(list.size()) >= limit) break;
    list.push_back(PlaceJson(*p));
  }
  return JsonResponse(200, Json{{"q", *name}, {"count", list.size()}, {"places", list}});
}

ApiResponse Api::Near(const Params& params) {
  if (Status s = params.CheckAllowed({"place", "radius", "kind", "held_by", "as_of", "limit"});
      !s.ok()) {
    return ErrorResponse(s);
  }
  auto value = params.Get("place");
  if (!value) {
    return ErrorResponse(400, "invalid_argument", "place: required (a name or GeoNames id)",
                         "place=");
  }
  auto as_of = AsOfParam(params);
  if (!as_of.ok()) return ErrorResponse(as_of.status());
  std::optional<double> radius;
  if (auto v = params.Get("radius")) {
    auto r = ParseDistanceKmParam("radius", *v, options_.limits.max_radius_km);
    if (!r.ok()) return ErrorResponse(r.status());
    radius = *r;
  }
  std::optional<PlaceKind> kind;
  if (auto v = params.Get("kind")) {
    auto k = ParseKindParam("kind", *v);
    if (!k.ok()) return ErrorResponse(k.status());
    kind = *k;
  }
  std::string held_by;
  if (auto v = params.Get("held_by")) {
    auto h = ParseTextParam("held_by", *v, options_.limits.max_text_bytes);
    if (!h.ok()) return ErrorResponse(h.status());
    held_by = *h;
  }
  int64_t limit = 100;
  if (auto v = params.Get("limit")) {
    auto l = ParseIntParam("limit", *v, 1, 10000);
    if (!l.ok()) return ErrorResponse(l.status());
    limit = *l;
  }
  auto place = FindPlace("place", *value);
  if (!place.ok()) return ErrorResponse(place.status());
  const Place& from = **place;

  if (!held_by.empty()) {
    auto nearest = context_.picture->NearestHeldBy(from, held_by, *as_of, kind);
    if (!nearest.ok()) return ErrorResponse(nearest.status());
    Json found = nullptr;
    if (nearest->has_value() && (!radius || (*nearest)->km <= *radius)) {
      const NearestResult& n = **nearest;
      found = Json{{"place", PlaceJson(n.nearest.place)},
                   {"control", IntervalJson(n.nearest.interval)},
                   {"by_default", n.nearest.by_default},
                   {"km", n.km}};
    }
    return JsonResponse(200, Json{{"from", PlaceJson(from)},
                                  {"held_by", held_by},
                                  {"as_of", as_of->ToString()},
                                  {"radius_km", radius ? Json(*radius) : Json(nullptr)},
                                  {"nearest", found}});
  }

  const double km = radius.value_or(50.0);
  ControlQuery all;
  all.kind = kind;
  auto control = context_.picture->ControlAsOf(*as_of, all);
  if (!control.ok()) return ErrorResponse(control.status());
  std::unordered_map<int64_t, const PlaceControl*> by_id;
  for (const PlaceControl& pc : *control) by_id[pc.place.geonameid] = &pc;
  Json list = Json::array();
  for (const PlaceDistance& pd : context_.gazetteer->Within(from.lat, from.lon, km, kind)) {
    if (pd.place == nullptr || pd.place->geonameid == from.geonameid) continue;
    if (static_cast<int64_t>(list.size()) >= limit) break;
    auto it = by_id.find(pd.place->geonameid);
    Json item{{"place", PlaceJson(*pd.place)}, {"km", pd.km}};
    item["control"] = it == by_id.end() ? Json(nullptr) : IntervalJson(it->second->interval);
    item["by_default"] = it != by_id.end() && it->second->by_default;
    list.push_back(std::move(item));
  }
  return JsonResponse(200, Json{{"from", PlaceJson(from)},
                                {"as_of", as_of->ToString()},
                                {"radius_km", km},
                                {"count", list.size()},
                                {"places", list}});
}

ApiResponse Api::OpenApi(const Params& params) {
  if (Status s = params.CheckAllowed({}); !s.ok()) return ErrorResponse(s);
  static const std::shared_ptr<const std::string> kDocument = Body(OpenApiDocument());
  ApiResponse r;
  r.content_type = "application/json";
  r.body = kDocument;
  return r;
}

ApiResponse Api::PostReports(const ApiRequest& request, const Params& params) {
  if (Status s = params.CheckAllowed({"published", "outlet", "url", "format"}); !s.ok()) {
    return ErrorResponse(s);
  }
  if (context_.pipeline == nullptr) {
    return ErrorResponse(503, "unavailable", "this server was started without an ingest pipeline",
                         "/api/reports");
  }
  ReaderOptions reader;
  if (auto v = params.Get("published")) {
    auto d = ParseDateParam("published", *v);
    if (!d.ok()) return ErrorResponse(d.status());
    reader.published = *d;
  }
  if (auto v = params.Get("outlet")) {
    auto o = ParseTextParam("outlet", *v, options_.limits.max_text_bytes);
    if (!o.ok()) return ErrorResponse(o.status());
    reader.outlet = *o;
  }
  if (auto v = params.Get("url")) {
    auto u = ParseTextParam("url", *v, 2048);
    if (!u.ok()) return ErrorResponse(u.status());
    reader.url = *u;
  }
  if (request.body.empty()) {
    return ErrorResponse(400, "empty_input", "the request has no body: send a report", "body");
  }
  const std::string media = MediaType(request.content_type);
  std::string body_storage;
  std::string_view body = request.body;
  if (auto v = params.Get("format")) {
    auto f = ParseInputFormat(Lower(*v));
    if (!f.ok())
      return ErrorResponse(400, "invalid_argument", "format: " + f.status().message(),
                           "format=" + std::string(*v));
    reader.format = *f;
  } else if (media == "application/json") {
    // One JSON object, formatted any way: re-written as one JSON Lines record
    // so that the reader checks its fields exactly as for a .jsonl file.
    Json object = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded()) {
      return ErrorResponse(400, "invalid_input",
                           "the body is not valid JSON (or not UTF-8): send one object "
                           "{url, outlet, published, title, text}",
                           "body");
    }
    if (!object.is_object()) {
      return ErrorResponse(400, "invalid_input", "the JSON body must be one object", "body");
    }
    body_storage = object.dump(-1, ' ', false, Json::error_handler_t::replace);
    body = body_storage;
    reader.format = InputFormat::kJsonl;
  } else if (media == "application/x-ndjson" || media == "application/jsonl") {
    reader.format = InputFormat::kJsonl;
  } else if (media == "text/html" || media == "application/xhtml+xml") {
    reader.format = InputFormat::kHtml;
  } else if (media == "text/plain" || media == "text/markdown") {
    reader.format = InputFormat::kText;
  } else if (!media.empty() && media != "application/octet-stream") {
    return ErrorResponse(415, "unsupported_media_type",
                         "send text/plain (a report with a header), application/json, "
                         "application/x-ndjson or text/html",
                         media);
  }

  std::vector<Report> reports;
  std::vector<Status> refused;
  ParseDocument(body, "body", reader, [&](Result<Report> item) {
    if (item.ok()) {
      reports.push_back(std::move(item).value());
    } else {
      refused.push_back(item.status());
    }
  });
  for (auto it = reports.begin(); it != reports.end();) {
    if (!it->published.IsValid()) {
      refused.emplace_back(ErrorKind::kMissingDate,
                           "the report has no publication date: give a `published:` header "
                           "line, a \"published\" field, or ?published=YYYY-MM-DD",
                           it->origin.empty() ? std::string("body") : it->origin);
      it = reports.erase(it);
    } else {
      ++it;
    }
  }
  if (reports.empty()) {
    if (refused.empty()) {
      return ErrorResponse(400, "empty_input", "the body holds no report", "body");
    }
    return ErrorResponse(refused.front());
  }

  Json results = Json::array();
  bool any_new = false;
  {
    std::lock_guard lock(ingest_mu_);
    for (const Report& report : reports) {
      auto result = context_.pipeline->IngestReport(report);
      if (!result.ok()) {
        refused.push_back(result.status());
        continue;
      }
      any_new = any_new || !result->duplicate;
      results.push_back(Json{{"report_id", report.id},
                             {"origin", report.origin},
                             {"duplicate", result->duplicate},
                             {"events_new", result->events_new},
                             {"events_merged", result->events_merged},
                             {"places_changed", result->places_changed}});
    }
    // Whatever was stored, the picture may have changed.
    if (!results.empty()) cache_.Invalidate();
  }
  Json errors = Json::array();
  for (const Status& s : refused) {
    errors.push_back(Json{{"kind", std::string(ErrorKindName(s.kind()))},
                          {"message", s.message()},
                          {"input", s.input()}});
  }
  if (results.empty()) {
    // Nothing stored: the first refusal decides the status.
    return ErrorResponse(refused.front());
  }
  return JsonResponse(any_new ? 201 : 200, Json{{"reports", results}, {"refused", errors}});
}

}  // namespace sitrep::api
