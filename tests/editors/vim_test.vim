" The Vim plugin (editors/vim), run by ctest inside `vim -Es -u NONE` with the installed plugin
" first on 'runtimepath' and g:ortaq_command set to the built CLI. Expected texts come from the
" tests in tables/kk-Cyrl--cta-2024.tbl. Exits with :cquit on a failed check, :qall! otherwise.
set encoding=utf-8 undolevels=1000
runtime plugin/ortaq.vim

let s:failures = []
function! s:Check(what, got, expected) abort
  if a:got !=# a:expected
    call add(s:failures, 'FAIL ' . a:what . ': expected ' . string(a:expected) . ', got ' . string(a:got))
  endif
endfunction

function! s:NewBuffer(lines) abort
  enew!
  call setline(1, a:lines)
  " A new undo block, as if the text had been typed before :Ortaq.
  let &undolevels = &undolevels
endfunction

function! s:Run() abort
  call s:Check('the plugin defines :Ortaq', exists(':Ortaq'), 2)

  " No range: the whole buffer. The cursor on Р (byte column 20, the 11th character) stays on
  " the 11th character, R.
  call s:NewBuffer(['Қазақстан Республикасы', 'Шымкент'])
  call cursor(1, 20)
  Ortaq cta-2024
  call s:Check('buffer', getline(1, '$'), ['Qazaqstan Respublikası', 'Şımkent'])
  call s:Check('cursor column', col('.'), 11)
  silent undo
  call s:Check('one undo step restores the buffer', getline(1, '$'), ['Қазақстан Республикасы', 'Шымкент'])

  " A range, with --from and a table option; the lines around it stay.
  call s:NewBuffer(['білім', 'Щучинск білім', 'Шымкент'])
  2Ortaq cta-2024 --from kk-Cyrl kk-i=ï
  call s:Check('range', getline(1, '$'), ['білім', 'Şçuçinsk bïlïm', 'Шымкент'])
  silent undo
  call s:Check('undo after a range', getline(1, '$'), ['білім', 'Щучинск білім', 'Шымкент'])

  " One line is too short to tell its alphabet: the buffer's first lines tell it.
  call s:NewBuffer(['Қазақстан Республикасы', 'Шымкент'])
  2Ortaq cta-2024
  call s:Check('a short range, detected from the buffer', getline(1, '$'), ['Қазақстан Республикасы', 'Şımkent'])
  " When nothing tells it, the CLI's message asks for --from.
  call s:NewBuffer(['Шымкент'])
  let v:errmsg = ''
  Ortaq cta-2024
  call s:Check('undetectable text leaves the buffer', getline(1, '$'), ['Шымкент'])
  call s:Check('undetectable text asks for --from', v:errmsg =~# '--from', 1)

  " Errors from the CLI: the buffer is unchanged and the CLI's message is shown.
  for [args, needle] in [['no-such-alphabet --from kk-Cyrl', 'no-such-alphabet'],
                       \ ['cta-2024 --from kk-Cyrl kk-i=q', 'kk-i']]
    call s:NewBuffer(['Қазақстан', 'білім'])
    let v:errmsg = ''
    execute 'Ortaq ' . args
    call s:Check(':Ortaq ' . args . ' leaves the buffer', getline(1, '$'), ['Қазақстан', 'білім'])
    call s:Check(':Ortaq ' . args . ' shows the message', v:errmsg =~# '^ortaq: .*' . needle, 1)
  endfor
  " Invalid UTF-8 in the buffer: the CLI names the place.
  call s:NewBuffer(['Қазақстан', "a\xffb"])
  let v:errmsg = ''
  Ortaq cta-2024 --from kk-Cyrl
  call s:Check('invalid UTF-8 leaves the buffer', getline(1, '$'), ['Қазақстан', "a\xffb"])
  call s:Check('invalid UTF-8 is reported', v:errmsg =~# '^ortaq: ', 1)
  " A command that does not exist.
  let saved = g:ortaq_command
  let g:ortaq_command = '/nonexistent/ortaq'
  call s:NewBuffer(['Қазақстан'])
  let v:errmsg = ''
  Ortaq cta-2024
  call s:Check('a missing command leaves the buffer', getline(1, '$'), ['Қазақстан'])
  call s:Check('a missing command is reported', v:errmsg =~# '^ortaq: ', 1)
  let g:ortaq_command = saved
  " A usage error never runs the command.
  let v:errmsg = ''
  Ortaq cta-2024 kk-Latn-2021
  call s:Check('two targets are refused', v:errmsg =~# '^ortaq: usage', 1)
endfunction

try
  call s:Run()
catch
  call add(s:failures, 'ERROR ' . v:exception . ' at ' . v:throwpoint)
endtry
if !empty(s:failures)
  call writefile(s:failures, '/dev/stderr')
  cquit
endif
call writefile(['vim: all checks passed'], '/dev/stdout')
qall!
