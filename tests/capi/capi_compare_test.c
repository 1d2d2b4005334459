/* ortaq_compare from C (compiled as C99 with -Wall -Wextra -pedantic -Werror): a report on a
 * sentence whose figures are counted by hand below, every format, and bad arguments. */
#include <ortaq.h> /* first: the header compiles on its own */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* "Қазақстан ішінде бір тіл": 21 letters. cta-2024 writes "Qazaqstan işinde bir til", one
 * letter outside ASCII (ş) in one word of four; with kk-i=ï "Qazaqstan ïşïnde bïr tïl", five
 * (ï ş ï ï ï) in three words. */
static const char sentence[] = "Қазақстан ішінде бір тіл\n";

/* The text of the JSON object of proposal `id`: from its "id" to the next proposal's. */
static const char *proposal_json(const char *json, const char *id, size_t *len) {
  char key[128];
  const char *start, *next;
  sprintf(key, "\"id\": \"%s\"", id);
  start = strstr(json, key);
  if (start == NULL) return NULL;
  next = strstr(start + 1, "\"id\": ");
  *len = next ? (size_t)(next - start) : strlen(start);
  return start;
}

/* Whether `field` (e.g. "\"non_ascii_letters\": 5,") is in the first `len` bytes of `text`. */
static int has_field(const char *text, size_t len, const char *field) {
  const char *found = strstr(text, field);
  return found != NULL && (size_t)(found - text) < len;
}

static void test_json_figures(void) {
  ortaq_error err;
  const char *proposals[] = {"cta-2024", "cta-2024:kk-i=ï", NULL};
  char *out = NULL;
  size_t out_len = 0, len = 0;
  const char *p;
  CHECK(ortaq_compare("kk-Cyrl", proposals, sentence, strlen(sentence), "json", NULL, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(err.code == ORTAQ_OK && err.message[0] == '\0');
  if (out == NULL) return;
  CHECK(strlen(out) == out_len);
  CHECK(strstr(out, "\"format\": \"ortaq-compare/1\"") != NULL);
  CHECK(strstr(out, "\"from\": \"kk-Cyrl\"") != NULL);
  p = proposal_json(out, "cta-2024", &len);
  CHECK(p != NULL);
  if (p) {
    CHECK(has_field(p, len, "\"letter_count\": 21,"));
    CHECK(has_field(p, len, "\"word_count\": 4,"));
    CHECK(has_field(p, len, "\"non_ascii_letters\": 1,"));
    CHECK(has_field(p, len, "\"words_with_non_ascii_count\": 1,"));
    CHECK(has_field(p, len, "\"words_with_non_ascii\": 0.25,"));
    CHECK(!has_field(p, len, "\"ï\""));
  }
  p = proposal_json(out, "cta-2024:kk-i=ï", &len);
  CHECK(p != NULL);
  if (p) {
    CHECK(has_field(p, len, "\"letter_count\": 21,"));
    CHECK(has_field(p, len, "\"non_ascii_letters\": 5,"));
    CHECK(has_field(p, len, "\"words_with_non_ascii_count\": 3,"));
    CHECK(has_field(p, len, "\"words_with_non_ascii\": 0.75,"));
    CHECK(has_field(p, len, "\"ï\""));
  }
  /* The sample line, in both spellings. */
  CHECK(strstr(out, "\"Qazaqstan işinde bir til\", \"Qazaqstan ïşïnde bïr tïl\"") != NULL);
  ortaq_free(out);
}

static void test_formats_and_settings(void) {
  ortaq_error err;
  const char *proposals[] = {"kk-Latn-2018", "kk-Latn-2021", NULL};
  const char *no_keyboards[] = {"@xkb-dir=/nonexistent/xkb", "@samples=0", "@invalid=replace", NULL};
  char *out = NULL;
  size_t out_len = 0;
  CHECK(ortaq_compare("kk-Cyrl", proposals, sentence, strlen(sentence), "html", NULL, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out != NULL && strstr(out, "<svg") != NULL && strstr(out, "kk-Latn-2021") != NULL);
  CHECK(out != NULL && strstr(out, "<script") == NULL && strstr(out, "http://") == NULL);
  ortaq_free(out);
  CHECK(ortaq_compare("kk-Cyrl", proposals, sentence, strlen(sentence), "text", NULL, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out != NULL && strstr(out, "kk-Latn-2018") != NULL);
  ortaq_free(out);
  CHECK(ortaq_compare("kk-Cyrl", proposals, sentence, strlen(sentence), "csv", NULL, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out != NULL && strchr(out, ',') != NULL);
  ortaq_free(out);
  CHECK(ortaq_compare("kk-Cyrl", proposals, sentence, strlen(sentence), "markdown", NULL, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out != NULL && strchr(out, '|') != NULL);
  ortaq_free(out);

  /* No keyboard files: the keystrokes are left out with a note; no sample lines; a bad byte
   * replaced as the engine's setting says. */
  CHECK(ortaq_compare("kk-Cyrl", proposals, "\xff\xd0\xb0\n", 4, "json", no_keyboards, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out != NULL && strstr(out, "\"layouts\": []") != NULL);
  CHECK(out != NULL && strstr(out, "not found in /nonexistent/xkb") != NULL);
  CHECK(out != NULL && strstr(out, "\"samples\": []") != NULL);
  ortaq_free(out);

  /* An empty text is a report of nothing, not an error. */
  CHECK(ortaq_compare("kk-Cyrl", proposals, NULL, 0, "json", NULL, &out, &out_len, &err) == ORTAQ_OK);
  CHECK(out != NULL && strstr(out, "\"letter_count\": 0") != NULL);
  ortaq_free(out);
}

static void test_errors(void) {
  ortaq_error err;
  const char *good[] = {"cta-2024", NULL};
  const char *none[] = {NULL};
  const char *unknown[] = {"cta-2024", "xx-Nowhere", NULL};
  const char *missing_file[] = {"cta-2024", "/nonexistent/mine.tbl", NULL};
  const char *bad_value[] = {"cta-2024:kk-i=zz", NULL};
  const char *not_key_value[] = {"cta-2024:kk-i=ï,oops", NULL};
  const char *bad_count[] = {"@examples=many", NULL};
  const char *table_option[] = {"kk-i=ï", NULL};
  const char *bad_engine[] = {"@invalid=maybe", NULL};
  char *out = (char *)"untouched";
  size_t out_len = 99;
  const char invalid[] = "бір\nтіл \xd0 сөз\n";

  CHECK(ortaq_compare(NULL, good, "a", 1, "json", NULL, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(out == NULL && out_len == 0 && strlen(err.message) > 0);
  CHECK(ortaq_compare("kk-Cyrl", NULL, "a", 1, "json", NULL, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_compare("kk-Cyrl", good, "a", 1, NULL, NULL, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_compare("kk-Cyrl", good, "a", 1, "json", NULL, NULL, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_compare("kk-Cyrl", good, "a", 1, "json", NULL, &out, NULL, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_compare("kk-Cyrl", good, NULL, 3, "json", NULL, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(ortaq_compare("kk-Cyrl", good, "a", 1, "json", NULL, &out, &out_len, NULL) == ORTAQ_OK); /* err may be NULL */
  ortaq_free(out);
  CHECK(ortaq_compare(NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL) == ORTAQ_ERR_INVALID_ARGUMENT);

  CHECK(ortaq_compare("kk-Cyrl", none, "a", 1, "json", NULL, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(strstr(err.message, "no proposal") != NULL);
  CHECK(ortaq_compare("kk-Cyrl", good, "a", 1, "pdf", NULL, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(strstr(err.message, "pdf") != NULL && strstr(err.message, "json") != NULL);
  CHECK(out == NULL);

  CHECK(ortaq_compare("kk-Cyrl", unknown, "a", 1, "json", NULL, &out, &out_len, &err) == ORTAQ_ERR_NOT_FOUND);
  CHECK(strstr(err.message, "xx-Nowhere") != NULL);
  CHECK(ortaq_compare("xx-Nowhere", good, "a", 1, "json", NULL, &out, &out_len, &err) == ORTAQ_ERR_NOT_FOUND);
  CHECK(ortaq_compare("kk-Cyrl", missing_file, "a", 1, "json", NULL, &out, &out_len, &err) == ORTAQ_ERR_NOT_FOUND);
  CHECK(strstr(err.message, "mine.tbl") != NULL);
  CHECK(ortaq_compare("kk-Cyrl", bad_value, "a", 1, "json", NULL, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(strstr(err.message, "kk-i") != NULL);
  CHECK(ortaq_compare("kk-Cyrl", not_key_value, "a", 1, "json", NULL, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(strstr(err.message, "oops") != NULL);
  CHECK(ortaq_compare("kk-Cyrl", good, "a", 1, "json", bad_count, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(strstr(err.message, "@examples") != NULL);
  CHECK(ortaq_compare("kk-Cyrl", good, "a", 1, "json", table_option, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(strstr(err.message, "cta-2024:kk-i=ï") != NULL);
  CHECK(ortaq_compare("kk-Cyrl", good, "a", 1, "json", bad_engine, &out, &out_len, &err) == ORTAQ_ERR_INVALID_ARGUMENT);
  CHECK(strstr(err.message, "@invalid") != NULL);

  /* Invalid UTF-8: where it is, as ortaq_convert reports it. */
  CHECK(ortaq_compare("kk-Cyrl", good, invalid, strlen(invalid), "json", NULL, &out, &out_len, &err) ==
        ORTAQ_ERR_INVALID_INPUT);
  CHECK(out == NULL && out_len == 0);
  CHECK(strcmp(err.file, "<input>") == 0);
  CHECK(err.line == 2 && err.column == 5);
  CHECK(err.byte_offset == (int64_t)strlen("бір\nтіл "));
}

int main(void) {
  test_json_figures();
  test_formats_and_settings();
  test_errors();
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
