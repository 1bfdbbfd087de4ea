#!/bin/sh
# test_ingest_signal.sh: SIGINT and SIGTERM during a commit (issue 12),
# deterministic: the fault hook TAGDEX_FAULT_SIGNAL=k:SIG raises the signal
# at the k-th commit step (each open, write, fsync, close, rename and unlink
# of the batch's commit and of the --merge after it), for every k until a
# run no longer reaches k. The batch adds, changes and prunes a source.
# Every interrupted run exits 128+SIG and says either "interrupted: index
# unchanged", with the index byte for byte as before (MANIFEST and files)
# and the old query answers, or "interrupted: the batch is committed", with
# the new answers; --check passes, no temporary file is left, and a re-run
# reaches the state of a run without signal.
. "$(dirname "$0")/lib.sh"
[ -x "$ING" ] || { echo "no $ING"; exit 77; }
# The stop-at-every-step loops run in the plain suite; scripts/test.sh skips
# them under the sanitizers, where they took over ten minutes of CI's half hour.
[ -z "${TD_TEST_NO_STEP_LOOPS:-}" ] || { echo "skipped: TD_TEST_NO_STEP_LOOPS is set"; exit 77; }
# the hook exists only in a build configured with --enable-test-hooks
[ "${TD_TEST_HOOKS:-no}" = yes ] || { echo "no fault hook (configure --enable-test-hooks)"; exit 77; }
# on tmpfs when there is one: about 60 commits, and their fsyncs on a
# loaded disk cost more than the rest of the test
shm=/dev/shm; [ -d $shm ] && [ -w $shm ] || shm=/tmp
T=$(mktemp -d $shm/td-signal-XXXXXX)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# what a query can see: every document's size, and every norm's count
answers() { # index dir
	"$QRY" -x "$1" --freq doc --format tsv '[]' &&
		"$QRY" -x "$1" --freq norm --format tsv '[]'
}
files() { ls "$1" | grep -v '^LOCK$'; }

# small articles: every step runs the ingester several times, and under
# ASan the annotation of whole corpus articles made this test 5 minutes
mkdir arts
for n in 1 2 3; do
	printf 'Report %s\n\nThe minister said on Monday that talks with Brazil will likely resume.\n\n"We are ready," said Ana Costa, a spokeswoman, in Brasilia. Prices may rise.\n' \
		$n > arts/a$n.txt
done
mv arts/a3.txt a3.txt
"$ING" -q -x base arts || fail "base: first batch"
mv a3.txt arts/
"$ING" -q -x base arts || fail "base: second batch"
answers base > old || fail "base: query"
# the batch: one new source, one changed, one gone (--prune)
echo "A new paragraph that will likely matter." > arts/new.txt
f=$(ls arts/*.txt | head -1)
printf '\nAnalysts expect a deal soon.\n' >> "$f"
rm "$(ls arts/*.txt | sed -n 2p)"
rm -rf ix; cp -a base ix
"$ING" -q -x ix --prune --merge arts 2>err || fail "run without signal: $(cat err)"
answers ix > new || fail "new state: query"
cmp -s old new && fail "the batch changes nothing"

k=1 unchanged=0 committed=0 merged=0 done=0 last=
while [ $k -le 200 ] && [ $done = 0 ]; do
	sig=$((k % 2 ? 2 : 15))
	rm -rf ix; cp -a base ix
	TAGDEX_FAULT_SIGNAL=$k:$sig "$ING" -q -x ix --prune --merge arts 2>err
	st=$?
	kind=$st
	if [ $st = 0 ]; then
		done=1 # the signal step was not reached: a whole run
		answers ix | cmp -s - new || fail "k=$k: completed, not the new state"
	elif [ $st != $((128 + sig)) ]; then
		fail "k=$k: signal $sig: exit $st: $(cat err)"
	elif grep -q "^tagdex-ingest: interrupted: index unchanged$" err; then
		unchanged=$((unchanged + 1)) kind=unchanged
		cmp -s ix/MANIFEST base/MANIFEST || fail "k=$k: unchanged, but MANIFEST changed"
		[ "$(files ix)" = "$(files base)" ] ||
			fail "k=$k: unchanged, but the files differ: $(files ix | tr '\n' ' ')"
		answers ix | cmp -s - old || fail "k=$k: unchanged, but the answers changed"
	elif grep -q "^tagdex-ingest: interrupted: the batch is committed" err; then
		committed=$((committed + 1)) kind=committed
		grep -q "and the segments merged$" err && merged=$((merged + 1)) kind=merged
		answers ix | cmp -s - new || fail "k=$k: committed, not the new state"
	else
		fail "k=$k: signal $sig: message: $(cat err)"
	fi
	"$ING" -x ix --check 2>err || fail "k=$k: check: $(cat err)"
	ls ix | grep -q '\.tmp$' && fail "k=$k: temporary files left"
	# the re-run at every third step and at the first step of each outcome
	# (unchanged, committed with the merge stopped, merged, completed)
	if [ $((k % 3)) = 0 ] || [ "$kind" != "$last" ]; then
		"$ING" -q -x ix --prune --merge arts 2>err || fail "k=$k: re-run: $(cat err)"
		answers ix | cmp -s - new || fail "k=$k: re-run: not the new state"
	fi
	last=$kind
	k=$((k + 1))
done
[ $done = 1 ] || fail "the runs never completed"
# every outcome was seen: stopped before the manifest, committed with the
# merge stopped, committed and merged
[ $unchanged -ge 3 ] || fail "only $unchanged runs left the index unchanged"
[ $((committed - merged)) -ge 3 ] || fail "only $((committed - merged)) runs stopped the merge"
[ $merged -ge 3 ] || fail "only $merged runs committed the merge"
echo "signal at each of $((k - 2)) commit steps: $unchanged unchanged," \
	"$committed committed ($merged merged)"
[ $fails = 0 ]
