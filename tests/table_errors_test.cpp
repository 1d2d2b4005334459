// Errors in tables: every one is reported at its exact file:line:col (columns count code points),
// Diagnostic::Format shows the line with a caret, and the table is rejected.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "ortaq/ortaq.hpp"
#include "test_util.hpp"

namespace {

using ortaq::Diagnostic;
using ortaq::Severity;
using ortaq::Status;
using ortaq::StatusCode;
using ortaq::Transliterator;
using ortaq_test::Describe;
using ortaq_test::Lines;

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

std::optional<Diagnostic> FirstError(const Status& status) {
  const auto& diagnostics = status.diagnostics();
  auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::kError; });
  if (it == diagnostics.end()) return std::nullopt;
  return *it;
}

// Compiles `text` (named t.tbl) and expects it to be rejected with its first error at line:column.
// Returns that error.
Diagnostic ExpectError(const std::string& text, int line, int column, const std::string& message_part) {
  Status status;
  auto t = Transliterator::FromText(text, "t.tbl", {}, &status);
  EXPECT_EQ(t, nullptr) << "the table was accepted:\n" << text;
  EXPECT_EQ(status.code(), StatusCode::kTableError) << Describe(status);
  const std::optional<Diagnostic> error = FirstError(status);
  if (!error) {
    ADD_FAILURE() << "no error diagnostic; " << Describe(status) << "\n--- table ---\n" << text;
    return Diagnostic{};
  }
  EXPECT_EQ(error->file, "t.tbl");
  EXPECT_EQ(error->line, line) << Describe(status);
  EXPECT_EQ(error->column, column) << Describe(status);
  EXPECT_NE(error->message.find(message_part), std::string::npos)
      << "message '" << error->message << "' does not contain '" << message_part << "'";
  const std::string where = "t.tbl:" + std::to_string(line) + ":" + std::to_string(column) + ":";
  EXPECT_NE(status.message().find(where), std::string::npos)
      << "status message '" << status.message() << "' does not name " << where;
  return *error;
}

std::string Table(const std::vector<std::string>& body) {
  std::vector<std::string> lines{"@from src", "@to dst"};
  lines.insert(lines.end(), body.begin(), body.end());
  return Lines(lines);
}

// Format(): "file:line:col: error: message", the source line, a caret under the column.
void ExpectFormat(const Diagnostic& d, const std::string& severity_word) {
  const std::vector<std::string> lines = SplitLines(d.Format());
  ASSERT_EQ(lines.size(), 3u) << d.Format();
  EXPECT_EQ(lines[0], d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + severity_word +
                          ": " + d.message);
  ASSERT_GE(lines[1].size(), d.source_line.size());
  const std::size_t indent = lines[1].size() - d.source_line.size();
  EXPECT_EQ(lines[1].substr(indent), d.source_line);
  EXPECT_EQ(lines[1].substr(0, indent), std::string(indent, ' '));
  // One blank (or the same tab) per code point before the column, then the caret.
  std::string caret(indent, ' ');
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < d.source_line.size() && code_points + 1 < static_cast<std::size_t>(d.column); ++i) {
    const unsigned char b = static_cast<unsigned char>(d.source_line[i]);
    if ((b & 0xC0) == 0x80) continue;
    caret += b == '\t' ? '\t' : ' ';
    ++code_points;
  }
  caret += '^';
  EXPECT_EQ(lines[2], caret) << d.Format();
}

// ---- parse errors -------------------------------------------------------------------------------

TEST(TableErrors, UnknownDirective) {
  ExpectError(Table({"@frm src"}), 3, 1, "unknown directive '@frm'");
  ExpectError(Table({"а > a", "   @bogus x"}), 4, 4, "unknown directive '@bogus'");
}

TEST(TableErrors, MissingArrow) {
  ExpectError(Table({"а a"}), 3, 3, "expected '>'");
  ExpectError(Table({"а > a", "аб"}), 4, 3, "expected '>'");  // at the end of the line
  ExpectError(Table({"а >a"}), 3, 3, "put spaces around '>'");
  ExpectError(Table({"а >"}), 3, 4, "expected the output");
}

TEST(TableErrors, UndefinedClassInContext) {
  // е1 ␠2 >3 ␠4 y5 e6 ␠7 /8 ␠9 V10
  ExpectError(Table({"class V = а", "е > ye / Vowel _"}), 4, 10, "'Vowel' is not a declared class");
  // ... /8 ␠9 _10 ␠11 C12
  ExpectError(Table({"class V = а", "е > ye / _ Cons"}), 4, 12, "'Cons' is not a declared class");
  ExpectError(Table({"@vowels V", "class V = а", "и > iy / Nope... _"}), 5, 10, "'Nope' is not a declared class");
  // c1 l2 a3 s4 s5 ␠6 A7 ␠8 =9 ␠10 а11 ␠12 N13
  ExpectError(Table({"class A = а Nope"}), 3, 13, "'Nope' is not a declared class");
}

TEST(TableErrors, UnknownOptionReference) {
  // а1 ␠2 >3 ␠4 x5 {6
  const Diagnostic d = ExpectError(Table({"а > x{nope}"}), 3, 6, "{nope}");
  EXPECT_EQ(d.source_line, "а > x{nope}");
  ExpectFormat(d, "error");
}

TEST(TableErrors, UppercaseWithCaseAuto) {
  ExpectError(Table({"а > a", "  Ш > sh"}), 4, 3, "lowercase");
  ExpectError(Table({"class V = а Е"}), 3, 7, "lowercase");
  ExpectError(Table({"е > ye / А _"}), 3, 10, "lowercase");
  ExpectError(Table({"exception Кофе > coffee"}), 3, 11, "lowercase");
}

TEST(TableErrors, UnterminatedOrStrayBrace) {
  ExpectError(Table({"а > x{kk"}), 3, 6, "not closed");
  ExpectError(Table({"а > x}"}), 3, 6, "'}' without '{'");
}

TEST(TableErrors, BadGuard) {
  ExpectError(Table({"@option kk-i = i | ï", "[kk-i] і > i"}), 4, 2, "name=value");
  ExpectError(Table({"@option kk-i = i | ï", "[kk-i=ï і > i"}), 4, 1, "[name=value]");
  // ␠1 ␠2 [3 x4 =5 16 ,7 n8
  ExpectError(Table({"@option x = 1 | 2", "  [x=1,nope=2] а > a"}), 4, 8, "'nope', which is not declared");
  ExpectError(Table({"@option x = 1 | 2", "[x=3] а > a"}), 4, 2, "has no value '3'");
}

TEST(TableErrors, ContextFocus) {
  // ... V10 ␠11 _12 ␠13 _14
  ExpectError(Table({"class V = а", "е > ye / V _ _"}), 4, 14, "one '_'");
  ExpectError(Table({"class V = а", "е > ye / V"}), 4, 10, "'_'");
}

TEST(TableErrors, InvalidUtf8) {
  {
    // "а > x" is 5 code points and 6 bytes; the bad byte is the 6th code point.
    const Diagnostic d = ExpectError("@from src\n@to dst\nа > x\xFFy\n", 3, 6, "invalid UTF-8");
    EXPECT_NE(d.message.find("byte offset 6"), std::string::npos) << d.message;
    EXPECT_EQ(d.source_line, "а > x");
    ExpectFormat(d, "error");
  }
  {
    // A sequence cut off by the end of the line: "ғ > ğ" is 5 code points, 7 bytes (ғ and ğ take 2).
    const Diagnostic d = ExpectError("@from src\n@to dst\nә > ä\nғ > ğ\xC3\n", 4, 6, "invalid UTF-8");
    EXPECT_NE(d.message.find("byte offset 7"), std::string::npos) << d.message;
  }
  ExpectError("\xFF@from src\n@to dst\n", 1, 1, "invalid UTF-8");
}

TEST(TableErrors, MissingFromOrTo) {
  ExpectError("а > a\n", 1, 1, "@from");
}

// ---- inheritance -----------------------------------------------------------------------------------

TEST(TableErrors, CyclicInherit) {
  ortaq_test::TempDir dir;
  const std::string a = dir.Write("a.tbl", Lines({"@from src", "@to dst", "@inherit b", "а > a"}));
  dir.Write("b.tbl", Lines({"! b goes back to a", "@inherit a", "б > b"}));
  Status status;
  EXPECT_EQ(Transliterator::FromFile(a, {}, &status), nullptr);
  EXPECT_EQ(status.code(), StatusCode::kTableError) << Describe(status);
  const std::optional<Diagnostic> error = FirstError(status);
  ASSERT_TRUE(error.has_value()) << Describe(status);
  EXPECT_TRUE(error->file.size() >= 5 && error->file.substr(error->file.size() - 5) == "b.tbl") << error->file;
  EXPECT_EQ(error->line, 2);
  EXPECT_EQ(error->column, 10);  // the name after "@inherit "
  EXPECT_NE(error->message.find("cyclic"), std::string::npos) << error->message;
  EXPECT_NE(error->message.find("a.tbl -> b.tbl -> a.tbl"), std::string::npos) << error->message;

  const std::string self = dir.Write("self.tbl", Lines({"@from src", "@to dst", "@inherit self"}));
  EXPECT_EQ(Transliterator::FromFile(self, {}, &status), nullptr);
  EXPECT_EQ(status.code(), StatusCode::kTableError) << Describe(status);
  const std::optional<Diagnostic> self_error = FirstError(status);
  ASSERT_TRUE(self_error.has_value()) << Describe(status);
  EXPECT_EQ(self_error->line, 3);
  EXPECT_EQ(self_error->column, 10);
  EXPECT_NE(self_error->message.find("self.tbl -> self.tbl"), std::string::npos) << self_error->message;
}

TEST(TableErrors, MissingInheritTarget) {
  ExpectError(Table({"@inherit no-such-table-anywhere"}), 3, 10, "cannot find the table 'no-such-table-anywhere'");
}

// ---- compile errors ---------------------------------------------------------------------------------

TEST(TableErrors, ConflictingRulesCiteBothLines) {
  const std::string text = Table({"а > a", "б > b", "  а > ä"});
  const Diagnostic error = ExpectError(text, 5, 3, "conflicting rules");
  EXPECT_NE(error.message.find("t.tbl:3:1"), std::string::npos) << error.message;
  ExpectFormat(error, "error");

  Status status;
  EXPECT_EQ(Transliterator::FromText(text, "t.tbl", {}, &status), nullptr);
  const auto& diagnostics = status.diagnostics();
  auto note = std::find_if(diagnostics.begin(), diagnostics.end(),
                           [](const Diagnostic& d) { return d.severity == Severity::kNote; });
  ASSERT_NE(note, diagnostics.end()) << Describe(status);
  EXPECT_EQ(note->file, "t.tbl");
  EXPECT_EQ(note->line, 3);
  EXPECT_EQ(note->column, 1);
  ExpectFormat(*note, "note");
}

// ---- the caret display --------------------------------------------------------------------------------

TEST(TableErrors, FormatKeepsTabsSoTheCaretLinesUp) {
  // \t1 а2 ␠3 a4: the '>' is missing at column 4.
  const Diagnostic d = ExpectError(Table({"\tа a"}), 3, 4, "expected '>'");
  EXPECT_EQ(d.source_line, "\tа a");
  const std::vector<std::string> lines = SplitLines(d.Format());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "t.tbl:3:4: error: " + d.message);
  ASSERT_GE(lines[1].size(), d.source_line.size());
  const std::string indent = lines[1].substr(0, lines[1].size() - d.source_line.size());
  EXPECT_EQ(lines[2], indent + "\t  ^");
  ExpectFormat(d, "error");
}

TEST(TableErrors, FileLevelDiagnosticHasNoCaret) {
  Status status;
  const std::string missing = (std::filesystem::temp_directory_path() / "ortaq-no-such-dir" / "x.tbl").string();
  EXPECT_EQ(Transliterator::FromFile(missing, {}, &status), nullptr);
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << Describe(status);
  ASSERT_FALSE(status.diagnostics().empty());
  const Diagnostic& d = status.diagnostics().front();
  EXPECT_EQ(d.line, 0);
  EXPECT_EQ(d.Format(), d.file + ": error: " + d.message);
}

}  // namespace
