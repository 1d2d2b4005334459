// Builds the accelerator of a finished CompiledTable: for every letter the fast paths decide,
// what the rule engine would write, alone or under a guard the engine checks cheaply. Reads
// the rule model only; every decision here must agree with engine/ (fast/README.md).
#include <algorithm>
#include <bit>
#include <cctype>
#include <set>

#include "fast/fast_tables.hpp"
#include "fast/pair_table.hpp"
#include "text/pass_through.hpp"
#include "text/unicode.hpp"
#include "text/user_span.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

class FastTablesBuilder {
 public:
  FastTablesBuilder(const CompiledTable& table, FastTables* fast) : t_(table), f_(fast) {}

  // Decides ahead, for every FastLetter, what the engine's full path would do whenever that
  // does not depend on the neighbours: copy it, or write one known output.
  void Build() {
    // Marks: a letter before one is left to the full path (it may compose with the mark).
    for (char32_t c = 0x80; c < 0x800; ++c) f_->fast2[c].mark = unicode::IsMark(c);
    for (char32_t c = 0; c < 0x800; ++c) {
      if (!FastLetter(c)) continue;
      FastEntry& e = f_->fast2[c];
      if (t_.repair_lookalikes && t_.lookalike[c] != 0) continue;  // kGeneral: depends on the word
      if (t_.exception_start.Get(c) != 0) continue;  // kGeneral: may begin an exception
      const std::uint32_t node = t_.start.Get(c);
      if (node == 0) {
        e.kind = FastEntry::kCopy;
        continue;
      }
      const TrieNode& n = t_.nodes[node];
      // Longer keys that go on with a combining mark (the decomposed й = и + U+0306) do not
      // stop the fast path: it hands a letter followed by a mark to the full path anyway.
      if (!OnlyMarkChildren(n)) continue;
      if (n.rules.empty()) {  // only keys of this letter with a mark (ı + U+0307): alone, it is copied
        e.kind = FastEntry::kCopy;
        continue;
      }
      if (n.rules.size() != 1) continue;
      const CompiledRule& rule = t_.rules[n.rules[0]];
      if (!rule.left.empty() || !rule.right.empty()) continue;
      const OutputForms& forms = t_.outputs[rule.output];
      const std::string* text = nullptr;
      if (!t_.case_auto || !unicode::IsUpper(c)) text = &forms.lower;
      else if (forms.title == forms.upper) text = &forms.upper;
      if (!text || text->size() > 8) continue;  // the engine copies 8 bytes at a time
      e.kind = FastEntry::kReplace;
      e.length = static_cast<std::uint8_t>(text->size());
      e.offset = static_cast<std::uint32_t>(f_->pool.size());
      f_->pool += *text;
    }
    BuildGuardedEntries();
    BuildNeighbourBits();
    f_->pool.append(8, '\0');  // the engine copies 8 bytes at a time from the pool
    for (unsigned char c = 0; c < 128; ++c) {
      const bool free = !t_.protect_start[c] && !(t_.pass_through && c == user_span::kOpen[0]);
      f_->ascii_copy[c] = free && !t_.ascii_start[c];
      // Started keys that all go on with a mark, and nothing else that reads this letter.
      bool unless_mark = false;
      if (free && t_.ascii_start[c] && !(t_.repair_lookalikes && t_.ascii_lookalike[c]) &&
          t_.exception_start.Get(c) == 0) {
        const std::uint32_t node = t_.start.Get(c);
        unless_mark = node != 0 && t_.nodes[node].rules.empty() && OnlyMarkChildren(t_.nodes[node]);
      }
      f_->ascii_copy_unless_mark[c] = free && unless_mark;
    }
    f_->pair_table = pair_table::Build(t_, *f_);
    // Blocks do not look for word starts, which a foreign-word check reads.
    const bool foreign = t_.foreign_words_on && (!t_.foreign_letters.letters.empty() || !t_.foreign_words.empty());
    f_->whole_blocks = !foreign;
    std::array<bool, 128> scanned = f_->ascii_copy;  // the scan checks the byte after for a mark
    for (unsigned char c = 0; c < 128; ++c) scanned[c] = scanned[c] || f_->ascii_copy_unless_mark[c];
    f_->ascii_copy_set = ascii_scan::MakeCopySet(scanned);
  }

 private:
  static bool OnlyMarkChildren(const TrieNode& n) {
    return std::all_of(n.children.begin(), n.children.end(),
                       [](const auto& child) { return unicode::IsMark(child.first); });
  }

  // The letters the fast table decides: two-byte ones (U+0080..U+07FF: Latin, Greek,
  // Cyrillic) and the ASCII letters (which the pair table then decides too).
  static bool FastLetter(char32_t c) { return c >= 0x80 || std::isalpha(static_cast<int>(c)); }

  // FastTables::neighbour_bits and the masks of the entries that check a neighbour.
  void BuildNeighbourBits() {
    // The second letters of the exception words that begin with each guarded letter, as a
    // guard set of its own (index kNoSet: none but the word's end).
    struct Opening {
      std::uint32_t set = FastEntry::kNoSet;
      bool word_end = false;  // a one-letter exception word
      bool known = true;      // false: a one-letter stem, any second letter will do
    };
    std::vector<std::pair<char32_t, Opening>> openings;
    // And the letters that go on with a key, for kNextIsChild.
    std::vector<std::pair<char32_t, std::uint32_t>> children;
    for (char32_t c = 0; c < 0x800; ++c) {
      if (!FastLetter(c)) continue;
      const FastEntry& e = f_->fast2[c];
      if (e.guards & FastEntry::kAtWordStart) {
        const char32_t first = t_.SourceLower(c);
        Opening opening;
        std::vector<char32_t> seconds;
        for (const auto& [a, b] : t_.exception_openings) {
          if (a != first) continue;
          if (b == CompiledTable::kAnyLetter) opening.known = false;
          else if (b == 0) opening.word_end = true;
          else seconds.push_back(b);
        }
        if (!seconds.empty()) opening.set = GuardSet(std::move(seconds));
        openings.emplace_back(c, opening);
      }
      if (e.guards & FastEntry::kNextIsChild) {
        std::vector<char32_t> letters;
        for (const auto& [letter, node] : t_.nodes[e.guard_node].children) letters.push_back(letter);
        if (!letters.empty()) children.emplace_back(c, GuardSet(std::move(letters)));
      }
    }
    bool any = !openings.empty() || !children.empty();
    for (const FastEntry& e : f_->fast2) any = any || (e.guards & (FastEntry::kPrevChar | FastEntry::kNextChar));
    if (!any) return;
    f_->neighbour_bits.assign(CompiledTable::kLowerTableSize, 0);
    for (char32_t cp = 0; cp < CompiledTable::kLowerTableSize; ++cp) {
      std::uint32_t bits = 0;
      const char32_t lower = t_.SourceLower(cp);
      for (std::size_t s = 0; s < f_->guard_sets.size() && s < kNeighbourSetBits; ++s)
        if (f_->guard_sets[s].Contains(lower)) bits |= 1u << s;
      if (!unicode::IsWordChar(cp)) bits |= kNeighbourNotWord;
      if (unicode::IsMark(cp)) bits |= kNeighbourMark;
      const bool lookalike = cp < 0x80 ? t_.ascii_lookalike[cp] : t_.lookalike[cp] != 0;
      if (t_.repair_lookalikes && lookalike) bits |= kNeighbourRepairable;
      f_->neighbour_bits[cp] = bits;
    }
    auto mask = [](std::uint32_t set, bool boundary) -> std::uint32_t {
      if (set != FastEntry::kNoSet && set >= kNeighbourSetBits) return 0;  // guard_sets it is
      return (set != FastEntry::kNoSet ? 1u << set : 0) | (boundary ? kNeighbourNotWord : 0) | kNeighbourRepairable;
    };
    for (FastEntry& e : f_->fast2) {
      if (e.guards & FastEntry::kPrevChar) e.prev_mask = mask(e.prev_set, e.prev_boundary);
      if (e.guards & FastEntry::kNextChar) e.next_mask = mask(e.next_set, e.next_boundary);
    }
    // A mark after the letter makes the opening check unsure, as the engine's search does.
    for (const auto& [c, opening] : openings)
      if (opening.known && (opening.set == FastEntry::kNoSet || opening.set < kNeighbourSetBits))
        f_->fast2[c].opening_mask = mask(opening.set, opening.word_end) | kNeighbourMark;
    for (const auto& [c, set] : children) f_->fast2[c].child_mask = mask(set, false);
  }

  // The index of the guard set holding `letters` (sorted, no repeats), added if new: upper-
  // and lowercase forms of a letter have the same rules, so most sets are shared.
  std::uint32_t GuardSet(std::vector<char32_t> letters) {
    std::sort(letters.begin(), letters.end());
    letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
    for (std::size_t i = 0; i < f_->guard_sets.size(); ++i)
      if (f_->guard_sets[i].letters == letters) return static_cast<std::uint32_t>(i);
    f_->guard_sets.push_back(CharSet{std::move(letters)});
    return static_cast<std::uint32_t>(f_->guard_sets.size() - 1);
  }

  // For letters the fast table leaves to the full path, what that path would write unless a
  // condition the engine can check cheaply holds (FastEntry::Guard): the letter is at a word
  // start (exceptions), the next letter continues a longer key, or a letter some context rule
  // needs is near. Only rules that each need such a trigger letter are allowed; a rule whose
  // context is only classes or boundaries leaves the letter to the full path.
  void BuildGuardedEntries() {
    std::set<char32_t> triggers;
    for (char32_t c = 0; c < 0x800; ++c) {
      if (!FastLetter(c)) continue;
      FastEntry& e = f_->fast2[c];
      if (e.kind != FastEntry::kGeneral || e.mark) continue;
      if (t_.repair_lookalikes && t_.lookalike[c] != 0) continue;
      std::uint8_t guards = t_.exception_start.Get(c) != 0 ? FastEntry::kAtWordStart : 0;
      const std::uint32_t node = t_.start.Get(c);
      FastEntry::Kind kind = FastEntry::kCopy;  // no rule at all applies: the letter is copied
      const std::string* text = nullptr;
      std::set<char32_t> needed;
      struct Side {
        std::set<char32_t> letters;
        bool boundary = false, used = false;
      } prev, next;
      if (node != 0) {
        const TrieNode& n = t_.nodes[node];
        if (!OnlyMarkChildren(n)) guards |= FastEntry::kNextIsChild;
        bool guardable = true;
        for (std::uint32_t r : n.rules) {
          const CompiledRule& rule = t_.rules[r];
          if (rule.left.empty() && rule.right.empty()) {  // the rule that applies when no other does
            const OutputForms& forms = t_.outputs[rule.output];
            if (!t_.case_auto || !unicode::IsUpper(c)) text = &forms.lower;
            else if (forms.title == forms.upper) text = &forms.upper;
            else guardable = false;  // the case form depends on the neighbours
            kind = FastEntry::kReplace;
            break;
          }
          // Which cheap check rules this context out. A context of one item next to the letter
          // (/ V _, / # _, / _ C): that neighbour. Else a letter the context must see (ь in
          // / _ C+ ь ~V): none near. Else the nearest item, when it must match the neighbour
          // (/ # _ V: the character before is no letter). Else the full path.
          bool needs_a_letter = false;
          std::set<char32_t> letters;
          for (const auto* side : {&rule.left, &rule.right})
            for (const CompiledItem& item : *side)
              if (item.kind == ContextItem::Kind::kLetter &&
                  (item.quantifier == Quantifier::kOne || item.quantifier == Quantifier::kPlus)) {
                letters.insert(item.letter);
                needs_a_letter = true;
              }
          if (needs_a_letter && rule.left.size() + rule.right.size() > 1) {
            needed.insert(letters.begin(), letters.end());
            guards |= FastEntry::kTriggerNear;
            continue;
          }
          const bool before = !rule.left.empty();
          const CompiledItem& item = before ? rule.left[0] : rule.right[0];
          Side& side = before ? prev : next;
          const bool required = item.quantifier == Quantifier::kOne || item.quantifier == Quantifier::kPlus;
          if (item.kind == ContextItem::Kind::kBoundary) {
            side.boundary = true;
          } else if (item.kind == ContextItem::Kind::kLetter && required) {
            side.letters.insert(item.letter);
          } else if (item.kind == ContextItem::Kind::kClass && required) {
            const auto& members = t_.sets[item.set].letters;
            side.letters.insert(members.begin(), members.end());
          } else {
            guardable = false;
          }
          side.used = true;
          guards |= before ? FastEntry::kPrevChar : FastEntry::kNextChar;
        }
        if (!guardable || (kind == FastEntry::kReplace && (!text || text->size() > 8))) continue;
      }
      if (guards == 0) continue;
      auto add_set = [&](const Side& side, std::uint32_t* index, bool* boundary) {
        if (!side.used) return;
        *boundary = side.boundary;
        if (side.letters.empty()) return;
        *index = GuardSet(std::vector<char32_t>(side.letters.begin(), side.letters.end()));
      };
      add_set(prev, &e.prev_set, &e.prev_boundary);
      add_set(next, &e.next_set, &e.next_boundary);
      e.guards = guards;
      e.guarded_kind = kind;
      e.guard_node = node;
      if (kind == FastEntry::kReplace) {
        e.guarded_length = static_cast<std::uint8_t>(text->size());
        e.guarded_offset = static_cast<std::uint32_t>(f_->pool.size());
        f_->pool += *text;
        }
      triggers.insert(needed.begin(), needed.end());
    }
    if (triggers.empty()) return;
    // Every spelling the engine reads as a trigger: case forms, folded letters and look-alikes.
    f_->trigger_pairs.assign(0x10000 / 64, 0);
    auto mark_pairs = [&](char32_t cp) {
      std::string bytes;
      utf8::Append(bytes, cp);
      const unsigned a = static_cast<unsigned char>(bytes[0]);
      if (bytes.size() == 1) {
        for (unsigned b = 0; b < 0x100; ++b) f_->trigger_pairs[(a | (b << 8)) / 64] |= 1ull << ((a | (b << 8)) % 64);
      } else {
        const unsigned index = a | (static_cast<unsigned>(static_cast<unsigned char>(bytes[1])) << 8);
        f_->trigger_pairs[index / 64] |= 1ull << (index % 64);
      }
    };
    auto reads_as_trigger = [&](char32_t cp) {
      if (triggers.count(t_.SourceLower(cp))) return true;
      const char32_t imitated = cp < 0x800 ? t_.lookalike[cp] : 0;
      return imitated != 0 && triggers.count(t_.SourceLower(imitated));
    };
    for (char32_t cp = 1; cp < 0x800; ++cp)
      if (reads_as_trigger(cp)) mark_pairs(cp);
    // Beyond U+07FF: letters that lowercase or fold into that range.
    std::vector<char32_t> far{0x1E9E, 0x2126, 0x212A, 0x212B};
    for (char32_t t : triggers) {
      far.push_back(t);
      far.push_back(unicode::ToUpper(t));
    }
    for (const auto& [from, to] : t_.folds) far.push_back(from);
    for (const auto& [upper, lower] : t_.source_lower) far.push_back(upper);
    for (char32_t cp : far)
      if (cp >= 0x800 && reads_as_trigger(cp)) mark_pairs(cp);
    // A few two-byte letters (no ASCII, which marks a whole row): the vectorised scan's list.
    trigger_scan::Pairs list;
    bool listable = true;
    for (unsigned word = 0; word < f_->trigger_pairs.size() && listable; ++word) {
      for (std::uint64_t bits = f_->trigger_pairs[word]; bits != 0; bits &= bits - 1) {
        const unsigned index = word * 64 + static_cast<unsigned>(std::countr_zero(bits));
        listable = (index & 0xFF) >= 0xC2 && (index & 0xFF) < 0xE0 && list.count < trigger_scan::kMaxPairs;
        if (!listable) break;
        list.first[list.count] = static_cast<unsigned char>(index & 0xFF);
        list.second[list.count] = static_cast<unsigned char>(index >> 8);
        ++list.count;
      }
    }
    if (!listable) list.count = 0;
    f_->trigger_pair_list = list;
  }

  const CompiledTable& t_;
  FastTables* f_;
};

}  // namespace

std::unique_ptr<const FastTables> BuildFastTables(const CompiledTable& rules) {
  auto fast = std::make_unique<FastTables>();
  FastTablesBuilder(rules, fast.get()).Build();
  return fast;
}

}  // namespace ortaq
