// sitrep_api_testserver: serves the API and the page over a store filled
// from report files, without the command line. Used by the browser test
// (web/test/map.test.mjs) and the benchmark (bench_api.sh).
//
//   sitrep_api_testserver [--port N] [--bind ADDR] [--web-root DIR] [--threads N]
//       [--profile auto|none|NAME|PATH] [--db PATH] [--token T] [--access-log] REPORT...
//
// With no --db the store is in memory. --profile auto picks the profile (in
// the data folder's profiles/) whose countries hold most of the events
// coded from the reports. Prints "listening on http://ADDR:PORT/" on stdout
// once it serves; stops on SIGINT or SIGTERM.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/coder.h"
#include "sitrep/gazetteer.h"
#include "sitrep/ingest.h"
#include "sitrep/paths.h"
#include "sitrep/picture.h"
#include "sitrep/server.h"
#include "sitrep/store.h"

namespace {

using namespace sitrep;  // NOLINT(google-build-using-namespace)

struct Args {
  ServerOptions server;
  std::string profile = "auto";
  std::string db;
  std::vector<std::string> reports;
};

int Usage(const char* message) {
  std::cerr << "sitrep_api_testserver: " << message
            << "\nusage: sitrep_api_testserver [--port N] [--bind ADDR] [--web-root DIR] "
               "[--threads N] [--profile auto|none|NAME|PATH] [--db PATH] [--token T] "
               "[--access-log] REPORT...\n";
  return 2;
}

int Fail(const Status& s) {
  std::cerr << "sitrep_api_testserver: " << s.ToString() << "\n";
  return 1;
}

struct World {
  std::unique_ptr<Store> store;
  std::unique_ptr<Picture> picture;
  std::unique_ptr<Pipeline> pipeline;
};

Result<World> MakeWorld(const std::string& db, const Gazetteer* gazetteer, const Coder* coder,
                        ConflictProfile profile) {
  World w;
  if (db.empty()) {
    w.store = NewMemoryStore();
  } else {
    SITREP_ASSIGN_OR_RETURN(w.store, OpenSqliteStore(db));
  }
  w.picture = std::make_unique<Picture>(w.store.get(), gazetteer, std::move(profile));
  w.pipeline = std::make_unique<Pipeline>(coder, gazetteer, w.picture.get());
  return w;
}

// The profile whose countries hold most of the events the reports give.
Result<ConflictProfile> GuessProfile(const std::vector<std::string>& reports,
                                     const Gazetteer* gazetteer, const Coder* coder) {
  SITREP_ASSIGN_OR_RETURN(World scratch, MakeWorld("", gazetteer, coder, EmptyProfile()));
  for (const auto& path : reports) scratch.pipeline->IngestPath(path, ReaderOptions{});
  SITREP_ASSIGN_OR_RETURN(std::vector<Event> events, scratch.store->Events(EventFilter{}));
  std::map<std::string, int> by_country;
  for (const auto& e : events) {
    if (!e.place.country.empty()) ++by_country[e.place.country];
  }
  ConflictProfile best = EmptyProfile();
  int best_count = 0;
  std::error_code ec;
  for (const auto& entry :
       std::filesystem::directory_iterator(DefaultDataDir() + "/profiles", ec)) {
    if (entry.path().extension() != ".profile") continue;
    SITREP_ASSIGN_OR_RETURN(ConflictProfile p, LoadConflictProfile(entry.path().string()));
    int count = 0;
    for (const auto& c : p.countries) count += by_country[c];
    if (count > best_count) {
      best_count = count;
      best = std::move(p);
    }
  }
  return best;
}

Result<ConflictProfile> LoadProfile(const Args& args, const Gazetteer* gazetteer,
                                    const Coder* coder) {
  if (args.profile == "none") return EmptyProfile();
  if (args.profile == "auto") return GuessProfile(args.reports, gazetteer, coder);
  if (std::filesystem::exists(args.profile)) return LoadConflictProfile(args.profile);
  return LoadConflictProfile(DefaultDataDir() + "/profiles/" + args.profile + ".profile");
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  args.server.port = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (a == "--port" || a == "--bind" || a == "--web-root" || a == "--profile" || a == "--db" ||
        a == "--token" || a == "--threads") {
      const char* v = value();
      if (v == nullptr) return Usage("an option is missing its value");
      if (a == "--port") {
        args.server.port = std::atoi(v);
      } else if (a == "--threads") {
        args.server.threads = std::atoi(v);
      } else if (a == "--bind") {
        args.server.bind = v;
      } else if (a == "--web-root") {
        args.server.web_root = v;
      } else if (a == "--profile") {
        args.profile = v;
      } else if (a == "--db") {
        args.db = v;
      } else {
        args.server.token = v;
      }
    } else if (a == "--access-log") {
      args.server.access_log = true;
    } else if (!a.empty() && a[0] == '-') {
      return Usage("unknown option");
    } else {
      args.reports.push_back(a);
    }
  }

  // Signals are taken synchronously by sigwait below, in this thread only.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto gazetteer = OpenGazetteer(DefaultGazetteerPath());
  if (!gazetteer.ok()) return Fail(gazetteer.status());
  auto coder = Coder::Create(CoderOptions{.lexicon = gazetteer->get()});
  if (!coder.ok()) return Fail(coder.status());
  auto profile = LoadProfile(args, gazetteer->get(), coder->get());
  if (!profile.ok()) return Fail(profile.status());
  auto world = MakeWorld(args.db, gazetteer->get(), coder->get(), *profile);
  if (!world.ok()) return Fail(world.status());

  for (const auto& path : args.reports) {
    BatchSummary s = world->pipeline->IngestPath(path, ReaderOptions{});
    std::cerr << path << ": " << s.reports_new << " new reports, " << s.duplicates
              << " duplicates, " << s.refused << " refused, " << s.events_new << " new events, "
              << s.events_merged << " merged\n";
    for (const auto& e : s.errors) std::cerr << "  refused: " << e.ToString() << "\n";
  }

  auto server = Server::Start(args.server, ServerContext{world->store.get(), world->picture.get(),
                                                         world->pipeline.get(), gazetteer->get()});
  if (!server.ok()) return Fail(server.status());
  std::cerr << "profile: " << (profile->name.empty() ? "(none)" : profile->name)
            << "; web page: " << ((*server)->web_root().empty() ? "(none)" : (*server)->web_root())
            << "; token: "
            << ((*server)->token_source().empty() ? "(none)" : (*server)->token_source()) << "\n";
  std::cout << "listening on http://" << args.server.bind << ":" << (*server)->port() << "/"
            << std::endl;

  int sig = 0;
  sigwait(&signals, &sig);
  (*server)->Stop();
  (*server)->Wait();
  return 0;
}
