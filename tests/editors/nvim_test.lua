-- The Neovim plugin (editors/nvim), run by ctest inside `nvim --headless -u NONE` with the
-- installed plugin first on 'runtimepath'. Expected texts come from the tests in
-- tables/kk-Cyrl--cta-2024.tbl; byte columns are counted by hand in the comments.
-- Exits with :cquit (status 1) on the first failed check, :qall! when every check passed.
vim.cmd('runtime plugin/ortaq.lua')

local failures = 0
local function check(what, got, expected)
  if not vim.deep_equal(got, expected) then
    failures = failures + 1
    io.stderr:write(('FAIL %s\n  expected %s\n  got      %s\n'):format(what, vim.inspect(expected), vim.inspect(got)))
  end
end

-- Every vim.notify call, so that error messages can be checked.
local notes = {}
vim.notify = function(msg, level)
  table.insert(notes, { msg = msg, level = level })
end

local function new_buffer(lines)
  vim.cmd('enew!')
  vim.bo.undolevels = 1000
  vim.api.nvim_buf_set_lines(0, 0, -1, true, lines)
  -- Start a fresh undo block, as if the user had typed the text before running :Ortaq.
  vim.cmd('let &undolevels = &undolevels')
  return vim.api.nvim_get_current_buf()
end

local function lines()
  return vim.api.nvim_buf_get_lines(0, 0, -1, true)
end

local function run()
  check('the plugin defines :Ortaq', vim.fn.exists(':Ortaq'), 2)
  local ortaq = require('ortaq')

  -- The Lua API.
  check('convert', ortaq.convert('Қазақстан', { to = 'cta-2024' }), 'Qazaqstan')
  check('convert with a setting', ortaq.convert('білім', { from = 'kk-Cyrl', to = 'cta-2024', settings = { 'kk-i=ï' } }), 'bïlïm')
  check('convert with a settings table', ortaq.convert('білім', { to = 'cta-2024', settings = { ['kk-i'] = 'ï' } }), 'bïlïm')
  local out, err = ortaq.convert('Қазақстан', { from = 'kk-Cyrl', to = 'no-such-alphabet' })
  check('convert to an unknown table gives nil', out, nil)
  check('convert to an unknown table gives a message', type(err) == 'string' and err:match('^ortaq: ') ~= nil, true)
  out, err = ortaq.convert('a\255b', { from = 'kk-Cyrl', to = 'cta-2024' })
  check('invalid UTF-8 gives nil', out, nil)
  check('invalid UTF-8 gives a message', type(err) == 'string' and err ~= '', true)

  -- :Ortaq with no range converts the whole buffer; the cursor stays on "Р" of Республикасы:
  -- byte 19 (9 two-byte letters and a space) becomes byte 10 of "Qazaqstan Respublikası".
  new_buffer({ 'Қазақстан Республикасы', 'Шымкент' })
  vim.api.nvim_win_set_cursor(0, { 1, 19 })
  vim.cmd('Ortaq cta-2024')
  check('buffer', lines(), { 'Qazaqstan Respublikası', 'Şımkent' })
  check('cursor on the same letter', vim.api.nvim_win_get_cursor(0), { 1, 10 })
  check('no error', #notes, 0)
  vim.cmd('silent undo')
  check('one undo step restores the buffer', lines(), { 'Қазақстан Республикасы', 'Шымкент' })

  -- A range, with --from and a setting: only line 2 changes. The cursor on "у" of Щучинск (byte
  -- 2) goes to "u" of Şçuçinsk (byte 4: Щ became the two two-byte letters Şç).
  -- A mark and a closed fold outside the range stay as they were.
  new_buffer({ 'білім', 'Щучинск білім', 'Шымкент', 'Шымкент' })
  vim.api.nvim_buf_set_mark(0, 'a', 3, 2, {})
  vim.wo.foldmethod = 'manual'
  vim.cmd('3,4fold')
  vim.api.nvim_win_set_cursor(0, { 2, 2 })
  vim.cmd('2Ortaq cta-2024 --from kk-Cyrl kk-i=ï')
  check('range', lines(), { 'білім', 'Şçuçinsk bïlïm', 'Шымкент', 'Шымкент' })
  check('cursor in a range', vim.api.nvim_win_get_cursor(0), { 2, 4 })
  check('a mark outside the range', vim.api.nvim_buf_get_mark(0, 'a'), { 3, 2 })
  check('a fold outside the range', { vim.fn.foldclosed(3), vim.fn.foldclosedend(3) }, { 3, 4 })
  vim.cmd('silent undo')
  check('undo after a range', lines(), { 'білім', 'Щучинск білім', 'Шымкент', 'Шымкент' })

  -- A characterwise visual selection across two lines: from "Р" (byte 19) of line 1 to "ы" of
  -- Шымкент (bytes 2-3) on line 2; the text around it stays Cyrillic. The cursor ends on the
  -- selection's end, "ы" (byte 2), which becomes "ı" at byte 2 of "Şımкент". The selection alone
  -- is too short for the library to tell its alphabet; the whole buffer is not.
  new_buffer({ 'Қазақстан Республикасы', 'Шымкент' })
  vim.api.nvim_win_set_cursor(0, { 1, 19 })
  vim.cmd('normal! vj0l')
  vim.cmd("execute \"normal! \\<Esc>\"")
  vim.cmd("'<,'>Ortaq cta-2024")
  check('visual selection', lines(), { 'Қазақстан Respublikası', 'Şıмкент' })
  check('cursor after a visual selection', vim.api.nvim_win_get_cursor(0), { 2, 2 })
  vim.cmd('silent undo')
  check('undo after a visual selection', lines(), { 'Қазақстан Республикасы', 'Шымкент' })

  -- A linewise visual selection converts whole lines.
  new_buffer({ 'Шымкент', 'білім', 'Шымкент' })
  vim.cmd('normal! jVj')
  vim.cmd("execute \"normal! \\<Esc>\"")
  vim.cmd("'<,'>Ortaq cta-2024")
  check('linewise visual selection', lines(), { 'Шымкент', 'bilim', 'Şımkent' })

  -- Errors: an unknown table, an unknown option value, a bad argument. The message comes
  -- through vim.notify at ERROR level and the buffer is unchanged.
  for _, args in ipairs({ 'no-such-alphabet --from kk-Cyrl', 'cta-2024 kk-i=q', 'cta-2024 --bogus' }) do
    notes = {}
    new_buffer({ 'Қазақстан', 'білім' })
    vim.cmd('Ortaq ' .. args)
    check(':Ortaq ' .. args .. ' leaves the buffer', lines(), { 'Қазақстан', 'білім' })
    check(':Ortaq ' .. args .. ' notifies once', #notes, 1)
    check(':Ortaq ' .. args .. ' notifies an error', notes[1] and notes[1].level, vim.log.levels.ERROR)
    check(':Ortaq ' .. args .. ' says ortaq', notes[1] and notes[1].msg:match('^ortaq: ') ~= nil, true)
  end
  -- Too little text to tell the alphabet: the message asks for --from.
  notes = {}
  new_buffer({ 'Шымкент' })
  vim.cmd('Ortaq cta-2024')
  check('undetectable text leaves the buffer', lines(), { 'Шымкент' })
  check('undetectable text asks for --from', notes[1] and notes[1].msg:match('%-%-from') ~= nil, true)
  notes = {}
  new_buffer({ 'Қазақстан', 'a\255b' })
  vim.cmd('Ortaq cta-2024 --from kk-Cyrl')
  check('invalid UTF-8 leaves the buffer', lines(), { 'Қазақстан', 'a\255b' })
  check('invalid UTF-8 is reported', #notes, 1)
end

local function feed(keys)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(keys, true, false, true), 'xt', false)
end

-- :OrtaqType: keys typed in insert mode with feedkeys (mappings applied, as when typed).
local function typing()
  check('the plugin defines :OrtaqType', vim.fn.exists(':OrtaqType'), 2)
  notes = {}
  new_buffer({ '' })
  vim.cmd('OrtaqType cta-2024')
  check('typing mode on', vim.b.ortaq_typing, 'cta-2024')
  -- The pending word is shown converted while it is typed.
  feed('iҚаз<Esc>')
  check('a pending word is shown', lines(), { 'Qaz' })
  -- Going on after it continues the same text; backspace deletes a typed letter.
  feed('aақстан Шымкенх<BS>т<Esc>')
  check('a sentence typed, with a backspace', lines(), { 'Qazaqstan Şımkent' })
  check('the cursor at the end of the typed text', vim.api.nvim_win_get_cursor(0), { 1, #'Qazaqstan Şımkent' - 1 })
  -- A one-letter capital word is written "Ya" until a word of two letters or more shows that
  -- the text is in capitals; then the shown text changes to "YA".
  new_buffer({ '' })
  vim.cmd('OrtaqType cta-2024')
  feed('iЯ К<Esc>')
  check('Я before a one-letter word', lines(), { 'Ya K' })
  feed('aЕЛДІМ. Я келдім.<Esc>')
  check('capitals and a sentence', lines(), { 'YA KELDİM. Ya keldim.' })
  -- Backspace past the start of the session deletes the buffer's own text.
  new_buffer({ 'ab' })
  vim.cmd('OrtaqType cta-2024')
  feed('A<BS><BS>ш<Esc>')
  check('backspace before the session', lines(), { 'ş' })
  -- Typing mode off: keys go in unchanged.
  vim.cmd('OrtaqType')
  check('typing mode off', vim.b.ortaq_typing, nil)
  new_buffer({ '' })
  feed('iҚаз<Esc>')
  check('typing mode off types Cyrillic', lines(), { 'Қаз' })
  -- An unknown target: an error, typing mode stays off.
  notes = {}
  vim.cmd('OrtaqType no-such-alphabet')
  check('an unknown target is an error', notes[1] and notes[1].level, vim.log.levels.ERROR)
  check('an unknown target leaves typing mode off', vim.b.ortaq_typing, nil)
end

local ok, err = xpcall(function() run() typing() end, debug.traceback)
if not ok then
  io.stderr:write('ERROR ' .. tostring(err) .. '\n')
  failures = failures + 1
end
if failures > 0 then
  io.stderr:write(failures .. ' check(s) failed\n')
  vim.cmd('cquit 1')
end
io.stdout:write('nvim: all checks passed\n')
vim.cmd('qall!')
