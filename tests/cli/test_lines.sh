#!/bin/sh
# test_lines.sh: a concordance line is its own hit's, in any order of hits.
# Lines keep what they read of a document (metadata, the text that is not
# the article, the sentence) for the next hit of the same document; sorted
# hits jump between documents, and two indexes (-x A -x B) hold documents
# of the same number. The lines of a sorted query, and of the unsorted one,
# must be, as a set, those of the queries asking one document at a time
# (--doc), where no other document comes between: every format and
# context, several keys. Within a document, each line's sentence id must
# be that of the <s> over its hit's first token as the hit's spans (JSON)
# list it.
. "$(dirname "$0")/lib.sh"
td_tmp tq-lines

# two indexes: the first article alone, then the others and the TEI of
# milestones (pages, for --show): hits in document order go from document
# 0 of A to document 0 of B
mkdir "$tmp/a" "$tmp/b"
cp "$top_srcdir"/corpus/articles/*.txt "$tmp/b/"
f=$(ls "$tmp"/b/*.txt | head -1)
mv "$f" "$tmp/a/"
cp "$top_srcdir"/tests/data/milestones/*.xml "$tmp/b/"
$ING -q -x "$tmp/A" "$tmp/a" && $ING -q -x "$tmp/B" "$tmp/b" ||
	{ echo "FAIL: ingest"; exit 1; }
X="-x $tmp/A -x $tmp/B"
$Q $X --docs --format tsv | tail -n +2 | cut -f1 >"$tmp/docs"
[ "$(wc -l <"$tmp/docs")" -ge 16 ] || { echo "FAIL: documents"; exit 1; }

# lines QUERY ARGS...: the lines, sorted, of the query with ARGS in every
# document of $tmp/docs asked alone (no header)
lines() {
	q=$1
	shift
	while read -r d; do
		$Q $X --doc "$d" "$@" "$q" | grep -v '^doc[,	]s[,	]start'
	done <"$tmp/docs" | LC_ALL=C sort
}
k=0
check() { # QUERY ARGS...: sorted and unsorted against one document at a time
	q=$1
	shift
	k=$((k + 1))
	lines "$q" "$@" >"$tmp/want.$k"
	[ -s "$tmp/want.$k" ] || fail "$* $q: no lines"
	for s in "" left -match,right doc,-left2 q@who; do
		$Q $X "$@" ${s:+--sort "$s"} "$q" | grep -v '^doc[,	]s[,	]start' |
			LC_ALL=C sort >"$tmp/got"
		cmp -s "$tmp/want.$k" "$tmp/got" ||
			{ fail "$* --sort '$s' $q: lines not their hits'"; diff "$tmp/want.$k" "$tmp/got" | head -4; }
	done
}
check '"the"' --format json --tokens --context 4
check '"said"|"will"' --format tsv --context s --show q@who,pb@n
check '"said"|"will"' --format json --context 2s,p --pullquotes
check '[]' --format csv --context 0
check '"the" []{0,2} "of"' --format tsv --context 1,s --show s@xml:id

for s in "" left -right,match; do
	$Q $X --format json ${s:+--sort "$s"} '"the"|"said"|"will"'
done | python3 -c '
import json, sys
bad = n = 0
for l in sys.stdin:
    h = json.loads(l)
    n += 1
    ids = [x["attrs"].get("xml:id") for x in h["spans"] if x["name"] == "s"
           and x["start"] <= h["start"] < x["end"]]
    if h.get("s") != (ids[0] if ids else None):
        bad += 1
        if bad < 4:
            print("FAIL: sentence", h.get("s"), "of a hit in", ids)
sys.exit(1 if bad or n < 300 else 0)
' || fail "sentence ids not their hits'"
exit $((fails > 0))
