#!/usr/bin/env bash
# test.sh: the README's second command and what CI runs. Installs what is
# missing, builds with -Werror and runs every test; runs the unit tests
# again under valgrind; builds again with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs everything again; runs each fuzz
# harness briefly (FUZZ_SECONDS, default 20). Ends with one totals line.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/deps.sh"
td_deps
cd "$top"
[ -x configure ] || autoreconf -fi >/dev/null
jobs=$(nproc)
status=0
passed=0
failed=0

# Adds the counts of a finished automake test run to the totals.
count() { # build dir
	local f="$1/test-suite.log" p x
	[ -f "$f" ] || return 0
	p=$(awk '/^# PASS:/{print $3; exit}' "$f")
	x=$(awk '/^# (FAIL|ERROR):/{n+=$3} END{print n+0}' "$f")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${x:-0}))
}

show_failures() { # build dir
	find "$1/tests" -name '*.log' -newer "$1/Makefile" \
		-exec grep -l -E '^(FAIL|ERROR)|FAILED' {} + 2>/dev/null |
		while read -r f; do echo "==> $f"; tail -n 40 "$f"; done
}

run_suite() { # name, configure args...
	local dir="$top/build-$1"
	shift
	mkdir -p "$dir"
	if (cd "$dir" && "$top/configure" -q --enable-werror "$@" &&
		make -j"$jobs" >/dev/null && make -j"$jobs" check); then :; else
		status=1
		show_failures "$dir"
	fi
	count "$dir"
}

echo "== build and test"
run_suite test

echo "== unit tests under valgrind"
if (cd "$top/build-test" && make check-valgrind); then :; else
	status=1
	show_failures "$top/build-test"
fi
count "$top/build-test"

echo "== build and test under ASan + UBSan"
san="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	run_suite asan CC=clang CFLAGS="-O1 -g $san" LDFLAGS="$san"

echo "== fuzz harnesses, ${FUZZ_SECONDS:-20} s each"
if (cd "$top/build-test" && FUZZ_SECONDS=${FUZZ_SECONDS:-20} make fuzz); then
	passed=$((passed + 1))
else
	status=1
	failed=$((failed + 1))
fi

[ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "tests: $passed passed, $failed failed"
exit $status
