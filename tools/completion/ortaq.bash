# bash completion for ortaq: subcommands, each command's flags (read from its --help), alphabet
# ids and --set KEY=VALUE pairs (read from `ortaq list --json`), the values of --detect,
# --invalid and --format, and file names.

# Words of `ortaq list --json`'s tables: alphabet ids, or KEY=VALUE for every option value.
_ortaq_ids() {
  "${COMP_WORDS[0]}" list --json 2>/dev/null | grep -oE '"(from|to)": "[^"]*"' | sed 's/.*: "//; s/"$//' | sort -u
}
_ortaq_settings() {
  local name values v
  "${COMP_WORDS[0]}" list --json 2>/dev/null |
    sed -n 's/.*"name": "\([^"]*\)", "values": \[\([^]]*\)\].*/\1 \2/p' |
    while read -r name values; do
      for v in $(printf '%s' "$values" | tr -d '",'); do printf '%s=%s\n' "$name" "$v"; done
    done | sort -u
}
_ortaq_commands() {
  "${COMP_WORDS[0]}" --help 2>/dev/null | sed -n '/^Subcommands:/,$ s/^  \([a-z][a-z-]*\) .*/\1/p'
}
_ortaq_flags() {
  "${COMP_WORDS[0]}" "$1" --help 2>/dev/null | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n' | sed 's/{.*}//'
}

# Sets COMPREPLY to the lines of standard input that start with $1 (no shell quoting involved,
# so values such as ' are safe). Feed it with < <(...): in a pipeline it would run in a subshell.
_ortaq_reply() {
  local prefix=$1 word
  COMPREPLY=()
  while IFS= read -r word; do
    [[ -n $word && $word == "$prefix"* ]] && COMPREPLY+=("$word")
  done
}

_ortaq() {
  # Join what bash split at '=' (COMP_WORDBREAKS), so that --set kk-i=ï is one word.
  local -a words=()
  local i w
  for ((i = 0; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((${#words[@]} > 0)) && [[ $w == "=" || ${words[-1]} == *= ]]; then
      words[-1]+=$w
    else
      words+=("$w")
    fi
  done
  local cur=${words[-1]} prev=${words[-2]:-} command=""
  for w in "${words[@]:1:${#words[@]}-2}"; do
    [[ $w != -* ]] && { command=$w; break; }
  done
  if [[ -z $command ]]; then
    _ortaq_reply "$cur" < <(_ortaq_commands; printf '%s\n' --help --version)
    return
  fi
  local value=$cur option=$prev
  if [[ $cur == --*=* ]]; then option=${cur%%=*}; value=${cur#*=}; fi
  case $option in
    -f | --from) _ortaq_reply "$value" < <(_ortaq_ids; echo auto) ;;
    -t | --to | --via) _ortaq_reply "$value" < <(_ortaq_ids) ;;
    --set) _ortaq_reply "$value" < <(_ortaq_settings) ;;
    --detect) _ortaq_reply "$value" < <(printf '%s\n' input line) ;;
    --invalid) _ortaq_reply "$value" < <(printf '%s\n' error replace skip) ;;
    --format) _ortaq_reply "$value" < <(printf '%s\n' text html xml markdown srt) ;;
    -o | --output | --report-invalid | --corpora) mapfile -t COMPREPLY < <(compgen -f -- "$value") ;;
    -j | --jobs | --field | --jsonl | --examples) COMPREPLY=() ;;
    *)
      if [[ $cur == -* ]]; then
        _ortaq_reply "$cur" < <(_ortaq_flags "$command")
      else
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      fi
      return
      ;;
  esac
  # Bash replaces only the text after the last '=' when '=' breaks words: for --set KEY=VALUE,
  # offer the VALUE part. (For --option=VALUE the replies already are values.)
  if [[ $value == "$cur" && $cur == *=* && $COMP_WORDBREAKS == *=* ]]; then
    COMPREPLY=("${COMPREPLY[@]#*=}")
  fi
}
complete -o default -F _ortaq ortaq
