#!/bin/sh
# test_words.sh: tagdex-ingest --words: every token as <w pos lemma>, valid
# against tei_all, the same text as without --words (remove the <w> tags and
# the files are identical), and TEI input keeps its own <w> tags.
# Exits 77 (skip) only when jing is absent, after everything else ran.
set -u
: "${TD_SHARED:=$(cd "$(dirname "$0")/../../.." && pwd)/shared}"
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
build=$(pwd)
ingest=$build/indexer/tagdex-ingest
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
[ -x "$ingest" ] || { echo "no $ingest"; exit 99; }
status=0
fail() { echo "FAIL: $*"; status=1; }

arts=$srcdir/corpus/articles
"$ingest" -q -o "$tmp/plain" "$arts" || fail "plain ingest"
"$ingest" -q --words -o "$tmp/words" "$arts" || fail "--words ingest"
n=0
for f in "$tmp/plain"/*.xml; do
	b=$(basename "$f")
	n=$((n + 1))
	sed -e 's/<w pos="[^"]*" lemma="[^"]*">//g' -e 's|</w>||g' \
		"$tmp/words/$b" > "$tmp/stripped.xml"
	cmp -s "$f" "$tmp/stripped.xml" || fail "$b: --words changed more than <w>"
	grep -q '<w pos="' "$tmp/words/$b" || fail "$b: no <w>"
done
[ "$n" -ge 3 ] || fail "expected the sample articles, got $n"

# known tags and lemmas in a small text
printf 'Kim warned that the talks were failing.\n\nThe mice ran away.\n' > "$tmp/a.txt"
"$ingest" -q --words -o "$tmp/a" "$tmp/a.txt" || fail "a.txt"
for w in '<w pos="NNP" lemma="Kim">Kim</w>' '<w pos="VBD" lemma="warn">warned</w>' \
	'<w pos="VBD" lemma="be">were</w>' '<w pos="VBG" lemma="fail">failing</w>' \
	'<w pos="NNS" lemma="mouse">mice</w>' '<w pos="VBD" lemma="run">ran</w>' \
	'<w pos="." lemma=".">.</w>'; do
	grep -qF "$w" "$tmp/a/a.xml" || fail "a.xml lacks $w"
done

# TEI input keeps its own <w> (even changed ones) and gets no new ones
sed 's|<w pos="NNS" lemma="mouse">mice</w>|<w pos="XX" lemma="own">mice</w>|' \
	"$tmp/a/a.xml" > "$tmp/b.xml"
"$ingest" -q --words -o "$tmp/b" "$tmp/b.xml" || fail "TEI input"
grep -qF '<w pos="XX" lemma="own">mice</w>' "$tmp/b/b.xml" || fail "own tag lost"
[ "$(grep -o '<w ' "$tmp/b/b.xml" | wc -l)" -eq "$(grep -o '<w ' "$tmp/a/a.xml" | wc -l)" ] ||
	fail "TEI input got <w> added or lost"

# errors
"$ingest" -q --words -x "$tmp/idx" "$tmp/a.txt" 2> "$tmp/err"
[ $? -eq 2 ] || fail "--words with -x: status"
TAGDEX_POS_MODEL=$tmp/none.model "$ingest" -q --words -o "$tmp/c" "$tmp/a.txt" 2> "$tmp/err"
[ $? -eq 2 ] || fail "missing model: status"
grep -q "$tmp/none.model" "$tmp/err" || fail "missing model: message $(cat "$tmp/err")"
printf 'TDPOSMDL' > "$tmp/short.model"
TAGDEX_POS_MODEL=$tmp/short.model "$ingest" -q --words -o "$tmp/c" "$tmp/a.txt" 2> "$tmp/err"
[ $? -eq 2 ] || fail "bad model: status"

if ! command -v jing >/dev/null 2>&1; then
	echo "jing not found: skipping TEI validation" >&2
	[ $status -eq 0 ] && exit 77
	exit $status
fi
rng=${TD_TEI_RNG:-$TD_SHARED/schema/tei_all.rng}
[ -f "$rng" ] || { echo "no schema at $rng" >&2; exit 99; }
jing "$rng" "$tmp/words"/*.xml "$tmp/a/a.xml" > "$tmp/jing" 2>&1 ||
	{ fail "jing"; grep -v '^\[warning\]' "$tmp/jing" | head -20; }
exit $status
