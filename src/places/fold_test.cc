#include "places/fold.h"

#include <gtest/gtest.h>

#include "sitrep/gazetteer.h"

namespace sitrep::places {
namespace {

TEST(FoldNameTest, CaseDiacriticsAndSeparators) {
  EXPECT_EQ(FoldName("Herāt"), "herat");
  EXPECT_EQ(FoldName("  Mazar-e-Sharif "), "mazar e sharif");
  EXPECT_EQ(FoldName("Lashkar  Gāh"), "lashkar gah");
  EXPECT_EQ(FoldName("Afghanistan´s"), "afghanistan s");
  EXPECT_EQ(FoldName("Khalilzad’s"), "khalilzad s");
  EXPECT_EQ(FoldName("Khalilzad‘s"), "khalilzad s");
  EXPECT_EQ(FoldName("N'Djamena"), "n djamena");
  EXPECT_EQ(FoldName("Kramatorsʼk"), "kramators k");
  EXPECT_EQ(FoldName("Łódź"), "lodz");
  EXPECT_EQ(FoldName("Tromsø"), "tromso");
  EXPECT_EQ(FoldName("Doʻha"), "doha");
  EXPECT_EQ(FoldName("Ḩalab"), "halab");
  EXPECT_EQ(FoldName("Sant Julià de Lòria"), "sant julia de loria");
  EXPECT_EQ(FoldName("St. Louis"), "st louis");
  EXPECT_EQ(FoldName("ﬁnal"), "final");  // compatibility ligature
  EXPECT_EQ(FoldName(""), "");
  EXPECT_EQ(FoldName("--"), "");
}

TEST(FoldNameTest, KeepsNonLatinLetters) {
  EXPECT_EQ(FoldName("Кабул"), "кабул");
  EXPECT_FALSE(FoldName("كابل").empty());
}

TEST(FoldNameTest, InvalidUtf8DoesNotCrash) {
  std::string bad =
      "Her\xff"
      "at";
  EXPECT_EQ(FoldName(bad), "her at");
}

TEST(VariantKeyTest, VowelAndConnectorVariantsMeet) {
  EXPECT_EQ(VariantKey(FoldName("Mazar-e-Sharif")), VariantKey(FoldName("Mazar-i-Sharif")));
  EXPECT_EQ(VariantKey(FoldName("Pul-e Khumri")), VariantKey(FoldName("Pol-e Khomri")));
  EXPECT_EQ(VariantKey(FoldName("Sar-e Pol")), VariantKey(FoldName("Sar-i-Pul")));
  EXPECT_EQ(VariantKey(FoldName("Taluqan")), VariantKey(FoldName("Taloqan")));
  EXPECT_EQ(VariantKey(FoldName("Lashkargah")), VariantKey(FoldName("Lashkar Gah")));
  EXPECT_EQ(VariantKey(FoldName("Uruzgan")), VariantKey(FoldName("Oruzgan")));
  EXPECT_EQ(VariantKey(FoldName("Al-Hasakah")), VariantKey(FoldName("Hasakah")));
  EXPECT_EQ(VariantKey(FoldName("Hamah")), VariantKey(FoldName("Hama")));
  EXPECT_EQ(VariantKey("mazar i sharif"), "mzrshrf");
  EXPECT_NE(VariantKey(FoldName("Herat")), VariantKey(FoldName("Kabul")));
}

TEST(TokenHashTest, SequenceHashMatchesFoldedName) {
  uint64_t h =
      CombineTokenHash(CombineTokenHash(kSequenceSeed, TokenHash("lashkar")), TokenHash("gah"));
  EXPECT_EQ(h, FoldedNameHash("lashkar gah"));
  EXPECT_NE(FoldedNameHash("lashkar gah"), FoldedNameHash("gah lashkar"));
}

TEST(DistanceTest, GeodesicKilometres) {
  // Ghazni -> Kabul (GeoNames coordinates).
  double km = DistanceKm(33.55391, 68.42096, 34.52813, 69.17233);
  EXPECT_GT(km, 120);
  EXPECT_LT(km, 135);
  EXPECT_DOUBLE_EQ(DistanceKm(10, 20, 10, 20), 0.0);
  // A quarter meridian is about 10,002 km on WGS84.
  EXPECT_NEAR(DistanceKm(0, 0, 90, 0), 10001.97, 0.1);
}

}  // namespace
}  // namespace sitrep::places
