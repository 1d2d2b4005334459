-- LuaJIT FFI binding to the C API of libortaq (lib/include/ortaq.h).
-- Only what the plugin uses is declared; the declarations follow the header exactly.
local ffi = require('ffi')

ffi.cdef([[
typedef struct ortaq_transliterator ortaq_transliterator;
typedef struct ortaq_typing ortaq_typing;
typedef struct ortaq_error {
  int code; int64_t line; int64_t column; int64_t byte_offset;
  char file[256]; char message[512];
} ortaq_error;
typedef struct ortaq_span {
  uint64_t in_begin, in_end; uint64_t out_begin, out_end; int changed;
} ortaq_span;
typedef struct ortaq_typing_state {
  const char *committed; size_t committed_len;
  const char *pending; size_t pending_len;
  size_t retracted; size_t input_len; size_t committed_input_len;
} ortaq_typing_state;
const char *ortaq_version(void);
ortaq_transliterator *ortaq_open(const char *from, const char *to, const char *const *settings, ortaq_error *err);
void ortaq_close(ortaq_transliterator *t);
void ortaq_free(void *p);
int ortaq_convert_spans(const ortaq_transliterator *t, const char *in, size_t len, int unit, char **out,
                        size_t *out_len, ortaq_span **spans, size_t *span_count, ortaq_error *err);
uint64_t ortaq_map_position(const ortaq_span *spans, size_t span_count, uint64_t position, int direction);
const char *ortaq_detect(const char *text, size_t len, double *confidence);
ortaq_typing *ortaq_typing_open(const ortaq_transliterator *t, ortaq_error *err);
int ortaq_typing_append(ortaq_typing *s, const char *text, size_t len, ortaq_error *err);
int ortaq_typing_backspace(ortaq_typing *s, size_t count, size_t *deleted, ortaq_error *err);
int ortaq_typing_flush(ortaq_typing *s, ortaq_error *err);
void ortaq_typing_reset(ortaq_typing *s);
int ortaq_typing_get_state(const ortaq_typing *s, ortaq_typing_state *state, ortaq_error *err);
void ortaq_typing_close(ortaq_typing *s);
]])

local M = {}
M.UNIT_BYTES = 0
M.INPUT_TO_OUTPUT = 0
M.OUTPUT_TO_INPUT = 1

local lib = nil

-- Where libortaq is: vim.g.ortaq_library, $ORTAQ_LIBRARY, the path `cmake --install` wrote
-- (ortaq/install_path.lua), else the dynamic linker's search ("libortaq.so").
local function library_candidates()
  local candidates = {}
  if vim.g.ortaq_library and vim.g.ortaq_library ~= '' then
    table.insert(candidates, vim.g.ortaq_library)
  end
  local env = os.getenv('ORTAQ_LIBRARY')
  if env and env ~= '' then
    table.insert(candidates, env)
  end
  local ok, installed = pcall(require, 'ortaq.install_path')
  if ok and type(installed) == 'string' then
    table.insert(candidates, installed)
  end
  table.insert(candidates, 'ortaq')
  return candidates
end

-- Returns the loaded library, or nil and a message naming every place tried.
function M.load()
  if lib then
    return lib
  end
  local tried = {}
  for _, path in ipairs(library_candidates()) do
    local ok, loaded = pcall(ffi.load, path)
    if ok then
      lib = loaded
      return lib
    end
    table.insert(tried, path .. ' (' .. tostring(loaded) .. ')')
  end
  return nil, 'cannot load libortaq; set vim.g.ortaq_library or $ORTAQ_LIBRARY. Tried: ' .. table.concat(tried, '; ')
end

function M.new_error()
  return ffi.new('ortaq_error')
end

function M.error_message(err)
  return ffi.string(err.message)
end

-- "KEY=VALUE" strings as a NULL-terminated const char *[] (kept alive by the returned anchor).
function M.settings_array(settings)
  local array = ffi.new('const char *[?]', #settings + 1)
  local anchor = {}
  for i, s in ipairs(settings) do
    anchor[i] = s
    array[i - 1] = s
  end
  array[#settings] = nil
  return array, anchor
end

-- Transliterators are cached by their key: opening compiles the table, converting is cheap.
local cache = {}

-- Opens (or reuses) the conversion from `from` to `to` with `settings` (a list of "KEY=VALUE").
-- Returns the handle, or nil and the library's message.
function M.open(from, to, settings)
  local l, load_err = M.load()
  if not l then
    return nil, load_err
  end
  local key = from .. '\0' .. to .. '\0' .. table.concat(settings, '\0')
  if cache[key] then
    return cache[key]
  end
  local err = M.new_error()
  local array, anchor = M.settings_array(settings)
  local t = l.ortaq_open(from, to, array, err)
  local _ = anchor
  if t == nil then
    return nil, M.error_message(err)
  end
  t = ffi.gc(t, l.ortaq_close)
  cache[key] = t
  return t
end

-- Converts `text`; returns the output and a span mapper `map(byte_offset) -> byte_offset`
-- (input to output), or nil and the library's message.
function M.convert(t, text)
  local out = ffi.new('char *[1]')
  local out_len = ffi.new('size_t[1]')
  local spans = ffi.new('ortaq_span *[1]')
  local count = ffi.new('size_t[1]')
  local err = M.new_error()
  local rc = lib.ortaq_convert_spans(t, text, #text, M.UNIT_BYTES, out, out_len, spans, count, err)
  if rc ~= 0 then
    return nil, M.error_message(err)
  end
  local result = ffi.string(out[0], out_len[0])
  lib.ortaq_free(out[0])
  local span_ptr = ffi.gc(spans[0], lib.ortaq_free)
  local span_count = count[0]
  local function map(position)
    return tonumber(lib.ortaq_map_position(span_ptr, span_count, position, M.INPUT_TO_OUTPUT))
  end
  return result, map
end

-- The alphabet `text` is written in ("" when it has no letters to go by).
function M.detect(text)
  local l, load_err = M.load()
  if not l then
    return nil, load_err
  end
  return ffi.string(l.ortaq_detect(text, #text, nil))
end

-- A typing session on `t` (closed when collected), or nil and the library's message.
function M.typing_open(t)
  local err = M.new_error()
  local s = lib.ortaq_typing_open(t, err)
  if s == nil then
    return nil, M.error_message(err)
  end
  return ffi.gc(s, lib.ortaq_typing_close)
end

-- Appends typed text; returns true, or nil and the library's message.
function M.typing_append(s, text)
  local err = M.new_error()
  if lib.ortaq_typing_append(s, text, #text, err) ~= 0 then
    return nil, M.error_message(err)
  end
  return true
end

-- Deletes one typed character; returns how many were deleted (0 or 1).
function M.typing_backspace(s)
  local deleted = ffi.new('size_t[1]')
  lib.ortaq_typing_backspace(s, 1, deleted, nil)
  return tonumber(deleted[0])
end

function M.typing_reset(s)
  lib.ortaq_typing_reset(s)
end

-- The session's output: committed .. pending, and the bytes of input since the last flush.
function M.typing_output(s)
  local state = ffi.new('ortaq_typing_state')
  lib.ortaq_typing_get_state(s, state, nil)
  return ffi.string(state.committed, state.committed_len) .. ffi.string(state.pending, state.pending_len),
    tonumber(state.input_len)
end

return M
