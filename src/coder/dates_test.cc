#include "coder/dates.h"

#include <gtest/gtest.h>

namespace sitrep::coder {
namespace {

const Date kFri = Date::FromYmd(2021, 8, 13);  // a Friday

std::vector<DateMention> Find(std::string_view text, Date pub = kFri,
                              std::vector<DurationMention>* durations = nullptr) {
  TokenizedText t;
  Tokenize(text, nullptr, &t);
  std::vector<DateMention> out;
  std::vector<DurationMention> dur;
  FindDates(t, 0, static_cast<uint32_t>(t.tokens.size()), pub, {}, &out,
            durations != nullptr ? durations : &dur);
  return out;
}

Date One(std::string_view text, DatePrecision want = DatePrecision::kDay, Date pub = kFri) {
  auto v = Find(text, pub);
  EXPECT_EQ(v.size(), 1u) << text;
  if (v.empty()) return Date();
  EXPECT_EQ(v[0].precision, want) << text;
  return v[0].date;
}

TEST(DatesTest, Weekdays) {
  EXPECT_EQ(One("on Thursday"), Date::FromYmd(2021, 8, 12));
  EXPECT_EQ(One("Wednesday evening"), Date::FromYmd(2021, 8, 11));
  EXPECT_EQ(One("on Friday"), kFri);
  EXPECT_EQ(One("last Friday"), Date::FromYmd(2021, 8, 6));
  EXPECT_EQ(One("late on Sunday"), Date::FromYmd(2021, 8, 8));
  EXPECT_TRUE(Find("the sun sat on wed").empty());
}

TEST(DatesTest, RelativeWords) {
  EXPECT_EQ(One("yesterday"), Date::FromYmd(2021, 8, 12));
  EXPECT_EQ(One("today"), kFri);
  EXPECT_EQ(One("last night"), Date::FromYmd(2021, 8, 12));
  EXPECT_EQ(One("overnight", DatePrecision::kApprox), Date::FromYmd(2021, 8, 12));
  EXPECT_EQ(One("earlier this week", DatePrecision::kWeek), Date::FromYmd(2021, 8, 9));
  EXPECT_EQ(One("last week", DatePrecision::kWeek), Date::FromYmd(2021, 8, 2));
  EXPECT_EQ(One("last month", DatePrecision::kMonth), Date::FromYmd(2021, 7, 1));
  EXPECT_EQ(One("three days ago"), Date::FromYmd(2021, 8, 10));
}

TEST(DatesTest, ExplicitDates) {
  EXPECT_EQ(One("on Aug. 12"), Date::FromYmd(2021, 8, 12));
  EXPECT_EQ(One("12 August"), Date::FromYmd(2021, 8, 12));
  EXPECT_EQ(One("August 12, 2021"), Date::FromYmd(2021, 8, 12));
  EXPECT_EQ(One("on 30 August 2020"), Date::FromYmd(2020, 8, 30));
  EXPECT_EQ(One("on the 12th"), Date::FromYmd(2021, 8, 12));
  EXPECT_EQ(One("on the 20th"), Date::FromYmd(2021, 7, 20));   // after the report: last month
  EXPECT_EQ(One("December 25"), Date::FromYmd(2020, 12, 25));  // year-less, not in the future
  EXPECT_EQ(One("in May", DatePrecision::kMonth), Date::FromYmd(2021, 5, 1));
  EXPECT_EQ(One("since early June", DatePrecision::kMonth), Date::FromYmd(2021, 6, 1));
  EXPECT_EQ(One("since November 2012", DatePrecision::kMonth), Date::FromYmd(2012, 11, 1));
  EXPECT_TRUE(Find("He may go").empty());
  EXPECT_TRUE(Find("February 30").empty());
}

TEST(DatesTest, Durations) {
  std::vector<DurationMention> d;
  Find("besieged for weeks", kFri, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].days, 14);
  EXPECT_EQ(d[0].precision, DatePrecision::kWeek);
  d.clear();
  Find("for three months", kFri, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].days, 90);
  d.clear();
  Find("for the past 10 days", kFri, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].days, 10);
}

TEST(DatesTest, NumberWords) {
  double v = 0;
  EXPECT_TRUE(ParseNumberToken("3,000", &v));
  EXPECT_EQ(v, 3000);
  EXPECT_TRUE(ParseNumberToken("twelve", &v));
  EXPECT_EQ(v, 12);
  EXPECT_TRUE(ParseNumberToken("1.5", &v));
  EXPECT_EQ(v, 1.5);
  EXPECT_FALSE(ParseNumberToken("12th", &v));
  EXPECT_FALSE(ParseNumberToken("troops", &v));
}

}  // namespace
}  // namespace sitrep::coder
