// Hostile conditions for the `ortaq` command: empty files, no final newline, NUL bytes, files
// that are not regular files, outputs in missing directories, a full device, and writes that
// fail part way (a file-size limit) while converting in place: the original must stay
// byte-identical, no temporary file may be left, and the exit code must say so.
// Runs the built binary (ORTAQ_CLI_PATH) through /bin/sh, like cli_test.cpp.
#include <gtest/gtest.h>

#include "cli_fixture.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

using namespace ortaq_cli_test;

// Cyrillic text of at least `bytes` bytes, many lines.
std::string BigText(std::size_t bytes) {
  const std::string line = "Қазақстан Республикасы — Орталық Азиядағы мемлекет. ШЫМКЕНТ, Алматы, ащы, сценарий.\n";
  std::string text;
  while (text.size() < bytes) text += line;
  return text;
}

class CliHostileTest : public CliFixture {
 protected:
  CliHostileTest() : CliFixture("ortaq-cli-hostile-") {}

  // Runs `PREFIX 'ortaq' ARGS` in the test directory with `input` on standard input; `prefix`
  // may be shell commands that end with `exec` (e.g. to set a limit first).
  RunResult Run(const std::string& args, const std::string& input = "", const std::string& prefix = "",
                const std::string& redirect_out = "> stdout.txt") {
    return RunCommand(args, input, prefix, redirect_out);
  }
};

TEST_F(CliHostileTest, EmptyFile) {
  WriteAll(dir_ / "empty.txt", "");
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 empty.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  // Empty standard input.
  r = Run("convert --from kk-Cyrl --to kk-Latn-2018");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  // -o makes an empty file; --in-place keeps one.
  r = Run("convert --from kk-Cyrl --to cta-2024 empty.txt -o out.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(fs::exists(dir_ / "out.txt"));
  EXPECT_EQ(fs::file_size(dir_ / "out.txt"), 0u);
  r = Run("convert --from kk-Cyrl --to cta-2024 --in-place empty.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadAll(dir_ / "empty.txt"), "");
  EXPECT_EQ(Files(), (std::set<std::string>{"empty.txt", "out.txt"}));
}

TEST_F(CliHostileTest, NoFinalNewlineIsKeptAsIs) {
  WriteAll(dir_ / "a.txt", "Қазақстан");
  WriteAll(dir_ / "b.txt", "ащы\r\nШЫМКЕНТ");
  RunResult r = Run("convert --from kk-Cyrl --to kk-Latn-2018 a.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Qazaqstan");
  // Files are converted one after the other: nothing is added between them.
  r = Run("convert --from kk-Cyrl --to kk-Latn-2018 a.txt b.txt a.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Qazaqstanashshy\r\nSHYMKENTQazaqstan");
  r = Run("convert --from kk-Cyrl --to kk-Latn-2018 --in-place b.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadAll(dir_ / "b.txt"), "ashshy\r\nSHYMKENT");
  r = Run("convert --from kk-Cyrl --to kk-Latn-2018", "Я");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Ia");
}

TEST_F(CliHostileTest, NulBytesPassThrough) {
  const std::string input("а\0б\0\0Қ\n\0", 11);
  WriteAll(dir_ / "nul.txt", input);
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 nul.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string("a\0b\0\0Q\n\0", 8));
  r = Run("convert --from kk-Cyrl --to cta-2024", input);
  EXPECT_EQ(r.out, std::string("a\0b\0\0Q\n\0", 8));
}

TEST_F(CliHostileTest, ReadingDevNullGivesEmptyOutput) {
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 /dev/null");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  r = Run("convert --from kk-Cyrl --to cta-2024 /dev/null -o out.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadAll(dir_ / "out.txt"), "");
}

TEST_F(CliHostileTest, ReadingAFifoConvertsWhatIsWrittenToIt) {
  const fs::path fifo = dir_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // A writer in the background (its output away from ctest's pipes); ortaq reads the FIFO like
  // any stream.
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 fifo", "",
                    "(printf 'Қазақ\\nШЫМКЕНТ' > fifo 2> /dev/null < /dev/null &) > /dev/null 2>&1 &&");
  // Should ortaq not have opened the FIFO, release the writer, which waits for a reader.
  const int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  if (fd >= 0) ::close(fd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Qazaq\nŞIMKENT");
}

TEST_F(CliHostileTest, InPlaceRefusesDevNullAndAFifo) {
  // /dev/null is reached through a symbolic link in the test directory, so that even an ortaq
  // that wrongly replaced the file could only replace the link, never the machine's /dev/null.
  fs::create_symlink("/dev/null", dir_ / "null");
  ASSERT_EQ(::mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  for (const char* name : {"null", "fifo"}) {
    SCOPED_TRACE(name);
    RunResult r = Run(std::string("convert --from kk-Cyrl --to cta-2024 --in-place ") + name);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--in-place needs a regular file"), std::string::npos) << r.err;
  }
  EXPECT_TRUE(fs::is_symlink(dir_ / "null"));
  EXPECT_TRUE(fs::is_character_file(dir_ / "null"));
  EXPECT_TRUE(fs::is_fifo(dir_ / "fifo"));
  EXPECT_EQ(Files(), (std::set<std::string>{"null", "fifo"}));
}

TEST_F(CliHostileTest, OutputInsideAMissingDirectoryCreatesNothing) {
  WriteAll(dir_ / "a.txt", "а");
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 a.txt -o missing/dir/out.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot create a temporary file"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  // From standard input too; and below a regular file.
  r = Run("convert --from kk-Cyrl --to cta-2024 -o missing/out.txt", "а");
  EXPECT_EQ(r.exit_code, 2);
  r = Run("convert --from kk-Cyrl --to cta-2024 a.txt -o a.txt/out.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(Files(), (std::set<std::string>{"a.txt"}));
  EXPECT_EQ(ReadAll(dir_ / "a.txt"), "а");
}

TEST_F(CliHostileTest, AFullDeviceOnStandardOutputIsAnIoError) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  WriteAll(dir_ / "big.txt", BigText(256 << 10));
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 big.txt", "", "", "> /dev/full");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("standard output"), std::string::npos) << r.err;
}

// The shell prefix that limits the size of files ortaq writes to `blocks` blocks (512 bytes for
// dash's ulimit -f) with SIGXFSZ ignored, so that write() fails with EFBIG instead of the signal
// killing the process. (An ignored signal stays ignored across exec.)
std::string FileSizeLimit(int blocks) { return "trap '' XFSZ && ulimit -f " + std::to_string(blocks) + " && exec"; }

TEST_F(CliHostileTest, InPlaceWriteFailingPartWayLeavesTheOriginalByteIdentical) {
  const std::string original = BigText(512 << 10);  // converts to ~300 KiB, over any limit below
  WriteAll(dir_ / "big.txt", original);
  ASSERT_EQ(::chmod((dir_ / "big.txt").c_str(), 0640), 0);
  struct stat before;
  ASSERT_EQ(::stat((dir_ / "big.txt").c_str(), &before), 0);
  for (const char* args : {"--in-place big.txt", "--in-place=.bak big.txt"}) {
    SCOPED_TRACE(args);
    // 16 blocks: 8 KiB in dash's units; the limit counts bytes, so the first chunk already
    // crosses it. The original is larger than the limit: reading it is not affected.
    RunResult r = Run(std::string("convert --from kk-Cyrl --to cta-2024 ") + args, "", FileSizeLimit(16));
    EXPECT_NE(r.exit_code, 0) << r.err;
    EXPECT_NE(r.exit_code, -1) << "killed by a signal (SIGXFSZ not ignored?)";
    EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
    EXPECT_TRUE(ReadAll(dir_ / "big.txt") == original) << "the original was changed";
    struct stat after;
    ASSERT_EQ(::stat((dir_ / "big.txt").c_str(), &after), 0);
    EXPECT_EQ(after.st_ino, before.st_ino) << "the original was replaced";
    EXPECT_EQ(after.st_mode & 07777, 0640u);
    EXPECT_EQ(Files(), (std::set<std::string>{"big.txt"})) << "a temporary file or a backup was left";
  }
  // Without the limit the same command succeeds (the failure came from the limit).
  RunResult r = Run("convert --from kk-Cyrl --to cta-2024 --in-place big.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadAll(dir_ / "big.txt"), original);
}

TEST_F(CliHostileTest, OutputFileWriteFailingPartWayLeavesTheOldOutput) {
  WriteAll(dir_ / "big.txt", BigText(512 << 10));
  WriteAll(dir_ / "out.txt", "precious");
  RunResult r = Run("convert --from kk-Cyrl --to kk-Latn-2021 big.txt -o out.txt", "", FileSizeLimit(16));
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.exit_code, -1) << "killed by a signal (SIGXFSZ not ignored?)";
  EXPECT_EQ(ReadAll(dir_ / "out.txt"), "precious");
  EXPECT_EQ(Files(), (std::set<std::string>{"big.txt", "out.txt"}));
}

}  // namespace
