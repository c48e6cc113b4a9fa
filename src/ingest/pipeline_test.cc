#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "sitrep/ingest.h"
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
  void Make(StoreFaults faults = {}, PipelineOptions options = {}) {
    gazetteer_ = MakeMemoryGazetteer(FewPlaces());
    CoderOptions opts;
    opts.lexicon = gazetteer_.get();
    auto coder = Coder::Create(opts);
    ASSERT_TRUE(coder.ok()) << coder.status().ToString();
    coder_ = std::move(coder).value();
    store_ = NewMemoryStore(faults);
    picture_ = std::make_unique<Picture>(store_.get(), gazetteer_.get(), EmptyProfile());
    pipeline_ = std::make_unique<Pipeline>(coder_.get(), gazetteer_.get(), picture_.get(), options);
  }
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep-pipeline-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void WriteFile(const std::string& name, const std::string& bytes) {
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
  // Ingests every report under dir_; `acknowledged` gets their origins as
  // they are committed, in order.
  BatchSummary IngestDir(std::vector<std::string>* acknowledged) {
    return pipeline_->IngestPath(dir_.string(), {}, {},
                                 [acknowledged](const Report& r, const IngestResult&) {
                                   acknowledged->push_back(r.origin);
                                 });
  }
  // r000.txt, r001.txt, ...: two sentences each about the three towns.
  void WriteTownReports(int count) {
    const char* towns[] = {"Ghazni", "Herat", "Kabul"};
    const char* verbs[] = {"seized", "attacked", "shelled", "captured"};
    const char* days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                          "Friday", "Saturday", "Sunday"};
    for (int i = 0; i < count; ++i) {
      char name[32];
      std::snprintf(name, sizeof(name), "r%03d.txt", i);
      std::string day = std::to_string(10 + i % 9);
      // 3 towns, 4 verbs, 7 days: every text differs (a report's id is its text's hash).
      WriteFile(name, "published: 2021-08-" + day + "\n\nThe Taliban " + verbs[i % 4] + " " +
                          towns[i % 3] + " on " + days[i % 7] + ". Fighting went on in " +
                          towns[(i + 1) % 3] + ".\n");
    }
  }

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
  WriteFile("a-good.txt", "published: 2021-08-13\n\nThe Taliban seized Ghazni on Thursday.\n");
  WriteFile("b-empty.txt", "");
  WriteFile("c-binary.txt", std::string("published: 2021-08-13\n\nab\0cd", 29));
  WriteFile("d-utf8.txt", "published: 2021-08-13\n\nHerat \xff fell.\n");
  WriteFile("e-good.txt", "published: 2021-08-14\n\nThe Taliban captured Herat on Thursday.\n");
  std::vector<std::string> acknowledged;
  BatchSummary s = IngestDir(&acknowledged);
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

TEST_F(PipelineTest, BatchesStoreTheSamePictureAsOneReportAtATime) {
  std::vector<std::string> pictures;
  for (size_t batch : {size_t{1}, size_t{4}, size_t{64}}) {
    Make({}, PipelineOptions{.batch_reports = batch});
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    WriteTownReports(23);
    WriteFile("r005.txt", "published: 2021-08-15\n\nThe Taliban seized Ghazni on Tuesday.\n");
    WriteFile("r006.txt", "published: 2021-08-15\n\nThe Taliban seized Ghazni on Tuesday.\n");
    std::vector<std::string> acknowledged;
    BatchSummary s = IngestDir(&acknowledged);
    EXPECT_EQ(s.reports_read, 23);
    EXPECT_EQ(s.reports_new, 22);
    EXPECT_EQ(s.duplicates, 1) << "batch " << batch;
    EXPECT_EQ(s.refused, 0);
    // Every report is acknowledged once, in the order read.
    ASSERT_EQ(acknowledged.size(), 23u);
    EXPECT_TRUE(std::is_sorted(acknowledged.begin(), acknowledged.end()));
    std::string picture;
    auto events = store_->Events({});
    ASSERT_TRUE(events.ok());
    for (const auto& e : *events) {
      picture += e.id + " " + e.cameo + " " + std::to_string(e.sources.size()) + "\n";
    }
    auto places = store_->EventPlaces();
    ASSERT_TRUE(places.ok());
    for (int64_t place : *places) {
      auto history = store_->ControlHistory(place);
      ASSERT_TRUE(history.ok());
      for (const auto& iv : *history) {
        picture += std::to_string(place) + " " + iv.from.ToString() + " " + iv.holder + " " +
                   std::string(ControlStatusName(iv.status)) + "\n";
      }
    }
    pictures.push_back(picture);
  }
  EXPECT_NE(pictures[0].find("Taliban held"), std::string::npos);
  EXPECT_EQ(pictures[1], pictures[0]);
  EXPECT_EQ(pictures[2], pictures[0]);
}

TEST_F(PipelineTest, AFailedBatchIsStoredAgainReportByReport) {
  // The third write fails: inside the first report of the batch, so the
  // batch's transaction is rolled back whole. Its reports are then stored
  // one by one (the fault was passing), each acknowledged once.
  Make(StoreFaults{.fail_on_write = 3}, PipelineOptions{.batch_reports = 8});
  WriteTownReports(5);
  std::vector<std::string> acknowledged;
  BatchSummary s = IngestDir(&acknowledged);
  EXPECT_EQ(s.reports_read, 5);
  EXPECT_EQ(s.refused, 0);
  EXPECT_EQ(s.reports_new, 5);
  EXPECT_EQ(acknowledged.size(), 5u);
  EXPECT_EQ(StoredReports(), 5);
}

TEST_F(PipelineTest, AReportThatFailsAloneIsTheOnlyOneRefused) {
  // Batches of one: the fault falls in a report after the first (each
  // takes a write for itself, one an event and one a place), which alone is
  // refused, naming its file.
  Make(StoreFaults{.fail_on_write = 8}, PipelineOptions{.batch_reports = 1});
  WriteTownReports(4);
  BatchSummary s = pipeline_->IngestPath(dir_.string(), {});
  EXPECT_EQ(s.refused, 1);
  EXPECT_EQ(s.reports_new, 3);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].kind(), ErrorKind::kStoreError);
  EXPECT_NE(s.errors[0].input().find(".txt"), std::string::npos) << s.errors[0].ToString();
  EXPECT_EQ(s.errors[0].input().find("r000.txt"), std::string::npos) << s.errors[0].ToString();
}

}  // namespace
}  // namespace sitrep
