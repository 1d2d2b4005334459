// `ortaq detect` (its output columns and exit codes) and `convert --from auto` refusing text in
// a language ortaq does not convert. Sentences written for this test.
#include <string>

#include "cli_fixture.hpp"

namespace {

using ortaq_cli_test::CliFixture;
using ortaq_cli_test::RunResult;
using ortaq_cli_test::WriteAll;

class DetectCliTest : public CliFixture {
 protected:
  DetectCliTest() : CliFixture("ortaq-detect-cli-") {}
  RunResult Run(const std::string& args, const std::string& input = "") {
    return RunCommand(args, input, "", "> stdout.txt");
  }
};

const char* const kKazakh = "Біз ертең Шымкентке барамыз, кітап өте жақсы.\n";
const char* const kKyrgyz = "Бүгүн биз тоого чыгып, кечинде үйгө кайттык.\nМектепте окуучулар жаңы китептерди окуп жатышат.\n";

TEST_F(DetectCliTest, ColumnsAndExitCodes) {
  WriteAll(dir_ / "kk.txt", kKazakh);
  WriteAll(dir_ / "ky.txt", kKyrgyz);
  WriteAll(dir_ / "digits.txt", "123 456\n");
  RunResult r = Run("detect kk.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("kk.txt\tkk-Cyrl\t", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\tconverts\n"), std::string::npos) << r.out;
  r = Run("detect kk.txt ky.txt");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.out.find("ky.txt\tky-Cyrl\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\tnot-converted\n"), std::string::npos) << r.out;
  r = Run("detect digits.txt");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.out.find("digits.txt\tunknown\t0.00\tno-letters\n"), std::string::npos) << r.out;
  r = Run("detect --per-line ky.txt");
  EXPECT_NE(r.out.find("ky.txt:2\tky-Cyrl\t"), std::string::npos) << r.out;
  r = Run("detect --help");
  EXPECT_NE(r.out.find("Exit status: 0 every input converts; 3 some input"), std::string::npos) << r.out;
}

TEST_F(DetectCliTest, ABrokenDataFileIsReportedWithItsPlace) {
  WriteAll(dir_ / "bad.txt", "@language xx-Latn converts \"x\"\nscript Latin\nalphabet a b\nwords +1 abc\n");
  const RunResult r = Run("detect --data bad.txt", "ab");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.txt:4:10: error: U+0063 LATIN SMALL LETTER C is not in the alphabet of xx-Latn"),
            std::string::npos) << r.err;
}

TEST_F(DetectCliTest, FromAutoRefusesALanguageItDoesNotConvert) {
  WriteAll(dir_ / "ky.txt", kKyrgyz);
  RunResult r = Run("convert --from auto --to cta-2024 ky.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("ky.txt:1: this looks like ky-Cyrl"), std::string::npos) << r.err;
  // Line by line: the Kazakh line is converted, the Kyrgyz one after it stops the run.
  WriteAll(dir_ / "mixed.txt", std::string(kKazakh) + kKyrgyz);
  r = Run("convert --from auto --detect=line --to cta-2024 mixed.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("mixed.txt:2: this looks like ky-Cyrl"), std::string::npos) << r.err;
  // CTA is detected and read as CTA, not as Kazakh Latin 2021.
  r = Run("convert --from auto --to kk-Cyrl", "Bïz erteñ Şımkentke baramız, auıl mektebïne.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Біз ертең Шымкентке барамыз, ауыл мектебіне.\n");
}

}  // namespace
