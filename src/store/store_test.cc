// Behaviour every Store backend must share, run against each of them.
#include "sitrep/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace sitrep {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Date D(const char* iso) { return *Date::Parse(iso); }

// A fresh directory for one test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-store-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const char* name) const { return (std::filesystem::path(path_) / name); }

 private:
  std::string path_;
};

struct MemoryBackend {
  static constexpr bool kSqlite = false;
  static std::unique_ptr<Store> Open(const TempDir&, StoreFaults faults = {}) {
    return NewMemoryStore(faults);
  }
};

struct SqliteBackend {
  static constexpr bool kSqlite = true;
  static std::unique_ptr<Store> Open(const TempDir& dir, StoreFaults faults = {}) {
    SqliteOptions options;
    options.faults = faults;
    auto store = OpenSqliteStore(dir.File("store.db"), options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }
};

template <typename Backend>
class StoreTest : public ::testing::Test {
 public:
  void SetUp() override { store_ = Backend::Open(dir_); }

  static Report MakeReport(std::string id, std::string outlet, const char* published,
                           std::string text = "The Taliban took Herat. Fighting went on.") {
    Report r;
    r.id = std::move(id);
    r.url = "https://example.org/" + r.id;
    r.outlet = std::move(outlet);
    r.published = published ? D(published) : Date();
    r.title = "Title of " + r.id;
    r.text = std::move(text);
    r.origin = "test:" + r.id;
    return r;
  }

  static EventSource Source(std::string report_id, uint32_t start = 0, uint32_t end = 23,
                            ClaimStatus claim = ClaimStatus::kReported) {
    EventSource s;
    s.report_id = std::move(report_id);
    s.start = start;
    s.end = end;
    s.sentence = "The Taliban took Herat.";
    s.claim = claim;
    return s;
  }

  static Event MakeEvent(std::string id, const char* date, int64_t geonameid, std::string place,
                         std::string cameo, std::string actor, std::string report_id) {
    Event e;
    e.id = std::move(id);
    e.date = date ? D(date) : Date();
    e.cameo = std::move(cameo);
    e.action = "action " + e.cameo;
    e.actor = std::move(actor);
    e.place.geonameid = geonameid;
    e.place.name = place;
    e.place.text = place;
    e.place.precision = geonameid ? GeoPrecision::kCity : GeoPrecision::kUnresolved;
    e.sources.push_back(Source(std::move(report_id)));
    return e;
  }

  // Stores a report and its events in one committed transaction.
  void Ingest(const Report& r, const std::vector<Event>& events = {}) {
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok()) << tx.status().ToString();
    ASSERT_TRUE((*tx)->PutReport(r, {{0, 23}, {24, 41}}, {}).ok());
    for (const Event& e : events) {
      Status s = (*tx)->PutEvent(e);
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
    Status s = (*tx)->Commit();
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  std::vector<std::string> Ids(const EventFilter& f) {
    auto events = store_->Events(f);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    std::vector<std::string> ids;
    if (events.ok()) {
      for (const Event& e : *events) ids.push_back(e.id);
    }
    return ids;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

using Backends = ::testing::Types<MemoryBackend, SqliteBackend>;
TYPED_TEST_SUITE(StoreTest, Backends);

TYPED_TEST(StoreTest, ReportRoundTrip) {
  Report r = this->MakeReport("r1", "Agence Ünï", "2021-08-13",
                              "Талибы взяли Герат. « Herāt » est tombée. 喀布尔。");
  r.language = "ru";
  ReportedFigure fig;
  fig.quantity = {"provincial centres", 12, "", "12 provincial centres"};
  fig.subject = "provincial centres lost";
  fig.claimant = "";
  fig.start = 0;
  fig.end = 10;
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok());
    // Sentences given out of order and twice are stored in order, once.
    ASSERT_TRUE((*tx)->PutReport(r, {{11, 20}, {0, 10}, {11, 20}}, {fig}).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto got = this->store_->GetReport("r1");
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  const Report& g = **got;
  EXPECT_EQ(g.id, r.id);
  EXPECT_EQ(g.url, r.url);
  EXPECT_EQ(g.outlet, r.outlet);
  EXPECT_EQ(g.published, r.published);
  EXPECT_EQ(g.title, r.title);
  EXPECT_EQ(g.language, "ru");
  EXPECT_EQ(g.text, r.text);
  EXPECT_EQ(g.origin, r.origin);
  ASSERT_EQ(g.ingested_at.size(), 20u);
  EXPECT_EQ(g.ingested_at.back(), 'Z');

  auto sentences = this->store_->Sentences("r1");
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[1].start, 11u);
  EXPECT_EQ((*sentences)[1].end, 20u);

  auto figures = this->store_->Figures("r1");
  ASSERT_TRUE(figures.ok());
  ASSERT_EQ(figures->size(), 1u);
  EXPECT_EQ((*figures)[0].report_id, "r1");
  EXPECT_EQ((*figures)[0].quantity.what, "provincial centres");
  EXPECT_EQ((*figures)[0].quantity.value, 12);
  EXPECT_EQ((*figures)[0].quantity.text, "12 provincial centres");
  EXPECT_EQ((*figures)[0].subject, "provincial centres lost");
  EXPECT_EQ((*figures)[0].end, 10u);

  auto missing = this->store_->GetReport("nope");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  EXPECT_TRUE(this->store_->Sentences("nope")->empty());
}

TYPED_TEST(StoreTest, ListReportsOldestFirstWithoutText) {
  this->Ingest(this->MakeReport("b", "X", "2021-08-13"));
  this->Ingest(this->MakeReport("a", "X", "2021-08-13"));
  this->Ingest(this->MakeReport("c", "X", "2021-08-01"));
  this->Ingest(this->MakeReport("d", "X", nullptr));
  auto list = this->store_->ListReports();
  ASSERT_TRUE(list.ok());
  std::vector<std::string> ids;
  for (const Report& r : *list) {
    ids.push_back(r.id);
    EXPECT_TRUE(r.text.empty());
    EXPECT_FALSE(r.url.empty());
  }
  EXPECT_THAT(ids, ElementsAre("d", "c", "a", "b"));
}

TYPED_TEST(StoreTest, DuplicateReportIsANoOpAndTheTransactionStaysUsable) {
  this->Ingest(this->MakeReport("r1", "X", "2021-08-13"));
  Report again = this->MakeReport("r1", "Other", "2021-08-14");
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto has = (*tx)->HasReport("r1");
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
  Status dup = (*tx)->PutReport(again, {}, {});
  EXPECT_EQ(dup.kind(), ErrorKind::kDuplicate);
  EXPECT_EQ(dup.input(), "r1");
  // The same transaction goes on: a new report, and a duplicate of it too.
  ASSERT_TRUE((*tx)->PutReport(this->MakeReport("r2", "Y", "2021-08-14"), {}, {}).ok());
  EXPECT_EQ((*tx)->PutReport(this->MakeReport("r2", "Z", "2021-08-15"), {}, {}).kind(),
            ErrorKind::kDuplicate);
  ASSERT_TRUE((*tx)->Commit().ok());
  EXPECT_EQ((*this->store_->GetReport("r1"))->outlet, "X");
  EXPECT_EQ((*this->store_->GetReport("r2"))->outlet, "Y");
  EXPECT_EQ(this->store_->Stats()->reports, 2);
}

TYPED_TEST(StoreTest, RollsBackOnDestruction) {
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->PutReport(this->MakeReport("r1", "X", "2021-08-13"), {{0, 5}}, {}).ok());
    ASSERT_TRUE(
        (*tx)
            ->PutEvent(this->MakeEvent("e1", "2021-08-12", 7, "Herat", "192", "Taliban", "r1"))
            .ok());
    // Uncommitted work is visible inside the transaction only.
    EXPECT_TRUE(*(*tx)->HasReport("r1"));
    EXPECT_EQ((*tx)->EventsAtPlace(7)->size(), 1u);
    EXPECT_FALSE(*this->store_->HasReport("r1"));
  }
  EXPECT_FALSE(*this->store_->HasReport("r1"));
  EXPECT_FALSE(this->store_->GetEvent("e1")->has_value());
  EXPECT_TRUE(this->store_->Sentences("r1")->empty());
  // The store takes a new transaction once the old one is gone.
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
}

TYPED_TEST(StoreTest, CommitTwiceIsRefused) {
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  ASSERT_TRUE((*tx)->Commit().ok());
  EXPECT_FALSE((*tx)->Commit().ok());
  EXPECT_FALSE((*tx)->PutReport(this->MakeReport("r1", "X", "2021-08-13"), {}, {}).ok());
}

TYPED_TEST(StoreTest, AFailureInTheMiddleOfAReportLeavesNothingOfIt) {
  // Writes: 1 PutReport(a), 2 PutEvent(a1), 3 ReplaceControl(a) | 4 PutReport(b),
  // 5 PutEvent(b1), 6 PutEvent(b2) fails.
  for (bool commit_anyway : {false, true}) {
    SCOPED_TRACE(commit_anyway ? "commit after the failure" : "drop after the failure");
    TempDir dir;
    auto store = TypeParam::Open(dir, StoreFaults{.fail_on_write = 6});
    ReportedFigure fig;
    fig.quantity.what = "killed";
    fig.quantity.value = 3;
    {
      auto tx = store->Begin();
      ASSERT_TRUE(tx.ok());
      ASSERT_TRUE(
          (*tx)->PutReport(this->MakeReport("a", "X", "2021-08-12"), {{0, 23}}, {fig}).ok());
      ASSERT_TRUE(
          (*tx)
              ->PutEvent(this->MakeEvent("a1", "2021-08-12", 7, "Herat", "192", "Taliban", "a"))
              .ok());
      ControlInterval held;
      held.holder = "Taliban";
      held.from = D("2021-08-12");
      held.evidence = {"a1"};
      ASSERT_TRUE((*tx)->ReplaceControl(7, {held}).ok());
      ASSERT_TRUE((*tx)->Commit().ok());
    }
    {
      auto tx = store->Begin();
      ASSERT_TRUE(tx.ok());
      ASSERT_TRUE(
          (*tx)->PutReport(this->MakeReport("b", "Y", "2021-08-13"), {{0, 23}}, {fig}).ok());
      Event b1 = this->MakeEvent("b1", "2021-08-13", 8, "Kandahar", "192", "Taliban", "b");
      ASSERT_TRUE((*tx)->PutEvent(b1).ok());
      // b2 also adds report b as a source of the stored event a1.
      Event b2 = this->MakeEvent("a1", "2021-08-12", 7, "Herat", "192", "Taliban", "b");
      Status failed = (*tx)->PutEvent(b2);
      EXPECT_EQ(failed.kind(), ErrorKind::kStoreError);
      if (commit_anyway) {
        Status c = (*tx)->Commit();
        EXPECT_EQ(c.kind(), ErrorKind::kStoreError) << c.ToString();
      }
    }
    EXPECT_FALSE(*store->HasReport("b"));
    EXPECT_FALSE(store->GetEvent("b1")->has_value());
    EXPECT_TRUE(store->Sentences("b")->empty());
    EXPECT_TRUE(store->Figures("b")->empty());
    // The earlier report is intact.
    EXPECT_TRUE(*store->HasReport("a"));
    auto a1 = store->GetEvent("a1");
    ASSERT_TRUE(a1.ok() && a1->has_value());
    ASSERT_EQ((*a1)->sources.size(), 1u);
    EXPECT_EQ((*a1)->sources[0].report_id, "a");
    EXPECT_EQ(store->Figures("")->size(), 1u);
    EXPECT_EQ(store->ControlHistory(7)->size(), 1u);
    StoreStats stats = *store->Stats();
    EXPECT_EQ(stats.reports, 1);
    EXPECT_EQ(stats.events, 1);
    EXPECT_EQ(stats.sources, 1);
    // The store goes on working after the failure.
    auto tx = store->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->PutReport(this->MakeReport("b", "Y", "2021-08-13"), {}, {}).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
    EXPECT_TRUE(*store->HasReport("b"));
  }
}

TYPED_TEST(StoreTest, EventRoundTripKeepsEveryField) {
  this->Ingest(this->MakeReport("r1", "AFP", "2021-08-13"));
  Event e = this->MakeEvent("e1", "2021-08-12", 1140026, "Herat", "192", "Taliban", "r1");
  e.date_precision = DatePrecision::kApprox;
  e.start_date = D("2021-07-20");
  e.start_precision = DatePrecision::kMonth;
  e.plover = "OCCUPY";
  e.plover_mode = "territory";
  e.acled_type = "Strategic developments";
  e.acled_subtype = "Non-state actor overtakes territory";
  e.effect = ControlEffect::kCaptures;
  e.actor_code = "AFGINS";
  e.target = "Afghan government forces";
  e.target_code = "AFGMIL";
  e.object = "police headquarters";
  e.place.text = "Hérat";
  e.place.kind = PlaceKind::kProvincialCapital;
  e.place.admin1 = "Herat";
  e.place.country = "AF";
  e.place.lat = 34.348;
  e.place.lon = 62.2;
  e.place.precision = GeoPrecision::kFacility;
  e.place.facility = "police headquarters";
  e.claim = ClaimStatus::kClaimed;
  e.claimant = "Taliban";
  e.quantities = {{"troops", 3000, "", "3,000 troops"}, {"km", 150.5, "km", "150.5 km"}};
  e.confidence = 0.75;
  e.sources[0].claim = ClaimStatus::kClaimed;
  e.sources[0].claimant = "Taliban";
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->PutEvent(e).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto got = this->store_->GetEvent("e1");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->has_value());
  const Event& g = **got;
  EXPECT_EQ(g.date, e.date);
  EXPECT_EQ(g.date_precision, e.date_precision);
  EXPECT_EQ(g.start_date, e.start_date);
  EXPECT_EQ(g.start_precision, e.start_precision);
  EXPECT_EQ(g.cameo, "192");
  EXPECT_EQ(g.action, e.action);
  EXPECT_EQ(g.plover, e.plover);
  EXPECT_EQ(g.plover_mode, e.plover_mode);
  EXPECT_EQ(g.acled_type, e.acled_type);
  EXPECT_EQ(g.acled_subtype, e.acled_subtype);
  EXPECT_EQ(g.effect, e.effect);
  EXPECT_EQ(g.actor, e.actor);
  EXPECT_EQ(g.actor_code, e.actor_code);
  EXPECT_EQ(g.target, e.target);
  EXPECT_EQ(g.target_code, e.target_code);
  EXPECT_EQ(g.object, e.object);
  EXPECT_EQ(g.place.text, "Hérat");
  EXPECT_EQ(g.place.geonameid, 1140026);
  EXPECT_EQ(g.place.name, "Herat");
  EXPECT_EQ(g.place.kind, PlaceKind::kProvincialCapital);
  EXPECT_EQ(g.place.admin1, "Herat");
  EXPECT_EQ(g.place.country, "AF");
  EXPECT_DOUBLE_EQ(g.place.lat, 34.348);
  EXPECT_DOUBLE_EQ(g.place.lon, 62.2);
  EXPECT_EQ(g.place.precision, GeoPrecision::kFacility);
  EXPECT_EQ(g.place.facility, "police headquarters");
  EXPECT_EQ(g.claim, ClaimStatus::kClaimed);
  EXPECT_EQ(g.claimant, "Taliban");
  ASSERT_EQ(g.quantities.size(), 2u);
  EXPECT_EQ(g.quantities[0].what, "troops");
  EXPECT_EQ(g.quantities[0].value, 3000);
  EXPECT_EQ(g.quantities[0].text, "3,000 troops");
  EXPECT_EQ(g.quantities[1].unit, "km");
  EXPECT_DOUBLE_EQ(g.quantities[1].value, 150.5);
  EXPECT_DOUBLE_EQ(g.confidence, 0.75);
  ASSERT_EQ(g.sources.size(), 1u);
  const EventSource& s = g.sources[0];
  EXPECT_EQ(s.report_id, "r1");
  // Outlet, url and publication date come from the stored report.
  EXPECT_EQ(s.outlet, "AFP");
  EXPECT_EQ(s.url, "https://example.org/r1");
  EXPECT_EQ(s.published, D("2021-08-13"));
  EXPECT_EQ(s.sentence, "The Taliban took Herat.");
  EXPECT_EQ(s.start, 0u);
  EXPECT_EQ(s.end, 23u);
  EXPECT_EQ(s.claim, ClaimStatus::kClaimed);
  EXPECT_EQ(s.claimant, "Taliban");
}

TYPED_TEST(StoreTest, UnresolvedPlaceAndUnknownDateRoundTrip) {
  this->Ingest(this->MakeReport("r1", "AFP", "2021-08-13"),
               {this->MakeEvent("e1", nullptr, 0, "somewhere", "190", "", "r1")});
  auto got = this->store_->GetEvent("e1");
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  EXPECT_FALSE((*got)->date.IsValid());
  EXPECT_FALSE((*got)->start_date.IsValid());
  EXPECT_FALSE((*got)->place.resolved());
  EXPECT_EQ((*got)->place.precision, GeoPrecision::kUnresolved);
  EXPECT_TRUE((*got)->quantities.empty());
  EXPECT_THAT(*this->store_->EventPlaces(), IsEmpty());
}

TYPED_TEST(StoreTest, PutEventUpdateAddsSourcesWithoutDuplicatingThem) {
  this->Ingest(this->MakeReport("r1", "AFP", "2021-08-13"),
               {this->MakeEvent("e1", "2021-08-12", 7, "Herat", "192", "Taliban", "r1")});
  EXPECT_EQ((*this->store_->GetEvent("e1"))->Corroboration(), 1);
  Event update = this->MakeEvent("e1", "2021-08-12", 7, "Herat", "192", "Taliban", "r2");
  update.confidence = 0.9;
  update.sources.push_back(this->Source("r1", 0, 23, ClaimStatus::kAttributed));  // again
  update.sources.push_back(this->Source("r2", 24, 41));
  update.sources.push_back(this->Source("r2", 24, 41));  // twice in one call
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->PutReport(this->MakeReport("r2", "Reuters", "2021-08-14"), {}, {}).ok());
    ASSERT_TRUE((*tx)->PutEvent(update).ok());
    // Within the transaction the merge candidates show the update.
    auto at = (*tx)->EventsNear(7, D("2021-08-12"), DateReach{}, "");
    ASSERT_TRUE(at.ok());
    ASSERT_EQ(at->size(), 1u);
    EXPECT_EQ((*at)[0].sources.size(), 3u);
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto got = this->store_->GetEvent("e1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_DOUBLE_EQ((*got)->confidence, 0.9);
  const auto& s = (*got)->sources;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].report_id, "r1");
  EXPECT_EQ(s[0].claim, ClaimStatus::kAttributed);  // the newer telling of the same sentence
  EXPECT_EQ(s[1].report_id, "r2");
  EXPECT_EQ(s[1].start, 0u);
  EXPECT_EQ(s[1].outlet, "Reuters");
  EXPECT_EQ(s[2].report_id, "r2");
  EXPECT_EQ(s[2].start, 24u);
  EXPECT_EQ((*got)->Corroboration(), 2);
  StoreStats stats = *this->store_->Stats();
  EXPECT_EQ(stats.events, 1);
  EXPECT_EQ(stats.sources, 3);
}

TYPED_TEST(StoreTest, ASourceMustNameAStoredReport) {
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  Status s = (*tx)->PutEvent(
      this->MakeEvent("e1", "2021-08-12", 7, "Herat", "192", "Taliban", "no-such-report"));
  EXPECT_EQ(s.kind(), ErrorKind::kStoreError);
  EXPECT_NE(s.ToString().find("FOREIGN KEY"), std::string::npos) << s.ToString();
  EXPECT_NE(s.ToString().find("e1"), std::string::npos) << s.ToString();
  EXPECT_FALSE((*tx)->Commit().ok());
  EXPECT_FALSE(this->store_->GetEvent("e1")->has_value());
}

// Events for the filter tests: two reports from two outlets.
template <typename T>
void IngestFilterFixture(T* t) {
  t->Ingest(t->MakeReport("r1", "AFP", "2021-08-13"),
            {
                t->MakeEvent("e3", "2021-08-12", 100, "Herat", "192", "Taliban", "r1"),
                t->MakeEvent("e1", "2021-08-12", 200, "Kandahar", "192", "Taliban", "r1"),
                t->MakeEvent("e2", "2021-08-11", 300, "Lashkar Gah", "1832", "", "r1"),
                t->MakeEvent("e4", "2021-08-13", 400, "Kabul", "0874", "Afghan Army", "r1"),
                t->MakeEvent("e5", nullptr, 0, "the north", "190", "Taliban", "r1"),
            });
  // e4 is claimed and its target is the Taliban; e1 is also told by Reuters.
  Event e4 = t->MakeEvent("e4", "2021-08-13", 400, "Kabul", "0874", "Afghan Army", "r2");
  e4.target = "TALIBAN";
  e4.claim = ClaimStatus::kClaimed;
  e4.claimant = "Afghan Army";
  t->Ingest(t->MakeReport("r2", "Reuters", "2021-08-14"),
            {e4, t->MakeEvent("e1", "2021-08-12", 200, "Kandahar", "192", "Taliban", "r2"),
             t->MakeEvent("e6", "2021-08-14", 100, "Herāt", "193", "Taliban", "r2")});
}

TYPED_TEST(StoreTest, EventsOrderedByDateThenIdWithUnknownDatesFirst) {
  IngestFilterFixture(this);
  EXPECT_THAT(this->Ids({}), ElementsAre("e5", "e2", "e1", "e3", "e4", "e6"));
  EventFilter limited;
  limited.limit = 3;
  EXPECT_THAT(this->Ids(limited), ElementsAre("e5", "e2", "e1"));
  // Every event comes with all its sources.
  auto all = this->store_->Events({});
  ASSERT_TRUE(all.ok());
  for (const Event& e : *all) {
    EXPECT_EQ(e.sources.size(), (e.id == "e1" || e.id == "e4") ? 2u : 1u) << e.id;
  }
}

TYPED_TEST(StoreTest, EventsFilterByDate) {
  IngestFilterFixture(this);
  EventFilter f;
  f.since = D("2021-08-12");
  EXPECT_THAT(this->Ids(f), ElementsAre("e1", "e3", "e4", "e6"));
  f.until = D("2021-08-13");
  EXPECT_THAT(this->Ids(f), ElementsAre("e1", "e3", "e4"));
  f.since = Date();
  f.until = D("2021-08-12");
  EXPECT_THAT(this->Ids(f), ElementsAre("e2", "e1", "e3"));
  f.since = D("2021-08-12");
  EXPECT_THAT(this->Ids(f), ElementsAre("e1", "e3"));
}

TYPED_TEST(StoreTest, EventsFilterByPlace) {
  IngestFilterFixture(this);
  EventFilter f;
  f.geonameid = 100;
  EXPECT_THAT(this->Ids(f), ElementsAre("e3", "e6"));
  f = {};
  f.place = "herat";  // case-insensitive, on the resolved name or the text
  EXPECT_THAT(this->Ids(f), ElementsAre("e3"));
  f.place = "HERĀT";
  EXPECT_THAT(this->Ids(f), ElementsAre("e6"));
  f.place = "lashkar gah";
  EXPECT_THAT(this->Ids(f), ElementsAre("e2"));
  f.place = "Lashkar";  // names are matched whole
  EXPECT_THAT(this->Ids(f), IsEmpty());
}

TYPED_TEST(StoreTest, EventsFilterByActorOrTarget) {
  IngestFilterFixture(this);
  EventFilter f;
  f.actor = "taliban";
  EXPECT_THAT(this->Ids(f), ElementsAre("e5", "e1", "e3", "e4", "e6"));
  f.actor = "AFGHAN ARMY";
  EXPECT_THAT(this->Ids(f), ElementsAre("e4"));
}

TYPED_TEST(StoreTest, EventsFilterByFamilyClaimAndCorroboration) {
  IngestFilterFixture(this);
  EventFilter f;
  f.family = "19";
  EXPECT_THAT(this->Ids(f), ElementsAre("e5", "e1", "e3", "e6"));
  f.family = "192";
  EXPECT_THAT(this->Ids(f), ElementsAre("e1", "e3"));
  f.family = "18";
  EXPECT_THAT(this->Ids(f), ElementsAre("e2"));
  f.family = "08";
  EXPECT_THAT(this->Ids(f), ElementsAre("e4"));

  f = {};
  f.claim = ClaimStatus::kClaimed;
  EXPECT_THAT(this->Ids(f), ElementsAre("e4"));
  f.claim = ClaimStatus::kReported;
  EXPECT_THAT(this->Ids(f), ElementsAre("e5", "e2", "e1", "e3", "e6"));

  f = {};
  f.min_corroboration = 2;
  EXPECT_THAT(this->Ids(f), ElementsAre("e1", "e4"));
  f.min_corroboration = 3;
  EXPECT_THAT(this->Ids(f), IsEmpty());

  // Every field at once.
  f = {};
  f.since = D("2021-08-12");
  f.until = D("2021-08-12");
  f.geonameid = 200;
  f.place = "KANDAHAR";
  f.actor = "Taliban";
  f.family = "19";
  f.claim = ClaimStatus::kReported;
  f.min_corroboration = 2;
  f.limit = 10;
  EXPECT_THAT(this->Ids(f), ElementsAre("e1"));
}

TYPED_TEST(StoreTest, CorroborationCountsDistinctOutlets) {
  // Two reports of one outlet corroborate nothing; a report without an
  // outlet counts on its own.
  Report a = this->MakeReport("a", "AFP", "2021-08-13");
  Report b = this->MakeReport("b", "AFP", "2021-08-14");
  Report c = this->MakeReport("c", "", "2021-08-14");
  this->Ingest(a, {this->MakeEvent("e", "2021-08-12", 7, "Herat", "192", "Taliban", "a")});
  this->Ingest(b, {this->MakeEvent("e", "2021-08-12", 7, "Herat", "192", "Taliban", "b")});
  EventFilter f;
  f.min_corroboration = 2;
  EXPECT_THAT(this->Ids(f), IsEmpty());
  this->Ingest(c, {this->MakeEvent("e", "2021-08-12", 7, "Herat", "192", "Taliban", "c")});
  EXPECT_THAT(this->Ids(f), ElementsAre("e"));
  EXPECT_EQ((*this->store_->GetEvent("e"))->Corroboration(), 2);
}

TYPED_TEST(StoreTest, EventsNearAndEventPlaces) {
  IngestFilterFixture(this);
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  auto herat = (*tx)->EventsAtPlace(100);
  ASSERT_TRUE(herat.ok());
  ASSERT_EQ(herat->size(), 2u);
  EXPECT_EQ((*herat)[0].id, "e3");
  EXPECT_EQ((*herat)[1].id, "e6");
  // For the control rules: each source's report, offsets and claim, no texts.
  ASSERT_EQ((*herat)[0].sources.size(), 1u);
  const EventSource& key = (*herat)[0].sources[0];
  EXPECT_EQ(key.report_id, "r1");
  EXPECT_EQ(key.start, 0u);
  EXPECT_EQ(key.end, 23u);
  EXPECT_EQ(key.claim, ClaimStatus::kReported);
  EXPECT_EQ(key.sentence, "");
  EXPECT_EQ(key.outlet, "");
  EXPECT_FALSE(key.published.IsValid());
  auto full = (*tx)->EventsNear(100, D("2021-08-12"), DateReach{}, "192");
  ASSERT_TRUE(full.ok());
  ASSERT_EQ(full->size(), 1u);
  EXPECT_EQ((*full)[0].sources.at(0).sentence, "The Taliban took Herat.");
  // Near a date: within the reach of each event's own precision.
  const DateReach one_day{{1, 1, 1, 1}};
  auto near = (*tx)->EventsNear(100, D("2021-08-13"), one_day, "");
  ASSERT_TRUE(near.ok());
  ASSERT_EQ(near->size(), 2u);
  EXPECT_EQ((*near)[0].id, "e3");  // by date
  EXPECT_EQ((*near)[1].id, "e6");
  auto window = (*tx)->EventsNear(100, D("2021-08-14"), DateReach{}, "");
  ASSERT_TRUE(window.ok());
  ASSERT_EQ(window->size(), 1u);
  EXPECT_EQ((*window)[0].id, "e6");
  EXPECT_TRUE((*tx)->EventsNear(100, D("2021-08-17"), DateReach{{2, 2, 2, 2}}, "")->empty());
  // A CAMEO family narrows the candidates: a merge never crosses families.
  auto captures = (*tx)->EventsNear(100, D("2021-08-13"), one_day, "192");
  ASSERT_TRUE(captures.ok());
  ASSERT_EQ(captures->size(), 1u);
  EXPECT_EQ((*captures)[0].id, "e3");
  EXPECT_EQ((*tx)->EventsNear(100, D("2021-08-13"), one_day, "19")->size(), 2u);
  EXPECT_TRUE((*tx)->EventsNear(100, D("2021-08-13"), one_day, "18")->empty());
  // An event dated only to its month is near from further away than a day-precise one.
  Event vague = this->MakeEvent("e7", "2021-08-20", 100, "Herat", "190", "Taliban", "r2");
  vague.date_precision = DatePrecision::kMonth;
  ASSERT_TRUE((*tx)->PutEvent(vague).ok());
  auto far = (*tx)->EventsNear(100, D("2021-08-13"), DateReach{{0, 0, 0, 10}}, "19");
  ASSERT_TRUE(far.ok());
  ASSERT_EQ(far->size(), 1u);
  EXPECT_EQ((*far)[0].id, "e7");
  EXPECT_EQ((*tx)->EventsNear(100, D("2021-08-13"), one_day, "19")->size(), 2u);
  // Place 0 is "unresolved": the events nobody could place. One with no
  // date is near no date.
  auto nowhere = (*tx)->EventsAtPlace(0);
  ASSERT_TRUE(nowhere.ok());
  ASSERT_EQ(nowhere->size(), 1u);
  EXPECT_EQ((*nowhere)[0].id, "e5");
  EXPECT_TRUE((*tx)->EventsNear(0, D("2021-08-12"), DateReach{{99, 99, 99, 99}}, "")->empty());
  // Bad questions are refused.
  EXPECT_EQ((*tx)->EventsNear(100, Date(), one_day, "").status().kind(),
            ErrorKind::kInvalidArgument);
  EXPECT_EQ((*tx)->EventsNear(100, D("2021-08-13"), DateReach{{0, -1, 0, 0}}, "").status().kind(),
            ErrorKind::kInvalidArgument);
  EXPECT_THAT(*this->store_->EventPlaces(), ElementsAre(100, 200, 300, 400));
}

ControlInterval Interval(int64_t place, const char* holder, ControlStatus status, const char* from,
                         const char* to, std::vector<std::string> evidence = {}) {
  ControlInterval c;
  c.geonameid = place;
  c.place_name = "place " + std::to_string(place);
  c.holder = holder;
  c.status = status;
  c.from = from ? D(from) : Date();
  c.to = to ? D(to) : Date();
  c.evidence = std::move(evidence);
  return c;
}

TYPED_TEST(StoreTest, ControlAtIntervalEdges) {
  auto tx = this->store_->Begin();
  ASSERT_TRUE(tx.ok());
  ControlInterval besieged =
      Interval(1, "Government", ControlStatus::kBesieged, "2021-08-01", "2021-08-12", {"e0"});
  besieged.challenger = "Taliban";
  ASSERT_TRUE(
      (*tx)
          ->ReplaceControl(
              1, {Interval(1, "Taliban", ControlStatus::kHeld, "2021-08-12", nullptr, {"e1", "e3"}),
                  Interval(1, "Government", ControlStatus::kHeld, nullptr, "2021-08-01"), besieged})
          .ok());
  ASSERT_TRUE((*tx)
                  ->ReplaceControl(2, {Interval(2, "Taliban", ControlStatus::kContested,
                                                "2021-08-10", "2021-08-20")})
                  .ok());
  // An interval given with no place id takes the place it is stored under.
  ASSERT_TRUE(
      (*tx)
          ->ReplaceControl(3, {Interval(0, "Government", ControlStatus::kHeld, nullptr, nullptr)})
          .ok());
  ASSERT_TRUE((*tx)->Commit().ok());

  auto holder_of = [&](const char* day) {
    std::map<int64_t, std::string> out;
    auto control = this->store_->ControlAsOf(D(day));
    EXPECT_TRUE(control.ok()) << control.status().ToString();
    if (!control.ok()) return out;
    for (const ControlInterval& c : *control) {
      EXPECT_EQ(out.count(c.geonameid), 0u) << "two intervals for one place";
      out[c.geonameid] = c.holder + "/" + std::string(ControlStatusName(c.status));
    }
    return out;
  };
  using M = std::map<int64_t, std::string>;
  EXPECT_EQ(holder_of("1990-01-01"), (M{{1, "Government/held"}, {3, "Government/held"}}));
  EXPECT_EQ(holder_of("2021-07-31"), (M{{1, "Government/held"}, {3, "Government/held"}}));
  EXPECT_EQ(holder_of("2021-08-01"), (M{{1, "Government/besieged"}, {3, "Government/held"}}));
  EXPECT_EQ(holder_of("2021-08-10"),
            (M{{1, "Government/besieged"}, {2, "Taliban/contested"}, {3, "Government/held"}}));
  EXPECT_EQ(holder_of("2021-08-11"),
            (M{{1, "Government/besieged"}, {2, "Taliban/contested"}, {3, "Government/held"}}));
  EXPECT_EQ(holder_of("2021-08-12"),
            (M{{1, "Taliban/held"}, {2, "Taliban/contested"}, {3, "Government/held"}}));
  EXPECT_EQ(holder_of("2021-08-19"),
            (M{{1, "Taliban/held"}, {2, "Taliban/contested"}, {3, "Government/held"}}));
  EXPECT_EQ(holder_of("2021-08-20"), (M{{1, "Taliban/held"}, {3, "Government/held"}}));
  EXPECT_EQ(holder_of("2099-01-01"), (M{{1, "Taliban/held"}, {3, "Government/held"}}));
  EXPECT_EQ(this->store_->ControlAsOf(Date()).status().kind(), ErrorKind::kInvalidArgument);

  auto history = this->store_->ControlHistory(1);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_FALSE((*history)[0].from.IsValid());
  EXPECT_EQ((*history)[0].to, D("2021-08-01"));
  EXPECT_EQ((*history)[1].status, ControlStatus::kBesieged);
  EXPECT_EQ((*history)[1].challenger, "Taliban");
  EXPECT_EQ((*history)[1].place_name, "place 1");
  EXPECT_THAT((*history)[1].evidence, ElementsAre("e0"));
  EXPECT_EQ((*history)[2].from, D("2021-08-12"));
  EXPECT_FALSE((*history)[2].to.IsValid());
  EXPECT_THAT((*history)[2].evidence, ElementsAre("e1", "e3"));
  EXPECT_EQ((*this->store_->ControlHistory(3))[0].geonameid, 3);
  EXPECT_TRUE(this->store_->ControlHistory(99)->empty());

  auto starts = [&](const char* from, const char* to) {
    std::vector<std::string> out;
    auto s = this->store_->ControlStarts(from ? D(from) : Date(), to ? D(to) : Date());
    EXPECT_TRUE(s.ok());
    if (!s.ok()) return out;
    for (const ControlInterval& c : *s) {
      out.push_back(std::to_string(c.geonameid) + "@" + c.from.ToString());
    }
    return out;
  };
  // Both ends inclusive; an interval with no known start starts nowhere.
  EXPECT_THAT(starts("2021-08-01", "2021-08-12"),
              ElementsAre("1@2021-08-01", "2@2021-08-10", "1@2021-08-12"));
  EXPECT_THAT(starts("2021-08-02", "2021-08-11"), ElementsAre("2@2021-08-10"));
  EXPECT_THAT(starts("2021-08-11", nullptr), ElementsAre("1@2021-08-12"));
  EXPECT_THAT(starts(nullptr, "2021-08-01"), ElementsAre("1@2021-08-01"));

  EXPECT_EQ(this->store_->Stats()->control_intervals, 5);
}

TYPED_TEST(StoreTest, ControlEvidenceRoundTripsAnyText) {
  const std::vector<std::vector<std::string>> cases = {
      {}, {"e1"}, {"quote\"d", "back\\slash", "ünï,[x]"}, {"tab\there", ""}};
  for (size_t i = 0; i < cases.size(); ++i) {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(
        (*tx)
            ->ReplaceControl(static_cast<int64_t>(i + 1),
                             {Interval(0, "A", ControlStatus::kHeld, nullptr, nullptr, cases[i])})
            .ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto control = this->store_->ControlAsOf(D("2021-08-12"));
  ASSERT_TRUE(control.ok()) << control.status().ToString();
  ASSERT_EQ(control->size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) EXPECT_EQ((*control)[i].evidence, cases[i]) << i;
}

TYPED_TEST(StoreTest, ReplaceControlReplacesEveryIntervalOfThePlace) {
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(
        (*tx)
            ->ReplaceControl(1, {Interval(1, "A", ControlStatus::kHeld, nullptr, "2021-08-01"),
                                 Interval(1, "B", ControlStatus::kHeld, "2021-08-01", nullptr)})
            .ok());
    ASSERT_TRUE(
        (*tx)->ReplaceControl(2, {Interval(2, "A", ControlStatus::kHeld, nullptr, nullptr)}).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(
        (*tx)
            ->ReplaceControl(1, {Interval(1, "C", ControlStatus::kClaimed, "2021-09-01", nullptr)})
            .ok());
    ASSERT_TRUE((*tx)->ReplaceControl(2, {}).ok());
    // Invalid input fails the call and then the transaction.
    EXPECT_EQ(
        (*tx)->ReplaceControl(3, {Interval(4, "A", ControlStatus::kHeld, nullptr, nullptr)}).kind(),
        ErrorKind::kInvalidArgument);
    EXPECT_FALSE((*tx)->Commit().ok());
  }
  EXPECT_EQ(this->store_->ControlHistory(1)->size(), 2u);
  {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(
        (*tx)
            ->ReplaceControl(1, {Interval(1, "C", ControlStatus::kClaimed, "2021-09-01", nullptr)})
            .ok());
    ASSERT_TRUE((*tx)->ReplaceControl(2, {}).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto history = this->store_->ControlHistory(1);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].holder, "C");
  EXPECT_EQ((*history)[0].status, ControlStatus::kClaimed);
  EXPECT_TRUE(this->store_->ControlHistory(2)->empty());
  EXPECT_EQ(this->store_->Stats()->control_intervals, 1);
}

TYPED_TEST(StoreTest, FiguresOfOneOrAllReports) {
  ReportedFigure f1;
  f1.quantity = {"staff", 4000, "", "4,000"};
  f1.subject = "embassy staff";
  f1.start = 0;
  f1.end = 23;
  ReportedFigure f2 = f1;
  f2.quantity = {"km", 150, "km", "150 km"};
  f2.subject = "Ghazni to Kabul";
  f2.claimant = "the reporter";
  f2.report_id = "ignored: the store sets it";
  for (const char* id : {"r1", "r2"}) {
    auto tx = this->store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->PutReport(this->MakeReport(id, "X", "2021-08-13"), {}, {f1, f2}).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
  }
  auto one = this->store_->Figures("r2");
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 2u);
  EXPECT_EQ((*one)[0].report_id, "r2");
  EXPECT_EQ((*one)[0].subject, "embassy staff");
  EXPECT_EQ((*one)[1].quantity.unit, "km");
  EXPECT_EQ((*one)[1].claimant, "the reporter");
  EXPECT_EQ((*one)[1].report_id, "r2");
  auto all = this->store_->Figures("");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[0].report_id, "r1");
  EXPECT_EQ((*all)[3].report_id, "r2");
}

TYPED_TEST(StoreTest, Stats) {
  StoreStats empty = *this->store_->Stats();
  EXPECT_EQ(empty.reports, 0);
  EXPECT_EQ(empty.events, 0);
  EXPECT_EQ(empty.schema_version, CurrentSchemaVersion());
  IngestFilterFixture(this);
  StoreStats s = *this->store_->Stats();
  EXPECT_EQ(s.reports, 2);
  EXPECT_EQ(s.events, 6);
  EXPECT_EQ(s.sources, 8);
  EXPECT_EQ(s.control_intervals, 0);
}

TYPED_TEST(StoreTest, ReadersSeeCommittedStateWhileAWriterWorks) {
  constexpr int kReports = 20;
  constexpr int kEventsPerReport = 5;
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::atomic<int> torn{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!done.load()) {
        // A report is visible with all of its events or not at all.
        auto stats = this->store_->Stats();
        auto events = this->store_->Events({});
        if (!stats.ok() || !events.ok()) {
          ++torn;
          continue;
        }
        if (events->size() % kEventsPerReport != 0) ++torn;
        ++reads;
      }
    });
  }
  for (int r = 0; r < kReports; ++r) {
    std::string id = "r" + std::to_string(r);
    std::vector<Event> events;
    for (int e = 0; e < kEventsPerReport; ++e) {
      events.push_back(this->MakeEvent(id + "e" + std::to_string(e), "2021-08-12", 7, "Herat",
                                       "192", "Taliban", id));
    }
    this->Ingest(this->MakeReport(id, "X", "2021-08-13"), events);
  }
  // Let the readers see the final state at least once.
  while (reads.load() < 3) std::this_thread::yield();
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_EQ(this->store_->Stats()->events, kReports * kEventsPerReport);
}

TYPED_TEST(StoreTest, ASecondTransactionWaitsForTheFirst) {
  auto first = this->store_->Begin();
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE((*first)->PutReport(this->MakeReport("r1", "X", "2021-08-13"), {}, {}).ok());
  std::atomic<bool> second_began{false};
  std::thread other([&] {
    auto second = this->store_->Begin();
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    second_began = true;
    // It sees the first one's committed work.
    EXPECT_TRUE(*(*second)->HasReport("r1"));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(second_began.load());
  ASSERT_TRUE((*first)->Commit().ok());
  first->reset();
  other.join();
  EXPECT_TRUE(second_began.load());
}

}  // namespace
}  // namespace sitrep
