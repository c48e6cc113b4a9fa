// Replay driver for fuzz harnesses in builds without libFuzzer.
//
// Runs LLVMFuzzerTestOneInput over every file of the corpus folders named on
// the command line, then over deterministic mutations of each (bit flips,
// truncations, byte insertions, splices) from a fixed seed, so a harness is
// exercised on every build and a crash reproduces exactly. Real fuzzing uses
// the `fuzz` preset (clang, -fsanitize=fuzzer).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

constexpr int kMutationsPerFile = 200;

void Run(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

std::string Mutate(const std::string& in, const std::string& other, std::mt19937_64& rng) {
  std::string s = in;
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : static_cast<size_t>(rng() % n); };
  switch (rng() % 5) {
    case 0:  // flip bits
      for (int i = 0; i < 4 && !s.empty(); ++i) s[pick(s.size())] ^= static_cast<char>(1 << (rng() % 8));
      break;
    case 1:  // truncate
      s.resize(pick(s.size() + 1));
      break;
    case 2:  // insert special bytes
      for (int i = 0; i < 4; ++i) {
        static constexpr char kSpecial[] = {'\0', '\xff', '\xc3', '<', '>', '"', '\\', '\n', ':', '&', '{', '}'};
        s.insert(pick(s.size() + 1), 1, kSpecial[pick(sizeof kSpecial)]);
      }
      break;
    case 3:  // splice with another input
      s = s.substr(0, pick(s.size() + 1)) + other.substr(pick(other.size() + 1));
      break;
    default:  // duplicate a chunk
      if (!s.empty()) {
        size_t a = pick(s.size());
        s.insert(pick(s.size() + 1), s.substr(a, pick(64)));
      }
      break;
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[i], ec)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream f(entry.path(), std::ios::binary);
      inputs.emplace_back(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    }
  }
  inputs.emplace_back();  // the empty input
  std::mt19937_64 rng(20210813);
  size_t runs = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    Run(inputs[i]);
    ++runs;
    for (int m = 0; m < kMutationsPerFile; ++m) {
      Run(Mutate(inputs[i], inputs[(i + 1) % inputs.size()], rng));
      ++runs;
    }
  }
  std::printf("replayed %zu inputs (%zu seeds)\n", runs, inputs.size());
  return 0;
}
