// BuildGazetteer / OpenGazetteer on a tiny generated world, data file
// parsing, and corrupt file detection.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "places/data_files.h"
#include "places/world_builder.h"
#include "sitrep/gazetteer.h"

namespace sitrep::places {
namespace {

namespace fs = std::filesystem;

// One GeoNames cities1000 row (19 columns).
std::string Row(int64_t id, const std::string& name, const std::string& ascii,
                const std::string& alternates, double lat, double lon, const std::string& fcode,
                const std::string& cc, const std::string& admin1, int64_t pop) {
  return std::to_string(id) + "\t" + name + "\t" + ascii + "\t" + alternates + "\t" +
         std::to_string(lat) + "\t" + std::to_string(lon) + "\tP\t" + fcode + "\t" + cc + "\t\t" +
         admin1 + "\t\t\t\t" + std::to_string(pop) + "\t\t100\tAsia/Kabul\t2020-01-01\n";
}

class TinyWorld : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sitrep-places-test-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    Write(
        "cities.txt",
        Row(1138958, "Kabul", "Kabul", "Kabool,Kabul,KBL,kabl,Кабул", 34.52813, 69.17233, "PPLC",
            "AF", "13", 3043532) +
            Row(1138336, "Kandahār", "Kandahar", "Qandahar,Kandahar", 31.61332, 65.71013, "PPLA",
                "AF", "23", 391190) +
            Row(1123906, "Spīn Bōldak", "Spin Boldak", "", 31.00575, 66.40008, "PPLA2", "AF", "23",
                20000) +
            Row(1141269, "Ghazni", "Ghazni", "Ghaznī", 33.55391, 68.42096, "PPLA", "AF", "08",
                141000) +
            Row(9000001, "Dihak", "Dihak", "", 33.0, 68.0, "PPL", "AF", "08", 1500) +
            Row(9000002, "Qarya", "Qarya", "", 32.0, 67.0, "PPL", "AF", "99", 3000) +
            Row(9000003, "Qarya Sharqi", "Qarya Sharqi", "", 32.2, 67.4, "PPL", "AF", "99", 1000) +
            Row(5545269, "Price", "Price", "", 39.59941, -110.81071, "PPLA2", "US", "UT", 8500));
    Write("admin1.json",
          R"([{"code":"AF.13","name":"Kabul"},{"code":"AF.23","name":"Kandahar"},)"
          R"({"code":"AF.08","name":"Ghazni"},{"code":"AF.99","name":"Test Province"},)"
          R"({"code":"AF.77","name":"Empty"},{"code":"US.UT","name":"Utah"}])");
    Write("en.json",
          R"({"locale":"en","countries":{"AF":"Afghanistan","US":["United States of America",)"
          R"("United States","USA","US"],"AQ":"Antarctica"}})");
    Write("aliases.tsv",
          "# comment\n\nQandahar city\t1138336\tnote\nTest\tadmin1:AF.99\tshort form\n"
          "The States\tcountry:US\tshort form\n");
    Write("demonyms.tsv", "Afghan\tAF\nAmerican\tUS\tnote\n");
    Write("stop.tsv", "# words\nPrice\tcommon word\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  GazetteerSources Sources() const {
    GazetteerSources s;
    s.cities = Path("cities.txt");
    s.admin1 = Path("admin1.json");
    s.countries = Path("en.json");
    s.aliases = Path("aliases.tsv");
    s.demonyms = Path("demonyms.tsv");
    s.stop_names = Path("stop.tsv");
    return s;
  }
  std::unique_ptr<Gazetteer> BuildAndOpen() {
    Status s = BuildGazetteer(Sources(), Path("world.gaz"));
    EXPECT_TRUE(s.ok()) << s.ToString();
    auto g = OpenGazetteer(Path("world.gaz"));
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return g.ok() ? std::move(*g) : nullptr;
  }

  fs::path dir_;
};

TEST_F(TinyWorld, BuildOpenRoundTrip) {
  auto g = BuildAndOpen();
  ASSERT_NE(g, nullptr);
  // 8 cities, 5 admin-1 areas with cities (AF.77 has none), 2 countries (AQ has none).
  EXPECT_EQ(g->size(), 8u + 5u + 2u);
  EXPECT_FALSE(fs::exists(Path("world.gaz") + ".tmp." + std::to_string(getpid())));

  const Place* kandahar = g->Get(1138336);
  ASSERT_NE(kandahar, nullptr);
  EXPECT_EQ(kandahar->name, "Kandahār");
  EXPECT_EQ(kandahar->ascii_name, "Kandahar");
  EXPECT_EQ(kandahar->kind, PlaceKind::kProvincialCapital);
  EXPECT_EQ(kandahar->feature_code, "PPLA");
  EXPECT_EQ(kandahar->country, "AF");
  EXPECT_EQ(kandahar->country_name, "Afghanistan");
  EXPECT_EQ(kandahar->admin1_code, "AF.23");
  EXPECT_EQ(kandahar->admin1, "Kandahar");
  EXPECT_EQ(kandahar->population, 391190);
  EXPECT_NEAR(kandahar->lat, 31.61332, 1e-6);
  EXPECT_EQ(g->Get(1123906)->kind, PlaceKind::kDistrictSeat);
  EXPECT_EQ(g->Get(9000001)->kind, PlaceKind::kCity);
  EXPECT_EQ(g->Get(1138958)->kind, PlaceKind::kNationalCapital);

  // Names: primary, ascii, Latin alternates; not codes, not lower-case keys, not Cyrillic.
  EXPECT_EQ(g->Lookup("Spin Boldak").front()->geonameid, 1123906);
  EXPECT_EQ(g->Lookup("Kabool").front()->geonameid, 1138958);
  EXPECT_TRUE(g->Lookup("KBL").empty());
  EXPECT_TRUE(g->Lookup("kabl").empty());
  EXPECT_TRUE(g->Lookup("Кабул").empty());
  EXPECT_EQ(g->Lookup("Qandahar city").front()->geonameid, 1138336);  // alias

  // Admin-1 areas: at the capital, or at the population-weighted centroid.
  const Place* a23 = g->Admin1("AF.23");
  ASSERT_NE(a23, nullptr);
  EXPECT_EQ(a23->kind, PlaceKind::kAdmin1);
  EXPECT_DOUBLE_EQ(a23->lat, kandahar->lat);
  EXPECT_EQ(a23->geonameid, Admin1PlaceId("AF.23"));
  EXPECT_EQ(a23->population, 391190 + 20000);
  const Place* a99 = g->Admin1("AF.99");
  ASSERT_NE(a99, nullptr);
  EXPECT_GT(a99->lat, 32.0);
  EXPECT_LT(a99->lat, 32.1);  // pulled toward the larger town
  EXPECT_EQ(g->Admin1("AF.77"), nullptr);
  EXPECT_EQ(g->Lookup("Test Province").front(), a99);
  EXPECT_EQ(g->Lookup("Test").front(), a99);  // the base and the alias
  EXPECT_EQ(g->Lookup("Kandahar province").front(), a23);
  EXPECT_EQ(g->Lookup("Kandahar").front(), kandahar);

  // Countries: at the national capital, else the largest city.
  const Place* af = g->Country("AF");
  ASSERT_NE(af, nullptr);
  EXPECT_EQ(af->geonameid, CountryPlaceId("AF"));
  EXPECT_DOUBLE_EQ(af->lat, g->Get(1138958)->lat);
  const Place* us = g->Country("US");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->name, "United States");
  EXPECT_DOUBLE_EQ(us->lat, g->Get(5545269)->lat);
  EXPECT_EQ(g->Lookup("USA").front(), us);
  EXPECT_EQ(g->Lookup("The States").front(), us);
  EXPECT_EQ(g->Country("AQ"), nullptr);

  // Word lists.
  EXPECT_EQ(g->DemonymCountry("American"), "US");
  std::string text = "Afghan forces left Price and entered Kandahar.";
  std::vector<NameHit> hits;
  g->FindNames(text, &hits);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].kinds, kNameDemonym);
  EXPECT_LT(hits[1].salience, 0.1f);
  EXPECT_EQ(text.substr(hits[2].start, hits[2].end - hits[2].start), "Kandahar");

  // Within on the grid.
  auto near = g->Within(31.61332, 65.71013, 120, PlaceKind::kDistrictSeat);
  ASSERT_EQ(near.size(), 1u);
  EXPECT_EQ(near[0].place->geonameid, 1123906);
  EXPECT_NEAR(near[0].km, DistanceKm(31.61332, 65.71013, 31.00575, 66.40008), 1e-9);
}

TEST_F(TinyWorld, RebuildReplacesTheFile) {
  ASSERT_NE(BuildAndOpen(), nullptr);
  Write("aliases.tsv", "Kandahar City\t1138336\tnote\n");
  auto g = BuildAndOpen();
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->Lookup("The States").empty());
  EXPECT_EQ(g->Lookup("Kandahar City").front()->geonameid, 1138336);
}

TEST_F(TinyWorld, MissingAndCorruptFiles) {
  auto missing = OpenGazetteer(Path("nope.gaz"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().kind(), ErrorKind::kNotFound);
  EXPECT_NE(missing.status().message().find("scripts/setup.sh"), std::string::npos);

  ASSERT_TRUE(BuildGazetteer(Sources(), Path("world.gaz")).ok());
  auto read = ReadFile(Path("world.gaz"));
  ASSERT_TRUE(read.ok());
  std::string bytes = *read;
  ASSERT_GT(bytes.size(), 1000u);
  auto expect_corrupt = [&](const std::string& content, const char* what) {
    Write("bad.gaz", content);
    auto r = OpenGazetteer(Path("bad.gaz"));
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.status().kind(), ErrorKind::kCorrupt) << what;
    EXPECT_NE(r.status().message().find("scripts/setup.sh"), std::string::npos) << what;
    EXPECT_EQ(r.status().input(), Path("bad.gaz"));
  };
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x5A;
  expect_corrupt(flipped, "flipped byte");
  expect_corrupt(bytes.substr(0, bytes.size() - 8), "truncated");
  expect_corrupt(bytes.substr(0, 10), "too short");
  std::string magic = bytes;
  magic[0] = 'X';
  expect_corrupt(magic, "bad magic");
  expect_corrupt(std::string(4096, '\0'), "zeros");
  expect_corrupt("", "empty");
}

TEST_F(TinyWorld, SourceErrorsNameFileAndLine) {
  Write("aliases.tsv", "# c\nGood\t1138336\tok\nNowhere\t424242\tno such place\n");
  Status s = BuildGazetteer(Sources(), Path("world.gaz"));
  EXPECT_EQ(s.kind(), ErrorKind::kInvalidInput);
  EXPECT_EQ(s.input(), Path("aliases.tsv") + ":3");
  EXPECT_FALSE(fs::exists(Path("world.gaz")));

  Write("aliases.tsv", "");
  Write("cities.txt", Row(1, "A", "A", "", 1, 2, "PPL", "AF", "13", 10) + "2\tB\tB\n");
  s = BuildGazetteer(Sources(), Path("world.gaz"));
  EXPECT_EQ(s.kind(), ErrorKind::kInvalidInput);
  EXPECT_EQ(s.input(), Path("cities.txt") + ":2");

  Write("cities.txt", Row(1, "A", "A", "", 95, 2, "PPL", "AF", "13", 10));
  s = BuildGazetteer(Sources(), Path("world.gaz"));
  EXPECT_EQ(s.input(), Path("cities.txt") + ":1");

  Write("admin1.json", "{not json");
  s = BuildGazetteer(Sources(), Path("world.gaz"));
  EXPECT_EQ(s.kind(), ErrorKind::kInvalidInput);

  GazetteerSources missing = Sources();
  missing.cities = Path("no-such-cities.txt");
  EXPECT_EQ(BuildGazetteer(missing, Path("world.gaz")).kind(), ErrorKind::kNotFound);
}

TEST(DataFilesTest, Aliases) {
  auto ok = ParseAliases(
      "# c\n\nLashkar Gar\t1134720\tmisprint\nBurma\tcountry:MM\n"
      "Wardak\tadmin1:AF.27\tshort\n",
      "aliases.tsv");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_EQ(ok->size(), 3u);
  EXPECT_EQ((*ok)[0].name, "Lashkar Gar");
  EXPECT_EQ((*ok)[0].geonameid, 1134720);
  EXPECT_EQ((*ok)[1].country, "MM");
  EXPECT_EQ((*ok)[2].admin1_code, "AF.27");
  EXPECT_EQ((*ok)[2].where, "aliases.tsv:5");

  for (const char* bad :
       {"Kabul\n", "Kabul\tabc\tnote\n", "Kabul\t-5\tnote\n", "\t1138958\tnote\n",
        "Kabul\tcountry:afg\tn\n", "Kabul\tadmin1:AF\tn\n", "Kabul\t1\tnote\textra\n"}) {
    auto r = ParseAliases(std::string("# first line\n") + bad, "a.tsv");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().kind(), ErrorKind::kInvalidInput) << bad;
    EXPECT_EQ(r.status().input(), "a.tsv:2") << bad;
  }
}

TEST(DataFilesTest, DemonymsAndStopNames) {
  auto d = ParseDemonyms("Afghan\tAF\nSudanese\tSD\tnote\n", "d.tsv");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ((*d)[1].country, "SD");
  auto bad = ParseDemonyms("Afghan\tafg\n", "d.tsv");
  EXPECT_EQ(bad.status().input(), "d.tsv:1");
  auto s = ParseStopNames("Price\tcommon word\nKhan\n", "s.tsv");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->size(), 2u);
  EXPECT_EQ(ParseStopNames("a\tb\tc\n", "s.tsv").status().input(), "s.tsv:1");
}

TEST(WorldBuilderTest, ScriptAndAscii) {
  EXPECT_TRUE(IsLatinScript("Kandahār"));
  EXPECT_TRUE(IsLatinScript("Ma`arrat an Nu`man"));
  EXPECT_FALSE(IsLatinScript("Кабул"));
  EXPECT_FALSE(IsLatinScript("كابل"));
  EXPECT_EQ(AsciiName("Al Qaḑārif"), "Al Qadarif");
  EXPECT_EQ(AsciiName("Łódź"), "Lodz");
  EXPECT_EQ(CountryPlaceId("AF"), -(65 * 256 + 70));
  EXPECT_LT(Admin1PlaceId("AF.23"), -1000000);
  EXPECT_EQ(Admin1PlaceId("AF.23"), Admin1PlaceId("AF.23"));
  EXPECT_NE(Admin1PlaceId("AF.23"), Admin1PlaceId("AF.24"));
}

}  // namespace
}  // namespace sitrep::places
