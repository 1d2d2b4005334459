" ortaq for Vim: convert text between Turkic alphabets by piping it through the `ortaq` command.
"
"   :[range]Ortaq {to} [--from ID|auto] [KEY=VALUE...]    (no range: the whole buffer)
"   :%Ortaq cta-2024
"   :'<,'>Ortaq kk-Latn-2021 --from kk-Cyrl kk-i=ï
"
" g:ortaq_command is the command to run (default 'ortaq'). The lines are replaced in one undo
" step; when the command fails, its message is shown and the buffer is left as it was.
if exists('g:loaded_ortaq') || &compatible
  finish
endif
let g:loaded_ortaq = 1

command! -nargs=+ -range=% Ortaq call s:Convert(<line1>, <line2>, <f-args>)

function! s:Error(message) abort
  let v:errmsg = 'ortaq: ' . a:message
  echohl ErrorMsg
  echomsg v:errmsg
  echohl None
endfunction

" The `ortaq convert` command line for the arguments of :Ortaq, or '' after an error message.
function! s:CommandLine(args) abort
  let cmd = [get(g:, 'ortaq_command', 'ortaq'), 'convert', '--from', 'auto']
  let to = ''
  let i = 0
  while i < len(a:args)
    let arg = a:args[i]
    if arg ==# '--from' && i + 1 < len(a:args)
      let cmd[3] = a:args[i + 1]
      let i += 1
    elseif arg =~# '^--from='
      let cmd[3] = arg[7:]
    elseif arg =~# '='
      call extend(cmd, ['--set', arg])
    elseif arg =~# '^-' || to !=# ''
      call s:Error('usage: :[range]Ortaq {to} [--from ID|auto] [KEY=VALUE...] (unexpected "' . arg . '")')
      return ''
    else
      let to = arg
    endif
    let i += 1
  endwhile
  if to ==# ''
    call s:Error('usage: :[range]Ortaq {to} [--from ID|auto] [KEY=VALUE...]')
    return ''
  endif
  call extend(cmd, ['--to', to])
  return join(map(cmd, 'shellescape(v:val)'), ' ')
endfunction

" Runs `cmd` on `lines`: [status, output lines, error message].
function! s:Run(cmd, lines) abort
  " stderr goes to a file of its own, so that a warning never ends up in the text.
  let errfile = tempname()
  let out = systemlist('(' . a:cmd . ') 2>' . shellescape(errfile), join(a:lines, "\n") . "\n")
  let status = v:shell_error
  let messages = filereadable(errfile) ? readfile(errfile) : []
  call delete(errfile)
  let message = empty(messages) ? 'the command failed (status ' . status . '): ' . a:cmd : join(messages, ' ')
  " (systemlist() drops the newline that ends the output, as it does a file's.)
  return [status, out, substitute(message, '^ortaq: ', '', '')]
endfunction

" The alphabet of the buffer's first lines as `ortaq detect` tells it, or ''.
function! s:DetectBuffer() abort
  let [status, out, unused] = s:Run(shellescape(get(g:, 'ortaq_command', 'ortaq')) . ' detect', getline(1, 2000))
  let fields = split(get(out, 0, ''), "\t")
  return status == 0 && len(fields) >= 4 && fields[3] ==# 'converts' ? fields[1] : ''
endfunction

function! s:Convert(line1, line2, ...) abort
  let cmd = s:CommandLine(a:000)
  if cmd ==# ''
    return
  endif
  let old = getline(a:line1, a:line2)
  let [status, out, message] = s:Run(cmd, old)
  " A few lines may be too short to tell their alphabet: then the buffer's first lines may.
  if status != 0 && message =~# 'give --from' && cmd =~# "--from' 'auto'"
    let detected = s:DetectBuffer()
    if detected !=# ''
      let [status, out, message] = s:Run(substitute(cmd, "--from' 'auto'", "--from' '" . detected . "'", ''), old)
    endif
  endif
  if status != 0
    call s:Error(message)
    return
  endif
  if out ==# old
    return
  endif
  " Keep the cursor on the same character index of its line: the CLI gives no position map, and
  " the alphabets mostly write a letter as a letter.
  let [row, col] = [line('.'), col('.')]
  let index = charidx(getline('.'), col - 1)
  if len(out) == len(old)
    call setline(a:line1, out)
  else
    silent execute a:line1 . ',' . a:line2 . 'delete _'
    call append(a:line1 - 1, out)
  endif
  if row >= a:line1 && row <= a:line2 && index >= 0
    let new_col = byteidx(getline(row), index)
    call cursor(row, new_col < 0 ? col('$') : new_col + 1)
  endif
endfunction
