/* A C99 program using the installed ortaq.h and libortaq.so, as a user would (tests/package,
 * step pkg_config and find_package). Prints the sentence converted to kk-Latn-2021, then checks
 * a table of the user's own that inherits a built-in one, and the header's version macros. */
#include <ortaq.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  ortaq_error err;
  char version[32];
  snprintf(version, sizeof version, "%d.%d.%d", ORTAQ_VERSION_MAJOR, ORTAQ_VERSION_MINOR, ORTAQ_VERSION_PATCH);
  if (strcmp(version, ortaq_version()) != 0) {
    fprintf(stderr, "header says %s, library says %s\n", version, ortaq_version());
    return 1;
  }

  ortaq_transliterator *t = ortaq_open("kk-Cyrl", "kk-Latn-2021", NULL, &err);
  if (t == NULL) {
    fprintf(stderr, "ortaq_open: %s\n", err.message);
    return 1;
  }
  const char *sentence = "Қазақстан Республикасы";
  char *out = NULL;
  size_t out_len = 0;
  if (ortaq_convert(t, sentence, strlen(sentence), &out, &out_len, &err) != ORTAQ_OK) {
    fprintf(stderr, "ortaq_convert: %s\n", err.message);
    return 1;
  }
  ortaq_close(t);

  /* A table of one's own: its parent comes from the tables built into the library. */
  const char *own = "@from kk-Cyrl\n@to my-cta\n@inherit kk-Cyrl--cta-2024\nұ > ŭ\n";
  t = ortaq_open_text(own, strlen(own), NULL, &err);
  if (t == NULL) {
    fprintf(stderr, "ortaq_open_text: %s\n", err.message);
    return 1;
  }
  char *mine = NULL;
  size_t mine_len = 0;
  int rc = ortaq_convert(t, "Ұлы", strlen("Ұлы"), &mine, &mine_len, &err);
  ortaq_close(t);
  if (rc != ORTAQ_OK || strcmp(mine, "Ŭlı") != 0) {
    fprintf(stderr, "own table gave '%s' (%s)\n", rc == ORTAQ_OK ? mine : "", err.message);
    return 1;
  }
  ortaq_free(mine);

  puts(out);
  ortaq_free(out);
  return 0;
}
