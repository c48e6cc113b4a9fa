#include "cli/table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sitrep::cli {
namespace {

TEST(TableTest, AlignsByDisplayWidth) {
  Table t({"place", "km"});
  t.AddRow({"Her\xC4\x81t", "1"});
  t.AddRow({"Kabul", "128"});
  std::ostringstream out;
  t.Print(out);
  std::string s = out.str();
  EXPECT_NE(s.find("Her\xC4\x81t  1\n"), std::string::npos) << s;
  EXPECT_NE(s.find("Kabul  128\n"), std::string::npos) << s;
}

TEST(TableTest, CutsLongCellsAndFlattensNewlines) {
  Table t({"sentence"}, 10);
  t.AddRow({"The Taliban\ntook over the police headquarters"});
  std::ostringstream out;
  t.Print(out);
  EXPECT_NE(out.str().find("The Talib\xE2\x80\xA6"), std::string::npos) << out.str();
  EXPECT_EQ(DisplayWidth("The Talib\xE2\x80\xA6"), 10u);
}

}  // namespace
}  // namespace sitrep::cli
