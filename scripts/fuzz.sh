#!/usr/bin/env bash
# fuzz.sh: builds the fuzz harnesses (tests/fuzz/fuzz_*.c) with clang and
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer against a
# sanitized build of the libraries in a separate build directory, and runs
# each harness for FUZZ_SECONDS, seeded from tests/data, corpus/ and
# tests/fuzz/seeds. `make fuzz` calls it; CI calls `FUZZ_SECONDS=20 make fuzz`.
#
#   scripts/fuzz.sh [HARNESS...]      e.g. scripts/fuzz.sh tei query
#
# Environment: FUZZ_SECONDS (default 60) per harness; FUZZ_BUILD (default
# build-fuzz in the source tree); FUZZ_TIMEOUT (seconds one input may take,
# default 10); FUZZ_ARGS (more libFuzzer flags). The growing corpora stay in
# FUZZ_BUILD/corpus-NAME, so later runs start where earlier ones stopped.
# A crash leaves FUZZ_BUILD/artifacts/NAME-crash-*; copy it to
# tests/fuzz/regress/NAME/ once fixed so `make check` replays it for ever.
# Exit status: 0 when no harness found anything, 1 otherwise, 2 if the build
# failed or clang/libFuzzer is missing (77 is not used: CI must notice).
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD:-$top/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
per_input=${FUZZ_TIMEOUT:-10}
jobs=$(nproc 2>/dev/null || echo 1)
CC=${FUZZ_CC:-clang}
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
cflags="-O1 -g -fno-omit-frame-pointer $san"

command -v "$CC" >/dev/null || { echo "fuzz.sh: $CC not found" >&2; exit 2; }
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)
{ (void)d; (void)n; return 0; }' > "${TMPDIR:-/tmp}/td-fuzz-probe.c"
if ! "$CC" -fsanitize=fuzzer -o "${TMPDIR:-/tmp}/td-fuzz-probe" \
	"${TMPDIR:-/tmp}/td-fuzz-probe.c" 2>/dev/null; then
	echo "fuzz.sh: $CC cannot link -fsanitize=fuzzer" \
		"(Debian: apt-get install libclang-rt-14-dev)" >&2
	exit 2
fi
rm -f "${TMPDIR:-/tmp}/td-fuzz-probe" "${TMPDIR:-/tmp}/td-fuzz-probe.c"

# ------------------------------------------------------------ the build
[ -x "$top/configure" ] || (cd "$top" && autoreconf -fi >/dev/null) || exit 2
mkdir -p "$build"
cd "$build" || exit 2
if [ ! -f Makefile ] || [ "$top/configure" -nt Makefile ]; then
	"$top/configure" -q CC="$CC" \
		CFLAGS="$cflags -fsanitize=fuzzer-no-link" \
		LDFLAGS="$san" || { echo "fuzz.sh: configure failed" >&2; exit 2; }
fi
make -j"$jobs" indexer/libtagdex.a queries/libtdquery.a \
	queries/serve/page.c >/dev/null ||
	{ echo "fuzz.sh: library build failed" >&2; exit 2; }
# the flags configure found for the libraries the code links with
# (asked of make itself: TD_LIBS is what every program links with, so a
# library added to configure.ac and Makefile.am reaches the harnesses too;
# a fixed list here once missed WordNet and CI failed at this link)
libs=$(make -s --no-print-directory \
	--eval 'td-print-libs: ; @echo $(TD_LIBS)' td-print-libs |
	sed 's#indexer/libtagdex\.a##')
incs=$(make -s --no-print-directory --eval 'td-print-cflags: ; @echo \
	$(XML_CFLAGS) $(PCRE2_CFLAGS) $(UTF8PROC_CFLAGS) $(NETTLE_CFLAGS) \
	$(JANSSON_CFLAGS) $(ICU_CFLAGS)' td-print-cflags)
# the include folders (relative to this build directory, as make uses them)
tdinc=$(make -s --no-print-directory \
	--eval 'td-print-inc: ; @echo $(TD_INCLUDES)' td-print-inc)
[ -n "$libs" ] || { echo "fuzz.sh: no TD_LIBS in $build/Makefile" >&2; exit 2; }

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
	for f in "$top"/tests/fuzz/fuzz_*.c; do
		n=${f##*/fuzz_}
		harnesses+=("${n%.c}")
	done
fi

mkdir -p bin artifacts
for h in "${harnesses[@]}"; do
	src=$top/tests/fuzz/fuzz_$h.c
	[ -f "$src" ] || { echo "fuzz.sh: no harness $src" >&2; exit 2; }
	# shellcheck disable=SC2086
	# fuzz_serve runs tagdex-serve's daemon: api.c, the page, libmicrohttpd
	extra=()
	if [ "$h" = serve ]; then
		read -ra extra <<<"$(make -s --no-print-directory --eval \
			'td-print-mhd: ; @echo $(MHD_CFLAGS) $(MHD_LIBS)' td-print-mhd)"
		extra=(-I"$top/queries/serve" "$top/queries/serve/api.c"
			queries/serve/page.c "${extra[@]}")
	fi
	"$CC" $cflags -fsanitize=fuzzer -D_GNU_SOURCE -I. \
		$tdinc -I"$top/tests/fuzz" $incs \
		-DTD_SRCDIR="\"$top\"" -o "bin/fuzz_$h" "$src" "${extra[@]}" \
		queries/libtdquery.a indexer/libtagdex.a $libs -lpthread ||
		{ echo "fuzz.sh: building fuzz_$h failed" >&2; exit 2; }
done

# --------------------------------------------------------------- seeds
seeds_for() { # harness -> seed files and directories that exist
	case $1 in
	text) echo "$top/tests/data/text" "$top/tests/data/text/bad" \
		"$top/corpus/articles" "$top/tests/data/hostile/text" ;;
	tei) echo "$top/tests/data/tei" "$top/tests/data/golden" \
		"$top/corpus/tei" "$top/tests/data/hostile/tei" ;;
	html) echo "$top/tests/data/html" "$top/corpus/html" \
		"$top/tests/data/hostile/html" ;;
	esac
	echo "$top/tests/fuzz/seeds/$1" "$top/tests/fuzz/regress/$1"
}

# ----------------------------------------------------------------- runs
status=0
summary=()
for h in "${harnesses[@]}"; do
	corpus=$build/corpus-$h
	mkdir -p "$corpus"
	seeddirs=()
	for d in $(seeds_for "$h"); do
		[ -d "$d" ] && seeddirs+=("$d")
	done
	dict=()
	[ -f "$top/tests/fuzz/$h.dict" ] && dict=(-dict="$top/tests/fuzz/$h.dict")
	maxlen=16384
	[ "$h" = query ] && maxlen=4096
	[ "$h" = serve ] && maxlen=8192
	echo "== fuzz_$h for ${seconds}s (seeds: ${seeddirs[*]##"$top"/})"
	log=$build/fuzz_$h.log
	touch "$build/.start-$h"
	# shellcheck disable=SC2086
	TAGDEX_LEXICONS=$top/corpus/lexicons \
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"bin/fuzz_$h" -max_total_time="$seconds" -timeout="$per_input" \
		-rss_limit_mb=2048 -max_len="$maxlen" -print_final_stats=1 \
		"${dict[@]}" -artifact_prefix="$build/artifacts/$h-" \
		${FUZZ_ARGS:-} "$corpus" "${seeddirs[@]}" >"$log" 2>&1
	rc=$?
	# the last status line: "#N DONE cov: C ft: F corp: ... exec/s: E ..."
	last=$(grep -E '^#[0-9]+' "$log" | tail -1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	# libFuzzer prints 0 exec/s when a run ends early: use runs / seconds
	if [ "${eps:-0}" = 0 ] && [ -n "$execs" ]; then
		eps="~$((execs / seconds))"
	fi
	line="fuzz_$h: ${seconds}s, ${execs:-?} runs, ${eps:-?} exec/s, cov ${cov:-?}, ft ${ft:-?}"
	if [ $rc -ne 0 ]; then
		status=1
		line="$line: FOUND SOMETHING (exit $rc), see $log"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant broken|.*runtime error)' \
			"$log" | head -5
		find "$build/artifacts" -name "$h-*" -newer "$build/.start-$h" \
			2>/dev/null | head -3
	fi
	echo "$line"
	summary+=("$line")
done
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
exit $status
