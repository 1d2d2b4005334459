// Converts a Kazakh sentence to the 2021 Latin alphabet with ortaq (the tables built into the
// library; no table file is read) and prints it.
#include <cstdio>
#include <string>

#include "ortaq/ortaq.hpp"

int main() {
  ortaq::Status status;
  auto t = ortaq::Transliterator::FromIds("kk-Cyrl", "kk-Latn-2021", {}, &status);
  if (!t) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  std::string out;
  status = t->Transliterate("Қазақстан Республикасы", &out);
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  std::printf("%s\n", out.c_str());
  return 0;
}
