/* ortaq-module.c — an Emacs dynamic module over ortaq's C API (lib/include/ortaq.h).
 *
 * Usage (ortaq.el loads it when it sits next to it; it is not meant to be called directly):
 *
 *   (module-load "ortaq-module.so")
 *   (setq t1 (ortaq-module-open "kk-Cyrl" "cta-2024" '("kk-i=ï")))
 *   (ortaq-module-convert t1 "Щучинск" 1)        ; => ("Şçuçinsk" . 2): position 1 (before у)
 *                                                ;    maps to 2 (before u)
 *   (setq s (ortaq-module-typing-open t1))
 *   (ortaq-module-typing-type s "Қ")             ; => (0 . "Q"): delete 0 characters, insert "Q"
 *   (ortaq-module-typing-backspace s)            ; => (1 . "")
 *
 * Every failure of the library (an unknown alphabet or setting, invalid UTF-8) is signalled as a
 * `user-error' whose message starts with "ortaq: "; nothing here aborts or keeps Emacs's
 * strings. Positions are counted in characters, as Emacs counts them: for text without raw
 * bytes these are Unicode code points, the unit the library maps positions in.
 */
#include <emacs-module.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ortaq.h>

#include "ortaq-module.h"

/* Emacs loads only modules that declare this; ortaq is under a GPL-compatible licence. */
int plugin_is_GPL_compatible;

/* ---- Conversion -------------------------------------------------------------------------- */

static void close_transliterator(void *p) { ortaq_close((ortaq_transliterator *)p); }

ortaq_transliterator *om_transliterator_arg(emacs_env *env, emacs_value value) {
  return (ortaq_transliterator *)om_user_ptr(env, value, close_transliterator, "ortaq-transliterator-p");
}

/* (ortaq-module-open FROM TO SETTINGS): SETTINGS a list of "KEY=VALUE" strings. */
static emacs_value Fopen(emacs_env *env, ptrdiff_t nargs, emacs_value *args, void *data) {
  (void)nargs, (void)data;
  char *from = om_string_arg(env, args[0], NULL);
  char *to = from ? om_string_arg(env, args[1], NULL) : NULL;
  char **settings = to ? om_string_list_arg(env, args[2]) : NULL;
  emacs_value result = om_nil(env);
  if (settings) {
    ortaq_error err;
    ortaq_transliterator *t = ortaq_open(from, to, (const char *const *)settings, &err);
    if (t) {
      result = env->make_user_ptr(env, close_transliterator, t);
    } else {
      om_signal_error(env, &err);
    }
  }
  om_free_string_list(settings);
  free(to);
  free(from);
  return result;
}

/* (ortaq-module-convert T TEXT &optional POSITION): the conversion of TEXT, or with POSITION (a
 * character offset in TEXT) the cons (CONVERSION . POSITION-IN-CONVERSION). */
static emacs_value Fconvert(emacs_env *env, ptrdiff_t nargs, emacs_value *args, void *data) {
  (void)data;
  const ortaq_transliterator *t = om_transliterator_arg(env, args[0]);
  if (!t) return om_nil(env);
  const bool mapping = nargs > 2 && env->is_not_nil(env, args[2]);
  const intmax_t position = mapping ? env->extract_integer(env, args[2]) : 0;
  if (env->non_local_exit_check(env) != emacs_funcall_exit_return) return om_nil(env);
  ptrdiff_t len = 0;
  char *text = om_string_arg(env, args[1], &len);
  if (!text) return om_nil(env);

  ortaq_error err;
  char *out = NULL;
  size_t out_len = 0;
  ortaq_span *spans = NULL;
  size_t span_count = 0;
  const int code = mapping ? ortaq_convert_spans(t, text, (size_t)len, ORTAQ_UNIT_CODE_POINTS, &out, &out_len, &spans,
                                                 &span_count, &err)
                           : ortaq_convert(t, text, (size_t)len, &out, &out_len, &err);
  free(text);
  emacs_value result = om_nil(env);
  if (code != ORTAQ_OK) {
    om_signal_error(env, &err);
  } else {
    result = env->make_string(env, out, (ptrdiff_t)out_len);
    if (mapping) {
      const uint64_t from = position < 0 ? 0 : (uint64_t)position;
      const uint64_t to = ortaq_map_position(spans, span_count, from, ORTAQ_INPUT_TO_OUTPUT);
      emacs_value pair[] = {result, env->make_integer(env, (intmax_t)to)};
      result = om_call(env, "cons", 2, pair);
    }
  }
  ortaq_free(spans);
  ortaq_free(out);
  return result;
}

/* (ortaq-module-detect TEXT): the alphabet TEXT is written in ("kk-Cyrl"...), or nil. */
static emacs_value Fdetect(emacs_env *env, ptrdiff_t nargs, emacs_value *args, void *data) {
  (void)nargs, (void)data;
  ptrdiff_t len = 0;
  char *text = om_string_arg(env, args[0], &len);
  if (!text) return om_nil(env);
  const char *id = ortaq_detect(text, (size_t)len, NULL);
  free(text);
  return *id ? env->make_string(env, id, (ptrdiff_t)strlen(id)) : om_nil(env);
}

/* (ortaq-module-version): the library's version. */
static emacs_value Fversion(emacs_env *env, ptrdiff_t nargs, emacs_value *args, void *data) {
  (void)nargs, (void)args, (void)data;
  const char *version = ortaq_version();
  return env->make_string(env, version, (ptrdiff_t)strlen(version));
}

/* ---- Registration ------------------------------------------------------------------------ */

int emacs_module_init(struct emacs_runtime *runtime) {
  if (runtime->size < (ptrdiff_t)sizeof(*runtime)) return 1;
  emacs_env *env = runtime->get_environment(runtime);
  if (env->size < (ptrdiff_t)sizeof(struct emacs_env_25)) return 2;
  om_defun(env, "ortaq-module-version", 0, 0, Fversion, "The version of the ortaq library.\n\n(fn)");
  om_defun(env, "ortaq-module-open", 3, 3, Fopen,
           "Open the conversion FROM an alphabet TO another with SETTINGS, a list of \"KEY=VALUE\".\n"
           "Signal a `user-error' when it cannot be opened.\n\n(fn FROM TO SETTINGS)");
  om_defun(env, "ortaq-module-convert", 2, 3, Fconvert,
           "Convert TEXT with the transliterator T (from `ortaq-module-open').\n"
           "With POSITION, a character offset in TEXT, return (CONVERSION . OFFSET), OFFSET being\n"
           "where POSITION is in the conversion.\n\n(fn T TEXT &optional POSITION)");
  om_defun(env, "ortaq-module-detect", 1, 1, Fdetect,
           "The alphabet TEXT is written in, as ortaq converts from it, or nil.\n\n(fn TEXT)");
  om_define_typing(env);
  emacs_value feature = env->intern(env, "ortaq-module");
  om_call(env, "provide", 1, &feature);
  return 0;
}
