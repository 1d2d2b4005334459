#include "compare/report_util.hpp"

#include <cmath>
#include <cstdio>

namespace ortaq {
namespace compare {

std::string Number(double value) {
  if (!std::isfinite(value)) return "0";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

std::string Fixed(double value, int decimals) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::isfinite(value) ? value : 0.0);
  return buffer;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string CodePointName(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

}  // namespace compare

std::string FormatCompareReport(const CompareReport& report, CompareFormat format) {
  switch (format) {
    case CompareFormat::kJson: return FormatCompareJson(report);
    case CompareFormat::kHtml: return FormatCompareHtml(report);
    default: return FormatCompareTable(report, format);
  }
}

std::string FormatDiffReport(const DiffReport& diff, CompareFormat format) {
  if (format == CompareFormat::kJson) return FormatDiffJson(diff);
  return FormatDiffTable(diff, format == CompareFormat::kHtml ? CompareFormat::kMarkdown : format);
}

}  // namespace ortaq
