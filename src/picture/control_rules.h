// Control rules: who held a place, and how firmly, over time, computed from
// the events reported at that place alone.
//
// ComputeControl() is a pure function of a place's events, the profile's
// sides and default holder, and the PictureOptions; the picture stores its
// result for every place a report touches, so that ingesting reports one by
// one and rebuilding from all events give the same intervals. The rules are
// written out for users in docs/control-rules.md; in short:
//   - before any report a place of the profile's countries is held by the
//     default holder; elsewhere its holder is unknown ("");
//   - a capture (reported or attributed) hands the place to the captor's
//     side from its date; a party's claim alone makes it "claimed"; taking a
//     part of it (a facility) is fighting, unless the whole place is taken
//     by the same side that day (then it is evidence of the capture);
//   - fighting makes it contested until a capture, a repulse, or
//     contested_expiry_days with nothing further; an assault (a bombing, an
//     attack) counts as the start of the contest when fighting follows it;
//   - a siege runs from its start date until a capture or siege_expiry_days
//     after its last report;
//   - a change of hands reversed within reversal_days is fighting;
//   - a capture that is denied or said to be repelled is not a capture: the
//     place is contested (or stays claimed) with both reports as evidence.
//
// Thread-safety: pure functions and an immutable SideMap.
#ifndef SITREP_PICTURE_CONTROL_RULES_H_
#define SITREP_PICTURE_CONTROL_RULES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/model.h"
#include "sitrep/picture.h"

namespace sitrep {

// Which side an actor belongs to: the sides of a ConflictProfile, looked up
// with case and spacing folded.
class SideMap {
 public:
  SideMap() = default;
  explicit SideMap(const std::vector<std::vector<std::string>>& sides);

  // The side's own name (its first name) for any of its names; the actor
  // itself (trimmed) if it belongs to no side; "" for "".
  std::string SideOf(std::string_view actor) const;

 private:
  std::unordered_map<std::string, std::string> side_of_;  // folded name -> side
};

// Case- and space-folded form of an actor or object name.
std::string FoldActor(std::string_view name);

// Days a date of this precision may be off (PictureOptions slack_days_*).
int DateSlackDays(DatePrecision precision, const PictureOptions& options);

// Whether two events' dates may be the same day: both valid and at most
// window_days apart, widened by both dates' slack.
bool DatesCompatible(const Event& a, const Event& b, int window_days,
                     const PictureOptions& options);

// What an event's object names, folded, with a leading article dropped; ""
// when it names the place itself: nothing, the place's own name, or a word
// for a settlement as a whole (kPlaceNouns: "city", "provincial capital"...).
std::string ObjectKey(const Event& event);

// Whether an event is about a part of its place (a facility: "the police
// headquarters in Herat", "the jail") rather than the place as a whole.
// Taking a part is fighting inside the place, not taking the place.
bool IsAboutPart(const Event& event);

// "19" family split by what the action does to control: captures merge only
// with captures, fighting with fighting. Other families are split by effect
// too (a withdrawal is not a release of prisoners).
std::string MergeClass(const Event& event);

// Whether an event is a denial (claim status denied).
inline bool IsDenial(const Event& e) { return e.claim == ClaimStatus::kDenied; }

struct ControlInput {
  int64_t geonameid = 0;
  std::string place_name;
  // Holds the place before any report ("" = unknown, the place is outside
  // the profile's countries).
  std::string default_holder;
  const SideMap* sides = nullptr;  // not owned; REQUIRES: non-null
  PictureOptions options;
};

// The control intervals of one place, oldest first, contiguous (each `to` is
// the next `from`; the last `to` is invalid). Empty when nothing is known:
// no default holder and no event that bears on control.
// `events` are the place's events in any order.
std::vector<ControlInterval> ComputeControl(const std::vector<Event>& events,
                                            const ControlInput& input);

// Pairs of events at one place that contradict each other (indexes into
// `events`; `first` is the asserted event).
struct ContradictionPair {
  size_t first = 0;
  size_t second = 0;
  ContradictionKind kind = ContradictionKind::kDenied;
};
std::vector<ContradictionPair> FindContradictions(const std::vector<Event>& events,
                                                  const ControlInput& input);

}  // namespace sitrep

#endif  // SITREP_PICTURE_CONTROL_RULES_H_
