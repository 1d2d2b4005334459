/* The typing session from C (compiled as C99 with -pedantic -Werror): every line of every file
 * of ../shared/corpora/kk-Cyrl typed one character at a time, with seeded random mistakes
 * (a wrong character, then backspace) and corrections (backspacing up to three characters and
 * typing them again). After every keystroke:
 *   - committed + pending equals ortaq_convert of the input typed so far;
 *   - committed only grows, except by what a backspace retracts (and then only that is cut);
 *   - while the input is a prefix of the line, committed is a prefix of the line's conversion
 *     (what is committed never changes, whatever is typed next);
 *   - the pending input is the current token, unless earlier words wait (bounded anyway).
 * After the line, a flush commits exactly the line's conversion. kk-Cyrl -> cta-2024 (one
 * table) takes every line; the chain kk-Cyrl -> tr-Latn as well. */
#define _POSIX_C_SOURCE 200809L
#include <ortaq.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static unsigned long long keystrokes = 0, waited = 0, max_pending_input = 0;

#define FAIL(...)                              \
  do {                                         \
    fprintf(stderr, __VA_ARGS__);              \
    fputc('\n', stderr);                       \
    ++failures;                                \
  } while (0)

static unsigned long long rng_state = 12345;
static unsigned next_random(void) {
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)(rng_state >> 33);
}

static size_t char_length(const char *p) {
  unsigned char b = (unsigned char)*p;
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* The state after a keystroke, checked against a whole conversion. */
typedef struct {
  char *prev;       /* committed before the keystroke */
  size_t prev_len;
  size_t cap;
} history;

static void check_state(ortaq_transliterator *t, ortaq_typing *s, const char *input, size_t input_len,
                        const char *line_out, size_t line_out_len, int is_prefix, int backspace, history *h,
                        const char *where) {
  ortaq_typing_state st;
  ortaq_error err;
  char *whole = NULL;
  size_t whole_len = 0, token = 0, keep;
  ++keystrokes;
  if (ortaq_typing_get_state(s, &st, &err) != ORTAQ_OK) {
    FAIL("%s: get_state: %s", where, err.message);
    return;
  }
  if (ortaq_convert(t, input, input_len, &whole, &whole_len, &err) != ORTAQ_OK) {
    FAIL("%s: convert: %s", where, err.message);
    return;
  }
  if (st.committed_len + st.pending_len != whole_len || memcmp(st.committed, whole, st.committed_len) != 0 ||
      memcmp(st.pending, whole + st.committed_len, st.pending_len) != 0)
    FAIL("%s: committed+pending \"%.*s|%.*s\" != conversion \"%s\"", where, (int)st.committed_len, st.committed,
         (int)st.pending_len, st.pending, whole);
  ortaq_free(whole);
  if (st.input_len != input_len) FAIL("%s: input_len %lu, typed %lu", where, (unsigned long)st.input_len, (unsigned long)input_len);
  /* Only a backspace may cut committed output, and only by what it reports. */
  keep = backspace ? h->prev_len - st.retracted : h->prev_len;
  if (st.retracted > h->prev_len || (!backspace && st.retracted != 0) || st.committed_len < keep ||
      (keep > 0 && memcmp(st.committed, h->prev, keep) != 0))
    FAIL("%s: committed output changed: \"%.*s\" -> \"%.*s\" (retracted %lu)", where, (int)h->prev_len, h->prev,
         (int)st.committed_len, st.committed, (unsigned long)st.retracted);
  if (is_prefix && (st.committed_len > line_out_len || memcmp(st.committed, line_out, st.committed_len) != 0))
    FAIL("%s: committed \"%.*s\" is not a prefix of the line's conversion \"%s\"", where, (int)st.committed_len,
         st.committed, line_out);
  /* Pending input: the token after the last white space, unless earlier words wait. */
  while (token < input_len && !strchr(" \t\r\n\f\v", input[input_len - 1 - token])) ++token;
  if (st.input_len - st.committed_input_len > token) ++waited;
  if (st.input_len - st.committed_input_len > max_pending_input) max_pending_input = st.input_len - st.committed_input_len;
  if (st.input_len - st.committed_input_len > token + 4096)
    FAIL("%s: %lu bytes of input pending", where, (unsigned long)(st.input_len - st.committed_input_len));
  if (st.committed_len + 1 > h->cap) {
    h->cap = 2 * (st.committed_len + 1);
    h->prev = realloc(h->prev, h->cap);
  }
  memcpy(h->prev, st.committed, st.committed_len);
  h->prev_len = st.committed_len;
}

static void type_line(ortaq_transliterator *t, ortaq_typing *s, const char *line, size_t len, history *h) {
  static const char *const wrong[] = {"ж", "a", " ", "Я", "-{", "ғ", "\xf0\x9f\x98\x80", "I"};
  ortaq_error err;
  char *line_out = NULL;
  size_t line_out_len = 0, pos = 0, deleted = 0;
  ortaq_typing_state st;
  if (ortaq_convert(t, line, len, &line_out, &line_out_len, &err) != ORTAQ_OK) return; /* not text */
  ortaq_typing_reset(s);
  h->prev_len = 0;
  while (pos < len) {
    unsigned r = next_random() % 16;
    size_t n = char_length(line + pos);
    if (r == 0) { /* a mistake, then backspace */
      const char *w = wrong[next_random() % 8];
      char buf[4096];
      size_t wl = strlen(w), count = (size_t)(w[0] == '-' ? 2 : 1);
      if (pos + wl > sizeof buf) continue;
      memcpy(buf, line, pos);
      memcpy(buf + pos, w, wl);
      if (ortaq_typing_append(s, w, wl, &err) != ORTAQ_OK) FAIL("append: %s", err.message);
      check_state(t, s, buf, pos + wl, line_out, line_out_len, 0, 0, h, "mistake");
      if (ortaq_typing_backspace(s, count, &deleted, &err) != ORTAQ_OK || deleted != count) FAIL("backspace failed");
      check_state(t, s, line, pos, line_out, line_out_len, 1, 1, h, "undo mistake");
      continue;
    }
    if (r == 1 && pos > 0) { /* a correction: take back up to three characters */
      size_t back = 1 + next_random() % 3, k;
      if (ortaq_typing_backspace(s, back, &deleted, &err) != ORTAQ_OK) FAIL("backspace: %s", err.message);
      for (k = 0; k < deleted; ++k) {
        do --pos; while (pos > 0 && ((unsigned char)line[pos] & 0xC0) == 0x80);
      }
      check_state(t, s, line, pos, line_out, line_out_len, 1, 1, h, "correction");
      continue;
    }
    if (ortaq_typing_append(s, line + pos, n, &err) != ORTAQ_OK) FAIL("append: %s", err.message);
    pos += n;
    check_state(t, s, line, pos, line_out, line_out_len, 1, 0, h, "typed");
  }
  if (ortaq_typing_flush(s, &err) != ORTAQ_OK) FAIL("flush: %s", err.message);
  ortaq_typing_get_state(s, &st, &err);
  if (st.committed_len != line_out_len || memcmp(st.committed, line_out, line_out_len) != 0 || st.pending_len != 0 ||
      st.input_len != 0)
    FAIL("flush: \"%.*s\" != \"%s\"", (int)st.committed_len, st.committed, line_out);
  if (failures > 20) {
    fprintf(stderr, "too many failures; line: %.*s\n", (int)len, line);
    exit(1);
  }
  ortaq_free(line_out);
}

static void type_file(ortaq_transliterator *t, ortaq_typing *s, const char *path, int every, history *h,
                      unsigned long *lines) {
  FILE *f = fopen(path, "rb");
  char *text, *p, *end;
  long size;
  int n = 0;
  if (!f) {
    FAIL("cannot open %s", path);
    return;
  }
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = malloc((size_t)size + 1);
  if (fread(text, 1, (size_t)size, f) != (size_t)size) FAIL("cannot read %s", path);
  fclose(f);
  text[size] = '\0';
  for (p = text, end = text + size; p < end;) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (len > 0 && len < 4000 && n++ % every == 0) {
      type_line(t, s, p, len, h);
      ++*lines;
    }
    p += len + 1;
  }
  free(text);
}

/* The corpus directory: ORTAQ_SHARED_CORPORA when set (a worktree elsewhere), else the one
 * next to the source tree, where CI has it. */
static const char *corpus_dir(void) {
  const char *env = getenv("ORTAQ_SHARED_CORPORA");
  return env && env[0] ? env : CORPUS_DIR;
}

/* Every line of the corpus, or every Nth in sanitized builds (tests/capi/CMakeLists.txt), where
 * a keystroke costs ten times as much; the normal build types them all. */
#ifndef TYPE_EVERY_NTH_LINE
#define TYPE_EVERY_NTH_LINE 1
#endif

static int type_corpus(const char *from, const char *to, int every) {
  ortaq_error err;
  ortaq_transliterator *t = ortaq_open(from, to, NULL, &err);
  ortaq_typing *s;
  history h = {NULL, 0, 0};
  char dir_path[1024];
  DIR *dir;
  struct dirent *e;
  unsigned long lines = 0;
  sprintf(dir_path, "%.1000s/kk-Cyrl", corpus_dir());
  dir = opendir(dir_path);
  if (!t) {
    FAIL("open %s -> %s: %s", from, to, err.message);
    return 1;
  }
  if (!dir) {
    ortaq_close(t);
    return 0;
  }
  s = ortaq_typing_open(t, &err);
  ortaq_close(t); /* the session keeps its own reference */
  t = ortaq_open(from, to, NULL, &err);
  while ((e = readdir(dir)) != NULL) {
    char path[2048];
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
    sprintf(path, "%.1000s/%.900s", dir_path, e->d_name);
    type_file(t, s, path, every, &h, &lines);
  }
  closedir(dir);
  printf("%s -> %s: %lu lines, %llu keystrokes so far; pending input beyond the current token after %llu of them; "
         "at most %llu bytes pending\n",
         from, to, lines, keystrokes, waited, max_pending_input);
  if (lines < 1000) FAIL("only %lu lines typed", lines);
  free(h.prev);
  ortaq_typing_close(s);
  ortaq_close(t);
  return 0;
}

/* Bad arguments and the documented behaviour on small cases. */
static void test_api(void) {
  ortaq_error err;
  ortaq_typing_state st;
  size_t deleted = 9;
  ortaq_transliterator *t = ortaq_open("kk-Cyrl", "cta-2024", NULL, &err);
  ortaq_typing *s;
  if (!t) {
    FAIL("open: %s", err.message);
    return;
  }
  if (ortaq_typing_open(NULL, &err) != NULL || err.code != ORTAQ_ERR_INVALID_ARGUMENT) FAIL("typing_open(NULL)");
  if (ortaq_typing_append(NULL, "a", 1, &err) != ORTAQ_ERR_INVALID_ARGUMENT) FAIL("append(NULL)");
  if (ortaq_typing_backspace(NULL, 1, &deleted, &err) != ORTAQ_ERR_INVALID_ARGUMENT || deleted != 0) FAIL("backspace(NULL)");
  if (ortaq_typing_flush(NULL, &err) != ORTAQ_ERR_INVALID_ARGUMENT) FAIL("flush(NULL)");
  if (ortaq_typing_get_state(NULL, &st, &err) != ORTAQ_ERR_INVALID_ARGUMENT) FAIL("get_state(NULL)");
  ortaq_typing_reset(NULL);
  ortaq_typing_close(NULL);

  s = ortaq_typing_open(t, &err);
  if (!s) {
    FAIL("typing_open: %s", err.message);
    return;
  }
  if (ortaq_typing_get_state(s, NULL, &err) != ORTAQ_ERR_INVALID_ARGUMENT) FAIL("get_state(s, NULL)");
  if (ortaq_typing_append(s, NULL, 2, &err) != ORTAQ_ERR_INVALID_ARGUMENT) FAIL("append(s, NULL, 2)");
  /* The header's example. */
  ortaq_typing_append(s, "Сәлем ", strlen("Сәлем "), &err);
  ortaq_typing_get_state(s, &st, &err);
  if (strcmp(st.committed, "Sälem ") != 0 || st.pending_len != 0) FAIL("\"%s|%s\"", st.committed, st.pending);
  ortaq_typing_append(s, "ал", strlen("ал"), &err);
  ortaq_typing_get_state(s, &st, &err);
  if (strcmp(st.committed, "Sälem ") != 0 || strcmp(st.pending, "al") != 0) FAIL("\"%s|%s\"", st.committed, st.pending);
  /* A character in two pieces: the first byte waits. */
  ortaq_typing_append(s, "\xd1", 1, &err);
  ortaq_typing_get_state(s, &st, &err);
  if (err.code != ORTAQ_OK || strcmp(st.pending, "al") != 0) FAIL("cut character: \"%s\"", st.pending);
  ortaq_typing_append(s, "\x88", 1, &err); /* ш */
  ortaq_typing_get_state(s, &st, &err);
  if (strcmp(st.pending, "alş") != 0) FAIL("joined character: \"%s\"", st.pending);
  /* Invalid UTF-8: the offset from the start of the text, and nothing changes. */
  if (ortaq_typing_append(s, "x\xff", 2, &err) != ORTAQ_ERR_INVALID_INPUT || err.byte_offset != 18 ||
      strcmp(err.file, "<input>") != 0 || err.column != 11)
    FAIL("invalid input: code %d offset %lld column %lld", err.code, (long long)err.byte_offset, (long long)err.column);
  ortaq_typing_get_state(s, &st, &err);
  if (strcmp(st.pending, "alş") != 0 || st.input_len != 17) FAIL("after invalid input: \"%s\"", st.pending);
  /* Backspace over the committed space: the committed output is retracted. */
  ortaq_typing_backspace(s, 4, &deleted, &err);
  ortaq_typing_get_state(s, &st, &err);
  if (deleted != 4 || strcmp(st.committed, "") != 0 || strcmp(st.pending, "Sälem") != 0 || st.retracted != 7)
    FAIL("retract: \"%s|%s\" retracted %lu", st.committed, st.pending, (unsigned long)st.retracted);
  /* A one-letter capital word waits for the case of the next word. */
  ortaq_typing_reset(s);
  ortaq_typing_append(s, "Я ", 3, &err);
  ortaq_typing_get_state(s, &st, &err);
  if (st.committed_len != 0 || strcmp(st.pending, "Ya ") != 0) FAIL("Я: \"%s|%s\"", st.committed, st.pending);
  ortaq_typing_append(s, "КЕЛДІМ", strlen("КЕЛДІМ"), &err);
  ortaq_typing_get_state(s, &st, &err);
  if (st.committed_len != 0 || strcmp(st.pending, "YA KELDİM") != 0) FAIL("Я КЕЛДІМ: \"%s|%s\"", st.committed, st.pending);
  ortaq_typing_append(s, " ", 1, &err);
  ortaq_typing_get_state(s, &st, &err);
  if (strcmp(st.committed, "YA KELDİM ") != 0 || st.pending_len != 0) FAIL("Я КЕЛДІМ_: \"%s|%s\"", st.committed, st.pending);
  /* Flush ends the text: a cut character is then an error, and the session is unchanged. */
  ortaq_typing_append(s, "\xd1", 1, &err);
  if (ortaq_typing_flush(s, &err) != ORTAQ_ERR_INVALID_INPUT) FAIL("flush with a cut character");
  ortaq_typing_backspace(s, 1, &deleted, &err);
  ortaq_typing_append(s, "ш", 2, &err);
  if (ortaq_typing_flush(s, &err) != ORTAQ_OK) FAIL("flush: %s", err.message);
  ortaq_typing_get_state(s, &st, &err);
  if (strcmp(st.committed, "YA KELDİM ş") != 0 || st.input_len != 0) FAIL("flushed: \"%s\"", st.committed);
  if (ortaq_typing_backspace(s, 1, &deleted, &err) != ORTAQ_OK || deleted != 0) FAIL("backspace after flush");
  ortaq_typing_close(s);
  ortaq_close(t);
}

int main(void) {
  char probe[1024];
  DIR *dir;
  test_api();
  sprintf(probe, "%.1000s/kk-Cyrl", corpus_dir());
  dir = opendir(probe);
  if (dir == NULL) {
    /* As the other corpus tests do: skipped (ctest's SKIP_RETURN_CODE), and said so. */
    printf("the shared corpus is absent (%s); set ORTAQ_SHARED_CORPORA\n", probe);
    return failures > 0 ? 1 : 77;
  }
  closedir(dir);
  type_corpus("kk-Cyrl", "cta-2024", TYPE_EVERY_NTH_LINE);
  type_corpus("kk-Cyrl", "tr-Latn", TYPE_EVERY_NTH_LINE);
  if (failures > 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("capi_typing_test: all checks passed\n");
  return 0;
}
