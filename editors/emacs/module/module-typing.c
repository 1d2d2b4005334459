/* module-typing.c — the library's typing session for Emacs: each change comes back as the edit
 * that turns the text shown before it (committed + pending output) into the text shown after
 * it, (DELETE . INSERT): delete DELETE characters before point, then insert INSERT. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ortaq-module.h"

/* A session and what Emacs shows of it, so that each change is sent as an edit. */
typedef struct session {
  ortaq_typing *typing;
  size_t committed_len;    /* bytes of committed output shown */
  size_t committed_chars;  /* the same in characters */
  size_t pending_chars;    /* characters of pending output shown (after the committed output) */
} session;

static void close_session(void *p) {
  session *s = (session *)p;
  ortaq_typing_close(s->typing);
  free(s);
}

static session *session_arg(emacs_env *env, emacs_value value) {
  return (session *)om_user_ptr(env, value, close_session, "ortaq-typing-session-p");
}

/* Code points in `len` bytes of valid UTF-8 (the library's output): bytes that start one. */
static size_t count_chars(const char *text, size_t len) {
  size_t chars = 0;
  for (size_t i = 0; i < len; ++i) chars += ((unsigned char)text[i] & 0xC0) != 0x80;
  return chars;
}

/* The edit from what `s` showed to its session's new state, which becomes what it shows. */
static emacs_value edit_to_state(emacs_env *env, session *s) {
  ortaq_error err;
  ortaq_typing_state state;
  if (ortaq_typing_get_state(s->typing, &state, &err) != ORTAQ_OK) {
    om_signal_error(env, &err);
    return om_nil(env);
  }
  /* The committed output kept: what was shown, less what a backspace took back. Counting its
   * characters costs a pass over it, so it is done only when something was taken back. */
  const size_t kept_len = state.retracted < s->committed_len ? s->committed_len - state.retracted : 0;
  const size_t kept_chars = state.retracted ? count_chars(state.committed, kept_len) : s->committed_chars;
  const size_t new_len = state.committed_len - kept_len;
  const size_t deleted = s->committed_chars - kept_chars + s->pending_chars;

  char *inserted = malloc(new_len + state.pending_len + 1);
  if (!inserted) {
    om_signal_message(env, "error", "ortaq: out of memory");
    return om_nil(env);
  }
  memcpy(inserted, state.committed + kept_len, new_len);
  memcpy(inserted + new_len, state.pending, state.pending_len);
  emacs_value pair[] = {env->make_integer(env, (intmax_t)deleted),
                        env->make_string(env, inserted, (ptrdiff_t)(new_len + state.pending_len))};
  free(inserted);
  if (env->non_local_exit_check(env) != emacs_funcall_exit_return) return om_nil(env);

  s->committed_len = state.committed_len;
  s->committed_chars = kept_chars + count_chars(state.committed + kept_len, new_len);
  s->pending_chars = count_chars(state.pending, state.pending_len);
  return om_call(env, "cons", 2, pair);
}

/* (ortaq-module-typing-open T): a new session on the transliterator T. */
static emacs_value Fopen(emacs_env *env, ptrdiff_t nargs, emacs_value *args, void *data) {
  (void)nargs, (void)data;
  const ortaq_transliterator *t = om_transliterator_arg(env, args[0]);
  if (!t) return om_nil(env);
  session *s = calloc(1, sizeof *s);
  ortaq_error err = {.code = ORTAQ_ERR_NO_MEMORY};
  if (s) s->typing = ortaq_typing_open(t, &err);
  if (!s || !s->typing) {
    free(s);
    om_signal_error(env, &err);
    return om_nil(env);
  }
  return env->make_user_ptr(env, close_session, s);
}

/* (ortaq-module-typing-type S TEXT): TEXT typed; the edit. */
static emacs_value Ftype(emacs_env *env, ptrdiff_t nargs, emacs_value *args, void *data) {
  (void)nargs, (void)data;
  session *s = session_arg(env, args[0]);
  ptrdiff_t len = 0;
  char *text = s ? om_string_arg(env, args[1], &len) : NULL;
  if (!text) return om_nil(env);
  ortaq_error err;
  const int code = ortaq_typing_append(s->typing, text, (size_t)len, &err);
  free(text);
  if (code != ORTAQ_OK) {
    om_signal_error(env, &err);
    return om_nil(env);
  }
  return edit_to_state(env, s);
}

/* (ortaq-module-typing-backspace S): the last character typed deleted; the edit, or nil when
 * nothing typed is left to delete. */
static emacs_value Fbackspace(emacs_env *env, ptrdiff_t nargs, emacs_value *args, void *data) {
  (void)nargs, (void)data;
  session *s = session_arg(env, args[0]);
  if (!s) return om_nil(env);
  ortaq_error err;
  size_t deleted = 0;
  if (ortaq_typing_backspace(s->typing, 1, &deleted, &err) != ORTAQ_OK) {
    om_signal_error(env, &err);
    return om_nil(env);
  }
  return deleted ? edit_to_state(env, s) : om_nil(env);
}

/* (ortaq-module-typing-reset S): forget everything typed; what is shown stays as it is. */
static emacs_value Freset(emacs_env *env, ptrdiff_t nargs, emacs_value *args, void *data) {
  (void)nargs, (void)data;
  session *s = session_arg(env, args[0]);
  if (!s) return om_nil(env);
  ortaq_typing_reset(s->typing);
  s->committed_len = s->committed_chars = s->pending_chars = 0;
  return om_nil(env);
}

void om_define_typing(emacs_env *env) {
  om_defun(env, "ortaq-module-typing-open", 1, 1, Fopen,
           "A new typing session converting with T (from `ortaq-module-open').\n\n(fn T)");
  om_defun(env, "ortaq-module-typing-type", 2, 2, Ftype,
           "Type TEXT in the session S. Return the edit (DELETE . INSERT) that turns the text the\n"
           "session showed into what it shows now: delete DELETE characters before point, then\n"
           "insert INSERT.\n\n(fn S TEXT)");
  om_defun(env, "ortaq-module-typing-backspace", 1, 1, Fbackspace,
           "Delete the last character typed in the session S. Return the edit, as\n"
           "`ortaq-module-typing-type' does, or nil when nothing typed is left.\n\n(fn S)");
  om_defun(env, "ortaq-module-typing-reset", 1, 1, Freset,
           "Forget what was typed in the session S: the next text typed starts a new one.\n\n(fn S)");
}
