// Reading the corpus: the source counted once, each proposal's conversion counted, and the
// distinct word forms collected for the word-level measures (measures.cpp).
#include <algorithm>
#include <set>

#include "compare/comparison_impl.hpp"
#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq {
namespace {

constexpr std::size_t kSampleMinBytes = 40;
constexpr std::size_t kSampleMaxBytes = 400;

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// utf8::FindInvalid with the two-byte sequences (Cyrillic) checked in place.
std::size_t FindInvalid(std::string_view text) {
  auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  auto* end = begin + text.size();
  for (auto* p = begin; p < end;) {
    if (*p < 0x80) { ++p; continue; }
    const utf8::Decoded d = compare::DecodeFast(p, end);
    if (d.length <= 0) return static_cast<std::size_t>(p - begin);
    p += d.length;
  }
  return std::string_view::npos;
}

// The code point of a letter written with one code point below U+0800 (no marks), else
// compare::kClassTableSize.
char32_t SingleCodePoint(std::string_view letter) {
  if (letter.size() == 1) return static_cast<unsigned char>(letter[0]);
  auto* p = reinterpret_cast<const unsigned char*>(letter.data());
  if (letter.size() == 2) {
    const utf8::Decoded d = compare::DecodeFast(p, p + 2);
    if (d.length == 2) return d.code_point;
  }
  return compare::kClassTableSize;
}

}  // namespace

Status LoadProposal(std::string_view spec, std::string_view from, const Options& options, Proposal* proposal) {
  proposal->id = std::string(spec);
  proposal->transliterator.reset();
  std::string table(spec);
  Options with_settings = options;
  // TABLE:KEY=VALUE,KEY=VALUE — the last ':' followed by a setting starts the settings.
  const std::size_t colon = spec.rfind(':');
  if (colon != std::string_view::npos && spec.find('=', colon) != std::string_view::npos) {
    table = std::string(spec.substr(0, colon));
    std::string_view rest = spec.substr(colon + 1);
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      const std::string_view item = rest.substr(0, comma);
      const std::size_t eq = item.find('=');
      if (eq == std::string_view::npos || eq == 0) {
        return Status(StatusCode::kInvalidArgument,
                      "proposal '" + std::string(spec) + "': setting '" + std::string(item) + "' is not KEY=VALUE");
      }
      with_settings.settings.emplace_back(std::string(item.substr(0, eq)), std::string(item.substr(eq + 1)));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  Status status;
  // An id or a .tbl path; a file reading another alphabet is reached through a chain.
  proposal->transliterator = Transliterator::FromIds(from, table, with_settings, &status);
  if (!proposal->transliterator) {
    return Status(status.code(), "proposal '" + std::string(spec) + "': " + status.message(), status.diagnostics());
  }
  return Status();
}

namespace compare {

Status ConvertEach(const Transliterator& t, const std::vector<std::string_view>& items,
                   std::vector<std::string>* outputs) {
  outputs->clear();
  std::string joined, converted;
  constexpr std::size_t kBatchBytes = 1 << 20;
  std::size_t i = 0;
  while (i < items.size()) {
    joined.clear();
    const std::size_t first = i;
    for (; i < items.size() && (joined.size() < kBatchBytes || i == first); ++i) {
      joined.append(items[i]);
      joined.push_back('\n');
    }
    Status status = t.Transliterate(joined, &converted);
    if (!status.ok()) return status;
    std::vector<std::string_view> lines = SplitLines(converted);
    if (lines.size() == i - first) {
      for (std::string_view line : lines) outputs->emplace_back(line);
      continue;
    }
    // A table that writes or removes line breaks: convert the items one by one.
    for (std::size_t k = first; k < i; ++k) {
      status = t.Transliterate(items[k], &converted);
      if (!status.ok()) return status;
      outputs->push_back(converted);
    }
  }
  return Status();
}

}  // namespace compare

Comparison::Comparison(std::vector<Proposal> proposals, CompareOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  for (Proposal& p : proposals) impl_->proposals.push_back({std::move(p), {}, {}});
  impl_->converted.resize(impl_->proposals.size());
}

Comparison::~Comparison() = default;

Status Comparison::Add(std::string_view chunk) {
  if (impl_->finished) return Status(StatusCode::kInvalidArgument, "Comparison::Add after Finish");
  const std::size_t last_newline = chunk.rfind('\n');
  if (last_newline == std::string_view::npos) {
    impl_->pending.append(chunk);
    return Status();
  }
  Status status;
  if (impl_->pending.empty()) {
    status = impl_->Process(chunk.substr(0, last_newline + 1));
  } else {
    impl_->pending.append(chunk.substr(0, last_newline + 1));
    status = impl_->Process(impl_->pending);
    impl_->pending.clear();
  }
  impl_->pending.append(chunk.substr(last_newline + 1));
  return status;
}

Status Comparison::EndOfFile() {
  Status status;
  if (!impl_->pending.empty()) status = impl_->Process(impl_->pending);
  impl_->pending.clear();
  impl_->file_offset = impl_->file_lines = 0;
  return status;
}

Status Comparison::Impl::Process(std::string_view lines) {
  if (const std::size_t bad = FindInvalid(lines); bad != std::string_view::npos) {
    InputPosition position;
    position.byte_offset = file_offset + bad;
    const std::string_view before = lines.substr(0, bad);
    position.line = file_lines + 1 + std::count(before.begin(), before.end(), '\n');
    const std::size_t line_start = before.rfind('\n');
    const std::string_view in_line = before.substr(line_start == std::string_view::npos ? 0 : line_start + 1);
    position.column = 1 + utf8::DecodeValid(in_line).size();
    return Status::InvalidInput("invalid UTF-8 at line " + std::to_string(position.line) + ", column " +
                                    std::to_string(position.column) + " (byte " +
                                    std::to_string(position.byte_offset) + ")",
                                position);
  }
  chunk_words.clear();
  source.AddWithWords(lines, word_buffer, [&](std::string_view word) { chunk_words.push_back(word); });
  forms.InternAll(chunk_words, [&](std::uint32_t id) {
    if (id == form_counts.size()) form_counts.push_back(0);
    ++form_counts[id];
  });
  for (std::size_t i = 0; i < proposals.size(); ++i) {
    converted[i].clear();
    Status status = proposals[i].proposal.transliterator->Transliterate(lines, &converted[i]);
    if (!status.ok()) return status;
    proposals[i].counts.Add(converted[i]);
  }
  CollectSamples(lines);
  file_offset += lines.size();
  file_lines += std::count(lines.begin(), lines.end(), '\n');
  return Status();
}

// Keeps the first lines of a readable length where the proposals write something differently:
// lines where every proposal differs from every other first.
void Comparison::Impl::CollectSamples(std::string_view lines) {
  const std::size_t wanted = static_cast<std::size_t>(std::max(0, options.sample_lines));
  if (samples_all_differ.size() >= wanted || proposals.empty()) return;
  const std::vector<std::string_view> source_lines = SplitLines(lines);
  std::vector<std::vector<std::string_view>> outputs;
  for (const std::string& c : converted) {
    outputs.push_back(SplitLines(c));
    if (outputs.back().size() != source_lines.size()) return;  // a table that changes line breaks
  }
  for (std::size_t l = 0; l < source_lines.size() && samples_all_differ.size() < wanted; ++l) {
    const std::string_view line = source_lines[l];
    if (line.size() < kSampleMinBytes || line.size() > kSampleMaxBytes) continue;
    SampleLine sample{std::string(line), {}};
    std::set<std::string_view> distinct;
    for (const auto& o : outputs) {
      sample.outputs.emplace_back(o[l]);
      distinct.insert(o[l]);
    }
    if (proposals.size() == 1 && outputs[0][l] != line) distinct.insert(line);
    if (distinct.size() == std::max<std::size_t>(2, proposals.size())) {
      samples_all_differ.push_back(std::move(sample));
    } else if (distinct.size() > 1 && samples_some_differ.size() < wanted) {
      samples_some_differ.push_back(std::move(sample));
    }
  }
}

Status Comparison::Finish(CompareReport* report) {
  if (impl_->finished) return Status(StatusCode::kInvalidArgument, "Comparison::Finish called twice");
  Status status = EndOfFile();
  if (!status.ok()) return status;
  impl_->finished = true;
  Impl& im = *impl_;
  *report = CompareReport();
  if (!im.proposals.empty()) report->from = im.proposals[0].proposal.transliterator->info().from;

  // The letters of the corpus's main script, from the word forms (lowercase).
  // A letter of one code point below U+0800 is counted in an array first.
  std::unordered_map<std::string, std::uint64_t> letter_counts;
  std::vector<std::uint64_t> code_point_counts(compare::kClassTableSize);
  std::unordered_map<int, std::uint64_t> script_counts;
  const std::vector<std::string_view>& forms = im.forms.words();
  for (std::size_t f = 0; f < forms.size(); ++f) {
    compare::ForEachLetter(forms[f], [&](std::string_view letter) {
      const char32_t cp = SingleCodePoint(letter);
      if (cp < compare::kClassTableSize) {
        code_point_counts[cp] += im.form_counts[f];
      } else {
        letter_counts[std::string(letter)] += im.form_counts[f];
      }
    });
  }
  for (char32_t cp = 0; cp < compare::kClassTableSize; ++cp) {
    if (code_point_counts[cp] == 0) continue;
    std::string letter;
    utf8::Append(letter, cp);
    letter_counts[letter] += code_point_counts[cp];
  }
  for (const auto& [letter, n] : letter_counts) {
    script_counts[static_cast<int>(unicode::ScriptOf(utf8::DecodeValid(letter)[0]))] += n;
  }
  int main_script = -1;
  std::uint64_t best = 0;
  for (const auto& [script, n] : script_counts) {
    if (n > best || (n == best && script < main_script)) { best = n; main_script = script; }
  }
  std::vector<compare::SourceLetter> letters;
  for (const auto& [letter, n] : letter_counts) {
    const std::u32string cps = utf8::DecodeValid(letter);
    if (static_cast<int>(unicode::ScriptOf(cps[0])) != main_script) continue;
    std::string upper;
    for (char32_t cp : cps) utf8::Append(upper, unicode::ToUpper(cp));
    letters.push_back({letter, upper, n});
  }
  std::sort(letters.begin(), letters.end(), [](const auto& a, const auto& b) { return a.lower < b.lower; });

  std::vector<compare::Keyboard> keyboards;
  const std::string dir = im.options.xkb_dir.empty() ? compare::DefaultXkbDirectory() : im.options.xkb_dir;
  // Latin layouts for the proposals; the Kazakh Cyrillic layout for the source.
  std::vector<compare::Keyboard> source_keyboards;
  for (const char* layout : {"tr", "tr(f)", "us(intl)", "kz(latin)", "kz"}) {
    compare::Keyboard keyboard;
    if (compare::Keyboard::Load(dir, layout, &keyboard).ok()) {
      if (std::string_view(layout) == "kz") {
        source_keyboards.push_back(std::move(keyboard));
      } else {
        keyboards.push_back(std::move(keyboard));
        report->layouts.push_back(layout);
      }
    } else {
      report->notes.push_back(std::string("keyboard layout ") + layout + " not found in " + dir +
                              " (install xkb-data); its keystrokes are left out");
    }
  }

  for (compare::ProposalState& p : im.proposals) {
    status = compare::ConvertEach(*p.proposal.transliterator, forms, &p.outputs);
    if (!status.ok()) return status;
  }

  report->source.letters = im.source.letters;
  report->source.words = im.source.words;
  report->source.bytes = im.source.bytes;
  report->source.lines = im.source.lines;
  report->source.distinct_words = im.forms.size();
  std::u32string source_letters;
  for (const compare::SourceLetter& l : letters) {
    source_letters += utf8::DecodeValid(l.lower);
    source_letters += utf8::DecodeValid(l.upper);
  }
  report->source.keyboards = compare::MeasureKeyboards(source_keyboards, im.source, source_letters);
  std::vector<bool> clean(im.forms.size(), true);
  std::vector<signed char> in_main_script(compare::kClassTableSize, -1);  // by code point: -1 not asked yet
  const auto is_main_script = [&](char32_t cp) {
    if (cp >= compare::kClassTableSize) return static_cast<int>(unicode::ScriptOf(cp)) == main_script;
    if (in_main_script[cp] < 0) in_main_script[cp] = static_cast<int>(unicode::ScriptOf(cp)) == main_script;
    return in_main_script[cp] == 1;
  };
  for (std::size_t f = 0; f < forms.size(); ++f) {
    compare::ForEachLetter(forms[f], [&](std::string_view letter) {
      auto* p = reinterpret_cast<const unsigned char*>(letter.data());
      if (!is_main_script(compare::DecodeFast(p, p + letter.size()).code_point)) clean[f] = false;
    });
  }
  const compare::Corpus corpus{im.source, forms, im.form_counts, clean, letters, keyboards, im.options};
  for (const compare::ProposalState& p : im.proposals) {
    ProposalReport proposal;
    status = compare::MeasureProposal(corpus, p, &proposal);
    if (!status.ok()) return status;
    report->proposals.push_back(std::move(proposal));
  }
  report->samples = im.samples_all_differ;
  for (const SampleLine& s : im.samples_some_differ) {
    if (report->samples.size() >= static_cast<std::size_t>(std::max(0, im.options.sample_lines))) break;
    report->samples.push_back(s);
  }
  return Status();
}

Status Comparison::Diff(std::size_t limit, DiffReport* diff) {
  *diff = DiffReport();
  Impl& im = *impl_;
  if (!im.finished) return Status(StatusCode::kInvalidArgument, "Comparison::Diff before Finish");
  if (im.proposals.size() < 2) return Status(StatusCode::kInvalidArgument, "a diff needs two proposals");
  const auto& a = im.proposals[0];
  const auto& b = im.proposals[1];
  diff->a = a.proposal.id;
  diff->b = b.proposal.id;
  diff->distinct_words = im.forms.size();
  for (std::size_t f = 0; f < im.forms.size(); ++f) {
    diff->words += im.form_counts[f];
    if (a.outputs[f] == b.outputs[f]) continue;
    diff->differing_words += im.form_counts[f];
    ++diff->differing_distinct;
    diff->entries.push_back({std::string(im.forms.words()[f]), a.outputs[f], b.outputs[f], im.form_counts[f]});
  }
  std::sort(diff->entries.begin(), diff->entries.end(), [](const auto& x, const auto& y) {
    return x.count != y.count ? x.count > y.count : x.source < y.source;
  });
  if (diff->entries.size() > limit) diff->entries.resize(limit);
  return Status();
}

}  // namespace ortaq
