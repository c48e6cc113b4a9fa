#include "picture/merge.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sitrep {
namespace {

using ::testing::IsEmpty;

Date D(const char* iso) { return Date::Parse(iso).value(); }

// A capture of place 42 told by one sentence of one report.
Event Told(const std::string& report, const std::string& outlet, const char* date,
           ClaimStatus claim = ClaimStatus::kReported) {
  Event e;
  e.id = report + "-0";
  e.date = D(date);
  e.cameo = "192";
  e.action = "occupy territory";
  e.effect = ControlEffect::kCaptures;
  e.actor = "Taliban";
  e.place.geonameid = 42;
  e.place.name = "Ghazni";
  e.place.text = "Ghazni";
  e.place.precision = GeoPrecision::kCity;
  e.claim = claim;
  if (claim == ClaimStatus::kClaimed) e.claimant = "Taliban";
  EventSource s;
  s.report_id = report;
  s.outlet = outlet;
  s.published = e.date.AddDays(1);
  s.start = 10;
  s.end = 80;
  s.claim = claim;
  s.claimant = e.claimant;
  e.sources.push_back(s);
  return e;
}

class MergeTest : public ::testing::Test {
 protected:
  MergeTest() : sides_({{"Afghan government", "Afghan government forces"}, {"Taliban"}}) {}
  bool CanMerge(const Event& a, const Event& b) { return Mergeable(a, b, sides_, options_); }
  SideMap sides_;
  PictureOptions options_;
};

TEST_F(MergeTest, OneEventFromThreeOutlets) {
  Event a = Told("r1", "AFP", "2021-08-12");
  Event b = Told("r2", "Reuters", "2021-08-12");
  Event c = Told("r3", "BBC", "2021-08-13");
  ASSERT_TRUE(CanMerge(a, b));
  Event ab = MergeEvents(a, b);
  ASSERT_TRUE(CanMerge(ab, c));
  Event abc = MergeEvents(ab, c);
  EXPECT_EQ(abc.id, "r1-0");
  EXPECT_EQ(abc.sources.size(), 3u);
  EXPECT_EQ(abc.Corroboration(), 3);
  EXPECT_EQ(abc.date, D("2021-08-12"));
}

TEST_F(MergeTest, TheSameSourceTwiceIsOneSource) {
  Event a = Told("r1", "AFP", "2021-08-12");
  Event merged = MergeEvents(a, a);
  EXPECT_EQ(merged.sources.size(), 1u);
}

TEST_F(MergeTest, AClaimConfirmedByAReportBecomesReported) {
  Event claim = Told("r1", "AFP", "2021-08-12", ClaimStatus::kClaimed);
  Event report = Told("r2", "Reuters", "2021-08-13");
  ASSERT_TRUE(CanMerge(claim, report));
  Event merged = MergeEvents(claim, report);
  EXPECT_EQ(merged.claim, ClaimStatus::kReported);
  EXPECT_EQ(merged.claimant, "");
  EXPECT_EQ(merged.id, "r1-0");
  // Both sources keep how they told it.
  EXPECT_EQ(merged.sources[0].claim, ClaimStatus::kClaimed);
  EXPECT_EQ(merged.sources[1].claim, ClaimStatus::kReported);
}

TEST_F(MergeTest, AttributedIsStrongerThanClaimed) {
  Event claim = Told("r1", "AFP", "2021-08-12", ClaimStatus::kClaimed);
  Event said = Told("r2", "Reuters", "2021-08-12", ClaimStatus::kAttributed);
  said.claimant = said.sources[0].claimant = "unnamed official";
  Event merged = MergeEvents(claim, said);
  EXPECT_EQ(merged.claim, ClaimStatus::kAttributed);
  EXPECT_EQ(merged.claimant, "unnamed official");
}

TEST_F(MergeTest, TheMostPreciseDateWins) {
  Event approx = Told("r1", "AFP", "2021-08-13");
  approx.date_precision = DatePrecision::kApprox;
  Event day = Told("r2", "Reuters", "2021-08-12");
  Event merged = MergeEvents(approx, day);
  EXPECT_EQ(merged.date, D("2021-08-12"));
  EXPECT_EQ(merged.date_precision, DatePrecision::kDay);
}

TEST_F(MergeTest, DatesOutsideTheWindowAreTwoEvents) {
  Event a = Told("r1", "AFP", "2021-08-12");
  Event b = Told("r2", "Reuters", "2021-08-15");
  EXPECT_FALSE(CanMerge(a, b));
  b.date_precision = DatePrecision::kWeek;
  EXPECT_TRUE(CanMerge(a, b));
}

TEST_F(MergeTest, CapturesAndFightingAreNotOneEvent) {
  Event capture = Told("r1", "AFP", "2021-08-12");
  Event fight = Told("r2", "Reuters", "2021-08-12");
  fight.cameo = "190";
  fight.effect = ControlEffect::kContests;
  EXPECT_FALSE(CanMerge(capture, fight));
  Event fight2 = fight;
  fight2.cameo = "193";
  fight2.sources[0].report_id = "r3";
  EXPECT_TRUE(CanMerge(fight, fight2));
  Event other_family = capture;
  other_family.cameo = "0874";
  EXPECT_FALSE(CanMerge(capture, other_family));
}

TEST_F(MergeTest, DifferentOrUnresolvedPlacesAreNotOneEvent) {
  Event a = Told("r1", "AFP", "2021-08-12");
  Event b = Told("r2", "Reuters", "2021-08-12");
  b.place.geonameid = 43;
  EXPECT_FALSE(CanMerge(a, b));
  b.place.geonameid = 0;
  a.place.geonameid = 0;
  EXPECT_FALSE(CanMerge(a, b));
}

TEST_F(MergeTest, ActorsOfTheSameSideOrUnnamedMerge) {
  Event a = Told("r1", "AFP", "2021-08-12");
  Event b = Told("r2", "Reuters", "2021-08-12");
  b.actor = "";
  ASSERT_TRUE(CanMerge(a, b));
  Event merged = MergeEvents(b, a);
  EXPECT_EQ(merged.actor, "Taliban");
  b.actor = "Afghan government forces";
  EXPECT_FALSE(CanMerge(a, b));
  a.actor = "Afghan government";
  EXPECT_TRUE(CanMerge(a, b));
}

TEST_F(MergeTest, ADenialIsNeverFoldedIntoWhatItDenies) {
  Event a = Told("r1", "AFP", "2021-08-12");
  Event denial = Told("r2", "Reuters", "2021-08-12", ClaimStatus::kDenied);
  EXPECT_FALSE(CanMerge(a, denial));
  Event denial2 = Told("r3", "BBC", "2021-08-12", ClaimStatus::kDenied);
  EXPECT_TRUE(CanMerge(denial, denial2));
}

TEST_F(MergeTest, DifferentObjectsAreDifferentEvents) {
  Event city = Told("r1", "AFP", "2021-08-12");
  city.object = "the city";  // the place itself
  Event jail = Told("r2", "AFP", "2021-08-12");
  jail.object = "jail";
  EXPECT_FALSE(CanMerge(city, jail));
  Event named = Told("r3", "BBC", "2021-08-12");
  named.object = "Ghazni";  // the place itself
  EXPECT_TRUE(CanMerge(city, named));
  Event none = Told("r4", "BBC", "2021-08-12");
  EXPECT_TRUE(CanMerge(city, none));
  EXPECT_FALSE(CanMerge(jail, none));
  Event the_jail = Told("r5", "BBC", "2021-08-12");
  the_jail.object = "The jail";
  EXPECT_TRUE(CanMerge(jail, the_jail));
  Event hq = Told("r6", "BBC", "2021-08-12");
  hq.object = "police headquarters";
  EXPECT_FALSE(CanMerge(jail, hq));
}

TEST_F(MergeTest, AFacilityIsNotTheWholePlace) {
  Event city = Told("r1", "AFP", "2021-08-12");
  Event hq = Told("r2", "Reuters", "2021-08-12");
  hq.place.precision = GeoPrecision::kFacility;
  hq.place.facility = "police headquarters";
  EXPECT_FALSE(CanMerge(city, hq));
  Event hq2 = hq;
  hq2.sources[0].report_id = "r3";
  EXPECT_TRUE(CanMerge(hq, hq2));
  Event told_as_object = city;  // the same facility named as the object
  told_as_object.object = "the police headquarters";
  EXPECT_TRUE(CanMerge(hq, told_as_object));
}

TEST_F(MergeTest, MergingIsOrderIndependentExceptForTheId) {
  Event a = Told("r1", "AFP", "2021-08-13");
  a.date_precision = DatePrecision::kApprox;
  a.actor = "";
  Event b = Told("r2", "Reuters", "2021-08-12", ClaimStatus::kClaimed);
  b.cameo = "19";
  Quantity q;
  q.what = "prisoners";
  q.value = 300;
  b.quantities.push_back(q);
  Event c = Told("r3", "BBC", "2021-08-12", ClaimStatus::kAttributed);
  c.object = "city";
  c.confidence = 0.9;

  Event x = MergeEvents(MergeEvents(a, b), c);
  Event y = MergeEvents(MergeEvents(c, a), b);
  Event z = MergeEvents(MergeEvents(b, c), a);
  for (const Event* e : {&y, &z}) {
    EXPECT_EQ(e->date, x.date);
    EXPECT_EQ(e->date_precision, x.date_precision);
    EXPECT_EQ(e->cameo, x.cameo);
    EXPECT_EQ(e->actor, x.actor);
    EXPECT_EQ(e->object, x.object);
    EXPECT_EQ(e->claim, x.claim);
    EXPECT_EQ(e->claimant, x.claimant);
    EXPECT_EQ(e->confidence, x.confidence);
    EXPECT_EQ(e->quantities.size(), x.quantities.size());
    ASSERT_EQ(e->sources.size(), x.sources.size());
    for (size_t i = 0; i < x.sources.size(); ++i) {
      EXPECT_EQ(e->sources[i].report_id, x.sources[i].report_id);
    }
  }
  EXPECT_EQ(x.cameo, "192");
  EXPECT_EQ(x.claim, ClaimStatus::kReported);
  EXPECT_EQ(x.actor, "Taliban");
}

TEST_F(MergeTest, TheNearestCandidateIsChosen) {
  Event near = Told("r1", "AFP", "2021-08-12");
  Event far = Told("r2", "AFP", "2021-08-10");
  far.id = "r2-0";
  Event other = Told("r3", "AFP", "2021-08-12");
  other.id = "r3-0";
  other.cameo = "190";
  other.effect = ControlEffect::kContests;
  std::vector<Event> stored = {far, other, near};
  Event incoming = Told("r4", "BBC", "2021-08-12");
  const Event* best = BestMergeCandidate(stored, incoming, sides_, options_);
  ASSERT_NE(best, nullptr);
  EXPECT_EQ(best->id, "r1-0");
  incoming.date = D("2021-09-01");
  EXPECT_EQ(BestMergeCandidate(stored, incoming, sides_, options_), nullptr);
  EXPECT_THAT(std::vector<Event>(), IsEmpty());
}

}  // namespace
}  // namespace sitrep
