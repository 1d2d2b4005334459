// What the tests of the `ortaq` command share: a fresh directory per test, and a way to run the
// command there and collect its exit code, standard output and standard error.
#ifndef ORTAQ_TESTS_CLI_FIXTURE_HPP_
#define ORTAQ_TESTS_CLI_FIXTURE_HPP_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#ifndef ORTAQ_CLI_PATH
#error "ORTAQ_CLI_PATH must be defined (tests/cli_tests.cmake passes it)"
#endif

namespace ortaq_cli_test {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteAll(const fs::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

class CliFixture : public ::testing::Test {
 protected:
  explicit CliFixture(std::string prefix) : prefix_(std::move(prefix)) {}

  void SetUp() override {
    dir_ = fs::temp_directory_path() / (prefix_ + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `BEFORE 'ortaq' ARGS` in the test directory with `input` on standard input. `before`
  // may set variables or be shell commands that end with `exec` (to set a limit first).
  RunResult RunCommand(const std::string& args, const std::string& input, const std::string& before,
                       const std::string& redirect_out) {
    WriteAll(dir_ / "stdin.txt", input);
    const std::string command = "cd '" + dir_.string() + "' && " + before + " '" ORTAQ_CLI_PATH "' " + args +
                                " < stdin.txt " + redirect_out + " 2> stderr.txt";
    const int status = std::system(command.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadAll(dir_ / "stdout.txt");
    r.err = ReadAll(dir_ / "stderr.txt");
    return r;
  }

  // The names in the test directory, without the files RunCommand itself makes.
  std::set<std::string> Files() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.insert(e.path().filename().string());
    for (const char* own : {"stdin.txt", "stdout.txt", "stderr.txt"}) names.erase(own);
    return names;
  }

  fs::path dir_;

 private:
  std::string prefix_;
};

}  // namespace ortaq_cli_test

#endif  // ORTAQ_TESTS_CLI_FIXTURE_HPP_
