#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace sitrep::cli {

namespace {
constexpr int kBarWidth = 30;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
}  // namespace

ProgressBar::ProgressBar(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled) {}

ProgressBar::~ProgressBar() { Finish(); }

bool ProgressBar::StderrIsTerminal() { return isatty(STDERR_FILENO) != 0; }

void ProgressBar::Update(int items, size_t bytes_done, size_t bytes_total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  bool complete = bytes_total > 0 && bytes_done >= bytes_total;
  if (drawn_ && !complete && now - last_ < kRedrawInterval) return;
  last_ = now;
  drawn_ = true;
  if (bytes_total > 0) {
    double frac = std::min(1.0, static_cast<double>(bytes_done) / static_cast<double>(bytes_total));
    int filled = static_cast<int>(frac * kBarWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kBarWidth - filled), '.');
    std::fprintf(stderr, "\r%s [%s] %3d%%  %d reports", label_.c_str(), bar.c_str(),
                 static_cast<int>(frac * 100), items);
  } else {
    std::fprintf(stderr, "\r%s  %d reports", label_.c_str(), items);
  }
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
  drawn_ = false;
}

}  // namespace sitrep::cli
