#include "markup/markdown.hpp"

#include <optional>
#include <vector>

#include "markup/html_scan.hpp"

namespace ortaq::markup_detail {

namespace {

// ---- Markdown --------------------------------------------------------------------------------
//
// A line-based pass finds the blocks (code blocks, headings, HTML blocks, paragraphs, list and
// quote markers) after CommonMark, simplified where the simplification can only leave more text
// unconverted, never convert code. Each run of inline text (a paragraph, a heading, an HTML
// block) is then scanned for code spans, raw HTML, link destinations, autolinks and references.

// Columns of indentation from `p` (a tab goes to the next multiple of 4); *first is the first
// byte that is not a space or tab.
std::size_t Indentation(std::string_view s, std::size_t p, std::size_t end, std::size_t* first) {
  std::size_t column = 0;
  while (p < end && IsBlankChar(s[p])) {
    column = s[p] == '\t' ? column + 4 - column % 4 : column + 1;
    ++p;
  }
  *first = p;
  return column;
}

// The end of a list marker ("-", "+", "*", "1.", "1)") at p, which a space, tab or the end of
// the line must follow; kNpos if there is none.
std::size_t ListMarkerEnd(std::string_view s, std::size_t p, std::size_t end) {
  std::size_t q = p;
  if (q < end && (s[q] == '-' || s[q] == '+' || s[q] == '*')) {
    ++q;
  } else {
    while (q < end && q - p < 9 && IsDigit(s[q])) ++q;
    if (q == p || q >= end || (s[q] != '.' && s[q] != ')')) return kNpos;
    ++q;
  }
  return (q == end || IsBlankChar(s[q])) ? q : kNpos;
}

bool IsAtxHeading(std::string_view s, std::size_t p, std::size_t end) {
  std::size_t q = p;
  while (q < end && s[q] == '#') ++q;
  return q > p && q - p <= 6 && (q == end || IsBlankChar(s[q]));
}

// The end condition of an HTML block that may hold blank lines (CommonMark types 1 to 5) starting
// at p, or "" when no such block starts there.
std::string_view HtmlBlockEnd(std::string_view s, std::size_t p, std::size_t end) {
  static constexpr std::array<std::string_view, 4> kRaw = {"script", "pre", "style", "textarea"};
  static constexpr std::array<std::string_view, 4> kRawEnd = {"</script>", "</pre>", "</style>", "</textarea>"};
  if (p >= end || s[p] != '<') return {};
  for (std::size_t i = 0; i < kRaw.size(); ++i) {
    const std::size_t after = p + 1 + kRaw[i].size();
    if (StartsWithIgnoreCase(s, p + 1, kRaw[i]) && (after >= end || IsSpace(s[after]) || s[after] == '>'))
      return kRawEnd[i];
  }
  const std::string_view rest = s.substr(p, end - p);
  if (rest.starts_with("<!--")) return "-->";
  if (rest.starts_with("<?")) return "?>";
  if (rest.starts_with("<![CDATA[")) return "]]>";
  if (rest.size() > 2 && rest[1] == '!' && IsAlpha(rest[2])) return ">";
  return {};
}

// The inlines of one block (a paragraph, a heading, an HTML block): code spans, raw HTML, link
// destinations and titles, autolinks, bare URLs and references. Raw HTML's open elements
// persist from block to block, as a browser's would.
class MarkdownInlines {
 public:
  MarkdownInlines(std::string_view s, Paint* paint) : s_(s), paint_(paint), protected_(true) {}

  // At the end of the document: an element left open protects everything after its start.
  void Finish() {
    if (protected_.active()) paint_->Copy(protected_begin_, s_.size());
  }

  void Inline(std::size_t begin, std::size_t end, bool paragraph) {
    std::size_t i = paragraph ? LinkDefinitions(begin, end) : begin;
    int open_brackets = 0;
    while (i < end) {
      switch (s_[i]) {
        case '\\':
          i += (i + 1 < end && IsAsciiPunct(s_[i + 1])) ? 2 : 1;
          break;
        case '`':
          i = CodeSpan(i, end);
          break;
        case '<':
          i = Angle(i, end);
          break;
        case '&': {
          const std::size_t length = ReferenceLength(s_, i, end, ReferenceRules::kStrict);
          paint_->Copy(i, i + length);
          i += std::max<std::size_t>(length, 1);
          break;
        }
        case '[':
          ++open_brackets;
          ++i;
          break;
        case ']':
          if (open_brackets > 0) {
            --open_brackets;
            if (i + 1 < end && s_[i + 1] == '(') {
              const std::size_t tail = LinkTail(i + 1, end);
              if (tail != kNpos) {
                i = tail;
                break;
              }
            }
          }
          ++i;
          break;
        default:
          i = MaybeBareUrl(i, begin, end);
      }
    }
  }
 private:

  // A code span: a run of backticks up to the next run of the same length. A run without a
  // closer means no later run has that length, so the failed searches stay few.
  std::size_t CodeSpan(std::size_t i, std::size_t end) {
    std::size_t run_end = i;
    while (run_end < end && s_[run_end] == '`') ++run_end;
    const std::size_t length = run_end - i;
    for (std::size_t j = s_.find('`', run_end); j < end; j = s_.find('`', j)) {
      std::size_t k = j;
      while (k < end && s_[k] == '`') ++k;
      if (k - j == length) {
        paint_->Copy(i, k);
        return k;
      }
      j = k;
    }
    return run_end;  // no closing run: the backticks are text
  }

  // '<': an autolink, raw HTML, or text.
  std::size_t Angle(std::size_t i, std::size_t end) {
    if (const std::size_t autolink = AutolinkEnd(i, end); autolink != kNpos) {
      paint_->Copy(i, autolink);
      return autolink;
    }
    // Every construct ends with a '>'; without one ahead (prose such as "a < b"), skip the scan
    // so that a long paragraph with many '<' stays linear.
    if (next_gt_ == kNpos || next_gt_ < i) next_gt_ = std::min(s_.find('>', i), s_.size());
    if (next_gt_ >= end && !s_.substr(i, end - i).starts_with("<!") && !s_.substr(i, end - i).starts_with("<?"))
      return i + 1;
    const Token token = ScanMarkup(s_, i, end, Dialect::kMarkdown);
    if (token.kind == TokenKind::kNone) return i + 1;
    paint_->Copy(i, token.end);
    if (token.kind == TokenKind::kEndTag) {
      const bool was_active = protected_.active();
      protected_.Close(token.name);
      if (was_active && !protected_.active()) paint_->Copy(protected_begin_, i);
    }
    if (token.kind != TokenKind::kStartTag) return token.end;
    const bool protects = StartsProtectedElement(s_, token, Dialect::kMarkdown);
    if (!token.self_closing && !IsVoidElement(token.name)) {
      if (protects && !protected_.active()) protected_begin_ = token.end;
      protected_.Open(token.name, protects);
    }
    if (IsRawTextElement(token.name)) {
      const std::size_t close = FindEndTag(s_, token.name, token.end, end);
      paint_->Copy(token.end, close);
      return close;
    }
    return token.end;
  }

  // The end of the autolink <scheme:…> or <user@host> at i, or kNpos.
  std::size_t AutolinkEnd(std::size_t i, std::size_t end) const {
    const std::size_t p = i + 1;
    std::size_t close = p;
    while (close < end && !IsSpace(s_[close]) && s_[close] != '<' && s_[close] != '>') ++close;
    if (close >= end || s_[close] != '>' || close == p) return kNpos;
    const std::string_view body = s_.substr(p, close - p);
    // URI: a scheme of 2 to 32 characters and a colon.
    std::size_t k = 0;
    if (IsAlpha(body[0])) {
      while (k < body.size() && (IsAlnum(body[k]) || body[k] == '+' || body[k] == '.' || body[k] == '-')) ++k;
      if (k >= 2 && k <= 32 && k < body.size() && body[k] == ':') return close + 1;
    }
    // E-mail: ASCII only, an '@' with something on both sides.
    const std::size_t at = body.find('@');
    if (at == kNpos || at == 0 || at + 1 == body.size()) return kNpos;
    const bool ascii = std::all_of(body.begin(), body.end(), [](char c) {
      return IsAlnum(c) || std::string_view(".!#$%&'*+/=?^_`{|}~-@").find(c) != kNpos;
    });
    return ascii ? close + 1 : kNpos;
  }

  // Link reference definitions at the start of a paragraph; returns where its text starts.
  std::size_t LinkDefinitions(std::size_t begin, std::size_t end) {
    std::size_t p = begin;
    for (std::size_t next; (next = LinkDefinition(p, end)) != kNpos;) {
      p = next;
      // The next one may follow on the next line, after quote markers and indentation.
      while (p < end && (IsBlankChar(s_[p]) || s_[p] == '>')) ++p;
    }
    return p;
  }

  // One "[label]: destination 'title'" at p: paints the destination (and the title's quotes) as
  // copied and returns the start of the next line; kNpos if there is no definition at p.
  std::size_t LinkDefinition(std::size_t p, std::size_t end) {
    std::size_t q = p;
    while (q < end && IsBlankChar(s_[q])) ++q;
    if (q >= end || s_[q] != '[') return kNpos;
    const std::size_t label = q + 1;
    std::size_t r = label;
    while (r < end && s_[r] != ']') {
      if (s_[r] == '[' || r - label > 999) return kNpos;
      r += (s_[r] == '\\' && r + 1 < end) ? 2 : 1;
    }
    // "[^1]: text" is a footnote, whose text is read.
    if (r >= end || r + 1 >= end || s_[r + 1] != ':' || IsBlank(s_, label, r) || s_[label] == '^') return kNpos;
    const std::size_t colon = r + 1;
    const std::size_t destination = SkipSpaceAndOneLineEnd(colon + 1, end);
    const std::size_t destination_end = DestinationEnd(destination, end, /*allow_empty=*/false);
    if (destination_end == kNpos) return kNpos;
    const std::size_t title = SkipSpaceAndOneLineEnd(destination_end, end);
    if (title > destination_end && title < end && (s_[title] == '"' || s_[title] == '\'' || s_[title] == '(')) {
      const std::size_t title_close = TitleClose(title, end);
      if (title_close != kNpos) {
        const Line rest = LineAt(s_, title_close);
        if (IsBlank(s_, title_close + 1, rest.content_end)) {
          Label(label, r);
          CopyOutsideTitle(colon, title, title_close, title_close + 1);
          return std::min(rest.next, end);
        }
      }
    }
    const Line rest = LineAt(s_, destination_end);
    if (!IsBlank(s_, destination_end, rest.content_end)) return kNpos;
    Label(label, r);
    paint_->Copy(colon, destination_end);
    return std::min(rest.next, end);
  }

  // A definition's label must still match the references to it after conversion, and those
  // are converted as inline text (code spans in them kept): so the label is converted the same way.
  void Label(std::size_t begin, std::size_t end) { Inline(begin, end, /*paragraph=*/false); }

  // Paints [begin, end) as copied except the text of the title between its delimiters at
  // `title` and `title_close`; character references in the title are copied too.
  void CopyOutsideTitle(std::size_t begin, std::size_t title, std::size_t title_close, std::size_t end) {
    paint_->Copy(begin, title + 1);
    CopyReferences(s_, title + 1, title_close, ReferenceRules::kStrict, paint_);
    paint_->Copy(title_close, end);
  }

  // "(destination 'title')" after a link's or image's ']': paints all but the title's text as
  // copied; returns its end, or kNpos if it is not one.
  std::size_t LinkTail(std::size_t open, std::size_t end) {
    const std::size_t destination = SkipSpaceAndOneLineEnd(open + 1, end);
    const std::size_t destination_end = DestinationEnd(destination, end, /*allow_empty=*/true);
    if (destination_end == kNpos) return kNpos;
    std::size_t p = SkipSpaceAndOneLineEnd(destination_end, end);
    std::size_t title = kNpos, title_close = kNpos;
    if (p > destination_end && p < end && (s_[p] == '"' || s_[p] == '\'' || s_[p] == '(')) {
      title = p;
      title_close = TitleClose(p, end);
      if (title_close == kNpos) return kNpos;
      p = SkipSpaceAndOneLineEnd(title_close + 1, end);
    }
    if (p >= end || s_[p] != ')') return kNpos;
    if (title == kNpos) paint_->Copy(open, p + 1);
    else CopyOutsideTitle(open, title, title_close, p + 1);
    return p + 1;
  }

  std::size_t SkipSpaceAndOneLineEnd(std::size_t p, std::size_t end) const {
    while (p < end && IsBlankChar(s_[p])) ++p;
    if (p < end && s_[p] == '\r') ++p;
    if (p < end && s_[p] == '\n') ++p;
    while (p < end && IsBlankChar(s_[p])) ++p;
    return p;
  }

  // The end of a link destination at p: <…> or a run without spaces whose parentheses balance.
  std::size_t DestinationEnd(std::size_t p, std::size_t end, bool allow_empty) const {
    if (p < end && s_[p] == '<') {
      for (std::size_t q = p + 1; q < end; ++q) {
        if (s_[q] == '\\' && q + 1 < end) ++q;
        else if (s_[q] == '>') return q + 1;
        else if (s_[q] == '<' || s_[q] == '\n') return kNpos;
      }
      return kNpos;
    }
    int depth = 0;
    std::size_t q = p;
    while (q < end && !IsSpace(s_[q]) && static_cast<unsigned char>(s_[q]) >= 0x20) {
      if (s_[q] == '\\' && q + 1 < end) {
        q += 2;
        continue;
      }
      if (s_[q] == '(') ++depth;
      if (s_[q] == ')' && depth-- == 0) break;
      ++q;
    }
    if (depth > 0 || (q == p && !allow_empty)) return kNpos;
    return q;
  }

  // The closing quote or parenthesis of the title that opens at p, or kNpos.
  std::size_t TitleClose(std::size_t p, std::size_t end) const {
    const char close = s_[p] == '(' ? ')' : s_[p];
    for (std::size_t q = p + 1; q < end; ++q) {
      if (s_[q] == '\\' && q + 1 < end) ++q;
      else if (s_[q] == close) return q;
    }
    return kNpos;
  }

  // A bare URL (GitHub's "extended autolinks") at i is copied; returns where scanning goes on.
  std::size_t MaybeBareUrl(std::size_t i, std::size_t begin, std::size_t end) {
    const char c = Lower(s_[i]);
    if (c != 'h' && c != 'f' && c != 'w') return i + 1;
    if (i > begin && !IsSpace(s_[i - 1]) && std::string_view("*_~(['\"").find(s_[i - 1]) == kNpos) return i + 1;
    static constexpr std::array<std::string_view, 4> kPrefixes = {"https://", "http://", "ftp://", "www."};
    const auto prefix = std::find_if(kPrefixes.begin(), kPrefixes.end(),
                                     [&](std::string_view p) { return StartsWithIgnoreCase(s_, i, p); });
    if (prefix == kPrefixes.end()) return i + 1;
    std::size_t j = i;
    while (j < end && !IsSpace(s_[j]) && s_[j] != '<') ++j;
    j = TrimUrlEnd(i, j);
    if (j <= i + prefix->size()) return i + 1;
    paint_->Copy(i, j);
    return j;
  }

  // Trailing punctuation ends a sentence rather than the URL; so does a ')' that closes nothing.
  std::size_t TrimUrlEnd(std::size_t begin, std::size_t end) const {
    static constexpr std::array<std::string_view, 4> kClosing = {"\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\xA6"};
    while (end > begin) {
      const std::string_view url = s_.substr(begin, end - begin);
      const char last = url.back();
      if (std::string_view("?!.,:;*_~'\"").find(last) != kNpos) {
        --end;
      } else if (last == ')' && std::count(url.begin(), url.end(), ')') > std::count(url.begin(), url.end(), '(')) {
        --end;
      } else if (const auto it = std::find_if(kClosing.begin(), kClosing.end(), [&](std::string_view q) { return url.ends_with(q); });
                 it != kClosing.end()) {
        end -= it->size();
      } else {
        break;
      }
    }
    return end;
  }

  std::string_view s_;
  Paint* paint_;
  std::size_t next_gt_ = kNpos;  // the next '>' at or after the last '<' looked at; the input's size if none
  // Raw HTML state; it persists across blocks, as a browser's would.
  ProtectedElements protected_;
  std::size_t protected_begin_ = 0;
};

// The blocks, line by line; each block's inline text goes to MarkdownInlines.
class MarkdownSegmenter {
 public:
  MarkdownSegmenter(std::string_view s, Paint* paint) : s_(s), paint_(paint) {}

  void Run() {
    // A byte-order mark would hide a heading or a fence on the first line.
    const std::size_t start = s_.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
    paint_->Copy(0, start);
    for (std::size_t pos = start; pos < s_.size();) {
      const Line line = LineAt(s_, pos);
      Block(line);
      pos = line.next;
    }
    EndUnit();
    inlines_.Finish();
  }

 private:
  struct Fence {
    char mark;
    std::size_t length;
  };

  // ---- blocks ----

  void Block(const Line& line) {
    if (fence_) return FencedLine(line);
    if (!html_block_end_.empty()) return HtmlBlockLine(line);
    const std::size_t content = QuoteMarkers(line);
    if (IsBlank(s_, content, line.content_end)) {
      EndUnit();
      in_paragraph_ = false;
      previous_blank_ = true;
      return;
    }
    Content(line, content);
    previous_blank_ = false;
  }

  void FencedLine(const Line& line) {
    paint_->Copy(line.begin, line.next);
    std::size_t p = line.begin;
    while (p < line.content_end && (IsBlankChar(s_[p]) || s_[p] == '>')) ++p;
    std::size_t q = p;
    while (q < line.content_end && s_[q] == fence_->mark) ++q;
    if (q - p >= fence_->length && IsBlank(s_, q, line.content_end)) {
      fence_.reset();
      in_paragraph_ = false;
    }
  }

  void HtmlBlockLine(const Line& line) {
    unit_end_ = line.next;
    if (FindIgnoreCase(s_, html_block_end_, line.begin, line.content_end) != kNpos) {
      html_block_end_ = {};
      EndUnit();
    }
  }

  // Paints the block-quote markers at the start of the line; returns where its content starts.
  std::size_t QuoteMarkers(const Line& line) {
    std::size_t p = line.begin;
    while (true) {
      std::size_t q;
      if (Indentation(s_, p, line.content_end, &q) > 3 || q >= line.content_end || s_[q] != '>') return p;
      paint_->Copy(q, q + 1);
      p = q + 1;
      if (p < line.content_end && s_[p] == ' ') ++p;
    }
  }

  void Content(const Line& line, std::size_t content) {
    std::size_t p;
    const std::size_t indent = Indentation(s_, content, line.content_end, &p);
    // A list item ends at a line indented less than its content, unless that line continues a
    // paragraph ("lazy" continuation).
    if (previous_blank_ || !in_paragraph_)
      while (!lists_.empty() && lists_.back() > indent) lists_.pop_back();
    const std::size_t base = lists_.empty() ? 0 : lists_.back();
    if (!in_paragraph_ && indent >= base + 4) {  // indented code block
      EndUnit();
      paint_->Copy(line.begin, line.next);
      return;
    }
    // Fences are taken at any indentation: a fence missed would convert code.
    if (OpensFence(line, p)) return;
    if (indent < base + 4) p = ListMarkers(line, p, indent);
    if (IsBlank(s_, p, line.content_end)) {  // an empty list item
      in_paragraph_ = false;
      return;
    }
    if (OpensFence(line, p) || OpensHeading(line, p) || OpensHtmlBlock(line, p)) return;
    // Paragraph text.
    if (!in_paragraph_ || unit_begin_ == kNpos) {
      EndUnit();
      StartUnit(p, line.next, true);
    }
    unit_end_ = line.next;
    in_paragraph_ = true;
  }

  // An ATX heading is inline text of its own.
  bool OpensHeading(const Line& line, std::size_t p) {
    if (!IsAtxHeading(s_, p, line.content_end)) return false;
    EndUnit();
    StartUnit(p, line.next, false);
    EndUnit();
    in_paragraph_ = false;
    return true;
  }

  // An HTML block that may hold blank lines is one run of inline text up to its end condition,
  // so that a comment or a script with blank lines in it stays whole.
  bool OpensHtmlBlock(const Line& line, std::size_t p) {
    const std::string_view end = HtmlBlockEnd(s_, p, line.content_end);
    if (end.empty()) return false;
    EndUnit();
    StartUnit(p, line.next, false);
    in_paragraph_ = false;
    if (FindIgnoreCase(s_, end, p + 1, line.content_end) == kNpos) html_block_end_ = end;
    else EndUnit();
    return true;
  }

  // Paints the list markers at p (there may be several: "- 1. text") and a task-list box after
  // them; returns where the item's text starts.
  std::size_t ListMarkers(const Line& line, std::size_t p, std::size_t indent) {
    std::size_t column = indent;
    bool first = true;
    for (std::size_t marker_end; (marker_end = ListMarkerEnd(s_, p, line.content_end)) != kNpos;) {
      if (first) {
        EndUnit();
        in_paragraph_ = false;
        while (!lists_.empty() && lists_.back() > column) lists_.pop_back();
        first = false;
      }
      paint_->Copy(p, marker_end);
      std::size_t text;
      const std::size_t spaces = Indentation(s_, marker_end, line.content_end, &text);
      column += (marker_end - p) + ((text == line.content_end || spaces > 4) ? 1 : spaces);
      lists_.push_back(column);
      p = text;
    }
    if (!first && p + 3 <= line.content_end && s_[p] == '[' && s_[p + 2] == ']' &&
        (s_[p + 1] == ' ' || s_[p + 1] == 'x' || s_[p + 1] == 'X') &&
        (p + 3 == line.content_end || IsBlankChar(s_[p + 3]))) {
      paint_->Copy(p, p + 3);
      std::size_t text;
      Indentation(s_, p + 3, line.content_end, &text);
      p = text;
    }
    return p;
  }

  bool OpensFence(const Line& line, std::size_t p) {
    if (p >= line.content_end || (s_[p] != '`' && s_[p] != '~')) return false;
    std::size_t q = p;
    while (q < line.content_end && s_[q] == s_[p]) ++q;
    if (q - p < 3) return false;
    // A backtick fence's info string has no backtick ("```a```" is a code span).
    if (s_[p] == '`' && s_.substr(q, line.content_end - q).find('`') != kNpos) return false;
    EndUnit();
    paint_->Copy(line.begin, line.next);
    fence_ = Fence{s_[p], q - p};
    in_paragraph_ = false;
    return true;
  }

  void StartUnit(std::size_t begin, std::size_t end, bool paragraph) {
    unit_begin_ = begin;
    unit_end_ = end;
    unit_is_paragraph_ = paragraph;
  }

  void EndUnit() {
    if (unit_begin_ != kNpos && unit_begin_ < unit_end_) inlines_.Inline(unit_begin_, unit_end_, unit_is_paragraph_);
    unit_begin_ = kNpos;
  }

  std::string_view s_;
  Paint* paint_;

  // Block state.
  std::optional<Fence> fence_;
  std::string_view html_block_end_;  // set inside an HTML block that ends at this string
  bool in_paragraph_ = false;
  bool previous_blank_ = true;
  std::vector<std::size_t> lists_;  // content columns of the open list items
  std::size_t unit_begin_ = kNpos;  // the inline text being collected: [unit_begin_, unit_end_)
  std::size_t unit_end_ = 0;
  bool unit_is_paragraph_ = false;  // link reference definitions may start it

  MarkdownInlines inlines_{s_, paint_};
};

}  // namespace

void SegmentMarkdown(std::string_view s, Paint* paint) { MarkdownSegmenter(s, paint).Run(); }

}  // namespace ortaq::markup_detail
