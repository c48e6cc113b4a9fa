#include "places/fold.h"

#include <utf8proc.h>

#include <array>
#include <vector>

#include "sitrep/gazetteer.h"

namespace sitrep::places {

// Latin letters that NFKD leaves alone but English writes plainly.
std::string_view PlainLatin(int32_t cp) {
  switch (cp) {
    case 0x0142:
    case 0x0141:
      return "l";  // ł Ł
    case 0x00F8:
    case 0x00D8:
      return "o";  // ø Ø
    case 0x0111:
    case 0x0110:
      return "d";  // đ Đ
    case 0x00F0:
    case 0x00D0:
      return "d";  // ð Ð
    case 0x0127:
    case 0x0126:
      return "h";  // ħ Ħ
    case 0x0131:
      return "i";  // ı (dotless i)
    case 0x00E6:
    case 0x00C6:
      return "ae";  // æ Æ
    case 0x0153:
    case 0x0152:
      return "oe";  // œ Œ
    case 0x00FE:
    case 0x00DE:
      return "th";  // þ Þ
    case 0x0167:
    case 0x0166:
      return "t";  // ŧ Ŧ
    case 0x00DF:
      return "ss";  // ß
    case 0x0180:
      return "b";  // ƀ
    case 0x01B6:
    case 0x01B5:
      return "z";  // ƶ Ƶ
    case 0x0256:
    case 0x0257:
      return "d";  // ɖ ɗ
    case 0x0259:
    case 0x018F:
      return "e";  // ə Ə (schwa, Azeri)
    default:
      return {};
  }
}

namespace {

bool IsApostropheOrHyphen(int32_t cp) {
  switch (cp) {
    case '\'':
    case '-':
    case '`':
    case 0x2019:
    case 0x2018:
    case 0x00B4:
    case 0x02BC:  // ’ ‘ ´ ʼ
    case 0x2010:
    case 0x2011:
    case 0x2032:
    case 0x02B9:  // ‐ ‑ ′ ʹ
      return true;
    default:
      return false;
  }
}

bool IsAynOrHamza(int32_t cp) { return cp == 0x02BB || cp == 0x02BF || cp == 0x02BE; }

void AppendUtf8(int32_t cp, std::string* out) {
  uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace

size_t DecodeUtf8(std::string_view text, size_t i, int32_t* cp) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  utf8proc_int32_t out = 0;
  auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &out);
  if (len <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = out;
  return static_cast<size_t>(len);
}

bool IsUpperCodepoint(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

CharClass FoldCodepoint(int32_t cp, std::string* out) {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') {
      out->push_back(static_cast<char>(cp));
      return CharClass::kWord;
    }
    if (cp >= 'A' && cp <= 'Z') {
      out->push_back(static_cast<char>(cp + ('a' - 'A')));
      return CharClass::kWord;
    }
    if (cp >= '0' && cp <= '9') {
      out->push_back(static_cast<char>(cp));
      return CharClass::kWord;
    }
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') {
      return CharClass::kSpace;
    }
    if (cp == '.') return CharClass::kPeriod;
    if (IsApostropheOrHyphen(cp)) return CharClass::kJoiner;
    return CharClass::kBreak;
  }
  if (IsApostropheOrHyphen(cp)) return CharClass::kJoiner;
  if (IsAynOrHamza(cp)) return CharClass::kDrop;
  if (auto plain = PlainLatin(cp); !plain.empty()) {
    out->append(plain);
    return CharClass::kWord;
  }
  auto cat = utf8proc_category(cp);
  switch (cat) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kWord;  // a combining mark: part of the word, folds to nothing
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      break;
    case UTF8PROC_CATEGORY_CF:
      return CharClass::kDrop;  // soft hyphen, zero-width joiners
    default:
      return CharClass::kBreak;
  }
  std::array<utf8proc_int32_t, 32> buf{};
  int boundclass = 0;
  auto n = utf8proc_decompose_char(
      cp, buf.data(), static_cast<utf8proc_ssize_t>(buf.size()),
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK),
      &boundclass);
  if (n < 0 || static_cast<size_t>(n) > buf.size()) return CharClass::kBreak;
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    int32_t c = buf[static_cast<size_t>(k)];
    if (auto plain = PlainLatin(c); !plain.empty()) {
      out->append(plain);
    } else if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        out->push_back(static_cast<char>(c));
      else if (c >= 'A' && c <= 'Z')
        out->push_back(static_cast<char>(c + ('a' - 'A')));
      // compatibility forms may yield spaces or punctuation ("½"): dropped
    } else {
      auto cc = utf8proc_category(c);
      if (cc == UTF8PROC_CATEGORY_MN || cc == UTF8PROC_CATEGORY_MC || cc == UTF8PROC_CATEGORY_ME) {
        continue;
      }
      AppendUtf8(c, out);
    }
  }
  return CharClass::kWord;
}

uint64_t TokenHash(std::string_view folded_token) {
  // FNV-1a, then a finalizer so that short tokens spread over all bits.
  uint64_t h = 0xCBF29CE484222325ull;
  for (char c : folded_token) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ull;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return h;
}

uint64_t FoldedNameHash(std::string_view folded) {
  uint64_t h = kSequenceSeed;
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string_view::npos) j = folded.size();
    if (j > i) h = CombineTokenHash(h, TokenHash(folded.substr(i, j - i)));
    i = j + 1;
  }
  return h;
}

std::string VariantKey(std::string_view folded) {
  static constexpr std::array<std::string_view, 23> kParticles = {
      "e",   "i",  "y",  "ye", "yi", "o",  "u",  "al", "el", "ad", "ar", "as",
      "ash", "at", "az", "an", "ed", "es", "ez", "ul", "ut", "ud", "ur"};
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string_view::npos) j = folded.size();
    if (j > i) words.push_back(folded.substr(i, j - i));
    i = j + 1;
  }
  std::string joined;
  for (auto w : words) {
    bool particle = false;
    if (words.size() > 1) {
      for (auto p : kParticles) particle = particle || w == p;
    }
    // A final "h" after a vowel is the Arabic ta marbuta, written or not
    // ("Hamah" / "Hama", "Misratah" / "Misrata").
    if (w.size() > 2 && w.back() == 'h' &&
        std::string_view("aeiouy").find(w[w.size() - 2]) != std::string_view::npos) {
      w.remove_suffix(1);
    }
    if (!particle) joined.append(w);
  }
  if (joined.empty()) {
    for (auto w : words) joined.append(w);
  }
  auto is_vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  };
  std::string key;
  for (size_t k = 0; k < joined.size(); ++k) {
    char c = joined[k];
    if (k == 0) {
      c = is_vowel(c) ? 'a' : c;
    } else if (is_vowel(c)) {
      continue;
    }
    if (c == 'q') c = 'k';
    if (c == 'w') c = 'v';
    if (!key.empty() && key.back() == c) continue;
    key.push_back(c);
  }
  return key;
}

}  // namespace sitrep::places

namespace sitrep {

std::string FoldName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  std::string piece;
  bool pending_space = false;
  size_t i = 0;
  while (i < name.size()) {
    int32_t cp = 0;
    i += places::DecodeUtf8(name, i, &cp);
    piece.clear();
    switch (places::FoldCodepoint(cp, &piece)) {
      case places::CharClass::kWord:
        if (piece.empty()) break;  // a lone mark
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.append(piece);
        break;
      case places::CharClass::kDrop:
        break;
      default:
        pending_space = true;
        break;
    }
  }
  return out;
}

}  // namespace sitrep
