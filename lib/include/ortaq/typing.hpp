// ortaq::TypingSession — converting text as it is typed, for editors and input methods.
//
// Usage:
//
//   ortaq::Status status;
//   std::shared_ptr<const ortaq::Transliterator> t =
//       ortaq::Transliterator::FromIds("kk-Cyrl", "cta-2024", ortaq::Options{}, &status);
//   if (!t) return;                     // status.message() says why
//   ortaq::TypingSession session(t);
//   status = session.Append("Сәлем ");  // committed() == "Sälem ", pending() == ""
//   status = session.Append("ал");      // committed() == "Sälem ", pending() == "al"
//   status = session.Backspace();       // pending() == "a"
//   status = session.Flush();           // committed() == "Sälem a", pending() == ""
//
// After each change the output is in two parts:
// - committed(): final. It is only ever extended, except that a Backspace deleting input whose
//   output was committed takes that output back off its end (retracted() says how many bytes).
//   Committed output is a prefix of the conversion of the input followed by anything at all.
// - pending(): the conversion of the rest of the input as if the input ended here. It is the
//   current word (the text after the last white space); it is longer only while earlier words
//   still depend on it (a one-letter capitalised word takes its case from the next word; an
//   open `-{` waits for its `}-`; a table whose rules read past a word's white space commits
//   no word), and never more than the engine's look-ahead (1 KiB, 4 KiB for a chain) behind
//   the end of the input.
// committed() + pending() always equals Transliterate() of the input since the last Flush.
// A change re-converts only the pending input and a bounded history before it, so a keystroke
// costs the same at any length of text.
//
// A session is used by one thread at a time; it shares its Transliterator (immutable) with
// anyone. No function throws; failures come back as a Status and leave the session unchanged.
#ifndef ORTAQ_TYPING_HPP_
#define ORTAQ_TYPING_HPP_

#include <cstddef>
#include <memory>
#include <string_view>

#include "ortaq/export.h"
#include "ortaq/ortaq.hpp"

namespace ortaq {

class ORTAQ_API TypingSession {
 public:
  explicit TypingSession(std::shared_ptr<const Transliterator> transliterator);
  ~TypingSession();
  TypingSession(const TypingSession&) = delete;
  TypingSession& operator=(const TypingSession&) = delete;

  // Appends typed text (a character cut off at the end waits for its remaining bytes).
  // Invalid UTF-8 (with the kError policy) is kInvalidInput, its offset counted from the
  // start of the input since the last Flush; the session is left as it was.
  [[nodiscard]] Status Append(std::string_view text);
  // Deletes up to `count` code points at the end of the input since the last Flush;
  // *deleted (when given) gets how many there were.
  [[nodiscard]] Status Backspace(std::size_t count = 1, std::size_t* deleted = nullptr);
  // Ends the text: pending output is committed, and what is typed next starts a new text.
  [[nodiscard]] Status Flush();
  // Forgets input and output.
  void Reset();

  std::string_view committed() const;  // since construction or Reset
  std::string_view pending() const;
  // Bytes the last change took off the end of committed() (a Backspace only); the committed
  // output after them is new. An editor deletes this many bytes, then inserts the rest.
  std::size_t retracted() const;
  std::size_t input_size() const;           // bytes of input since the last Flush
  std::size_t committed_input_size() const; // of them, those whose output is committed

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ortaq

#endif  // ORTAQ_TYPING_HPP_
