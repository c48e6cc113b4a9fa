#include <gtest/gtest.h>

#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

Place MakePlace(int64_t id, std::string name, PlaceKind kind, std::string cc, double lat,
                double lon, int64_t pop, std::string admin1_code = {}) {
  Place p;
  p.geonameid = id;
  p.name = name;
  p.ascii_name = name;
  p.kind = kind;
  p.country = cc;
  p.admin1_code = admin1_code;
  p.lat = lat;
  p.lon = lon;
  p.population = pop;
  return p;
}

std::vector<Place> TestPlaces() {
  std::vector<Place> v;
  v.push_back(MakePlace(1138958, "Kabul", PlaceKind::kNationalCapital, "AF", 34.52813, 69.17233,
                        3043532, "AF.13"));
  v.push_back(MakePlace(1138336, "Kandahar", PlaceKind::kProvincialCapital, "AF", 31.61332,
                        65.71013, 391190, "AF.23"));
  v.back().name = "Kandahār";
  v.push_back(
      MakePlace(-23, "Kandahar", PlaceKind::kAdmin1, "AF", 31.61332, 65.71013, 500000, "AF.23"));
  v.push_back(MakePlace(1141269, "Ghazni", PlaceKind::kProvincialCapital, "AF", 33.55391, 68.42096,
                        141000, "AF.08"));
  v.push_back(MakePlace(1134720, "Lashkar Gah", PlaceKind::kProvincialCapital, "AF", 31.59382,
                        64.37161, 43934, "AF.10"));
  v.push_back(MakePlace(1133616, "Mazar-e Sharif", PlaceKind::kProvincialCapital, "AF", 36.70904,
                        67.11087, 303282, "AF.30"));
  v.push_back(
      MakePlace(-1, "Afghanistan", PlaceKind::kCountry, "AF", 34.52813, 69.17233, 30000000));
  v.push_back(MakePlace(294622, "Kabul", PlaceKind::kCity, "IL", 32.86856, 35.21171, 13000));
  v.push_back(MakePlace(5545269, "Price", PlaceKind::kCity, "US", 39.59941, -110.81071, 8500));
  return v;
}

TEST(MemoryGazetteerTest, LookupFoldsAndRanks) {
  auto g = MakeMemoryGazetteer(TestPlaces(), {{"Lashkar Gar", 1134720}});
  EXPECT_EQ(g->size(), 9u);
  auto kabul = g->Lookup("KABUL");
  ASSERT_EQ(kabul.size(), 2u);
  EXPECT_EQ(kabul[0]->geonameid, 1138958);  // the capital before the small town
  EXPECT_EQ(kabul[1]->country, "IL");
  auto kandahar = g->Lookup("Kandahār");
  ASSERT_EQ(kandahar.size(), 2u);
  EXPECT_EQ(kandahar[0]->kind, PlaceKind::kProvincialCapital);
  EXPECT_EQ(kandahar[1]->kind, PlaceKind::kAdmin1);
  auto province = g->Lookup("Kandahar Province");
  ASSERT_EQ(province.size(), 1u);
  EXPECT_EQ(province[0]->kind, PlaceKind::kAdmin1);
  ASSERT_EQ(g->Lookup("Lashkar Gar").size(), 1u);
  EXPECT_EQ(g->Lookup("lashkar-gar")[0]->geonameid, 1134720);
  EXPECT_TRUE(g->Lookup("Atlantis").empty());
}

TEST(MemoryGazetteerTest, VariantKeyIsAFallbackRankedLower) {
  auto g = MakeMemoryGazetteer(TestPlaces());
  auto c = g->Candidates("Mazar-i-Sharif");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].place->geonameid, 1133616);
  EXPECT_EQ(c[0].match, NameMatch::kVariant);
  auto exact = g->Candidates("Mazar-e-Sharif");
  ASSERT_EQ(exact.size(), 1u);
  EXPECT_EQ(exact[0].match, NameMatch::kName);
  EXPECT_GT(exact[0].prior, c[0].prior);
  // "X city" falls back to the settlements named X.
  auto city = g->Candidates("Kandahar city");
  ASSERT_EQ(city.size(), 1u);
  EXPECT_EQ(city[0].place->kind, PlaceKind::kProvincialCapital);
}

TEST(MemoryGazetteerTest, GetAdmin1Country) {
  auto g = MakeMemoryGazetteer(TestPlaces());
  ASSERT_NE(g->Get(1141269), nullptr);
  EXPECT_EQ(g->Get(1141269)->name, "Ghazni");
  EXPECT_EQ(g->Get(42), nullptr);
  ASSERT_NE(g->Admin1("AF.23"), nullptr);
  EXPECT_EQ(g->Admin1("AF.23")->geonameid, -23);
  ASSERT_NE(g->Country("AF"), nullptr);
  EXPECT_EQ(g->Country("AF")->name, "Afghanistan");
  EXPECT_EQ(g->Country("ZZ"), nullptr);
  ASSERT_TRUE(FindPlace(*g, "1138958").ok());
  EXPECT_EQ((*FindPlace(*g, "kabul"))->geonameid, 1138958);
  EXPECT_EQ((*FindPlace(*g, "AF.23"))->kind, PlaceKind::kAdmin1);
  EXPECT_EQ(FindPlace(*g, "Atlantis").status().kind(), ErrorKind::kNotFound);
}

TEST(MemoryGazetteerTest, WithinIsNearestFirst) {
  auto g = MakeMemoryGazetteer(TestPlaces());
  auto near = g->Within(34.52813, 69.17233, 150);
  ASSERT_GE(near.size(), 2u);
  EXPECT_EQ(near[0].place->geonameid, 1138958);
  EXPECT_NEAR(near[0].km, 0, 1e-6);
  bool ghazni = false;
  for (const auto& d : near) {
    ghazni = ghazni || d.place->geonameid == 1141269;
    EXPECT_LE(d.km, 150);
  }
  EXPECT_TRUE(ghazni);
  auto capitals = g->Within(34.52813, 69.17233, 600, PlaceKind::kProvincialCapital);
  ASSERT_FALSE(capitals.empty());
  EXPECT_EQ(capitals[0].place->geonameid, 1141269);
  for (size_t i = 1; i < capitals.size(); ++i) EXPECT_LE(capitals[i - 1].km, capitals[i].km);
  EXPECT_TRUE(g->Within(0, 0, 10).empty());
}

TEST(MemoryGazetteerTest, FindNamesMarksKindsAndSalience) {
  LexiconExtras extras;
  extras.demonyms = {{"Afghan", "AF"}};
  extras.stop_names = {"Price"};
  auto g = MakeMemoryGazetteer(TestPlaces(), {{"Lashkar Gar", 1134720}}, extras);
  std::string text =
      "Afghan forces fought in Kandahar province and Lashkar Gar, spokesman Ned Price said, "
      "while prices rose in Kabul. Mazar-e-Sharif was quiet.";
  std::vector<NameHit> hits;
  g->FindNames(text, &hits);
  std::vector<std::string> spans;
  for (const auto& h : hits) spans.push_back(text.substr(h.start, h.end - h.start));
  ASSERT_EQ(spans.size(), 6u) << ::testing::PrintToString(spans);
  EXPECT_EQ(spans[0], "Afghan");
  EXPECT_EQ(hits[0].kinds, kNameDemonym);
  EXPECT_EQ(spans[1], "Kandahar province");
  EXPECT_EQ(hits[1].kinds, kNameAdmin1);
  EXPECT_EQ(spans[2], "Lashkar Gar");
  EXPECT_EQ(spans[3], "Price");
  EXPECT_LT(hits[3].salience, 0.1f);
  EXPECT_EQ(spans[4], "Kabul");
  EXPECT_GT(hits[4].salience, 0.8f);
  EXPECT_EQ(spans[5], "Mazar-e-Sharif");
  EXPECT_EQ(g->DemonymCountry("afghan"), "AF");
  EXPECT_EQ(g->DemonymCountry("Kabul"), "");
  EXPECT_TRUE(g->Lookup("Afghan").empty());
}

// Forwards everything but PlacesIn, so that PlacesIn is the base class's
// default (a scan of every place).
class ForwardingGazetteer final : public Gazetteer {
 public:
  explicit ForwardingGazetteer(const Gazetteer* g) : g_(g) {}
  std::vector<const Place*> Lookup(std::string_view name) const override {
    return g_->Lookup(name);
  }
  const Place* Get(int64_t id) const override { return g_->Get(id); }
  const Place* Admin1(std::string_view code) const override { return g_->Admin1(code); }
  const Place* Country(std::string_view alpha2) const override { return g_->Country(alpha2); }
  std::vector<PlaceDistance> Within(double lat, double lon, double radius_km,
                                    std::optional<PlaceKind> kind = {}) const override {
    return g_->Within(lat, lon, radius_km, kind);
  }
  size_t size() const override { return g_->size(); }
  void FindNames(std::string_view text, std::vector<NameHit>* out) const override {
    g_->FindNames(text, out);
  }

 private:
  const Gazetteer* g_;
};

std::vector<int64_t> Ids(const std::vector<const Place*>& places) {
  std::vector<int64_t> out;
  for (const Place* p : places) out.push_back(p->geonameid);
  return out;
}

TEST(MemoryGazetteerTest, PlacesInByCountryAndKind) {
  auto g = MakeMemoryGazetteer(TestPlaces());
  EXPECT_EQ(Ids(g->PlacesIn("AF")),
            (std::vector<int64_t>{-23, -1, 1133616, 1134720, 1138336, 1138958, 1141269}));
  EXPECT_EQ(Ids(g->PlacesIn("af", PlaceKind::kProvincialCapital)),
            (std::vector<int64_t>{1133616, 1134720, 1138336, 1141269}));
  EXPECT_EQ(Ids(g->PlacesIn("AF", PlaceKind::kAdmin1)), (std::vector<int64_t>{-23}));
  EXPECT_EQ(Ids(g->PlacesIn("IL")), (std::vector<int64_t>{294622}));
  EXPECT_TRUE(g->PlacesIn("IL", PlaceKind::kNationalCapital).empty());
  EXPECT_TRUE(g->PlacesIn("ZZ").empty());
  EXPECT_TRUE(g->PlacesIn("").empty());
  // The index answers exactly what the default scan of every place does.
  ForwardingGazetteer scan(g.get());
  for (const char* cc : {"AF", "il", "US", "ZZ"}) {
    EXPECT_EQ(Ids(scan.PlacesIn(cc)), Ids(g->PlacesIn(cc))) << cc;
    EXPECT_EQ(Ids(scan.PlacesIn(cc, PlaceKind::kCity)), Ids(g->PlacesIn(cc, PlaceKind::kCity)))
        << cc;
  }
}

}  // namespace
}  // namespace sitrep
