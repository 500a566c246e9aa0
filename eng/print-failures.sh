#!/usr/bin/env bash
# Prints every failed test of the trx files under DIR: its name, the head of its message, the top of
# its stack and the tail of its output, each cut short. eng/test.sh calls it last, so a CI log that
# keeps only its last lines still says what failed and why (the fleet tests' console output would
# otherwise bury it); the whole account stays in the trx.
# Usage: eng/print-failures.sh DIR   (awk only: it must run on a fresh Debian without Python)
set -uo pipefail
dir=${1:?usage: eng/print-failures.sh DIR}

for trx in "$dir"/*/*.trx; do
  [ -e "$trx" ] || continue
  awk -v message_lines=30 -v stack_lines=4 -v output_lines=15 '
    function decode(s) {
      gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s)
      gsub(/&#xD;/, "", s); gsub(/&#xA;/, "", s); gsub(/&amp;/, "\\&", s)
      return s
    }
    # Appends line to the section being read; a section starts at <Tag> and ends at </Tag>.
    function take(line, tag,    opening, closing) {
      opening = "<" tag ">"; closing = "</" tag ">"
      sub("^[ \t]*" opening, "", line)
      if (index(line, closing)) { sub(closing ".*", "", line); section = "" }
      buf[tag, ++count[tag]] = decode(line)
    }
    function report(    i, from) {
      printf "\n=== FAILED %s\n", name
      for (i = 1; i <= count["Message"] && i <= message_lines; i++) print buf["Message", i]
      if (count["Message"] > message_lines) printf "(%d more lines of the message in the trx)\n", count["Message"] - message_lines
      if (count["StackTrace"] > 0) print "--- stack (top)"
      for (i = 1; i <= count["StackTrace"] && i <= stack_lines; i++) print buf["StackTrace", i]
      from = count["StdOut"] - output_lines + 1; if (from < 1) from = 1
      if (count["StdOut"] > 0) printf "--- output (lines %d to %d)\n", from, count["StdOut"]
      for (i = from; i <= count["StdOut"]; i++) print buf["StdOut", i]
    }
    /<UnitTestResult / && /outcome="Failed"/ {
      failed = 1; section = ""; delete buf; delete count
      match($0, /testName="[^"]*"/); name = decode(substr($0, RSTART + 10, RLENGTH - 11))
      if ($0 ~ /\/>[ \t]*$/) { report(); failed = 0 }
      next
    }
    !failed { next }
    /<\/UnitTestResult>/ { report(); failed = 0; next }
    section != "" { take($0, section); next }
    /<StdOut>/ { section = "StdOut"; take($0, section); next }
    /<Message>/ { section = "Message"; take($0, section); next }
    /<StackTrace>/ { section = "StackTrace"; take($0, section); next }
  ' "$trx"
done
