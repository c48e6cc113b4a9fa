#include "text/html_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "text/text_normalize.h"
#include "text/utf8_check.h"

namespace sitrep {

namespace {

// JSON-LD blocks longer than this are not parsed for metadata.
constexpr size_t kMaxJsonLdBytes = size_t{1} << 20;

// Elements whose content is not part of the visible text.
constexpr std::array<std::string_view, 16> kDroppedElements = {
    "script", "style",  "noscript", "template", "nav",    "header", "footer", "aside",
    "form",   "iframe", "svg",      "math",     "select", "button", "title",  "object"};

// Elements that end a paragraph where they open and where they close.
constexpr std::array<std::string_view, 44> kBlockElements = {
    "p",       "div",      "h1",      "h2",      "h3",         "h4",         "h5",     "h6",
    "li",      "br",       "article", "section", "tr",         "blockquote", "ul",     "ol",
    "dl",      "dt",       "dd",      "table",   "thead",      "tbody",      "tfoot",  "caption",
    "pre",     "hr",       "main",    "figure",  "figcaption", "address",    "center", "details",
    "summary", "fieldset", "legend",  "body",    "html",       "nav",        "header", "footer",
    "aside",   "form",     "iframe",  "noscript"};

template <size_t N>
bool IsOneOf(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view View(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

// Accumulates text, folding whitespace and separating paragraphs.
class TextBuilder {
 public:
  void Append(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      size_t len = 1;
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
      if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xa0) {
        space = true;  // U+00A0 no-break space
        len = 2;
      }
      if (space) {
        pending_space_ = true;
      } else {
        if (!out_.empty()) {
          if (pending_break_) {
            out_ += "\n\n";
          } else if (pending_space_) {
            out_ += ' ';
          }
        }
        pending_break_ = pending_space_ = false;
        out_ += s[i];
      }
      i += len;
    }
  }
  void Break() { pending_break_ = true; }
  void Space() { pending_space_ = true; }
  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }
  void Clear() {
    out_.clear();
    pending_break_ = pending_space_ = false;
  }

 private:
  std::string out_;
  bool pending_break_ = false;
  bool pending_space_ = false;
};

// What an open element does; one byte per open element on the stack.
enum ElementRole : uint8_t {
  kRoleNone = 0,
  kRoleBlock = 1 << 0,
  kRoleDropped = 1 << 1,
  kRoleArticle = 1 << 2,
  kRoleMain = 1 << 3,
  kRoleTitle = 1 << 4,   // the <title> being captured
  kRoleH1 = 1 << 5,      // the <h1> being captured
  kRoleCell = 1 << 6,    // separated from its neighbours by a space
  kRoleJsonLd = 1 << 7,  // a JSON-LD script being captured
};

struct MetaPriority {
  std::string value;
  int rank = INT_MAX;  // lower wins
  size_t line = 0;
  void Offer(std::string_view v, int r, size_t at_line) {
    const std::string_view trimmed = TrimWhitespace(v);
    if (trimmed.empty() || r >= rank) return;
    value.assign(trimmed);
    rank = r;
    line = at_line;
  }
};

class Extractor {
 public:
  explicit Extractor(const ReaderOptions& options) : options_(options) {}

  void set_parser(htmlParserCtxtPtr parser) { parser_ = parser; }

  void StartElement(std::string_view raw_name, const xmlChar** attrs) {
    const std::string name = Lower(raw_name);
    const bool flattened = stack_.size() >= options_.max_html_depth;
    uint8_t role = kRoleNone;
    Attributes a(attrs);
    ReadMetadata(name, a);
    if (IsOneOf(name, kDroppedElements) || a.Has("hidden") ||
        Lower(a.Get("aria-hidden")) == "true") {
      role |= kRoleDropped;
      if (name == "title" && drop_depth_ == 0 && !have_title_) role |= kRoleTitle;
      if (name == "script" && Lower(TrimWhitespace(a.Get("type"))) == "application/ld+json") {
        role |= kRoleJsonLd;
        json_ld_.clear();
      }
    }
    if (name == "h1" && h1_capture_ == nullptr) {
      if (drop_depth_ == 0 && first_h1_.empty()) {
        role |= kRoleH1;
        h1_capture_ = &first_h1_;
      } else if (drop_depth_ > 0 && dropped_h1_.empty()) {
        role |= kRoleH1;
        h1_capture_ = &dropped_h1_;
      }
    }
    if (flattened) {
      // Too deep to structure: a block still keeps its words apart.
      if (IsOneOf(name, kBlockElements)) role |= kRoleCell;
    } else {
      if (IsOneOf(name, kBlockElements)) role |= kRoleBlock;
      if (name == "td" || name == "th") role |= kRoleCell;
      if (name == "article" && drop_depth_ == 0) role |= kRoleArticle;
      if (name == "main" && drop_depth_ == 0) role |= kRoleMain;
    }
    stack_.push_back(role);
    if (role & kRoleTitle) {
      title_.Clear();
      in_title_ = true;
    }
    if (role & kRoleDropped) ++drop_depth_;
    if (role & kRoleArticle) {
      if (article_depth_++ == 0) article_.Clear();
    }
    if (role & kRoleMain) ++main_depth_;
    Separate(role);
  }

  void EndElement() {
    if (stack_.empty()) return;  // libxml2 balances its calls; be safe anyway
    const uint8_t role = stack_.back();
    stack_.pop_back();
    Separate(role);
    if (role & kRoleDropped) --drop_depth_;
    if (role & kRoleTitle) {
      in_title_ = false;
      title_text_ = title_.Take();
      have_title_ = !title_text_.empty();
    }
    if (role & kRoleH1) {
      *h1_capture_ = std::string(TrimWhitespace(h1_text_.Take()));
      h1_text_.Clear();
      h1_capture_ = nullptr;
    }
    if (role & kRoleJsonLd) ReadJsonLd();
    if ((role & kRoleArticle) && --article_depth_ == 0) {
      if (article_.text().size() > best_article_.size()) best_article_ = article_.Take();
      article_.Clear();
    }
    if (role & kRoleMain) --main_depth_;
  }

  void Characters(std::string_view s) {
    if (in_title_) title_.Append(s);
    if (h1_capture_ != nullptr) h1_text_.Append(s);
    if (drop_depth_ > 0) return;
    body_.Append(s);
    if (article_depth_ > 0) article_.Append(s);
    if (main_depth_ > 0) main_.Append(s);
  }

  void RawText(std::string_view s) {
    if (!stack_.empty() && (stack_.back() & kRoleJsonLd) && json_ld_.size() < kMaxJsonLdBytes) {
      json_ld_.append(s);
    }
  }

  HtmlContent Finish() {
    while (!stack_.empty()) EndElement();
    HtmlContent out;
    if (!best_article_.empty()) {
      out.text = std::move(best_article_);
    } else if (!main_.text().empty()) {
      out.text = main_.Take();
    } else {
      out.text = body_.Take();
    }
    out.title = title_text_;
    if (out.title.empty()) out.title = first_h1_;
    if (out.title.empty()) out.title = dropped_h1_;
    if (out.title.empty()) out.title = og_title_;
    out.published = published_.value;
    out.published_line = published_.line;
    out.outlet = outlet_.value;
    out.url = url_.value;
    out.language = language_;
    return out;
  }

 private:
  // Attribute lookup over libxml2's NULL-terminated name/value array.
  class Attributes {
   public:
    explicit Attributes(const xmlChar** attrs) : attrs_(attrs) {}
    bool Has(std::string_view name) const { return Find(name) != nullptr; }
    std::string_view Get(std::string_view name) const {
      const xmlChar* const* at = Find(name);
      return at == nullptr ? std::string_view() : View(at[1]);
    }

   private:
    const xmlChar* const* Find(std::string_view name) const {
      if (attrs_ == nullptr) return nullptr;
      for (const xmlChar* const* a = attrs_; a[0] != nullptr; a += 2) {
        if (Lower(View(a[0])) == name) return a;
      }
      return nullptr;
    }
    const xmlChar** attrs_;
  };

  size_t Line() const {
    return parser_ != nullptr && parser_->input != nullptr
               ? static_cast<size_t>(std::max(parser_->input->line, 0))
               : 0;
  }

  void Separate(uint8_t role) {
    if (role & kRoleBlock) {
      body_.Break();
      article_.Break();
      main_.Break();
      h1_text_.Space();
    } else if (role & kRoleCell) {
      body_.Space();
      article_.Space();
      main_.Space();
    }
  }

  void ReadMetadata(const std::string& name, const Attributes& a) {
    if (name == "html") {
      std::string lang = Lower(TrimWhitespace(a.Get("lang")));
      lang = lang.substr(0, lang.find_first_of("-_"));
      if (!lang.empty() && language_.empty()) language_ = lang;
    } else if (name == "meta") {
      const std::string key = Lower(TrimWhitespace(a.Has("property") ? a.Get("property")
                                                   : a.Has("name")   ? a.Get("name")
                                                                     : a.Get("itemprop")));
      const std::string_view content = a.Get("content");
      static constexpr std::array<std::string_view, 12> kDateKeys = {"article:published_time",
                                                                     "datepublished",
                                                                     "og:published_time",
                                                                     "pubdate",
                                                                     "publishdate",
                                                                     "publish-date",
                                                                     "date",
                                                                     "dc.date.issued",
                                                                     "dc.date",
                                                                     "dcterms.issued",
                                                                     "dcterms.date",
                                                                     "dcterms.created"};
      for (size_t rank = 0; rank < kDateKeys.size(); ++rank) {
        if (key == kDateKeys[rank]) published_.Offer(content, static_cast<int>(rank), Line());
      }
      if (key == "og:site_name") outlet_.Offer(content, 0, 0);
      if (key == "og:url") url_.Offer(content, 0, 0);
      if (key == "og:title" && og_title_.empty()) og_title_ = std::string(TrimWhitespace(content));
    } else if (name == "link") {
      std::string rel = Lower(a.Get("rel"));
      if (rel.find("canonical") != std::string::npos) url_.Offer(a.Get("href"), 1, 0);
    }
  }

  // Reads datePublished and publisher.name from a JSON-LD block (an object,
  // an array of objects, or an object with an "@graph" array).
  void ReadJsonLd() {
    using Json = nlohmann::json;
    const size_t line = Line();
    Json doc = Json::parse(json_ld_, nullptr, /*allow_exceptions=*/false);
    json_ld_.clear();
    if (doc.is_discarded()) return;
    // The objects' own maps are searched: nlohmann's iterators trip
    // -Wnull-dereference.
    std::vector<const Json::object_t*> nodes;
    auto add = [&nodes](const Json& v) {
      if (v.is_array()) {
        for (const Json& e : v.get_ref<const Json::array_t&>()) {
          if (e.is_object()) nodes.push_back(&e.get_ref<const Json::object_t&>());
        }
      } else if (v.is_object()) {
        nodes.push_back(&v.get_ref<const Json::object_t&>());
      }
    };
    add(doc);
    if (doc.is_object()) {
      const Json::object_t& top = doc.get_ref<const Json::object_t&>();
      if (auto graph = top.find("@graph"); graph != top.end()) add(graph->second);
    }
    for (const Json::object_t* node : nodes) {
      auto date = node->find("datePublished");
      if (date != node->end() && date->second.is_string()) {
        published_.Offer(date->second.get_ref<const std::string&>(), 100, line);
      }
      auto publisher = node->find("publisher");
      if (publisher != node->end() && publisher->second.is_object()) {
        const Json::object_t& p = publisher->second.get_ref<const Json::object_t&>();
        auto pname = p.find("name");
        if (pname != p.end() && pname->second.is_string()) {
          outlet_.Offer(pname->second.get_ref<const std::string&>(), 1, 0);
        }
      }
    }
  }

  const ReaderOptions& options_;
  htmlParserCtxtPtr parser_ = nullptr;
  std::vector<uint8_t> stack_;  // roles of the open elements, innermost last
  size_t drop_depth_ = 0;       // open dropped elements
  size_t article_depth_ = 0;
  size_t main_depth_ = 0;
  TextBuilder body_, article_, main_, title_, h1_text_;
  std::string best_article_;
  std::string title_text_;
  bool have_title_ = false;
  bool in_title_ = false;
  std::string* h1_capture_ = nullptr;
  std::string first_h1_, dropped_h1_, og_title_;
  std::string json_ld_;
  MetaPriority published_, outlet_, url_;
  std::string language_;
};

Extractor* Self(void* ctx) { return static_cast<Extractor*>(ctx); }

void OnStart(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  Self(ctx)->StartElement(View(name), attrs);
}
void OnEnd(void* ctx, const xmlChar* /*name*/) { Self(ctx)->EndElement(); }
void OnCharacters(void* ctx, const xmlChar* ch, int len) {
  if (len > 0)
    Self(ctx)->Characters(
        std::string_view(reinterpret_cast<const char*>(ch), static_cast<size_t>(len)));
}
// libxml2 reports the raw content of <script> and <style> here.
void OnRawText(void* ctx, const xmlChar* ch, int len) {
  if (len > 0)
    Self(ctx)->RawText(
        std::string_view(reinterpret_cast<const char*>(ch), static_cast<size_t>(len)));
}

struct ParserFree {
  void operator()(htmlParserCtxtPtr p) const {
    if (p->myDoc != nullptr) xmlFreeDoc(p->myDoc);
    htmlFreeParserCtxt(p);
  }
};

}  // namespace

Result<HtmlContent> ExtractHtml(std::string_view html, const ReaderOptions& options) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });

  html.remove_prefix(ByteOrderMarkLength(html));
  if (html.size() > static_cast<size_t>(INT_MAX)) {
    return Status(ErrorKind::kTooLarge, "an HTML page must be under 2 GiB");
  }
  Extractor extractor(options);
  std::unique_ptr<htmlParserCtxt, ParserFree> parser(
      htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size())));
  if (parser == nullptr || parser->sax == nullptr) {
    return Status(ErrorKind::kInternal, "the HTML parser could not start");
  }
  // Stream the page through our callbacks instead of building a tree (the
  // way libxml2's own htmlSAXParseDoc installs a handler).
  htmlSAXHandler& sax = *parser->sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnCharacters;
  sax.ignorableWhitespace = OnCharacters;
  sax.cdataBlock = OnRawText;
  parser->userData = &extractor;
  extractor.set_parser(parser.get());
  htmlCtxtUseOptions(parser.get(), HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                       HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(parser.get(), XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(parser.get());
  extractor.set_parser(nullptr);
  return extractor.Finish();
}

Result<std::string> ExtractHtmlText(std::string_view html, std::string* title,
                                    const ReaderOptions& options) {
  SITREP_RETURN_IF_ERROR(CheckText(html, "html"));
  SITREP_ASSIGN_OR_RETURN(HtmlContent content, ExtractHtml(html, options));
  if (title != nullptr) *title = std::move(content.title);
  return std::move(content.text);
}

}  // namespace sitrep
