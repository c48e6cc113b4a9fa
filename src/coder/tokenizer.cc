#include "coder/tokenizer.h"

#include "coder/fold.h"

namespace sitrep::coder {

namespace {

struct Cursor {
  std::string_view s;
  size_t i = 0;
  int32_t Peek(size_t at, int* len) const {
    if (at >= s.size()) {
      *len = 0;
      return -1;
    }
    int32_t cp = 0;
    *len = DecodeUtf8(s, at, &cp);
    return cp;
  }
};

bool IsWordClass(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

CharClass ClassAt(const Cursor& c, size_t at, int32_t* cp_out = nullptr, int* len_out = nullptr) {
  int len = 0;
  int32_t cp = c.Peek(at, &len);
  if (cp_out) *cp_out = cp;
  if (len_out) *len_out = len;
  if (len == 0) return CharClass::kSpace;
  return Classify(cp);
}

}  // namespace

void Tokenize(std::string_view text, const Vocabulary* vocab, TokenizedText* out,
              uint32_t base_offset) {
  out->Clear();
  out->tokens.reserve(text.size() / 5 + 4);
  out->folded.reserve(text.size() + 16);
  Cursor cur{text, 0};
  int newlines = 0;
  bool space = false;
  bool in_straight_quote = false;

  auto emit = [&](size_t start, size_t end, size_t fold_start, uint16_t flags) {
    Token t;
    t.start = static_cast<uint32_t>(start) + base_offset;
    t.end = static_cast<uint32_t>(end) + base_offset;
    t.fold = static_cast<uint32_t>(fold_start);
    t.fold_len = static_cast<uint32_t>(out->folded.size() - fold_start);
    if (space) flags |= kTokSpaceBefore;
    if (newlines >= 1) flags |= kTokNewlineBefore;
    if (newlines >= 2) flags |= kTokParagraphBefore;
    t.flags = flags;
    if (vocab != nullptr) t.id = vocab->Find(out->Folded(t));
    out->tokens.push_back(t);
    space = false;
    newlines = 0;
  };

  while (cur.i < text.size()) {
    int32_t cp = 0;
    int len = 0;
    CharClass cls = ClassAt(cur, cur.i, &cp, &len);
    size_t start = cur.i;
    if (cls == CharClass::kSpace) {
      if (cp == '\n') {
        ++newlines;
      } else if (cp == '\r') {
        // counted with its \n, or alone (old Mac line ends)
        if (cur.i + 1 >= text.size() || text[cur.i + 1] != '\n') ++newlines;
      }
      space = true;
      cur.i += static_cast<size_t>(len);
      continue;
    }
    size_t fold_start = out->folded.size();
    if (IsWordClass(cls)) {
      const bool number = cls == CharClass::kDigit;
      bool any_lower = false, any_upper = false, first_upper = IsUpper(cp);
      uint16_t flags = number ? kTokNumber : kTokWord;
      // Dotted acronym: X.Y. (single letters each followed by a dot).
      if (!number) {
        size_t j = cur.i;
        int letters = 0;
        std::string acro;
        while (true) {
          int32_t c1 = 0;
          int l1 = 0;
          if (ClassAt(cur, j, &c1, &l1) != CharClass::kLetter) break;
          if (ClassAt(cur, j + static_cast<size_t>(l1)) == CharClass::kLetter) break;
          if (j + static_cast<size_t>(l1) >= text.size() ||
              text[j + static_cast<size_t>(l1)] != '.')
            break;
          j += static_cast<size_t>(l1) + 1;
          ++letters;
        }
        if (letters >= 2) {
          for (size_t k = cur.i; k < j;) {
            int32_t c = 0;
            int l = DecodeUtf8(text, k, &c);
            if (IsUpper(c)) any_upper = true;
            if (IsLower(c)) any_lower = true;
            AppendFolded(c, &out->folded);
            k += static_cast<size_t>(l);
          }
          cur.i = j;
          flags |= kTokAcronym;
          if (first_upper) flags |= kTokCapitalized;
          if (any_upper && !any_lower) flags |= kTokAllCaps;
          emit(start, j, fold_start, flags);
          continue;
        }
      }
      while (cur.i < text.size()) {
        int32_t c = 0;
        int l = 0;
        CharClass k = ClassAt(cur, cur.i, &c, &l);
        if (IsWordClass(k)) {
          if (IsUpper(c)) any_upper = true;
          if (IsLower(c)) any_lower = true;
          AppendFolded(c, &out->folded);
          cur.i += static_cast<size_t>(l);
          continue;
        }
        size_t next = cur.i + static_cast<size_t>(l);
        if (number && (c == ',' || c == '.')) {
          // 3,000 / 1.5: a digit must follow (for ',' exactly three).
          int32_t d = 0;
          int dl = 0;
          if (ClassAt(cur, next, &d, &dl) == CharClass::kDigit) {
            if (c == '.' ||
                (next + 3 <= text.size() && ClassAt(cur, next + 1) == CharClass::kDigit &&
                 ClassAt(cur, next + 2) == CharClass::kDigit &&
                 !IsWordClass(ClassAt(cur, next + 3)))) {
              out->folded.push_back(static_cast<char>(c));
              cur.i = next;
              continue;
            }
          }
          break;
        }
        if (k == CharClass::kApostrophe && !number) {
          int32_t a = 0;
          int al = 0;
          if (ClassAt(cur, next, &a, &al) != CharClass::kLetter) break;
          // possessive 's: leave it for its own token
          if ((a == 's' || a == 'S') && !IsWordClass(ClassAt(cur, next + static_cast<size_t>(al))))
            break;
          // n't: give back the n
          if ((a == 't' || a == 'T') &&
              !IsWordClass(ClassAt(cur, next + static_cast<size_t>(al))) &&
              out->folded.size() > fold_start + 1 && out->folded.back() == 'n') {
            out->folded.pop_back();
            // rewind the cursor over the 'n' (one byte, ASCII)
            cur.i -= 1;
            break;
          }
          // O'Brien, Shi'ite: keep the apostrophe inside the word.
          out->folded.push_back('\'');
          cur.i = next;
          continue;
        }
        break;
      }
      if (first_upper) flags |= kTokCapitalized;
      if (any_upper && !any_lower) flags |= kTokAllCaps;
      emit(start, cur.i, fold_start, flags);
      continue;
    }
    if (cls == CharClass::kApostrophe) {
      // 's or n't as their own tokens.
      size_t next = cur.i + static_cast<size_t>(len);
      int32_t a = 0;
      int al = 0;
      if (ClassAt(cur, next, &a, &al) == CharClass::kLetter && (a == 's' || a == 'S') &&
          !IsWordClass(ClassAt(cur, next + static_cast<size_t>(al))) && !space &&
          !out->tokens.empty() && out->tokens.back().Is(kTokWord | kTokNumber)) {
        out->folded.append("'s");
        cur.i = next + static_cast<size_t>(al);
        emit(start, cur.i, fold_start, kTokWord);
        continue;
      }
    }
    // Punctuation.
    uint16_t flags = kTokPunct;
    if (cls == CharClass::kQuote) {
      bool open;
      if (cp == 0x201C || cp == 0x201E || cp == 0x00AB) {
        open = true;
      } else if (cp == 0x201D || cp == 0x00BB) {
        open = false;
      } else {
        // Straight quote: opening after space/start, unless we are inside one.
        bool space_before = space || out->tokens.empty();
        bool space_after = ClassAt(cur, cur.i + static_cast<size_t>(len)) == CharClass::kSpace;
        if (in_straight_quote) {
          open = false;
        } else {
          open = space_before || !space_after;
        }
        in_straight_quote = open;
      }
      flags |= open ? kTokQuoteOpen : kTokQuoteClose;
    }
    AppendFolded(cp, &out->folded);
    cur.i += static_cast<size_t>(len);
    emit(start, cur.i, fold_start, flags);
  }
}

}  // namespace sitrep::coder
