// Where a typing session may commit: the text-level reasons why the output of the words before
// a position could still change when more is typed. The engine reads the input, never its own
// output, within a bounded window; the output of everything before a word start is final once
// nothing before it reads past it. Within a word that is always so once the white space after
// the word is typed (exceptions, foreign words and look-alike repair read the word; a context
// reads the character after it). The exceptions are listed here.
#ifndef ORTAQ_TYPING_COMMIT_POINT_HPP_
#define ORTAQ_TYPING_COMMIT_POINT_HPP_

#include <cstddef>
#include <string_view>

#include "compile/compiled_table.hpp"

namespace ortaq::typing {

// Whether `text[pos - 1]` is white space that ends a token (pass-through tokens such as URLs
// and paths run up to white space, so none goes on past it).
bool IsTokenStart(std::string_view text, std::size_t pos);

// Whether an open `-{` before `pos` (within user_span::kReach, where its `}-` may come) could
// still make the text at `pos` part of a span that is copied as written.
bool InsideOpenSpan(std::string_view text, std::size_t pos);

// Whether a one-letter capitalised word in [from, pos) still waits for the case of a later
// word: the engine writes Я as YA or Ya after the nearest word of two or more cased letters,
// which must be typed whole (followed by a character that is not a letter) before `end`.
bool WaitsForCase(std::string_view text, std::size_t from, std::size_t pos, std::size_t end);

// Whether a rule of `table` may read past the character after a word: a right context item
// that matches non-letters (`#`, `~x`, `~C`) with another item after it, or repeated (`~V+`).
// Then no word start is a safe commit point, and only the engine's look-ahead commits.
bool ReadsAcrossWords(const CompiledTable& table);

// The length of `text` without a UTF-8 sequence cut off at its end (which waits for its rest).
std::size_t CompleteLength(std::string_view text);

}  // namespace ortaq::typing

#endif  // ORTAQ_TYPING_COMMIT_POINT_HPP_
