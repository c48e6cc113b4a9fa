// The demo corpus (corpus/demo-afghanistan-2021, written by the project in
// its own words with facts true to the record) must give a timeline of
// provincial capitals that agrees with the corpus's own facts.json: each
// capital falls to the Taliban on the day the corpus says, reports of one
// capture become one event with all their sources, and hypotheticals never
// become captures.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "sitrep/reader.h"
#include "test_world.h"

namespace sitrep {
namespace {

const std::string kCorpus = std::string(SITREP_SOURCE_DIR) + "/corpus/demo-afghanistan-2021";

class DemoCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto world = testing::TestWorld::Make("afghanistan-2021");
    ASSERT_TRUE(world.ok()) << world.status().ToString();
    world_ = std::move(world).value().release();
    BatchSummary s = world_->pipeline().IngestPath(kCorpus + "/reports", {});
    for (const auto& e : s.errors) ADD_FAILURE() << e.ToString();
    reports_new_ = s.reports_new;
    std::ifstream in(kCorpus + "/facts.json");
    facts_ = new nlohmann::json(nlohmann::json::parse(in));
  }
  static void TearDownTestSuite() {
    delete world_;
    delete facts_;
  }

  // The place a capture fact names, as the product resolves the reports' spelling.
  const Place* Resolve(const nlohmann::json& fact) {
    for (const auto& name : fact["names_in_reports"]) {
      // The settlement of that name (a capital city, not its province).
      auto candidates = world_->gazetteer().Lookup(name.get<std::string>());
      for (const Place* p : candidates) {
        if (p->country == "AF" && p->kind != PlaceKind::kAdmin1 && p->kind != PlaceKind::kCountry) {
          return p;
        }
      }
    }
    return nullptr;
  }

  static testing::TestWorld* world_;
  static nlohmann::json* facts_;
  static int reports_new_;
};
testing::TestWorld* DemoCorpusTest::world_ = nullptr;
nlohmann::json* DemoCorpusTest::facts_ = nullptr;
int DemoCorpusTest::reports_new_ = 0;

TEST_F(DemoCorpusTest, EveryReportIsStored) {
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(kCorpus + "/reports")) {
    if (e.path().extension() == ".txt") ++files;
  }
  EXPECT_EQ(static_cast<size_t>(reports_new_), files);
}

TEST_F(DemoCorpusTest, CapitalsFallOnTheDayTheCorpusSays) {
  int checked = 0;
  std::vector<std::string> wrong;
  for (const auto& fact : (*facts_)["captures"]) {
    if (fact.value("kind", "") == "facility") continue;
    const std::string name = fact["place"];
    const Place* place = Resolve(fact);
    if (place == nullptr) {
      wrong.push_back(name + ": not in the gazetteer under the reports' spelling");
      continue;
    }
    ++checked;
    Date day = *Date::Parse(fact["date"].get<std::string>());
    auto history = world_->picture().History(place->geonameid);
    ASSERT_TRUE(history.ok()) << history.status().ToString();
    // The first day the Taliban hold it, confirmed.
    Date taken;
    for (const auto& iv : *history) {
      if (iv.holder == "Taliban" && iv.status != ControlStatus::kClaimed) {
        taken = iv.from;
        break;
      }
    }
    if (taken != day) {
      std::string got = taken.IsValid() ? taken.ToString() : "never";
      wrong.push_back(name + ": corpus says " + day.ToString() + ", picture says " + got);
    }
  }
  EXPECT_GE(checked, 20);
  for (const auto& w : wrong) ADD_FAILURE() << w;
}

TEST_F(DemoCorpusTest, ProvincialCapitalsLostInTheWindow) {
  // Every capture in the corpus with a date in (Aug 5, Aug 13] is a change
  // of hands of a provincial capital (or the national capital) to the Taliban.
  Date as_of = *Date::Parse("2021-08-13");
  std::set<int64_t> want;
  for (const auto& fact : (*facts_)["captures"]) {
    if (fact.value("kind", "") == "facility") continue;
    Date day = *Date::Parse(fact["date"].get<std::string>());
    if (day > as_of || day <= as_of.AddDays(-8)) continue;
    const Place* p = Resolve(fact);
    if (p != nullptr) want.insert(p->geonameid);
  }
  ChangeQuery q;
  q.to_holder = "Taliban";
  auto changes = world_->picture().Changes(as_of, 8, q);
  ASSERT_TRUE(changes.ok());
  std::set<int64_t> got;
  for (const auto& c : *changes) {
    if (c.status == ControlStatus::kHeld &&
        (c.place.kind == PlaceKind::kProvincialCapital ||
         c.place.kind == PlaceKind::kNationalCapital)) {
      got.insert(c.place.geonameid);
    }
  }
  for (int64_t id : want) {
    EXPECT_TRUE(got.count(id)) << "missing change: " << world_->gazetteer().Get(id)->ascii_name;
  }
  for (int64_t id : got) {
    EXPECT_TRUE(want.count(id)) << "change not in the corpus: "
                                << world_->gazetteer().Get(id)->ascii_name;
  }
}

TEST_F(DemoCorpusTest, ReportsOfOneCaptureAreOneEventWithAllTheirSources) {
  int groups = 0;
  for (const auto& dup : (*facts_)["duplicates"]) {
    const std::string what = dup["event"];
    if (what.rfind("Taliban capture ", 0) != 0) continue;
    std::string place_name = what.substr(std::string("Taliban capture ").size());
    nlohmann::json fact;
    for (const auto& c : (*facts_)["captures"]) {
      for (const auto& n : c["names_in_reports"]) {
        if (n == place_name || c["place"] == place_name) fact = c;
      }
    }
    if (fact.is_null()) continue;
    const Place* place = Resolve(fact);
    if (place == nullptr) continue;
    ++groups;
    EventFilter f;
    f.geonameid = place->geonameid;
    f.family = "192";
    auto events = world_->store().Events(f);
    ASSERT_TRUE(events.ok());
    std::set<std::string> reports_with_capture;
    size_t most_reports = 0;  // distinct reports behind one event
    for (const auto& e : *events) {
      if (e.actor != "Taliban" || !e.object.empty()) continue;
      std::set<std::string> ids;
      for (const auto& s : e.sources) ids.insert(s.report_id);
      most_reports = std::max(most_reports, ids.size());
      reports_with_capture.insert(ids.begin(), ids.end());
    }
    // All the reports that tell of the capture are sources of one event.
    EXPECT_GE(most_reports, std::min<size_t>(2, dup["reports"].size())) << what;
    EXPECT_EQ(most_reports, reports_with_capture.size()) << what << ": split into several events";
  }
  EXPECT_GE(groups, 5);
}

TEST_F(DemoCorpusTest, HypotheticalsAreNotCaptures) {
  auto events = world_->store().Events({});
  ASSERT_TRUE(events.ok());
  for (const auto& h : (*facts_)["hypotheticals"]) {
    const std::string text = h["text"];
    for (const auto& e : *events) {
      if (e.cameo != "192") continue;
      for (const auto& s : e.sources) {
        EXPECT_EQ(s.sentence.find(text), std::string::npos)
            << "a capture was coded from the hypothetical: " << text;
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
