// The text-level conditions of a typing session's commit point (see commit_point.hpp).
#include "typing/commit_point.hpp"

#include "text/unicode.hpp"
#include "text/user_span.hpp"
#include "text/utf8.hpp"

namespace ortaq::typing {
namespace {

// How far a `-{` may be from the end of its `}-`.
constexpr std::size_t kSpanReach = user_span::kReach;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Decodes the code point at `pos` (U+FFFD and one byte for anything ill-formed).
char32_t At(std::string_view text, std::size_t pos, std::size_t* length) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const utf8::Decoded d = utf8::Decode(data + pos, data + text.size());
  *length = d.length > 0 ? static_cast<std::size_t>(d.length) : 1;
  return d.length > 0 ? d.code_point : 0xFFFD;
}

}  // namespace

bool IsTokenStart(std::string_view text, std::size_t pos) { return pos > 0 && pos <= text.size() && IsSpace(text[pos - 1]); }

bool InsideOpenSpan(std::string_view text, std::size_t pos) {
  const std::size_t from = pos > kSpanReach ? pos - kSpanReach : 0;
  const std::string_view before = text.substr(from, pos - from);
  const std::size_t open = before.rfind(user_span::kOpen);
  if (open == std::string_view::npos) return false;
  return before.find(user_span::kClose, open + user_span::kOpen.size()) == std::string_view::npos;
}

bool WaitsForCase(std::string_view text, std::size_t from, std::size_t pos, std::size_t end) {
  // Walks the words of [from, end): remembers whether a one-letter capital word before `pos`
  // is waiting, and lets it go at the first complete word of two or more cased letters.
  bool waiting = false;
  std::size_t p = from;
  while (p < end) {
    std::size_t length;
    char32_t cp = At(text, p, &length);
    if (!unicode::IsWordChar(cp)) {
      p += length;
      continue;
    }
    const std::size_t word_start = p;
    int cased = 0;
    bool upper = false;
    while (p < end && unicode::IsWordChar(cp)) {
      if (unicode::IsUpper(cp) || unicode::IsLower(cp)) {
        ++cased;
        upper = upper || (cased == 1 && unicode::IsUpper(cp));
      }
      p += length;
      if (p < end) cp = At(text, p, &length);
    }
    const bool complete = p < end;
    if (cased >= 2 && complete) {
      waiting = false;  // this word decides the case of every one-letter word before it
    } else if (cased == 1 && upper && word_start < pos) {
      waiting = true;
    }
    if (word_start >= pos && !waiting) return false;
  }
  return waiting;
}

bool ReadsAcrossWords(const CompiledTable& table) {
  for (const CompiledRule& rule : table.rules) {
    for (std::size_t i = 0; i < rule.right.size(); ++i) {
      const CompiledItem& item = rule.right[i];
      const bool non_letter = item.kind == ContextItem::Kind::kBoundary || item.kind == ContextItem::Kind::kNotLetter ||
                              item.kind == ContextItem::Kind::kNotClass;
      const bool repeated = item.quantifier == Quantifier::kStar || item.quantifier == Quantifier::kPlus;
      if (non_letter && (repeated || i + 1 < rule.right.size())) return true;
    }
  }
  return false;
}

std::size_t CompleteLength(std::string_view text) {
  // A cut sequence is at most three bytes: a lead byte and up to two continuation bytes.
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t lead = text.size();
  for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
    if (!utf8::IsContinuation(data[text.size() - back])) {
      lead = text.size() - back;
      break;
    }
  }
  if (lead == text.size()) return text.size();
  const utf8::Decoded d = utf8::Decode(data + lead, data + text.size());
  return d.length == 0 ? lead : text.size();
}

}  // namespace ortaq::typing
