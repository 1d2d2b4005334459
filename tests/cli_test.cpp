// End-to-end tests of the `ortaq` command: runs the built binary the way a user does and checks
// exit codes, standard output, messages, and what happens to files.
#include <gtest/gtest.h>

#include "cli_fixture.hpp"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace ortaq_cli_test;

class CliTest : public CliFixture {
 protected:
  CliTest() : CliFixture("ortaq-cli-") {}

  // Runs `ortaq ARGS` in the test directory, with `input` on standard input.
  RunResult Run(const std::string& args, const std::string& input = "", const std::string& env = "") {
    return RunCommand(args, input, env, "> stdout.txt");
  }
};

TEST_F(CliTest, ConvertsStandardInputToStandardOutput) {
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024", "Қазақстан Республикасы\nШЫМКЕНТ\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Qazaqstan Respublikası\nŞIMKENT\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, ConvertsFilesInOrderAndDashMeansStandardInput) {
  WriteAll(dir_ / "a.txt", "бір\n");
  WriteAll(dir_ / "b.txt", "кісі\n");
  RunResult r = Run("convert --from kk-Cyrl --to kk-Latn-2021 a.txt - b.txt", "екі\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "bır\nekı\nkısı\n");
}

TEST_F(CliTest, SetsOptions) {
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 --set kk-i=ï --set kk-u=ŭ", "білім ұлы");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "bïlïm ŭlı");
}

TEST_F(CliTest, UnknownOptionOrValueIsAUsageError) {
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 --set nope=1", "а");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("has no option 'nope'"), std::string::npos) << r.err;
  r = Run("convert --from kk-Cyrl --to cta-2024 --set kk-i=x", "а");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("takes i|ï, not 'x'"), std::string::npos) << r.err;
  r = Run("convert --from kk-Cyrl --to cta-2024 --set noequals", "а");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliTest, UnknownTableNamesTheTargetsThereAre) {
  RunResult r = Run("convert --from kk-Cyrl --to nowhere", "а");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no table converts from 'kk-Cyrl' to 'nowhere'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("cta-2024"), std::string::npos) << r.err;
}

TEST_F(CliTest, InvalidUtf8NamesFileLineColumnAndOffsetAndCreatesNoOutput) {
  WriteAll(dir_ / "bad.txt", "аб\nв\xFFг\n");
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 bad.txt -o out.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.txt:2:2: invalid UTF-8 (byte offset 7)"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.txt"));
  // No temporary file is left behind either.
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) files += e.path().filename().string().find("ortaq-") != std::string::npos;
  EXPECT_EQ(files, 0);
}

TEST_F(CliTest, InvalidUtf8LeavesAnExistingOutputFileUntouched) {
  WriteAll(dir_ / "bad.txt", "аб\xC0\n");
  WriteAll(dir_ / "out.txt", "precious");
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 bad.txt -o out.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(ReadAll(dir_ / "out.txt"), "precious");
}

TEST_F(CliTest, InvalidUtf8InPlaceLeavesTheOriginalIntact) {
  const std::string original = "сәлем\n\xE2\x82";
  WriteAll(dir_ / "bad.txt", original);
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 --in-place bad.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.txt:2:1"), std::string::npos) << r.err;
  EXPECT_EQ(ReadAll(dir_ / "bad.txt"), original);
}

TEST_F(CliTest, InvalidPolicyReplaceAndSkip) {
  WriteAll(dir_ / "bad.txt", "а\xFFб\xE2\x82");
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 --invalid=replace bad.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  r = Run("convert --from kk-Cyrl --to cta-2024 --invalid=skip bad.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ab");
  r = Run("convert --from kk-Cyrl --to cta-2024 --invalid=maybe bad.txt");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliTest, MissingOrUnreadableInputIsAnIoError) {
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 missing.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.txt: cannot open: No such file or directory"), std::string::npos) << r.err;
  fs::create_directory(dir_ / "sub");
  r = Run("convert --from kk-Cyrl --to cta-2024 sub");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sub: cannot convert a directory"), std::string::npos) << r.err;
}

TEST_F(CliTest, OutputInsideAMissingDirectoryIsAnIoError) {
  WriteAll(dir_ / "a.txt", "а");
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 a.txt -o no/such/dir/out.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot create a temporary file"), std::string::npos) << r.err;
}

TEST_F(CliTest, InPlaceKeepsPermissionsBomAndCrlfAndMakesABackup) {
  const std::string original = "\xEF\xBB\xBF" "Сәлем\r\nдүние\r\n";
  WriteAll(dir_ / "a.txt", original);
  ASSERT_EQ(::chmod((dir_ / "a.txt").c_str(), 0640), 0);
  RunResult r = Run("convert --from kk-Cyrl --to kk-Latn-2021 --in-place=.bak a.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadAll(dir_ / "a.txt"), "\xEF\xBB\xBF" "Sälem\r\ndünie\r\n");
  EXPECT_EQ(ReadAll(dir_ / "a.txt.bak"), original);
  struct stat st;
  ASSERT_EQ(::stat((dir_ / "a.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST_F(CliTest, InPlaceRefusesWhatIsNotARegularFileAndStandardInput) {
  ASSERT_EQ(::mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 --in-place fifo");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--in-place needs a regular file"), std::string::npos) << r.err;
  r = Run("convert --from kk-Cyrl --to cta-2024 --in-place", "а");
  EXPECT_EQ(r.exit_code, 2);
  r = Run("convert --from kk-Cyrl --to cta-2024 --in-place -o x.txt y.txt");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliTest, ToTakesThePathOfAUsersTable) {
  WriteAll(dir_ / "mine.tbl",
           "@from kk-Cyrl\n@to my-latin\n@case auto\nа > a\nқ > q\nз > z\nс > s\nт > t\nн > n\nш > sh\nы > y\n");
  RunResult r = Run("convert --from kk-Cyrl --to ./mine.tbl", "Қазақстан ШЫНЫ");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Qazaqstan SHYNY");
  // From another alphabet the file is chained behind the tables that lead to kk-Cyrl.
  r = Run("convert --from kk-Latn-2018 --to ./mine.tbl", "Qazaqstan");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Qazaqstan");
  WriteAll(dir_ / "odd.tbl", "@from xx-Odd\n@to my-latin\nа > a\n");
  r = Run("convert --from kk-Cyrl --to ./odd.tbl", "a");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("reads xx-Odd, and no table or chain of tables converts kk-Cyrl to xx-Odd"), std::string::npos)
      << r.err;
}

TEST_F(CliTest, TablesAreFoundThroughOrtaqTablePath) {
  fs::create_directory(dir_ / "tables");
  WriteAll(dir_ / "tables" / "kk-Cyrl--demo.tbl", "@from kk-Cyrl\n@to demo\nа > A\n");
  RunResult r = Run("convert --from kk-Cyrl --to demo", "ааб", "ORTAQ_TABLE_PATH=\"$PWD/tables\"");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "AAб");
  r = Run("list", "", "ORTAQ_TABLE_PATH=\"$PWD/tables\"");
  EXPECT_NE(r.out.find("kk-Cyrl -> demo"), std::string::npos) << r.out;
}

TEST_F(CliTest, ABrokenTableIsReportedWithFileLineColumnAndCaret) {
  WriteAll(dir_ / "broken.tbl", "@from kk-Cyrl\n@to x\nclass V = а е\nе > ye / Q _\n");
  RunResult r = Run("convert --from kk-Cyrl --to broken.tbl", "е");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broken.tbl:4:10: error: 'Q' is not a declared class\n  е > ye / Q _\n           ^"),
            std::string::npos)
      << r.err;
  r = Run("check broken.tbl");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broken.tbl:4:10: error:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("FAILED"), std::string::npos) << r.out;
}

TEST_F(CliTest, CheckPassesOnTheShippedTablesAndReportsFailingTests) {
  RunResult r = Run("check");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("kk-Cyrl--cta-2024.tbl: ok"), std::string::npos) << r.out;
  WriteAll(dir_ / "t.tbl", "@from kk-Cyrl\n@to t\nа > a\ntest ааа > aab\n");
  r = Run("check t.tbl");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("t.tbl:4:6: error: test failed: 'ааа' gives 'aaa', expected 'aab'"), std::string::npos) << r.err;
}

TEST_F(CliTest, ListShowsEveryTableWithOptionsAndDefaults) {
  RunResult r = Run("list");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* target : {"cta-2024", "cta-1991", "kk-Latn-2021", "kk-Latn-2018", "kk-Latn-2017"})
    EXPECT_NE(r.out.find(std::string("kk-Cyrl -> ") + target), std::string::npos) << target;
  EXPECT_NE(r.out.find("--set kk-i=i|ï  (default i)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--set kk-u=ū|u|ŭ  (default ū)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--set schwa=ä|ə  (default ä)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--set eng=ñ|ň  (default ñ)"), std::string::npos) << r.out;
}

TEST_F(CliTest, TestCommandEndsWithTheCountLine) {
  // The binary has no path of the source tree in it: the golden files are named.
  RunResult r = Run("test --corpora " ORTAQ_SOURCE_DIR "/corpora");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  ASSERT_FALSE(r.out.empty());
  const std::string last = r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1);
  EXPECT_NE(last.find(" passed, 0 failed"), std::string::npos) << last;
  // 5 tables x 150 golden cases at the least.
  EXPECT_GT(std::stoi(last), 750);
}

TEST_F(CliTest, HelpVersionAndUsageErrors) {
  RunResult r = Run("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("convert"), std::string::npos);
  r = Run("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("ortaq ", 0), 0u) << r.out;
  r = Run("convert --from kk-Cyrl --to cta-2024 --bogus");
  EXPECT_EQ(r.exit_code, 2);
  r = Run("");
  EXPECT_EQ(r.exit_code, 2);
}


TEST_F(CliTest, FormatHtmlConvertsOnlyTheTextPeopleRead) {
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 --format=html",
                    "<p title=\"Қала\" class=\"Қала\">Қазақ <code>Қазақ</code> &amp; <!-- Қазақ --></p>\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "<p title=\"Qala\" class=\"Қала\">Qazaq <code>Қазақ</code> &amp; <!-- Қазақ --></p>\n");
  r = Run("convert --from kk-Cyrl --to cta-2024 --format=rtf", "а");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliTest, FormatSrtAndMarkdown) {
  RunResult r = Run("convert --from kk-Cyrl --to kk-Latn-2021 --format srt", "1\r\n00:00:01,000 --> 00:00:02,000\r\nСәлем!\r\n\r\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "1\r\n00:00:01,000 --> 00:00:02,000\r\nSälem!\r\n\r\n");
  r = Run("convert --from kk-Cyrl --to cta-2024 --format=markdown", "[Қазақ](https://kk.wikipedia.org/wiki/Қазақ) `Қазақ`\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "[Qazaq](https://kk.wikipedia.org/wiki/Қазақ) `Қазақ`\n");
}

TEST_F(CliTest, UserSpansPassThroughAndRepairInPlainText) {
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 --stats",
                    "-{Қазақ}- Қазақ cәл https://kk.kz/Қазақ #тіл XIX ғасыр\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Қазақ Qazaq säl https://kk.kz/Қазақ #til XIX ğasır\n");
  EXPECT_NE(r.err.find("1 look-alike letters repaired, 3 tokens passed through"), std::string::npos) << r.err;
  r = Run("convert --from kk-Cyrl --to cta-2024 --keep-hashtags", "#тіл #Astana #қазақ_тілі\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "#тіл #Astana #қазақ_тілі\n");
  r = Run("convert --from kk-Cyrl --to cta-2024 --no-repair --no-pass-through", "cәл #тіл\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "cäl #til\n");
}

// --stats counts what the engine did inside markup too (it printed zeros for every format but
// plain text), on one thread and on several.
TEST_F(CliTest, StatsCountTheTextOfMarkupFormats) {
  for (const char* jobs : {"1", "2"}) {
    RunResult r = Run(std::string("convert --from kk-Cyrl --to cta-2024 --format html --stats --jobs ") + jobs,
                      "<p title=\"cәл\">cәл <a href=\"https://kk.kz\">https://kk.kz/Қазақ</a> #тіл</p>\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "<p title=\"säl\">säl <a href=\"https://kk.kz\">https://kk.kz/Қазақ</a> #til</p>\n");
    EXPECT_NE(r.err.find("2 look-alike letters repaired, 1 tokens passed through"), std::string::npos)
        << "--jobs " << jobs << ": " << r.err;
  }
}

TEST_F(CliTest, FromAutoDetectsEachInputOrLine) {
  WriteAll(dir_ / "cyr.txt", "Қазақстан Республикасы\n");
  WriteAll(dir_ / "lat.txt", "Qazaqstan Respýblıkasy\n");
  RunResult r = Run("convert --from auto --to cta-2024 cyr.txt lat.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Qazaqstan Respublikası\nQazaqstan Respublikası\n");
  r = Run("convert --from auto --detect=line --to kk-Cyrl", "Qazaqstan Respýblıkasy\nBūl jaqsy kıtap.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Қазақстан Республикасы\nБұл жақсы кітап.\n");
  r = Run("detect cyr.txt lat.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("cyr.txt\tkk-Cyrl\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("lat.txt\tkk-Latn-2018\t"), std::string::npos) << r.out;
}

TEST_F(CliTest, ChainsThroughKazakhCyrillic) {
  RunResult r = Run("convert --from kk-Latn-2018 --to cta-2024", "Qazaqstan Respýblıkasy\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Qazaqstan Respublikası\n");
}

TEST_F(CliTest, RoundtripReportsTheShareAndTheCauses) {
  RunResult r = Run("roundtrip --from kk-Cyrl --via kk-Latn-2018", "тау су\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("roundtrip: 100.00% of 2 word tokens unchanged"), std::string::npos) << r.out;
  r = Run("roundtrip --from kk-Cyrl --via cta-2024", "тоғыз түйе\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("of 2 word tokens unchanged"), std::string::npos) << r.out;
}


TEST_F(CliTest, JobsGiveTheSameOutputAsOneThread) {
  // Several blocks of pieces (2 MiB per thread and round), with one-letter words and user spans
  // near line ends, so that pieces are cut in many places.
  std::string text;
  const std::string line = "Я КЕЛДІМ. Шымкент -{Қазақ}- ұлы ЩУЧИНСК, cәл https://kk.kz/Қазақ\nЯ\nкелдім Ю\n";
  while (text.size() < (9u << 20)) text += line;
  WriteAll(dir_ / "big.txt", text);
  RunResult one = Run("convert --from kk-Cyrl --to cta-2024 big.txt -o one.txt");
  RunResult two = Run("convert --from kk-Cyrl --to cta-2024 --jobs 2 big.txt -o two.txt");
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(two.exit_code, 0) << two.err;
  const std::string a = ReadAll(dir_ / "one.txt"), b = ReadAll(dir_ / "two.txt");
  EXPECT_GT(a.size(), 6u << 20);
  EXPECT_TRUE(a == b) << "outputs differ";
  // Invalid UTF-8 far into the file is reported at its true place.
  WriteAll(dir_ / "bad.txt", text + "аб\xFF\n");
  RunResult bad = Run("convert --from kk-Cyrl --to cta-2024 --jobs 2 bad.txt -o bad-out.txt");
  EXPECT_EQ(bad.exit_code, 1);
  const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  EXPECT_NE(bad.err.find("bad.txt:" + std::to_string(lines + 1) + ":3: invalid UTF-8 (byte offset " +
                         std::to_string(text.size() + 4) + ")"),
            std::string::npos)
      << bad.err;
  EXPECT_FALSE(fs::exists(dir_ / "bad-out.txt"));
}

TEST_F(CliTest, JobsCutLongLinesAtSpacesAndInsideWords) {
  // One line of 3 MiB with spaces (pieces end at a space), then 3 MiB with no white space at
  // all (pieces end inside a "word", and a key of two letters, сц in 2018, may run over a cut),
  // with user spans across spaces; read from a file and from standard input.
  std::string text;
  const std::string words = "Шымкент -{Қазақ елі}- ұлы ЩУЧИНСК сценарий ";
  while (text.size() < (3u << 20)) text += words;
  const std::string glued = "сцсцсцсцсцсцсцЯсцсцсцсцсцсцсцсценарийий";
  while (text.size() < (7u << 20)) text += glued;
  text += "\nсоңы\n";
  WriteAll(dir_ / "long.txt", text);
  for (const char* to : {"cta-2024", "kk-Latn-2018"}) {
    SCOPED_TRACE(to);
    const std::string args = std::string("convert --from kk-Cyrl --to ") + to + " --stats";
    RunResult one = Run(args + " long.txt -o one.txt");
    RunResult two = Run(args + " --jobs 2 long.txt -o two.txt");
    RunResult three = Run(args + " --jobs 3 - -o three.txt", text);
    ASSERT_EQ(one.exit_code, 0) << one.err;
    ASSERT_EQ(two.exit_code, 0) << two.err;
    ASSERT_EQ(three.exit_code, 0) << three.err;
    const std::string a = ReadAll(dir_ / "one.txt");
    EXPECT_GT(a.size(), 3u << 20);
    EXPECT_TRUE(a == ReadAll(dir_ / "two.txt")) << "--jobs 2 differs";
    EXPECT_TRUE(a == ReadAll(dir_ / "three.txt")) << "--jobs 3 from stdin differs";
    EXPECT_EQ(one.err, two.err) << "--stats differ";
  }
  // Invalid UTF-8 deep in the long line: its column counts every code point before it.
  const std::size_t first_line = text.find('\n');
  const std::string head = text.substr(0, first_line);
  WriteAll(dir_ / "bad-long.txt", head + "\xC0\n");
  RunResult bad = Run("convert --from kk-Cyrl --to cta-2024 --jobs 2 bad-long.txt -o bad-long-out.txt");
  EXPECT_EQ(bad.exit_code, 1);
  std::size_t code_points = 0;
  for (unsigned char c : head) code_points += (c & 0xC0) != 0x80;
  EXPECT_NE(bad.err.find("bad-long.txt:1:" + std::to_string(code_points + 1) + ": invalid UTF-8 (byte offset " +
                         std::to_string(head.size()) + ")"),
            std::string::npos)
      << bad.err;
}

}  // namespace
