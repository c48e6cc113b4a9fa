// The seed story, ingested alone with its publication date, must give the
// events and the picture that ../shared/seed/expected.md describes. Skipped
// (with a message) where the shared folder is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sitrep/reader.h"
#include "test_world.h"

namespace sitrep {
namespace {

const std::string kSeed = std::string(SITREP_SHARED_DIR) + "/seed/seed-article.txt";

Date D(const char* iso) { return *Date::Parse(iso); }

class SeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kSeed)) return;
    auto world = testing::TestWorld::Make("afghanistan-2021");
    ASSERT_TRUE(world.ok()) << world.status().ToString();
    world_ = std::move(world).value().release();
    std::vector<Report> reports;
    Status st = ReadReports(kSeed, {}, [&](Result<Report> r) {
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      reports.push_back(*r);
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
    ASSERT_EQ(reports.size(), 1u);
    ASSERT_EQ(reports[0].published.ToString(), "2021-08-13");
    auto result = world_->pipeline().IngestReport(reports[0]);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    auto events = world_->store().Events({});
    ASSERT_TRUE(events.ok()) << events.status().ToString();
    events_ = new std::vector<Event>(std::move(events).value());
  }
  static void TearDownTestSuite() {
    delete events_;
    delete world_;
    events_ = nullptr;
    world_ = nullptr;
  }
  void SetUp() override {
    if (!std::filesystem::exists(kSeed)) GTEST_SKIP() << "no seed story at " << kSeed;
    ASSERT_NE(world_, nullptr);
    ASSERT_NE(events_, nullptr);
  }

  int64_t Id(const char* name) { return world_->PlaceNamed(name).geonameid; }

  // Events matching every given condition; `phrase` must occur in one of
  // the sentences the event is linked to.
  std::vector<const Event*> Find(std::string_view cameo_prefix, int64_t place,
                                 std::string_view actor, std::string_view phrase) {
    std::vector<const Event*> out;
    for (const auto& e : *events_) {
      if (e.cameo.rfind(cameo_prefix, 0) != 0) continue;
      if (place != 0 && e.place.geonameid != place) continue;
      if (!actor.empty() && e.actor != actor && e.target != actor) continue;
      bool linked = std::any_of(e.sources.begin(), e.sources.end(), [&](const EventSource& s) {
        return s.sentence.find(phrase) != std::string::npos;
      });
      if (linked) out.push_back(&e);
    }
    return out;
  }

  std::string Dump() {
    std::ostringstream out;
    for (const auto& e : *events_) {
      out << e.date.ToString() << " " << e.cameo << " " << e.actor << " -> " << e.target << " @"
          << e.place.name << "(" << e.place.geonameid << ") " << ClaimStatusName(e.claim) << " "
          << e.claimant << " | " << (e.sources.empty() ? "" : e.sources[0].sentence.substr(0, 80))
          << "\n";
    }
    return out.str();
  }

  static testing::TestWorld* world_;
  static std::vector<Event>* events_;
};
testing::TestWorld* SeedTest::world_ = nullptr;
std::vector<Event>* SeedTest::events_ = nullptr;

TEST_F(SeedTest, E1TalibanTakeHeratPoliceHeadquarters) {
  auto found = Find("192", Id("Herat"), "Taliban", "police headquarters in Herat");
  ASSERT_FALSE(found.empty()) << Dump();
  const Event& e = *found[0];
  EXPECT_EQ(e.date, D("2021-08-12"));
  EXPECT_EQ(e.actor, "Taliban");
  EXPECT_NE(e.object.find("police headquarters"), std::string::npos) << e.object;
  EXPECT_EQ(e.place.precision, GeoPrecision::kFacility);
}

TEST_F(SeedTest, E2TalibanSeizeGhazni) {
  auto found = Find("192", Id("Ghazni"), "Taliban", "Ghazni");
  ASSERT_FALSE(found.empty()) << Dump();
  EXPECT_EQ(found[0]->date, D("2021-08-12"));
  EXPECT_EQ(found[0]->claim, ClaimStatus::kReported);
}

TEST_F(SeedTest, E3E4TalibanCaptureHeratAndKandahar) {
  for (const char* city : {"Herat", "Kandahar"}) {
    auto found = Find("192", Id(city), "Taliban", "Taliban captured Herat and Kandahar");
    ASSERT_FALSE(found.empty()) << city << "\n" << Dump();
    EXPECT_EQ(found[0]->date, D("2021-08-12")) << city;
    EXPECT_EQ(found[0]->claim, ClaimStatus::kReported) << city;
  }
}

TEST_F(SeedTest, E5E6FightingInKandaharAndLashkarGah) {
  for (const char* city : {"Kandahar", "Lashkar Gah"}) {
    auto found = Find("19", Id(city), "Taliban", "Fighting was also raging");
    ASSERT_FALSE(found.empty()) << city << "\n" << Dump();
    EXPECT_NE(found[0]->cameo, "192") << city;
    EXPECT_EQ(found[0]->date, D("2021-08-12")) << city;
  }
}

TEST_F(SeedTest, E7CarBombInLashkarGahOnWednesdayEvening) {
  auto found = Find("183", Id("Lashkar Gah"), "", "car bomb");
  ASSERT_FALSE(found.empty()) << Dump();
  EXPECT_EQ(found[0]->date, D("2021-08-11"));
  EXPECT_EQ(found[0]->claim, ClaimStatus::kAttributed);
}

TEST_F(SeedTest, E8JailOverrunIsATalibanClaim) {
  auto found = Find("", Id("Kandahar"), "Taliban", "overrun the heavily fortified jail");
  ASSERT_FALSE(found.empty()) << Dump();
  for (const Event* e : found) {
    EXPECT_EQ(e->claim, ClaimStatus::kClaimed) << e->cameo;
    EXPECT_EQ(e->claimant, "Taliban");
  }
  bool overrun = std::any_of(found.begin(), found.end(), [](const Event* e) { return e->cameo == "192"; });
  EXPECT_TRUE(overrun) << Dump();
}

TEST_F(SeedTest, E9E10TroopsDeployedToKabul) {
  auto us = Find("", Id("Kabul"), "United States", "3,000 troops");
  ASSERT_FALSE(us.empty()) << Dump();
  EXPECT_EQ(us[0]->date, D("2021-08-12"));
  bool troops = std::any_of(us[0]->quantities.begin(), us[0]->quantities.end(),
                            [](const Quantity& q) { return q.value == 3000; });
  EXPECT_TRUE(troops);
  auto uk = Find("", Id("Kabul"), "United Kingdom", "600");
  ASSERT_FALSE(uk.empty()) << Dump();
}

TEST_F(SeedTest, D1PowerSharingOfferInDoha) {
  auto found = Find("03", Id("Doha"), "Afghan government", "power-sharing");
  ASSERT_FALSE(found.empty()) << Dump();
  EXPECT_EQ(found[0]->claim, ClaimStatus::kAttributed);
}

TEST_F(SeedTest, HypotheticalOverrunOfTheCapitalIsNoEvent) {
  for (const auto& e : *events_) {
    if (e.cameo != "192") continue;
    EXPECT_NE(e.place.geonameid, Id("Kabul")) << Dump();
    for (const auto& s : e.sources) {
      EXPECT_EQ(s.sentence.find("if they overrun the capital"), std::string::npos);
    }
  }
}

TEST_F(SeedTest, PictureAsOfTheThirteenth) {
  auto rows = world_->picture().ControlAsOf(D("2021-08-13"), {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  auto row = [&](const char* name) -> const PlaceControl* {
    for (const auto& r : *rows) {
      if (r.place.geonameid == Id(name)) return &r;
    }
    return nullptr;
  };
  for (const char* city : {"Herat", "Kandahar", "Ghazni"}) {
    const PlaceControl* r = row(city);
    ASSERT_NE(r, nullptr) << city;
    EXPECT_EQ(r->interval.status, ControlStatus::kHeld) << city;
    EXPECT_EQ(r->interval.holder, "Taliban") << city;
    EXPECT_EQ(r->interval.from, D("2021-08-12")) << city;
    EXPECT_FALSE(r->interval.evidence.empty()) << city;
  }
  const PlaceControl* lashkar = row("Lashkar Gah");
  ASSERT_NE(lashkar, nullptr);
  EXPECT_EQ(lashkar->interval.status, ControlStatus::kContested);
  EXPECT_EQ(lashkar->interval.from, D("2021-08-11"));
  const PlaceControl* kabul = row("Kabul");
  if (kabul != nullptr) {
    EXPECT_EQ(kabul->interval.holder, "Afghan government");
    EXPECT_EQ(kabul->interval.status, ControlStatus::kHeld);
  }
  ControlQuery capitals;
  capitals.kind = PlaceKind::kNationalCapital;
  auto cap = world_->picture().ControlAsOf(D("2021-08-13"), capitals);
  ASSERT_TRUE(cap.ok());
  auto kabul_row = std::find_if(cap->begin(), cap->end(), [&](const PlaceControl& r) {
    return r.place.geonameid == Id("Kabul");
  });
  ASSERT_NE(kabul_row, cap->end());
  EXPECT_EQ(kabul_row->interval.holder, "Afghan government");
}

TEST_F(SeedTest, SiegesOfHeratAndKandaharEndWithTheCapture) {
  for (const char* city : {"Herat", "Kandahar"}) {
    auto history = world_->picture().History(Id(city));
    ASSERT_TRUE(history.ok());
    auto siege = std::find_if(history->begin(), history->end(), [](const ControlInterval& iv) {
      return iv.status == ControlStatus::kBesieged;
    });
    ASSERT_NE(siege, history->end()) << city;
    EXPECT_EQ(siege->to, D("2021-08-12")) << city;
    EXPECT_LT(siege->from, D("2021-08-06")) << city << ": 'for weeks' starts weeks before";
  }
}

TEST_F(SeedTest, ProvincialCapitalsThatChangedHandsOnTheTwelfth) {
  ChangeQuery q;
  q.kind = PlaceKind::kProvincialCapital;
  auto changes = world_->picture().Changes(D("2021-08-12"), 1, q);
  ASSERT_TRUE(changes.ok());
  std::vector<int64_t> ids;
  for (const auto& c : *changes) {
    if (c.status == ControlStatus::kHeld) ids.push_back(c.place.geonameid);
  }
  std::sort(ids.begin(), ids.end());
  std::vector<int64_t> want = {Id("Ghazni"), Id("Herat"), Id("Kandahar")};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(ids, want);
}

TEST_F(SeedTest, NearestTalibanHeldPlaceToKabulIsGhazni) {
  auto nearest = world_->picture().NearestHeldBy(world_->PlaceNamed("Kabul"), "Taliban",
                                                 D("2021-08-13"));
  ASSERT_TRUE(nearest.ok());
  ASSERT_TRUE(nearest->has_value());
  EXPECT_EQ((*nearest)->nearest.place.geonameid, Id("Ghazni"));
  EXPECT_GT((*nearest)->km, 120);
  EXPECT_LT((*nearest)->km, 135);
}

TEST_F(SeedTest, ReportedFiguresAreKeptAsTheStorysClaims) {
  auto figures = world_->store().Figures("");
  ASSERT_TRUE(figures.ok());
  std::vector<double> values;
  for (const auto& f : *figures) values.push_back(f.quantity.value);
  std::vector<double> all = values;
  for (const auto& e : *events_) {
    for (const auto& q : e.quantities) all.push_back(q.value);
  }
  for (double v : {12.0, 4000.0, 1400.0, 150.0}) {
    EXPECT_NE(std::find(all.begin(), all.end(), v), all.end()) << v;
  }
  EXPECT_NE(std::find(values.begin(), values.end(), 12.0), values.end())
      << "12 provincial centres in 8 days is the story's own figure";
}

TEST_F(SeedTest, IngestingTheStoryAgainIsADuplicate) {
  std::vector<Report> reports;
  ASSERT_TRUE(ReadReports(kSeed, {}, [&](Result<Report> r) { reports.push_back(*r); }).ok());
  auto again = world_->pipeline().IngestReport(reports.at(0));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);
  auto events = world_->store().Events({});
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->size(), events_->size());
}

}  // namespace
}  // namespace sitrep
