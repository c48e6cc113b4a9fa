// Merging: deciding that an incoming event is one already stored, told
// again (by another outlet, or again by the same report), and folding the
// two into one event with all its sources.
//
// Two events are one when they are of the same merge class (CAMEO family
// and control effect: captures with captures, fighting with fighting), at
// the same resolved place, on compatible dates (PictureOptions
// merge_window_days, widened by date precision), with compatible actors
// (same side, or one unnamed), compatible objects (equal, or one unnamed),
// and neither or both denials: a denial is never folded into what it denies.
//
// MergeEvents() is order-independent: folding the same events in any order
// gives the same event except for its id (the stored one's), so that the
// picture does not depend on the order reports arrive in.
//
// Thread-safety: pure functions.
#ifndef SITREP_PICTURE_MERGE_H_
#define SITREP_PICTURE_MERGE_H_

#include <string>
#include <vector>

#include "picture/control_rules.h"
#include "sitrep/model.h"
#include "sitrep/picture.h"

namespace sitrep {

// How much a claim status says the event happened: reported > attributed >
// claimed > denied.
int ClaimStrength(ClaimStatus status);

bool Mergeable(const Event& stored, const Event& incoming, const SideMap& sides,
               const PictureOptions& options);

// `stored` with `incoming` folded in. Keeps stored.id; adds the sources it
// lacks (by report id and sentence offsets); the claim becomes the
// strongest any source gives (a party's claim confirmed by a report becomes
// reported), the date the most precise (then the earliest); empty actors,
// targets and objects are filled in.
// REQUIRES: Mergeable(stored, incoming, ...).
Event MergeEvents(const Event& stored, const Event& incoming);

// Sets an event's claim and claimant from its sources: the strongest
// status, and the claimant of the earliest source giving it.
void ClaimFromSources(Event* event);

// Of the stored events, the best one to fold `incoming` into (nearest date,
// then most sources, then smallest id); nullptr if none is mergeable.
const Event* BestMergeCandidate(const std::vector<Event>& stored, const Event& incoming,
                                const SideMap& sides, const PictureOptions& options);

}  // namespace sitrep

#endif  // SITREP_PICTURE_MERGE_H_
