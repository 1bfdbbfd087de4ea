#!/usr/bin/env bash
# test.sh: the README's second command and what CI runs. Installs what is
# missing, builds with -Werror and runs every test; checks the C layout
# (make format-check); runs the unit tests again under valgrind; builds
# again with AddressSanitizer and UndefinedBehaviorSanitizer and runs
# everything again; runs each fuzz harness briefly (FUZZ_SECONDS, default
# 20). Ends with one totals line, `tests: N passed, N failed, N skipped`,
# after a line naming the skipped tests. jing, valgrind, clang and
# clang-format are required: missing, they fail the run (and tests that
# would skip for want of them fail: TD_REQUIRE_TOOLS).
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
skipped=0
skipped_names=""
for tool in jing valgrind clang clang-format; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "test.sh: required tool $tool is missing" >&2
		status=1
		failed=$((failed + 1))
	}
done
export TD_REQUIRE_TOOLS=1

# Adds the counts of a finished automake test run to the totals.
count() { # build dir
	local f="$1/test-suite.log" p x
	[ -f "$f" ] || return 0
	p=$(awk '/^# PASS:/{print $3; exit}' "$f")
	x=$(awk '/^# (FAIL|ERROR):/{n+=$3} END{print n+0}' "$f")
	k=$(awk '/^# SKIP:/{print $3; exit}' "$f")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${x:-0}))
	skipped=$((skipped + ${k:-0}))
	# section titles of the log: "SKIP: tests/x" over a line of '='
	for t in $(awk '/^=+$/ && prev ~ /^SKIP: / {print substr(prev, 7)} {prev = $0}' "$f"); do
		skipped_names="$skipped_names ${1##*/}/$t"
	done
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
	if (cd "$dir" && "$top/configure" -q --enable-werror --enable-test-hooks "$@" &&
		make -j"$jobs" >/dev/null && make -j"$jobs" check); then :; else
		status=1
		show_failures "$dir"
	fi
	count "$dir"
}

# each stage's title with the seconds since the start: CI must stay under
# 30 minutes, and this shows where the time goes
stage() { echo "== $* (at ${SECONDS} s)"; }

stage "build and test"
run_suite test

stage "layout (make format-check)"
# seconds: clang-format over the sources not listed in scripts/format-pending
if (cd "$top/build-test" && make format-check); then
	passed=$((passed + 1))
else
	status=1
	failed=$((failed + 1))
fi

stage "an index past the per-segment token limit (--with-segment-tokens=2000)"
# test_shards.sh merges shards into segments of the lower limit. Not
# test_index: its cases build documents of up to 1500 tokens and count
# segments and refusals for the default limit (a 2000-token limit splits
# them and refuses larger documents, as it should).
dir="$top/build-limit"
mkdir -p "$dir"
if (cd "$dir" && "$top/configure" -q --enable-werror --enable-test-hooks \
	--with-segment-tokens=2000 && make -j"$jobs" >/dev/null &&
	make -j"$jobs" check TESTS="tests/cli/test_segment_limit.sh \
	tests/cli/test_shards.sh tests/differential/test_differential"); then :; else
	status=1
	show_failures "$dir"
fi
count "$dir"

stage "unit tests under valgrind"
if (cd "$top/build-test" && make check-valgrind); then :; else
	status=1
	show_failures "$top/build-test"
fi
count "$top/build-test"

stage "build and test under ASan + UBSan"
san="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
# without test_memory.sh's and test_ingest_signal.sh's stop-at-every-step
# loops (they run in the plain suite above): to keep CI under 30 minutes
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 TD_TEST_NO_STEP_LOOPS=1 \
	run_suite asan CC=clang CFLAGS="-O1 -g $san" LDFLAGS="$san"

stage "fuzz harnesses, ${FUZZ_SECONDS:-20} s each"
if (cd "$top/build-test" && FUZZ_SECONDS=${FUZZ_SECONDS:-20} make fuzz); then
	passed=$((passed + 1))
else
	status=1
	failed=$((failed + 1))
fi

[ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=1
# the skipped tests by name on their own line: the totals line stays in the
# plain "N passed, N failed, N skipped" form that CI readers parse
[ -z "$skipped_names" ] || echo "skipped:${skipped_names}"
stage "done"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
