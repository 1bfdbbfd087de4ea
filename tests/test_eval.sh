#!/bin/sh
# test_eval.sh: annotation quality against the hand-made gold set
# (tests/data/gold/*.json). Each gold file's source article is run through
# tagdex-ingest; tagdex-eval --check fails when the micro-average over the
# set falls below the thresholds of issue 3. Also checks tagdex-eval itself
# on a gold file against a TEI file that must score perfectly / badly.
set -u
srcdir=${TD_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
top_srcdir=$(cd "$srcdir" 2>/dev/null && pwd)
[ -d "$top_srcdir/tests/data/gold" ] || top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
build=$(pwd)
eval_prog=$build/indexer/tagdex-eval
ingest=$build/indexer/tagdex-ingest
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM

[ -x "$eval_prog" ] || { echo "no $eval_prog"; exit 99; }

# 1. the evaluator: a perfect TEI for a tiny gold scores 1, an empty one fails
cat > "$tmp/g.json" <<'JSON'
{"source": "x.txt", "sentences": ["Kim said ‘no’.", "It will rain."],
 "actors": [{"s": 0, "text": "Kim", "key": "kim-jong-un", "type": "persName"}],
 "quotes": [{"s": 0, "text": "no", "who": "kim-jong-un"}], "said": [],
 "hedges": [], "labels": [{"s": 1, "ana": ["prediction", "claim"]}]}
JSON
cat > "$tmp/good.xml" <<'XML'
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p><s xml:id="a-s0"><persName ref="#kim-jong-un">Kim</persName> said ‘<q who="#kim-jong-un">no</q>’.</s> <s xml:id="a-s1" ana="#prediction #claim">It will rain.</s></p></body></text></TEI>
XML
cat > "$tmp/bad.xml" <<'XML'
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p><s>Kim said ‘no’.</s> <s>It will rain.</s></p></body></text></TEI>
XML
"$eval_prog" --check "$tmp/g.json" "$tmp/good.xml" > "$tmp/out" || { cat "$tmp/out"; echo "FAIL: perfect TEI rejected"; exit 1; }
if "$eval_prog" --check "$tmp/g.json" "$tmp/bad.xml" > /dev/null 2>&1; then
	echo "FAIL: --check accepted an unannotated TEI"; exit 1
fi
"$eval_prog" --format tsv "$tmp/g.json" "$tmp/good.xml" | grep -q "^$tmp/good.xml	actors	1	1	1	1.0000" ||
	{ echo "FAIL: tsv output"; exit 1; }

# 2. the annotator on the gold set
if [ ! -x "$ingest" ]; then
	echo "SKIP: $ingest not built yet (quality thresholds not checked)"
	exit 77
fi
args=
for g in "$top_srcdir"/tests/data/gold/*.json; do
	src=$(sed -n 's/.*"source"[ ]*:[ ]*"\([^"]*\)".*/\1/p' "$g" | head -n 1)
	[ -n "$src" ] || { echo "FAIL: $g has no source"; exit 1; }
	TAGDEX_LEXICONS="$top_srcdir/corpus/lexicons" "$ingest" -q -o "$tmp" \
		"$top_srcdir/corpus/articles/$src" || { echo "FAIL: ingest $src"; exit 1; }
	args="$args $g $tmp/${src%.txt}.xml"
done
# shellcheck disable=SC2086
"$eval_prog" --check $args
