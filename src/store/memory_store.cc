// The memory store: committed state behind a reader-writer lock, and a
// transaction that stages its writes in an overlay merged at Commit().
//
// Readers of the Store see committed state only, like readers of a SQLite
// database in WAL mode. The transaction reads the committed state without
// the lock: only Commit() changes it, and only the one open transaction
// commits.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <utility>

#include "sitrep/store.h"
#include "store/store_rules.h"

namespace sitrep {
namespace {

using store::FoldCase;

struct StoredReport {
  Report report;
  std::vector<Sentence> sentences;
};

struct MemoryState {
  std::map<std::string, StoredReport, std::less<>> reports;
  std::vector<ReportedFigure> figures;  // in the order stored
  std::map<std::string, Event, std::less<>> events;
  std::map<int64_t, std::vector<ControlInterval>> control;  // in the order given
};

bool ByDateThenId(const Event& a, const Event& b) {
  if (a.date != b.date) return a.date < b.date;
  return a.id < b.id;
}

// Adds `incoming` sources to `sources`: a source already there (same report
// and offsets) takes the new sentence, claim and claimant; the rest are
// appended in order. Outlet, url and published come from the stored report.
void MergeSources(const std::vector<EventSource>& incoming,
                  const std::function<const Report*(std::string_view)>& report_of,
                  std::vector<EventSource>* sources) {
  for (const EventSource& in : incoming) {
    EventSource s = in;
    const Report* r = report_of(s.report_id);
    s.outlet = r->outlet;
    s.url = r->url;
    s.published = r->published;
    auto same = std::find_if(sources->begin(), sources->end(), [&](const EventSource& e) {
      return e.report_id == s.report_id && e.start == s.start && e.end == s.end;
    });
    if (same == sources->end()) {
      sources->push_back(std::move(s));
    } else {
      same->sentence = s.sentence;
      same->claim = s.claim;
      same->claimant = s.claimant;
    }
  }
}

class MemoryStore;

class MemoryTransaction final : public StoreTransaction {
 public:
  explicit MemoryTransaction(MemoryStore* store) : store_(store) {}
  ~MemoryTransaction() override;

  Result<bool> HasReport(std::string_view report_id) override;
  Status PutReport(const Report& report, const std::vector<Sentence>& sentences,
                   const std::vector<ReportedFigure>& figures) override;
  Result<std::vector<Event>> EventsNear(int64_t geonameid, Date date, const DateReach& reach,
                                        std::string_view family) override;
  Result<std::vector<Event>> EventsAtPlace(int64_t geonameid) override;
  Status PutEvent(const Event& event) override;
  Status ReplaceControl(int64_t geonameid, const std::vector<ControlInterval>& intervals) override;
  Status Commit() override;

 private:
  const Report* FindReport(std::string_view id) const;
  // Committed events overlaid with this transaction's, at one place.
  std::vector<Event> PlaceEvents(int64_t geonameid) const;
  Status Usable() const;
  Status Fail(Status s) {
    if (failure_.ok()) failure_ = s;
    return s;
  }

  MemoryStore* store_;
  MemoryState staged_;  // new reports and figures; complete copies of touched events
  std::map<int64_t, std::vector<ControlInterval>> control_;
  Status failure_;
  bool done_ = false;
};

class MemoryStore final : public Store {
 public:
  explicit MemoryStore(StoreFaults faults) : faults_(faults) {}

  Result<std::unique_ptr<StoreTransaction>> Begin() override {
    std::unique_lock lock(writer_mu_);
    if (!writer_cv_.wait_for(lock, std::chrono::milliseconds(faults_.busy_timeout_ms),
                             [&] { return !writer_busy_; })) {
      return Status(ErrorKind::kStoreError,
                    "another transaction is still open after " +
                        std::to_string(faults_.busy_timeout_ms) + " ms",
                    "memory store");
    }
    writer_busy_ = true;
    return std::unique_ptr<StoreTransaction>(new MemoryTransaction(this));
  }

  Result<bool> HasReport(std::string_view report_id) override {
    std::shared_lock lock(state_mu_);
    return state_.reports.find(report_id) != state_.reports.end();
  }

  Result<std::optional<Report>> GetReport(std::string_view report_id) override {
    std::shared_lock lock(state_mu_);
    auto it = state_.reports.find(report_id);
    if (it == state_.reports.end()) return std::optional<Report>();
    return std::optional<Report>(it->second.report);
  }

  Result<std::vector<Sentence>> Sentences(std::string_view report_id) override {
    std::shared_lock lock(state_mu_);
    auto it = state_.reports.find(report_id);
    if (it == state_.reports.end()) return std::vector<Sentence>();
    return it->second.sentences;
  }

  Result<std::vector<Report>> ListReports() override {
    std::shared_lock lock(state_mu_);
    std::vector<Report> out;
    for (const auto& [id, stored] : state_.reports) {
      Report r = stored.report;
      r.text.clear();
      out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const Report& a, const Report& b) {
      if (a.published != b.published) return a.published < b.published;
      return a.id < b.id;
    });
    return out;
  }

  Result<std::vector<Event>> Events(const EventFilter& filter) override {
    const std::string place = FoldCase(filter.place);
    const std::string actor = FoldCase(filter.actor);
    std::shared_lock lock(state_mu_);
    std::vector<Event> out;
    for (const auto& [id, e] : state_.events) {
      if (store::EventMatches(filter, place, actor, e)) out.push_back(e);
    }
    std::sort(out.begin(), out.end(), ByDateThenId);
    if (filter.limit > 0 && out.size() > filter.limit) out.resize(filter.limit);
    return out;
  }

  Result<std::optional<Event>> GetEvent(std::string_view event_id) override {
    std::shared_lock lock(state_mu_);
    auto it = state_.events.find(event_id);
    if (it == state_.events.end()) return std::optional<Event>();
    return std::optional<Event>(it->second);
  }

  Result<std::vector<ReportedFigure>> Figures(std::string_view report_id) override {
    std::shared_lock lock(state_mu_);
    std::vector<ReportedFigure> out;
    for (const ReportedFigure& f : state_.figures) {
      if (report_id.empty() || f.report_id == report_id) out.push_back(f);
    }
    return out;
  }

  Result<std::vector<ControlInterval>> ControlAsOf(Date as_of) override {
    if (!as_of.IsValid()) {
      return Status(ErrorKind::kInvalidArgument, "control as of an unknown date", "as_of");
    }
    std::shared_lock lock(state_mu_);
    std::vector<ControlInterval> out;
    for (const auto& [place, intervals] : state_.control) {
      const ControlInterval* best = nullptr;
      for (const ControlInterval& c : intervals) {
        // The latest start wins should intervals overlap; a tie goes to the later stored.
        if (store::IntervalCovers(c, as_of) && (best == nullptr || !(c.from < best->from))) {
          best = &c;
        }
      }
      if (best != nullptr) out.push_back(*best);
    }
    return out;
  }

  Result<std::vector<ControlInterval>> ControlHistory(int64_t geonameid) override {
    std::shared_lock lock(state_mu_);
    auto it = state_.control.find(geonameid);
    if (it == state_.control.end()) return std::vector<ControlInterval>();
    std::vector<ControlInterval> out = it->second;
    std::stable_sort(
        out.begin(), out.end(),
        [](const ControlInterval& a, const ControlInterval& b) { return a.from < b.from; });
    return out;
  }

  Result<std::vector<ControlInterval>> ControlStarts(Date from, Date to) override {
    std::shared_lock lock(state_mu_);
    std::vector<ControlInterval> out;
    for (const auto& [place, intervals] : state_.control) {
      for (const ControlInterval& c : intervals) {
        if (store::DateInRange(c.from, from, to)) out.push_back(c);
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ControlInterval& a, const ControlInterval& b) {
                       if (a.from != b.from) return a.from < b.from;
                       return a.geonameid < b.geonameid;
                     });
    return out;
  }

  Result<std::vector<int64_t>> EventPlaces() override {
    std::shared_lock lock(state_mu_);
    std::vector<int64_t> out;
    for (const auto& [id, e] : state_.events) {
      if (e.place.geonameid != 0) out.push_back(e.place.geonameid);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  Result<StoreStats> Stats() override {
    std::shared_lock lock(state_mu_);
    StoreStats s;
    s.reports = static_cast<int64_t>(state_.reports.size());
    s.events = static_cast<int64_t>(state_.events.size());
    for (const auto& [id, e] : state_.events) s.sources += static_cast<int64_t>(e.sources.size());
    for (const auto& [place, intervals] : state_.control) {
      s.control_intervals += static_cast<int64_t>(intervals.size());
    }
    s.schema_version = CurrentSchemaVersion();
    return s;
  }

 private:
  friend class MemoryTransaction;

  void EndTransaction() {
    std::lock_guard lock(writer_mu_);
    writer_busy_ = false;
    writer_cv_.notify_one();
  }

  const StoreFaults faults_;
  std::atomic<long> writes_{0};

  std::mutex writer_mu_;
  std::condition_variable writer_cv_;
  bool writer_busy_ = false;

  std::shared_mutex state_mu_;
  MemoryState state_;
};

MemoryTransaction::~MemoryTransaction() { store_->EndTransaction(); }

Status MemoryTransaction::Usable() const {
  if (done_) {
    return Status(ErrorKind::kInvalidArgument, "the transaction is already committed",
                  "memory store");
  }
  return Status::Ok();
}

const Report* MemoryTransaction::FindReport(std::string_view id) const {
  if (auto it = staged_.reports.find(id); it != staged_.reports.end()) return &it->second.report;
  if (auto it = store_->state_.reports.find(id); it != store_->state_.reports.end()) {
    return &it->second.report;
  }
  return nullptr;
}

Result<bool> MemoryTransaction::HasReport(std::string_view report_id) {
  SITREP_RETURN_IF_ERROR(Usable());
  return FindReport(report_id) != nullptr;
}

Status MemoryTransaction::PutReport(const Report& report, const std::vector<Sentence>& sentences,
                                    const std::vector<ReportedFigure>& figures) {
  const long write = ++store_->writes_;
  SITREP_RETURN_IF_ERROR(Usable());
  if (Status s = store::CheckReport(report, sentences, figures); !s.ok()) return Fail(s);
  if (FindReport(report.id) != nullptr) {
    return Status(ErrorKind::kDuplicate, "the report is already stored", report.id);
  }
  if (store::IsFaultedWrite(store_->faults_, write)) {
    return Fail(store::InjectedFault("storing report " + report.id));
  }
  StoredReport& stored = staged_.reports[report.id];
  stored.report = report;
  stored.report.ingested_at = store::UtcNowIso8601();
  stored.sentences = sentences;
  std::sort(stored.sentences.begin(), stored.sentences.end(),
            [](const Sentence& a, const Sentence& b) {
              return a.start != b.start ? a.start < b.start : a.end < b.end;
            });
  // A sentence given twice is stored once, as the SQLite primary key has it.
  stored.sentences.erase(std::unique(stored.sentences.begin(), stored.sentences.end(),
                                     [](const Sentence& a, const Sentence& b) {
                                       return a.start == b.start && a.end == b.end;
                                     }),
                         stored.sentences.end());
  for (ReportedFigure f : figures) {
    f.report_id = report.id;
    staged_.figures.push_back(std::move(f));
  }
  return Status::Ok();
}

std::vector<Event> MemoryTransaction::PlaceEvents(int64_t geonameid) const {
  std::vector<Event> out;
  for (const auto& [id, e] : staged_.events) {
    if (e.place.geonameid == geonameid) out.push_back(e);
  }
  for (const auto& [id, e] : store_->state_.events) {
    if (e.place.geonameid == geonameid && staged_.events.find(id) == staged_.events.end()) {
      out.push_back(e);
    }
  }
  std::sort(out.begin(), out.end(), ByDateThenId);
  return out;
}

Result<std::vector<Event>> MemoryTransaction::EventsNear(int64_t geonameid, Date date,
                                                         const DateReach& reach,
                                                         std::string_view family) {
  SITREP_RETURN_IF_ERROR(Usable());
  SITREP_RETURN_IF_ERROR(store::CheckReach(date, reach));
  std::vector<Event> out = PlaceEvents(geonameid);
  std::erase_if(out, [&](const Event& e) {
    return !e.date.IsValid() || std::abs(DaysBetween(e.date, date)) > reach.For(e.date_precision) ||
           !e.cameo.starts_with(family);
  });
  return out;
}

Result<std::vector<Event>> MemoryTransaction::EventsAtPlace(int64_t geonameid) {
  SITREP_RETURN_IF_ERROR(Usable());
  std::vector<Event> out = PlaceEvents(geonameid);
  for (auto& e : out) {
    for (auto& s : e.sources) {  // as the SQLite store gives them: keys and claims only
      s.sentence.clear();
      s.outlet.clear();
      s.url.clear();
      s.published = Date();
    }
  }
  return out;
}

Status MemoryTransaction::PutEvent(const Event& event) {
  const long write = ++store_->writes_;
  SITREP_RETURN_IF_ERROR(Usable());
  if (Status s = store::CheckEvent(event); !s.ok()) return Fail(s);
  for (const EventSource& s : event.sources) {
    if (FindReport(s.report_id) == nullptr) {
      return Fail(
          Status(ErrorKind::kStoreError,
                 "FOREIGN KEY constraint failed: source report " + s.report_id + " is not stored",
                 "storing event " + event.id));
    }
  }
  if (store::IsFaultedWrite(store_->faults_, write)) {
    return Fail(store::InjectedFault("storing event " + event.id));
  }
  std::vector<EventSource> sources;
  if (auto it = staged_.events.find(event.id); it != staged_.events.end()) {
    sources = std::move(it->second.sources);
  } else if (auto base = store_->state_.events.find(event.id);
             base != store_->state_.events.end()) {
    sources = base->second.sources;
  }
  MergeSources(
      event.sources, [this](std::string_view id) { return FindReport(id); }, &sources);
  Event& stored = staged_.events[event.id];
  stored = event;
  stored.sources = std::move(sources);
  return Status::Ok();
}

Status MemoryTransaction::ReplaceControl(int64_t geonameid,
                                         const std::vector<ControlInterval>& intervals) {
  const long write = ++store_->writes_;
  SITREP_RETURN_IF_ERROR(Usable());
  if (Status s = store::CheckControl(geonameid, intervals); !s.ok()) return Fail(s);
  if (store::IsFaultedWrite(store_->faults_, write)) {
    return Fail(store::InjectedFault("replacing control of " + std::to_string(geonameid)));
  }
  std::vector<ControlInterval>& stored = control_[geonameid];
  stored = intervals;
  for (ControlInterval& c : stored) c.geonameid = geonameid;
  return Status::Ok();
}

Status MemoryTransaction::Commit() {
  SITREP_RETURN_IF_ERROR(Usable());
  done_ = true;
  if (!failure_.ok()) {
    return Status(ErrorKind::kStoreError,
                  "rolled back: a write of this transaction failed (" + failure_.ToString() + ")",
                  "memory store");
  }
  std::unique_lock lock(store_->state_mu_);
  MemoryState& state = store_->state_;
  for (auto& [id, r] : staged_.reports) state.reports[id] = std::move(r);
  for (auto& f : staged_.figures) state.figures.push_back(std::move(f));
  for (auto& [id, e] : staged_.events) state.events[id] = std::move(e);
  for (auto& [place, intervals] : control_) {
    if (intervals.empty()) {
      state.control.erase(place);
    } else {
      state.control[place] = std::move(intervals);
    }
  }
  return Status::Ok();
}

}  // namespace

std::unique_ptr<Store> NewMemoryStore(StoreFaults faults) {
  return std::make_unique<MemoryStore>(faults);
}

}  // namespace sitrep
