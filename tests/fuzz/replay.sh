#!/bin/sh
# replay.sh: runs every fuzz harness (built with tests/fuzz/driver.c instead
# of libFuzzer) over its seeds and over tests/fuzz/regress/NAME/, the inputs
# that once broke something. A harness aborts on a broken invariant, so any
# non-zero exit is a failure. TD_VALGRIND (set by `make check-valgrind`)
# runs the harnesses under valgrind.
set -u
top_builddir=${top_builddir:-$(pwd)}
srcdir=${srcdir:-$(dirname "$0")/../..}
case $srcdir in /*) ;; *) srcdir=$(pwd)/$srcdir ;; esac
export TAGDEX_LEXICONS=$srcdir/corpus/lexicons
fails=0
ran=0
for h in text tei html query serve; do
	prog=$top_builddir/tests/fuzz/replay_$h
	[ -x "$prog" ] || { echo "FAIL: no $prog"; fails=$((fails + 1)); continue; }
	case $h in
	text) dirs="tests/data/text tests/data/text/bad corpus/articles" ;;
	tei) dirs="tests/data/tei tests/data/golden corpus/tei" ;;
	html) dirs="tests/data/html" ;;
	query | serve) dirs="" ;;
	esac
	dirs="$dirs tests/data/hostile/$h tests/fuzz/seeds/$h tests/fuzz/regress/$h"
	args=
	for d in $dirs; do
		[ -d "$srcdir/$d" ] && args="$args $srcdir/$d"
	done
	[ -n "$args" ] || { echo "FAIL: no seeds for $h"; fails=$((fails + 1)); continue; }
	# shellcheck disable=SC2086
	out=$(${TD_VALGRIND:-} "$prog" $args 2>&1)
	rc=$?
	echo "$out" | tail -n 20
	if [ $rc -ne 0 ]; then
		echo "FAIL: replay_$h exited $rc"
		fails=$((fails + 1))
	fi
	# a replay that ran nothing cannot fail: count the inputs
	n=$(echo "$out" | sed -n 's/.*: \([0-9]*\) inputs replayed$/\1/p')
	if [ "${n:-0}" -lt 1 ]; then
		echo "FAIL: replay_$h replayed no input"
		fails=$((fails + 1))
	fi
	ran=$((ran + ${n:-0}))
done
echo "replay: $ran inputs, $fails failures"
[ $fails -eq 0 ]
