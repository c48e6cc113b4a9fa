// PhraseTrie: finds dictionary phrases in a token sequence.
//
// A phrase is a sequence of vocabulary ids, optionally with gaps ("come
// under {} control": the gap takes 0..max_gap tokens, here the actor).
// Edges live in one open-addressing hash table keyed by (node, token id), so
// a match attempt at a token costs one probe when nothing starts there.
// Each node carries the payloads of the phrases that end at it.
//
// Thread-safety: Add/Finish for building; then immutable, and Match* may be
// called concurrently.
#ifndef SITREP_CODER_PHRASE_TRIE_H_
#define SITREP_CODER_PHRASE_TRIE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "coder/tokenizer.h"

namespace sitrep::coder {

// A payload: what a phrase means. `kind` and `value` are interpreted by the
// dictionary (actor alias, action pattern, cue ...).
struct PhraseEntry {
  uint8_t kind = 0;
  uint8_t form = 0;    // verb form bits or other small tag
  uint16_t flags = 0;  // kEntryAllCaps ...
  uint32_t value = 0;
};

// The phrase matches only tokens written all in capitals ("US", "IS").
inline constexpr uint16_t kEntryAllCaps = 1;

struct PhraseMatch {
  uint32_t begin = 0;  // token range of the whole match
  uint32_t end = 0;
  uint32_t gap_begin = 0;  // token range of the (first) gap; empty if none
  uint32_t gap_end = 0;
  PhraseEntry entry;
};

class PhraseTrie {
 public:
  static constexpr uint32_t kGap = 0xFFFFFFFFu;

  PhraseTrie();
  // `ids` must be non-empty, with no id 0 and no leading or trailing gap.
  void Add(std::span<const uint32_t> ids, PhraseEntry entry);
  // Call once after the last Add.
  void Finish();

  // Appends every phrase match starting at token `i` of tokens[0, n) to
  // `out` (longest last). A gap never spans sentence punctuation.
  void MatchAt(const TokenizedText& text, uint32_t i, uint32_t n,
               std::vector<PhraseMatch>* out) const;
  // All matches starting anywhere in [begin, end).
  void MatchAll(const TokenizedText& text, uint32_t begin, uint32_t end,
                std::vector<PhraseMatch>* out) const;

  size_t node_count() const { return nodes_.size(); }
  size_t max_gap() const { return max_gap_; }
  void set_max_gap(uint32_t g) { max_gap_ = g; }

 private:
  struct Node {
    uint32_t entries_begin = 0;
    uint32_t entries_end = 0;
    uint32_t gap_child = 0;  // 0 = none (the root is never a child)
  };
  uint32_t Child(uint32_t node, uint32_t id) const;
  uint32_t AddChild(uint32_t node, uint32_t id);
  void Walk(const TokenizedText& text, uint32_t node, uint32_t start, uint32_t i, uint32_t n,
            uint32_t gap_begin, uint32_t gap_end, std::vector<PhraseMatch>* out) const;
  void GrowEdges();

  std::vector<Node> nodes_;
  std::vector<std::vector<PhraseEntry>> pending_;  // per node, until Finish
  std::vector<PhraseEntry> entries_;
  struct Edge {
    uint64_t key = 0;  // (node << 32 | id) + 1; 0 = empty
    uint32_t child = 0;
  };
  std::vector<Edge> edges_;
  size_t edge_count_ = 0;
  uint32_t max_gap_ = 6;
};

}  // namespace sitrep::coder

#endif  // SITREP_CODER_PHRASE_TRIE_H_
