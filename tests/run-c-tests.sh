#!/usr/bin/env bash
# Runs C test binaries, shows their output, and prints one total summary line.
set -u
passed=0; failed=0; status=0
for bin in "$@"; do
  out=$("$bin" 2> >(cat >&2)); rc=$?
  echo "$out"
  line=$(echo "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -1)
  if [ -z "$line" ]; then echo "$bin: crashed or printed no summary (exit $rc)" >&2; failed=$((failed+1)); status=1; continue; fi
  p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/'); f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
  passed=$((passed+p)); failed=$((failed+f))
  [ $rc -ne 0 ] && status=1
done
echo "c-total: $passed passed, $failed failed"
exit $status
