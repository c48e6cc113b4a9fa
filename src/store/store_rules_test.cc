#include "store/store_rules.h"

#include <gtest/gtest.h>

namespace sitrep::store {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

TEST(FoldCaseTest, FoldsUnicodeCase) {
  EXPECT_EQ(FoldCase("Taliban"), FoldCase("TALIBAN"));
  EXPECT_EQ(FoldCase("HERĀT"), FoldCase("herāt"));
  EXPECT_EQ(FoldCase("Київ"), FoldCase("КИЇВ"));
  EXPECT_NE(FoldCase("Herat"), FoldCase("Herāt"));
  // Decomposed and composed forms fold alike.
  EXPECT_EQ(FoldCase("He\xCC\x81rat"), FoldCase("H\xC3\xA9rat"));
  // Not UTF-8: ASCII folding only, no failure.
  EXPECT_EQ(FoldCase("AB\xFF"), "ab\xFF");
}

TEST(DateInRangeTest, BoundsAreInclusiveAndMayBeOpen) {
  EXPECT_TRUE(DateInRange(D("2021-08-12"), D("2021-08-12"), D("2021-08-12")));
  EXPECT_FALSE(DateInRange(D("2021-08-11"), D("2021-08-12"), Date()));
  EXPECT_TRUE(DateInRange(D("2021-08-11"), Date(), D("2021-08-11")));
  EXPECT_FALSE(DateInRange(D("2021-08-13"), Date(), D("2021-08-12")));
  EXPECT_TRUE(DateInRange(Date(), Date(), Date()));
  EXPECT_FALSE(DateInRange(Date(), Date(), D("2021-08-12")));
  EXPECT_FALSE(DateInRange(Date(), D("2021-08-12"), Date()));
}

TEST(IntervalCoversTest, FromInclusiveToExclusive) {
  ControlInterval c;
  c.from = D("2021-08-01");
  c.to = D("2021-08-12");
  EXPECT_FALSE(IntervalCovers(c, D("2021-07-31")));
  EXPECT_TRUE(IntervalCovers(c, D("2021-08-01")));
  EXPECT_TRUE(IntervalCovers(c, D("2021-08-11")));
  EXPECT_FALSE(IntervalCovers(c, D("2021-08-12")));
  c.from = Date();
  EXPECT_TRUE(IntervalCovers(c, D("1900-01-01")));
  c.to = Date();
  EXPECT_TRUE(IntervalCovers(c, D("2100-01-01")));
}

TEST(ChecksTest, RefuseBadInput) {
  Report r;
  r.text = "abc";
  EXPECT_EQ(CheckReport(r, {}, {}).kind(), ErrorKind::kInvalidArgument);
  r.id = "x";
  EXPECT_TRUE(CheckReport(r, {{0, 3}}, {}).ok());
  EXPECT_EQ(CheckReport(r, {{0, 4}}, {}).kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(CheckReport(r, {{2, 1}}, {}).kind(), ErrorKind::kInvalidArgument);

  Event e;
  EXPECT_EQ(CheckEvent(e).kind(), ErrorKind::kInvalidArgument);
  e.id = "e";
  e.sources.push_back({});
  EXPECT_EQ(CheckEvent(e).kind(), ErrorKind::kInvalidArgument);

  ControlInterval c;
  c.from = D("2021-08-02");
  c.to = D("2021-08-02");
  EXPECT_EQ(CheckControl(5, {c}).kind(), ErrorKind::kInvalidArgument);
  c.to = D("2021-08-03");
  EXPECT_TRUE(CheckControl(5, {c}).ok());
  c.geonameid = 6;
  EXPECT_EQ(CheckControl(5, {c}).kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(CheckControl(0, {}).kind(), ErrorKind::kInvalidArgument);
}

TEST(UtcNowTest, IsIso8601) {
  std::string now = UtcNowIso8601();
  ASSERT_EQ(now.size(), 20u);
  EXPECT_EQ(now[4], '-');
  EXPECT_EQ(now[10], 'T');
  EXPECT_EQ(now.back(), 'Z');
  EXPECT_TRUE(Date::Parse(now.substr(0, 10)).ok());
}

}  // namespace
}  // namespace sitrep::store
