#!/bin/sh
# test_segment_limit.sh: an index holding more tokens than one segment may
# (issue 17). Meaningful in a build configured with a small per-segment
# limit (--with-segment-tokens=N, as scripts/test.sh's "limit" suite does);
# skipped otherwise. Every segment keeps within the limit, through batches,
# the merge policy and --merge, the index holds several times the limit in
# all, and its answers do not depend on how it was cut.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C
[ -x "$ING" ] || { echo "no $ING"; exit 77; }
limit=$(sed -n 's/^#define TD_SEG_MAX_TOKENS \([0-9]*\)u$/\1/p' \
	"$top_builddir/config.h")
[ -n "$limit" ] && [ "$limit" -le 5000 ] ||
	{ echo "per-segment limit $limit: configure --with-segment-tokens=2000"; exit 77; }
td_tmp td-seglimit
cd "$tmp" || exit 1
# tokens of every segment a manifest names (the header's ntokens, u32 at 44)
seg_tokens() {
	for s in $(sed -n 's/^seg \([^ ]*\) .*/\1/p' "$1/MANIFEST"); do
		od -An -tu4 -j44 -N4 "$1/$s" | tr -d ' '
	done
}
within() { # index: every segment within the limit, the total past it
	total=0 k=0
	for t in $(seg_tokens "$1"); do
		[ "$t" -le "$limit" ] || fail "$1: a segment of $t tokens (limit $limit)"
		total=$((total + t)) k=$((k + 1))
	done
	[ "$total" -gt $((2 * limit)) ] || fail "$1: $total tokens, not past the limit"
	"$ING" -x "$1" --check 2>err || fail "$1: check: $(cat err)"
	echo "$1: $k segments, $total tokens"
}
answers() {
	for q in '"the"' '[pos="NN.*"] "of"' '<q/>' '[lemma="say"]' '[]'; do
		"$QRY" -x "$1" --count "$q"
		"$QRY" -x "$1" --format tsv --limit 50 "$q"
	done 2>&1
}
mkdir arts
i=0
while [ $i -lt 3 ]; do for f in "$srcdir"/corpus/articles/*.txt; do
	b=${f##*/}; cp "$f" "arts/$i-$b"; done; i=$((i + 1)); done
# one batch: segments written as they fill
"$ING" -q -x one arts || fail "ingest"
within one
# a file a commit: the merge policy merges neighbours, never past the limit
for f in arts/*.txt; do "$ING" -q -x many "$f" || fail "ingest $f"; done
within many
"$ING" -q -x many --merge || fail "--merge"
within many
answers one > a1
answers many > a2
cmp -s a1 a2 ||
	fail "answers differ: $(diff a1 a2 | head -5)"
[ "$(sed -n 1p a1)" -gt 0 ] || fail "no hits"
# a document alone past the limit is refused, naming it; the rest goes in
big=$(awk -v n="$limit" 'BEGIN { for (i = 0; i <= n; i++) printf "word%d ", i % 7; print "" }')
echo "$big" > arts/huge.txt
"$ING" -x one arts 2>err
[ $? = 3 ] || fail "a document past the limit: exit not 3: $(cat err)"
grep -q "huge" err || fail "not named: $(cat err)"
[ $fails = 0 ] || exit 1
echo ok
