// Listing tables and their options, and detecting a text's alphabet, for C callers.
#include <algorithm>
#include <tuple>

#include "capi/capi_internal.hpp"
#include "ortaq/tools.hpp"

using namespace ortaq;
using namespace ortaq::capi;

extern "C" {

int ortaq_list_tables(const char* const* settings, char** out, size_t* out_len, ortaq_error* err) {
  if (out) *out = nullptr;
  if (out_len) *out_len = 0;
  return Guarded(err, [&] {
    if (!out || !out_len) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_list_tables: out and out_len must not be NULL");
    Options options;
    if (const int code = ParseSettings(settings, &options, err); code != ORTAQ_OK) return code;
    std::vector<TableInfo> tables = ListTables(options);
    std::sort(tables.begin(), tables.end(),
              [](const TableInfo& a, const TableInfo& b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
    std::string text;
    for (const TableInfo& info : tables) text += info.from + '\t' + info.to + '\t' + info.title + '\n';
    return GiveText(text, out, out_len, err);
  });
}

int ortaq_list_options(const ortaq_transliterator* t, char** out, size_t* out_len, ortaq_error* err) {
  if (out) *out = nullptr;
  if (out_len) *out_len = 0;
  return Guarded(err, [&] {
    if (!t || !out || !out_len)
      return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_list_options: t, out and out_len must not be NULL");
    const auto& in_effect = t->t->settings();
    std::string text;
    for (const OptionInfo& option : t->t->info().options) {
      std::string value = option.default_value;
      for (const auto& [name, set] : in_effect)
        if (name == option.name) value = set;
      std::string values;
      for (const std::string& v : option.values) values += (values.empty() ? "" : "|") + v;
      text += option.name + '\t' + value + '\t' + values + '\t' + option.description + '\n';
    }
    return GiveText(text, out, out_len, err);
  });
}

const char* ortaq_detect(const char* text, size_t len, double* confidence) {
  if (confidence) *confidence = 0.0;
  if (!text) return "";
  try {
    const Detection detection = DetectSource(std::string_view(text, len));
    // The ids are a fixed set; return static strings so that the caller frees nothing.
    static const char* const kIds[] = {"kk-Cyrl", "kk-Latn-2017", "kk-Latn-2018", "kk-Latn-2021", "tr-Latn"};
    for (const char* id : kIds) {
      if (detection.id == id) {
        if (confidence) *confidence = detection.confidence;
        return id;
      }
    }
    return "";
  } catch (...) {
    return "";
  }
}

}  // extern "C"
