#include "text/file_system.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system temporary folder, removed afterwards.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("sitrep_text_fs_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& rel, const std::string& contents) const {
    const fs::path p = path_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

TEST(RealFileSystemTest, ListsRecursivelySortedSkippingHidden) {
  TempDir dir;
  dir.Write("b.txt", "b");
  dir.Write("a/z.txt", "z");
  dir.Write("a/c.html", "c");
  dir.Write(".hidden.txt", "h");
  dir.Write(".git/config", "x");
  dir.Write("a/.cache/x.txt", "x");
  RealFileSystem real;
  Result<std::vector<std::string>> files = real.ListFiles(dir.path());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0], dir.path() + "/a/c.html");
  EXPECT_EQ((*files)[1], dir.path() + "/a/z.txt");
  EXPECT_EQ((*files)[2], dir.path() + "/b.txt");
  EXPECT_TRUE(real.IsDirectory(dir.path()));
  EXPECT_FALSE(real.IsDirectory((*files)[2]));
}

TEST(RealFileSystemTest, SizeAndRead) {
  TempDir dir;
  const std::string p = dir.Write("r.txt", "twelve bytes");
  RealFileSystem real;
  ASSERT_TRUE(real.FileSize(p).ok());
  EXPECT_EQ(*real.FileSize(p), 12u);
  Result<std::string> bytes = real.ReadFile(p, 100);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, "twelve bytes");
  EXPECT_EQ(real.ReadFile(p, 11).status().kind(), ErrorKind::kTooLarge);
  EXPECT_TRUE(real.ReadFile(p, 12).ok());
}

TEST(RealFileSystemTest, MissingThingsAreNotFound) {
  RealFileSystem real;
  EXPECT_EQ(real.FileSize("/nonexistent/sitrep/x.txt").status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(real.ReadFile("/nonexistent/sitrep/x.txt", 10).status().kind(), ErrorKind::kNotFound);
  EXPECT_FALSE(real.ListFiles("/nonexistent/sitrep").ok());
  TempDir dir;
  EXPECT_EQ(real.FileSize(dir.path()).status().kind(), ErrorKind::kInvalidInput);
}

TEST(RealFileSystemTest, DefaultIsReal) {
  EXPECT_NE(dynamic_cast<const RealFileSystem*>(DefaultFileSystem()), nullptr);
}

TEST(InMemoryFileSystemTest, FoldersFilesAndStdin) {
  InMemoryFileSystem mem;
  mem.AddFile("in/b.txt", "b");
  mem.AddFile("in/a/c.txt", "cc");
  mem.AddFile("inbox.txt", "x");
  EXPECT_TRUE(mem.IsDirectory("in"));
  EXPECT_TRUE(mem.IsDirectory("in/"));
  EXPECT_FALSE(mem.IsDirectory("in/b.txt"));
  Result<std::vector<std::string>> files = mem.ListFiles("in");
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(*files, (std::vector<std::string>{"in/a/c.txt", "in/b.txt"}));
  EXPECT_EQ(*mem.FileSize("in/a/c.txt"), 2u);
  EXPECT_EQ(mem.ReadFile("-", 10).status().kind(), ErrorKind::kIoError);
  mem.SetStdin("from stdin");
  EXPECT_EQ(*mem.ReadFile("-", 10), "from stdin");
  EXPECT_EQ(mem.ReadFile("-", 9).status().kind(), ErrorKind::kTooLarge);
  mem.FailReads("in/b.txt", Status(ErrorKind::kIoError, "disk on fire", "in/b.txt"));
  EXPECT_EQ(mem.ReadFile("in/b.txt", 10).status().kind(), ErrorKind::kIoError);
  EXPECT_EQ(mem.ReadCount("in/b.txt"), 1);
}

}  // namespace
}  // namespace sitrep
