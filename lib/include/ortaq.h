/* ortaq.h — the C API of ortaq: transliteration of Turkic text between alphabets.
 *
 * C99; usable from C, C++ and any FFI (LuaJIT, Emacs modules, Python ctypes, Node).
 *
 * Usage:
 *
 *   ortaq_error err;
 *   const char *settings[] = {"kk-i=ï", NULL};
 *   ortaq_transliterator *t = ortaq_open("kk-Cyrl", "cta-2024", settings, &err);
 *   if (t == NULL) { fprintf(stderr, "%s\n", err.message); return 1; }
 *   char *out = NULL;
 *   size_t out_len = 0;
 *   if (ortaq_convert(t, "Қазақстан", strlen("Қазақстан"), &out, &out_len, &err) == ORTAQ_OK) {
 *     puts(out);                                  // "Qazaqstan"
 *     ortaq_free(out);
 *   } else {
 *     fprintf(stderr, "%s (byte %lld)\n", err.message, (long long)err.byte_offset);
 *   }
 *   ortaq_close(t);
 *
 * Guarantees:
 * - Nothing here aborts, prints, exits or lets a C++ exception out (out of memory included):
 *   every failure is a return code, with the details in an ortaq_error when one is given.
 * - Text is UTF-8 with explicit lengths (it may contain NUL bytes). Outputs are allocated by
 *   the library, NUL-terminated (the NUL is not counted in the length) and freed with
 *   ortaq_free. Nothing is ever returned in a buffer the caller did not ask for.
 * - Every `ortaq_error *err` may be NULL. When given it is always written: code ORTAQ_OK and
 *   empty strings on success, else the failure, readable without further calls.
 * - Thread safety: an ortaq_transliterator is immutable once opened; any number of threads may
 *   convert with one at the same time. An ortaq_typing session belongs to one thread at a time.
 *   ortaq_close may be called once, after the last use of the handle by any thread.
 * - Ownership: a typing session holds its own reference to the transliterator it was opened
 *   with, so the transliterator may be closed before the session.
 * - Stability: handles are opaque; structs are only added to at their end in a new minor
 *   version (ORTAQ_VERSION_MINOR); functions keep their signatures within a major version.
 */
#ifndef ORTAQ_H_
#define ORTAQ_H_

#include <stddef.h>
#include <stdint.h>

#include "ortaq/export.h"

/* The version of this header; ortaq_version() gives the library's (the same when installed
 * together). Kept equal to the CMake project version by the capi tests. */
#define ORTAQ_VERSION_MAJOR 0
#define ORTAQ_VERSION_MINOR 1
#define ORTAQ_VERSION_PATCH 0

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Errors ---------------------------------------------------------------------------- */

/* Return codes. Functions that return int return one of these. */
enum {
  ORTAQ_OK = 0,
  ORTAQ_ERR_INVALID_INPUT = 1,    /* the text is not valid UTF-8: see line, column, byte_offset */
  ORTAQ_ERR_TABLE = 2,            /* a rule table failed to parse or compile: see file, line, column */
  ORTAQ_ERR_NOT_FOUND = 3,        /* no table with those ids, or no such file */
  ORTAQ_ERR_IO = 4,               /* a file could not be read */
  ORTAQ_ERR_INVALID_ARGUMENT = 5, /* NULL where a value is needed, an unknown setting or value */
  ORTAQ_ERR_INTERNAL = 6,         /* a bug in ortaq; the message says what */
  ORTAQ_ERR_NO_MEMORY = 7,        /* an allocation failed */
  ORTAQ_ERR_BUFFER_TOO_SMALL = 8  /* ortaq_convert_into: see *out_len for the size needed */
};

/* What went wrong, filled in by the function that failed. Plain data: copy it, keep it. */
typedef struct ortaq_error {
  int code;           /* ORTAQ_OK or an ORTAQ_ERR_ code */
  int64_t line;       /* 1-based line of `file`; 0 when the error is not about a place */
  int64_t column;     /* 1-based, in code points; 0 when not about a place */
  int64_t byte_offset; /* 0-based byte offset in `file`; -1 when not about a place or unknown */
  char file[256];     /* "<input>" for the text being converted, "<text>" for ortaq_open_text's
                         table, else the table's path; "" when not about a place */
  char message[512];  /* one line of English, e.g. "t.tbl:3:7: error: ..."; "" on success.
                         Long texts are cut at a character boundary. */
} ortaq_error;

/* A short English description of a return code ("invalid input", ...); never NULL. */
ORTAQ_API const char *ortaq_code_string(int code);

/* ---- Version --------------------------------------------------------------------------- */

/* The library's version, "MAJOR.MINOR.PATCH"; a static string. */
ORTAQ_API const char *ortaq_version(void);

/* ---- Opening a transliterator ---------------------------------------------------------- */

typedef struct ortaq_transliterator ortaq_transliterator;

/* Settings: NULL, or a NULL-terminated array of "KEY=VALUE" strings.
 * - A table option, as `ortaq convert --set KEY=VALUE` takes it (`ortaq list` shows them):
 *   "kk-i=ï". Unknown keys and values are ORTAQ_ERR_INVALID_ARGUMENT.
 * - The engine's switches, named like the command's flags, starting with '@':
 *   "@invalid=error|replace|skip" (what to do with invalid UTF-8; default error),
 *   "@pass-through=on|off", "@foreign=on|off", "@repair=on|off" (default on; see
 *   tables/README.md), and "@table-path=DIR" (searched first; may be repeated). */

/* Opens the conversion from alphabet `from` to `to` (ids such as "kk-Cyrl", "cta-2024").
 * When no table converts directly, tables are chained through other alphabets, as the command
 * does. `to` may also be the path of a .tbl file whose source is `from`. `from` equal to
 * `to` is no conversion (ORTAQ_ERR_NOT_FOUND): the command copies such text, and so may you.
 * Returns NULL on failure (ORTAQ_ERR_NOT_FOUND, ORTAQ_ERR_TABLE, ORTAQ_ERR_INVALID_ARGUMENT). */
ORTAQ_API ortaq_transliterator *ortaq_open(const char *from, const char *to, const char *const *settings,
                                           ortaq_error *err);

/* Opens the table in a file; its `@inherit` parents are found next to it, then among the
 * tables the library finds. */
ORTAQ_API ortaq_transliterator *ortaq_open_file(const char *path, const char *const *settings, ortaq_error *err);

/* Opens a table given as text (`len` bytes; errors name the file "<text>"); its `@inherit`
 * parents are found among the tables the library finds. */
ORTAQ_API ortaq_transliterator *ortaq_open_text(const char *text, size_t len, const char *const *settings,
                                                ortaq_error *err);

/* Releases a transliterator. NULL is allowed. */
ORTAQ_API void ortaq_close(ortaq_transliterator *t);

/* Frees what the library allocated for the caller (outputs, span arrays, lists). NULL is allowed. */
ORTAQ_API void ortaq_free(void *p);

/* The source and target alphabet ids and the table's title; strings owned by `t` (valid until
 * ortaq_close). "" for NULL. */
ORTAQ_API const char *ortaq_source_id(const ortaq_transliterator *t);
ORTAQ_API const char *ortaq_target_id(const ortaq_transliterator *t);
ORTAQ_API const char *ortaq_title(const ortaq_transliterator *t);

/* ---- Converting ------------------------------------------------------------------------ */

/* Converts `len` bytes of `in` (NULL is allowed when len is 0). On success returns ORTAQ_OK and
 * sets *out to a new NUL-terminated string of *out_len bytes (free it with ortaq_free). On
 * failure returns the code, sets *out to NULL and *out_len to 0. */
ORTAQ_API int ortaq_convert(const ortaq_transliterator *t, const char *in, size_t len, char **out, size_t *out_len,
                            ortaq_error *err);

/* The same into the caller's buffer of `size` bytes. Always sets *out_len to the output's
 * length (without the NUL) when the conversion succeeds. Returns ORTAQ_ERR_BUFFER_TOO_SMALL,
 * leaving `buf` untouched, when size < *out_len + 1: call again with a buffer that large. */
ORTAQ_API int ortaq_convert_into(const ortaq_transliterator *t, const char *in, size_t len, char *buf, size_t size,
                                 size_t *out_len, ortaq_error *err);

/* ---- Edit spans and positions ---------------------------------------------------------- */

/* Units for offsets: Vim counts bytes, Emacs characters, VS Code, LibreOffice and browsers
 * UTF-16 code units. An ill-formed input byte that the "@invalid" setting replaces or skips
 * counts as one code point and one UTF-16 unit. */
enum {
  ORTAQ_UNIT_BYTES = 0,       /* UTF-8 bytes */
  ORTAQ_UNIT_CODE_POINTS = 1, /* Unicode code points */
  ORTAQ_UNIT_UTF16 = 2        /* UTF-16 code units (a code point above U+FFFF counts 2) */
};

/* One piece of the mapping: input [in_begin, in_end) became output [out_begin, out_end).
 * `changed` is 0 for text copied through. The spans of one conversion are in order and cover
 * input and output exactly, without gaps. */
typedef struct ortaq_span {
  uint64_t in_begin, in_end;
  uint64_t out_begin, out_end;
  int changed;
} ortaq_span;

/* ortaq_convert, and the spans of the conversion with offsets in `unit`: *spans is a new array
 * of *span_count spans (free with ortaq_free; NULL when there are none). */
ORTAQ_API int ortaq_convert_spans(const ortaq_transliterator *t, const char *in, size_t len, int unit, char **out,
                                  size_t *out_len, ortaq_span **spans, size_t *span_count, ortaq_error *err);

/* Directions for ortaq_map_position. */
enum {
  ORTAQ_INPUT_TO_OUTPUT = 0,
  ORTAQ_OUTPUT_TO_INPUT = 1
};

/* Maps a position (a cursor: an offset between characters, in the spans' unit) from input to
 * output or back. A position inside a changed span maps to that span's start, so a cursor
 * never lands inside the text of one edit; the end maps to the end; a position past the end
 * maps to the end. Needs no allocation and cannot fail: with no spans it returns 0. */
ORTAQ_API uint64_t ortaq_map_position(const ortaq_span *spans, size_t span_count, uint64_t position,
                                      int direction);

/* ---- Tables and detection -------------------------------------------------------------- */

/* Every table the library finds, one per line: "FROM\tTO\tTITLE\n", sorted by FROM then TO.
 * `settings` may give "@table-path=DIR". *out is freed with ortaq_free. */
ORTAQ_API int ortaq_list_tables(const char *const *settings, char **out, size_t *out_len, ortaq_error *err);

/* The options of the table(s) `t` runs, one per line: "NAME\tVALUE\tVALUES\tDESCRIPTION\n",
 * VALUE being the value in effect, VALUES every allowed value separated by '|'. */
ORTAQ_API int ortaq_list_options(const ortaq_transliterator *t, char **out, size_t *out_len, ortaq_error *err);

/* Guesses which alphabet a text is written in (kk-Cyrl, kk-Latn-2017, kk-Latn-2018,
 * kk-Latn-2021 or tr-Latn), reading at most its first 1 MiB. Returns a static string, "" when
 * the text has no letters to go by (or on NULL); *confidence (may be NULL) gets 0..1. */
ORTAQ_API const char *ortaq_detect(const char *text, size_t len, double *confidence);

/* ---- Comparing proposals --------------------------------------------------------------- */

/* Compares alphabet proposals on one text, as `ortaq compare` does (docs/compare.md defines
 * the measures and the JSON fields). `from` is the text's alphabet ("kk-Cyrl"); `proposals` a
 * NULL-terminated array of at least one "TABLE[:KEY=VALUE,KEY=VALUE...]", TABLE being a target
 * id or the path of a .tbl file ("cta-2024", "cta-2024:kk-i=ï,kk-u=ŭ"); `text` is `len` bytes
 * of UTF-8 (NULL is allowed when len is 0); `format` one of "text", "markdown", "csv", "json",
 * "html" (one self-contained page). `settings`: NULL, or a NULL-terminated array of the
 * engine's "@..." settings (see ortaq_open) and "@examples=N", "@samples=N" (groups and sample
 * lines shown, 0-1000, default 5) and "@xkb-dir=DIR" (xkb symbols files for the keystroke
 * counts; default $ORTAQ_XKB_DIR, else /usr/share/X11/xkb/symbols). On success *out is the
 * report (free it with ortaq_free). Invalid UTF-8 in the text is ORTAQ_ERR_INVALID_INPUT with
 * its line, column and byte offset; a proposal that does not open names itself in the message. */
ORTAQ_API int ortaq_compare(const char *from, const char *const *proposals, const char *text, size_t len,
                            const char *format, const char *const *settings, char **out, size_t *out_len,
                            ortaq_error *err);

/* ---- Typing session -------------------------------------------------------------------- */

/* Converts text as it is typed. After each change the output is in two parts:
 * - committed: final. It is only ever extended; it shrinks only when a backspace deletes input
 *   that was committed (then `retracted` says by how many bytes), and it never changes
 *   otherwise: committed output is a prefix of the conversion of the input with anything
 *   typed after it.
 * - pending: the conversion of the rest of the input as if the input ended here; it may still
 *   change. It is the current word (the text after the last white space), and only longer
 *   when the words before it still depend on it: a one-letter capitalised word waits for the
 *   case of the next word, an open `-{` span for its `}-`, and every word while the table
 *   has a rule that reads past the white space after a word. Whatever the text, pending input
 *   is at most the engine's look-ahead: 1 KiB (4 KiB for a chain) plus one edit.
 * committed + pending is always the conversion of all the input since the last flush, as
 * ortaq_convert gives it. Each change re-converts only the pending input (and a bounded
 * history before it for context), so a keystroke costs the same at any length of text.
 * Unlike ICU's utrans_transIncremental, the session keeps the text, takes output back on
 * backspace, and commits whole words (docs/c-api.md compares them). */
typedef struct ortaq_typing ortaq_typing;

typedef struct ortaq_typing_state {
  const char *committed;        /* all committed output since open or reset (NUL-terminated) */
  size_t committed_len;
  const char *pending;          /* the pending output (NUL-terminated) */
  size_t pending_len;
  size_t retracted;             /* bytes the last change took off the end of committed (a
                                   backspace only); what follows them is new. An editor
                                   deletes this many bytes, then inserts the rest. */
  size_t input_len;             /* bytes of input since the last flush */
  size_t committed_input_len;   /* of them, the bytes whose output is committed */
} ortaq_typing_state;

/* Opens a session on `t` (the session keeps its own reference). NULL on failure. */
ORTAQ_API ortaq_typing *ortaq_typing_open(const ortaq_transliterator *t, ortaq_error *err);

/* Appends typed text (any number of bytes; a character cut at the end waits for its rest).
 * On invalid UTF-8 (with "@invalid=error") returns ORTAQ_ERR_INVALID_INPUT, the offset counted
 * from the start of the input since the last flush, and leaves the session as it was. */
ORTAQ_API int ortaq_typing_append(ortaq_typing *s, const char *text, size_t len, ortaq_error *err);

/* Deletes up to `count` code points at the end of the input since the last flush; *deleted
 * (may be NULL) gets how many were there to delete. */
ORTAQ_API int ortaq_typing_backspace(ortaq_typing *s, size_t count, size_t *deleted, ortaq_error *err);

/* Ends the text: the pending output is committed as the end of the text, and what is typed
 * next starts a new text (it is not read as context of the old one). */
ORTAQ_API int ortaq_typing_flush(ortaq_typing *s, ortaq_error *err);

/* Forgets everything: input, committed and pending output. */
ORTAQ_API void ortaq_typing_reset(ortaq_typing *s);

/* The state after the last change. The pointers stay valid until the next call on `s`. */
ORTAQ_API int ortaq_typing_get_state(const ortaq_typing *s, ortaq_typing_state *state, ortaq_error *err);

/* Releases a session. NULL is allowed. */
ORTAQ_API void ortaq_typing_close(ortaq_typing *s);

#ifdef __cplusplus
}
#endif

#endif /* ORTAQ_H_ */
