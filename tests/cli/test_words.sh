#!/bin/sh
# test_words.sh: tagdex-ingest --words: every token as <w pos lemma>, valid
# against tei_all, the same text as without --words (remove the <w> tags and
# the files are identical), and TEI input keeps its own <w> tags.
# Exits 77 (skip) only when jing is absent, after everything else ran.
. "$(dirname "$0")/lib.sh"
: "${TD_SHARED:=$(cd "$(dirname "$0")/../../.." && pwd)/shared}"
ingest=$ING
td_tmp words
[ -x "$ingest" ] || { echo "no $ingest"; exit 99; }

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

# the index's pos and lemma layers (tagdex-query(1))
query=$QRY
count() { # INDEX QUERY WANT
	got=$("$query" -x "$1" --count "$2" 2>&1)
	[ "$got" = "$3" ] || fail "$1: $2: $got hits, want $3"
}
printf 'North Korea may launch a new threat. Officials warned that it would test.\n' > "$tmp/c.txt"
"$ingest" -q -x "$tmp/ia" "$tmp/a.txt" "$tmp/c.txt" || fail "index a.txt c.txt"
count "$tmp/ia" '[lemma="mouse"]' 1
count "$tmp/ia" '[lemma="warn"]' 2
count "$tmp/ia" '[lemma="WARN"%c]' 2
count "$tmp/ia" '[pos="VBD"]' 4
count "$tmp/ia" '[pos="MD"] [pos="VB"]' 2
count "$tmp/ia" '[pos="JJ.*"] "threat"' 1
# --no-layers: no pos and lemma stored; a query that reads them is refused
# (exit 2, saying why), never answered "no hits"; word queries work
"$ingest" -q -x "$tmp/nl" --no-layers "$tmp/c.txt" || fail "--no-layers"
count "$tmp/nl" '"warned"' 1
refused() { # INDEX ARGS...: exit 2 with the no-layers message
	ix=$1
	shift
	"$query" -x "$ix" "$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || fail "$ix $*: exit $rc, want 2"
	grep -q "has no lemma and pos layers.*--no-layers" "$tmp/err" ||
		fail "$ix $*: $(cat "$tmp/err")"
	[ ! -s "$tmp/out" ] || fail "$ix $*: printed $(cat "$tmp/out")"
}
refused "$tmp/nl" --count '[pos=""]'
refused "$tmp/nl" --count '[lemma="warn"]'
refused "$tmp/nl" '[word="warned" | pos="VBD"]'
refused "$tmp/nl" --count 'a:[] :: a.lemma="warn"'
refused "$tmp/nl" --freq lemma '"warned"'
refused "$tmp/nl" --freq pos '"warned"'
refused "$tmp/nl" --format json --tokens '"warned"'
refused "$tmp/nl" --collocates --by lemma '"warned"'
"$ingest" -q -x "$tmp/nl" --check > /dev/null || fail "--check of --no-layers"
# the same text with layers: bigger, and answered
"$ingest" -q -x "$tmp/nl0" "$tmp/c.txt" || fail "layers"
count "$tmp/nl0" '[lemma="warn"]' 1
[ "$(du -sb "$tmp/nl" | cut -f1)" -lt "$(du -sb "$tmp/nl0" | cut -f1)" ] ||
	fail "--no-layers index not smaller"
# a document added without the layers to an index with them: its segment
# has none, so the index refuses; a merge keeps them out
cp -r "$tmp/nl0" "$tmp/mix"
"$ingest" -q -x "$tmp/mix" --no-layers "$tmp/a.txt" || fail "mix add"
refused "$tmp/mix" --count '[lemma="warn"]'
"$ingest" -q -x "$tmp/mix" --merge > /dev/null || fail "mix merge"
refused "$tmp/mix" --count '[lemma="warn"]'
count "$tmp/mix" '"warned"' 2
"$ingest" -q -x "$tmp/mix" --check > /dev/null || fail "--check of merged"
count "$tmp/ia" '[lemma="be" & word="were"]' 1
"$query" -x "$tmp/ia" --freq lemma '[pos="MD"]' > "$tmp/f" || fail "--freq lemma"
printf '1\tmay\n1\twould\n' > "$tmp/want"
cut -f1,3 "$tmp/f" | sort -k2 > "$tmp/got"
cmp -s "$tmp/got" "$tmp/want" || fail "--freq lemma: $(cat "$tmp/f")"
"$query" -x "$tmp/ia" --freq pos '[lemma="warn"]' | cut -f1,3 > "$tmp/f"
[ "$(cat "$tmp/f")" = "$(printf '2\tVBD')" ] || fail "--freq pos: $(cat "$tmp/f")"
"$query" -x "$tmp/ia" --format json --tokens '"mice"' > "$tmp/j" || fail "--tokens"
grep -qF '"tokens":[{"word":"mice","norm":"mice","lemma":"mouse","pos":"NNS"}]' "$tmp/j" ||
	fail "--tokens: $(cat "$tmp/j")"
"$query" -x "$tmp/ia" --tokens '"mice"' > /dev/null 2>&1
[ $? -eq 2 ] || fail "--tokens without json: status"
# TEI input: its own <w> tags win (the lemma of a bare pos is made from
# it), tokens outside any <w> are tagged; --words TEI indexes as its text
sed -e 's|<w pos="VBD" lemma="run">ran</w>|<w pos="VBN">ran</w>|' "$tmp/b.xml" > "$tmp/d.xml"
"$ingest" -q -x "$tmp/ib" "$tmp/d.xml" || fail "index TEI with <w>"
count "$tmp/ib" '[pos="XX" & lemma="own"]' 1
count "$tmp/ib" '[lemma="mouse"]' 0
count "$tmp/ib" '[pos="VBN" & lemma="run"]' 1
count "$tmp/ib" '[pos="VBD" & lemma="warn"]' 1
"$ingest" -q -o "$tmp/p" "$tmp/a.txt" || fail "plain TEI"
"$ingest" -q -x "$tmp/ic" "$tmp/p/a.xml" || fail "index plain TEI"
count "$tmp/ic" '[pos="NNS" & lemma="mouse"]' 1
"$ingest" -q -x "$tmp/id" "$tmp/a/a.xml" || fail "index --words TEI"
"$ingest" -q -x "$tmp/ie" "$tmp/a.txt" || fail "index a.txt"
for ix in id ie; do
	"$query" -x "$tmp/$ix" --format json --tokens '[]' |
		sed 's/.*"tokens"//' > "$tmp/$ix.tokens"
done
cmp -s "$tmp/id.tokens" "$tmp/ie.tokens" || fail "--words TEI indexes other tags than its text"
[ -s "$tmp/id.tokens" ] || fail "no tokens"
TAGDEX_POS_MODEL=$tmp/none.model "$ingest" -q -x "$tmp/if" "$tmp/a.txt" 2> "$tmp/err"
[ $? -eq 2 ] || fail "index without a model: status"
grep -q "$tmp/none.model" "$tmp/err" || fail "index without a model: message $(cat "$tmp/err")"

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
	[ "$fails" = 0 ] && exit 77
	exit 1
fi
rng=${TD_TEI_RNG:-$TD_SHARED/schema/tei_all.rng}
[ -f "$rng" ] || { echo "no schema at $rng" >&2; exit 99; }
jing "$rng" "$tmp/words"/*.xml "$tmp/a/a.xml" > "$tmp/jing" 2>&1 ||
	{ fail "jing"; grep -v '^\[warning\]' "$tmp/jing" | head -20; }
[ "$fails" = 0 ] || exit 1
