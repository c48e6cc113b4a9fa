#include "sitrep/picture.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "sitrep/export.h"
#include "sitrep/gazetteer.h"
#include "sitrep/store.h"

namespace sitrep {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

Date D(const char* iso) { return Date::Parse(iso).value(); }

Place MakePlace(int64_t id, const char* name, PlaceKind kind, const char* country,
                const char* admin1, double lat, double lon, int64_t population) {
  Place p;
  p.geonameid = id;
  p.name = p.ascii_name = name;
  p.kind = kind;
  p.feature_code = kind == PlaceKind::kNationalCapital     ? "PPLC"
                   : kind == PlaceKind::kProvincialCapital ? "PPLA"
                   : kind == PlaceKind::kCountry           ? "PCLI"
                                                           : "PPL";
  p.country = country;
  p.admin1 = admin1;
  p.lat = lat;
  p.lon = lon;
  p.population = population;
  return p;
}

// GeoNames coordinates and populations.
const Place kKabul = MakePlace(1138958, "Kabul", PlaceKind::kNationalCapital, "AF", "Kabul",
                               34.52813, 69.17233, 4434550);
const Place kHerat = MakePlace(1139715, "Herat", PlaceKind::kProvincialCapital, "AF", "Herat",
                               34.34817, 62.19967, 556205);
const Place kKandahar = MakePlace(1138336, "Kandahar", PlaceKind::kProvincialCapital, "AF",
                                  "Kandahar", 31.61332, 65.71013, 614254);
const Place kGhazni = MakePlace(1141269, "Ghazni", PlaceKind::kProvincialCapital, "AF", "Ghazni",
                                33.55391, 68.42096, 143379);
const Place kLashkarGah = MakePlace(1146051, "Lashkar Gah", PlaceKind::kProvincialCapital, "AF",
                                    "Helmand", 31.59382, 64.37161, 201546);
const Place kMazar = MakePlace(1133453, "Mazar-e Sharif", PlaceKind::kProvincialCapital, "AF",
                               "Balkh", 36.70904, 67.11087, 469247);
const Place kKunduz = MakePlace(1135689, "Kunduz", PlaceKind::kProvincialCapital, "AF", "Kunduz",
                                36.72895, 68.857, 259809);
const Place kPulAlam = MakePlace(1131316, "Pul-e Alam", PlaceKind::kProvincialCapital, "AF",
                                 "Logar", 33.99529, 69.02274, 22914);
const Place kShindand = MakePlace(1127110, "Shindand", PlaceKind::kDistrictSeat, "AF", "Herat",
                                  33.30363, 62.1474, 20000);
const Place kDoha = MakePlace(290030, "Doha", PlaceKind::kNationalCapital, "QA",
                              "Baladiyat ad Dawhah", 25.28545, 51.53096, 344939);
const Place kAfghanistan =
    MakePlace(1149361, "Afghanistan", PlaceKind::kCountry, "AF", "", 33.0, 66.0, 37172386);

std::vector<Place> TestPlaces() {
  return {kKabul,  kHerat,   kKandahar, kGhazni, kLashkarGah, kMazar,
          kKunduz, kPulAlam, kShindand, kDoha,   kAfghanistan};
}

ConflictProfile TestProfile() {
  ConflictProfile p;
  p.name = "test-af";
  p.countries = {"AF"};
  p.default_holder = "Afghan government";
  p.capital = "Kabul";
  p.sides = {{"Afghan government", "Afghan government forces", "Afghan police"}, {"Taliban"}};
  p.major_city_population = 100000;
  return p;
}

PlaceRef Ref(const Place& p, GeoPrecision precision = GeoPrecision::kCity) {
  PlaceRef r;
  r.text = p.name;
  r.geonameid = p.geonameid;
  r.name = p.ascii_name;
  r.kind = p.kind;
  r.admin1 = p.admin1;
  r.country = p.country;
  r.lat = p.lat;
  r.lon = p.lon;
  r.precision = precision;
  return r;
}

// A report built sentence by sentence, with the events a coder would make
// of it (places resolved, one source each).
class ReportBuilder {
 public:
  ReportBuilder(std::string outlet, const char* published) {
    report_.outlet = std::move(outlet);
    report_.published = D(published);
    report_.url = "https://news.example/" + report_.outlet;
    report_.title = "Report by " + report_.outlet;
  }

  Event& Add(const std::string& sentence, const Place& place, const char* date, std::string cameo,
             ControlEffect effect, std::string actor) {
    auto start = static_cast<uint32_t>(report_.text.size());
    report_.text += sentence;
    auto end = static_cast<uint32_t>(report_.text.size());
    report_.text += " ";
    coded_.sentences.push_back({start, end});
    Event e;
    e.date = D(date);
    e.cameo = std::move(cameo);
    e.effect = effect;
    e.actor = std::move(actor);
    e.place = Ref(place);
    EventSource s;
    s.start = start;
    s.end = end;
    e.sources.push_back(s);
    coded_.events.push_back(std::move(e));
    return coded_.events.back();
  }

  void Figure(std::string subject, double value, std::string text, std::string claimant = "") {
    ReportedFigure f;
    f.subject = std::move(subject);
    f.quantity.value = value;
    f.quantity.text = std::move(text);
    f.claimant = std::move(claimant);
    coded_.figures.push_back(std::move(f));
  }

  Report report() const {
    Report r = report_;
    r.id = ReportId(r.text);
    return r;
  }
  const CodedReport& coded() const { return coded_; }
  // The id Ingest gives the index-th event when it is new.
  std::string IdOf(size_t index) const {
    return report().id + "-" + std::to_string(coded_.events[index].sources[0].start) + "-" +
           std::to_string(index);
  }

 private:
  Report report_;
  CodedReport coded_;
};

// The seed story's events, by hand.
ReportBuilder SeedLikeReport() {
  ReportBuilder b("wire story", "2021-08-13");
  Event& e1 = b.Add("On Thursday, the Taliban took over the police headquarters in Herat.", kHerat,
                    "2021-08-12", "192", ControlEffect::kCaptures, "Taliban");
  e1.object = "police headquarters";
  e1.place.precision = GeoPrecision::kFacility;
  e1.place.facility = "police headquarters";
  Event& e2 = b.Add("They also seized another key capital Ghazni.", kGhazni, "2021-08-12", "192",
                    ControlEffect::kCaptures, "Taliban");
  e2.object = "the provincial capital";
  Event& e3 = b.Add("Taliban captured Herat on Thursday.", kHerat, "2021-08-12", "192",
                    ControlEffect::kCaptures, "Taliban");
  e3.object = "the city";
  Event& e4 = b.Add("Taliban captured Kandahar on Thursday.", kKandahar, "2021-08-12", "192",
                    ControlEffect::kCaptures, "Taliban");
  e4.object = "the city";
  Event& e5 = b.Add("Fighting was also raging in Kandahar.", kKandahar, "2021-08-12", "190",
                    ControlEffect::kContests, "Taliban");
  e5.target = "Afghan government forces";
  Event& e6 = b.Add("Fighting was also raging in Lashkar Gar.", kLashkarGah, "2021-08-12", "190",
                    ControlEffect::kContests, "Taliban");
  e6.target = "Afghan government forces";
  e6.place.text = "Lashkar Gar";
  Event& e7 = b.Add("A massive car bomb badly damaged the city's police headquarters Wednesday.",
                    kLashkarGah, "2021-08-11", "183", ControlEffect::kNone, "");
  e7.object = "police headquarters";
  e7.claim = ClaimStatus::kAttributed;
  e7.claimant = "unnamed official";
  Event& e8 = b.Add("In Kandahar, the Taliban said they had overrun the jail.", kKandahar,
                    "2021-08-12", "192", ControlEffect::kCaptures, "Taliban");
  e8.object = "jail";
  e8.date_precision = DatePrecision::kApprox;
  e8.claim = ClaimStatus::kClaimed;
  e8.claimant = "Taliban";
  Event& s1 = b.Add("Herat has been under siege for weeks.", kHerat, "2021-08-12", "191",
                    ControlEffect::kBesieges, "Taliban");
  s1.start_date = D("2021-07-29");
  Event& s2 = b.Add("Kandahar has been besieged for weeks by the Taliban.", kKandahar, "2021-08-12",
                    "191", ControlEffect::kBesieges, "Taliban");
  s2.start_date = D("2021-07-29");
  Event& e9 = b.Add("The United States is sending 3,000 troops to Kabul airport.", kKabul,
                    "2021-08-12", "152", ControlEffect::kNone, "United States");
  Quantity troops;
  troops.what = "troops";
  troops.value = 3000;
  troops.text = "3,000 troops";
  e9.quantities.push_back(troops);
  b.Add("The government offered a power-sharing deal in Doha.", kDoha, "2021-08-12", "036",
        ControlEffect::kNone, "Afghan government");
  b.Add("Troops at Shindand Air Base deployed to the city.", kHerat, "2021-08-12", "152",
        ControlEffect::kNone, "Afghan government forces")
      .date_precision = DatePrecision::kApprox;
  b.Figure("provincial centres lost in the last 8 days", 12, "12 provincial centres");
  b.Figure("distance from Ghazni to Kabul", 150, "150 kilometres");
  return b;
}

class PictureTest : public ::testing::Test {
 protected:
  PictureTest()
      : gazetteer_(MakeMemoryGazetteer(TestPlaces())),
        store_(NewMemoryStore()),
        picture_(std::make_unique<Picture>(store_.get(), gazetteer_.get(), TestProfile())) {}

  IngestResult MustIngest(const ReportBuilder& b) {
    auto r = picture_->Ingest(b.report(), b.coded());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : IngestResult();
  }

  const PlaceControl* Row(const std::vector<PlaceControl>& rows, const Place& p) {
    for (const auto& r : rows) {
      if (r.place.geonameid == p.geonameid) return &r;
    }
    return nullptr;
  }

  std::vector<Event> EventsAt(const Place& p) {
    EventFilter f;
    f.geonameid = p.geonameid;
    auto r = store_->Events(f);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::vector<Event>();
  }

  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Picture> picture_;
};

TEST_F(PictureTest, SeedLikePictureAsOfTheNextDay) {
  ReportBuilder seed = SeedLikeReport();
  IngestResult result = MustIngest(seed);
  EXPECT_FALSE(result.duplicate);
  EXPECT_EQ(result.events_new, 13);
  EXPECT_EQ(result.events_merged, 0);
  EXPECT_THAT(result.places_changed,
              UnorderedElementsAre(kKabul.geonameid, kHerat.geonameid, kKandahar.geonameid,
                                   kGhazni.geonameid, kLashkarGah.geonameid, kDoha.geonameid));

  auto rows = picture_->ControlAsOf(D("2021-08-13"), {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();

  const PlaceControl* herat = Row(*rows, kHerat);
  ASSERT_NE(herat, nullptr);
  EXPECT_EQ(herat->interval.holder, "Taliban");
  EXPECT_EQ(herat->interval.status, ControlStatus::kHeld);
  EXPECT_EQ(herat->interval.from, D("2021-08-12"));
  EXPECT_THAT(herat->interval.evidence, ElementsAre(seed.IdOf(0), seed.IdOf(2)));
  EXPECT_FALSE(herat->by_default);

  const PlaceControl* kandahar = Row(*rows, kKandahar);
  ASSERT_NE(kandahar, nullptr);
  EXPECT_EQ(kandahar->interval.holder, "Taliban");
  EXPECT_EQ(kandahar->interval.from, D("2021-08-12"));
  EXPECT_THAT(kandahar->interval.evidence, ElementsAre(seed.IdOf(3)));  // the jail is a claim

  const PlaceControl* ghazni = Row(*rows, kGhazni);
  ASSERT_NE(ghazni, nullptr);
  EXPECT_EQ(ghazni->interval.holder, "Taliban");
  EXPECT_THAT(ghazni->interval.evidence, ElementsAre(seed.IdOf(1)));

  const PlaceControl* lashkar = Row(*rows, kLashkarGah);
  ASSERT_NE(lashkar, nullptr);
  EXPECT_EQ(lashkar->interval.status, ControlStatus::kContested);
  EXPECT_EQ(lashkar->interval.holder, "Afghan government");
  EXPECT_EQ(lashkar->interval.challenger, "Taliban");
  EXPECT_EQ(lashkar->interval.from, D("2021-08-11"));
  EXPECT_THAT(lashkar->interval.evidence, UnorderedElementsAre(seed.IdOf(5), seed.IdOf(6)));

  const PlaceControl* kabul = Row(*rows, kKabul);
  ASSERT_NE(kabul, nullptr);
  EXPECT_EQ(kabul->interval.holder, "Afghan government");
  EXPECT_EQ(kabul->interval.status, ControlStatus::kHeld);
  EXPECT_TRUE(kabul->by_default);

  // Unreported places of the profile's country are listed by default; places
  // abroad and the country itself have no control row.
  const PlaceControl* mazar = Row(*rows, kMazar);
  ASSERT_NE(mazar, nullptr);
  EXPECT_TRUE(mazar->by_default);
  EXPECT_EQ(Row(*rows, kDoha), nullptr);
  EXPECT_EQ(Row(*rows, kAfghanistan), nullptr);
  EXPECT_EQ(Row(*rows, kShindand), nullptr);  // a small district seat is not a default row

  // Without the default rows only what was reported.
  ControlQuery reported;
  reported.include_default = false;
  auto only = picture_->ControlAsOf(D("2021-08-13"), reported);
  ASSERT_TRUE(only.ok());
  EXPECT_EQ(Row(*only, kMazar), nullptr);
  EXPECT_NE(Row(*only, kKabul), nullptr);
}

TEST_F(PictureTest, BeforeTheCapturesTheSiegesShow) {
  MustIngest(SeedLikeReport());
  auto rows = picture_->ControlAsOf(D("2021-08-01"), {});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(Row(*rows, kHerat)->interval.status, ControlStatus::kBesieged);
  EXPECT_EQ(Row(*rows, kHerat)->interval.challenger, "Taliban");
  EXPECT_EQ(Row(*rows, kKandahar)->interval.status, ControlStatus::kBesieged);
  EXPECT_EQ(Row(*rows, kGhazni)->interval.status, ControlStatus::kHeld);
  EXPECT_EQ(Row(*rows, kGhazni)->interval.holder, "Afghan government");
  rows = picture_->ControlAsOf(D("2021-07-01"), {});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(Row(*rows, kHerat)->interval.status, ControlStatus::kHeld);
  EXPECT_EQ(Row(*rows, kHerat)->interval.holder, "Afghan government");

  auto history = picture_->History(kHerat.geonameid);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[1].status, ControlStatus::kBesieged);
  EXPECT_EQ((*history)[1].from, D("2021-07-29"));
  EXPECT_EQ((*history)[1].to, D("2021-08-12"));
  EXPECT_EQ((*history)[2].holder, "Taliban");

  auto unreported = picture_->History(kMazar.geonameid);
  ASSERT_TRUE(unreported.ok());
  ASSERT_EQ(unreported->size(), 1u);
  EXPECT_EQ((*unreported)[0].holder, "Afghan government");
}

TEST_F(PictureTest, QueriesByKindHolderAndStatus) {
  MustIngest(SeedLikeReport());
  ControlQuery taliban;
  taliban.kind = PlaceKind::kProvincialCapital;
  taliban.holder = "Taliban";
  auto rows = picture_->ControlAsOf(D("2021-08-13"), taliban);
  ASSERT_TRUE(rows.ok());
  std::vector<std::string> names;
  for (const auto& r : *rows) names.push_back(r.place.ascii_name);
  EXPECT_THAT(names, ElementsAre("Ghazni", "Herat", "Kandahar"));

  ControlQuery contested;
  contested.status = ControlStatus::kContested;
  rows = picture_->ControlAsOf(D("2021-08-13"), contested);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].place.ascii_name, "Lashkar Gah");

  ControlQuery government;
  government.holder = "Afghan police";  // any name of the side
  government.kind = PlaceKind::kProvincialCapital;
  rows = picture_->ControlAsOf(D("2021-08-13"), government);
  ASSERT_TRUE(rows.ok());
  names.clear();
  for (const auto& r : *rows) names.push_back(r.place.ascii_name);
  EXPECT_THAT(names, ElementsAre("Kunduz", "Lashkar Gah", "Mazar-e Sharif", "Pul-e Alam"));

  EXPECT_FALSE(picture_->ControlAsOf(Date(), {}).ok());
}

TEST_F(PictureTest, ChangesInAWindow) {
  MustIngest(SeedLikeReport());
  ChangeQuery capitals;
  capitals.kind = PlaceKind::kProvincialCapital;
  auto changes = picture_->Changes(D("2021-08-12"), 1, capitals);
  ASSERT_TRUE(changes.ok());
  std::vector<std::string> names;
  for (const auto& c : *changes) {
    names.push_back(c.place.ascii_name);
    EXPECT_EQ(c.date, D("2021-08-12"));
    EXPECT_EQ(c.from_holder, "Afghan government");
    EXPECT_EQ(c.to_holder, "Taliban");
    EXPECT_EQ(c.status, ControlStatus::kHeld);
    EXPECT_FALSE(c.evidence.empty());
  }
  EXPECT_THAT(names, ElementsAre("Ghazni", "Herat", "Kandahar"));

  // The window is (as_of - window, as_of].
  changes = picture_->Changes(D("2021-08-11"), 1, capitals);
  ASSERT_TRUE(changes.ok());
  EXPECT_THAT(*changes, IsEmpty());
  changes = picture_->Changes(D("2021-08-19"), 8, capitals);
  ASSERT_TRUE(changes.ok());
  EXPECT_EQ(changes->size(), 3u);
  changes = picture_->Changes(D("2021-08-20"), 8, capitals);
  ASSERT_TRUE(changes.ok());
  EXPECT_THAT(*changes, IsEmpty());

  ChangeQuery to_government;
  to_government.to_holder = "Afghan government";
  changes = picture_->Changes(D("2021-08-13"), 30, to_government);
  ASSERT_TRUE(changes.ok());
  EXPECT_THAT(*changes, IsEmpty());
  EXPECT_FALSE(picture_->Changes(D("2021-08-13"), -1, {}).ok());
}

TEST_F(PictureTest, NearestTalibanHeldPlaceToKabul) {
  MustIngest(SeedLikeReport());
  auto nearest = picture_->NearestHeldBy(kKabul, "Taliban", D("2021-08-13"));
  ASSERT_TRUE(nearest.ok()) << nearest.status().ToString();
  ASSERT_TRUE(nearest->has_value());
  EXPECT_EQ((*nearest)->nearest.place.ascii_name, "Ghazni");
  EXPECT_GT((*nearest)->km, 120);
  EXPECT_LT((*nearest)->km, 135);
  EXPECT_EQ((*nearest)->from.geonameid, kKabul.geonameid);

  // Before the captures the Taliban held nothing reported.
  auto before = picture_->NearestHeldBy(kKabul, "Taliban", D("2021-08-10"));
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->has_value());

  // The government's nearest other place to Kabul is Pul-e Alam, held by default.
  auto own = picture_->NearestHeldBy(kKabul, "Afghan government", D("2021-08-13"));
  ASSERT_TRUE(own.ok());
  ASSERT_TRUE(own->has_value());
  EXPECT_EQ((*own)->nearest.place.ascii_name, "Pul-e Alam");
  EXPECT_TRUE((*own)->nearest.by_default);
}

TEST_F(PictureTest, SummaryIsComputedWithEvidence) {
  ReportBuilder seed = SeedLikeReport();
  MustIngest(seed);
  auto summary = picture_->Summarize(D("2021-08-13"), 8);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  const std::string& text = summary->text;
  EXPECT_THAT(text, HasSubstr("3 provincial capitals changed hands: Ghazni, Herat and Kandahar "
                              "to Taliban"));
  EXPECT_THAT(text, HasSubstr("Afghan government still holds 4 of 7 major cities"));
  EXPECT_THAT(text, HasSubstr("Kabul"));
  EXPECT_THAT(text, HasSubstr("contested: Lashkar Gah"));
  EXPECT_THAT(text, HasSubstr("Contested: Lashkar Gah (against Taliban, since 2021-08-11)"));
  EXPECT_THAT(text, HasSubstr("nearest place held by Taliban to Kabul is Ghazni"));
  EXPECT_THAT(text, HasSubstr("12 provincial centres (provincial centres lost in the last 8 days), "
                              "according to wire story on 2021-08-13"));

  std::map<std::string, const SummaryFigure*> figures;
  for (const auto& f : summary->figures) figures[f.label] = &f;
  const SummaryFigure* changed =
      figures["provincial capitals that changed hands in the last 8 days"];
  ASSERT_NE(changed, nullptr);
  EXPECT_EQ(changed->value, 3);
  EXPECT_THAT(changed->places, ElementsAre("Ghazni", "Herat", "Kandahar"));
  EXPECT_THAT(changed->evidence,
              UnorderedElementsAre(seed.IdOf(0), seed.IdOf(1), seed.IdOf(2), seed.IdOf(3)));
  const SummaryFigure* held = figures["major cities still held by Afghan government"];
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->value, 4);
  EXPECT_THAT(held->places, ElementsAre("Kabul", "Kunduz", "Lashkar Gah", "Mazar-e Sharif"));
  const SummaryFigure* threatened = figures["of them besieged or contested"];
  ASSERT_NE(threatened, nullptr);
  EXPECT_EQ(threatened->value, 1);
  EXPECT_THAT(threatened->evidence, UnorderedElementsAre(seed.IdOf(5), seed.IdOf(6)));
  const SummaryFigure* nearest = figures["km from Kabul to the nearest place held by Taliban"];
  ASSERT_NE(nearest, nullptr);
  EXPECT_GE(nearest->value, 120);
  EXPECT_LE(nearest->value, 135);
  EXPECT_THAT(nearest->places, ElementsAre("Ghazni"));
  EXPECT_THAT(nearest->evidence, ElementsAre(seed.IdOf(1)));
  ASSERT_EQ(summary->reported.size(), 2u);
  EXPECT_EQ(summary->reported[0].report_id, seed.report().id);

  // A window before anything happened: nothing changed hands.
  auto early = picture_->Summarize(D("2021-07-01"), 8);
  ASSERT_TRUE(early.ok());
  EXPECT_THAT(early->text, HasSubstr("No provincial capital changed hands"));
  EXPECT_FALSE(picture_->Summarize(D("2021-08-13"), 0).ok());
}

TEST_F(PictureTest, TheSameReportTwiceIsADuplicate) {
  ReportBuilder seed = SeedLikeReport();
  MustIngest(seed);
  auto before = store_->Stats();
  ASSERT_TRUE(before.ok());
  IngestResult again = MustIngest(seed);
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.events_new, 0);
  auto after = store_->Stats();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->events, before->events);
  EXPECT_EQ(after->sources, before->sources);
  EXPECT_EQ(after->reports, before->reports);
}

ReportBuilder GhazniFrom(const std::string& outlet, const char* published, const char* date) {
  ReportBuilder b(outlet, published);
  b.Add(outlet + " says the Taliban seized Ghazni, 150 km from Kabul.", kGhazni, date, "192",
        ControlEffect::kCaptures, "Taliban");
  return b;
}

TEST_F(PictureTest, OneEventFromThreeOutlets) {
  EXPECT_EQ(MustIngest(GhazniFrom("AFP", "2021-08-12", "2021-08-12")).events_new, 1);
  IngestResult second = MustIngest(GhazniFrom("Reuters", "2021-08-13", "2021-08-12"));
  EXPECT_EQ(second.events_new, 0);
  EXPECT_EQ(second.events_merged, 1);
  ReportBuilder third = GhazniFrom("BBC", "2021-08-13", "2021-08-13");
  third
      .Add("Ghazni is in Taliban hands, the BBC said.", kGhazni, "2021-08-13", "192",
           ControlEffect::kCaptures, "")
      .date_precision = DatePrecision::kApprox;
  IngestResult third_result = MustIngest(third);
  EXPECT_EQ(third_result.events_merged, 2);  // both of its sentences tell the same capture

  auto events = EventsAt(kGhazni);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sources.size(), 4u);
  EXPECT_EQ(events[0].Corroboration(), 3);
  EXPECT_EQ(events[0].date, D("2021-08-12"));
  EXPECT_EQ(events[0].id, GhazniFrom("AFP", "2021-08-12", "2021-08-12").IdOf(0));

  std::string json = EventToJson(events[0]);
  EXPECT_THAT(json, HasSubstr("\"corroboration\":3"));
}

TEST_F(PictureTest, AClaimConfirmedByAnotherOutlet) {
  ReportBuilder claim("Outlet A", "2021-08-14");
  Event& c = claim.Add("The Taliban said they had taken Kunduz.", kKunduz, "2021-08-14", "192",
                       ControlEffect::kCaptures, "Taliban");
  c.claim = ClaimStatus::kClaimed;
  c.claimant = "Taliban";
  MustIngest(claim);
  ControlQuery q;
  auto rows = picture_->ControlAsOf(D("2021-08-14"), q);
  ASSERT_TRUE(rows.ok());
  const PlaceControl* kunduz = Row(*rows, kKunduz);
  ASSERT_NE(kunduz, nullptr);
  EXPECT_EQ(kunduz->interval.status, ControlStatus::kClaimed);
  EXPECT_EQ(kunduz->interval.holder, "Afghan government");
  EXPECT_EQ(kunduz->interval.challenger, "Taliban");
  ChangeQuery any;
  auto changes = picture_->Changes(D("2021-08-14"), 1, any);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ((*changes)[0].status, ControlStatus::kClaimed);
  EXPECT_EQ((*changes)[0].to_holder, "Taliban");

  ReportBuilder confirm("Outlet B", "2021-08-15");
  confirm.Add("Taliban fighters captured Kunduz on Saturday.", kKunduz, "2021-08-14", "192",
              ControlEffect::kCaptures, "Taliban");
  EXPECT_EQ(MustIngest(confirm).events_merged, 1);
  auto events = EventsAt(kKunduz);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].claim, ClaimStatus::kReported);
  EXPECT_EQ(events[0].Corroboration(), 2);
  EXPECT_THAT(EventToJson(events[0]), HasSubstr("\"confirms_claim_of\":\"Taliban\""));
  rows = picture_->ControlAsOf(D("2021-08-14"), q);
  ASSERT_TRUE(rows.ok());
  kunduz = Row(*rows, kKunduz);
  EXPECT_EQ(kunduz->interval.status, ControlStatus::kHeld);
  EXPECT_EQ(kunduz->interval.holder, "Taliban");
  EXPECT_EQ(kunduz->interval.from, D("2021-08-14"));
}

TEST_F(PictureTest, AContradictionIsKeptAndSurfaced) {
  ReportBuilder captured("Outlet A", "2021-08-14");
  captured.Add("The Taliban captured Mazar-e Sharif.", kMazar, "2021-08-14", "192",
               ControlEffect::kCaptures, "Taliban");
  ReportBuilder denied("Outlet B", "2021-08-14");
  Event& d = denied.Add("The government denied that the Taliban had captured Mazar.", kMazar,
                        "2021-08-14", "192", ControlEffect::kCaptures, "Taliban");
  d.claim = ClaimStatus::kDenied;
  d.claimant = "Afghan government";
  MustIngest(captured);
  MustIngest(denied);

  EXPECT_EQ(EventsAt(kMazar).size(), 2u);
  auto contradictions = picture_->Contradictions(kMazar.geonameid);
  ASSERT_TRUE(contradictions.ok());
  ASSERT_EQ(contradictions->size(), 1u);
  EXPECT_EQ((*contradictions)[0].kind, ContradictionKind::kDenied);
  EXPECT_EQ((*contradictions)[0].first.id, captured.IdOf(0));
  EXPECT_EQ((*contradictions)[0].second.id, denied.IdOf(0));
  auto everywhere = picture_->Contradictions(0);
  ASSERT_TRUE(everywhere.ok());
  EXPECT_EQ(everywhere->size(), 1u);

  auto rows = picture_->ControlAsOf(D("2021-08-14"), {});
  ASSERT_TRUE(rows.ok());
  const PlaceControl* mazar = Row(*rows, kMazar);
  ASSERT_NE(mazar, nullptr);
  EXPECT_EQ(mazar->interval.status, ControlStatus::kContested);
  EXPECT_EQ(mazar->interval.holder, "Afghan government");
  EXPECT_EQ(mazar->interval.challenger, "Taliban");
  EXPECT_THAT(mazar->interval.evidence, UnorderedElementsAre(captured.IdOf(0), denied.IdOf(0)));
}

TEST_F(PictureTest, UnresolvedEventsAreKeptButNeverMerged) {
  ReportBuilder b("AFP", "2021-08-13");
  b.Add("Fighting near Sangin.", kGhazni, "2021-08-12", "190", ControlEffect::kContests, "Taliban")
      .place = PlaceRef();
  b.Add("More fighting near Sangin.", kGhazni, "2021-08-12", "190", ControlEffect::kContests,
        "Taliban")
      .place = PlaceRef();
  IngestResult r = MustIngest(b);
  EXPECT_EQ(r.events_new, 2);
  EXPECT_THAT(r.places_changed, IsEmpty());
  auto all = store_->Events({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
}

TEST_F(PictureTest, IngestFillsSourcesFromTheReport) {
  ReportBuilder b = GhazniFrom("AFP", "2021-08-12", "2021-08-12");
  MustIngest(b);
  auto events = EventsAt(kGhazni);
  ASSERT_EQ(events.size(), 1u);
  const EventSource& s = events[0].sources.at(0);
  EXPECT_EQ(s.report_id, b.report().id);
  EXPECT_EQ(s.outlet, "AFP");
  EXPECT_EQ(s.published, D("2021-08-12"));
  EXPECT_EQ(s.sentence, "AFP says the Taliban seized Ghazni, 150 km from Kabul.");
}

TEST_F(PictureTest, OneMoreReportRecomputesOnlyThePlacesItTouches) {
  MustIngest(SeedLikeReport());
  ReportBuilder b("Outlet C", "2021-08-16");
  b.Add("Government forces retook Ghazni.", kGhazni, "2021-08-15", "192", ControlEffect::kCaptures,
        "Afghan government forces");
  IngestResult r = MustIngest(b);
  EXPECT_THAT(r.places_changed, ElementsAre(kGhazni.geonameid));
  auto history = picture_->History(kGhazni.geonameid);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[2].holder, "Afghan government");
  EXPECT_EQ((*history)[2].from, D("2021-08-15"));
  ChangeQuery q;
  q.to_holder = "Afghan government forces";
  auto changes = picture_->Changes(D("2021-08-16"), 2, q);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 1u);
  EXPECT_EQ((*changes)[0].from_holder, "Taliban");
}

TEST(PictureFaultTest, AFailingWriteLeavesNothing) {
  auto gazetteer = MakeMemoryGazetteer(TestPlaces());
  ReportBuilder seed = SeedLikeReport();
  int failures = 0;
  bool succeeded = false;
  for (int n = 1; n < 100 && !succeeded; ++n) {
    StoreFaults faults;
    faults.fail_on_write = n;
    auto store = NewMemoryStore(faults);
    Picture picture(store.get(), gazetteer.get(), TestProfile());
    auto r = picture.Ingest(seed.report(), seed.coded());
    if (r.ok()) {
      succeeded = true;
      break;
    }
    ++failures;
    EXPECT_EQ(r.status().kind(), ErrorKind::kStoreError) << "write " << n;
    auto stats = store->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->reports, 0) << "write " << n;
    EXPECT_EQ(stats->events, 0) << "write " << n;
    EXPECT_EQ(stats->sources, 0) << "write " << n;
    EXPECT_EQ(stats->control_intervals, 0) << "write " << n;
    auto has = store->HasReport(seed.report().id);
    ASSERT_TRUE(has.ok());
    EXPECT_FALSE(*has);
  }
  EXPECT_TRUE(succeeded);
  // One report write, 13 events and 6 places' control: every one was made to fail.
  EXPECT_EQ(failures, 1 + 13 + 6);
}

// ------------------------------------------------------ incremental = rebuild

std::vector<ReportBuilder> ManyReports() {
  std::vector<ReportBuilder> out;
  out.push_back(SeedLikeReport());
  out.push_back(GhazniFrom("AFP", "2021-08-12", "2021-08-12"));
  out.push_back(GhazniFrom("Reuters", "2021-08-13", "2021-08-12"));
  {
    ReportBuilder b("BBC", "2021-08-14");
    b.Add("Herat fell to the Taliban this week.", kHerat, "2021-08-12", "192",
          ControlEffect::kCaptures, "Taliban")
        .date_precision = DatePrecision::kApprox;
    b.Add("The Taliban said they had taken Kunduz.", kKunduz, "2021-08-14", "192",
          ControlEffect::kCaptures, "Taliban")
        .claim = ClaimStatus::kClaimed;
    out.push_back(std::move(b));
  }
  {
    ReportBuilder b("Al Jazeera", "2021-08-15");
    b.Add("Taliban fighters captured Kunduz on Saturday.", kKunduz, "2021-08-14", "192",
          ControlEffect::kCaptures, "Taliban");
    b.Add("The Taliban captured Lashkar Gah.", kLashkarGah, "2021-08-13", "192",
          ControlEffect::kCaptures, "Taliban");
    out.push_back(std::move(b));
  }
  {
    ReportBuilder b("Outlet D", "2021-08-15");
    b.Add("The Taliban captured Mazar-e Sharif.", kMazar, "2021-08-14", "192",
          ControlEffect::kCaptures, "Taliban");
    Event& d = b.Add("The government denied that Mazar had fallen.", kMazar, "2021-08-14", "192",
                     ControlEffect::kCaptures, "Taliban");
    d.claim = ClaimStatus::kDenied;
    d.claimant = "Afghan government";
    out.push_back(std::move(b));
  }
  {
    ReportBuilder b("Outlet E", "2021-08-26");
    b.Add("Government forces retook Ghazni.", kGhazni, "2021-08-25", "192",
          ControlEffect::kCaptures, "Afghan government forces");
    b.Add("Clashes in Pul-e Alam.", kPulAlam, "2021-08-24", "190", ControlEffect::kContests, "");
    out.push_back(std::move(b));
  }
  {
    ReportBuilder b("Outlet F", "2021-08-27");
    b.Add("Fighting in Pul-e Alam, where the Taliban attacked.", kPulAlam, "2021-08-25", "193",
          ControlEffect::kContests, "Taliban");
    b.Add("Taliban briefly took the Pul-e Alam district centre.", kPulAlam, "2021-08-26", "192",
          ControlEffect::kCaptures, "Taliban");
    b.Add("Government forces took it back the next day.", kPulAlam, "2021-08-27", "192",
          ControlEffect::kCaptures, "Afghan police");
    out.push_back(std::move(b));
  }
  return out;
}

// What a store holds, with event ids (which depend on which report came
// first) replaced by the event's sources (which do not).
struct Snapshot {
  std::map<std::string, std::string> events;  // sources -> the rest
  std::map<int64_t, std::vector<std::string>> control;
  bool operator==(const Snapshot&) const = default;
};

Snapshot Take(Store* store) {
  Snapshot snap;
  auto events = store->Events({});
  EXPECT_TRUE(events.ok());
  std::map<std::string, std::string> key_of_id;
  for (const auto& e : *events) {
    std::vector<std::string> keys;
    for (const auto& s : e.sources) {
      keys.push_back(s.report_id + ":" + std::to_string(s.start) + ":" + std::to_string(s.end));
    }
    std::sort(keys.begin(), keys.end());
    std::string key;
    for (const auto& k : keys) key += k + ",";
    key_of_id[e.id] = key;
    std::ostringstream rest;
    rest << e.date.ToString() << " " << DatePrecisionName(e.date_precision) << " " << e.cameo << " "
         << e.actor << " / " << e.target << " / " << e.object << " @" << e.place.geonameid << " "
         << ClaimStatusName(e.claim) << " by " << e.claimant << " x" << e.Corroboration();
    snap.events[key] = rest.str();
  }
  auto places = store->EventPlaces();
  EXPECT_TRUE(places.ok());
  for (int64_t place : *places) {
    auto history = store->ControlHistory(place);
    EXPECT_TRUE(history.ok());
    for (const auto& iv : *history) {
      std::ostringstream row;
      row << iv.from.ToString() << ".." << iv.to.ToString() << " " << ControlStatusName(iv.status)
          << " " << iv.holder << " vs " << iv.challenger << " [";
      for (const auto& id : iv.evidence) row << key_of_id[id] << ";";
      row << "]";
      snap.control[place].push_back(row.str());
    }
  }
  return snap;
}

TEST(IncrementalTest, AnyOrderOfReportsGivesTheSamePictureAsARebuild) {
  auto gazetteer = MakeMemoryGazetteer(TestPlaces());
  std::vector<ReportBuilder> reports = ManyReports();

  std::optional<Snapshot> first;
  std::mt19937 rng(20210813);
  for (int round = 0; round < 6; ++round) {
    std::vector<size_t> order(reports.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (round > 0) std::shuffle(order.begin(), order.end(), rng);
    auto store = NewMemoryStore();
    Picture picture(store.get(), gazetteer.get(), TestProfile());
    for (size_t i : order) {
      auto r = picture.Ingest(reports[i].report(), reports[i].coded());
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    }
    Snapshot incremental = Take(store.get());
    ASSERT_TRUE(picture.RebuildControl().ok());
    Snapshot rebuilt = Take(store.get());
    EXPECT_EQ(incremental.control, rebuilt.control) << "round " << round;
    EXPECT_EQ(incremental.events, rebuilt.events);
    if (!first) {
      first = incremental;
      // The set is rich enough to mean something.
      EXPECT_GE(first->control.size(), 8u);
      EXPECT_EQ(first->control[kPulAlam.geonameid].size(), 3u);  // reversal: fighting only
    } else {
      EXPECT_EQ(incremental.events, first->events) << "round " << round;
      EXPECT_EQ(incremental.control, first->control) << "round " << round;
    }
  }
}

TEST(IncrementalTest, BatchesGiveTheSamePictureAsReportsOneByOne) {
  auto gazetteer = MakeMemoryGazetteer(TestPlaces());
  std::vector<ReportBuilder> reports = ManyReports();

  auto one_by_one = NewMemoryStore();
  {
    Picture picture(one_by_one.get(), gazetteer.get(), TestProfile());
    for (const auto& r : reports) ASSERT_TRUE(picture.Ingest(r.report(), r.coded()).ok());
  }
  const Snapshot expected = Take(one_by_one.get());

  // The same reports in batches of every size, a report told twice among
  // them (the second time a duplicate of the first, in the same batch).
  for (size_t size = 1; size <= reports.size() + 1; ++size) {
    auto store = NewMemoryStore();
    Picture picture(store.get(), gazetteer.get(), TestProfile());
    std::vector<Report> texts;
    for (const auto& r : reports) texts.push_back(r.report());
    std::vector<ReportToIngest> all;
    for (size_t i = 0; i < reports.size(); ++i) all.push_back({&texts[i], &reports[i].coded()});
    all.insert(all.begin() + 1, all.front());
    int duplicates = 0;
    int events_new = 0;
    for (size_t start = 0; start < all.size(); start += size) {
      std::vector<ReportToIngest> batch(
          all.begin() + static_cast<long>(start),
          all.begin() + static_cast<long>(std::min(start + size, all.size())));
      auto results = picture.IngestBatch(batch);
      ASSERT_TRUE(results.ok()) << results.status().ToString();
      ASSERT_EQ(results->size(), batch.size());
      for (const auto& r : *results) {
        duplicates += r.duplicate ? 1 : 0;
        events_new += r.events_new;
        if (r.duplicate) {
          EXPECT_TRUE(r.places_changed.empty());
        }
      }
    }
    EXPECT_EQ(duplicates, 1) << "batches of " << size;
    EXPECT_GT(events_new, 0);
    Snapshot got = Take(store.get());
    EXPECT_EQ(got.events, expected.events) << "batches of " << size;
    EXPECT_EQ(got.control, expected.control) << "batches of " << size;
  }
}

TEST(IncrementalTest, AFailedBatchKeepsNothingAndNamesTheReport) {
  auto gazetteer = MakeMemoryGazetteer(TestPlaces());
  std::vector<ReportBuilder> reports = ManyReports();
  ASSERT_GE(reports.size(), 3u);
  // Writes: report 1 and its events, report 2 and its events, ...: the
  // failure falls inside the third report.
  int writes_before_third = 0;
  for (size_t i = 0; i < 2; ++i)
    writes_before_third += 1 + static_cast<int>(reports[i].coded().events.size());
  auto store = NewMemoryStore(StoreFaults{.fail_on_write = writes_before_third + 2});
  Picture picture(store.get(), gazetteer.get(), TestProfile());
  std::vector<Report> texts;
  for (const auto& r : reports) {
    texts.push_back(r.report());
    texts.back().origin = "report-" + std::to_string(texts.size() - 1);
  }
  std::vector<ReportToIngest> batch;
  for (size_t i = 0; i < reports.size(); ++i) batch.push_back({&texts[i], &reports[i].coded()});
  auto results = picture.IngestBatch(batch);
  ASSERT_FALSE(results.ok());
  EXPECT_EQ(results.status().kind(), ErrorKind::kStoreError);
  EXPECT_NE(results.status().input().find("report-2"), std::string::npos)
      << results.status().ToString();
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->reports, 0);
  EXPECT_EQ(stats->events, 0);
  EXPECT_EQ(stats->control_intervals, 0);
}

}  // namespace
}  // namespace sitrep
