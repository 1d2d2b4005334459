// What the C API's files share: the handle types behind the opaque pointers, filling an
// ortaq_error, and the guard that keeps every exception on this side of the C boundary.
#ifndef ORTAQ_CAPI_CAPI_INTERNAL_HPP_
#define ORTAQ_CAPI_CAPI_INTERNAL_HPP_

#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>

#include "ortaq.h"
#include "ortaq/ortaq.hpp"

struct ortaq_transliterator {
  std::shared_ptr<const ortaq::Transliterator> t;
};

namespace ortaq::capi {

// Writes a failure into *err (when given) and returns its code. Never throws.
int Fail(ortaq_error* err, int code, std::string_view message, std::string_view file = {}, std::int64_t line = 0,
         std::int64_t column = 0, std::int64_t byte_offset = -1) noexcept;
// Clears *err (when given) and returns ORTAQ_OK.
int Succeed(ortaq_error* err) noexcept;
// The C form of a Status (ORTAQ_OK for an ok one). `table_text`, when given, is the text of
// the table the status is about (for the byte offset of a table error named `table_name`).
int FromStatus(ortaq_error* err, const Status& status, std::string_view table_text = {},
               std::string_view table_name = {}) noexcept;

// Reads a NULL-terminated "KEY=VALUE" list into library options.
int ParseSettings(const char* const* settings, Options* options, ortaq_error* err);

// Runs `body` (which returns a code), turning any exception into a code and a message.
template <class Body>
int Guarded(ortaq_error* err, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(err, ORTAQ_ERR_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return Fail(err, ORTAQ_ERR_INTERNAL, e.what());
  } catch (...) {
    return Fail(err, ORTAQ_ERR_INTERNAL, "internal error");
  }
}

// A copy of `text` in memory from malloc, NUL-terminated (nullptr when out of memory).
char* MallocCopy(std::string_view text) noexcept;
// Hands a built text to the caller as a malloc'ed string (*out, *out_len) and succeeds.
int GiveText(std::string_view text, char** out, size_t* out_len, ortaq_error* err) noexcept;

}  // namespace ortaq::capi

#endif  // ORTAQ_CAPI_CAPI_INTERNAL_HPP_
