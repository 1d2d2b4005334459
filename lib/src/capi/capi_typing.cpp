// The typing session for C callers: ortaq_typing_* over ortaq::TypingSession.
#include "capi/capi_internal.hpp"
#include "ortaq/typing.hpp"

using namespace ortaq;
using namespace ortaq::capi;

struct ortaq_typing {
  explicit ortaq_typing(std::shared_ptr<const Transliterator> t) : session(std::move(t)) {}
  TypingSession session;
};

namespace {

int NoSession(ortaq_error* err, const char* function) {
  return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, std::string(function) + ": the session must not be NULL");
}

}  // namespace

extern "C" {

ortaq_typing* ortaq_typing_open(const ortaq_transliterator* t, ortaq_error* err) {
  ortaq_typing* session = nullptr;
  Guarded(err, [&] {
    if (!t) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_typing_open: the transliterator must not be NULL");
    session = new ortaq_typing(t->t);
    return Succeed(err);
  });
  return session;
}

int ortaq_typing_append(ortaq_typing* s, const char* text, size_t len, ortaq_error* err) {
  return Guarded(err, [&] {
    if (!s) return NoSession(err, "ortaq_typing_append");
    if (!text && len > 0) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_typing_append: text is NULL");
    return FromStatus(err, s->session.Append(std::string_view(text ? text : "", len)));
  });
}

int ortaq_typing_backspace(ortaq_typing* s, size_t count, size_t* deleted, ortaq_error* err) {
  if (deleted) *deleted = 0;
  return Guarded(err, [&] {
    if (!s) return NoSession(err, "ortaq_typing_backspace");
    return FromStatus(err, s->session.Backspace(count, deleted));
  });
}

int ortaq_typing_flush(ortaq_typing* s, ortaq_error* err) {
  return Guarded(err, [&] {
    if (!s) return NoSession(err, "ortaq_typing_flush");
    return FromStatus(err, s->session.Flush());
  });
}

void ortaq_typing_reset(ortaq_typing* s) {
  if (s) s->session.Reset();
}

int ortaq_typing_get_state(const ortaq_typing* s, ortaq_typing_state* state, ortaq_error* err) {
  if (!s || !state) return Fail(err, ORTAQ_ERR_INVALID_ARGUMENT, "ortaq_typing_get_state: s and state must not be NULL");
  // The views are of std::strings, so the byte after each is a NUL.
  const std::string_view committed = s->session.committed(), pending = s->session.pending();
  state->committed = committed.data() ? committed.data() : "";
  state->committed_len = committed.size();
  state->pending = pending.data() ? pending.data() : "";
  state->pending_len = pending.size();
  state->retracted = s->session.retracted();
  state->input_len = s->session.input_size();
  state->committed_input_len = s->session.committed_input_size();
  return Succeed(err);
}

void ortaq_typing_close(ortaq_typing* s) { delete s; }

}  // extern "C"
