#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "picture/control_rules.h"
#include "sitrep/picture.h"

namespace sitrep {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string ProfilePath(const std::string& name) {
  return std::string(SITREP_SOURCE_DIR) + "/data/profiles/" + name + ".profile";
}

class ProfileFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sitrep-profile-test-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& text, const std::string& name = "test.profile") {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::filesystem::path dir_;
};

TEST(ShippedProfilesTest, AfghanistanNamesItsSidesAndDefaultHolder) {
  auto p = LoadConflictProfile(ProfilePath("afghanistan-2021"));
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->name, "afghanistan-2021");
  EXPECT_THAT(p->countries, ElementsAre("AF"));
  EXPECT_EQ(p->default_holder, "Afghan government");
  EXPECT_EQ(p->capital, "Kabul");
  EXPECT_EQ(p->major_city_population, 100000);
  ASSERT_EQ(p->sides.size(), 2u);
  EXPECT_EQ(p->sides[0].front(), "Afghan government");
  EXPECT_THAT(p->sides[1], ElementsAre("Taliban"));
  SideMap sides(p->sides);
  for (const char* name : {"Afghan government forces", "Afghan police", "Afghan air force"}) {
    EXPECT_EQ(sides.SideOf(name), "Afghan government") << name;
  }
}

TEST(ShippedProfilesTest, EveryProfileLoadsWithItsCanonicalActors) {
  struct Want {
    const char* profile;
    const char* country;
    std::vector<std::pair<const char*, const char*>> actor_side;
  };
  std::vector<Want> wants = {
      {"syria",
       "SY",
       {{"Syrian government", "Syrian government"},
        {"Syrian government forces", "Syrian government"},
        {"Syrian rebels", "Syrian rebels"},
        {"Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"},
        {"Islamic State", "Islamic State"},
        {"Syrian Democratic Forces", "Syrian Democratic Forces"}}},
      {"ukraine-2022",
       "UA",
       {{"Ukraine", "Ukraine"},
        {"Ukrainian forces", "Ukraine"},
        {"Russia", "Russia"},
        {"Russian forces", "Russia"},
        {"Wagner Group", "Russia"}}},
      {"sudan-2023",
       "SD",
       {{"Sudanese Armed Forces", "Sudanese Armed Forces"},
        {"Sudanese government", "Sudanese Armed Forces"},
        {"Rapid Support Forces", "Rapid Support Forces"}}},
  };
  for (const auto& w : wants) {
    auto p = LoadConflictProfile(ProfilePath(w.profile));
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    EXPECT_EQ(p->name, w.profile);
    EXPECT_THAT(p->countries, ElementsAre(w.country));
    EXPECT_FALSE(p->default_holder.empty());
    EXPECT_FALSE(p->capital.empty());
    EXPECT_GE(p->sides.size(), 2u);
    SideMap sides(p->sides);
    for (const auto& [actor, side] : w.actor_side) {
      EXPECT_EQ(sides.SideOf(actor), side) << w.profile << ": " << actor;
    }
  }
}

TEST_F(ProfileFileTest, InlineAndBlockListsAndComments) {
  auto p =
      LoadConflictProfile(Write("# a comment\r\n"
                                "countries: ua, MD\r\n"
                                "default_holder: Blue forces\r\n"
                                "\r\n"
                                "side: Blue, Blue forces\r\n"
                                "side:\r\n"
                                "  - Red\r\n"
                                "    # an indented comment\r\n"
                                "  - Red army\r\n"
                                "major_city_population: 250000\r\n",
                                "custom.profile"));
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->name, "custom");  // from the file name
  EXPECT_EQ(p->title, "custom");
  EXPECT_THAT(p->countries, ElementsAre("UA", "MD"));
  ASSERT_EQ(p->sides.size(), 2u);
  EXPECT_THAT(p->sides[0], ElementsAre("Blue", "Blue forces"));
  EXPECT_THAT(p->sides[1], ElementsAre("Red", "Red army"));
  EXPECT_EQ(p->major_city_population, 250000);
}

TEST_F(ProfileFileTest, ErrorsNameTheFileAndLine) {
  struct Case {
    const char* text;
    int line;
    const char* says;
  };
  std::vector<Case> cases = {
      {"countries: AF\nholder: X\n", 2, "unknown key"},
      {"countries: AF\nname: a\n  - stray\n", 3, "no list key"},
      {"name: a\n- item\n", 2, "no list key"},
      {"countries: AF\nname: a\nname: b\n", 3, "given twice"},
      {"countries: AF\njust words\n", 2, "key: value"},
      {"countries: AF\nmajor_city_population: lots\n", 2, "whole number"},
      {"countries: AF\nmajor_city_population: -5\n", 2, "whole number"},
      {"countries: AFG\n", 1, "alpha-2"},
      {"name: x\n", 1, "countries"},
      {"countries: AF\nside: A\nside: B, a\n", 3, "two sides"},
      {"countries: AF\ndefault_holder: Z\nside: A\nside: B\n", 2, "not a name of any side"},
      {"countries: AF\ncapital:\n", 2, "no value"},
      {"countries: AF\nname: x\n   title: indented\n", 3, "indented"},
      {"countries: AF\nside:\n", 2, "no names"},
  };
  for (const auto& c : cases) {
    std::string path = Write(c.text);
    auto p = LoadConflictProfile(path);
    ASSERT_FALSE(p.ok()) << c.text;
    EXPECT_EQ(p.status().kind(), ErrorKind::kInvalidInput) << c.text;
    EXPECT_EQ(p.status().input(), path + ":" + std::to_string(c.line)) << c.text;
    EXPECT_THAT(p.status().message(), HasSubstr(c.says)) << c.text;
  }
}

TEST_F(ProfileFileTest, AMissingFileIsNotFound) {
  auto p = LoadConflictProfile((dir_ / "nope.profile").string());
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().kind(), ErrorKind::kNotFound);
}

TEST(EmptyProfileTest, HasNoDefaultHolder) {
  ConflictProfile p = EmptyProfile();
  EXPECT_TRUE(p.default_holder.empty());
  EXPECT_TRUE(p.countries.empty());
  EXPECT_TRUE(p.sides.empty());
}

}  // namespace
}  // namespace sitrep
