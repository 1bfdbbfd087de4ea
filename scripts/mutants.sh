#!/usr/bin/env bash
# mutants.sh: `make mutants`. Applies each curated patch in tests/mutants/
# (a small deliberate bug) on its own to a scratch copy of the source tree,
# rebuilds there and runs the tests the patch names; a mutant the tests do
# not catch "survives". A patch that does not apply exactly (no fuzz) or
# does not build is an error, never a kill.
#
# Each patch starts with header lines before the diff:
#   Mutant: what the bug is
#   Tests: tests/test_x tests/test_y.sh   (the tests that must catch it)
# tests/mutants/SURVIVORS lists mutants allowed to survive, with the reason.
#
# usage: mutants.sh SRCDIR WORKDIR [PATCH...]   (env: TD_SHARED, JOBS)
# Exit 0 when every mutant is killed or listed; 1 otherwise.
set -u
src=$(cd "$1" && pwd)
work=$2
shift 2
jobs=${JOBS:-2}
mdir=$src/tests/mutants
if [ $# -gt 0 ]; then
	patches=("$@")
else
	patches=("$mdir"/*.patch)
fi
[ -e "${patches[0]}" ] || { echo "mutants: no patches in $mdir" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/src" "$work/build" || exit 1
# the tree as it is now (committed or not), without build directories
# (those holding a config.status) and this work directory
ex=()
for d in "$src"/*/; do
	[ -f "$d/config.status" ] && ex+=("--exclude=./$(basename "$d")")
done
tar -C "$src" --exclude=./.git "${ex[@]}" --exclude=./autom4te.cache \
	--exclude=./tests/mutants -cf - . | tar -C "$work/src" -xf - || exit 1
cd "$work/build" || exit 1
log=$work/log
echo "mutants: configuring and building a scratch copy in $work"
{ "$work/src/configure" -q --enable-test-hooks TD_SHARED="${TD_SHARED:-}" &&
	make -j"$jobs"; } >"$log" 2>&1 ||
	{ echo "mutants: the unmutated copy does not build (see $log)" >&2; exit 1; }

field() { # patch, header name
	sed -n "/^diff \|^--- /q; s/^$2:[ ]*//p" "$1" | tr '\n' ' '
}

# run_tests TESTS...: builds the programs and the test programs named (no
# other check program is relinked) and runs those tests
run_tests() {
	local progs="" t
	for t in "$@"; do
		case $t in *.sh) ;; *) progs="$progs $t" ;; esac
	done
	make -j"$jobs" all && make -j"$jobs" check TESTS="$*" check_PROGRAMS="$progs"
}

# Baseline: the union of the tests named must pass without any mutant
# (MUTANTS_BASELINE=0 skips this when a green make check has just shown it).
all_tests=$(for p in "${patches[@]}"; do field "$p" Tests; done | tr ' ' '\n' |
	sort -u | tr '\n' ' ')
if [ "${MUTANTS_BASELINE:-1}" != 0 ]; then
	echo "mutants: baseline run of $all_tests"
	# shellcheck disable=SC2086
	if ! run_tests $all_tests >"$log" 2>&1; then
		echo "mutants: the tests fail without any mutant (see $log)" >&2
		exit 1
	fi
fi

killed=0 survived=0 listed=0 errors=0
bad=""
for p in "${patches[@]}"; do
	name=$(basename "$p" .patch)
	tests=$(field "$p" Tests)
	what=$(field "$p" Mutant)
	if [ -z "$tests" ]; then
		echo "ERROR    $name: no Tests: header"
		errors=$((errors + 1)); bad="$bad $name"; continue
	fi
	if ! (cd "$work/src" && patch -p1 -s -f --fuzz=0 --dry-run <"$p" >/dev/null 2>&1); then
		echo "ERROR    $name: does not apply to this tree (refresh the patch)"
		errors=$((errors + 1)); bad="$bad $name"; continue
	fi
	(cd "$work/src" && patch -p1 -s -f --fuzz=0 <"$p" >/dev/null)
	progs=""
	for t in $tests; do
		case $t in *.sh) ;; *) progs="$progs $t" ;; esac
	done
	# shellcheck disable=SC2086
	# (all first: one make building both would rebuild the library twice
	# at once)
	if ! { make -j"$jobs" all && make -j"$jobs" $progs; } >"$work/$name.log" 2>&1; then
		result=ERROR
		why="does not build (see $work/$name.log)"
	# shellcheck disable=SC2086
	else
		# one test at a time, in the order given (fast ones first): the
		# first that fails kills the mutant
		result=SURVIVED
		why=$what
		for t in $tests; do
			if ! timeout 900 bash -c "$(declare -f run_tests); jobs=$jobs; run_tests $t" \
				>>"$work/$name.log" 2>&1; then
				result=KILLED
				why="$what (by $t)"
				break
			fi
		done
	fi
	(cd "$work/src" && patch -R -p1 -s -f --fuzz=0 <"$p" >/dev/null) || {
		echo "mutants: cannot revert $name" >&2; exit 1; }
	case $result in
	KILLED) killed=$((killed + 1)) ;;
	ERROR) errors=$((errors + 1)); bad="$bad $name" ;;
	SURVIVED)
		if grep -q "^$name[[:space:]]" "$mdir/SURVIVORS" 2>/dev/null; then
			result="SURVIVED (listed)"
			listed=$((listed + 1))
		else
			survived=$((survived + 1)); bad="$bad $name"
		fi ;;
	esac
	printf '%-8s %s: %s [%s]\n' "$result" "$name" "$why" "${tests% }"
done
echo "mutants: ${#patches[@]} total, $killed killed, $listed survived (listed)," \
	"$survived survived (unlisted), $errors errors"
[ -z "$bad" ] || { echo "mutants: not killed:$bad"; exit 1; }
exit 0
