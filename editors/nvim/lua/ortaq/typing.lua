-- :OrtaqType: typing mode. In insert mode the keys of the source alphabet (Cyrillic, and ASCII
-- for tables from a Latin alphabet) go to a typing session of the library instead of the buffer;
-- the buffer shows the session's output, committed text and the pending word, which changes as
-- the word grows (`Я` shows `Ya`, then `YA` once `КЕЛДІМ` follows). Backspace deletes a typed
-- character. Moving the cursor, or any change not made here, starts a new session at the cursor.
local capi = require('ortaq.capi')
local ortaq = require('ortaq')

local M = {}

-- Per buffer: { session, row, col (where the session's output starts), shown (that output) }.
local active = {}

-- The keys typing mode takes: printable ASCII and the Cyrillic letters (U+0400..U+04FF, which
-- hold every Kazakh, Kyrgyz, Tatar, Bashkir and Uzbek Cyrillic letter).
local function typed_keys()
  local keys = {}
  for c = 0x20, 0x7E do
    local ch = string.char(c)
    local lhs = ({ [' '] = '<Space>', ['<'] = '<lt>', ['|'] = '<Bar>', ['\\'] = '<Bslash>' })[ch] or ch
    table.insert(keys, { lhs = lhs, text = ch })
  end
  for cp = 0x400, 0x4FF do
    local ch = vim.fn.nr2char(cp)
    table.insert(keys, { lhs = ch, text = ch })
  end
  return keys
end

-- Starts a new session at the cursor unless the text before the cursor is still the output
-- shown by the session (the user has only typed through typing mode since).
local function sync(state)
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_get_current_line()
  if row == state.row and col == state.col + #state.shown and line:sub(state.col + 1, col) == state.shown then
    return
  end
  capi.typing_reset(state.session)
  state.row, state.col, state.shown = row, col, ''
end

-- Puts the session's output in place of what was shown, changing only its end.
local function render(state)
  local output = capi.typing_output(state.session)
  local keep = ortaq.common_prefix(state.shown, output)
  local row = state.row - 1
  vim.api.nvim_buf_set_text(0, row, state.col + keep, row, state.col + #state.shown, { output:sub(keep + 1) })
  state.shown = output
  vim.api.nvim_win_set_cursor(0, { state.row, state.col + #output })
end

local function on_key(buf, text)
  local state = active[buf]
  sync(state)
  local ok, err = capi.typing_append(state.session, text)
  if not ok then
    vim.notify('ortaq: ' .. err, vim.log.levels.ERROR)
    return
  end
  render(state)
end

local function on_backspace(buf)
  local state = active[buf]
  sync(state)
  local _, input_len = capi.typing_output(state.session)
  if input_len > 0 and capi.typing_backspace(state.session) == 1 then
    render(state)
  else
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<BS>', true, false, true), 'in', false)
  end
end

local function stop(buf)
  for _, key in ipairs(typed_keys()) do
    pcall(vim.keymap.del, 'i', key.lhs, { buffer = buf })
  end
  pcall(vim.keymap.del, 'i', '<BS>', { buffer = buf })
  active[buf] = nil
  vim.b[buf].ortaq_typing = nil
end

-- Turns typing mode on in `buf` with `opts` (`to`, `from` (default kk-Cyrl), `settings`),
-- or off when `opts` is nil. Returns true, or nil and a message.
function M.set(buf, opts)
  buf = (buf == nil or buf == 0) and vim.api.nvim_get_current_buf() or buf
  if active[buf] then
    stop(buf)
  end
  if opts == nil then
    return true
  end
  local from = (opts.from == nil or opts.from == 'auto') and 'kk-Cyrl' or opts.from
  local t, err = capi.open(from, opts.to, ortaq.settings_list(opts.settings))
  if not t then
    return nil, 'ortaq: ' .. err
  end
  local session, open_err = capi.typing_open(t)
  if not session then
    return nil, 'ortaq: ' .. open_err
  end
  active[buf] = { session = session, row = -1, col = -1, shown = '' }
  for _, key in ipairs(typed_keys()) do
    vim.keymap.set('i', key.lhs, function() on_key(buf, key.text) end, { buffer = buf, nowait = true })
  end
  vim.keymap.set('i', '<BS>', function() on_backspace(buf) end, { buffer = buf, nowait = true })
  vim.b[buf].ortaq_typing = opts.to
  return true
end

-- :OrtaqType {to} [--from ID] [KEY=VALUE...] turns typing mode on; :OrtaqType alone, off.
function M.command(cmd)
  local buf = vim.api.nvim_get_current_buf()
  local ok, err
  if #cmd.fargs == 0 then
    ok, err = M.set(buf, nil)
    if ok then
      vim.notify('ortaq: typing mode off', vim.log.levels.INFO)
    end
  else
    local opts, parse_err = ortaq.parse_args(cmd.fargs)
    if opts then
      ok, err = M.set(buf, opts)
    else
      ok, err = nil, parse_err
    end
  end
  if not ok then
    vim.notify(err, vim.log.levels.ERROR)
  end
end

return M
