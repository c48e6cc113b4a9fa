#include "sitrep/model.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(ReportIdTest, StableUnderWhitespaceAndNormalization) {
  std::string a = "Herat fell.\nKandahar  fell.";
  std::string b = "  Herat fell. Kandahar fell.\n";
  EXPECT_EQ(ReportId(a), ReportId(b));
  EXPECT_EQ(ReportId(a).size(), 16u);
  // U+0101 precomposed vs a + combining macron.
  EXPECT_EQ(ReportId("Her\xC4\x81t"), ReportId("Hera\xCC\x84t"));
  EXPECT_NE(ReportId("Herat fell."), ReportId("Herat held."));
}

TEST(ModelNamesTest, RoundTrip) {
  for (auto k : {PlaceKind::kNationalCapital, PlaceKind::kProvincialCapital, PlaceKind::kAdmin1}) {
    EXPECT_EQ(*ParsePlaceKind(PlaceKindName(k)), k);
  }
  EXPECT_EQ(*ParseClaimStatus("claimed"), ClaimStatus::kClaimed);
  EXPECT_EQ(ControlStatusName(ControlStatus::kBesieged), "besieged");
  EXPECT_EQ(*ParseControlEffect("repels"), ControlEffect::kRepels);
  EXPECT_EQ(GeoPrecisionName(GeoPrecision::kFacility), "facility");
  auto bad = ParsePlaceKind("hamlet");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("provincial-capital"), std::string::npos);
}

TEST(EventTest, CorroborationCountsDistinctOutlets) {
  Event e;
  e.sources.push_back({.report_id = "r1", .outlet = "A"});
  e.sources.push_back({.report_id = "r2", .outlet = "B"});
  e.sources.push_back({.report_id = "r3", .outlet = "A"});
  EXPECT_EQ(e.Corroboration(), 2);
}

}  // namespace
}  // namespace sitrep
