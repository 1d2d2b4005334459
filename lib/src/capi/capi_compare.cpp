// Comparing alphabet proposals for C callers: ortaq_compare over ortaq::Comparison, the same
// report `ortaq compare` writes (docs/compare.md), for one text held in memory.
#include <charconv>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "ortaq/compare.hpp"
#include "text/utf8.hpp"

using namespace ortaq;
using namespace ortaq::capi;

namespace {

// A count setting's value: 0..1000.
bool ParseCount(std::string_view value, int* out) {
  int n = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (error != std::errc() || end != value.data() + value.size() || n < 0 || n > 1000) return false;
  *out = n;
  return true;
}

// Takes the compare settings (@examples, @samples, @xkb-dir) out of `settings`; the rest are the
// engine's, for ParseSettings. Table options belong to each proposal ("cta-2024:kk-i=ï").
int SplitSettings(const char* const* settings, CompareOptions* compare, std::vector<const char*>* engine,
                  ortaq_error* err) {
  for (const char* const* s = settings; s && *s; ++s) {
    const std::string_view text(*s);
    const std::size_t eq = text.find('=');
    const std::string_view key = text.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : text.substr(eq + 1);
    if (key == "@examples" || key == "@samples") {
      if (!ParseCount(value, key == "@examples" ? &compare->examples : &compare->sample_lines))
        return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT,
                    "the setting " + std::string(key) + " takes a count from 0 to 1000, not '" + std::string(value) + "'");
    } else if (key == "@xkb-dir" && eq != std::string_view::npos) {
      compare->xkb_dir = std::string(value);
    } else if (!key.empty() && key.front() != '@' && eq != std::string_view::npos) {
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT,
                  "ortaq_compare: the table option '" + std::string(text) +
                      "' belongs to a proposal, written after its table: \"cta-2024:" + std::string(text) + "\"");
    } else {
      engine->push_back(*s);
    }
  }
  engine->push_back(nullptr);
  return ORTAQ_OK;
}

// The text as "@invalid=replace|skip" asks: each ill-formed sequence (its maximal subpart, or a
// character cut off at the end) replaced by U+FFFD or left out. (The comparison itself takes
// valid UTF-8 only, as `ortaq compare` does.)
std::string Cleaned(std::string_view text, InvalidInputPolicy policy) {
  std::string out;
  out.reserve(text.size());
  auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto* const end = p + text.size();
  while (p < end) {
    const utf8::Decoded d = utf8::Decode(p, end);
    if (d.length > 0) {
      out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(d.length));
      p += d.length;
      continue;
    }
    if (policy == InvalidInputPolicy::kReplace) utf8::Append(out, 0xFFFD);
    p = d.length < 0 ? p - d.length : end;
  }
  return out;
}

}  // namespace

extern "C" {

int ortaq_compare(const char* from, const char* const* proposals, const char* text, size_t len, const char* format,
                  const char* const* settings, char** out, size_t* out_len, ortaq_error* err) {
  if (out) *out = nullptr;
  if (out_len) *out_len = 0;
  return Guarded(err, [&] {
    if (!from || !proposals || !format || !out || !out_len)
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT,
                  "ortaq_compare: from, proposals, format, out and out_len must not be NULL");
    if (!text && len > 0) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_compare: text is NULL");
    if (!proposals[0]) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_compare: no proposal given");
    CompareFormat report_format;
    if (!ParseCompareFormat(format, &report_format))
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT,
                  "ortaq_compare: the format is text, markdown, csv, json or html, not '" + std::string(format) + "'");
    CompareOptions compare_options;
    std::vector<const char*> engine_settings;
    if (const int code = SplitSettings(settings, &compare_options, &engine_settings, err); code != ORTAQ_OK)
      return code;
    Options options;
    if (const int code = ParseSettings(engine_settings.data(), &options, err); code != ORTAQ_OK) return code;

    std::vector<Proposal> loaded;
    for (const char* const* spec = proposals; *spec; ++spec) {
      Proposal proposal;
      if (const Status status = LoadProposal(*spec, from, options, &proposal); !status.ok())
        return FromStatus(err, status);
      loaded.push_back(std::move(proposal));
    }
    std::string_view input(text ? text : "", len);
    std::string cleaned;
    if (options.invalid_input != InvalidInputPolicy::kError && utf8::FindInvalid(input) != std::string_view::npos) {
      cleaned = Cleaned(input, options.invalid_input);
      input = cleaned;
    }
    Comparison comparison(std::move(loaded), compare_options);
    Status status = comparison.Add(input);
    if (status.ok()) status = comparison.EndOfFile();
    CompareReport report;
    if (status.ok()) status = comparison.Finish(&report);
    if (!status.ok()) return FromStatus(err, status);
    return GiveText(FormatCompareReport(report, report_format), out, out_len, err);
  });
}

}  // extern "C"
