#pragma once
// JSON string literals for the reports the library and the command write (compare, check, list,
// detect, export): one escaper, so every JSON ortaq prints quotes text the same way.

#include <string>
#include <string_view>

namespace ortaq {

// `text` (UTF-8, passed through as is) as a quoted JSON string: quote, backslash and control
// characters escaped.
std::string JsonString(std::string_view text);

}  // namespace ortaq
