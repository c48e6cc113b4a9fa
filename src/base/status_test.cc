#include "sitrep/status.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return Status(ErrorKind::kInvalidArgument, "odd", std::to_string(n));
  return n / 2;
}

Result<int> Quarter(int n) {
  SITREP_ASSIGN_OR_RETURN(int h, Half(n));
  return Half(h);
}

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, CarriesKindMessageAndInput) {
  Status s(ErrorKind::kInvalidUtf8, "invalid UTF-8", "a.txt:17");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.kind(), ErrorKind::kInvalidUtf8);
  EXPECT_EQ(s.ToString(), "a.txt:17: invalid UTF-8");
  EXPECT_EQ(ErrorKindName(s.kind()), "invalid_utf8");
  EXPECT_EQ(s.WithContext("dir").input(), "dir:a.txt:17");
}

TEST(StatusTest, ResultPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().input(), "3");
}

}  // namespace
}  // namespace sitrep
