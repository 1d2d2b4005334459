// `ortaq new-table --inherit TABLE FILE`: a commented starting file for one's own alphabet
// proposal, inheriting a table (so it converts at once and passes `ortaq check`), listing how
// the parent writes each letter and which options it has, ready to be changed line by line.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_common.hpp"
#include "commands.hpp"

namespace ortaq::cli {
namespace {

namespace fs = std::filesystem;

struct NewTableOptions {
  std::string inherit;
  std::string to;
  std::string title;
  std::string file;
};

NewTableOptions& TheOptions() {
  static NewTableOptions options;
  return options;
}

// The 42 letters of Kazakh Cyrillic in their official order: each is listed with the parent's
// spelling when the parent reads kk-Cyrl.
constexpr const char* kKazakhLetters[] = {"а", "ә", "б", "в", "г", "ғ", "д", "е", "ё", "ж", "з", "и", "й", "к",
                                          "қ", "л", "м", "н", "ң", "о", "ө", "п", "р", "с", "т", "у", "ұ", "ү",
                                          "ф", "х", "һ", "ц", "ч", "ш", "щ", "ъ", "ы", "і", "ь", "э", "ю", "я"};
constexpr const char* kKazakhTests[] = {"Қазақстан Республикасы", "Біз ұлы күнді күттік", "Шығыс пен батыс"};

bool LooksLikePath(const std::string& name) {
  return name.find('/') != std::string::npos || (name.size() > 4 && name.ends_with(".tbl"));
}

std::string Today() {
  const std::time_t now = std::time(nullptr);
  char day[16];
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
  return day;
}

// The parent's file, and how the new file names it in @inherit.
bool ResolveParent(const std::string& parent, const std::string& file, std::string* path, std::string* inherit_name) {
  if (LooksLikePath(parent)) {
    std::error_code ec;
    if (!fs::is_regular_file(parent, ec)) {
      PrintError("--inherit: no table file '" + parent + "'");
      return false;
    }
    *path = parent;
    const fs::path dir = fs::absolute(fs::path(file)).parent_path();
    *inherit_name = fs::absolute(parent).lexically_relative(dir).string();
    return true;
  }
  const std::size_t dash = parent.find("--");
  if (dash == std::string::npos) {
    PrintError("--inherit takes a table id FROM--TO (see 'ortaq list') or a .tbl file, not '" + parent + "'");
    return false;
  }
  Status status;
  *path = FindTable(parent.substr(0, dash), parent.substr(dash + 2), Options{}, &status);
  if (path->empty()) {
    ReportStatus(status);
    return false;
  }
  *inherit_name = parent;
  return true;
}

std::string Converted(const Transliterator& t, const std::string& text) {
  std::string out;
  return t.Transliterate(text, &out).ok() ? out : std::string();
}

std::string Render(const NewTableOptions& options, const Transliterator& parent, const std::string& inherit_name) {
  const TableInfo& info = parent.info();
  const std::string to = options.to.empty() ? info.to : options.to;
  const std::string title = options.title.empty() ? "My proposal, based on " + info.title : options.title;
  std::string text;
  text += "! A table of one's own, started by `ortaq new-table` from " + inherit_name + ".\n";
  text += "! Every rule of the parent applies; a line here with the same key replaces the parent's.\n";
  text += "! The language is explained in tables/README.md. Check with: ortaq check THIS.tbl --corpus TEXT\n";
  text += "! Convert with: ortaq convert --from " + info.from + " --to THIS.tbl FILE\n\n";
  text += "@title " + title + "\n";
  text += "@from " + info.from + "\n";
  text += "@to " + to + "              ! the alphabet it writes (" + info.to + " keeps the parent's way back)\n";
  text += "@inherit " + inherit_name + "\n\n";
  text += "! Where the proposal comes from (shown by `ortaq list`): decree, draft, commission-proposal\n";
  text += "! or community-proposal; its date; each source with the day you read it.\n";
  text += "@status community-proposal\n";
  text += "@date " + Today().substr(0, 4) + "\n";
  text += "@sources read=" + Today() + " (say who proposed it, where it was published, and its address)\n\n";
  if (!info.options.empty()) {
    text += "! The parent's options (ortaq convert --set NAME=VALUE). An option stops doing anything\n";
    text += "! once every rule that uses it is replaced here; `ortaq check` says so.\n";
    for (const OptionInfo& o : info.options) {
      std::string values;
      for (const std::string& v : o.values) values += (values.empty() ? "" : " | ") + v;
      text += "!   " + o.name + " = " + values + "   " + o.description + "\n";
    }
    text += "\n";
  }
  if (info.from == "kk-Cyrl") {
    text += "! How the parent writes each letter on its own (its context rules may write some\n";
    text += "! otherwise). To change a letter, remove the '!' and write your letter after '>':\n";
    for (const char* letter : kKazakhLetters) {
      const std::string out = Converted(parent, letter);
      text += "! " + std::string(letter) + " > " + (out.empty() ? "∅" : out) + "\n";
    }
    text += "\n! If two letters now look alike, `ortaq check` warns; say it is meant with @merges X Y.\n\n";
    text += "! Tests (run by `ortaq check`): change the expected text when you change a letter.\n";
    for (const char* sample : kKazakhTests) text += "test " + std::string(sample) + " > " + Converted(parent, sample) + "\n";
  }
  return text;
}

// Creates `file` only if it does not exist, and never leaves a part of it behind.
bool WriteNew(const std::string& file, const std::string& text) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    PrintError(file + ": " + (errno == EEXIST ? std::string("already exists; not overwritten (choose another name)")
                                              : std::string(std::strerror(errno))));
    return false;
  }
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      PrintError(file + ": " + std::strerror(errno));
      ::close(fd);
      ::unlink(file.c_str());
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    PrintError(file + ": " + std::strerror(errno));
    ::unlink(file.c_str());
    return false;
  }
  return true;
}

}  // namespace

CLI::App* AddNewTableCommand(CLI::App& app) {
  NewTableOptions& options = TheOptions();
  CLI::App* cmd = app.add_subcommand(
      "new-table",
      "Write a commented starting table for one's own proposal, inheriting a table (an existing\n"
      "file is never overwritten). It converts as the parent does until you change a line.");
  cmd->add_option("--inherit", options.inherit, "The table to start from: an id FROM--TO or a .tbl file (required)")
      ->required()
      ->type_name("TABLE");
  cmd->add_option("--to", options.to, "The alphabet id the new table writes (default: the parent's)")->type_name("ID");
  cmd->add_option("--title", options.title, "Its one-line title (default: 'My proposal, based on ...')");
  cmd->add_option("file", options.file, "The new .tbl file")->required()->type_name("FILE");
  cmd->footer(
      "Examples:\n"
      "  $ ortaq new-table --inherit kk-Cyrl--cta-2024 mine.tbl && ortaq check mine.tbl\n"
      "  $ ortaq new-table --inherit kk-Cyrl--kk-Latn-2021 --to kk-Latn-mine --title 'Ŋ for Ң' ng.tbl\n");
  return cmd;
}

int RunNewTable() {
  const NewTableOptions& options = TheOptions();
  if (!options.file.ends_with(".tbl")) {
    PrintError("the new table's file name must end in .tbl (so that --to FILE.tbl finds it): '" + options.file + "'");
    return kExitUsage;
  }
  std::string parent_path, inherit_name;
  if (!ResolveParent(options.inherit, options.file, &parent_path, &inherit_name)) return kExitUsage;
  Status status;
  auto parent = Transliterator::FromFile(parent_path, Options{}, &status);
  if (!parent) return ReportStatus(status);
  if (!WriteNew(options.file, Render(options, *parent, inherit_name))) return kExitUsage;
  std::printf("wrote %s (inherits %s); check it with: ortaq check %s\n", options.file.c_str(), inherit_name.c_str(),
              options.file.c_str());
  return kExitOk;
}

}  // namespace ortaq::cli
