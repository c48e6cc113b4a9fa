#include "test_world.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "sitrep/paths.h"

namespace sitrep::testing {

Result<std::unique_ptr<TestWorld>> TestWorld::Make(const std::string& profile_name) {
  std::unique_ptr<TestWorld> w(new TestWorld());
  SITREP_ASSIGN_OR_RETURN(w->gazetteer_, OpenGazetteer(DefaultGazetteerPath()));
  CoderOptions copts;
  copts.lexicon = w->gazetteer_.get();
  SITREP_ASSIGN_OR_RETURN(w->coder_, Coder::Create(copts));
  w->dir_ = std::filesystem::temp_directory_path() /
            ("sitrep-test-" + std::to_string(getpid()) + "-" +
             std::to_string(reinterpret_cast<uintptr_t>(w.get())));
  std::filesystem::create_directories(w->dir_);
  SITREP_ASSIGN_OR_RETURN(w->store_, OpenSqliteStore((w->dir_ / "test.db").string()));
  SITREP_ASSIGN_OR_RETURN(
      ConflictProfile profile,
      LoadConflictProfile(DefaultDataDir() + "/profiles/" + profile_name + ".profile"));
  w->picture_ = std::make_unique<Picture>(w->store_.get(), w->gazetteer_.get(), profile);
  w->pipeline_ = std::make_unique<Pipeline>(w->coder_.get(), w->gazetteer_.get(), w->picture_.get());
  return w;
}

TestWorld::~TestWorld() {
  pipeline_.reset();
  picture_.reset();
  store_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

const Place& TestWorld::PlaceNamed(const std::string& name) {
  auto candidates = gazetteer_->Lookup(name);
  EXPECT_FALSE(candidates.empty()) << name;
  return *candidates.front();
}

}  // namespace sitrep::testing
