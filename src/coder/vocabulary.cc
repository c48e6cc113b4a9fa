#include "coder/vocabulary.h"

namespace sitrep::coder {

Vocabulary::Vocabulary() : words_(1), slots_(1024, 0) {}

uint64_t Vocabulary::Hash(std::string_view s) {
  // FNV-1a, then a final mix so that short keys spread over the table.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h;
}

uint32_t Vocabulary::Find(std::string_view word) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = Hash(word) & mask;; i = (i + 1) & mask) {
    uint32_t id = slots_[i];
    if (id == 0) return 0;
    if (words_[id] == word) return id;
  }
}

uint32_t Vocabulary::Intern(std::string_view word) {
  if (uint32_t id = Find(word); id != 0) return id;
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  uint32_t id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(word);
  size_t mask = slots_.size() - 1;
  size_t i = Hash(word) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = id;
  return id;
}

void Vocabulary::Grow() {
  std::vector<uint32_t> slots(slots_.size() * 2, 0);
  size_t mask = slots.size() - 1;
  for (uint32_t id = 1; id < words_.size(); ++id) {
    size_t i = Hash(words_[id]) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id;
  }
  slots_.swap(slots);
}

}  // namespace sitrep::coder
