// The Markdown segmenter: CommonMark's blocks and inlines, painted (markup_text.hpp).
#ifndef ORTAQ_MARKUP_MARKDOWN_HPP_
#define ORTAQ_MARKUP_MARKDOWN_HPP_

#include <string_view>

#include "markup/markup_text.hpp"

namespace ortaq::markup_detail {

// Paints the code, raw HTML, link destinations and markers of a Markdown document as copied.
void SegmentMarkdown(std::string_view s, Paint* paint);

}  // namespace ortaq::markup_detail

#endif  // ORTAQ_MARKUP_MARKDOWN_HPP_
