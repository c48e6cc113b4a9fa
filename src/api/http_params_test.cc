#include "api/http_params.h"

#include <gtest/gtest.h>

namespace sitrep::api {
namespace {

TEST(QueryParamsTest, DecodesPairsEscapesAndPlus) {
  auto p = QueryParams::Parse("place=Lashkar+Gah&actor=Afghan%20army&x=%C3%A9t%C3%A9");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->Get("place"), "Lashkar Gah");
  EXPECT_EQ(p->Get("actor"), "Afghan army");
  EXPECT_EQ(p->Get("x"), "\xC3\xA9t\xC3\xA9");
  EXPECT_FALSE(p->Get("missing").has_value());
}

TEST(QueryParamsTest, EmptyValuesCountAsAbsentAndEmptyPairsAreSkipped) {
  auto p = QueryParams::Parse("since=&&until=2021-08-13&flag");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_FALSE(p->Has("since"));
  EXPECT_FALSE(p->Has("flag"));
  EXPECT_EQ(p->Get("until"), "2021-08-13");
  EXPECT_TRUE(QueryParams::Parse("").ok());
}

TEST(QueryParamsTest, RefusesBadEscapesInvalidUtf8AndControlCharacters) {
  for (const char* bad :
       {"a=%", "a=%4", "a=%zz", "a=%C3", "a=%00", "a=%0A", "a=%FF%FE", "%ED%A0%80=1", "a=%C0%AF"}) {
    auto p = QueryParams::Parse(bad);
    EXPECT_FALSE(p.ok()) << bad;
    if (!p.ok()) {
      EXPECT_EQ(p.status().kind(), ErrorKind::kInvalidArgument) << bad;
    }
  }
}

TEST(QueryParamsTest, RefusesRepeatsNamelessPairsAndTooManyOrTooLong) {
  auto twice = QueryParams::Parse("since=2021-01-01&since=2021-02-01");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("more than once"), std::string::npos);
  EXPECT_FALSE(QueryParams::Parse("=1").ok());

  ParamLimits limits;
  limits.max_params = 3;
  EXPECT_TRUE(QueryParams::Parse("a=1&b=2&c=3", limits).ok());
  EXPECT_FALSE(QueryParams::Parse("a=1&b=2&c=3&d=4", limits).ok());

  limits.max_query_bytes = 10;
  auto long_query = QueryParams::Parse("a=123456789", limits);
  ASSERT_FALSE(long_query.ok());
  EXPECT_EQ(long_query.status().kind(), ErrorKind::kTooLarge);
}

TEST(QueryParamsTest, CheckAllowedNamesTheUnknownParameterAndTheKnownOnes) {
  auto p = QueryParams::Parse("sinse=2021-08-01");
  ASSERT_TRUE(p.ok());
  Status s = p->CheckAllowed({"since", "until"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.kind(), ErrorKind::kInvalidArgument);
  EXPECT_NE(s.message().find("sinse"), std::string::npos);
  EXPECT_NE(s.message().find("since, until"), std::string::npos);
  EXPECT_EQ(s.input(), "sinse=2021-08-01");
  EXPECT_TRUE(p->CheckAllowed({"sinse"}).ok());
}

TEST(QueryParamsTest, CanonicalIsOrderAndEscapingIndependent) {
  auto a = QueryParams::Parse("kind=city&as_of=2021-08-13&holder=Taliban+x");
  auto b = QueryParams::Parse("holder=Taliban%20x&as_of=2021-08-13&kind=city&empty=");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Canonical(), b->Canonical());
  EXPECT_EQ(a->Canonical(), "as_of=2021-08-13&holder=Taliban%20x&kind=city");
  // '&' and '=' inside values cannot fake another parameter in the key.
  auto c = QueryParams::Parse("holder=a%26kind%3Dcity");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->Canonical(), QueryParams::Parse("holder=a&kind=city")->Canonical());
}

TEST(DecodePathSegmentTest, DecodesAndRefuses) {
  EXPECT_EQ(*DecodePathSegment("abc%2Fdef"), "abc/def");
  EXPECT_EQ(*DecodePathSegment("a+b"), "a+b");  // '+' is literal in paths
  EXPECT_FALSE(DecodePathSegment("%").ok());
  EXPECT_FALSE(DecodePathSegment("%0d%0a").ok());
}

TEST(Utf8Test, AcceptsValidAndRefusesInvalid) {
  EXPECT_TRUE(IsValidUtf8("Her\xC4\x81t \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\x80"));
}

TEST(ParseDateParamTest, StrictIsoDates) {
  auto d = ParseDateParam("as_of", "2021-08-13");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToString(), "2021-08-13");
  for (const char* bad :
       {"2021-8-13", "2021-02-30", "13/08/2021", "2021-08-13T00:00", "yesterday"}) {
    auto r = ParseDateParam("as_of", bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().kind(), ErrorKind::kBadDate);
    EXPECT_EQ(r.status().input(), std::string("as_of=") + bad);
    EXPECT_EQ(r.status().message().rfind("as_of: ", 0), 0u) << r.status().message();
  }
}

TEST(ParseWindowParamTest, DaysWeeksAndBareNumbers) {
  EXPECT_EQ(*ParseWindowParam("window", "8d", 1000), 8);
  EXPECT_EQ(*ParseWindowParam("window", "8D", 1000), 8);
  EXPECT_EQ(*ParseWindowParam("window", "2w", 1000), 14);
  EXPECT_EQ(*ParseWindowParam("window", "30", 1000), 30);
  EXPECT_EQ(*ParseWindowParam("window", "1000", 1000), 1000);
  for (const char* bad :
       {"", "0d", "-1d", "d", "8x", "1.5d", " 8d", "1001", "143w", "99999999999999999999d"}) {
    EXPECT_FALSE(ParseWindowParam("window", bad, 1000).ok()) << bad;
  }
  auto months = ParseWindowParam("window", "1m", 1000);
  ASSERT_FALSE(months.ok());
  EXPECT_NE(months.status().message().find("days"), std::string::npos);
}

TEST(ParseIntParamTest, Bounds) {
  EXPECT_EQ(*ParseIntParam("limit", "10", 1, 100), 10);
  EXPECT_EQ(*ParseIntParam("n", "-5", -10, 10), -5);
  for (const char* bad : {"0", "101", "-1", "+5", "1e3", "5 ", "", "9999999999999999999999"}) {
    EXPECT_FALSE(ParseIntParam("limit", bad, 1, 100).ok()) << bad;
  }
}

TEST(ParseDistanceKmParamTest, NumbersWithOptionalUnit) {
  EXPECT_DOUBLE_EQ(*ParseDistanceKmParam("radius", "150", 20000), 150);
  EXPECT_DOUBLE_EQ(*ParseDistanceKmParam("radius", "12.5km", 20000), 12.5);
  EXPECT_DOUBLE_EQ(*ParseDistanceKmParam("radius", "0", 20000), 0);
  for (const char* bad : {"-1", "nan", "inf", "1e5", "km", "20001", "1.2.3", ".", "5 km"}) {
    EXPECT_FALSE(ParseDistanceKmParam("radius", bad, 20000).ok()) << bad;
  }
}

TEST(ParseKindParamTest, NamesCaseAndUnderscores) {
  EXPECT_EQ(*ParseKindParam("kind", "provincial-capital"), PlaceKind::kProvincialCapital);
  EXPECT_EQ(*ParseKindParam("kind", "Provincial_Capital"), PlaceKind::kProvincialCapital);
  EXPECT_EQ(*ParseKindParam("kind", "city"), PlaceKind::kCity);
  auto bad = ParseKindParam("kind", "castle");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("provincial-capital"), std::string::npos);
  EXPECT_FALSE(ParseKindParam("kind", "unknown").ok());
}

TEST(ParseOtherParamsTest, ClaimFamilyTextBoolFormat) {
  EXPECT_EQ(*ParseClaimParam("claim", "Claimed"), ClaimStatus::kClaimed);
  EXPECT_FALSE(ParseClaimParam("claim", "rumoured").ok());

  EXPECT_EQ(*ParseFamilyParam("family", "19"), "19");
  EXPECT_EQ(*ParseFamilyParam("family", "0874"), "0874");
  for (const char* bad : {"1", "19201", "1a", "%"})
    EXPECT_FALSE(ParseFamilyParam("family", bad).ok());

  EXPECT_EQ(*ParseTextParam("place", "  Herat ", 10), "Herat");
  EXPECT_FALSE(ParseTextParam("place", "   ", 10).ok());
  EXPECT_FALSE(ParseTextParam("place", "abcdefghijk", 10).ok());

  EXPECT_TRUE(*ParseBoolParam("b", "TRUE"));
  EXPECT_FALSE(*ParseBoolParam("b", "0"));
  EXPECT_FALSE(ParseBoolParam("b", "maybe").ok());

  EXPECT_EQ(*ParseFormatParam("format", "GeoJSON", {OutputFormat::kJson, OutputFormat::kGeoJson}),
            OutputFormat::kGeoJson);
  auto csv = ParseFormatParam("format", "csv", {OutputFormat::kJson, OutputFormat::kGeoJson});
  ASSERT_FALSE(csv.ok());
  EXPECT_NE(csv.status().message().find("json, geojson"), std::string::npos);
}

TEST(ParseEventFilterTest, AllFilters) {
  auto p = QueryParams::Parse(
      "since=2021-08-01&until=2021-08-13&place=Herat&actor=Taliban&family=19&claim=claimed&"
      "min_corroboration=2&limit=50");
  ASSERT_TRUE(p.ok());
  auto f = ParseEventFilter(*p, ParamLimits{}, 1000);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->since.ToString(), "2021-08-01");
  EXPECT_EQ(f->until.ToString(), "2021-08-13");
  EXPECT_EQ(f->place, "Herat");
  EXPECT_EQ(f->actor, "Taliban");
  EXPECT_EQ(f->family, "19");
  EXPECT_EQ(f->claim, ClaimStatus::kClaimed);
  EXPECT_EQ(f->min_corroboration, 2);
  EXPECT_EQ(f->limit, 50u);
}

TEST(ParseEventFilterTest, DefaultsAndErrors) {
  auto empty = QueryParams::Parse("");
  auto f = ParseEventFilter(*empty, ParamLimits{}, 1000);
  ASSERT_TRUE(f.ok());
  EXPECT_FALSE(f->since.IsValid());
  EXPECT_EQ(f->limit, 1000u);

  auto reversed = QueryParams::Parse("since=2021-08-13&until=2021-08-01");
  auto r = ParseEventFilter(*reversed, ParamLimits{}, 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("before"), std::string::npos);

  ParamLimits limits;
  limits.max_limit = 10;
  auto over = QueryParams::Parse("limit=11");
  EXPECT_FALSE(ParseEventFilter(*over, limits, 5).ok());
}

TEST(EchoTest, LongValuesAreCutAtACharacterBoundary) {
  std::string value = "2021-" + std::string(200, 'x') + "\xC3\xA9";
  auto r = ParseDateParam("as_of", value);
  ASSERT_FALSE(r.ok());
  EXPECT_LT(r.status().input().size(), 140u);
  EXPECT_TRUE(IsValidUtf8(r.status().input()));

  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "\xC3\xA9";
  auto k = ParseKindParam("kind", accents);
  ASSERT_FALSE(k.ok());
  EXPECT_TRUE(IsValidUtf8(k.status().input()));
}

}  // namespace
}  // namespace sitrep::api
