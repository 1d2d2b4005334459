// The one JSON reading `--jsonl KEY` needs: where the string value of a top-level member lies
// in a record, and its unescaped text (cli_common.hpp's JsonString writes it back). A scanner, not a
// parser: everything but that one string is copied byte for byte.
#ifndef ORTAQ_TOOLS_JSON_MEMBER_HPP_
#define ORTAQ_TOOLS_JSON_MEMBER_HPP_

#include <string>
#include <string_view>

namespace ortaq::cli {

struct JsonMember {
  bool found = false;      // the object has the member, and its value is a string
  std::size_t begin = 0;   // the value's bytes, quotes included: record[begin, end)
  std::size_t end = 0;
  std::string text;        // the value unescaped (UTF-8)
};

// Scans `record` (one JSON object, white space around it allowed) for the member `key`.
// Returns "" on success (member found or not), else what is wrong and sets *error_at to the
// byte offset where the scan stopped.
std::string FindJsonStringMember(std::string_view record, std::string_view key, JsonMember* member,
                                 std::size_t* error_at);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_JSON_MEMBER_HPP_
