#!/usr/bin/env bash
# CLI contract tests: exit codes, --help, --json, --jsonl with id passthrough.
set -u
cli=${1:-build/webcare}
passed=0; failed=0
ok() { passed=$((passed+1)); }
bad() { failed=$((failed+1)); echo "FAIL: $*" >&2; }
expect_status() { # expected-status description command...
  local want=$1 what=$2; shift 2
  "$@" >/dev/null 2>&1; local got=$?
  [ "$got" = "$want" ] && ok || bad "$what: exit $got, expected $want"
}

expect_status 0 "--help" "$cli" --help
expect_status 2 "no arguments" "$cli"
expect_status 2 "unknown command" "$cli" dance
expect_status 2 "unknown option" "$cli" classify --frobnicate x
expect_status 2 "classify without text" "$cli" classify
expect_status 0 "classify text" "$cli" classify "Wat een topservice!"
expect_status 2 "bad platform" "$cli" length --platform myspace "hoi"
expect_status 2 "check-pack missing file" "$cli" check-pack /nonexistent/pack.json
"$cli" --help | grep -q "Exit status" && ok || bad "--help documents exit codes"
"$cli" --version | grep -q "^webcare " && ok || bad "--version"

out=$("$cli" classify --json "Hoe laat zijn jullie open?")
echo "$out" | grep -q '"op":"classify"' && ok || bad "classify --json prints the response"

out=$(printf '%s\n' '{"id":"a1","text":"Top service!","extra":1}' '{"id":7,"text":"Waar blijft mijn pakket?"}' | "$cli" classify --jsonl)
[ "$(echo "$out" | wc -l)" = 2 ] && ok || bad "classify --jsonl: one line per input"
echo "$out" | head -1 | grep -q '"id":"a1"' && ok || bad "classify --jsonl passes string id"
echo "$out" | tail -1 | grep -q '"id":7' && ok || bad "classify --jsonl passes numeric id"

out=$(printf '%s\n' 'garbage' '{"id":"b","text":"ok"}' | "$cli" classify --jsonl 2>/dev/null); st=$?
[ $st = 2 ] && ok || bad "jsonl with a bad line exits 2 (got $st)"
[ "$(echo "$out" | wc -l)" = 2 ] && ok || bad "jsonl keeps going after a bad line"

out=$("$cli" length --platform x "Hoi 👋 https://www.ns.nl")
echo "$out" | grep -q '"used":30' && ok || bad "length x: $out"

printf '%s\n' '{"op":"version"}' '{"op":"nope"}' | "$cli" call >/dev/null 2>&1; st=$?
[ $st = 2 ] && ok || bad "call with an error response exits 2"

echo "cli: $passed passed, $failed failed"
[ $failed = 0 ]
