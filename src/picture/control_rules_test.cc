#include "picture/control_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace sitrep {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

const std::vector<std::vector<std::string>> kSides = {
    {"Afghan government", "Afghan government forces", "Afghan police"}, {"Taliban"}};

Date D(const char* iso) { return Date::Parse(iso).value(); }

// One event at place 7 with one source.
Event Ev(std::string id, const char* date, ControlEffect effect, std::string actor,
         std::string cameo = "", ClaimStatus claim = ClaimStatus::kReported) {
  Event e;
  e.id = std::move(id);
  e.date = D(date);
  e.effect = effect;
  e.actor = std::move(actor);
  if (cameo.empty()) {
    switch (effect) {
      case ControlEffect::kCaptures:
        cameo = "192";
        break;
      case ControlEffect::kContests:
        cameo = "190";
        break;
      case ControlEffect::kBesieges:
        cameo = "191";
        break;
      case ControlEffect::kWithdraws:
        cameo = "0874";
        break;
      case ControlEffect::kRepels:
        cameo = "190";
        break;
      case ControlEffect::kNone:
        cameo = "010";
        break;
    }
  }
  e.cameo = cameo;
  e.claim = claim;
  e.place.geonameid = 7;
  e.place.name = "Testville";
  e.place.precision = GeoPrecision::kCity;
  EventSource s;
  s.report_id = "r-" + e.id;
  s.outlet = "outlet";
  s.published = e.date;
  s.claim = claim;
  e.sources.push_back(s);
  return e;
}

class ControlRulesTest : public ::testing::Test {
 protected:
  ControlRulesTest() : sides_(kSides) {
    input_.geonameid = 7;
    input_.place_name = "Testville";
    input_.default_holder = "Afghan government";
    input_.sides = &sides_;
  }

  std::vector<ControlInterval> Run(const std::vector<Event>& events) {
    auto out = ComputeControl(events, input_);
    CheckContiguous(out);
    return out;
  }

  // Every interval ends where the next begins; the last is open.
  static void CheckContiguous(const std::vector<ControlInterval>& out) {
    for (size_t i = 0; i < out.size(); ++i) {
      EXPECT_EQ(out[i].geonameid, 7);
      if (i + 1 < out.size()) {
        EXPECT_EQ(out[i].to, out[i + 1].from) << "interval " << i;
        EXPECT_TRUE(out[i + 1].from.IsValid());
        if (out[i].from.IsValid()) {
          EXPECT_LT(out[i].from, out[i].to) << "interval " << i;
        }
      } else {
        EXPECT_FALSE(out[i].to.IsValid());
      }
    }
  }

  SideMap sides_;
  ControlInput input_;
};

TEST(SideMapTest, NamesFoldToTheirSide) {
  SideMap sides(kSides);
  EXPECT_EQ(sides.SideOf("Afghan police"), "Afghan government");
  EXPECT_EQ(sides.SideOf("  afghan   GOVERNMENT forces "), "Afghan government");
  EXPECT_EQ(sides.SideOf("Taliban"), "Taliban");
  EXPECT_EQ(sides.SideOf(" United States "), "United States");
  EXPECT_EQ(sides.SideOf(""), "");
}

TEST(DatesTest, PrecisionWidensTheWindow) {
  PictureOptions opt;
  Event a = Ev("a", "2021-08-12", ControlEffect::kCaptures, "Taliban");
  Event b = Ev("b", "2021-08-14", ControlEffect::kCaptures, "Taliban");
  EXPECT_TRUE(DatesCompatible(a, b, 2, opt));
  b.date = D("2021-08-15");
  EXPECT_FALSE(DatesCompatible(a, b, 2, opt));
  b.date_precision = DatePrecision::kApprox;
  EXPECT_TRUE(DatesCompatible(a, b, 2, opt));
  b.date = Date();
  EXPECT_FALSE(DatesCompatible(a, b, 2, opt));
}

TEST(MergeClassTest, FightingFamilySplitsByEffect) {
  Event capture = Ev("a", "2021-08-12", ControlEffect::kCaptures, "Taliban", "192");
  Event fight = Ev("b", "2021-08-12", ControlEffect::kContests, "Taliban", "190");
  Event fight2 = Ev("c", "2021-08-12", ControlEffect::kContests, "Taliban", "193");
  EXPECT_NE(MergeClass(capture), MergeClass(fight));
  EXPECT_EQ(MergeClass(fight), MergeClass(fight2));
}

TEST_F(ControlRulesTest, NothingReportedIsTheDefaultHolder) {
  auto out = Run({});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].holder, "Afghan government");
  EXPECT_EQ(out[0].status, ControlStatus::kHeld);
  EXPECT_FALSE(out[0].from.IsValid());
  EXPECT_THAT(out[0].evidence, IsEmpty());
}

TEST_F(ControlRulesTest, DefaultHolderIsTheSideName) {
  input_.default_holder = "Afghan police";
  auto out = Run({});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].holder, "Afghan government");
}

TEST_F(ControlRulesTest, OutsideTheProfileNothingIsKnownUntilReported) {
  input_.default_holder = "";
  EXPECT_THAT(Run({}), IsEmpty());
  EXPECT_THAT(Run({Ev("x", "2021-08-01", ControlEffect::kNone, "United States")}), IsEmpty());
  auto out = Run({Ev("c", "2021-08-12", ControlEffect::kCaptures, "Taliban")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].holder, "Taliban");
  EXPECT_EQ(out[0].from, D("2021-08-12"));
}

TEST_F(ControlRulesTest, NoEffectEventsLeaveTheDefault) {
  auto out = Run({Ev("x", "2021-08-12", ControlEffect::kNone, "United States", "0871")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].holder, "Afghan government");
}

TEST_F(ControlRulesTest, CaptureChangesTheHolderFromItsDate) {
  auto out = Run({Ev("e3", "2021-08-12", ControlEffect::kCaptures, "Taliban"),
                  Ev("e1", "2021-08-12", ControlEffect::kCaptures, "Taliban")});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].holder, "Afghan government");
  EXPECT_EQ(out[0].to, D("2021-08-12"));
  EXPECT_EQ(out[1].holder, "Taliban");
  EXPECT_EQ(out[1].status, ControlStatus::kHeld);
  EXPECT_EQ(out[1].from, D("2021-08-12"));
  EXPECT_THAT(out[1].evidence, UnorderedElementsAre("e1", "e3"));
}

TEST_F(ControlRulesTest, TakingAFacilityIsFightingInsideThePlace) {
  Event radio = Ev("p", "2021-08-03", ControlEffect::kCaptures, "Taliban");
  radio.object = "radio and television building";
  auto out = Run({radio});
  ASSERT_GE(out.size(), 2u);
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
  EXPECT_EQ(out[1].holder, "Afghan government");
  EXPECT_EQ(out[1].challenger, "Taliban");
  EXPECT_THAT(out[1].evidence, ElementsAre("p"));

  Event hq = Ev("q", "2021-08-03", ControlEffect::kCaptures, "Taliban");
  hq.place.precision = GeoPrecision::kFacility;
  hq.place.facility = "police headquarters";
  out = Run({hq});
  ASSERT_GE(out.size(), 2u);
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
}

TEST_F(ControlRulesTest, AFacilityTakenTheDayTheWholePlaceFallsIsEvidenceOfIt) {
  Event hq = Ev("e1", "2021-08-12", ControlEffect::kCaptures, "Taliban");
  hq.place.precision = GeoPrecision::kFacility;
  hq.place.facility = "police headquarters";
  hq.object = "police headquarters";
  Event city = Ev("e3", "2021-08-12", ControlEffect::kCaptures, "Taliban");
  city.object = "the city";  // the place itself
  Event jail =
      Ev("e8", "2021-08-12", ControlEffect::kCaptures, "Taliban", "192", ClaimStatus::kClaimed);
  jail.object = "jail";
  auto out = Run({jail, city, hq});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].holder, "Taliban");
  EXPECT_EQ(out[1].status, ControlStatus::kHeld);
  EXPECT_THAT(out[1].evidence, ElementsAre("e1", "e3"));  // the claimed jail is not
}

TEST_F(ControlRulesTest, AnObjectNamingThePlaceItselfIsTheWholePlace) {
  for (const char* object : {"the provincial capital", "City", "Testville", ""}) {
    Event e = Ev("c", "2021-08-12", ControlEffect::kCaptures, "Taliban");
    e.object = object;
    EXPECT_FALSE(IsAboutPart(e)) << object;
    auto out = Run({e});
    ASSERT_EQ(out.size(), 2u) << object;
    EXPECT_EQ(out[1].holder, "Taliban") << object;
  }
}

TEST_F(ControlRulesTest, SiegeForWeeksEndsAtTheCapture) {
  Event siege = Ev("s", "2021-08-12", ControlEffect::kBesieges, "Taliban");
  siege.start_date = D("2021-07-29");
  auto out = Run({siege, Ev("c", "2021-08-12", ControlEffect::kCaptures, "Taliban")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].status, ControlStatus::kBesieged);
  EXPECT_EQ(out[1].holder, "Afghan government");
  EXPECT_EQ(out[1].challenger, "Taliban");
  EXPECT_EQ(out[1].from, D("2021-07-29"));
  EXPECT_EQ(out[1].to, D("2021-08-12"));
  EXPECT_THAT(out[1].evidence, ElementsAre("s"));
  EXPECT_EQ(out[2].holder, "Taliban");
  EXPECT_EQ(out[2].status, ControlStatus::kHeld);
  EXPECT_THAT(out[2].evidence, ElementsAre("c"));
}

TEST_F(ControlRulesTest, SiegeStartFromAVagueDuration) {
  Event siege = Ev("s", "2021-08-12", ControlEffect::kBesieges, "Taliban");
  Quantity weeks;
  weeks.what = "duration";
  weeks.unit = "weeks";
  siege.quantities.push_back(weeks);
  input_.options.days_for_weeks = 14;
  auto out = Run({siege});
  ASSERT_EQ(out.size(), 3u);  // default, besieged, and held again when the siege expires
  EXPECT_EQ(out[1].from, D("2021-07-29"));
  EXPECT_EQ(out[1].status, ControlStatus::kBesieged);
  siege.quantities[0].value = 3;  // "for three weeks"
  out = Run({siege});
  EXPECT_EQ(out[1].from, D("2021-07-22"));
}

TEST_F(ControlRulesTest, SiegeWithNoFurtherReportExpires) {
  Event siege = Ev("s", "2021-08-12", ControlEffect::kBesieges, "Taliban");
  siege.start_date = D("2021-08-01");
  input_.options.siege_expiry_days = 21;
  auto out = Run({siege});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].to, D("2021-09-02"));
  EXPECT_EQ(out[2].status, ControlStatus::kHeld);
  EXPECT_EQ(out[2].holder, "Afghan government");
}

TEST_F(ControlRulesTest, FightingContestsUntilItExpires) {
  input_.options.contested_expiry_days = 10;
  auto out = Run({Ev("f", "2021-08-01", ControlEffect::kContests, "Taliban")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
  EXPECT_EQ(out[1].holder, "Afghan government");
  EXPECT_EQ(out[1].challenger, "Taliban");
  EXPECT_EQ(out[1].from, D("2021-08-01"));
  EXPECT_EQ(out[1].to, D("2021-08-11"));
  EXPECT_EQ(out[2].status, ControlStatus::kHeld);
  EXPECT_THAT(out[2].evidence, IsEmpty());
}

TEST_F(ControlRulesTest, FurtherFightingKeepsItContested) {
  input_.options.contested_expiry_days = 10;
  auto out = Run({Ev("f1", "2021-08-01", ControlEffect::kContests, "Taliban"),
                  Ev("f2", "2021-08-08", ControlEffect::kContests, "Taliban"),
                  Ev("f3", "2021-08-18", ControlEffect::kContests, "Taliban")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].from, D("2021-08-01"));
  EXPECT_EQ(out[1].to, D("2021-08-28"));
  EXPECT_THAT(out[1].evidence, ElementsAre("f1"));
}

TEST_F(ControlRulesTest, FightingAttackerIsTheSideThatIsNotTheHolder) {
  Event f = Ev("f", "2021-08-01", ControlEffect::kContests, "Afghan government forces");
  f.target = "Taliban";
  auto out = Run({f});
  EXPECT_EQ(out[1].challenger, "Taliban");
}

TEST_F(ControlRulesTest, AnAssaultFollowedByFightingOpensTheContest) {
  Event bomb = Ev("e7", "2021-08-11", ControlEffect::kNone, "", "183");
  Event fight = Ev("e6", "2021-08-12", ControlEffect::kContests, "Taliban");
  fight.target = "Afghan government forces";
  auto out = Run({fight, bomb});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
  EXPECT_EQ(out[1].from, D("2021-08-11"));
  EXPECT_EQ(out[1].challenger, "Taliban");
  EXPECT_THAT(out[1].evidence, ElementsAre("e7", "e6"));
}

TEST_F(ControlRulesTest, AnAssaultAloneDoesNotContest) {
  auto out = Run({Ev("b", "2021-08-11", ControlEffect::kNone, "", "183")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].status, ControlStatus::kHeld);
}

TEST_F(ControlRulesTest, AnOldAssaultDoesNotOpenALaterContest) {
  input_.options.contested_expiry_days = 10;
  auto out = Run({Ev("b", "2021-07-01", ControlEffect::kNone, "", "183"),
                  Ev("f", "2021-08-12", ControlEffect::kContests, "Taliban")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].from, D("2021-08-12"));
  EXPECT_THAT(out[1].evidence, ElementsAre("f"));
}

TEST_F(ControlRulesTest, AnUnnamedAttackerNamedLaterIsTheSameContest) {
  auto out = Run({Ev("f1", "2021-08-10", ControlEffect::kContests, ""),
                  Ev("f2", "2021-08-11", ControlEffect::kContests, "Taliban")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].from, D("2021-08-10"));
  EXPECT_EQ(out[1].challenger, "Taliban");
  EXPECT_THAT(out[1].evidence, ElementsAre("f1", "f2"));
}

TEST_F(ControlRulesTest, RepelledKeepsTheHolderAndEndsTheContest) {
  Event repel = Ev("r", "2021-08-03", ControlEffect::kRepels, "Afghan government forces");
  repel.target = "Taliban";
  auto out = Run({Ev("f", "2021-08-01", ControlEffect::kContests, "Taliban"), repel});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
  EXPECT_EQ(out[1].to, D("2021-08-03"));
  EXPECT_EQ(out[2].status, ControlStatus::kHeld);
  EXPECT_EQ(out[2].holder, "Afghan government");
  EXPECT_THAT(out[2].evidence, ElementsAre("r"));
}

TEST_F(ControlRulesTest, CaptureTheSameDayAsFightingWins) {
  auto out = Run({Ev("f", "2021-08-12", ControlEffect::kContests, "Taliban"),
                  Ev("c", "2021-08-12", ControlEffect::kCaptures, "Taliban")});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].holder, "Taliban");
  EXPECT_EQ(out[1].status, ControlStatus::kHeld);
  EXPECT_THAT(out[1].evidence, ElementsAre("c"));
}

TEST_F(ControlRulesTest, Recapture) {
  auto out = Run({Ev("c1", "2021-08-01", ControlEffect::kCaptures, "Taliban"),
                  Ev("c2", "2021-08-20", ControlEffect::kCaptures, "Afghan government forces")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].holder, "Taliban");
  EXPECT_EQ(out[1].to, D("2021-08-20"));
  EXPECT_EQ(out[2].holder, "Afghan government");
  EXPECT_EQ(out[2].from, D("2021-08-20"));
  EXPECT_THAT(out[2].evidence, ElementsAre("c2"));
}

TEST_F(ControlRulesTest, AChangeOfHandsReversedWithinADayIsFighting) {
  input_.options.reversal_days = 1;
  auto out = Run({Ev("c1", "2021-08-01", ControlEffect::kCaptures, "Taliban"),
                  Ev("c2", "2021-08-02", ControlEffect::kCaptures, "Afghan government forces")});
  ASSERT_GE(out.size(), 2u);
  for (const auto& iv : out) EXPECT_EQ(iv.holder, "Afghan government");
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
  EXPECT_EQ(out[1].from, D("2021-08-01"));
  EXPECT_EQ(out[1].challenger, "Taliban");
  EXPECT_THAT(out[1].evidence, ElementsAre("c1"));
  EXPECT_EQ(out.back().status, ControlStatus::kHeld);
}

TEST_F(ControlRulesTest, AChangeOfHandsKeptLongerThanReversalDaysIsTwoCaptures) {
  input_.options.reversal_days = 1;
  auto out = Run({Ev("c1", "2021-08-01", ControlEffect::kCaptures, "Taliban"),
                  Ev("c2", "2021-08-03", ControlEffect::kCaptures, "Afghan government forces")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].holder, "Taliban");
  EXPECT_EQ(out[2].holder, "Afghan government");
}

TEST_F(ControlRulesTest, TwoSidesCapturingTheSameDayIsFighting) {
  input_.default_holder = "";
  auto out = Run({Ev("c1", "2021-08-01", ControlEffect::kCaptures, "Taliban"),
                  Ev("c2", "2021-08-01", ControlEffect::kCaptures, "Afghan police")});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].status, ControlStatus::kContested);
  EXPECT_EQ(out[0].holder, "");
}

TEST_F(ControlRulesTest, AnUnnamedCaptureIsFighting) {
  auto out = Run({Ev("c", "2021-08-01", ControlEffect::kCaptures, "")});
  ASSERT_GE(out.size(), 2u);
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
  EXPECT_EQ(out[1].holder, "Afghan government");
}

TEST_F(ControlRulesTest, AClaimAloneIsClaimed) {
  Event claim =
      Ev("k", "2021-08-12", ControlEffect::kCaptures, "Taliban", "192", ClaimStatus::kClaimed);
  claim.claimant = "Taliban";
  auto out = Run({claim});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].status, ControlStatus::kClaimed);
  EXPECT_EQ(out[1].holder, "Afghan government");
  EXPECT_EQ(out[1].challenger, "Taliban");
  EXPECT_THAT(out[1].evidence, ElementsAre("k"));
}

TEST_F(ControlRulesTest, AClaimConfirmedLaterIsHeld) {
  Event claim =
      Ev("k", "2021-08-01", ControlEffect::kCaptures, "Taliban", "192", ClaimStatus::kClaimed);
  auto out = Run({claim, Ev("c", "2021-08-04", ControlEffect::kCaptures, "Taliban", "192",
                            ClaimStatus::kAttributed)});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].status, ControlStatus::kClaimed);
  EXPECT_EQ(out[1].to, D("2021-08-04"));
  EXPECT_EQ(out[2].status, ControlStatus::kHeld);
  EXPECT_EQ(out[2].holder, "Taliban");
}

TEST_F(ControlRulesTest, AClaimTheSameDayAsTheCaptureIsNotAnInterval) {
  Event claim =
      Ev("e8", "2021-08-12", ControlEffect::kCaptures, "Taliban", "192", ClaimStatus::kClaimed);
  claim.date_precision = DatePrecision::kApprox;
  auto out = Run({claim, Ev("e4", "2021-08-12", ControlEffect::kCaptures, "Taliban")});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].holder, "Taliban");
  EXPECT_THAT(out[1].evidence, ElementsAre("e4"));
}

TEST_F(ControlRulesTest, ADeniedCaptureIsContestedWithBothReports) {
  Event denial =
      Ev("d", "2021-08-02", ControlEffect::kCaptures, "Taliban", "192", ClaimStatus::kDenied);
  denial.claimant = "Afghan government";
  std::vector<Event> events = {Ev("c", "2021-08-01", ControlEffect::kCaptures, "Taliban"), denial};
  auto out = Run(events);
  ASSERT_GE(out.size(), 2u);
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
  EXPECT_EQ(out[1].holder, "Afghan government");
  EXPECT_EQ(out[1].challenger, "Taliban");
  EXPECT_THAT(out[1].evidence, ElementsAre("c", "d"));
  auto pairs = FindContradictions(events, input_);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].kind, ContradictionKind::kDenied);
  EXPECT_EQ(events[pairs[0].first].id, "c");
  EXPECT_EQ(events[pairs[0].second].id, "d");
}

TEST_F(ControlRulesTest, ACaptureSaidToBeRepelledIsContestedWithBothReports) {
  Event repel = Ev("r", "2021-08-01", ControlEffect::kRepels, "Afghan government forces");
  repel.target = "Taliban";
  std::vector<Event> events = {Ev("c", "2021-08-01", ControlEffect::kCaptures, "Taliban"), repel};
  auto out = Run(events);
  ASSERT_GE(out.size(), 2u);
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
  EXPECT_EQ(out[1].holder, "Afghan government");
  EXPECT_THAT(out[1].evidence, UnorderedElementsAre("c", "r"));
  auto pairs = FindContradictions(events, input_);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].kind, ContradictionKind::kRepelled);
}

TEST_F(ControlRulesTest, AClaimSaidToBeRepelledStaysClaimed) {
  Event claim =
      Ev("k", "2021-08-01", ControlEffect::kCaptures, "Taliban", "192", ClaimStatus::kClaimed);
  Event repel = Ev("r", "2021-08-01", ControlEffect::kRepels, "Afghan government forces");
  repel.target = "Taliban";
  auto out = Run({claim, repel});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].status, ControlStatus::kClaimed);
  EXPECT_THAT(out[1].evidence, UnorderedElementsAre("k", "r"));
}

TEST_F(ControlRulesTest, ConflictingCapturesAreReported) {
  input_.options.reversal_days = 1;
  std::vector<Event> events = {
      Ev("c1", "2021-08-01", ControlEffect::kCaptures, "Taliban"),
      Ev("c2", "2021-08-02", ControlEffect::kCaptures, "Afghan government forces")};
  auto pairs = FindContradictions(events, input_);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].kind, ContradictionKind::kConflictingCaptures);
}

TEST_F(ControlRulesTest, WithdrawalByTheHolderToANamedSide) {
  Event w = Ev("w", "2021-08-05", ControlEffect::kWithdraws, "Afghan government forces");
  w.target = "Taliban";
  auto out = Run({w});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].holder, "Taliban");
  EXPECT_EQ(out[1].status, ControlStatus::kHeld);
  EXPECT_THAT(out[1].evidence, ElementsAre("w"));
}

TEST_F(ControlRulesTest, WithdrawalByTheHolderWithNoSideNamedIsContested) {
  auto out = Run({Ev("w", "2021-08-05", ControlEffect::kWithdraws, "Afghan police")});
  ASSERT_GE(out.size(), 2u);
  EXPECT_EQ(out[1].status, ControlStatus::kContested);
  EXPECT_EQ(out[1].holder, "Afghan government");
  EXPECT_EQ(out[1].challenger, "");
}

TEST_F(ControlRulesTest, TheBesiegerWithdrawingEndsTheSiege) {
  Event siege = Ev("s", "2021-08-10", ControlEffect::kBesieges, "Taliban");
  siege.start_date = D("2021-08-01");
  auto out = Run({siege, Ev("w", "2021-08-15", ControlEffect::kWithdraws, "Taliban")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].status, ControlStatus::kBesieged);
  EXPECT_EQ(out[1].to, D("2021-08-15"));
  EXPECT_EQ(out[2].status, ControlStatus::kHeld);
  EXPECT_THAT(out[2].evidence, ElementsAre("w"));
}

TEST_F(ControlRulesTest, FightingInABesiegedPlaceThenRepelledGoesBackToBesieged) {
  Event siege = Ev("s", "2021-08-20", ControlEffect::kBesieges, "Taliban");
  siege.start_date = D("2021-08-01");
  Event repel = Ev("r", "2021-08-12", ControlEffect::kRepels, "Afghan police");
  repel.target = "Taliban";
  auto out = Run({siege, Ev("f", "2021-08-10", ControlEffect::kContests, "Taliban"), repel});
  ASSERT_GE(out.size(), 4u);
  EXPECT_EQ(out[1].status, ControlStatus::kBesieged);
  EXPECT_EQ(out[2].status, ControlStatus::kContested);
  EXPECT_EQ(out[3].status, ControlStatus::kBesieged);
  EXPECT_EQ(out[3].from, D("2021-08-12"));
  EXPECT_THAT(out[3].evidence, ElementsAre("r"));
}

TEST_F(ControlRulesTest, EventsWithoutADateOrDeniedAloneChangeNothing) {
  Event undated = Ev("u", "2021-08-01", ControlEffect::kCaptures, "Taliban");
  undated.date = Date();
  Event denial =
      Ev("d", "2021-08-01", ControlEffect::kCaptures, "Taliban", "192", ClaimStatus::kDenied);
  auto out = Run({undated, denial});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].holder, "Afghan government");
}

TEST_F(ControlRulesTest, TheOrderOfEventsDoesNotMatter) {
  Event siege = Ev("s", "2021-08-12", ControlEffect::kBesieges, "Taliban");
  siege.start_date = D("2021-07-29");
  Event claim = Ev("k", "2021-08-14", ControlEffect::kCaptures, "Afghan police", "192",
                   ClaimStatus::kClaimed);
  std::vector<Event> events = {siege,
                               Ev("b", "2021-08-09", ControlEffect::kNone, "", "183"),
                               Ev("f", "2021-08-10", ControlEffect::kContests, "Taliban"),
                               Ev("c", "2021-08-12", ControlEffect::kCaptures, "Taliban"),
                               claim,
                               Ev("f2", "2021-08-20", ControlEffect::kContests, "Afghan police"),
                               Ev("c2", "2021-09-01", ControlEffect::kCaptures, "Afghan police")};
  auto expected = Run(events);
  ASSERT_GE(expected.size(), 5u);
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(events.begin(), events.end(), rng);
    auto out = Run(events);
    ASSERT_EQ(out.size(), expected.size());
    for (size_t i = 0; i < out.size(); ++i) {
      EXPECT_EQ(out[i].holder, expected[i].holder);
      EXPECT_EQ(out[i].status, expected[i].status);
      EXPECT_EQ(out[i].challenger, expected[i].challenger);
      EXPECT_EQ(out[i].from, expected[i].from);
      EXPECT_EQ(out[i].to, expected[i].to);
      EXPECT_EQ(out[i].evidence, expected[i].evidence);
    }
  }
}

}  // namespace
}  // namespace sitrep
