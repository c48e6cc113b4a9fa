// Behaviour of the coder on small texts: structure, modality, attribution,
// dates, quantities and references. Uses a small list lexicon so that the
// test does not depend on the world gazetteer.
#include "coder/coder_core.h"

#include <gtest/gtest.h>

#include <memory>

#include "coder/list_lexicon.h"
#include "sitrep/coder.h"

namespace sitrep {
namespace {

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    lexicon_ = new coder::ListLexicon(coder::SampleNames());
    CoderOptions o;
    o.dict_dirs = {std::string(SITREP_SOURCE_DIR) + "/data/dict"};
    o.lexicon = lexicon_;
    auto c = Coder::Create(o);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = c->release();
  }
  static void TearDownTestSuite() {
    delete coder_;
    delete lexicon_;
  }
  CodedReport Code(std::string text, Date published = Date::FromYmd(2021, 8, 13)) {
    Report r;
    r.text = std::move(text);
    r.id = ReportId(r.text);
    r.published = published;
    last_ = r;
    return coder_->Code(r);
  }
  static const Event* Find(const CodedReport& c, std::string_view actor, std::string_view cameo,
                           std::string_view place) {
    for (const auto& e : c.events) {
      if (e.actor == actor && e.cameo.rfind(cameo, 0) == 0 && e.place.text == place) return &e;
    }
    return nullptr;
  }
  static std::string Dump(const CodedReport& c) {
    std::string s;
    for (const auto& e : c.events) {
      s += (e.actor.empty() ? "unnamed" : e.actor) + " " + e.cameo + " @" + e.place.text + " " +
           e.date.ToString() + " " + std::string(ClaimStatusName(e.claim)) + " " + e.claimant +
           "\n";
    }
    return s;
  }
  static coder::ListLexicon* lexicon_;
  static Coder* coder_;
  Report last_;
};
coder::ListLexicon* CoderTest::lexicon_ = nullptr;
Coder* CoderTest::coder_ = nullptr;

// ---------------------------------------------------------------- structure

TEST_F(CoderTest, ActiveCaptureWithDate) {
  auto c = Code("Taliban fighters seized Zaranj on Friday.", Date::FromYmd(2021, 8, 7));
  const Event* e = Find(c, "Taliban", "192", "Zaranj");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->date, Date::FromYmd(2021, 8, 6));
  EXPECT_EQ(e->date_precision, DatePrecision::kDay);
  EXPECT_EQ(e->effect, ControlEffect::kCaptures);
  EXPECT_EQ(e->plover, "COERCE");
  EXPECT_EQ(e->acled_subtype, "Non-state actor overtakes territory");
  EXPECT_EQ(e->claim, ClaimStatus::kReported);
}

TEST_F(CoderTest, PassiveAndPlaceSubjectCaptures) {
  auto c = Code(
      "Kunduz fell to the Taliban on Sunday. Herat was captured by the Taliban. "
      "Ghazni came under Taliban control.",
      Date::FromYmd(2021, 8, 13));
  EXPECT_NE(Find(c, "Taliban", "192", "Kunduz"), nullptr) << Dump(c);
  EXPECT_NE(Find(c, "Taliban", "192", "Herat"), nullptr) << Dump(c);
  EXPECT_NE(Find(c, "Taliban", "192", "Ghazni"), nullptr) << Dump(c);
}

TEST_F(CoderTest, CoordinationGivesOneEventPerPlace) {
  auto c = Code("The Taliban captured Herat and Kandahar on Thursday.");
  EXPECT_NE(Find(c, "Taliban", "192", "Herat"), nullptr) << Dump(c);
  EXPECT_NE(Find(c, "Taliban", "192", "Kandahar"), nullptr) << Dump(c);
}

TEST_F(CoderTest, AppositivesAndReferencePoints) {
  auto c = Code("Ghazni, a provincial capital 150 km from Kabul, fell to the Taliban.");
  EXPECT_NE(Find(c, "Taliban", "192", "Ghazni"), nullptr) << Dump(c);
  EXPECT_EQ(Find(c, "Taliban", "192", "Kabul"), nullptr) << Dump(c);
  bool figure = false;
  for (const auto& f : c.figures) figure |= f.quantity.value == 150 && f.quantity.unit == "km";
  EXPECT_TRUE(figure);
}

TEST_F(CoderTest, FacilitiesAreObjects) {
  auto c = Code("The Taliban took over the police headquarters in Herat.");
  const Event* e = Find(c, "Taliban", "192", "Herat");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->place.precision, GeoPrecision::kFacility);
  EXPECT_EQ(e->object, "police headquarters");
}

TEST_F(CoderTest, ProvinceKind) {
  auto c = Code("The Taliban seized Panjshir province on Monday.", Date::FromYmd(2021, 9, 7));
  const Event* e = Find(c, "Taliban", "192", "Panjshir");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->place.kind, PlaceKind::kAdmin1);
}

// ---------------------------------------------------------------- modality

TEST_F(CoderTest, NegatedConditionalAndFutureActsAreNotEvents) {
  for (const char* text :
       {"The Taliban did not capture Kandahar.", "The Taliban failed to take Kandahar.",
        "If they overrun Kabul, the embassy will close.", "Kabul could fall within weeks.",
        "The Taliban plan to seize Herat.", "The Taliban will capture Herat.",
        "The insurgents seek to take Herat."}) {
    auto c = Code(text);
    for (const auto& e : c.events) {
      EXPECT_NE(e.cameo.substr(0, 3), "192") << text << "\n" << Dump(c);
    }
  }
}

TEST_F(CoderTest, AParticipleOfResultAfterACommaIsNoAct) {
  // What the capture left behind is no withdrawal from Kabul...
  auto c = Code(
      "The Taliban took control of Jalalabad without a fight, officials said, leaving Kabul as "
      "the only large city still held by the government.");
  EXPECT_NE(Find(c, "Taliban", "192", "Jalalabad"), nullptr) << Dump(c);
  for (const auto& e : c.events) EXPECT_NE(e.place.text, "Kabul") << Dump(c);
  // ... while troops leaving a place, with no comma before, still withdraw.
  auto left = Code("Government troops were leaving Kunduz on Sunday.");
  bool withdrew = false;
  for (const auto& e : left.events) withdrew |= e.cameo == "0874" && e.place.text == "Kunduz";
  EXPECT_TRUE(withdrew) << Dump(left);
}

TEST_F(CoderTest, ThreatsAreThreatEvents) {
  auto c = Code("The Taliban threatened to attack Kabul.");
  bool threat = false;
  for (const auto& e : c.events) {
    EXPECT_NE(e.cameo.substr(0, 2), "19") << Dump(c);
    threat |= e.cameo.rfind("138", 0) == 0;
  }
  EXPECT_TRUE(threat) << Dump(c);
}

TEST_F(CoderTest, AnnouncedDeploymentsCount) {
  auto c = Code("The United States said it will send 3,000 troops to Kabul.");
  const Event* e = Find(c, "United States", "154", "Kabul");
  ASSERT_NE(e, nullptr) << Dump(c);
  ASSERT_FALSE(e->quantities.empty());
  EXPECT_EQ(e->quantities[0].value, 3000);
  EXPECT_EQ(e->quantities[0].what, "troops");
}

// ---------------------------------------------------------------- attribution

TEST_F(CoderTest, ClaimsAttributionsAndDenials) {
  auto c = Code("The Taliban said they had captured Zaranj.");
  const Event* e = Find(c, "Taliban", "192", "Zaranj");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->claim, ClaimStatus::kClaimed);
  EXPECT_EQ(e->claimant, "Taliban");

  c = Code("Kunduz fell to the Taliban on Sunday, officials said.");
  e = Find(c, "Taliban", "192", "Kunduz");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->claim, ClaimStatus::kAttributed);
  EXPECT_EQ(e->claimant, "unnamed official");

  c = Code(
      "According to a provincial official who asked not to be named, the Taliban seized "
      "Farah.");
  e = Find(c, "Taliban", "192", "Farah");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->claim, ClaimStatus::kAttributed);
  EXPECT_EQ(e->claimant, "unnamed official");

  c = Code("The defence ministry denied that Kunduz had fallen to the Taliban.");
  e = Find(c, "Taliban", "192", "Kunduz");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->claim, ClaimStatus::kDenied);
  EXPECT_EQ(e->claimant, "Afghan government");

  c = Code("An AFP correspondent said the Taliban had entered Herat.");
  e = Find(c, "Taliban", "192", "Herat");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->claim, ClaimStatus::kReported);
}

TEST_F(CoderTest, QuotedSpeakerAfterTheQuote) {
  auto c = Code("“The Taliban have entered the city of Herat,” a resident told AFP.");
  const Event* e = Find(c, "Taliban", "192", "Herat");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->claim, ClaimStatus::kAttributed);
  EXPECT_EQ(e->claimant, "resident");
}

// ---------------------------------------------------------------- references

TEST_F(CoderTest, TheCityAndTheMilitants) {
  auto c = Code(
      "The Taliban pushed into Lashkar Gah on Tuesday. The militants captured the "
      "city on Wednesday.",
      Date::FromYmd(2021, 8, 5));
  const Event* e = Find(c, "Taliban", "192", "Lashkar Gah");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->date, Date::FromYmd(2021, 8, 4));
}

TEST_F(CoderTest, CapitalAsGovernmentAndAsPlace) {
  auto c = Code("Kabul handed a proposal to the Taliban in Doha.");
  bool gov = false;
  for (const auto& e : c.events) gov |= e.actor == "Afghan government";
  EXPECT_TRUE(gov) << Dump(c);
}

TEST_F(CoderTest, FightingWithoutNamedSides) {
  auto c = Code("The Taliban attacked the city. Fighting was raging in Kandahar.");
  const Event* e = Find(c, "Taliban", "190", "Kandahar");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->target, "Afghan government forces");
  c = Code("Heavy clashes broke out between Taliban fighters and government forces in Herat.");
  EXPECT_NE(Find(c, "Taliban", "190", "Herat"), nullptr) << Dump(c);
  EXPECT_NE(Find(c, "Afghan government forces", "190", "Herat"), nullptr) << Dump(c);
}

TEST_F(CoderTest, DurationsGiveAStartDate) {
  auto c = Code("Kandahar has been besieged by the Taliban for weeks.");
  const Event* e = Find(c, "Taliban", "191", "Kandahar");
  ASSERT_NE(e, nullptr) << Dump(c);
  ASSERT_TRUE(e->start_date.IsValid());
  EXPECT_EQ(DaysBetween(e->start_date, e->date), 14);
}

TEST_F(CoderTest, UndatedActsTakeTheReportsDayApproximately) {
  auto c = Code("Taliban fighters seized Ghazni.");
  const Event* e = Find(c, "Taliban", "192", "Ghazni");
  ASSERT_NE(e, nullptr) << Dump(c);
  EXPECT_EQ(e->date, Date::FromYmd(2021, 8, 13));
  EXPECT_EQ(e->date_precision, DatePrecision::kApprox);
}

TEST_F(CoderTest, OtherWarsOtherCountries) {
  auto c = Code("Rebels captured the town of Idlib on Saturday.", Date::FromYmd(2015, 3, 29));
  EXPECT_NE(Find(c, "Syrian rebels", "192", "Idlib"), nullptr) << Dump(c);
  c = Code("Russian forces shelled Kharkiv overnight.", Date::FromYmd(2022, 3, 2));
  EXPECT_NE(Find(c, "Russian forces", "194", "Kharkiv"), nullptr) << Dump(c);
  c = Code("The RSF seized Nyala on Thursday.", Date::FromYmd(2023, 10, 28));
  EXPECT_NE(Find(c, "Rapid Support Forces", "192", "Nyala"), nullptr) << Dump(c);
}

TEST_F(CoderTest, MentionsAndSentencesCoverTheText) {
  std::string text = "KABUL, Aug 13 (Wire) - The Taliban took Herat.\n\nGhazni fell too.";
  auto c = Code(text);
  ASSERT_EQ(c.sentences.size(), 2u);
  bool kabul = false, herat = false;
  for (const auto& m : c.mentions) {
    EXPECT_EQ(text.substr(m.start, m.end - m.start), m.place.text);
    EXPECT_EQ(m.place.geonameid, 0);
    kabul |= m.place.text == "KABUL";
    herat |= m.place.text == "Herat";
  }
  EXPECT_TRUE(kabul);
  EXPECT_TRUE(herat);
  // The dateline is context, not the event's place.
  EXPECT_EQ(Find(c, "Taliban", "192", "KABUL"), nullptr) << Dump(c);
}

TEST_F(CoderTest, NoLexiconFallsBackToCapitalizedNames) {
  CoderOptions o;
  o.dict_dirs = {std::string(SITREP_SOURCE_DIR) + "/data/dict"};
  auto coder = Coder::Create(o);
  ASSERT_TRUE(coder.ok());
  Report r;
  r.text = "The Taliban captured Zaranj on Friday.";
  r.published = Date::FromYmd(2021, 8, 7);
  auto c = (*coder)->Code(r);
  EXPECT_NE(Find(c, "Taliban", "192", "Zaranj"), nullptr) << Dump(c);
}

TEST_F(CoderTest, ActionInfoFromTheDictionary) {
  const ActionInfo* a = coder_->Action("0874");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->effect, ControlEffect::kWithdraws);
  EXPECT_EQ(coder_->Action("9999"), nullptr);
}

TEST_F(CoderTest, DictionaryErrorsReachCreate) {
  CoderOptions o;
  o.dict_dirs = {"/nonexistent"};
  auto c = Coder::Create(o);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().kind(), ErrorKind::kNotFound);
}

// ---------------------------------------------------------------- multi-report rules

TEST_F(CoderTest, SinceDayOpensAnIntervalAndNeverDatesTheAct) {
  auto c = Code(
      "KABUL - Three more provincial capitals came under Taliban control on Sunday: Kunduz, "
      "Sar-e Pul and Taloqan, bringing to five the number seized by the group since Friday.",
      Date::FromYmd(2021, 8, 8));
  for (const char* city : {"Kunduz", "Sar-e Pul", "Taloqan"}) {
    const Event* e = Find(c, "Taliban", "192", city);
    ASSERT_NE(e, nullptr) << city << "\n" << Dump(c);
    EXPECT_EQ(e->date, Date::FromYmd(2021, 8, 8)) << city;
  }
  for (const auto& e : c.events) EXPECT_NE(e.date, Date::FromYmd(2021, 8, 6)) << Dump(c);
}

TEST_F(CoderTest, ABarePastYearIsBackgroundAndAPastMonthDatesTheAct) {
  auto c = Code(
      "Kunduz fell to the Taliban on Sunday. The Taliban briefly seized it in 2015 and pushed "
      "into the city again in 2016. Herat fell to the Taliban in June.",
      Date::FromYmd(2021, 8, 9));
  int kunduz = 0;
  for (const auto& e : c.events) {
    EXPECT_GE(e.date, Date::FromYmd(2021, 1, 1)) << Dump(c);
    if (e.place.text == "Kunduz" && e.cameo == "192") ++kunduz;
  }
  EXPECT_EQ(kunduz, 1) << Dump(c);
  const Event* herat = Find(c, "Taliban", "192", "Herat");
  ASSERT_NE(herat, nullptr) << Dump(c);
  EXPECT_EQ(herat->date, Date::FromYmd(2021, 6, 1));
  EXPECT_EQ(herat->date_precision, DatePrecision::kMonth);
}

TEST_F(CoderTest, TheCityIsTheReportsSubjectNotACityNamedInPassing) {
  auto c = Code(
      "ZARANJ, Afghanistan: Taliban fighters took control of Zaranj, the capital of Nimroz "
      "province, on Friday, the first provincial capital to fall to the insurgents.\n\n"
      "The loss deprives the government in Kabul of revenue. A deputy governor said the city "
      "had been lost without a fight.\n\n"
      "The Taliban spokesman Zabihullah Mujahid said that the group's fighters had taken the "
      "city.",
      Date::FromYmd(2021, 8, 6));
  for (const auto& e : c.events) EXPECT_NE(e.place.text, "Kabul") << Dump(c);
  const Event* claim = nullptr;
  for (const auto& e : c.events) {
    if (e.cameo == "192" && e.claim == ClaimStatus::kClaimed) claim = &e;
  }
  ASSERT_NE(claim, nullptr) << Dump(c);
  EXPECT_EQ(claim->actor, "Taliban");
  EXPECT_EQ(claim->place.text, "Zaranj");
}

TEST_F(CoderTest, SurroundingDistrictsAndPreventedActsAreNoCaptures) {
  auto c = Code(
      "Kunduz fell to the Taliban on Sunday. The city had been under pressure since June, when "
      "the Taliban seized most of the surrounding districts. Afghan and US aircraft carried out "
      "air strikes to keep the insurgents from overrunning Herat and Kandahar.",
      Date::FromYmd(2021, 8, 9));
  for (const auto& e : c.events) {
    if (e.cameo != "192") continue;
    EXPECT_EQ(e.place.text, "Kunduz") << Dump(c);
    EXPECT_EQ(e.date, Date::FromYmd(2021, 8, 8)) << Dump(c);
  }
}

TEST_F(CoderTest, FrontedPossessiveRefersToTheFollowingSubject) {
  auto c = Code(
      "KABUL - With Kunduz, Sheberghan and Sar-e Pul in their hands, the Taliban now surround "
      "Mazar-i-Sharif.",
      Date::FromYmd(2021, 8, 9));
  for (const auto& e : c.events) {
    EXPECT_EQ(e.actor, "Taliban") << Dump(c);
  }
}

TEST_F(CoderTest, ClearingOperationsAreFightingNotCaptures) {
  auto c = Code(
      "The defence ministry did not accept that Kunduz had been lost. In a statement it said "
      "commando forces had begun clearing operations in Kunduz.",
      Date::FromYmd(2021, 8, 8));
  for (const auto& e : c.events) EXPECT_NE(e.cameo, "192") << Dump(c);
}

TEST_F(CoderTest, CoordinationCarriesOverAnAppositive) {
  auto c = Code(
      "The Taliban also took Ghazni, the capital of Ghazni province, and Farah, the capital of "
      "Farah province, on Friday.",
      Date::FromYmd(2021, 8, 14));
  EXPECT_NE(Find(c, "Taliban", "192", "Ghazni"), nullptr) << Dump(c);
  EXPECT_NE(Find(c, "Taliban", "192", "Farah"), nullptr) << Dump(c);
}

TEST_F(CoderTest, ACountryPlaceGivesWayToACityOfItInTheSameSentence) {
  auto c = Code(
      "Kabul handed a proposal to Taliban negotiators in Qatar offering a power-sharing deal, "
      "according to a member of the government's team in Doha.",
      Date::FromYmd(2021, 8, 13));
  bool doha = false;
  for (const auto& e : c.events) {
    EXPECT_NE(e.place.text, "Qatar") << Dump(c);
    if (e.place.text == "Doha") doha = true;
  }
  EXPECT_TRUE(doha) << Dump(c);
}

TEST_F(CoderTest, AVillageTheLexiconLacksIsStillAPlace) {
  auto c =
      Code("Taliban fighters, who launched their offensive in May, seized the village of Qarabagh.",
           Date::FromYmd(2021, 8, 13));
  const Event* e = Find(c, "Taliban", "192", "Qarabagh");
  ASSERT_NE(e, nullptr) << Dump(c);
  // The relative clause's month dates its own act, not the capture.
  EXPECT_NE(e->date_precision, DatePrecision::kMonth) << Dump(c);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST_F(CoderTest, ReportedFiguresAreTalliesOfThings) {
  auto c = Code(
      "Zaranj is one of the busiest trading points in the southwest. "
      "The UN said 27 children had been killed. "
      "The offensive came two decades after the invasion. "
      "Aug. 6: Zaranj. "
      "Two cities are the latest to fall. "
      "The insurgents now hold 34 provincial capitals.");
  std::vector<double> values;
  for (const auto& f : c.figures) values.push_back(f.quantity.value);
  EXPECT_NE(std::find(values.begin(), values.end(), 34.0), values.end());
  for (double not_a_tally : {1.0, 6.0, 2.0}) {
    EXPECT_EQ(std::find(values.begin(), values.end(), not_a_tally), values.end()) << not_a_tally;
  }
  bool children = std::find(values.begin(), values.end(), 27.0) != values.end();
  for (const auto& e : c.events) {
    for (const auto& q : e.quantities) children |= q.value == 27;
  }
  EXPECT_TRUE(children);
}

}  // namespace
}  // namespace sitrep
