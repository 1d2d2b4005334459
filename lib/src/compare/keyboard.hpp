// Keyboard layouts read from xkb-data's symbols files (/usr/share/X11/xkb/symbols), and what
// typing a letter costs on them.
//
// A key's four levels cost 1 (the key), 2 (Shift + key), 2 (AltGr + key) and 3 (AltGr + Shift
// + key). A letter the layout has no key for may be typed with a dead key: the dead key's cost,
// then the base letter's (dead_acute, then e, gives é). A letter with neither costs 0: the
// layout cannot type it.
#ifndef ORTAQ_COMPARE_KEYBOARD_HPP_
#define ORTAQ_COMPARE_KEYBOARD_HPP_

#include <string>
#include <string_view>
#include <unordered_map>

#include "ortaq/ortaq.hpp"

namespace ortaq::compare {

class Keyboard {
 public:
  // Loads `spec` ("tr", "tr(f)", "us(intl)") from `dir`, following its `include`s.
  static Status Load(const std::string& dir, std::string_view spec, Keyboard* keyboard);

  const std::string& name() const { return name_; }
  // Keystrokes for one code point (a letter typed with a dead key is decomposed first); 0: none.
  int CodePointCost(char32_t cp) const;
  // Keystrokes for a combining mark typed after its letter: its dead key; 0: none.
  int MarkCost(char32_t mark) const;
  // Keystrokes for a letter, a digraph or an apostrophe letter (UTF-8); 0 when any part cannot
  // be typed.
  int Cost(std::string_view letter) const;

 private:
  int DirectCost(char32_t cp) const;
  Status LoadSection(const std::string& dir, std::string_view spec, int depth);
  void AddKeysym(std::string_view keysym, int level);

  std::string name_;
  std::unordered_map<char32_t, int> direct_;     // code point → cheapest keystrokes
  std::unordered_map<char32_t, int> dead_keys_;  // combining mark → cheapest dead key
  // Per key, per level, the keysym the latest definition gave (later definitions override).
  std::unordered_map<std::string, std::string> levels_[4];
};

// The xkb symbols directory: $ORTAQ_XKB_DIR, else /usr/share/X11/xkb/symbols.
std::string DefaultXkbDirectory();

}  // namespace ortaq::compare

#endif  // ORTAQ_COMPARE_KEYBOARD_HPP_
