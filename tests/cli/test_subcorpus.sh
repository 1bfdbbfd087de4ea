#!/bin/sh
# test_subcorpus.sh: --save, --save-docs, --in, --subcorpora, --drop (issue
# 15, CQP's named queries and subcorpora). Counts under --in equal the
# same question asked without it: over saved documents, the sum of --doc
# per document; over saved spans, "X within <q/>" for one-token X (and the
# per-million base of --freq shrinks to the saved tokens). A saved result
# is refused once the index changed (its generation), the file is written
# whole (no .tmp left), and the segments and MANIFEST are untouched.
. "$(dirname "$0")/lib.sh"
td_tmp tq-sub

cp -r "$top_srcdir/corpus/articles" "$tmp/src"
$ING -q -x "$tmp/idx" "$tmp/src" || { echo "ingest failed"; exit 1; }
X="-x $tmp/idx"
count() { $Q $X --count "$@" 2>/dev/null; }
cksum "$tmp/idx/MANIFEST" "$tmp"/idx/seg-* >"$tmp/sum.before"

# --- the documents of a query: --in equals the sum over those documents
expect 0 $Q $X --save-docs HEDGED '"likely"%c'
n=$(cat "$tmp/out")
[ "$n" = "$(count '"likely"%c')" ] || fail "--save-docs printed $n"
has "saved the documents of $n hits" "$tmp/err"
[ -f "$tmp/idx/subcorpora/HEDGED" ] || fail "no subcorpora/HEDGED"
ls "$tmp/idx/subcorpora" | grep -q tmp && fail "a .tmp file left"
$Q $X --freq doc --format tsv '"likely"%c' |
	awk -F'\t' 'NR > 1 {print $3}' >"$tmp/docs"
ndocs=$(wc -l <"$tmp/docs")
[ "$ndocs" -gt 1 ] || fail "hedged documents: $ndocs"
[ "$ndocs" -lt "$($Q $X --info --format tsv | awk -F'\t' '$1 == "documents" {print $4}')" ] ||
	fail "every document is hedged: no restriction tested"
for q in '"the"' '[pos="MD"] [pos="VB"]' '<q/>' '"will" []{0,3} "likely"%c'; do
	sum=0
	while read -r d; do
		sum=$((sum + $(count --doc "$d" "$q")))
	done <"$tmp/docs"
	[ "$(count --in HEDGED "$q")" = "$sum" ] || fail "--in HEDGED $q: $(count --in HEDGED "$q") != $sum"
done
# tokens searched: --freq's group size is the saved documents' tokens
tokens=0
while read -r d; do
	tokens=$((tokens + $($Q $X --freq doc --format tsv --doc "$d" '[]' | awk -F'\t' 'NR == 2 {print $4}')))
done <"$tmp/docs"
[ "$($Q $X --in HEDGED --freq match --format tsv '[]' | awk -F'\t' '{s += $1} END {print s}')" = "$tokens" ] ||
	fail "--in HEDGED: tokens searched"

# --- spans: one-token queries inside the saved quotes
expect 0 $Q $X --save QUOTES '<q/>'
for q in '"the"' '[pos="NN.*"]' '"likely"%c'; do
	[ "$(count --in QUOTES "$q")" = "$(count "$q within <q/>")" ] ||
		fail "--in QUOTES $q: $(count --in QUOTES "$q") != $(count "$q within <q/>")"
done
# a hit must lie inside the saved spans: nothing of a sentence around them
[ "$(count --in QUOTES '<s/>')" -lt "$(count '<s/>')" ] || fail "--in QUOTES '<s/>'"
[ "$(count --in QUOTES '<s/> within <q/>')" = "$(count --in QUOTES '<s/>')" ] ||
	fail "a sentence under --in QUOTES is not inside a quote"
# a subset of a subset (CQP: B = subset of A)
expect 0 $Q $X --in HEDGED --save QH '<q/>'
[ "$(count --in QH '"the"')" -le "$(count --in QUOTES '"the"')" ] || fail "QH not inside QUOTES"

# --- the listing and its columns
expect 0 $Q $X --subcorpora
[ "$(head -1 "$tmp/out")" = "name	kind	records	generation	state	query" ] || fail "--subcorpora header"
has "HEDGED	docs	$ndocs	" "$tmp/out"
has "QUOTES	spans	" "$tmp/out"
grep -q "current	<q/>" "$tmp/out" || fail "query or state missing: $(cat "$tmp/out")"
$Q $X --subcorpora --format json | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert [r["name"] for r in rows] == ["HEDGED", "QH", "QUOTES"], rows
assert rows[0]["kind"] == "docs" and rows[0]["state"] == "current"' || fail "--subcorpora json"

# --- errors: no such name, a bad name, several indexes, with --count
expect 2 $Q $X --in NOSUCH '"the"'
has "holds no subcorpus 'NOSUCH'" "$tmp/err"
expect 2 $Q $X --save '../x' '"the"'
expect 2 $Q $X --save A --count '"the"'
expect 2 $Q $X -x "$tmp/idx" --in HEDGED '"the"'
# the segments and the manifest are untouched
cksum "$tmp/idx/MANIFEST" "$tmp"/idx/seg-* >"$tmp/sum.after"
cmp -s "$tmp/sum.before" "$tmp/sum.after" || fail "saving changed the index files"

# --- a damaged file is refused (exit 4), never read as other spans: one
# digit of a record changed (a span a token shorter was taken as saved),
# and the checksum of the end line; a file saved before the checksum
# (end N alone) is still read
S=$tmp/idx/subcorpora/QUOTES
cp "$S" "$tmp/quotes.good"
good=$(count --in QUOTES '"the"')
awk -F'\t' 'BEGIN {OFS = "\t"} NF == 4 && !done {$4 = $4 - 1; done = 1} {print}' \
	"$tmp/quotes.good" >"$S"
cmp -s "$S" "$tmp/quotes.good" && fail "damage: the record was not changed"
expect 4 $Q $X --in QUOTES --count '"the"'
has "QUOTES: cut short or damaged" "$tmp/err"
sed 's/^end \([0-9]*\) .*/end \1 0000000000000000/' "$tmp/quotes.good" >"$S"
cmp -s "$S" "$tmp/quotes.good" && fail "damage: the checksum was not changed"
expect 4 $Q $X --in QUOTES --count '"the"'
sed 's/^end \([0-9]*\) /end \1!/' "$tmp/quotes.good" >"$S"
expect 4 $Q $X --in QUOTES --count '"the"'
sed 's/^end \([0-9]*\) .*/end \1/' "$tmp/quotes.good" >"$S"
[ "$(count --in QUOTES '"the"')" = "$good" ] || fail "a file without checksum"
cp "$tmp/quotes.good" "$S"

# --- the statistics modes take --in (it was "option '--in' is ambiguous"):
# over one saved document, what --doc gives; over saved spans, n-gram
# counts are the hits of the n-gram under --in and the base its tokens
goma=doc-2023-05-16-drc-m23-goma-regional-force
expect 0 $Q $X --save-docs GOMA '"watches"'
expect 0 $Q $X --collocates --in GOMA '"force"'
cp "$tmp/out" "$tmp/coll.in"
expect 0 $Q $X --collocates --doc $goma '"force"'
cmp -s "$tmp/out" "$tmp/coll.in" || fail "--collocates --in GOMA is not --doc $goma"
expect 0 $Q $X --keywords --in GOMA --focus '<q/>'
cp "$tmp/out" "$tmp/kw.in"
expect 0 $Q $X --keywords --doc $goma --focus '<q/>'
cmp -s "$tmp/out" "$tmp/kw.in" || fail "--keywords --in GOMA is not --doc $goma"
expect 0 $Q $X --save QUOTES2 '<q/>'
expect 0 $Q $X --ngrams 2 --in QUOTES2 --format tsv
base=$(count --in QUOTES2 '[]')
awk -F'\t' 'NR > 1 && NR < 6 {print $1 "\t" $2 "\t" $3}' "$tmp/out" >"$tmp/ng"
[ -s "$tmp/ng" ] || fail "--ngrams --in QUOTES2: no rows"
while IFS='	' read -r g c pm; do
	a=${g% *} b=${g#* }
	q=$(printf '"%s" "%s"' "$(printf '%s' "$a" | sed 's/[.?*+()|\\[]/\\&/g')" \
		"$(printf '%s' "$b" | sed 's/[.?*+()|\\[]/\\&/g')")
	[ "$(count --in QUOTES2 "$q")" = "$c" ] || fail "--ngrams --in: $g counts $c"
	awk -v c="$c" -v b="$base" -v pm="$pm" 'BEGIN {
		d = c * 1000000 / b - pm; exit !(d < 0.01 && d > -0.01) }' ||
		fail "--ngrams --in: $g per million $pm, base $base"
done <"$tmp/ng"
expect 2 $Q $X --ngrams 2 --in NOSUCH
has "no subcorpus 'NOSUCH'" "$tmp/err"
expect 2 $Q $X -x "$tmp/idx" --collocates --in GOMA '"force"'
has "--in: one index only" "$tmp/err"
expect 0 $Q $X --drop QUOTES2

# --- the index changes: the saved result is refused, then saved again
$ING -q -x "$tmp/idx" "$tmp/src" || fail "ingest again"    # unchanged: same generation
[ "$(count --in HEDGED '"the"')" -gt 0 ] || fail "an unchanged ingest made HEDGED stale"
f=$(find "$tmp/src" -name '*.txt' | head -1)
printf '\nIt will likely rain in the afternoon.\n' >>"$f"
$ING -q -x "$tmp/idx" "$tmp/src" || fail "ingest a changed file"
expect 2 $Q $X --count --in HEDGED '"the"'
has "subcorpus 'HEDGED' was saved from generation" "$tmp/err"
has "save it again" "$tmp/err"
expect 0 $Q $X --subcorpora
has "HEDGED	docs	$ndocs	" "$tmp/out"
grep "^HEDGED" "$tmp/out" | grep -q "	stale	" || fail "HEDGED not listed stale"
expect 0 $Q $X --save-docs HEDGED '"likely"%c'
expect 0 $Q $X --count --in HEDGED '"the"'

# --- drop
expect 0 $Q $X --drop QUOTES
[ -e "$tmp/idx/subcorpora/QUOTES" ] && fail "QUOTES not dropped"
expect 1 $Q $X --drop QUOTES
has "no subcorpus 'QUOTES'" "$tmp/err"
expect 2 $Q $X --in QUOTES '"the"'
# an index with subcorpora still takes a writer and its checks
$ING -q -x "$tmp/idx" --check || fail "--check with subcorpora"

[ "$fails" -eq 0 ]
