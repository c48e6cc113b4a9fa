// sitrep ingest, sitrep code, sitrep rebuild.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/table.h"
#include "sitrep/export.h"
#include "sitrep/reader.h"

namespace sitrep::cli {

int Fail(const Status& status) {
  std::cerr << "sitrep: " << status.ToString() << "\n";
  return ExitCodeFor(status);
}

namespace {

struct ReadFlags {
  std::string published;
  std::string outlet;
  std::string url;
  std::string input_format = "auto";
};

void AddReadFlags(CLI::App* cmd, ReadFlags* flags) {
  cmd->add_option("--published", flags->published,
                  "publication date for reports that lack one, or to override it")
      ->type_name("YYYY-MM-DD");
  cmd->add_option("--outlet", flags->outlet, "outlet name to supply or override");
  cmd->add_option("--url", flags->url, "URL to supply or override");
  cmd->add_option("--input-format", flags->input_format, "how to read the input")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}))
      ->capture_default_str();
}

Result<ReaderOptions> ToReaderOptions(const ReadFlags& flags) {
  ReaderOptions opts;
  if (!flags.published.empty()) {
    SITREP_ASSIGN_OR_RETURN(opts.published, ParseDateArg(flags.published, "--published"));
  }
  opts.outlet = flags.outlet;
  opts.url = flags.url;
  SITREP_ASSIGN_OR_RETURN(opts.format, ParseInputFormat(flags.input_format));
  return opts;
}

}  // namespace

void AddIngestCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "ingest",
      "Read reports (text with a key: value header, HTML, JSON Lines; files, folders "
      "recursively, or - for stdin), code their events and add them to the picture. "
      "Each report is stored whole or not at all; a report already stored is a duplicate.");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto flags = std::make_shared<ReadFlags>();
  auto verbose = std::make_shared<bool>(false);
  auto batch = std::make_shared<PipelineOptions>();
  cmd->add_option("paths", *paths, "files, folders, or - for standard input")->required();
  AddReadFlags(cmd, flags.get());
  cmd->add_option("--batch", batch->batch_reports,
                  "store reports this many to a transaction; each place's control is "
                  "recomputed once a batch (1 = a transaction per report)")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  cmd->add_flag("-v,--verbose", *verbose,
                "print a line 'stored|duplicate ID ORIGIN' on stdout as each report is committed "
                "(with its batch)");
  cmd->callback([=] {
    App& a = app->Get();
    auto opts = ToReaderOptions(*flags);
    if (!opts.ok()) {
      *exit_code = Fail(opts.status());
      return;
    }
    StoredFn stored;
    if (*verbose) {
      stored = [](const Report& r, const IngestResult& result) {
        std::cout << (result.duplicate ? "duplicate " : "stored ") << r.id << ' ' << r.origin
                  << std::endl;  // flushed: a line is an acknowledgement
      };
    }
    auto pipeline = a.pipeline(*batch);
    if (!pipeline.ok()) {
      *exit_code = Fail(pipeline.status());
      return;
    }
    BatchSummary total;
    for (const auto& path : *paths) {
      ProgressBar bar("ingest " + path, !a.options().quiet && ProgressBar::StderrIsTerminal());
      BatchSummary s = (*pipeline)->IngestPath(
          path, *opts, [&](int items, size_t done, size_t all) { bar.Update(items, done, all); },
          stored);
      bar.Finish();
      for (const auto& e : s.errors) std::cerr << "refused: " << e.ToString() << "\n";
      total.reports_read += s.reports_read;
      total.reports_new += s.reports_new;
      total.duplicates += s.duplicates;
      total.refused += s.refused;
      total.events_new += s.events_new;
      total.events_merged += s.events_merged;
      total.seconds += s.seconds;
    }
    std::cout << fmt::format(
        "ingest: {} reports read, {} new, {} duplicate, {} refused; {} events ({} new, {} merged "
        "into earlier ones); {:.2f} s\n",
        total.reports_read, total.reports_new, total.duplicates, total.refused,
        total.events_new + total.events_merged, total.events_new, total.events_merged,
        total.seconds);
    // A first ingest into an empty store chose its profile before seeing
    // any event; choose again now that there are some.
    auto profile = a.RefreshAutoProfile();
    if (!profile.ok()) {
      *exit_code = Fail(profile.status());
      return;
    }
    if (a.options().profile.empty() && !a.options().quiet && !profile->empty()) {
      std::cerr << "profile: " << *profile << " (chosen from the events' countries; "
                << "--profile to choose another)\n";
    }
    *exit_code = total.refused > 0 ? kExitPartial : kExitOk;
  });
}

void AddCodeCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "code", "Code the events of reports and print them, without storing anything.");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto flags = std::make_shared<ReadFlags>();
  auto format = std::make_shared<std::string>("table");
  cmd->add_option("paths", *paths, "files, folders, or - for standard input")->required();
  AddReadFlags(cmd, flags.get());
  cmd->add_option("--format", *format, "output format")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "geojson"}))
      ->capture_default_str();
  cmd->callback([=] {
    App& a = app->Get();
    auto opts = ToReaderOptions(*flags);
    if (!opts.ok()) {
      *exit_code = Fail(opts.status());
      return;
    }
    auto coder = a.coder();
    auto gaz = a.gazetteer();
    if (!coder.ok() || !gaz.ok()) {
      *exit_code = Fail(coder.ok() ? gaz.status() : coder.status());
      return;
    }
    PlaceResolver resolver(*gaz);
    std::vector<Event> events;
    int refused = 0;
    for (const auto& path : *paths) {
      Status st = ReadReports(path, *opts, [&](Result<Report> r) {
        if (!r.ok()) {
          std::cerr << "refused: " << r.status().ToString() << "\n";
          ++refused;
          return;
        }
        CodedReport coded = (*coder)->Code(*r);
        resolver.Resolve(*r, &coded);
        for (auto& e : coded.events) events.push_back(std::move(e));
      });
      if (!st.ok()) {
        std::cerr << "refused: " << st.ToString() << "\n";
        ++refused;
      }
    }
    if (*format == "jsonl") {
      WriteEventsJsonl(events, std::cout);
    } else if (*format == "csv") {
      WriteEventsCsv(events, std::cout);
    } else if (*format == "geojson") {
      WriteEventsGeoJson(events, std::cout);
    } else {
      Table t({"date", "cameo", "action", "actor", "target", "place", "claim", "sentence"}, 48);
      for (const auto& e : events) {
        std::string claim(ClaimStatusName(e.claim));
        if (!e.claimant.empty()) claim += " by " + e.claimant;
        t.AddRow({e.date.ToString() + (e.date_precision == DatePrecision::kDay ? "" : "~"),
                  e.cameo, e.action, e.actor, e.target,
                  e.place.resolved() ? e.place.name : "?" + e.place.text, claim,
                  e.sources.empty() ? "" : e.sources[0].sentence});
      }
      t.Print(std::cout);
    }
    *exit_code = refused > 0 ? kExitPartial : kExitOk;
  });
}

void AddRebuildCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "rebuild", "Recompute control of every place from the stored events (after a change of "
                 "profile or rules). The events themselves are kept as they are.");
  cmd->callback([=] {
    auto picture = app->Get().picture();
    if (!picture.ok()) {
      *exit_code = Fail(picture.status());
      return;
    }
    Status st = (*picture)->RebuildControl();
    *exit_code = st.ok() ? kExitOk : Fail(st);
    if (st.ok()) std::cout << "rebuild: control recomputed\n";
  });
}

}  // namespace sitrep::cli
