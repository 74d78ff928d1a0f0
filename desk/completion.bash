# bash completion for desk (desk/desk). Load it in ~/.bashrc:
#   source /path/to/clearinghouse/desk/completion.bash
# It completes commands, kinds, options and their fixed values; ids come from desk queue / desk pending
# (a unique start of an id is enough, as with git).
_desk() {
  local cur prev words cword
  _init_completion 2>/dev/null || {
    cur="${COMP_WORDS[COMP_CWORD]}"; prev="${COMP_WORDS[COMP_CWORD-1]}"; words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
  }
  local commands=" pending approve reject queue show suggest assign withdraw complete close report emails resend help "
  local common=" --local --stack --region --zone --json --by --help "

  case "$prev" in
    --local) COMPREPLY=($(compgen -W "http://localhost:3000" -- "$cur")); return ;;
    --zone) COMPREPLY=($(compgen -W "Asia/Kolkata UTC" -- "$cur")); return ;;
    --stack|--region|--by|--reason|--outcome|--hours|--limit|--older-than) return ;;
  esac

  local command="" i
  for ((i = 1; i < cword; i++)); do
    case "${words[i]}" in
      --local|--stack|--region|--zone|--by|--reason|--outcome|--hours|--limit|--older-than) ((i++)) ;;
      -*) ;;
      *) command="${words[i]}"; break ;;
    esac
  done

  if [ -z "$command" ]; then
    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$common" -- "$cur")); else COMPREPLY=($(compgen -W "$commands" -- "$cur")); fi
    return
  fi

  local options=""
  case "$command" in
    approve) options="" ;;
    reject) options=" --reason " ;;
    suggest) options=" --limit " ;;
    assign) options=" --hours " ;;
    withdraw) options=" --reason " ;;
    complete) options=" --hours --outcome " ;;
    close) options=" --reason " ;;
    report) options=" --csv " ;;
    emails) options=" --pending --older-than " ;;
    help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$options $common" -- "$cur"))
  elif [[ "$command" == approve || "$command" == reject ]] && [ "$prev" = "$command" ]; then
    COMPREPLY=($(compgen -W "organisation lawyer" -- "$cur"))
  elif [ "$command" = report ] && [ "$prev" = report ]; then
    COMPREPLY=($(compgen -W "$(date +%Y-%m) $(date -d 'last month' +%Y-%m 2>/dev/null)" -- "$cur"))
  fi
}
complete -F _desk desk desk/desk ./desk/desk
