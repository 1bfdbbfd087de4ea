#!/usr/bin/env bash
# test.sh: the README's second command and what CI runs. Installs what is
# missing, builds with -Werror and runs every test, then builds again with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs them again.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/deps.sh"
td_deps
cd "$top"
[ -x configure ] || autoreconf -fi >/dev/null
jobs=$(nproc)
status=0

run_suite() { # name, configure args...
	local dir="$top/build-$1"; shift
	mkdir -p "$dir"
	(cd "$dir" && "$top/configure" -q --enable-werror "$@" &&
		make -j"$jobs" >/dev/null &&
		make -j"$jobs" check) || {
		status=1
		find "$dir/tests" -name '*.log' -newer "$dir/Makefile" \
			-exec grep -l -E 'FAIL|ERROR' {} + 2>/dev/null |
			while read -r f; do echo "==> $f"; tail -n 40 "$f"; done
	}
}

echo "== build and test"
run_suite test
echo "== build and test under ASan + UBSan"
san="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	run_suite asan CC=clang CFLAGS="-O1 -g $san" LDFLAGS="$san"
# one closing line for people and CI: totals over both runs
passed=0; failed=0
for d in "$top/build-test" "$top/build-asan"; do
	f="$d/test-suite.log"
	[ -f "$f" ] || continue
	p=$(awk '/^# PASS:/{print $3; exit}' "$f")
	x=$(awk '/^# (FAIL|ERROR):/{n+=$3} END{print n+0}' "$f")
	passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0}))
done
[ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "tests: $passed passed, $failed failed"
exit $status
