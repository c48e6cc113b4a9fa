#include "api/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sitrep::api {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("sitrep_static_test_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "vendor" / "lib");
    Write("index.html", "<!doctype html><title>t</title>");
    Write("app.js", "export const x = 1;");
    Write("vendor/lib/lib.css", "body{}");
    Write("LICENSE", "text");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, LoadsFilesWithTypesAndIndex) {
  auto files = StaticFiles::Load(root_.string());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(files->size(), 4u);
  const StaticFile* index = files->Find("/");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(*index->body, "<!doctype html><title>t</title>");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index->cache_control, "no-cache");
  const StaticFile* js = files->Find("/app.js");
  ASSERT_NE(js, nullptr);
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  const StaticFile* css = files->Find("/vendor/lib/lib.css");
  ASSERT_NE(css, nullptr);
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_NE(css->cache_control.find("max-age"), std::string::npos);
  EXPECT_EQ(files->Find("/LICENSE")->content_type, "text/plain; charset=utf-8");
}

TEST_F(StaticFilesTest, NothingOutsideTheFolderIsReachable) {
  fs::create_directories(root_.parent_path() / "outside_secret_dir");
  std::ofstream(root_.parent_path() / "outside_secret_dir" / "secret.txt") << "secret";
  fs::create_symlink(root_.parent_path() / "outside_secret_dir" / "secret.txt", root_ / "link.txt");
  auto files = StaticFiles::Load(root_.string());
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(files->Find("/link.txt"), nullptr);  // symbolic links are not followed
  EXPECT_EQ(files->Find("/../outside_secret_dir/secret.txt"), nullptr);
  EXPECT_EQ(files->Find("/vendor/../app.js"), nullptr);
  EXPECT_EQ(files->Find("app.js"), nullptr);
  fs::remove_all(root_.parent_path() / "outside_secret_dir");
}

TEST_F(StaticFilesTest, MissingFolderIsEmptyAndLimitsApply) {
  auto none = StaticFiles::Load((root_ / "nope").string());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());

  StaticLimits limits;
  limits.max_file_bytes = 10;  // app.js and index.html are larger: skipped
  auto small = StaticFiles::Load(root_.string(), limits);
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->Find("/"), nullptr);
  EXPECT_NE(small->Find("/LICENSE"), nullptr);

  limits = StaticLimits{};
  limits.max_total_bytes = 20;
  auto over = StaticFiles::Load(root_.string(), limits);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().kind(), ErrorKind::kTooLarge);
}

}  // namespace
}  // namespace sitrep::api
