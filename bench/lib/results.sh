# Sourced by the bench scripts: each one owns one section of bench/RESULTS.md, between
# <!-- bench:NAME --> and <!-- /bench:NAME -->, and replaces only that section.
# write_section NAME FILE  (FILE holds the new section's text)
write_section() {
  local name=$1 body=$2 results=bench/RESULTS.md
  local begin="<!-- bench:$name -->" end="<!-- /bench:$name -->"
  touch "$results"
  if grep -qF "$begin" "$results"; then
    awk -v b="$begin" -v e="$end" -v f="$body" '
      $0 == b { print; while ((getline line < f) > 0) print line; skip = 1; next }
      $0 == e { skip = 0 }
      !skip { print }' "$results" >"$results.tmp"
  else
    { cat "$results"; echo; echo "$begin"; cat "$body"; echo "$end"; } >"$results.tmp"
  fi
  mv "$results.tmp" "$results"
}
