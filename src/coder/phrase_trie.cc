#include "coder/phrase_trie.h"

namespace sitrep::coder {

namespace {
uint64_t MixKey(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return k;
}
uint64_t EdgeKey(uint32_t node, uint32_t id) {
  return ((static_cast<uint64_t>(node) << 32) | id) + 1;
}
}  // namespace

PhraseTrie::PhraseTrie() : nodes_(1), pending_(1), edges_(1024) {}

uint32_t PhraseTrie::Child(uint32_t node, uint32_t id) const {
  const uint64_t key = EdgeKey(node, id);
  const size_t mask = edges_.size() - 1;
  for (size_t i = MixKey(key) & mask;; i = (i + 1) & mask) {
    const Edge& e = edges_[i];
    if (e.key == key) return e.child;
    if (e.key == 0) return 0;
  }
}

void PhraseTrie::GrowEdges() {
  std::vector<Edge> old;
  old.swap(edges_);
  edges_.assign(old.size() * 2, Edge{});
  const size_t mask = edges_.size() - 1;
  for (const Edge& e : old) {
    if (e.key == 0) continue;
    size_t i = MixKey(e.key) & mask;
    while (edges_[i].key != 0) i = (i + 1) & mask;
    edges_[i] = e;
  }
}

uint32_t PhraseTrie::AddChild(uint32_t node, uint32_t id) {
  if (id == kGap) {
    if (nodes_[node].gap_child == 0) {
      nodes_[node].gap_child = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      pending_.emplace_back();
    }
    return nodes_[node].gap_child;
  }
  if (uint32_t c = Child(node, id); c != 0) return c;
  if ((edge_count_ + 1) * 2 > edges_.size()) GrowEdges();
  uint32_t child = static_cast<uint32_t>(nodes_.size());
  nodes_.emplace_back();
  pending_.emplace_back();
  const uint64_t key = EdgeKey(node, id);
  const size_t mask = edges_.size() - 1;
  size_t i = MixKey(key) & mask;
  while (edges_[i].key != 0) i = (i + 1) & mask;
  edges_[i] = Edge{key, child};
  ++edge_count_;
  return child;
}

void PhraseTrie::Add(std::span<const uint32_t> ids, PhraseEntry entry) {
  uint32_t node = 0;
  for (uint32_t id : ids) node = AddChild(node, id);
  auto& list = pending_[node];
  for (const auto& e : list) {
    if (e.kind == entry.kind && e.value == entry.value && e.form == entry.form &&
        e.flags == entry.flags)
      return;
  }
  list.push_back(entry);
}

void PhraseTrie::Finish() {
  entries_.clear();
  for (size_t i = 0; i < nodes_.size(); ++i) {
    nodes_[i].entries_begin = static_cast<uint32_t>(entries_.size());
    for (const auto& e : pending_[i]) entries_.push_back(e);
    nodes_[i].entries_end = static_cast<uint32_t>(entries_.size());
  }
  pending_.assign(nodes_.size(), {});
}

void PhraseTrie::Walk(const TokenizedText& text, uint32_t node, uint32_t start, uint32_t i,
                      uint32_t n, uint32_t gap_begin, uint32_t gap_end,
                      std::vector<PhraseMatch>* out) const {
  const auto& toks = text.tokens;
  while (true) {
    const Node& nd = nodes_[node];
    if (nd.entries_end > nd.entries_begin && i > start) {
      for (uint32_t k = nd.entries_begin; k < nd.entries_end; ++k) {
        const PhraseEntry& e = entries_[k];
        if (e.flags & kEntryAllCaps) {
          bool caps = true;
          for (uint32_t t = start; t < i; ++t) {
            if (t >= gap_begin && t < gap_end) continue;
            if (toks[t].Is(kTokWord) && !toks[t].Is(kTokAllCaps)) caps = false;
          }
          if (!caps) continue;
        }
        out->push_back(PhraseMatch{start, i, gap_begin, gap_end, e});
      }
    }
    if (nd.gap_child != 0 && i > start) {
      // Try every gap length; the gap stops at sentence punctuation.
      for (uint32_t g = 0; g <= max_gap_ && i + g <= n; ++g) {
        if (g > 0) {
          std::string_view f = text.Folded(i + g - 1);
          const Token& t = toks[i + g - 1];
          if (t.Is(kTokPunct) && f != "-" && f != "'") break;
        }
        Walk(text, nd.gap_child, start, i + g, n, gap_begin == gap_end ? i : gap_begin,
             gap_begin == gap_end ? i + g : gap_end, out);
      }
    }
    if (i >= n) return;
    uint32_t id = toks[i].id;
    if (id == 0) return;
    uint32_t c = Child(node, id);
    if (c == 0) return;
    node = c;
    ++i;
  }
}

void PhraseTrie::MatchAt(const TokenizedText& text, uint32_t i, uint32_t n,
                         std::vector<PhraseMatch>* out) const {
  if (i >= n || text.tokens[i].id == 0) return;
  Walk(text, 0, i, i, n, 0, 0, out);
}

void PhraseTrie::MatchAll(const TokenizedText& text, uint32_t begin, uint32_t end,
                          std::vector<PhraseMatch>* out) const {
  for (uint32_t i = begin; i < end; ++i) MatchAt(text, i, end, out);
}

}  // namespace sitrep::coder
