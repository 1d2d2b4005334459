/* The C API from C: compiled as C99 with -Wall -Wextra -pedantic -Werror, it calls every
 * function of ortaq.h, with good and with bad arguments. Exit code 0 when every check holds;
 * each failure prints its line. The typing session's corpus test is capi_typing_test.c, and
 * ortaq_compare's is capi_compare_test.c. */
#include <ortaq.h> /* first: the header compiles on its own */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define CHECK_STR(actual, expected)                                                            \
  do {                                                                                         \
    const char *a_ = (actual), *e_ = (expected);                                               \
    if (a_ == NULL || strcmp(a_, e_) != 0) {                                                   \
      fprintf(stderr, "%s:%d: got \"%s\", expected \"%s\"\n", __FILE__, __LINE__, a_ ? a_ : "(null)", e_); \
      ++failures;                                                                              \
    }                                                                                          \
  } while (0)

static void test_version(void) {
  char expected[64];
  sprintf(expected, "%d.%d.%d", ORTAQ_VERSION_MAJOR, ORTAQ_VERSION_MINOR, ORTAQ_VERSION_PATCH);
  CHECK_STR(ortaq_version(), expected);
  /* The macros follow the CMake project version (passed in by tests/capi/CMakeLists.txt). */
  CHECK(ORTAQ_VERSION_MAJOR == EXPECTED_MAJOR);
  CHECK(ORTAQ_VERSION_MINOR == EXPECTED_MINOR);
  CHECK(ORTAQ_VERSION_PATCH == EXPECTED_PATCH);
}

static void test_code_strings(void) {
  int code;
  for (code = ORTAQ_OK; code <= ORTAQ_ERR_BUFFER_TOO_SMALL; ++code) {
    CHECK(ortaq_code_string(code) != NULL);
    CHECK(strcmp(ortaq_code_string(code), "unknown error code") != 0);
  }
  CHECK_STR(ortaq_code_string(-1), "unknown error code");
  CHECK_STR(ortaq_code_string(ORTAQ_ERR_INVALID_INPUT), "invalid input (not UTF-8)");
}

/* The README's example, run as written. */
static void test_readme_snippet(void) {
  ortaq_error err;
  const char *settings[] = {"kk-i=ï", NULL};
  ortaq_transliterator *t = ortaq_open("kk-Cyrl", "cta-2024", settings, &err);
  char *out = NULL;
  size_t out_len = 0;
  CHECK(t != NULL);
  if (t == NULL) return;
  CHECK(err.code == ORTAQ_OK && err.message[0] == '\0');
  if (ortaq_convert(t, "Қазақстан білім", strlen("Қазақстан білім"), &out, &out_len, &err) == ORTAQ_OK) {
    CHECK_STR(out, "Qazaqstan bïlïm");
    CHECK(out_len == strlen("Qazaqstan bïlïm"));
    ortaq_free(out);
  } else {
    CHECK(0);
  }
  CHECK_STR(ortaq_source_id(t), "kk-Cyrl");
  CHECK_STR(ortaq_target_id(t), "cta-2024");
  CHECK(strlen(ortaq_title(t)) > 0);
  CHECK_STR(ortaq_source_id(NULL), "");
  CHECK_STR(ortaq_target_id(NULL), "");
  CHECK_STR(ortaq_title(NULL), "");
  ortaq_close(t);
}

static void test_open_errors(void) {
  ortaq_error err;
  const char *unknown_option[] = {"no-such-option=1", NULL};
  const char *bad_value[] = {"kk-i=zz", NULL};
  const char *not_key_value[] = {"kk-i", NULL};
  const char *bad_engine[] = {"@invalid=maybe", NULL};
  const char *unknown_engine[] = {"@nonsense=on", NULL};

  CHECK(ortaq_open(NULL, "cta-2024", NULL, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_INVALID_ARGUMENT && strlen(err.message) > 0);
  CHECK(ortaq_open("kk-Cyrl", NULL, NULL, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_open(NULL, NULL, NULL, NULL) == NULL); /* err may be NULL */
  CHECK(ortaq_open("xx-Nowhere", "yy-Nowhere", NULL, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_NOT_FOUND);
  CHECK(ortaq_open("kk-Cyrl", "cta-2024", unknown_option, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_INVALID_ARGUMENT && strstr(err.message, "no-such-option") != NULL);
  CHECK(ortaq_open("kk-Cyrl", "cta-2024", bad_value, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_open("kk-Cyrl", "cta-2024", not_key_value, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_INVALID_ARGUMENT && strstr(err.message, "KEY=VALUE") != NULL);
  CHECK(ortaq_open("kk-Cyrl", "cta-2024", bad_engine, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_INVALID_ARGUMENT && strstr(err.message, "@invalid") != NULL);
  CHECK(ortaq_open("kk-Cyrl", "cta-2024", unknown_engine, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_INVALID_ARGUMENT && strstr(err.message, "@nonsense") != NULL);

  CHECK(ortaq_open_file(NULL, NULL, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_open_file("/nonexistent/dir/none.tbl", NULL, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_NOT_FOUND);
  CHECK(ortaq_open_text(NULL, 5, NULL, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_INVALID_ARGUMENT);
}

/* A table with an undeclared class on line 6: file "<text>", line 6, column 11 (б counts one
 * column), byte offset 44 (lines of 9, 9, 7, 1 and 7 bytes before it; б is two bytes). */
static void test_broken_table_text(void) {
  static const char table[] = "@title t\n@from xx\n@to yy\n\nа > a\nб > b / _ Qz\n";
  ortaq_error err;
  CHECK(ortaq_open_text(table, strlen(table), NULL, &err) == NULL);
  CHECK(err.code == ORTAQ_ERR_TABLE);
  CHECK_STR(err.file, "<text>");
  CHECK(err.line == 6);
  CHECK(err.column == 11);
  CHECK(err.byte_offset == 44);
  CHECK(strstr(err.message, "Qz") != NULL);
  CHECK(strchr(err.message, '\n') == NULL);
}

static void test_open_text_and_file(void) {
  static const char table[] = "@title mine\n@from kk-Cyrl\n@to mine\n@inherit _base/kk-Cyrl\nш > sh\n";
  ortaq_error err;
  char *out = NULL;
  size_t out_len = 0;
  ortaq_transliterator *t = ortaq_open_text(table, strlen(table), NULL, &err);
  CHECK(t != NULL);
  if (t != NULL) {
    CHECK(ortaq_convert(t, "шаш", strlen("шаш"), &out, &out_len, &err) == ORTAQ_OK);
    CHECK(out != NULL && strncmp(out, "sh", 2) == 0);
    ortaq_free(out);
    CHECK_STR(ortaq_target_id(t), "mine");
    ortaq_close(t);
  }
  t = ortaq_open_file(TABLE_DIR "/kk-Cyrl--kk-Latn-2018.tbl", NULL, &err);
  CHECK(t != NULL);
  if (t != NULL) {
    CHECK(ortaq_convert(t, "Ғалым", strlen("Ғалым"), &out, &out_len, &err) == ORTAQ_OK);
    CHECK_STR(out, "Ǵalym");
    ortaq_free(out);
    ortaq_close(t);
  }
}

static void test_convert(void) {
  ortaq_error err;
  ortaq_transliterator *t = ortaq_open("kk-Cyrl", "cta-2024", NULL, &err);
  char *out = (char *)1;
  size_t out_len = 99;
  char buf[64];
  char small[4];
  CHECK(t != NULL);
  if (t == NULL) return;

  /* Empty input, with and without a pointer. */
  CHECK(ortaq_convert(t, NULL, 0, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out != NULL && out[0] == '\0' && out_len == 0);
  ortaq_free(out);
  /* NUL bytes are text like any other. */
  CHECK(ortaq_convert(t, "ш\0ш", 5, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out_len == 5 && memcmp(out, "ş\0ş", 5) == 0);
  ortaq_free(out);

  /* Bad arguments. */
  CHECK(ortaq_convert(NULL, "a", 1, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(out == NULL && out_len == 0);
  CHECK(ortaq_convert(t, "a", 1, NULL, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_convert(t, "a", 1, &out, NULL, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_convert(t, NULL, 3, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_convert(t, NULL, 3, &out, &out_len, NULL) == ORTAQ_ERR_INVALID_ARGUMENT);

  /* Invalid UTF-8: the code, "<input>", line, column and byte offset. */
  CHECK(ortaq_convert(t, "ab\xff" "cd", 5, &out, &out_len, &err) == ORTAQ_ERR_INVALID_INPUT);
  CHECK(out == NULL && err.code == ORTAQ_ERR_INVALID_INPUT);
  CHECK_STR(err.file, "<input>");
  CHECK(err.byte_offset == 2 && err.line == 1 && err.column == 3);
  /* On the second line, after a two-byte letter: a sequence cut off at the end. */
  CHECK(ortaq_convert(t, "x\nЖ\xc3", 5, &out, &out_len, &err) == ORTAQ_ERR_INVALID_INPUT);
  CHECK(err.byte_offset == 4 && err.line == 2 && err.column == 2);

  /* The caller's buffer. */
  CHECK(ortaq_convert_into(t, "Жол", strlen("Жол"), buf, sizeof buf, &out_len, &err) == ORTAQ_OK);
  CHECK_STR(buf, "Jol");
  CHECK(out_len == 3);
  memcpy(small, "zzz", 4);
  CHECK(ortaq_convert_into(t, "Жолдар", strlen("Жолдар"), small, sizeof small, &out_len, &err) ==
        ORTAQ_ERR_BUFFER_TOO_SMALL);
  CHECK(out_len == 6 && err.code == ORTAQ_ERR_BUFFER_TOO_SMALL);
  CHECK(memcmp(small, "zzz", 4) == 0); /* untouched */
  CHECK(ortaq_convert_into(t, "Жол", strlen("Жол"), NULL, 0, &out_len, &err) == ORTAQ_ERR_BUFFER_TOO_SMALL);
  CHECK(out_len == 3); /* the size query */
  CHECK(ortaq_convert_into(t, "Жол", strlen("Жол"), NULL, 8, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_convert_into(NULL, "Жол", 3, buf, sizeof buf, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_convert_into(t, "Жол", 3, buf, sizeof buf, NULL, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_convert_into(t, "\xe2\x82", 2, buf, sizeof buf, &out_len, &err) == ORTAQ_ERR_INVALID_INPUT);
  CHECK(err.byte_offset == 0);
  ortaq_close(t);

  /* "@invalid=replace": U+FFFD instead of an error. */
  {
    const char *replace[] = {"@invalid=replace", NULL};
    t = ortaq_open("kk-Cyrl", "cta-2024", replace, &err);
    CHECK(t != NULL);
    if (t != NULL) {
      CHECK(ortaq_convert(t, "ш\xffш", 5, &out, &out_len, &err) == ORTAQ_OK);
      CHECK_STR(out, "ş\xef\xbf\xbdş");
      ortaq_free(out);
      ortaq_close(t);
    }
  }
  ortaq_close(NULL);
  ortaq_free(NULL);
}

/* An output above 1 MiB, where the library gives its scratch memory back after converting:
 * the length is the output's all the same (it was 0 before, found by the WebAssembly build's
 * corpus test). */
static void test_large_output(void) {
  ortaq_error err;
  ortaq_transliterator *t = ortaq_open("kk-Cyrl", "cta-2024", NULL, &err);
  const size_t words = 300000; /* "шаш " is 7 bytes in, "şaş " 6 out: 1.8 MB of output */
  char *in = (char *)malloc(words * 7);
  char *out = NULL;
  size_t out_len = 0, i;
  CHECK(t != NULL && in != NULL);
  if (t == NULL || in == NULL) {
    free(in);
    ortaq_close(t);
    return;
  }
  for (i = 0; i < words; ++i) memcpy(in + i * 7, "шаш ", 7);
  CHECK(ortaq_convert(t, in, words * 7, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out != NULL && out_len == words * 6 && strlen(out) == out_len);
  CHECK(out != NULL && memcmp(out + out_len - 6, "şaş ", 6) == 0);
  ortaq_free(out);
  free(in);
  ortaq_close(t);
}

static void test_chain(void) {
  /* No table converts kk-Cyrl to tr-Latn directly: the chain goes through cta-2024. */
  ortaq_error err;
  char *out = NULL;
  size_t out_len = 0;
  ortaq_transliterator *t = ortaq_open("kk-Cyrl", "tr-Latn", NULL, &err);
  CHECK(t != NULL);
  if (t == NULL) return;
  CHECK(ortaq_convert(t, "Я КЕЛДІМ", strlen("Я КЕЛДІМ"), &out, &out_len, &err) == ORTAQ_OK);
  CHECK_STR(out, "YA KELDİM");
  ortaq_free(out);
  ortaq_close(t);
}

/* Spans on "😀 Ящ € ю a" (4-, 1-, 2-, 2-, 1-, 3-, 1-, 2-, 1-, 1-byte characters), which
 * becomes "😀 Yaşç € yu a". Worked by hand in each unit. */
static const char kSpanText[] = "\xf0\x9f\x98\x80 Ящ € ю a";

static void check_spans(int unit, const unsigned long long expected[6][4]) {
  ortaq_error err;
  ortaq_transliterator *t = ortaq_open("kk-Cyrl", "cta-2024", NULL, &err);
  char *out = NULL;
  size_t out_len = 0, count = 0, i;
  ortaq_span *spans = NULL;
  static const int changed[6] = {0, 1, 1, 0, 1, 0};
  CHECK(t != NULL);
  if (t == NULL) return;
  CHECK(ortaq_convert_spans(t, kSpanText, strlen(kSpanText), unit, &out, &out_len, &spans, &count, &err) == ORTAQ_OK);
  CHECK_STR(out, "\xf0\x9f\x98\x80 Yaşç € yu a");
  CHECK(count == 6);
  for (i = 0; i < count && i < 6; ++i) {
    if (spans[i].in_begin != expected[i][0] || spans[i].in_end != expected[i][1] ||
        spans[i].out_begin != expected[i][2] || spans[i].out_end != expected[i][3] || spans[i].changed != changed[i]) {
      fprintf(stderr, "unit %d span %lu: [%llu,%llu)->[%llu,%llu) %d\n", unit, (unsigned long)i,
              (unsigned long long)spans[i].in_begin, (unsigned long long)spans[i].in_end,
              (unsigned long long)spans[i].out_begin, (unsigned long long)spans[i].out_end, spans[i].changed);
      ++failures;
    }
  }
  ortaq_free(out);
  ortaq_free(spans);
  ortaq_close(t);
}

static void test_spans(void) {
  static const unsigned long long bytes[6][4] = {{0, 5, 0, 5},   {5, 7, 5, 7},     {7, 9, 7, 11},
                                                 {9, 14, 11, 16}, {14, 16, 16, 18}, {16, 18, 18, 20}};
  static const unsigned long long code_points[6][4] = {{0, 2, 0, 2}, {2, 3, 2, 4},  {3, 4, 4, 6},
                                                       {4, 7, 6, 9}, {7, 8, 9, 11}, {8, 10, 11, 13}};
  static const unsigned long long utf16[6][4] = {{0, 3, 0, 3}, {3, 4, 3, 5},   {4, 5, 5, 7},
                                                 {5, 8, 7, 10}, {8, 9, 10, 12}, {9, 11, 12, 14}};
  ortaq_error err;
  ortaq_transliterator *t = ortaq_open("kk-Cyrl", "cta-2024", NULL, &err);
  char *out = (char *)1;
  size_t out_len = 1, count = 1;
  ortaq_span *spans = (ortaq_span *)1;
  check_spans(ORTAQ_UNIT_BYTES, bytes);
  check_spans(ORTAQ_UNIT_CODE_POINTS, code_points);
  check_spans(ORTAQ_UNIT_UTF16, utf16);
  if (t == NULL) return;
  CHECK(ortaq_convert_spans(t, "a", 1, 7, &out, &out_len, &spans, &count, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(out == NULL && spans == NULL && count == 0);
  CHECK(ortaq_convert_spans(t, "a", 1, ORTAQ_UNIT_BYTES, &out, &out_len, NULL, &count, &err) ==
        ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_convert_spans(NULL, "a", 1, ORTAQ_UNIT_BYTES, &out, &out_len, &spans, &count, &err) ==
        ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_convert_spans(t, "a\x80", 2, ORTAQ_UNIT_UTF16, &out, &out_len, &spans, &count, &err) ==
        ORTAQ_ERR_INVALID_INPUT);
  CHECK(err.byte_offset == 1);
  CHECK(ortaq_convert_spans(t, "", 0, ORTAQ_UNIT_BYTES, &out, &out_len, &spans, &count, &err) == ORTAQ_OK);
  CHECK(count == 0 && spans == NULL && out_len == 0);
  ortaq_free(out);
  ortaq_close(t);
}

static void test_positions(void) {
  static const ortaq_span cp[6] = {{0, 2, 0, 2, 0}, {2, 3, 2, 4, 1},  {3, 4, 4, 6, 1},
                                   {4, 7, 6, 9, 0}, {7, 8, 9, 11, 1}, {8, 10, 11, 13, 0}};
  static const ortaq_span u16[6] = {{0, 3, 0, 3, 0}, {3, 4, 3, 5, 1},   {4, 5, 5, 7, 1},
                                    {5, 8, 7, 10, 0}, {8, 9, 10, 12, 1}, {9, 11, 12, 14, 0}};
  static const ortaq_span bytes[6] = {{0, 5, 0, 5, 0},    {5, 7, 5, 7, 1},     {7, 9, 7, 11, 1},
                                      {9, 14, 11, 16, 0}, {14, 16, 16, 18, 1}, {16, 18, 18, 20, 0}};
  /* Code points: before ю (7) is before "yu" (9); after € (6) is 8 in the output; between y and
   * u (10) goes back to before ю (7); between Y and a (3) to before Я (2); the end to the end. */
  CHECK(ortaq_map_position(cp, 6, 7, ORTAQ_INPUT_TO_OUTPUT) == 9);
  CHECK(ortaq_map_position(cp, 6, 8, ORTAQ_INPUT_TO_OUTPUT) == 11);
  CHECK(ortaq_map_position(cp, 6, 6, ORTAQ_INPUT_TO_OUTPUT) == 8);
  CHECK(ortaq_map_position(cp, 6, 3, ORTAQ_INPUT_TO_OUTPUT) == 4);
  CHECK(ortaq_map_position(cp, 6, 10, ORTAQ_INPUT_TO_OUTPUT) == 13);
  CHECK(ortaq_map_position(cp, 6, 99, ORTAQ_INPUT_TO_OUTPUT) == 13);
  CHECK(ortaq_map_position(cp, 6, 10, ORTAQ_OUTPUT_TO_INPUT) == 7);
  CHECK(ortaq_map_position(cp, 6, 3, ORTAQ_OUTPUT_TO_INPUT) == 2);
  CHECK(ortaq_map_position(cp, 6, 5, ORTAQ_OUTPUT_TO_INPUT) == 3);
  CHECK(ortaq_map_position(cp, 6, 13, ORTAQ_OUTPUT_TO_INPUT) == 10);
  CHECK(ortaq_map_position(cp, 6, 1, ORTAQ_OUTPUT_TO_INPUT) == 1);
  /* UTF-16: 😀 is two units, so everything after it is one further on. */
  CHECK(ortaq_map_position(u16, 6, 6, ORTAQ_INPUT_TO_OUTPUT) == 8);  /* before € */
  CHECK(ortaq_map_position(u16, 6, 8, ORTAQ_INPUT_TO_OUTPUT) == 10); /* before ю */
  CHECK(ortaq_map_position(u16, 6, 11, ORTAQ_OUTPUT_TO_INPUT) == 8); /* between y and u */
  CHECK(ortaq_map_position(u16, 6, 2, ORTAQ_OUTPUT_TO_INPUT) == 2);  /* after 😀 */
  CHECK(ortaq_map_position(u16, 6, 14, ORTAQ_OUTPUT_TO_INPUT) == 11);
  /* Bytes: inside € (12) stays inside it, shifted by 2; inside "şç" (8) goes back to щ (7). */
  CHECK(ortaq_map_position(bytes, 6, 12, ORTAQ_INPUT_TO_OUTPUT) == 14);
  CHECK(ortaq_map_position(bytes, 6, 16, ORTAQ_INPUT_TO_OUTPUT) == 18);
  CHECK(ortaq_map_position(bytes, 6, 8, ORTAQ_OUTPUT_TO_INPUT) == 7);
  CHECK(ortaq_map_position(bytes, 6, 4, ORTAQ_OUTPUT_TO_INPUT) == 4);
  /* No spans. */
  CHECK(ortaq_map_position(NULL, 0, 5, ORTAQ_INPUT_TO_OUTPUT) == 0);
  CHECK(ortaq_map_position(cp, 0, 5, ORTAQ_INPUT_TO_OUTPUT) == 0);
}

static void test_tables_and_detect(void) {
  ortaq_error err;
  char *out = NULL;
  size_t out_len = 0;
  double confidence = -1;
  const char *bad[] = {"=x", NULL};
  ortaq_transliterator *t;
  CHECK(ortaq_list_tables(NULL, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out != NULL && strstr(out, "kk-Cyrl\tcta-2024\t") != NULL);
  CHECK(out_len == strlen(out) && out[out_len - 1] == '\n');
  ortaq_free(out);
  CHECK(ortaq_list_tables(NULL, NULL, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_list_tables(bad, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);

  t = ortaq_open("kk-Cyrl", "cta-2024", NULL, &err);
  CHECK(t != NULL);
  if (t != NULL) {
    CHECK(ortaq_list_options(t, &out, &out_len, &err) == ORTAQ_OK);
    CHECK(out != NULL && strstr(out, "kk-i\ti\ti|ï\t") != NULL);
    ortaq_free(out);
    CHECK(ortaq_list_options(t, NULL, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
    ortaq_close(t);
  }
  CHECK(ortaq_list_options(NULL, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);

  CHECK_STR(ortaq_detect("Қазақстан Республикасы", strlen("Қазақстан Республикасы"), &confidence), "kk-Cyrl");
  CHECK(confidence > 0 && confidence <= 1);
  CHECK_STR(ortaq_detect("1234 !!", 7, &confidence), "");
  CHECK(confidence == 0);
  CHECK_STR(ortaq_detect(NULL, 3, NULL), "");
}

int main(void) {
  test_version();
  test_code_strings();
  test_readme_snippet();
  test_open_errors();
  test_broken_table_text();
  test_open_text_and_file();
  test_convert();
  test_large_output();
  test_chain();
  test_spans();
  test_positions();
  test_tables_and_detect();
  if (failures > 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("capi_c_test: all checks passed\n");
  return 0;
}
