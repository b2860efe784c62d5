# Sourced by the scripts: export config/embedded.env's defaults for every
# variable not already set, so endpoints.yml's ${VAR}s expand.
_env_file="$(dirname "${BASH_SOURCE[0]}")/../config/embedded.env"
while IFS= read -r _line || [ -n "$_line" ]; do
  [[ $_line =~ ^([A-Z_][A-Z0-9_]*)=(.*)$ ]] || continue
  [ -n "${!BASH_REMATCH[1]+set}" ] || export "${BASH_REMATCH[1]}=${BASH_REMATCH[2]}"
done <"$_env_file"
unset _env_file _line
