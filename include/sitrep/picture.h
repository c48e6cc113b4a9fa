// Picture: the situation picture kept from coded reports.
//
// Ingest() merges a report's events with those already stored (same action
// family, place, compatible dates and actors -> one event with all its
// sources) and recomputes control of the places it touched, all in one
// store transaction; IngestBatch() does the same for several reports in one
// transaction, recomputing each touched place once. Queries answer an
// analyst's questions: who holds what as of a date, what changed hands in a
// window, the nearest place held by a side, and a prose summary whose every
// figure names its evidence. Reports that contradict each other are kept as
// separate events and surfaced (Contradictions(), and the evidence of the
// contested or claimed interval they produce), never silently resolved.
// Ingesting reports one by one gives the same events and control as
// RebuildControl() over all of them, whatever their order (event ids aside:
// a merged event keeps the id of the first report that told it).
//
// The control rules are written in docs/control-rules.md. A ConflictProfile
// names the sides and who holds places when nothing has been reported; it
// never holds outcomes or dates.
//
// Thread-safety: queries may run concurrently; Ingest() calls must not
// overlap each other (the store serializes writers anyway).
#ifndef SITREP_PICTURE_H_
#define SITREP_PICTURE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/gazetteer.h"
#include "sitrep/model.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep {

// data/profiles/<name>.profile, format in docs/control-rules.md.
struct ConflictProfile {
  std::string name;                    // "afghanistan-2021"
  std::string title;                   // "Afghanistan, 2021"
  std::vector<std::string> countries;  // alpha-2 codes the conflict covers
  std::string default_holder;          // holds every place of `countries` unless reported otherwise
  std::string capital;                 // the national capital's name, "Kabul"
  // Sides: canonical actor names that count as one side. The first name of
  // each side is the side's own name (used as holder).
  std::vector<std::vector<std::string>> sides;
  // A "major city" for summaries: population at least this.
  int64_t major_city_population = 100000;
};
Result<ConflictProfile> LoadConflictProfile(const std::string& path);
// A profile for reports with no profile given: no default holder.
ConflictProfile EmptyProfile();

struct PictureOptions {
  // Events of the same family and place within this many days (and with
  // compatible actors) are one event.
  int merge_window_days = 2;
  // A capture reversed within this many days is fighting, not a change of hands.
  int reversal_days = 1;
  // Days that vague durations stand for: "for days", "for weeks", "for months".
  int days_for_days = 3;
  int days_for_weeks = 14;
  int days_for_months = 60;
  // A place with fighting and no further report goes back to "held" after this.
  int contested_expiry_days = 10;
  // A siege with no further report (and no capture) ends this many days
  // after the last report of it.
  int siege_expiry_days = 21;
  // How far the date of an event may be off, by its precision, when deciding
  // whether two reports tell of the same event: a day-precise date not at
  // all, an approximate one ("earlier this week", or dated to its report) by
  // this many days, a week or a month by these.
  int slack_days_approx = 3;
  int slack_days_week = 7;
  int slack_days_month = 31;
};

struct IngestResult {
  bool duplicate = false;
  int events_new = 0;                   // events not seen before
  int events_merged = 0;                // events added as a further source of a stored one
  std::vector<int64_t> places_changed;  // places whose control was recomputed
};

// One report to ingest with its coded events. Neither is owned.
struct ReportToIngest {
  const Report* report = nullptr;
  const CodedReport* coded = nullptr;
};

struct PlaceControl {
  Place place;
  ControlInterval interval;
  bool by_default = false;  // nothing reported: the profile's default holder
};

struct ControlQuery {
  // With no kind, the default rows (include_default) are the national and
  // provincial capitals and the major cities of the profile's countries.
  std::optional<PlaceKind> kind;
  std::string holder;                   // side or actor; "" = any
  bool include_default = true;          // list unreported places of the profile's countries
  std::optional<ControlStatus> status;  // only rows with this status
};

struct ControlChange {
  Place place;
  Date date;
  std::string from_holder;
  std::string to_holder;
  ControlStatus status = ControlStatus::kHeld;  // kHeld = confirmed, kClaimed = claim only
  std::vector<std::string> evidence;            // event ids
};

struct ChangeQuery {
  std::optional<PlaceKind> kind;
  std::string to_holder;  // "" = any
};

struct NearestResult {
  Place from;
  PlaceControl nearest;
  double km = 0;
};

// One figure of a summary, with what backs it.
struct SummaryFigure {
  std::string label;  // "provincial capitals lost in the last 8 days"
  int64_t value = 0;
  std::vector<std::string> places;
  std::vector<std::string> evidence;  // event ids
};

// Two reports about one place that cannot both be true: kept as separate
// events, never resolved silently (the control rules make such a place
// contested, or keep it claimed, with both events as evidence).
enum class ContradictionKind : uint8_t {
  kDenied,               // one report says it happened, a party denies it
  kRepelled,             // one says the place was captured, another that the attack was repelled
  kConflictingCaptures,  // taken by different sides within reversal_days
};
std::string_view ContradictionKindName(ContradictionKind k);  // "denied", "repelled", ...

struct Contradiction {
  int64_t geonameid = 0;
  ContradictionKind kind = ContradictionKind::kDenied;
  Event first;   // the earlier (or the asserted) event
  Event second;  // the denial, the repulse, the other capture
};

struct Summary {
  Date as_of;
  int window_days = 0;
  std::string text;  // the prose paragraph(s)
  std::vector<SummaryFigure> figures;
  std::vector<ReportedFigure> reported;  // figures the reports gave, as claims
};

class Picture {
 public:
  // `store` and `gazetteer` are not owned and must outlive the Picture.
  Picture(Store* store, const Gazetteer* gazetteer, ConflictProfile profile,
          PictureOptions options = {});

  // REQUIRES: coded events have their places resolved (PlaceResolver).
  // One store transaction: the report, each event (merged into a stored one
  // where it is the same), and the recomputed control of every place it
  // touched; on any failure nothing is kept and the Status is returned. An
  // event without an id gets "<report id>-<sentence start>-<index>"; source
  // fields the coder left empty are taken from the report.
  Result<IngestResult> Ingest(const Report& report, const CodedReport& coded);
  // Several reports in one store transaction: each stored and merged as
  // Ingest() would, in order (a later report merges with an earlier one's
  // events), then the control of every place any of them touched recomputed
  // once. The stored events and control are the same as after Ingest() on
  // each in turn; what differs is the cost: a place's events are read back
  // once per batch instead of once per report, which is most of the work of
  // loading many reports about the same few places. Results are in the
  // order of `reports`, each with the places its own events touched. On any
  // failure nothing of the batch is kept and the Status names the report
  // that failed (its origin); callers that want the rest stored ingest the
  // batch's reports one by one.
  Result<std::vector<IngestResult>> IngestBatch(const std::vector<ReportToIngest>& reports);
  // Recomputes control of every place from its stored events.
  Status RebuildControl();

  // Rows sorted by place name. REQUIRES: as_of valid (kInvalidArgument).
  Result<std::vector<PlaceControl>> ControlAsOf(Date as_of, const ControlQuery& query) const;
  // Oldest first; a place of the profile's countries with nothing reported
  // has one interval, the default holder's.
  Result<std::vector<ControlInterval>> History(int64_t geonameid) const;
  // Changes of hands with date in (as_of - window_days, as_of].
  Result<std::vector<ControlChange>> Changes(Date as_of, int window_days,
                                             const ChangeQuery& query) const;
  // The nearest place held by `holder` (a side or actor) as of a date.
  Result<std::optional<NearestResult>> NearestHeldBy(const Place& from, std::string_view holder,
                                                     Date as_of,
                                                     std::optional<PlaceKind> kind = {}) const;
  Result<Summary> Summarize(Date as_of, int window_days) const;
  // Contradictory reports about a place (geonameid 0: about every place).
  Result<std::vector<Contradiction>> Contradictions(int64_t geonameid) const;

  // The side an actor belongs to (its first name), or the actor itself.
  std::string SideOf(std::string_view actor) const;
  const ConflictProfile& profile() const { return profile_; }
  const PictureOptions& options() const { return options_; }

  Picture(const Picture&) = delete;
  Picture& operator=(const Picture&) = delete;
  ~Picture();

 private:
  struct Sides;
  // Gazetteer places of the profile's countries, by kind (-1 = no kind),
  // computed on first use.
  const std::vector<Place>& DefaultPlaces(std::optional<PlaceKind> kind) const;
  // Every place of the profile's countries with population at least the
  // profile's major_city_population, and the national capital.
  std::vector<Place> MajorCities() const;
  const Place* CapitalPlace() const;
  std::vector<ControlInterval> ComputeControlOf(int64_t geonameid,
                                                const std::vector<Event>& events) const;
  bool InProfileCountries(std::string_view country) const;
  // Stores one report and its events in `txn`, adding the places its events
  // touched to `touched`; control is left to the caller.
  Status IngestInto(StoreTransaction* txn, const Report& report, const CodedReport& coded,
                    IngestResult* result, std::set<int64_t>* touched) const;

  Store* store_;
  const Gazetteer* gazetteer_;
  ConflictProfile profile_;
  PictureOptions options_;
  std::unique_ptr<const Sides> sides_;
  mutable std::mutex defaults_mu_;
  mutable std::map<int, std::vector<Place>> defaults_;
};

}  // namespace sitrep

#endif  // SITREP_PICTURE_H_
