// The table language, tested with small tables written inline: what each construct means.
// Every expected output below is worked out by hand from the rules of the table next to it.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ortaq/ortaq.hpp"
#include "test_util.hpp"

namespace {

using ortaq::Options;
using ortaq::Status;
using ortaq::StatusCode;
using ortaq::Transliterator;
using ortaq_test::Describe;
using ortaq_test::Lines;

using Cases = std::vector<std::pair<std::string, std::string>>;

const std::string kHeader = "@from src\n@to dst\n";

// Compiles header + body; reports the diagnostics when it fails.
std::shared_ptr<const Transliterator> Build(const std::string& body, const Options& options = {}) {
  Status status;
  auto t = Transliterator::FromText(kHeader + body, "inline.tbl", options, &status);
  if (!t) ADD_FAILURE() << "the table does not compile: " << Describe(status) << "\n--- table ---\n" << kHeader << body;
  else EXPECT_TRUE(status.ok()) << Describe(status);
  return t;
}

std::shared_ptr<const Transliterator> BuildWith(const std::string& body,
                                                std::vector<std::pair<std::string, std::string>> settings) {
  Options options;
  options.settings = std::move(settings);
  return Build(body, options);
}

std::string Convert(const Transliterator& t, std::string_view input) {
  std::string output;
  const Status status = t.Transliterate(input, &output);
  EXPECT_TRUE(status.ok()) << "input '" << input << "': " << Describe(status);
  return output;
}

void ExpectConversions(const Transliterator& t, const Cases& cases) {
  for (const auto& [input, expected] : cases) EXPECT_EQ(Convert(t, input), expected) << "input: '" << input << "'";
}

// ---- classes and contexts -----------------------------------------------------------------------

TEST(TableLanguage, ClassesWithLeftAndRightContext) {
  auto t = Build(Lines({
      "class V = а е о ы",
      "class C = б т к с",
      "а > a",
      "е > e",
      "о > o",
      "ы > ı",
      "б > b",
      "т > t",
      "к > k",
      "с > s",
      "е > ye / V _      ! after a vowel",
      "т > d / V _ V     ! between vowels",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"ае", "aye"},    // е after а (in V)
                            {"ые", "ıye"},    // е after ы (in V)
                            {"бе", "be"},     // б is not in V
                            {"е", "e"},       // nothing on the left
                            {"ата", "ada"},   // т between two vowels
                            {"ат", "at"},     // no vowel on the right
                            {"та", "ta"},     // no vowel on the left
                            {"ст", "st"},
                            {"ате", "ade"},   // е follows т in the input: no y
                            {"а е", "a e"},   // a space is not in V
                        });
}

TEST(TableLanguage, ClassMayIncludeOtherClasses) {
  auto t = Build(Lines({
      "class V = а о",
      "class C = б т",
      "class L = V C",
      "а > a",
      "о > o",
      "б > b",
      "т > t",
      "ъ > ∅ / L _",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"бъ", "b"},   // б is in C, so in L
                            {"оъ", "o"},   // о is in V, so in L
                            {"ъ", "ъ"},    // no rule for ъ without a letter before it: copied
                            {"къ", "къ"},  // к is in no class and has no rule
                        });
}

TEST(TableLanguage, ClassMembersMayBeWrittenTogether) {
  auto t = Build(Lines({"class V = аео", "а > a", "е > e", "о > o", "б > b", "б > p / _ V"}));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {{"ба", "pa"}, {"бе", "pe"}, {"бо", "po"}, {"бб", "bb"}});
}

TEST(TableLanguage, LettersInOneContextItemAreASequenceInReadingOrder) {
  auto t = Build(Lines({
      "е > e",
      "к > k",
      "т > t",
      "а > a",
      "ь > ∅",
      "е > ë / кь _      ! after к then ь",
      "к > q / _ аа      ! before two а",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"кье", "kë"},
                            {"ьке", "ke"},   // к then е: the ь is on the wrong side
                            {"тье", "te"},   // ь but not кь
                            {"каа", "qaa"},
                            {"ка", "ka"},
                            {"кат", "kat"},
                        });
}

TEST(TableLanguage, ContextIsReadFromTheInputNotTheOutput) {
  // й writes the Cyrillic vowel а; the е after it must still see й (not a vowel) on its left.
  auto t = Build(Lines({
      "class V = а е",
      "а > a",
      "е > e",
      "й > а",
      "е > ye / V _",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {{"йе", "аe"}, {"ае", "aye"}});
}

TEST(TableLanguage, WordBoundary) {
  auto t = Build(Lines({
      "class V = а о",
      "а > a",
      "о > o",
      "б > b",
      "д > d",
      "б > p / _ #     ! final devoicing",
      "о > wo / # _    ! word-initial о",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"аб", "ap"},        // end of the text is a boundary
                            {"аба", "aba"},
                            {"аб ба", "ap ba"},  // a space is a boundary
                            {"аб,", "ap,"},      // punctuation is a boundary
                            {"баб", "bap"},
                            {"о", "wo"},         // start of the text is a boundary
                            {"об", "wop"},
                            {"бо", "bo"},
                            {"до до", "do do"},
                            {"о о", "wo wo"},
                            {"(об)", "(wop)"},
                        });
}

TEST(TableLanguage, QuantifierPlus) {
  auto t = Build(Lines({
      "class C = б т к",
      "а > a",
      "б > b",
      "т > t",
      "к > k",
      "ь > j",
      "а > ä / _ C+ ь",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"аь", "aj"},        // C+ needs at least one consonant
                            {"ать", "ätj"},
                            {"аттть", "ätttj"},
                            {"аткь", "ätkj"},
                            {"ат", "at"},        // no ь after the consonants
                            {"атаь", "ataj"},    // the consonant run is broken by а
                        });
}

TEST(TableLanguage, QuantifierOptional) {
  auto t = Build(Lines({
      "class C = б т к",
      "а > a",
      "б > b",
      "т > t",
      "к > k",
      "ь > j",
      "а > ä / _ C? ь",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"аь", "äj"},      // zero consonants
                            {"ать", "ätj"},    // one consonant
                            {"атть", "attj"},  // two are too many for ?
                            {"а", "a"},
                        });
}

TEST(TableLanguage, QuantifierStar) {
  auto t = Build(Lines({
      "class C = б т к",
      "а > a",
      "б > b",
      "т > t",
      "к > k",
      "ь > j",
      "а > ä / _ C* ь",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"аь", "äj"},
                            {"ать", "ätj"},
                            {"атткь", "ättkj"},
                            {"атта", "atta"},
                            {"ат", "at"},
                        });
}

TEST(TableLanguage, QuantifierOnTheLeftIsReadOutwardFromTheFocus) {
  // "а C* _": nearest the focus any number of consonants, then а.
  auto t = Build(Lines({
      "class C = б т к",
      "а > a",
      "т > t",
      "к > k",
      "ь > j",
      "ь > ' / а C* _",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"аь", "a'"},
                            {"атть", "att'"},
                            {"тать", "tat'"},
                            {"ть", "tj"},     // no а before the consonants
                            {"тать ть", "tat' tj"},
                        });
}

TEST(TableLanguage, NegatedClassAndLetter) {
  auto t = Build(Lines({
      "class V = а о",
      "а > a",
      "о > o",
      "н > n",
      "т > t",
      "н > ñ / _ ~V     ! н before anything but a vowel",
      "т > d / ~а _     ! т after anything but а",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"на", "na"},
                            {"но", "no"},
                            {"ан", "añ"},        // end of text: nothing there is a vowel
                            {"ан то", "añ do"},  // a space is not a vowel; т after a space
                            {"нн", "ññ"},
                            {"ат", "at"},
                            {"от", "od"},
                            {"т", "d"},          // start of text: nothing there is а
                            {"нт", "ñd"},
                        });
}

TEST(TableLanguage, NearestVowelHarmonyContext) {
  auto t = Build(Lines({
      "@vowels V",
      "class V = а е ы і о у и",
      "class Back = а ы о у",
      "class Front = е і",
      "а > a",
      "е > e",
      "ы > ı",
      "і > i",
      "о > o",
      "у > u",
      "с > s",
      "т > t",
      "л > l",
      "к > k",
      "и > i",
      "и > ıy / Back... _    ! the nearest vowel on the left is back",
      "и > iy / Front... _   ! the nearest vowel on the left is front",
      "к > q / _ ...Back     ! the nearest vowel on the right is back",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"али", "alıy"},
                            {"ели", "eliy"},
                            {"тесали", "tesalıy"},  // the nearest vowel, not the first: а
                            {"татели", "tateliy"},  // the nearest vowel, not the first: е
                            {"ти", "ti"},           // no vowel on the left in this word
                            {"а ти", "a ti"},       // the search stops at the word's edge
                            {"ка", "qa"},
                            {"ке", "ke"},
                            {"кта", "qta"},         // consonants are passed over
                            {"ак", "ak"},           // no vowel on the right
                            {"ак а", "ak a"},       // not across a word boundary
                            {"кі", "ki"},
                            {"аки", "akıy"},        // к: nearest right vowel и is not Back
                        });
}

// ---- exceptions ---------------------------------------------------------------------------------

TEST(TableLanguage, WholeWordExceptionsInEveryCase) {
  auto t = Build(Lines({
      "к > k",
      "о > o",
      "ф > f",
      "е > e",
      "exception кофе > coffee",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"кофе", "coffee"},
                            {"Кофе", "Coffee"},
                            {"КОФЕ", "COFFEE"},
                            {"кофе, Кофе! КОФЕ?", "coffee, Coffee! COFFEE?"},
                            {"кофе-кофе", "coffee-coffee"},
                            {"кофек", "kofek"},  // a longer word: rules
                            {"ккофе", "kkofe"},  // not at the word's start: rules
                            {"коф", "kof"},
                            // Mixed case is not one of the exception's forms: the rules convert
                            // it letter by letter (tables/README.md, "Exceptions").
                            {"КоФе", "KoFe"},
                        });
}

TEST(TableLanguage, ExceptionsInCapitalsMatchOnlyInCapitals) {
  auto t = Build(Lines({
      "@case-pair i İ",
      "х > h",
      "і > i",
      "exception ХХІ > XXI",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"ХХІ", "XXI"},          // as written, not XXİ
                            {"ХХІ ғ.", "XXI ғ."},
                            {"ххі", "hhi"},          // lowercase: the rules
                            {"Ххі", "Hhi"},          // Title case: the rules
                            {"ХХІХ", "HHİH"},        // a longer word: the rules
                        });
  // A mixed-case word, or a word in capitals given as a stem, is refused with its place.
  for (const char* line : {"exception ХхІ > x", "exception ХХ* > x"}) {
    Status status;
    EXPECT_EQ(Transliterator::FromText(kHeader + Lines({"х > h", line}), "inline.tbl", {}, &status), nullptr) << line;
    EXPECT_NE(Describe(status).find("inline.tbl:4:11"), std::string::npos) << Describe(status);
  }
}

// ---- options --------------------------------------------------------------------------------------

const std::string kOptionsTable = Lines({
    "@option eng = ñ | ng          ! how ң is written",
    "@option soft = ∅ | '          ! the soft sign",
    "@option style = plain | fancy",
    "а > a",
    "ө > o{soft}",
    "ң > {eng}",
    "ь > {soft}",
    "[style=plain] ш > sh",
    "[style=fancy] ш > ş",
    "[style=fancy,eng=ng] ч > tš",
});

TEST(TableLanguage, OptionDefaultsAndDeclarations) {
  auto t = Build(kOptionsTable);
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"аң", "añ"},
                            {"ша", "sha"},
                            {"аь", "a"},   // ∅: the default is the empty value
                            {"ө", "o"},
                            {"ч", "ч"},    // the guard does not hold: no rule, copied
                        });
  const auto& options = t->info().options;
  ASSERT_EQ(options.size(), 3u);
  EXPECT_EQ(options[0].name, "eng");
  EXPECT_EQ(options[0].default_value, "ñ");
  EXPECT_EQ(options[0].values, (std::vector<std::string>{"ñ", "ng"}));
  EXPECT_EQ(options[0].description, "how ң is written");
  EXPECT_EQ(options[1].name, "soft");
  EXPECT_EQ(options[1].default_value, "");
  EXPECT_EQ(options[1].values, (std::vector<std::string>{"", "'"}));
  EXPECT_EQ(options[2].name, "style");
  EXPECT_EQ(options[2].default_value, "plain");

  const std::vector<std::pair<std::string, std::string>> expected{{"eng", "ñ"}, {"soft", ""}, {"style", "plain"}};
  EXPECT_EQ(t->settings(), expected);
}

TEST(TableLanguage, OptionsSetThroughSettings) {
  auto t = BuildWith(kOptionsTable, {{"eng", "ng"}, {"soft", "'"}});
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"аң", "ang"},
                            {"аь", "a'"},
                            {"ө", "o'"},
                            {"ша", "sha"},  // style keeps its default
                            {"ч", "ч"},     // style=fancy does not hold
                        });
  const std::vector<std::pair<std::string, std::string>> expected{{"eng", "ng"}, {"soft", "'"}, {"style", "plain"}};
  EXPECT_EQ(t->settings(), expected);
}

TEST(TableLanguage, GuardsSelectRules) {
  auto fancy = BuildWith(kOptionsTable, {{"style", "fancy"}});
  ASSERT_NE(fancy, nullptr);
  ExpectConversions(*fancy, {{"ша", "şa"}, {"ч", "ч"}});  // ч needs eng=ng as well
  auto both = BuildWith(kOptionsTable, {{"style", "fancy"}, {"eng", "ng"}});
  ASSERT_NE(both, nullptr);
  ExpectConversions(*both, {{"ша", "şa"}, {"ч", "tš"}, {"ң", "ng"}});
}

TEST(TableLanguage, AtEqualContextMoreConditionsWin) {
  // tables/README.md, "Which rule wins": at equal context length a rule with more option
  // conditions beats one with fewer, so these two rules are no conflict.
  const std::string body = Lines({
      "@option style = plain | fancy",
      "ч > ch",
      "[style=fancy] ч > ç",
      "class V = а",
      "а > a",
      "ч > tch / V _",
  });
  auto plain = Build(body);
  ASSERT_NE(plain, nullptr);
  ExpectConversions(*plain, {{"ч", "ch"}, {"ач", "atch"}});
  auto fancy = BuildWith(body, {{"style", "fancy"}});
  ASSERT_NE(fancy, nullptr);
  ExpectConversions(*fancy, {{"ч", "ç"}, {"ач", "atch"}});  // a longer context still wins
}

TEST(TableLanguage, UnknownOptionOrValueIsInvalidArgument) {
  for (const auto& setting : std::vector<std::pair<std::string, std::string>>{
           {"nope", "x"}, {"eng", "x"}, {"eng", ""}, {"style", "Plain"}}) {
    SCOPED_TRACE(setting.first + "=" + setting.second);
    Options options;
    options.settings = {setting};
    Status status;
    auto t = Transliterator::FromText(kHeader + kOptionsTable, "inline.tbl", options, &status);
    EXPECT_EQ(t, nullptr);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << Describe(status);
  }
  // A table without options rejects any setting.
  Options options;
  options.settings = {{"eng", "ñ"}};
  Status status;
  EXPECT_EQ(Transliterator::FromText(kHeader + "а > a\n", "inline.tbl", options, &status), nullptr);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << Describe(status);
}

// ---- @inherit ---------------------------------------------------------------------------------------

const std::string kBaseTable = Lines({
    "@from src",
    "@to base",
    "@option eng = ñ | ng",
    "class V = а е о",
    "а > a",
    "е > e",
    "о > o",
    "т > t",
    "ң > {eng}",
    "е > ye / V _",
    "т > d / V _ V",
});

TEST(TableLanguage, InheritOverridesRulesWithTheSameKeyAndContext) {
  ortaq_test::TempDir dir;
  const std::string base = dir.Write("base.tbl", kBaseTable);
  const std::string child = dir.Write("child.tbl", Lines({
                                                       "@inherit base",
                                                       "@from src",
                                                       "@to child",
                                                       "е > je / V _    ! replaces the base's rule",
                                                       "т > tt          ! replaces the base's т > t",
                                                       "о > ö / _ #     ! a new context: kept with о > o",
                                                   }));
  Status status;
  auto b = Transliterator::FromFile(base, {}, &status);
  ASSERT_NE(b, nullptr) << Describe(status);
  ExpectConversions(*b, {{"ае", "aye"}, {"т", "t"}, {"о", "o"}});

  auto c = Transliterator::FromFile(child, {}, &status);
  ASSERT_NE(c, nullptr) << Describe(status);
  EXPECT_EQ(c->info().from, "src");
  EXPECT_EQ(c->info().to, "child");
  ExpectConversions(*c, {
                            {"ае", "aje"},  // the child's rule
                            {"е", "e"},     // the base's rule
                            {"ата", "ada"}, // the base's context rule
                            {"т", "tt"},    // the child's plain rule
                            {"аң", "añ"},   // the base's option default
                            {"о", "ö"},     // the child's new rule
                            {"оа", "oa"},   // the base's о > o
                        });
  ASSERT_EQ(c->info().options.size(), 1u);
  EXPECT_EQ(c->info().options[0].name, "eng");

  Options ng;
  ng.settings = {{"eng", "ng"}};
  auto c_ng = Transliterator::FromFile(child, ng, &status);
  ASSERT_NE(c_ng, nullptr) << Describe(status);
  EXPECT_EQ(Convert(*c_ng, "аң"), "ang");
}

TEST(TableLanguage, InheritFindsTablesOnTheSearchPath) {
  ortaq_test::TempDir dir;
  dir.Write("base.tbl", kBaseTable);
  Options options;
  options.table_path = {dir.path().string()};
  Status status;
  auto t = Transliterator::FromText(Lines({"@inherit base", "@from src", "@to x", "т > tt"}), "text.tbl", options,
                                    &status);
  ASSERT_NE(t, nullptr) << Describe(status);
  ExpectConversions(*t, {{"ата", "ada"}, {"т", "tt"}, {"ае", "aye"}});
}

// ---- rule priority --------------------------------------------------------------------------------

TEST(TableLanguage, LongestMatchAndContextPriorityDoNotDependOnLineOrder) {
  const std::vector<std::string> lines{
      "@from src",
      "@to dst",
      "class V = а е",
      "а > a",
      "е > e",
      "с > s",
      "ц > ts",
      "сц > ş",
      "сцц > ç",
      "т > t",
      "т > d / V _",
      "т > ð / V _ V",
      "е > ye / V _",
  };
  const std::string input = "сцаста сцц ате ат ае";
  // сц (longest) + а + с (next is т) + т (after с: no context) + а; сцц; а + т between vowels +
  // е after т; а + т after a vowel; а + е after a vowel.
  const std::string expected = "şasta ç aðe ad aye";

  std::vector<std::vector<std::string>> orders{lines, std::vector<std::string>(lines.rbegin(), lines.rend())};
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::vector<std::string> shuffled = lines;
    std::mt19937 rng(seed);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    orders.push_back(std::move(shuffled));
  }
  for (const auto& order : orders) {
    const std::string table = Lines(order);
    SCOPED_TRACE("table:\n" + table);
    Status status;
    auto t = Transliterator::FromText(table, "shuffled.tbl", {}, &status);
    ASSERT_NE(t, nullptr) << Describe(status);
    EXPECT_EQ(Convert(*t, input), expected);
  }
}

TEST(TableLanguage, RuleWithContextBeatsRuleWithout) {
  for (const std::string& body : {Lines({"class V = а", "а > a", "б > b", "е > e", "е > ye / V _"}),
                                  Lines({"class V = а", "е > ye / V _", "е > e", "б > b", "а > a"})}) {
    SCOPED_TRACE(body);
    auto t = Build(body);
    ASSERT_NE(t, nullptr);
    ExpectConversions(*t, {{"ае", "aye"}, {"бе", "be"}, {"е", "e"}});
  }
}

TEST(TableLanguage, LongerKeyBeatsShorterKeyWithContext) {
  auto t = Build(Lines({"class V = а", "а > a", "с > s", "ц > c", "с > z / _ ц", "сц > ş"}));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {{"асц", "aş"}, {"ас", "as"}});
}

TEST(TableLanguage, ConflictingRulesAreAnErrorCitingBothLines) {
  const std::string table = Lines({
      "@from src",           // 1
      "@to dst",             // 2
      "class V = а е",       // 3
      "е > ye / V _",        // 4
      "е > je / _ V",        // 5: as long a context, and both can hold at once (аеа)
  });
  Status status;
  auto t = Transliterator::FromText(table, "conflict.tbl", {}, &status);
  EXPECT_EQ(t, nullptr);
  EXPECT_EQ(status.code(), StatusCode::kTableError);
  std::set<int> lines;
  for (const auto& d : status.diagnostics()) {
    EXPECT_EQ(d.file, "conflict.tbl");
    lines.insert(d.line);
  }
  EXPECT_TRUE(lines.count(4)) << Describe(status);
  EXPECT_TRUE(lines.count(5)) << Describe(status);
  // The error itself names the other line too.
  const auto error = std::find_if(status.diagnostics().begin(), status.diagnostics().end(),
                                  [](const ortaq::Diagnostic& d) { return d.severity == ortaq::Severity::kError; });
  ASSERT_NE(error, status.diagnostics().end());
  const std::string other = "conflict.tbl:" + std::to_string(error->line == 4 ? 5 : 4) + ":1";
  EXPECT_NE(error->message.find(other), std::string::npos) << error->message;
}

TEST(TableLanguage, ExclusiveContextsAreNoConflict) {
  auto t = Build(Lines({
      "class V = а е",
      "class C = б т",
      "а > a",
      "б > b",
      "т > t",
      "е > ye / V _",
      "е > e / C _",
      "е > ë / # _",
  }));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {{"ае", "aye"}, {"бе", "be"}, {"е", "ë"}});
}

// ---- case -------------------------------------------------------------------------------------------

TEST(TableLanguage, LowercaseRulesDeriveTitleAndUpper) {
  auto t = Build(Lines({"ш > sh", "ы > y", "м > m", "к > k", "е > e", "н > n", "т > t"}));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"шымкент", "shymkent"},
                            {"Шымкент", "Shymkent"},  // a digraph takes the case of its word
                            {"ШЫМКЕНТ", "SHYMKENT"},
                            {"Шымкент ШЫМКЕНТ шымкент", "Shymkent SHYMKENT shymkent"},
                            {"КЕНТ", "KENT"},
                        });
}

TEST(TableLanguage, CaseNoneMatchesExactly) {
  auto t = Build(Lines({"@case none", "ш > sh", "Щ > SHCH"}));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {{"ш", "sh"}, {"Ш", "Ш"}, {"Щ", "SHCH"}, {"щ", "щ"}});
}

const std::string kTurkicLetters = Lines({
    "і > i",
    "ы > ı",
    "л > l",
    "е > e",
    "к > k",
    "и > i",
    "м > m",
    "т > t",
    "exception ит > iyt",
});

TEST(TableLanguage, TargetCasePairs) {
  auto t = Build("@case-pair i İ\n@case-pair ı I\n" + kTurkicLetters);
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"ІЛЕ", "İLE"},
                            {"Іле", "İle"},
                            {"КИІМ", "KİİM"},
                            {"кием", "kiem"},
                            {"ЫЛ", "IL"},
                            {"ит", "iyt"},
                            {"Ит", "İyt"},   // exception outputs use the case pairs too
                            {"ИТ", "İYT"},
                        });
  // Without the pair, i uppercases to I as Unicode's default mapping says.
  auto plain = Build(kTurkicLetters);
  ASSERT_NE(plain, nullptr);
  ExpectConversions(*plain, {{"ІЛЕ", "ILE"}, {"КИІМ", "KIIM"}, {"ИТ", "IYT"}});
}

TEST(TableLanguage, CasePairsOf2018BothIUppercaseToPlainI) {
  auto t = Build(Lines({"@case-pair i I", "@case-pair ı I", "и > ı", "і > i", "к > k", "м > m", "т > t"}));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"киім", "kıim"},
                            {"КИІМ", "KIIM"},
                            {"Киім", "Kıim"},
                            {"Іт", "It"},
                            {"Ит", "It"},
                            {"ИТ", "IT"},
                        });
}

TEST(TableLanguage, SourceCasePairs) {
  // A Turkish Latin source: I is the capital of ı and İ of i.
  auto t = Build(Lines({"@source-case-pair ı I", "@source-case-pair i İ", "ı > ы", "i > и", "k > к", "ş > ш"}));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {{"ışık", "ышык"}, {"IŞIK", "ЫШЫК"}, {"İki", "Ики"}, {"Işık", "Ышык"}});
}

TEST(TableLanguage, OneLetterWordTakesCaseFromNearestLongerWord) {
  auto t = Build(Lines({"я > ya", "к > k", "е > e", "л > l", "д > d", "і > i", "а > a"}));
  ASSERT_NE(t, nullptr);
  ExpectConversions(*t, {
                            {"Я келді", "Ya keldi"},
                            {"Я КЕЛДІ", "YA KELDI"},
                            {"КЕЛДІ Я", "KELDI YA"},   // only a word before it
                            {"келді Я", "keldi Ya"},
                            {"КЕЛДІ, Я.", "KELDI, YA."},
                            {"Я, а КЕЛДІ", "YA, a KELDI"},  // the one-letter word а is passed over
                            {"Я Я КЕЛДІ", "YA YA KELDI"},
                            {"я келді", "ya keldi"},        // lowercase stays lowercase
                        });
}

}  // namespace
