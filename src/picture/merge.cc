#include "picture/merge.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

namespace sitrep {

namespace {

// The part of its place an event is about: its facility, else its object;
// "" for the whole place (or a part not named).
std::string PartName(const Event& e) {
  if (e.place.precision == GeoPrecision::kFacility && !e.place.facility.empty()) {
    return FoldActor(e.place.facility);
  }
  return ObjectKey(e);
}

bool SameSource(const EventSource& a, const EventSource& b) {
  return a.report_id == b.report_id && a.start == b.start && a.end == b.end;
}

// Picks between two values of a field the one an order-independent rule
// prefers: the non-empty one, then the smaller.
const std::string& Prefer(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return std::min(a, b);
}

}  // namespace

int ClaimStrength(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kReported:
      return 3;
    case ClaimStatus::kAttributed:
      return 2;
    case ClaimStatus::kClaimed:
      return 1;
    case ClaimStatus::kDenied:
      return 0;
  }
  return 0;
}

bool Mergeable(const Event& stored, const Event& incoming, const SideMap& sides,
               const PictureOptions& options) {
  if (!stored.place.resolved() || !incoming.place.resolved()) return false;
  if (stored.place.geonameid != incoming.place.geonameid) return false;
  if (IsDenial(stored) != IsDenial(incoming)) return false;
  if (MergeClass(stored) != MergeClass(incoming)) return false;
  if (!DatesCompatible(stored, incoming, options.merge_window_days, options)) return false;
  std::string a = sides.SideOf(stored.actor);
  std::string b = sides.SideOf(incoming.actor);
  if (!a.empty() && !b.empty() && a != b) return false;
  std::string ta = sides.SideOf(stored.target);
  std::string tb = sides.SideOf(incoming.target);
  if (!ta.empty() && !tb.empty() && ta != tb) return false;
  // A part of the place (a facility) is never the place as a whole.
  if (IsAboutPart(stored) != IsAboutPart(incoming)) return false;
  std::string pa = PartName(stored);
  std::string pb = PartName(incoming);
  return pa.empty() || pb.empty() || pa == pb;
}

void ClaimFromSources(Event* event) {
  if (event->sources.empty()) return;
  const EventSource* best = nullptr;
  for (const auto& s : event->sources) {
    if (best == nullptr) {
      best = &s;
      continue;
    }
    int a = ClaimStrength(s.claim);
    int b = ClaimStrength(best->claim);
    if (a > b || (a == b && std::tie(s.published, s.report_id, s.start) <
                                std::tie(best->published, best->report_id, best->start))) {
      best = &s;
    }
  }
  event->claim = best->claim;
  event->claimant = best->claim == ClaimStatus::kReported ? "" : best->claimant;
}

Event MergeEvents(const Event& stored, const Event& incoming) {
  Event out = stored;
  // The action: the more specific code, then the smaller, with its labels.
  const Event* action = &stored;
  if (incoming.cameo.size() > stored.cameo.size() ||
      (incoming.cameo.size() == stored.cameo.size() && incoming.cameo < stored.cameo)) {
    action = &incoming;
  }
  out.cameo = action->cameo;
  out.action = action->action;
  out.plover = action->plover;
  out.plover_mode = action->plover_mode;
  out.acled_type = action->acled_type;
  out.acled_subtype = action->acled_subtype;
  out.effect = action->effect;

  // The date: the most precise, then the earliest.
  if (std::tie(incoming.date_precision, incoming.date) <
      std::tie(stored.date_precision, stored.date)) {
    out.date = incoming.date;
    out.date_precision = incoming.date_precision;
  }
  if (incoming.start_date.IsValid() &&
      (!stored.start_date.IsValid() || incoming.start_date < stored.start_date)) {
    out.start_date = incoming.start_date;
    out.start_precision = incoming.start_precision;
  }

  // Names: one actor named where the other is not, else the smaller.
  const Event* actor = Prefer(stored.actor, incoming.actor) == stored.actor ? &stored : &incoming;
  out.actor = actor->actor;
  out.actor_code = actor->actor_code;
  const Event* target =
      Prefer(stored.target, incoming.target) == stored.target ? &stored : &incoming;
  out.target = target->target;
  out.target_code = target->target_code;
  out.object = Prefer(stored.object, incoming.object);

  // The place: the finer location (same geonameid), then the smaller text.
  if (std::tie(incoming.place.precision, incoming.place.text) <
      std::tie(stored.place.precision, stored.place.text)) {
    out.place = incoming.place;
  }

  for (const auto& q : incoming.quantities) {
    bool have = std::any_of(out.quantities.begin(), out.quantities.end(), [&](const Quantity& x) {
      return x.what == q.what && x.value == q.value && x.unit == q.unit;
    });
    if (!have) out.quantities.push_back(q);
  }
  std::sort(out.quantities.begin(), out.quantities.end(), [](const Quantity& a, const Quantity& b) {
    return std::tie(a.what, a.value, a.unit, a.text) < std::tie(b.what, b.value, b.unit, b.text);
  });

  for (const auto& s : incoming.sources) {
    bool have = std::any_of(out.sources.begin(), out.sources.end(),
                            [&](const EventSource& x) { return SameSource(x, s); });
    if (!have) out.sources.push_back(s);
  }
  std::sort(out.sources.begin(), out.sources.end(), [](const EventSource& a, const EventSource& b) {
    return std::tie(a.published, a.report_id, a.start, a.end) <
           std::tie(b.published, b.report_id, b.start, b.end);
  });
  ClaimFromSources(&out);
  out.confidence = std::max(stored.confidence, incoming.confidence);
  return out;
}

const Event* BestMergeCandidate(const std::vector<Event>& stored, const Event& incoming,
                                const SideMap& sides, const PictureOptions& options) {
  const Event* best = nullptr;
  auto key = [&](const Event& e) {
    return std::make_tuple(std::abs(DaysBetween(e.date, incoming.date)),
                           -static_cast<long>(e.sources.size()), e.id);
  };
  for (const auto& e : stored) {
    if (!Mergeable(e, incoming, sides, options)) continue;
    if (best == nullptr || key(e) < key(*best)) best = &e;
  }
  return best;
}

}  // namespace sitrep
