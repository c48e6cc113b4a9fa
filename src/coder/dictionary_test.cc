#include "coder/dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sitrep::coder {
namespace {

Status Parse(std::string_view text, DictionarySource* src) {
  return ParseDictionaryText(text, "test.dict", src);
}

TEST(DictionaryTest, ParsesRecordsAndContinuations) {
  DictionarySource src;
  ASSERT_TRUE(Parse("# comment\n"
                    "actor Taliban   # the group\n"
                    "  code: TAL\n"
                    "  sector: rebel\n"
                    "  sides: AF:opposition\n"
                    "  aliases: Taleban |\n"
                    "    Mujahideen\n",
                    &src)
                  .ok());
  ASSERT_EQ(src.actors.size(), 1u);
  EXPECT_EQ(src.actors[0].name, "Taliban");
  EXPECT_EQ(src.actors[0].code, "TAL");
  EXPECT_EQ(src.actors[0].aliases, (std::vector<std::string>{"Taleban", "Mujahideen"}));
  EXPECT_EQ(src.actors[0].CampIn("AF"), Camp::kOpposition);
  EXPECT_EQ(src.actors[0].where, "test.dict:2");
}

TEST(DictionaryTest, LaterRecordsExtendAndOverride) {
  DictionarySource src;
  ASSERT_TRUE(Parse("actor A\n  code: X\n  aliases: a1\n", &src).ok());
  ASSERT_TRUE(ParseDictionaryText("actor A\n  code: Y\n  aliases: a2\n", "more.dict", &src).ok());
  ASSERT_EQ(src.actors.size(), 1u);
  EXPECT_EQ(src.actors[0].code, "Y");
  EXPECT_EQ(src.actors[0].aliases, (std::vector<std::string>{"a1", "a2"}));
}

TEST(DictionaryTest, SyntaxErrorsNameFileLineAndExpectation) {
  struct Case {
    const char* text;
    const char* line;
    const char* expect;
  } cases[] = {
      {"actor\n", "test.dict:1", "expected a name"},
      {"beast X\n", "test.dict:1", "expected a record kind"},
      {"  code: X\n", "test.dict:1", "record header"},
      {"actor A\n  code X\n", "test.dict:2", "key: value"},
      {"actor A\n  colour: red\n", "test.dict:2", "unknown field 'colour'"},
      {"actor A\n  sector: army\n", "test.dict:2", "expected a sector"},
      {"actor A\n  aliases: a || b\n", "test.dict:2", "between '|'"},
      {"actor A\n  aliases: a |\n\n", "test.dict:3", "continue"},
      {"action 19x\n", "test.dict:1", "CAMEO code"},
      {"action 190\n  effect: explodes\n", "test.dict:2", "control effect"},
      {"person P\n  role: 2020-01-01 | A\n", "test.dict:2", "date range"},
      {"person P\n  role: 2020-13-01.. | A\n", "test.dict:2", "expected a date"},
      {"country Afghanistan\n", "test.dict:1", "two-letter"},
      {"cue feelings\n", "test.dict:1", "cue class"},
      {"verbs irregular\n  take: took\n", "test.dict:2", "past | participle"},
  };
  for (const auto& c : cases) {
    DictionarySource src;
    Status s = Parse(c.text, &src);
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.kind(), ErrorKind::kInvalidInput) << c.text;
    EXPECT_EQ(s.input(), c.line) << c.text;
    EXPECT_NE(s.message().find(c.expect), std::string::npos) << c.text << " -> " << s.message();
  }
}

TEST(DictionaryTest, CompileChecksReferences) {
  DictionarySource src;
  ASSERT_TRUE(Parse("country AF\n  name: Afghanistan\n  military: Nobody\n", &src).ok());
  auto d = Dictionary::Compile(src);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().input(), "test.dict:1");
  EXPECT_NE(d.status().message().find("Nobody"), std::string::npos);

  DictionarySource src2;
  ASSERT_TRUE(Parse("action 190\n  verbs: fight [sideways]\n  label: x\n", &src2).ok());
  auto d2 = Dictionary::Compile(src2);
  ASSERT_FALSE(d2.ok());
  EXPECT_NE(d2.status().message().find("flag"), std::string::npos);
}

TEST(DictionaryTest, Inflection) {
  std::map<std::string, IrregularVerb> irr;
  irr["take"] = {"took", "taken", "", ""};
  auto f = Inflect("seize", irr);
  EXPECT_EQ(f.past, "seized");
  EXPECT_EQ(f.ing, "seizing");
  EXPECT_EQ(f.third, "seizes");
  f = Inflect("take control of", irr);
  EXPECT_EQ(f.past, "took control of");
  EXPECT_EQ(f.participle, "taken control of");
  EXPECT_EQ(f.ing, "taking control of");
  EXPECT_EQ(Inflect("drop", irr).past, "dropped");
  EXPECT_EQ(Inflect("shell", irr).ing, "shelling");
  EXPECT_EQ(Inflect("deploy", irr).past, "deployed");
  EXPECT_EQ(Inflect("occupy", irr).third, "occupies");
  EXPECT_EQ(Inflect("free", irr).ing, "freeing");
  EXPECT_EQ(Inflect("enter", irr).past, "entered");
  EXPECT_EQ(Pluralize("air strike"), "air strikes");
  EXPECT_EQ(Pluralize("clash"), "clashes");
  EXPECT_EQ(Pluralize("fighting"), "fighting");
}

TEST(DictionaryTest, ShippedDictionariesLoad) {
  DictionarySource src;
  ASSERT_TRUE(LoadDictionaryDir(std::string(SITREP_SOURCE_DIR) + "/data/dict", &src).ok());
  auto d = Dictionary::Compile(std::move(src));
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  for (const char* name : {"Taliban",
                           "Afghan government",
                           "Afghan government forces",
                           "United States",
                           "United Kingdom",
                           "Qatar",
                           "Pakistan",
                           "Iran",
                           "Russia",
                           "China",
                           "United Nations",
                           "Syrian government",
                           "Syrian government forces",
                           "Syrian rebels",
                           "Hayat Tahrir al-Sham",
                           "Islamic State",
                           "Syrian Democratic Forces",
                           "Turkey",
                           "Ukraine",
                           "Ukrainian forces",
                           "Russian forces",
                           "Wagner Group",
                           "Sudanese Armed Forces",
                           "Rapid Support Forces",
                           "Sudanese government"}) {
    EXPECT_GE((*d)->FindActor(name), 0) << name;
  }
  for (const char* code :
       {"0256", "035", "036",  "043", "046", "0841", "0871", "0874", "1056", "138", "154",
        "173",  "183", "1832", "190", "191", "192",  "193",  "194",  "195",  "202"}) {
    if (std::string(code) == "1056") continue;  // not every code needs words
    EXPECT_GE((*d)->FindAction(code), 0) << code;
  }
  const auto& a = (*d)->actions()[static_cast<size_t>((*d)->FindAction("192"))];
  EXPECT_EQ(a.info.effect, ControlEffect::kCaptures);
  EXPECT_FALSE(a.info.plover.empty());
  EXPECT_FALSE(a.info.acled_type.empty());
}

TEST(DictionaryTest, MissingFolderIsNotFound) {
  DictionarySource src;
  EXPECT_EQ(LoadDictionaryDir("/nonexistent/dict", &src).kind(), ErrorKind::kNotFound);
}

}  // namespace
}  // namespace sitrep::coder
