// ProgressBar: a one-line progress bar on stderr, drawn only when stderr is
// a terminal (so logs and pipes stay clean), redrawn at most every 100 ms.
//
// Thread-safety: one thread.
#ifndef SITREP_CLI_PROGRESS_H_
#define SITREP_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace sitrep::cli {

class ProgressBar {
 public:
  // enabled=false draws nothing (e.g. --quiet, or stderr not a terminal).
  ProgressBar(std::string label, bool enabled);
  ~ProgressBar();
  // items done, bytes done, bytes total (0 = unknown).
  void Update(int items, size_t bytes_done, size_t bytes_total);
  void Finish();

  static bool StderrIsTerminal();

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace sitrep::cli

#endif  // SITREP_CLI_PROGRESS_H_
