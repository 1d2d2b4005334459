/* module-env.c — small helpers over emacs_env: strings in and out, user pointers, signals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ortaq-module.h"

emacs_value om_nil(emacs_env *env) { return env->intern(env, "nil"); }

emacs_value om_call(emacs_env *env, const char *name, ptrdiff_t nargs, emacs_value *args) {
  return env->funcall(env, env->intern(env, name), nargs, args);
}

void om_defun(emacs_env *env, const char *name, ptrdiff_t min, ptrdiff_t max, om_function fn, const char *doc) {
  emacs_value args[] = {env->intern(env, name), env->make_function(env, min, max, fn, doc, NULL)};
  om_call(env, "defalias", 2, args);
}

void om_signal_message(emacs_env *env, const char *symbol, const char *message) {
  emacs_value text = env->make_string(env, message, (ptrdiff_t)strlen(message));
  env->non_local_exit_signal(env, env->intern(env, symbol), om_call(env, "list", 1, &text));
}

char *om_string_arg(emacs_env *env, emacs_value value, ptrdiff_t *len) {
  ptrdiff_t size = 0;  /* with the NUL */
  if (!env->copy_string_contents(env, value, NULL, &size)) return NULL;
  char *text = malloc((size_t)size);
  if (!text) {
    om_signal_message(env, "error", "ortaq: out of memory");
    return NULL;
  }
  if (!env->copy_string_contents(env, value, text, &size)) {
    free(text);
    return NULL;
  }
  if (len) *len = size - 1;
  return text;
}

char **om_string_list_arg(emacs_env *env, emacs_value list) {
  const intmax_t count = env->extract_integer(env, om_call(env, "length", 1, &list));
  if (env->non_local_exit_check(env) != emacs_funcall_exit_return) return NULL;
  char **strings = calloc((size_t)count + 1, sizeof *strings);
  if (!strings) {
    om_signal_message(env, "error", "ortaq: out of memory");
    return NULL;
  }
  for (intmax_t i = 0; i < count; ++i) {
    emacs_value nth_args[] = {env->make_integer(env, i), list};
    strings[i] = om_string_arg(env, om_call(env, "nth", 2, nth_args), NULL);
    if (!strings[i]) {
      om_free_string_list(strings);
      return NULL;
    }
  }
  return strings;
}

void om_free_string_list(char **list) {
  if (!list) return;
  for (char **s = list; *s; ++s) free(*s);
  free(list);
}

void *om_user_ptr(emacs_env *env, emacs_value value, emacs_finalizer finalizer, const char *predicate) {
  /* Any user-ptr of another module, or of the other kind here, is refused by its finalizer. */
  const emacs_finalizer actual = env->get_user_finalizer(env, value);
  if (env->non_local_exit_check(env) != emacs_funcall_exit_return) return NULL;
  void *p = actual == finalizer ? env->get_user_ptr(env, value) : NULL;
  if (!p) {
    emacs_value data[] = {env->intern(env, predicate), value};
    env->non_local_exit_signal(env, env->intern(env, "wrong-type-argument"), om_call(env, "list", 2, data));
  }
  return p;
}

void om_signal_error(emacs_env *env, const ortaq_error *err) {
  char message[sizeof err->message + 16];
  snprintf(message, sizeof message, "ortaq: %s", err->message[0] ? err->message : ortaq_code_string(err->code));
  om_signal_message(env, "user-error", message);
}
