" `ortaq export --format vim-keymap`, loaded in Vim (ctest editors_vim_keymap, `vim -Es -u NONE`
" with g:ortaq_command set to the built CLI): the keymap is generated into a temporary keymap/
" directory on 'runtimepath', selected with :set keymap=, and a sentence is typed on the Kazakh
" layout's keys. Expected texts come from the tests in tables/kk-Cyrl--cta-2024.tbl.
set encoding=utf-8 nocompatible

let s:failures = []
function! s:Check(what, got, expected) abort
  if a:got !=# a:expected
    call add(s:failures, 'FAIL ' . a:what . ': expected ' . string(a:expected) . ', got ' . string(a:got))
  endif
endfunction

" Generates keymap/NAME.vim in a new runtime directory and returns that directory.
function! s:Export(name, args) abort
  let dir = tempname()
  call mkdir(dir . '/keymap', 'p')
  let lines = systemlist(shellescape(g:ortaq_command) . ' export --format vim-keymap --name ' . a:name . ' ' . a:args)
  call s:Check('ortaq export ' . a:args . ' succeeds', v:shell_error, 0)
  call writefile(lines, dir . '/keymap/' . a:name . '.vim')
  return dir
endfunction

" Types `keys` in insert mode, as typed (language mappings apply), in a new buffer.
function! s:Type(keys) abort
  enew!
  call feedkeys('i' . a:keys . "\<Esc>", 'xt')
  return getline(1, '$')
endfunction

function! s:Run() abort
  let &runtimepath .= ',' . s:Export('ortaq_test_cta', '--to cta-2024')
  set keymap=ortaq_test_cta
  call s:Check('the keymap is loaded', b:keymap_name, 'cta-2024')
  call s:Check('the keymap is on in insert mode', &iminsert, 1)
  " Қазақстан Республикасы on the Kazakh layout: Қ is Shift+0, а f, з p, қ 0, с c, т n, н y; Р is
  " Shift+h, е t, п g, у e, б the comma key, л k, и b, к r, ы s.
  call s:Check('a sentence typed', s:Type(')fpf0cnfy Htcge,kbrfcs'), ['Qazaqstan Respublikası'])
  " The digit row: ә 2, і 3, ң 4, ғ 5, ү 8, ұ 9, ө -, and Шымкент (Ш Shift+i, ы s, м v, к r, е t,
  " н y, т n) with the layout's full stop on 7.
  call s:Check('the digit row', s:Type('2345 89- Isvrtyn7'), ['äiñğ üūö Şımkent.'])
  " A setting: kk-i=ï writes І as Ï.
  let &runtimepath .= ',' . s:Export('ortaq_test_i', '--to cta-2024 --set kk-i=ï')
  set keymap=ortaq_test_i
  call s:Check('a setting changes the keymap', s:Type(',3k3v'), ['bïlïm'])
  " Without the keymap (CTRL-^ off), keys type themselves.
  set iminsert=0
  call s:Check('keymap off', s:Type('fpf'), ['fpf'])
  " An unknown target is an error of the command, and writes nothing.
  let out = system(shellescape(g:ortaq_command) . ' export --format vim-keymap --to no-such-alphabet')
  call s:Check('an unknown target fails', v:shell_error != 0, 1)
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
call writefile(['vim keymap: all checks passed'], '/dev/stdout')
qall!
