// sitrep events, control, changes, summary: questions to the picture.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/table.h"
#include "sitrep/export.h"

namespace sitrep::cli {

namespace {

CLI::Option* AddFormat(CLI::App* cmd, std::string* format,
                       std::initializer_list<std::string> choices = {"table", "jsonl", "csv",
                                                                     "geojson"}) {
  return cmd->add_option("--format", *format, "output format")
      ->check(CLI::IsMember(std::vector<std::string>(choices)))
      ->capture_default_str();
}

std::string Since(const ControlInterval& iv) {
  return iv.from.IsValid() ? iv.from.ToString() : "";
}

std::string HolderText(const ControlInterval& iv) {
  std::string s = iv.holder;
  if (!iv.challenger.empty()) {
    s += iv.status == ControlStatus::kBesieged   ? " (besieged by " + iv.challenger + ")"
         : iv.status == ControlStatus::kClaimed  ? " (claimed by " + iv.challenger + ")"
         : iv.status == ControlStatus::kContested ? " (contested by " + iv.challenger + ")"
                                                  : "";
  }
  return s;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

void PrintControl(const std::vector<PlaceControl>& rows, const std::string& format) {
  if (format == "jsonl") return WriteControlJsonl(rows, std::cout);
  if (format == "csv") return WriteControlCsv(rows, std::cout);
  if (format == "geojson") return WriteControlGeoJson(rows, std::cout);
  Table t({"place", "kind", "admin1", "status", "holder", "since", "evidence"});
  for (const auto& r : rows) {
    t.AddRow({r.place.ascii_name.empty() ? r.place.name : r.place.ascii_name,
              std::string(PlaceKindName(r.place.kind)), r.place.admin1,
              std::string(ControlStatusName(r.interval.status)), HolderText(r.interval),
              r.by_default ? "(by default)" : Since(r.interval), Join(r.interval.evidence)});
  }
  t.Print(std::cout);
}

}  // namespace

void AddEventsCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand("events", "List stored events, with all their sources.");
  struct Flags {
    std::string since, until, place, actor, family, claim, format = "table";
    int min_corroboration = 0;
    size_t limit = 0;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("--since", f->since, "first day (inclusive)")->type_name("YYYY-MM-DD");
  cmd->add_option("--until", f->until, "last day (inclusive)")->type_name("YYYY-MM-DD");
  cmd->add_option("--place", f->place, "place name or GeoNames id");
  cmd->add_option("--actor", f->actor, "actor or target (canonical name)");
  cmd->add_option("--family", f->family, "CAMEO code prefix, e.g. 19 (fighting) or 192")
      ->check(CLI::Validator(
          [](std::string& s) {
            return s.find_first_not_of("0123456789") == std::string::npos ? std::string()
                                                                          : "digits only";
          },
          "CAMEO"));
  cmd->add_option("--claim", f->claim, "claim status")
      ->check(CLI::IsMember({"reported", "attributed", "claimed", "denied"}));
  cmd->add_option("--min-corroboration", f->min_corroboration, "at least this many outlets");
  cmd->add_option("--limit", f->limit, "at most this many events (0 = all)");
  AddFormat(cmd, &f->format);
  cmd->callback([=] {
    App& a = app->Get();
    EventFilter filter;
    if (!f->since.empty()) {
      auto d = ParseDateArg(f->since, "--since");
      if (!d.ok()) return void(*exit_code = Fail(d.status()));
      filter.since = *d;
    }
    if (!f->until.empty()) {
      auto d = ParseDateArg(f->until, "--until");
      if (!d.ok()) return void(*exit_code = Fail(d.status()));
      filter.until = *d;
    }
    if (!f->place.empty()) {
      // A number is a GeoNames id; a name matches the resolved name or the text.
      if (f->place.find_first_not_of("0123456789") == std::string::npos) {
        filter.geonameid = std::stoll(f->place);
      } else {
        filter.place = f->place;
      }
    }
    filter.actor = f->actor;
    filter.family = f->family;
    if (!f->claim.empty()) filter.claim = *ParseClaimStatus(f->claim);
    filter.min_corroboration = f->min_corroboration;
    filter.limit = f->limit;
    auto store = a.store(true);
    if (!store.ok()) return void(*exit_code = Fail(store.status()));
    auto events = (*store)->Events(filter);
    if (!events.ok()) return void(*exit_code = Fail(events.status()));
    if (f->format == "jsonl") {
      WriteEventsJsonl(*events, std::cout);
    } else if (f->format == "csv") {
      WriteEventsCsv(*events, std::cout);
    } else if (f->format == "geojson") {
      WriteEventsGeoJson(*events, std::cout);
    } else {
      Table t({"date", "cameo", "action", "actor", "target", "place", "claim", "outlets", "id"},
              40);
      for (const auto& e : *events) {
        std::string claim(ClaimStatusName(e.claim));
        if (!e.claimant.empty()) claim += " by " + e.claimant;
        t.AddRow({e.date.ToString() + (e.date_precision == DatePrecision::kDay ? "" : "~"),
                  e.cameo, e.action, e.actor, e.target,
                  e.place.resolved() ? e.place.name : "?" + e.place.text, claim,
                  std::to_string(e.Corroboration()), e.id});
      }
      t.Print(std::cout);
      std::cout << t.rows() << " events\n";
    }
    *exit_code = kExitOk;
  });
}

void AddControlCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "control",
      "Who holds which place as of a date (held, contested, besieged, claimed), or the "
      "history of one place with --history.");
  struct Flags {
    std::string as_of = "today", kind, holder, history, format = "table";
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("--as-of", f->as_of, "the date of the picture")
      ->type_name("YYYY-MM-DD")
      ->capture_default_str();
  cmd->add_option("--kind", f->kind,
                  "only places of this kind; with a kind, places nothing was reported about "
                  "are listed as held by the profile's default holder")
      ->check(CLI::IsMember({"national-capital", "provincial-capital", "district-seat", "city",
                             "admin1", "country"}));
  cmd->add_option("--holder", f->holder, "only places held by this side or actor");
  cmd->add_option("--history", f->history, "every change of one place, with evidence")
      ->type_name("PLACE");
  AddFormat(cmd, &f->format);
  cmd->callback([=] {
    App& a = app->Get();
    auto picture = a.picture();
    if (!picture.ok()) return void(*exit_code = Fail(picture.status()));
    if (!f->history.empty()) {
      auto place = a.FindPlace(f->history);
      if (!place.ok()) return void(*exit_code = Fail(place.status()));
      auto history = (*picture)->History((*place)->geonameid);
      if (!history.ok()) return void(*exit_code = Fail(history.status()));
      std::vector<PlaceControl> rows;
      for (const auto& iv : *history) rows.push_back({.place = **place, .interval = iv});
      if (f->format != "table") return PrintControl(rows, f->format);
      Table t({"from", "to", "status", "holder", "evidence"});
      for (const auto& iv : *history) {
        t.AddRow({Since(iv), iv.to.IsValid() ? iv.to.ToString() : "",
                  std::string(ControlStatusName(iv.status)), HolderText(iv), Join(iv.evidence)});
      }
      std::cout << (*place)->ascii_name << " (" << (*place)->admin1 << ", "
                << (*place)->country << ", GeoNames " << (*place)->geonameid << ")\n";
      t.Print(std::cout);
      if (history->empty()) std::cout << "nothing reported about this place\n";
      *exit_code = kExitOk;
      return;
    }
    auto as_of = ParseDateArg(f->as_of, "--as-of");
    if (!as_of.ok()) return void(*exit_code = Fail(as_of.status()));
    ControlQuery q;
    if (!f->kind.empty()) q.kind = *ParsePlaceKind(f->kind);
    q.holder = f->holder;
    q.include_default = q.kind.has_value();
    auto rows = (*picture)->ControlAsOf(*as_of, q);
    if (!rows.ok()) return void(*exit_code = Fail(rows.status()));
    PrintControl(*rows, f->format);
    *exit_code = kExitOk;
  });
}

void AddChangesCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "changes", "Places that changed hands in a window of days ending at --as-of.");
  struct Flags {
    std::string as_of = "today", window = "8d", kind, to, format = "table";
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("--as-of", f->as_of, "last day of the window")->capture_default_str();
  cmd->add_option("--window", f->window, "length: 8d, 2w, 1m")->capture_default_str();
  cmd->add_option("--kind", f->kind, "only places of this kind")
      ->check(CLI::IsMember({"national-capital", "provincial-capital", "district-seat", "city",
                             "admin1", "country"}));
  cmd->add_option("--to", f->to, "only places taken by this side or actor");
  AddFormat(cmd, &f->format, {"table", "jsonl", "csv"});
  cmd->callback([=] {
    App& a = app->Get();
    auto as_of = ParseDateArg(f->as_of, "--as-of");
    if (!as_of.ok()) return void(*exit_code = Fail(as_of.status()));
    auto window = ParseWindow(f->window);
    if (!window.ok()) return void(*exit_code = Fail(window.status().WithContext("--window")));
    auto picture = a.picture();
    if (!picture.ok()) return void(*exit_code = Fail(picture.status()));
    ChangeQuery q;
    if (!f->kind.empty()) q.kind = *ParsePlaceKind(f->kind);
    q.to_holder = f->to;
    auto changes = (*picture)->Changes(*as_of, *window, q);
    if (!changes.ok()) return void(*exit_code = Fail(changes.status()));
    if (f->format == "table") {
      Table t({"date", "place", "kind", "admin1", "from", "to", "status", "evidence"});
      for (const auto& c : *changes) {
        t.AddRow({c.date.ToString(), c.place.ascii_name, std::string(PlaceKindName(c.place.kind)),
                  c.place.admin1, c.from_holder, c.to_holder,
                  c.status == ControlStatus::kHeld ? "confirmed" : "claimed only",
                  Join(c.evidence)});
      }
      t.Print(std::cout);
      std::cout << changes->size() << " changes of hands in the " << *window << " days to "
                << as_of->ToString() << "\n";
    } else {
      if (f->format == "csv") std::cout << "date,place,geonameid,kind,admin1,from,to,status,evidence\n";
      for (const auto& c : *changes) {
        if (f->format == "csv") {
          std::cout << c.date.ToString() << ',' << CsvField(c.place.ascii_name) << ','
                    << c.place.geonameid << ',' << PlaceKindName(c.place.kind) << ','
                    << CsvField(c.place.admin1) << ',' << CsvField(c.from_holder) << ','
                    << CsvField(c.to_holder) << ',' << ControlStatusName(c.status) << ','
                    << CsvField(Join(c.evidence, " ")) << '\n';
        } else {
          nlohmann::json j = {{"date", c.date.ToString()},
                              {"place", c.place.ascii_name},
                              {"geonameid", c.place.geonameid},
                              {"kind", PlaceKindName(c.place.kind)},
                              {"admin1", c.place.admin1},
                              {"from", c.from_holder},
                              {"to", c.to_holder},
                              {"status", ControlStatusName(c.status)},
                              {"evidence", c.evidence}};
          std::cout << j.dump() << '\n';
        }
      }
    }
    *exit_code = kExitOk;
  });
}

void AddSummaryCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "summary", "A short prose situation report written from the picture, with its figures.");
  struct Flags {
    std::string as_of = "today", window = "8d", format = "text";
    bool explain = false;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("--as-of", f->as_of, "the date of the report")->capture_default_str();
  cmd->add_option("--window", f->window, "look-back for changes: 8d, 2w")->capture_default_str();
  cmd->add_flag("--explain", f->explain, "list the evidence behind every figure");
  cmd->add_option("--format", f->format, "output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([=] {
    App& a = app->Get();
    auto as_of = ParseDateArg(f->as_of, "--as-of");
    if (!as_of.ok()) return void(*exit_code = Fail(as_of.status()));
    auto window = ParseWindow(f->window);
    if (!window.ok()) return void(*exit_code = Fail(window.status().WithContext("--window")));
    auto picture = a.picture();
    if (!picture.ok()) return void(*exit_code = Fail(picture.status()));
    auto summary = (*picture)->Summarize(*as_of, *window);
    if (!summary.ok()) return void(*exit_code = Fail(summary.status()));
    if (f->format == "json") {
      nlohmann::json figures = nlohmann::json::array();
      for (const auto& fig : summary->figures) {
        figures.push_back({{"label", fig.label},
                           {"value", fig.value},
                           {"places", fig.places},
                           {"evidence", fig.evidence}});
      }
      nlohmann::json reported = nlohmann::json::array();
      for (const auto& r : summary->reported) {
        reported.push_back({{"subject", r.subject},
                            {"value", r.quantity.value},
                            {"text", r.quantity.text},
                            {"by", r.claimant},
                            {"report", r.report_id}});
      }
      nlohmann::json j = {{"as_of", summary->as_of.ToString()},
                          {"window_days", summary->window_days},
                          {"text", summary->text},
                          {"figures", figures},
                          {"reported_figures", reported}};
      std::cout << j.dump(2) << '\n';
    } else {
      std::cout << summary->text << '\n';
      if (f->explain) {
        std::cout << "\nEvidence:\n";
        for (const auto& fig : summary->figures) {
          std::cout << fmt::format("- {}: {}", fig.label, fig.value);
          if (!fig.places.empty()) std::cout << " (" << Join(fig.places) << ")";
          std::cout << "\n";
          if (!fig.evidence.empty()) std::cout << "    events: " << Join(fig.evidence) << "\n";
        }
        if (!summary->reported.empty()) {
          std::cout << "\nFigures as the reports gave them (their claims, not sitrep's count):\n";
          for (const auto& r : summary->reported) {
            std::cout << "- " << r.quantity.text;
            if (!r.subject.empty()) std::cout << " (" << r.subject << ")";
            std::cout << ", " << (r.claimant.empty() ? "the reporter" : r.claimant)
                      << ", report " << r.report_id << "\n";
          }
        }
      }
    }
    *exit_code = kExitOk;
  });
}

}  // namespace sitrep::cli
