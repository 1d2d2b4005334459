#include "compare/keyboard.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "text/unicode.hpp"
#include "text/utf8.hpp"

namespace ortaq::compare {
namespace {

struct KeysymName {
  const char* name;
  char32_t code_point;
};
constexpr KeysymName kKeysymNames[] = {
#include "compare/keysym_names.inc"
};

// Dead keys and the combining mark each adds to the next letter.
constexpr KeysymName kDeadKeys[] = {
    {"dead_grave", 0x300},    {"dead_acute", 0x301},     {"dead_circumflex", 0x302},
    {"dead_tilde", 0x303},    {"dead_macron", 0x304},    {"dead_breve", 0x306},
    {"dead_abovedot", 0x307}, {"dead_diaeresis", 0x308}, {"dead_abovering", 0x30A},
    {"dead_doubleacute", 0x30B}, {"dead_caron", 0x30C},  {"dead_cedilla", 0x327},
    {"dead_ogonek", 0x328},   {"dead_belowdot", 0x323},
};

constexpr int kLevelCost[4] = {1, 2, 2, 3};

char32_t KeysymCodePoint(std::string_view keysym) {
  if (keysym.size() == 1) return static_cast<unsigned char>(keysym[0]);
  if (keysym.size() >= 5 && keysym[0] == 'U' &&
      keysym.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string_view::npos) {
    return static_cast<char32_t>(std::strtoul(std::string(keysym.substr(1)).c_str(), nullptr, 16));
  }
  for (const KeysymName& k : kKeysymNames) {
    if (keysym == k.name) return k.code_point;
  }
  return 0;
}

std::string StripComments(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "//") == 0 || text[i] == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (text.compare(i, 2, "/*") == 0) {
      const std::size_t close = text.find("*/", i + 2);
      i = close == std::string::npos ? text.size() : close + 2;
    } else {
      // Copy up to the next character that could open a comment.
      std::size_t next = text.find_first_of("/#", i + 1);
      if (next == std::string::npos) next = text.size();
      out.append(text, i, next - i);
      i = next;
    }
  }
  return out;
}

// The body (between the braces) of section `name` of a symbols file, or of its default section.
bool FindSection(const std::string& text, std::string_view name, std::string* body) {
  std::size_t pos = 0, chosen = std::string::npos;
  while ((pos = text.find("xkb_symbols", pos)) != std::string::npos) {
    const std::size_t q1 = text.find('"', pos);
    const std::size_t q2 = q1 == std::string::npos ? q1 : text.find('"', q1 + 1);
    if (q2 == std::string::npos) break;
    const std::string_view section(text.data() + q1 + 1, q2 - q1 - 1);
    const std::size_t line_start = text.rfind('\n', pos);
    const std::string_view head(text.data() + (line_start == std::string::npos ? 0 : line_start),
                                pos - (line_start == std::string::npos ? 0 : line_start));
    const bool is_default = head.find("default") != std::string_view::npos;
    if (name.empty() ? (is_default || chosen == std::string::npos) : section == name) {
      chosen = q2;
      if (!name.empty() || is_default) break;
    }
    pos = q2;
  }
  if (chosen == std::string::npos) return false;
  const std::size_t open = text.find('{', chosen);
  if (open == std::string::npos) return false;
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}' && --depth == 0) {
      *body = text.substr(open + 1, i - open - 1);
      return true;
    }
  }
  return false;
}

std::string Trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace

std::string DefaultXkbDirectory() {
  const char* env = std::getenv("ORTAQ_XKB_DIR");
  return env && *env ? env : "/usr/share/X11/xkb/symbols";
}

Status Keyboard::Load(const std::string& dir, std::string_view spec, Keyboard* keyboard) {
  *keyboard = Keyboard();
  keyboard->name_ = std::string(spec);
  Status status = keyboard->LoadSection(dir, spec, 0);
  if (!status.ok()) return status;
  for (int level = 0; level < 4; ++level) {
    for (const auto& [key, keysym] : keyboard->levels_[level]) keyboard->AddKeysym(keysym, level);
  }
  return Status();
}

Status Keyboard::LoadSection(const std::string& dir, std::string_view spec, int depth) {
  if (depth > 16) return Status(StatusCode::kInvalidArgument, "xkb includes nest too deep at " + std::string(spec));
  const std::size_t paren = spec.find('(');
  const std::string file = std::string(spec.substr(0, paren));
  const std::string section =
      paren == std::string_view::npos ? "" : std::string(spec.substr(paren + 1, spec.find(')') - paren - 1));
  std::ifstream in(dir + "/" + file);
  if (!in) return Status(StatusCode::kNotFound, "no keyboard layout file " + dir + "/" + file + " (package xkb-data)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string body;
  if (!FindSection(StripComments(buffer.str()), section, &body)) {
    return Status(StatusCode::kNotFound, "no section '" + section + "' in " + dir + "/" + file);
  }
  // Statements end with ';' (a key's braces hold ';'-free lists).
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find(';', pos);
    if (end == std::string::npos) end = body.size();
    // A key statement's braces may hold nested brackets but no ';' before its closing "};".
    std::string statement = Trim(std::string_view(body).substr(pos, end - pos));
    pos = end + 1;
    // `include "a(b)"` has no ';' of its own: it may open the statement of the next key.
    std::size_t include;
    while ((include = statement.find("include")) != std::string::npos) {
      const std::size_t q1 = statement.find('"', include);
      const std::size_t q2 = q1 == std::string::npos ? q1 : statement.find('"', q1 + 1);
      if (q2 == std::string::npos) break;
      std::string names = statement.substr(q1 + 1, q2 - q1 - 1);
      statement.erase(include, q2 + 1 - include);
      std::replace(names.begin(), names.end(), '|', '+');
      std::stringstream parts(names);
      std::string part;
      while (std::getline(parts, part, '+')) {
        // A missing included piece (a modifier map we do not need) is not an error for the layout.
        if (!part.empty()) (void)LoadSection(dir, part, depth + 1);
      }
    }
    const std::size_t lt = statement.find('<');
    const std::size_t gt = statement.find('>', lt == std::string::npos ? 0 : lt);
    if (statement.find("key") == std::string::npos || lt == std::string::npos || gt == std::string::npos) continue;
    const std::string key = statement.substr(lt + 1, gt - lt - 1);
    // The first [...] that is not a group index ([Group1], [group1]) holds the levels.
    std::size_t open = gt;
    while ((open = statement.find('[', open + 1)) != std::string::npos) {
      const std::size_t close = statement.find(']', open);
      if (close == std::string::npos) break;
      std::string inside = Trim(std::string_view(statement).substr(open + 1, close - open - 1));
      std::string lower = inside;
      std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
      if (lower.rfind("group", 0) == 0) { open = close; continue; }
      std::stringstream items(inside);
      std::string item;
      for (int level = 0; level < 4 && std::getline(items, item, ','); ++level) {
        item = Trim(item);
        if (!item.empty() && item != "NoSymbol") levels_[level][key] = item;
      }
      break;
    }
  }
  return Status();
}

void Keyboard::AddKeysym(std::string_view keysym, int level) {
  const int cost = kLevelCost[level];
  for (const KeysymName& dead : kDeadKeys) {
    if (keysym == dead.name) {
      auto [it, added] = dead_keys_.emplace(dead.code_point, cost);
      if (!added) it->second = std::min(it->second, cost);
      return;
    }
  }
  const char32_t cp = KeysymCodePoint(keysym);
  if (cp == 0) return;
  auto [it, added] = direct_.emplace(cp, cost);
  if (!added) it->second = std::min(it->second, cost);
}

int Keyboard::DirectCost(char32_t cp) const {
  auto it = direct_.find(cp);
  return it == direct_.end() ? 0 : it->second;
}

int Keyboard::CodePointCost(char32_t cp) const {
  if (const int direct = DirectCost(cp); direct != 0) return direct;
  // An apostrophe on a layout whose apostrophe key is dead_acute: the dead key, then space.
  if (cp == '\'') {
    auto dead = dead_keys_.find(0x301);
    return dead == dead_keys_.end() ? 0 : dead->second + 1;
  }
  std::string one;
  utf8::Append(one, cp);
  const std::u32string parts = utf8::DecodeValid(unicode::ToNfd(one));
  if (parts.size() < 2) return 0;
  int total = DirectCost(parts[0]);
  if (total == 0) return 0;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    auto dead = dead_keys_.find(parts[i]);
    if (dead == dead_keys_.end()) return 0;
    total += dead->second;
  }
  return total;
}

int Keyboard::MarkCost(char32_t mark) const {
  auto dead = dead_keys_.find(mark);
  return dead == dead_keys_.end() ? 0 : dead->second;
}

int Keyboard::Cost(std::string_view letter) const {
  int total = 0;
  for (char32_t cp : utf8::DecodeValid(unicode::ToNfc(letter))) {
    const int cost = CodePointCost(cp);
    if (cost == 0) return 0;
    total += cost;
  }
  return total;
}

}  // namespace ortaq::compare
