// What `ortaq export` hands to each format: the keys of the layout with what each types, and
// the table it came from. export_command.cpp builds them; export_desktop.cpp writes the
// desktop formats (Emacs quail, XKB, XCompose).
//
//   std::vector<ExportEntry> entries = ...;   // {"f", "а", "a"}, {")", "Қ", "Q"}, ...
//   PrintXkbSymbols(ExportHeader{info, "ortaq-cta-2024", settings}, entries);
#ifndef ORTAQ_TOOLS_EXPORT_LAYOUTS_HPP_
#define ORTAQ_TOOLS_EXPORT_LAYOUTS_HPP_

#include <string>
#include <utility>
#include <vector>

#include "ortaq/ortaq.hpp"

namespace ortaq::cli {

// One key: what a US keyboard sends for it, the character of the source layout there, and
// that character converted on its own.
struct ExportEntry {
  std::string key, source, output;
};

struct ExportHeader {
  const TableInfo& info;
  std::string name;  // of the keymap, input method or XKB variant
  std::vector<std::pair<std::string, std::string>> settings;
};

// Whether a key can type `output` in place of its letter: layouts type something, and no
// white space. Keys that cannot keep the letter of the source layout.
bool TypesOutput(const std::string& output);

// An Emacs Lisp file defining the quail input method `name`.
void PrintEmacsQuail(const ExportHeader& header, const std::vector<ExportEntry>& entries);
// An XKB symbols file with the layout variant `name`, based on kz(basic).
void PrintXkbSymbols(const ExportHeader& header, const std::vector<ExportEntry>& entries);
// An XCompose file: one-key sequences that make the keys of that layout whose letter converts
// to more than one character type all of it.
void PrintXCompose(const ExportHeader& header, const std::vector<ExportEntry>& entries);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_EXPORT_LAYOUTS_HPP_
