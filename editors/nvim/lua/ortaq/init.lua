-- ortaq for Neovim: convert text between Turkic alphabets with libortaq (over LuaJIT's FFI).
--
--   local ortaq = require('ortaq')
--   ortaq.convert('Қазақстан', { to = 'cta-2024' })                 --> 'Qazaqstan'
--   ortaq.convert_range(0, 1, 3, { to = 'kk-Latn-2021', settings = { 'kk-i=ï' } })
--
-- Options: `to` (required), `from` (an alphabet id, or 'auto' to detect; the default),
-- `settings` (a list of "KEY=VALUE", or a table { KEY = VALUE }; see `ortaq list`).
-- Every function returns nil and a message on failure and never changes the buffer then.
local capi = require('ortaq.capi')

local M = {}

-- Settings as a sorted list of "KEY=VALUE" (given as that list, or as { KEY = VALUE }).
function M.settings_list(settings)
  local list = {}
  for k, v in pairs(settings or {}) do
    if type(k) == 'number' then
      table.insert(list, v)
    else
      table.insert(list, k .. '=' .. v)
    end
  end
  table.sort(list)
  return list
end

-- The transliterator for `opts` and `text` (whose alphabet is detected when `from` is auto;
-- when the text is too short to tell, from `context()`, e.g. the whole buffer, when given).
-- Returns the handle, or nil and a message; `same` is true when the text is already in `to`.
local function open_for(text, opts, context)
  if type(opts) ~= 'table' or type(opts.to) ~= 'string' or opts.to == '' then
    return nil, 'ortaq: give the target alphabet, e.g. { to = "cta-2024" }'
  end
  local from = opts.from or 'auto'
  if from == 'auto' then
    local detected, err = capi.detect(text)
    if detected == '' and context then
      detected, err = capi.detect(context())
    end
    if not detected then
      return nil, 'ortaq: ' .. err
    end
    if detected == '' then
      return nil, 'ortaq: cannot tell which alphabet the text is in; give --from ID'
    end
    from = detected
  end
  if from == opts.to then
    return nil, nil, true
  end
  local t, err = capi.open(from, opts.to, M.settings_list(opts.settings))
  if not t then
    return nil, 'ortaq: ' .. err
  end
  return t
end

-- Converts `text`; returns the output and a function mapping a byte offset of the input to
-- the output's, or nil and a message. `context` (optional) gives text to detect the alphabet
-- from when `text` alone is too short.
function M.convert_with_map(text, opts, context)
  local t, err, same = open_for(text, opts, context)
  if same then
    return text, function(p) return p end
  end
  if not t then
    return nil, err
  end
  local out, map_or_err = capi.convert(t, text)
  if not out then
    return nil, 'ortaq: ' .. map_or_err
  end
  return out, map_or_err
end

-- Converts a string: returns the converted string, or nil and a message.
function M.convert(text, opts)
  local out, err = M.convert_with_map(text, opts)
  return out, (not out) and err or nil
end

local function split_lines(text)
  return vim.split(text, '\n', { plain = true })
end

-- Byte offset in `lines` (joined with "\n") of row `row` (0-based, relative), column `col`.
local function offset_of(lines, row, col)
  local offset = 0
  for i = 1, row do
    offset = offset + #lines[i] + 1
  end
  return offset + col
end

-- Row (0-based, relative) and column of byte offset `offset` in `lines` joined with "\n".
local function position_of(lines, offset)
  for i, line in ipairs(lines) do
    if offset <= #line or i == #lines then
      return i - 1, math.min(offset, #line)
    end
    offset = offset - #line - 1
  end
  return 0, 0
end

-- The length in bytes of the common start of `a` and `b`, back to a character boundary (so that
-- a multi-byte letter is never split).
function M.common_prefix(a, b)
  local n = 0
  while n < #a and n < #b and a:byte(n + 1) == b:byte(n + 1) do
    n = n + 1
  end
  while n > 0 and a:byte(n + 1) and bit.band(a:byte(n + 1), 0xC0) == 0x80 do
    n = n - 1
  end
  return n
end

-- Replaces only the lines that changed (trimming their common ends), so that marks, extmarks
-- and folds on unchanged text stay put; with a different line count, the region at once.
local function replace(buf, srow, scol, old, new)
  if #old ~= #new then
    local erow = srow + #old - 1
    local ecol = (#old == 1 and scol or 0) + #old[#old]
    vim.api.nvim_buf_set_text(buf, srow, scol, erow, ecol, new)
    return
  end
  for i = #old, 1, -1 do
    local a, b = old[i], new[i]
    if a ~= b then
      local prefix = M.common_prefix(a, b)
      local suffix = 0
      while suffix < #a - prefix and suffix < #b - prefix and a:byte(#a - suffix) == b:byte(#b - suffix) do
        suffix = suffix + 1
      end
      while suffix > 0 and bit.band(a:byte(#a - suffix + 1), 0xC0) == 0x80 do
        suffix = suffix - 1
      end
      local base = (i == 1) and scol or 0
      local row = srow + i - 1
      vim.api.nvim_buf_set_text(buf, row, base + prefix, row, base + #a - suffix, { b:sub(prefix + 1, #b - suffix) })
    end
  end
end

-- Converts the text of `buf` from (srow, scol) to (erow, ecol): 0-based rows, byte columns,
-- the end exclusive. The cursor of every window on `buf` inside the region stays on the same
-- letter; after it on the region's last row, it moves with the text. Returns true, or nil and
-- a message (the buffer unchanged).
function M.convert_region(buf, srow, scol, erow, ecol, opts)
  buf = (buf == nil or buf == 0) and vim.api.nvim_get_current_buf() or buf
  local old = vim.api.nvim_buf_get_text(buf, srow, scol, erow, ecol, {})
  local text = table.concat(old, '\n')
  -- A few words may not tell the alphabet: then the buffer's first lines do.
  local function buffer_text()
    return table.concat(vim.api.nvim_buf_get_lines(buf, 0, 2000, false), '\n')
  end
  local out, map = M.convert_with_map(text, opts, buffer_text)
  if not out then
    return nil, map
  end
  if out == text then
    return true
  end
  local new = split_lines(out)
  local cursors = {}
  for _, win in ipairs(vim.fn.win_findbuf(buf)) do
    local row, col = unpack(vim.api.nvim_win_get_cursor(win))
    row = row - 1
    local inside = (row > srow or (row == srow and col >= scol)) and (row < erow or (row == erow and col < ecol))
    if inside then
      local rel_row, rel_col = row - srow, (row == srow) and col - scol or col
      local nrow, ncol = position_of(new, map(offset_of(old, rel_row, rel_col)))
      cursors[win] = { srow + nrow, (nrow == 0 and scol or 0) + ncol }
    elseif row == erow and col >= ecol then
      local last_start = (#new == 1) and scol or 0
      cursors[win] = { srow + #new - 1, last_start + #new[#new] + (col - ecol) }
    elseif row > erow then
      cursors[win] = { row + #new - #old, col }
    end
  end
  replace(buf, srow, scol, old, new)
  for win, pos in pairs(cursors) do
    pcall(vim.api.nvim_win_set_cursor, win, { pos[1] + 1, pos[2] })
  end
  return true
end

-- Converts lines `start_line` to `end_line` (1-based, inclusive) of `buf` (0 = current).
-- Returns true, or nil and a message (the buffer unchanged).
function M.convert_range(buf, start_line, end_line, opts)
  buf = (buf == nil or buf == 0) and vim.api.nvim_get_current_buf() or buf
  local last = vim.api.nvim_buf_get_lines(buf, end_line - 1, end_line, true)[1]
  return M.convert_region(buf, start_line - 1, 0, end_line - 1, #last, opts)
end

-- Parses the arguments of :Ortaq: `{to} [--from ID|auto] [KEY=VALUE...]`.
function M.parse_args(fargs)
  local opts = { settings = {} }
  local i = 1
  while i <= #fargs do
    local arg = fargs[i]
    if arg == '--from' then
      opts.from = fargs[i + 1]
      if not opts.from then
        return nil, 'ortaq: --from needs an alphabet id or auto'
      end
      i = i + 1
    elseif arg:match('^%-%-from=') then
      opts.from = arg:sub(8)
    elseif arg:find('=', 1, true) then
      table.insert(opts.settings, arg)
    elseif arg:sub(1, 1) == '-' then
      return nil, 'ortaq: unknown option ' .. arg .. ' (usage: :Ortaq {to} [--from ID|auto] [KEY=VALUE...])'
    elseif opts.to == nil then
      opts.to = arg
    else
      return nil, 'ortaq: more than one target alphabet: ' .. opts.to .. ', ' .. arg
    end
    i = i + 1
  end
  if not opts.to then
    return nil, 'ortaq: usage: :[range]Ortaq {to} [--from ID|auto] [KEY=VALUE...]'
  end
  return opts
end

-- The length in bytes of the UTF-8 character whose first byte is `byte`.
local function char_length(byte)
  if not byte or byte < 0xC0 then
    return 1
  elseif byte < 0xE0 then
    return 2
  elseif byte < 0xF0 then
    return 3
  end
  return 4
end

-- :[range]Ortaq. A range that is the last characterwise visual selection converts just the
-- selected characters; any other range converts whole lines.
function M.command(cmd)
  local opts, err = M.parse_args(cmd.fargs)
  local ok = opts ~= nil
  if ok then
    local buf = vim.api.nvim_get_current_buf()
    local vstart = vim.api.nvim_buf_get_mark(buf, '<')
    local vend = vim.api.nvim_buf_get_mark(buf, '>')
    if cmd.range == 2 and vim.fn.visualmode() == 'v' and vstart[1] == cmd.line1 and vend[1] == cmd.line2 then
      local last = vim.api.nvim_buf_get_lines(buf, vend[1] - 1, vend[1], true)[1]
      local ecol = math.min(#last, vend[2] + char_length(last:byte(vend[2] + 1)))
      ok, err = M.convert_region(buf, vstart[1] - 1, vstart[2], vend[1] - 1, ecol, opts)
    else
      ok, err = M.convert_range(buf, cmd.line1, cmd.line2, opts)
    end
  end
  if not ok then
    vim.notify(err, vim.log.levels.ERROR)
  end
end

return M
