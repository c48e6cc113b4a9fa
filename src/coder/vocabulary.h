// Vocabulary: interns folded words as small integer ids.
//
// Every word that occurs in some dictionary phrase gets an id >= 1; a report
// token whose folded text is not in the vocabulary gets id 0 and can never
// start or continue a phrase match. Lookup hashes the bytes once and probes
// an open-addressing table: no allocation.
//
// Thread-safety: Intern() is for building; after that the object is
// immutable and Find() may be called concurrently.
#ifndef SITREP_CODER_VOCABULARY_H_
#define SITREP_CODER_VOCABULARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::coder {

class Vocabulary {
 public:
  Vocabulary();
  // Returns the id of `word` (already folded), adding it if new.
  uint32_t Intern(std::string_view word);
  // 0 if absent.
  uint32_t Find(std::string_view word) const;
  // REQUIRES: 1 <= id <= size().
  std::string_view Word(uint32_t id) const { return words_[id]; }
  size_t size() const { return words_.size() - 1; }

  static uint64_t Hash(std::string_view s);

 private:
  void Grow();
  std::vector<std::string> words_;  // words_[0] unused
  std::vector<uint32_t> slots_;     // id or 0; size a power of two
};

}  // namespace sitrep::coder

#endif  // SITREP_CODER_VOCABULARY_H_
