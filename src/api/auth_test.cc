#include "api/auth.h"

#include <gtest/gtest.h>
#include <stdlib.h>  // setenv, unsetenv

#include <filesystem>
#include <fstream>

namespace sitrep::api {
namespace {

class TokenEnv : public ::testing::Test {
 protected:
  void SetUp() override {
    unsetenv("SITREP_TOKEN");
    dir_ =
        std::filesystem::temp_directory_path() /
        ("sitrep_auth_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    setenv("SITREP_TOKEN_FILE", (dir_ / "token").c_str(), 1);
  }
  void TearDown() override {
    unsetenv("SITREP_TOKEN");
    unsetenv("SITREP_TOKEN_FILE");
    std::filesystem::remove_all(dir_);
  }
  void WriteTokenFile(const std::string& text) { std::ofstream(dir_ / "token") << text; }
  std::filesystem::path dir_;
};

TEST(ConstantTimeEqualsTest, ComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abcdef", "abcdef"));
  EXPECT_FALSE(ConstantTimeEquals("abcdef", "abcdeg"));
  EXPECT_FALSE(ConstantTimeEquals("abcdef", "abcde"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(BearerMatchesTest, SchemeAndToken) {
  const std::string token = "0123456789abcdefXYZ";
  EXPECT_TRUE(BearerMatches("Bearer 0123456789abcdefXYZ", token));
  EXPECT_TRUE(BearerMatches("bearer 0123456789abcdefXYZ", token));
  EXPECT_TRUE(BearerMatches("BEARER   0123456789abcdefXYZ ", token));
  EXPECT_FALSE(BearerMatches("Bearer 0123456789abcdefXY", token));
  EXPECT_FALSE(BearerMatches("Basic 0123456789abcdefXYZ", token));
  EXPECT_FALSE(BearerMatches("0123456789abcdefXYZ", token));
  EXPECT_FALSE(BearerMatches("Bearer ", token));
  EXPECT_FALSE(BearerMatches("", token));
  // No token configured: nothing matches, not even an empty bearer.
  EXPECT_FALSE(BearerMatches("Bearer ", ""));
  EXPECT_FALSE(BearerMatches("Bearer x", ""));
}

TEST_F(TokenEnv, OptionWinsOverEnvironmentAndFile) {
  setenv("SITREP_TOKEN", "environment-token-123456", 1);
  WriteTokenFile("file-token-1234567890\n");
  auto t = ResolveToken("option-token-1234567890");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->token, "option-token-1234567890");
  EXPECT_EQ(t->source, "option");
}

TEST_F(TokenEnv, EnvironmentWinsOverFile) {
  setenv("SITREP_TOKEN", "environment-token-123456", 1);
  WriteTokenFile("file-token-1234567890\n");
  auto t = ResolveToken("");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->token, "environment-token-123456");
  EXPECT_NE(t->source.find("SITREP_TOKEN"), std::string::npos);
}

TEST_F(TokenEnv, FileFirstLineTrimmed) {
  WriteTokenFile("  file-token-1234567890  \nsecond line\n");
  auto t = ResolveToken("");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->token, "file-token-1234567890");
  EXPECT_EQ(t->source, (dir_ / "token").string());
}

TEST_F(TokenEnv, NoTokenAnywhereIsNotAnError) {
  auto t = ResolveToken("");
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t->token.empty());
  EXPECT_TRUE(t->source.empty());
}

TEST_F(TokenEnv, ShortOrSpacedTokensAreRefusedNamingTheSource) {
  auto short_option = ResolveToken("short");
  ASSERT_FALSE(short_option.ok());
  EXPECT_EQ(short_option.status().input(), "option");
  auto spaced = ResolveToken("has a space in the middle");
  EXPECT_FALSE(spaced.ok());
  WriteTokenFile("tooshort\n");
  auto from_file = ResolveToken("");
  ASSERT_FALSE(from_file.ok());
  EXPECT_EQ(from_file.status().input(), (dir_ / "token").string());
}

}  // namespace
}  // namespace sitrep::api
