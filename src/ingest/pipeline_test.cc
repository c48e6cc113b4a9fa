#include "sitrep/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sitrep/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::vector<Place> FewPlaces() {
  auto city = [](int64_t id, const char* name, PlaceKind kind, double lat, double lon,
                 int64_t pop) {
    Place p;
    p.geonameid = id;
    p.name = p.ascii_name = name;
    p.kind = kind;
    p.feature_code = kind == PlaceKind::kNationalCapital ? "PPLC" : "PPLA";
    p.country = "AF";
    p.country_name = "Afghanistan";
    p.lat = lat;
    p.lon = lon;
    p.population = pop;
    return p;
  };
  return {city(1138958, "Kabul", PlaceKind::kNationalCapital, 34.52813, 69.17233, 3043532),
          city(1141269, "Ghazni", PlaceKind::kProvincialCapital, 33.55391, 68.42096, 141000),
          city(1140026, "Herat", PlaceKind::kProvincialCapital, 34.34817, 62.19967, 272806)};
}

class PipelineTest : public ::testing::Test {
 protected:
  void Make(StoreFaults faults = {}) {
    gazetteer_ = MakeMemoryGazetteer(FewPlaces());
    CoderOptions opts;
    opts.lexicon = gazetteer_.get();
    auto coder = Coder::Create(opts);
    ASSERT_TRUE(coder.ok()) << coder.status().ToString();
    coder_ = std::move(coder).value();
    store_ = NewMemoryStore(faults);
    picture_ = std::make_unique<Picture>(store_.get(), gazetteer_.get(), EmptyProfile());
    pipeline_ = std::make_unique<Pipeline>(coder_.get(), gazetteer_.get(), picture_.get());
  }
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep-pipeline-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  Report MakeReport(const std::string& text, const char* published = "2021-08-13") {
    Report r;
    r.text = text;
    r.id = ReportId(text);
    r.outlet = "Test Wire";
    r.published = *Date::Parse(published);
    r.origin = "test";
    return r;
  }
  int64_t StoredReports() { return store_->Stats()->reports; }

  fs::path dir_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Coder> coder_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Picture> picture_;
  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(PipelineTest, CodesResolvesAndStores) {
  Make();
  auto result = pipeline_->IngestReport(MakeReport("The Taliban seized Ghazni on Thursday."));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_FALSE(result->duplicate);
  EXPECT_GE(result->events_new, 1);
  auto events = store_->Events({});
  ASSERT_TRUE(events.ok());
  ASSERT_FALSE(events->empty());
  EXPECT_EQ(events->front().place.geonameid, 1141269);
  EXPECT_EQ(events->front().date.ToString(), "2021-08-12");
}

TEST_F(PipelineTest, SameReportTwiceIsADuplicate) {
  Make();
  Report r = MakeReport("The Taliban seized Ghazni on Thursday.");
  ASSERT_TRUE(pipeline_->IngestReport(r).ok());
  auto again = pipeline_->IngestReport(r);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(StoredReports(), 1);
}

TEST_F(PipelineTest, RefusesAReportWithoutADate) {
  Make();
  Report r = MakeReport("The Taliban seized Ghazni on Thursday.");
  r.published = Date();
  auto result = pipeline_->IngestReport(r);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().kind(), ErrorKind::kMissingDate);
  EXPECT_NE(result.status().message().find("--published"), std::string::npos);
  EXPECT_EQ(StoredReports(), 0);
}

TEST_F(PipelineTest, ABadFileIsRefusedAndTheBatchGoesOn) {
  Make();
  Write("a-good.txt", "published: 2021-08-13\n\nThe Taliban seized Ghazni on Thursday.\n");
  Write("b-empty.txt", "");
  Write("c-binary.txt", std::string("published: 2021-08-13\n\nab\0cd", 29));
  Write("d-utf8.txt", "published: 2021-08-13\n\nHerat \xff fell.\n");
  Write("e-good.txt", "published: 2021-08-14\n\nThe Taliban captured Herat on Thursday.\n");
  std::vector<std::string> acknowledged;
  BatchSummary s = pipeline_->IngestPath(dir_.string(), {}, {},
                                         [&](const Report& r, const IngestResult&) {
                                           acknowledged.push_back(r.origin);
                                         });
  EXPECT_EQ(s.reports_read, 5);
  EXPECT_EQ(s.reports_new, 2);
  EXPECT_EQ(s.refused, 3);
  ASSERT_EQ(s.errors.size(), 3u);
  EXPECT_NE(s.errors[0].input().find("b-empty.txt"), std::string::npos);
  EXPECT_EQ(s.errors[1].kind(), ErrorKind::kBinaryInput);
  EXPECT_EQ(s.errors[2].kind(), ErrorKind::kInvalidUtf8);
  EXPECT_EQ(acknowledged.size(), 2u);
  EXPECT_EQ(StoredReports(), 2);
}

TEST_F(PipelineTest, AStoreFailureLeavesNothingOfTheReport) {
  // The second write (the first event of the first report) fails.
  Make(StoreFaults{.fail_on_write = 2});
  auto failed = pipeline_->IngestReport(MakeReport("The Taliban seized Ghazni on Thursday."));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(StoredReports(), 0);
  EXPECT_TRUE(store_->Events({})->empty());
  auto next = pipeline_->IngestReport(MakeReport("The Taliban captured Herat on Thursday."));
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(StoredReports(), 1);
}

}  // namespace
}  // namespace sitrep
