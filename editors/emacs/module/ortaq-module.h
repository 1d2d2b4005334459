/* ortaq-module.h — what the files of the Emacs module share: small helpers over emacs_env
 * (module-env.c) and the typing session's functions (module-typing.c).
 *
 *   char *text = om_string_arg(env, args[0], &len);   // NULL: a signal is pending, return
 *   if (!text) return om_nil(env);
 *
 * Every helper that can fail leaves a signal pending in `env` and returns NULL (or false);
 * the caller then returns to Emacs at once, which raises the signal.
 */
#ifndef ORTAQ_EMACS_MODULE_H_
#define ORTAQ_EMACS_MODULE_H_

#include <emacs-module.h>
#include <stdbool.h>
#include <stddef.h>

#include <ortaq.h>

typedef emacs_value (*om_function)(emacs_env *env, ptrdiff_t nargs, emacs_value *args, void *data);

/* nil. */
emacs_value om_nil(emacs_env *env);
/* Calls the Lisp function `name` with `nargs` arguments. */
emacs_value om_call(emacs_env *env, const char *name, ptrdiff_t nargs, emacs_value *args);
/* Defines the Lisp function `name` (fset), taking min..max arguments, documented by `doc`. */
void om_defun(emacs_env *env, const char *name, ptrdiff_t min, ptrdiff_t max, om_function fn, const char *doc);

/* A Lisp string as a new NUL-terminated UTF-8 string (free it); *len (may be NULL) gets its
 * length without the NUL. NULL, with a signal pending, when `value` is not a string. */
char *om_string_arg(emacs_env *env, emacs_value value, ptrdiff_t *len);
/* A list of strings as a new NULL-terminated array (free with om_free_string_list). */
char **om_string_list_arg(emacs_env *env, emacs_value list);
void om_free_string_list(char **list);

/* The pointer of a user-ptr made with `finalizer`; NULL, with `wrong-type-argument' pending
 * (naming `predicate`), for any other value. */
void *om_user_ptr(emacs_env *env, emacs_value value, emacs_finalizer finalizer, const char *predicate);

/* Signals (SYMBOL MESSAGE), e.g. ("error", "ortaq: out of memory"). */
void om_signal_message(emacs_env *env, const char *symbol, const char *message);
/* Signals `user-error' with "ortaq: " and the error's message. */
void om_signal_error(emacs_env *env, const ortaq_error *err);

/* The transliterator in a value made by `ortaq-module-open' (ortaq-module.c). */
ortaq_transliterator *om_transliterator_arg(emacs_env *env, emacs_value value);

/* Defines the ortaq-module-typing-* functions (module-typing.c). */
void om_define_typing(emacs_env *env);

#endif /* ORTAQ_EMACS_MODULE_H_ */
