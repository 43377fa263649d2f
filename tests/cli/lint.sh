#!/usr/bin/env bash
# CLI tests of the linter (issue 5): lint --jsonl for CI over template
# libraries (exit 1 on an error-level finding), check-pack with FILE:LINE:COL
# errors, --pack, --disable, --style, readable and --json output.
set -u
cli=${1:-build/webcare}
root=$(cd "$(dirname "$0")/../.." && pwd)
passed=0; failed=0
ok() { passed=$((passed+1)); }
bad() { failed=$((failed+1)); echo "FAIL: $*" >&2; }

# --jsonl: one result per line, id passed through, exit 1 on an error finding
out=$(printf '%s\n' \
  '{"id":"t1","text":"Hoi Sanne, wat vervelend! Ik bel je vandaag voor 16:00. ^Tom","platform":"x","mention":{"text":"Pakket kwijt!","type":"angry"},"agent":"Tom","config":{"style":"je"}}' \
  '{"id":"t2","text":"Hoi Sanne, dat is uw eigen schuld. ^Tom","platform":"x","mention":{"type":"angry"},"agent":"Tom"}' \
  | "$cli" lint --jsonl); st=$?
[ "$st" = 1 ] && ok || bad "lint --jsonl with an error finding exits 1 (got $st)"
[ "$(echo "$out" | wc -l)" = 2 ] && ok || bad "lint --jsonl: one line per input"
echo "$out" | head -1 | grep -q '"id":"t1"' && ok || bad "lint --jsonl passes the id"
echo "$out" | head -1 | grep -q '"findings":\[\]' && ok || bad "clean template has no findings: $(echo "$out" | head -1 | cut -c1-200)"
echo "$out" | tail -1 | grep -q '"rule":"blame-customer"' && ok || bad "blame-customer found"

# only warnings: exit 0
printf '%s\n' '{"id":"w","text":"We gaan er even naar kijken","platform":"x"}' | "$cli" lint --jsonl >/dev/null; st=$?
[ "$st" = 0 ] && ok || bad "warnings only exit 0 (got $st)"

# readable report and --json
"$cli" lint --platform x --mention "Pakket alweer te laat #fail" --agent Sanne "We gaan er even naar kijken!" | grep -q "empty-promise" && ok || bad "readable lint report"
"$cli" lint --json --mention-type angry "Dat kan niet." | grep -q '"rule":"denial"' && ok || bad "lint --json"
"$cli" lint --mention-type angry "Dat kan niet." >/dev/null; st=$?
[ "$st" = 1 ] && ok || bad "lint with an error finding exits 1 (got $st)"
"$cli" lint --json --disable greeting "Kunt u ons een DM sturen?" | grep -q '"rule":"greeting"' && bad "--disable greeting" || ok
"$cli" lint --json --style je "Hoi Sanne, kunt u ons een DM sturen?" | grep -q '"rule":"register-mix"' && ok || bad "--style je"

# check-pack
"$cli" check-pack "$root/core/rules/team-example.json" | grep -q "ok, 4 rules" && ok || bad "check-pack sample team pack"
err=$("$cli" check-pack "$root/tests/data/packs/broken-severity.json" 2>&1 >/dev/null); st=$?
[ "$st" = 2 ] && ok || bad "check-pack of a broken pack exits 2 (got $st)"
echo "$err" | grep -q "broken-severity.json:12:19: rules\[1\].severity" && ok || bad "check-pack FILE:LINE:COL (got: $err)"
err=$("$cli" check-pack "$root/tests/data/packs/broken-json.json" 2>&1 >/dev/null)
echo "$err" | grep -q "broken-json.json:3:" && ok || bad "check-pack bad JSON line (got: $err)"

# --pack applies a team pack; --pack with a broken pack is refused
"$cli" lint --json --pack "$root/core/rules/team-example.json" "Helaas pindakaas, bestel bij CoolBlue" | grep -q '"rule":"team-helaas-pindakaas"' && ok || bad "--pack"
"$cli" lint --pack "$root/tests/data/packs/broken-severity.json" "hoi" >/dev/null 2>&1; st=$?
[ "$st" = 2 ] && ok || bad "--pack with a broken pack exits 2 (got $st)"

echo "cli-lint: $passed passed, $failed failed"
[ $failed = 0 ]
