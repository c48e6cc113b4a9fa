#include "text/published_date.h"

#include <gtest/gtest.h>

#include <string>

namespace sitrep {
namespace {

std::string Parsed(std::string_view s) {
  Result<Date> d = ParsePublishedDate(s);
  return d.ok() ? d->ToString() : "error: " + d.status().ToString();
}

TEST(ParsePublishedDateTest, IsoDate) {
  EXPECT_EQ(Parsed("2021-08-13"), "2021-08-13");
  EXPECT_EQ(Parsed("  2022-02-24 "), "2022-02-24");
}

TEST(ParsePublishedDateTest, IsoDateTimeTakesTheDatePart) {
  EXPECT_EQ(Parsed("2021-08-13T09:30:00Z"), "2021-08-13");
  EXPECT_EQ(Parsed("2021-08-13T23:30:00-05:00"), "2021-08-13");
  EXPECT_EQ(Parsed("2021-08-13 09:30"), "2021-08-13");
}

TEST(ParsePublishedDateTest, WrittenForms) {
  EXPECT_EQ(Parsed("13 August 2021"), "2021-08-13");
  EXPECT_EQ(Parsed("August 13, 2021"), "2021-08-13");
  EXPECT_EQ(Parsed("Aug. 13, 2021"), "2021-08-13");
  EXPECT_EQ(Parsed("Aug 13 2021"), "2021-08-13");
  EXPECT_EQ(Parsed("13th Aug 2021"), "2021-08-13");
  EXPECT_EQ(Parsed("Sept. 1, 2023"), "2023-09-01");
  EXPECT_EQ(Parsed("february 24, 2022"), "2022-02-24");
  EXPECT_EQ(Parsed("1 MAY 2011"), "2011-05-01");
}

TEST(ParsePublishedDateTest, WeekdayAndTimeOfDayAreAllowed) {
  EXPECT_EQ(Parsed("Friday, 13 August 2021"), "2021-08-13");
  EXPECT_EQ(Parsed("Fri, Aug 13, 2021"), "2021-08-13");
  EXPECT_EQ(Parsed("August 13, 2021 10:30 AM"), "2021-08-13");
  EXPECT_EQ(Parsed("13 August 2021, 09:15 GMT"), "2021-08-13");
  EXPECT_EQ(Parsed("August 13, 2021 at 10:30"), "2021-08-13");
}

TEST(ParsePublishedDateTest, RefusesWhatItCannotRead) {
  for (const char* s : {"", "yesterday", "on Thursday", "08/13/2021", "13.08.2021", "2021",
                        "August 2021", "13 Augustus 2021", "2021-08-13garbage", "20210813",
                        "13 August 2021 and more words", "Aug 13"}) {
    Result<Date> d = ParsePublishedDate(s);
    ASSERT_FALSE(d.ok()) << s;
    EXPECT_EQ(d.status().kind(), ErrorKind::kBadDate) << s;
  }
}

TEST(ParsePublishedDateTest, RefusesDaysThatDoNotExist) {
  for (const char* s :
       {"2021-02-30", "31 April 2021", "February 29, 2021", "2021-13-01", "0 August 2021"}) {
    Result<Date> d = ParsePublishedDate(s);
    ASSERT_FALSE(d.ok()) << s;
    EXPECT_EQ(d.status().kind(), ErrorKind::kBadDate) << s;
  }
  EXPECT_EQ(Parsed("February 29, 2024"), "2024-02-29");
}

}  // namespace
}  // namespace sitrep
