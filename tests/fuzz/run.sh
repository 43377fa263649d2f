#!/usr/bin/env bash
# run.sh — runs each libFuzzer target for FUZZ_SECONDS on its seed corpus and
# prints executions and findings. Usage: run.sh BIN_DIR TARGET...
# Exit status 1 when any target found a crash, leak, timeout or OOM.
#
# Seeds: tests/fuzz/corpus/<target>/ (committed, read-only here). New inputs
# the fuzzer finds go to build/fuzz/corpus/<target>/ (kept between runs, not
# committed); findings to build/fuzz/findings/<target>/.
set -u
bindir=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
secs=${FUZZ_SECONDS:-60}
status=0
declare -A maxlen=([call]=16384 [text]=4096 [pack]=8192)
printf '%-8s %12s %10s %8s %s\n' target executions exec/s corpus findings > "$bindir/summary.txt"
for t in "$@"; do
  work="$bindir/corpus/$t"; found="$bindir/findings/$t"
  mkdir -p "$work" "$found"
  log="$bindir/$t.log"
  echo "fuzz: $t for ${secs}s (log: $log)"
  before=$(ls "$found" | wc -l)
  "$bindir/fuzz_$t" "$work" "$here/corpus/$t" \
      -max_total_time="$secs" -max_len="${maxlen[$t]:-8192}" -timeout=2 -rss_limit_mb=2048 \
      -malloc_limit_mb=512 -print_final_stats=1 -artifact_prefix="$found/" \
      -dict="$here/webcare.dict" >"$log" 2>&1
  rc=$?
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}')
  corp=$(ls "$work" | wc -l)
  after=$(ls "$found" | wc -l)
  new=$((after - before))
  names=$(ls -t "$found" | head -n "$new" | tr '\n' ' ')
  if [ $rc -ne 0 ] || [ $new -gt 0 ]; then
    status=1
    echo "fuzz: $t: FINDING (exit $rc): ${names:-see log}"
    grep -E 'ERROR: |SUMMARY: |runtime error|invariant failed' "$log" | head -5
  fi
  printf '%-8s %12s %10s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$corp" "${new}${names:+ ($names)}" \
    >> "$bindir/summary.txt"
done
cat "$bindir/summary.txt"
exit $status
