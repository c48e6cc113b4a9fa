#include "sitrep/picture.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "picture/control_rules.h"
#include "picture/merge.h"

namespace sitrep {

namespace {

bool SameCountry(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) ==
                  std::toupper(static_cast<unsigned char>(y));
         });
}

// A Place for a resolved PlaceRef the gazetteer does not know.
Place PlaceFromRef(const PlaceRef& ref) {
  Place p;
  p.geonameid = ref.geonameid;
  p.name = ref.name.empty() ? ref.text : ref.name;
  p.ascii_name = p.name;
  p.kind = ref.kind;
  p.country = ref.country;
  p.admin1 = ref.admin1;
  p.lat = ref.lat;
  p.lon = ref.lon;
  return p;
}

const std::string& DisplayName(const Place& p) {
  return p.ascii_name.empty() ? p.name : p.ascii_name;
}

bool IsPopulated(PlaceKind k) {
  return k == PlaceKind::kNationalCapital || k == PlaceKind::kProvincialCapital ||
         k == PlaceKind::kDistrictSeat || k == PlaceKind::kCity;
}

// The source an event gets from its report when the coder left fields out.
void CompleteSource(const Report& report, EventSource* s) {
  if (s->report_id.empty()) s->report_id = report.id;
  if (s->outlet.empty()) s->outlet = report.outlet;
  if (s->url.empty()) s->url = report.url;
  if (!s->published.IsValid()) s->published = report.published;
  if (s->sentence.empty() && s->start < s->end && s->end <= report.text.size()) {
    s->sentence = report.text.substr(s->start, s->end - s->start);
  }
}

Event NormalizeIncoming(const Event& coded, const Report& report, size_t index) {
  Event e = coded;
  if (e.sources.empty()) e.sources.emplace_back();
  for (auto& s : e.sources) CompleteSource(report, &s);
  if (e.id.empty()) {
    e.id = report.id + "-" + std::to_string(e.sources.front().start) + "-" + std::to_string(index);
  }
  // A coded event has one source, this report's: its claim is the event's.
  if (e.sources.size() == 1) {
    e.sources.front().claim = e.claim;
    e.sources.front().claimant = e.claimant;
  } else {
    ClaimFromSources(&e);
  }
  return e;
}

}  // namespace

struct Picture::Sides {
  SideMap map;
};

std::string_view ContradictionKindName(ContradictionKind k) {
  switch (k) {
    case ContradictionKind::kDenied:
      return "denied";
    case ContradictionKind::kRepelled:
      return "repelled";
    case ContradictionKind::kConflictingCaptures:
      return "conflicting-captures";
  }
  return "denied";
}

Picture::Picture(Store* store, const Gazetteer* gazetteer, ConflictProfile profile,
                 PictureOptions options)
    : store_(store),
      gazetteer_(gazetteer),
      profile_(std::move(profile)),
      options_(options),
      sides_(std::make_unique<Sides>(Sides{SideMap(profile_.sides)})) {}

Picture::~Picture() = default;

std::string Picture::SideOf(std::string_view actor) const { return sides_->map.SideOf(actor); }

bool Picture::InProfileCountries(std::string_view country) const {
  return std::any_of(profile_.countries.begin(), profile_.countries.end(),
                     [&](const std::string& c) { return SameCountry(c, country); });
}

std::vector<ControlInterval> Picture::ComputeControlOf(int64_t geonameid,
                                                       const std::vector<Event>& events) const {
  ControlInput input;
  input.geonameid = geonameid;
  input.sides = &sides_->map;
  input.options = options_;
  Place place;
  if (const Place* p = gazetteer_ != nullptr ? gazetteer_->Get(geonameid) : nullptr) {
    place = *p;
  } else if (!events.empty()) {
    place = PlaceFromRef(events.front().place);
    if (events.front().place.precision == GeoPrecision::kCountry) place.kind = PlaceKind::kCountry;
  }
  // A whole country is not held by one side: its events count, its control does not.
  if (place.kind == PlaceKind::kCountry) return {};
  input.place_name = DisplayName(place);
  if (InProfileCountries(place.country)) input.default_holder = profile_.default_holder;
  return ComputeControl(events, input);
}

Status Picture::IngestInto(StoreTransaction* txn, const Report& report_in, const CodedReport& coded,
                           IngestResult* result, std::set<int64_t>* touched) const {
  Report report = report_in;
  if (report.id.empty()) report.id = ReportId(report.text);

  std::vector<ReportedFigure> figures = coded.figures;
  for (auto& f : figures) f.report_id = report.id;
  Status put = txn->PutReport(report, coded.sentences, figures);
  if (put.kind() == ErrorKind::kDuplicate) {
    result->duplicate = true;
    return Status::Ok();  // nothing was written; the transaction stays usable
  }
  SITREP_RETURN_IF_ERROR(put);

  // Events written for this report, so that a report telling one event
  // twice merges it with itself whatever the store shows of its own writes.
  std::map<std::string, Event> written;
  std::set<int64_t> mine;
  for (size_t i = 0; i < coded.events.size(); ++i) {
    Event e = NormalizeIncoming(coded.events[i], report, i);
    const Event* best = nullptr;
    std::vector<Event> candidates;
    if (e.place.resolved() && e.date.IsValid()) {
      // Exactly the stored events whose dates can be compatible with this
      // one's (DatesCompatible: the window widened by both precisions), of
      // its CAMEO family, as only those can be the same event (merge.h).
      DateReach reach;
      for (DatePrecision p : {DatePrecision::kDay, DatePrecision::kApprox, DatePrecision::kWeek,
                              DatePrecision::kMonth}) {
        reach.days[static_cast<size_t>(p)] = options_.merge_window_days +
                                             DateSlackDays(e.date_precision, options_) +
                                             DateSlackDays(p, options_);
      }
      std::string_view family(e.cameo.data(), std::min<size_t>(2, e.cameo.size()));
      SITREP_ASSIGN_OR_RETURN(candidates,
                              txn->EventsNear(e.place.geonameid, e.date, reach, family));
      for (auto& c : candidates) {
        if (auto it = written.find(c.id); it != written.end()) c = it->second;
      }
      for (const auto& entry : written) {
        const std::string& id = entry.first;  // clang 14 cannot capture a structured binding
        const Event& w = entry.second;
        bool listed = std::any_of(candidates.begin(), candidates.end(),
                                  [&](const Event& c) { return c.id == id; });
        if (!listed && w.place.geonameid == e.place.geonameid) candidates.push_back(w);
      }
      best = BestMergeCandidate(candidates, e, sides_->map, options_);
    }
    Event stored = best != nullptr ? MergeEvents(*best, e) : std::move(e);
    SITREP_RETURN_IF_ERROR(txn->PutEvent(stored));
    if (best != nullptr) {
      ++result->events_merged;
    } else {
      ++result->events_new;
    }
    if (stored.place.resolved()) mine.insert(stored.place.geonameid);
    std::string id = stored.id;
    written[id] = std::move(stored);
  }
  result->places_changed.assign(mine.begin(), mine.end());
  touched->insert(mine.begin(), mine.end());
  return Status::Ok();
}

Result<IngestResult> Picture::Ingest(const Report& report, const CodedReport& coded) {
  SITREP_ASSIGN_OR_RETURN(std::vector<IngestResult> results,
                          IngestBatch({ReportToIngest{&report, &coded}}));
  return std::move(results.front());
}

Result<std::vector<IngestResult>> Picture::IngestBatch(const std::vector<ReportToIngest>& reports) {
  std::vector<IngestResult> results(reports.size());
  if (reports.empty()) return results;
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> txn, store_->Begin());
  std::set<int64_t> touched;
  for (size_t i = 0; i < reports.size(); ++i) {
    const Report& report = *reports[i].report;
    Status st = IngestInto(txn.get(), report, *reports[i].coded, &results[i], &touched);
    if (!st.ok()) return reports.size() == 1 ? st : st.WithContext(report.origin);
  }
  for (int64_t place : touched) {
    SITREP_ASSIGN_OR_RETURN(std::vector<Event> events, txn->EventsAtPlace(place));
    SITREP_RETURN_IF_ERROR(txn->ReplaceControl(place, ComputeControlOf(place, events)));
  }
  SITREP_RETURN_IF_ERROR(txn->Commit());
  return results;
}

Status Picture::RebuildControl() {
  SITREP_ASSIGN_OR_RETURN(std::vector<int64_t> places, store_->EventPlaces());
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<StoreTransaction> txn, store_->Begin());
  for (int64_t place : places) {
    SITREP_ASSIGN_OR_RETURN(std::vector<Event> events, txn->EventsAtPlace(place));
    SITREP_RETURN_IF_ERROR(txn->ReplaceControl(place, ComputeControlOf(place, events)));
  }
  return txn->Commit();
}

const std::vector<Place>& Picture::DefaultPlaces(std::optional<PlaceKind> kind) const {
  int key = kind ? static_cast<int>(*kind) : -1;
  std::lock_guard lock(defaults_mu_);
  if (auto it = defaults_.find(key); it != defaults_.end()) return it->second;
  std::vector<Place> out;
  if (gazetteer_ != nullptr && !profile_.countries.empty()) {
    auto add = [&](std::optional<PlaceKind> k, int64_t min_population) {
      for (const std::string& country : profile_.countries) {
        for (const Place* place : gazetteer_->PlacesIn(country, k)) {
          const Place& p = *place;
          if (p.population < min_population) continue;
          if (!k && !IsPopulated(p.kind)) continue;
          out.push_back(p);
        }
      }
    };
    if (kind) {
      add(kind, 0);
    } else {
      // No kind asked: the places a control map is made of.
      add(PlaceKind::kNationalCapital, 0);
      add(PlaceKind::kProvincialCapital, 0);
      add(std::nullopt, profile_.major_city_population);
    }
    std::sort(out.begin(), out.end(),
              [](const Place& a, const Place& b) { return a.geonameid < b.geonameid; });
    out.erase(
        std::unique(out.begin(), out.end(),
                    [](const Place& a, const Place& b) { return a.geonameid == b.geonameid; }),
        out.end());
  }
  return defaults_.emplace(key, std::move(out)).first->second;
}

std::vector<Place> Picture::MajorCities() const {
  std::vector<Place> out;
  for (const Place& p : DefaultPlaces(std::nullopt)) {
    if (IsPopulated(p.kind) && p.population >= profile_.major_city_population) out.push_back(p);
  }
  if (const Place* capital = CapitalPlace()) {
    bool have = std::any_of(out.begin(), out.end(),
                            [&](const Place& p) { return p.geonameid == capital->geonameid; });
    if (!have) out.push_back(*capital);
  }
  return out;
}

const Place* Picture::CapitalPlace() const {
  if (gazetteer_ == nullptr || profile_.capital.empty()) return nullptr;
  const Place* best = nullptr;
  for (const Place* p : gazetteer_->Lookup(profile_.capital)) {
    if (!InProfileCountries(p->country) || !IsPopulated(p->kind)) continue;
    if (best == nullptr ||
        (p->kind == PlaceKind::kNationalCapital && best->kind != PlaceKind::kNationalCapital)) {
      best = p;
    }
  }
  return best;
}

Result<std::vector<PlaceControl>> Picture::ControlAsOf(Date as_of,
                                                       const ControlQuery& query) const {
  if (!as_of.IsValid()) {
    return Status(ErrorKind::kInvalidArgument, "control as of an unknown date", "as_of");
  }
  SITREP_ASSIGN_OR_RETURN(std::vector<ControlInterval> intervals, store_->ControlAsOf(as_of));
  std::string holder = query.holder.empty() ? "" : SideOf(query.holder);
  auto wanted = [&](const Place& place, const ControlInterval& iv) {
    if (query.kind && place.kind != *query.kind) return false;
    if (!holder.empty() && SideOf(iv.holder) != holder) return false;
    if (query.status && iv.status != *query.status) return false;
    return true;
  };
  std::vector<PlaceControl> rows;
  std::set<int64_t> reported;
  for (auto& iv : intervals) {
    reported.insert(iv.geonameid);
    Place place;
    if (const Place* p = gazetteer_ != nullptr ? gazetteer_->Get(iv.geonameid) : nullptr) {
      place = *p;
    } else {
      EventFilter one;
      one.geonameid = iv.geonameid;
      one.limit = 1;
      SITREP_ASSIGN_OR_RETURN(std::vector<Event> events, store_->Events(one));
      if (!events.empty()) place = PlaceFromRef(events.front().place);
      place.geonameid = iv.geonameid;
      if (place.name.empty()) place.name = place.ascii_name = iv.place_name;
    }
    if (!wanted(place, iv)) continue;
    PlaceControl row;
    row.by_default = !iv.from.IsValid() && iv.evidence.empty();
    row.place = std::move(place);
    row.interval = std::move(iv);
    rows.push_back(std::move(row));
  }
  if (query.include_default && !profile_.default_holder.empty()) {
    for (const Place& p : DefaultPlaces(query.kind)) {
      if (reported.count(p.geonameid) != 0) continue;
      PlaceControl row;
      row.place = p;
      row.by_default = true;
      row.interval.geonameid = p.geonameid;
      row.interval.place_name = DisplayName(p);
      row.interval.holder = SideOf(profile_.default_holder);
      if (!wanted(p, row.interval)) continue;
      rows.push_back(std::move(row));
    }
  }
  std::sort(rows.begin(), rows.end(), [](const PlaceControl& a, const PlaceControl& b) {
    return std::tie(DisplayName(a.place), a.place.geonameid) <
           std::tie(DisplayName(b.place), b.place.geonameid);
  });
  return rows;
}

Result<std::vector<ControlInterval>> Picture::History(int64_t geonameid) const {
  SITREP_ASSIGN_OR_RETURN(std::vector<ControlInterval> history, store_->ControlHistory(geonameid));
  if (!history.empty() || profile_.default_holder.empty() || gazetteer_ == nullptr) {
    return history;
  }
  const Place* p = gazetteer_->Get(geonameid);
  if (p == nullptr || p->kind == PlaceKind::kCountry || !InProfileCountries(p->country)) {
    return history;
  }
  ControlInterval by_default;
  by_default.geonameid = geonameid;
  by_default.place_name = DisplayName(*p);
  by_default.holder = SideOf(profile_.default_holder);
  history.push_back(std::move(by_default));
  return history;
}

Result<std::vector<ControlChange>> Picture::Changes(Date as_of, int window_days,
                                                    const ChangeQuery& query) const {
  if (!as_of.IsValid()) {
    return Status(ErrorKind::kInvalidArgument, "changes as of an unknown date", "as_of");
  }
  if (window_days < 0) {
    return Status(ErrorKind::kInvalidArgument, "a window is a number of days >= 0",
                  std::to_string(window_days));
  }
  std::vector<ControlChange> out;
  if (window_days == 0) return out;
  SITREP_ASSIGN_OR_RETURN(std::vector<ControlInterval> starts,
                          store_->ControlStarts(as_of.AddDays(1 - window_days), as_of));
  std::string to_holder = query.to_holder.empty() ? "" : SideOf(query.to_holder);
  std::map<int64_t, std::vector<ControlInterval>> histories;
  for (const auto& iv : starts) {
    auto [it, fresh] = histories.try_emplace(iv.geonameid);
    if (fresh) {
      SITREP_ASSIGN_OR_RETURN(it->second, store_->ControlHistory(iv.geonameid));
    }
    const ControlInterval* prev = nullptr;
    for (const auto& h : it->second) {
      if (h.to.IsValid() && h.to == iv.from) prev = &h;
    }
    ControlChange change;
    if (iv.holder != (prev != nullptr ? prev->holder : "")) {
      change.from_holder = prev != nullptr ? prev->holder : "";
      change.to_holder = iv.holder;
      change.status = ControlStatus::kHeld;
    } else if (iv.status == ControlStatus::kClaimed &&
               !(prev != nullptr && prev->status == ControlStatus::kClaimed &&
                 prev->challenger == iv.challenger)) {
      change.from_holder = iv.holder;
      change.to_holder = iv.challenger;
      change.status = ControlStatus::kClaimed;
    } else {
      continue;
    }
    if (!to_holder.empty() && SideOf(change.to_holder) != to_holder) continue;
    if (const Place* p = gazetteer_ != nullptr ? gazetteer_->Get(iv.geonameid) : nullptr) {
      change.place = *p;
    } else {
      change.place.geonameid = iv.geonameid;
      change.place.name = change.place.ascii_name = iv.place_name;
    }
    if (query.kind && change.place.kind != *query.kind) continue;
    change.date = iv.from;
    change.evidence = iv.evidence;
    out.push_back(std::move(change));
  }
  std::stable_sort(out.begin(), out.end(), [](const ControlChange& a, const ControlChange& b) {
    return std::tie(a.date, DisplayName(a.place)) < std::tie(b.date, DisplayName(b.place));
  });
  return out;
}

Result<std::optional<NearestResult>> Picture::NearestHeldBy(const Place& from,
                                                            std::string_view holder, Date as_of,
                                                            std::optional<PlaceKind> kind) const {
  if (holder.empty()) {
    return Status(ErrorKind::kInvalidArgument, "nearest place held by whom?", "holder");
  }
  ControlQuery query;
  query.kind = kind;
  query.holder = std::string(holder);
  SITREP_ASSIGN_OR_RETURN(std::vector<PlaceControl> rows, ControlAsOf(as_of, query));
  std::optional<NearestResult> best;
  for (auto& row : rows) {
    if (row.place.geonameid == from.geonameid) continue;
    double km = DistanceKm(from.lat, from.lon, row.place.lat, row.place.lon);
    if (!best || km < best->km) {
      best = NearestResult{from, std::move(row), km};
    }
  }
  return best;
}

Result<std::vector<Contradiction>> Picture::Contradictions(int64_t geonameid) const {
  std::vector<int64_t> places;
  if (geonameid != 0) {
    places.push_back(geonameid);
  } else {
    SITREP_ASSIGN_OR_RETURN(places, store_->EventPlaces());
  }
  std::vector<Contradiction> out;
  for (int64_t place : places) {
    EventFilter filter;
    filter.geonameid = place;
    SITREP_ASSIGN_OR_RETURN(std::vector<Event> events, store_->Events(filter));
    ControlInput input;
    input.geonameid = place;
    input.sides = &sides_->map;
    input.options = options_;
    for (const auto& pair : FindContradictions(events, input)) {
      out.push_back(Contradiction{place, pair.kind, events[pair.first], events[pair.second]});
    }
  }
  return out;
}

}  // namespace sitrep
