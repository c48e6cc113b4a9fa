#include "coder/fold.h"

#include <utf8proc.h>

namespace sitrep::coder {

int DecodeUtf8(std::string_view s, size_t i, int32_t* cp) {
  utf8proc_int32_t c = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &c);
  if (n <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = c;
  return static_cast<int>(n);
}

CharClass Classify(int32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') {
      return CharClass::kSpace;
    }
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLetter;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if (cp == '\'' || cp == '`') return CharClass::kApostrophe;
    if (cp == '"') return CharClass::kQuote;
    if (cp == '-') return CharClass::kDash;
    return CharClass::kOther;
  }
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x00B4:
    case 0x02BC:
    case 0x2032:
    case 0x02B9:
      return CharClass::kApostrophe;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return CharClass::kQuote;
    case 0x2010:
    case 0x2011:
    case 0x00AD:
      return CharClass::kDash;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return CharClass::kLongDash;
    case 0x00A0:
    case 0x2007:
    case 0x202F:
    case 0x200B:
    case 0xFEFF:
      return CharClass::kSpace;
    default:
      break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_CC:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_PD:
      return CharClass::kLongDash;
    default:
      return CharClass::kOther;
  }
}

void AppendFolded(int32_t cp, std::string* out) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '`') c = '\'';
    out->push_back(c);
    return;
  }
  switch (Classify(cp)) {
    case CharClass::kApostrophe:
      out->push_back('\'');
      return;
    case CharClass::kQuote:
      out->push_back('"');
      return;
    case CharClass::kDash:
      out->push_back('-');
      return;
    case CharClass::kLongDash:
      out->append("--");
      return;
    case CharClass::kSpace:
      out->push_back(' ');
      return;
    default:
      break;
  }
  utf8proc_int32_t buf[16];
  utf8proc_int32_t last_boundclass = 0;
  auto n = utf8proc_decompose_char(
      cp, buf, 16,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                     UTF8PROC_COMPAT),
      &last_boundclass);
  if (n < 0 || n > 16) {
    utf8proc_uint8_t enc[4];
    auto len = utf8proc_encode_char(cp, enc);
    out->append(reinterpret_cast<const char*>(enc), static_cast<size_t>(len));
    return;
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    utf8proc_uint8_t enc[4];
    auto len = utf8proc_encode_char(buf[k], enc);
    out->append(reinterpret_cast<const char*>(enc), static_cast<size_t>(len));
  }
}

std::string FoldText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int32_t cp = 0;
    i += static_cast<size_t>(DecodeUtf8(s, i, &cp));
    AppendFolded(cp, &out);
  }
  return out;
}

bool IsUpper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool IsLower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

}  // namespace sitrep::coder
