#include "cli/app.h"

#include <gtest/gtest.h>

namespace sitrep::cli {
namespace {

TEST(ParseWindowTest, DaysWeeksMonths) {
  EXPECT_EQ(*ParseWindow("8d"), 8);
  EXPECT_EQ(*ParseWindow("8"), 8);
  EXPECT_EQ(*ParseWindow("2w"), 14);
  EXPECT_EQ(*ParseWindow("1m"), 30);
  for (const char* bad : {"", "d", "8x", "-3d", "999999d", "eight"}) {
    auto r = ParseWindow(bad);
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().kind(), ErrorKind::kInvalidArgument);
  }
}

TEST(ParseDateArgTest, IsoOrToday) {
  EXPECT_EQ(ParseDateArg("2021-08-13", "--as-of")->ToString(), "2021-08-13");
  EXPECT_EQ(*ParseDateArg("today", "--as-of"), Today());
  auto bad = ParseDateArg("13/08/2021", "--as-of");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().input(), "--as-of:13/08/2021");
  EXPECT_EQ(ExitCodeFor(bad.status()), kExitUsage);
}

}  // namespace
}  // namespace sitrep::cli
