#!/usr/bin/env bash
# coverage.sh: `make coverage`. Builds a copy with gcov instrumentation in
# WORKDIR, runs every test there, and reports line and branch coverage of the
# library (indexer/ and queries/) with lcov; the HTML report goes to
# WORKDIR/html. Fails when a file that must be well covered (the index
# writer, manifest, segments, the executor and the annotators) is under
# MIN_LINES percent of lines (default 85).
#
# usage: coverage.sh SRCDIR WORKDIR   (env: TD_SHARED, JOBS, MIN_LINES)
set -u
src=$(cd "$1" && pwd)
work=$2
jobs=${JOBS:-2}
min=${MIN_LINES:-85}
command -v lcov >/dev/null || { echo "coverage: lcov is missing (apt-get install lcov)" >&2; exit 1; }
mkdir -p "$work" || exit 1
cd "$work" || exit 1
if [ ! -f Makefile ]; then
	"$src/configure" -q TD_SHARED="${TD_SHARED:-}" CFLAGS="-O0 -g --coverage" \
		LDFLAGS="--coverage" || exit 1
fi
find . -name '*.gcda' -delete
make -j"$jobs" >/dev/null || exit 1
# the test results do not matter here (make check reports them); coverage is
# measured over whatever ran
make -j"$jobs" check >check.log 2>&1 || echo "coverage: some tests failed (see $work/check.log)" >&2
rc="--rc lcov_branch_coverage=1"
# shellcheck disable=SC2086
lcov -q $rc --capture --directory . --base-directory . -o all.info 2>/dev/null &&
	lcov -q $rc --extract all.info "$src/indexer/*" "$src/queries/*" -o lib.info 2>/dev/null ||
	{ echo "coverage: lcov failed" >&2; exit 1; }
# shellcheck disable=SC2086
genhtml -q $rc --branch-coverage -o html lib.info >/dev/null 2>&1
# per file: lines hit/found, branches hit/found
awk -F: -v min="$min" '
	/^SF:/ { f = $2; if (match(f, /(indexer|queries)\/.*/)) f = substr(f, RSTART) }
	/^LF:/ { lf = $2 } /^LH:/ { lh = $2 } /^BRF:/ { bf = $2 } /^BRH:/ { bh = $2 }
	/^end_of_record/ {
		LF += lf; LH += lh; BF += bf; BH += bh
		pl = lf ? 100 * lh / lf : 100; pb = bf ? 100 * bh / bf : 100
		printf "%-36s lines %5.1f%% (%d/%d)  branches %5.1f%% (%d/%d)\n", f, pl, lh, lf, pb, bh, bf
		if (f ~ /^indexer\/index\/(writer|manifest|segment|segbuild)\.c$/ ||
		    f ~ /^indexer\/annotate\/(actors|quotes|hedges|labels|dates|annotate)\.c$/ ||
		    f ~ /^queries\/engine\/exec\.c$/) {
			held++
			if (pl < min) { bad = bad " " f; }
		}
		lf = lh = bf = bh = 0
	}
	END {
		printf "%-36s lines %5.1f%% (%d/%d)  branches %5.1f%% (%d/%d)\n", "TOTAL",
			100 * LH / LF, LH, LF, 100 * BH / BF, BH, BF
		# a list that matches nothing (files moved) must not pass silently
		if (held != 11) { printf "coverage: %d held files found, expected 11\n", held; exit 1 }
		if (bad != "") { printf "coverage: under %d%% of lines:%s\n", min, bad; exit 1 }
	}' lib.info
