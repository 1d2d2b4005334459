// Small helpers the report formats share: numbers, HTML escapes (JSON strings: text/json_string).
#ifndef ORTAQ_COMPARE_REPORT_UTIL_HPP_
#define ORTAQ_COMPARE_REPORT_UTIL_HPP_

#include <string>
#include <string_view>

#include "ortaq/compare.hpp"
#include "text/json_string.hpp"

namespace ortaq {

std::string FormatCompareJson(const CompareReport& report);
std::string FormatDiffJson(const DiffReport& diff);
std::string FormatCompareHtml(const CompareReport& report);
std::string FormatCompareTable(const CompareReport& report, CompareFormat format);  // text, markdown, csv
std::string FormatDiffTable(const DiffReport& diff, CompareFormat format);

namespace compare {

using ortaq::JsonString;
// A figure as the reports print it: up to 6 significant digits, no exponent for ordinary sizes.
std::string Number(double value);
// A figure rounded to `decimals` places.
std::string Fixed(double value, int decimals);
std::string HtmlEscape(std::string_view text);
std::string CodePointName(char32_t cp);  // "U+0131"

}  // namespace compare
}  // namespace ortaq

#endif  // ORTAQ_COMPARE_REPORT_UTIL_HPP_
