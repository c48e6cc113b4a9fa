#include "sitrep/date.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(DateTest, ParsesAndFormats) {
  auto d = Date::Parse("2021-08-13");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->year(), 2021);
  EXPECT_EQ(d->month(), 8u);
  EXPECT_EQ(d->day(), 13u);
  EXPECT_EQ(d->ToString(), "2021-08-13");
  EXPECT_EQ(d->weekday(), 5u);  // a Friday
  EXPECT_EQ(d->AddDays(-1).weekday(), 4u);
  EXPECT_EQ(d->AddDays(19).ToString(), "2021-09-01");
}

TEST(DateTest, RefusesBadDates) {
  for (const char* bad : {"", "2021-8-13", "2021-02-30", "2021-13-01", "13/08/2021", "abcd-ef-gh"}) {
    auto d = Date::Parse(bad);
    EXPECT_FALSE(d.ok()) << bad;
    EXPECT_EQ(d.status().kind(), ErrorKind::kBadDate);
  }
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
}

TEST(DateTest, InvalidSortsFirst) {
  Date none;
  EXPECT_FALSE(none.IsValid());
  EXPECT_LT(none, Date::FromYmd(1900, 1, 1));
  EXPECT_EQ(none.ToString(), "");
  EXPECT_EQ(DaysBetween(Date::FromYmd(2021, 8, 6), Date::FromYmd(2021, 8, 15)), 9);
}

TEST(DateTest, PrecisionNames) {
  EXPECT_EQ(DatePrecisionName(DatePrecision::kApprox), "approx");
  EXPECT_EQ(*ParseDatePrecision("week"), DatePrecision::kWeek);
  EXPECT_FALSE(ParseDatePrecision("fortnight").ok());
}

}  // namespace
}  // namespace sitrep
