#!/bin/sh
# test_eval.sh: annotation quality against the hand-made gold set
# (tests/data/gold/*.json). Each gold file's source article is run through
# tagdex-ingest; tagdex-eval --check fails when the micro-average over the
# set falls below the thresholds of issue 3. Also checks tagdex-eval itself
# on a gold file against a TEI file that must score perfectly / badly.
. "$(dirname "$0")/lib.sh"
# TD_SRCDIR: the gold files and articles of another source tree
if [ -n "${TD_SRCDIR:-}" ] && [ -d "$TD_SRCDIR/tests/data/gold" ]; then
	top_srcdir=$(cd "$TD_SRCDIR" && pwd)
fi
eval_prog=$top_builddir/indexer/tagdex-eval
ingest=$ING
td_tmp eval

[ -x "$eval_prog" ] || { echo "no $eval_prog"; exit 99; }

# 1. the evaluator on known answers: one gold file, TEI files that differ
# from it in one way each, and the exact counts and scores worked out by
# hand (category gold system correct P R F1).
cat > "$tmp/g.json" <<'JSON'
{"source": "x.txt",
 "sentences": ["Kim said ‘no’ and Putin agreed.", "It will probably rain this year.",
               "Kim insisted that talks would fail."],
 "actors": [{"s": 0, "text": "Kim", "key": "kim-jong-un", "type": "persName"},
            {"s": 0, "text": "Putin", "key": "vladimir-putin", "type": "persName"},
            {"s": 2, "text": "Kim", "key": "kim-jong-un", "type": "persName"}],
 "quotes": [{"s": 0, "text": "no", "who": "kim-jong-un"}],
 "said": [{"s": 2, "text": "talks would fail", "who": "kim-jong-un"}],
 "hedges": [{"s": 1, "text": "probably", "subtype": "probability"}],
 "dates": [{"s": 1, "text": "this year", "notBefore": "2024-01-19", "notAfter": "2024-12-31"}],
 "labels": [{"s": 1, "ana": ["prediction", "hedged"]}, {"s": 2, "ana": ["claim"]}]}
JSON
K='<persName ref="#kim-jong-un">Kim</persName>'
P='<persName ref="#vladimir-putin">Putin</persName>'
S0="<s>$K said ‘<q who=\"#kim-jong-un\">no</q>’ and $P agreed.</s>"
S1='<s ana="#prediction #hedged">It will <seg type="hedge" subtype="probability">probably</seg> rain <date notBefore="2024-01-19" notAfter="2024-12-31">this year</date>.</s>'
S2="<s ana=\"#claim\">$K insisted that <said direct=\"false\" who=\"#kim-jong-un\">talks would fail</said>.</s>"
tei() { # NAME BODY: writes $tmp/NAME.xml
	printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>%s</p></body></text></TEI>\n' "$2" >"$tmp/$1.xml"
}
# score NAME "category gold sys ok P R F1"...: the TSV rows must be these
score() {
	name=$1; shift
	"$eval_prog" --format tsv "$tmp/g.json" "$tmp/$name.xml" >"$tmp/out" 2>"$tmp/err" ||
		{ echo "FAIL: $name: exit $?: $(cat "$tmp/err")"; exit 1; }
	for row in "$@"; do
		want=$(echo "$row" | awk -v f="$tmp/$name.xml" 'BEGIN{OFS="\t"} {$1=$1; print f, $0}')
		grep -qxF "$want" "$tmp/out" || { echo "FAIL: $name: no row '$row'"; cat "$tmp/out"; exit 1; }
	done
	# "overall" pools the items of six categories (tagdex-eval(1)): its
	# counts are their sums and its F1 follows from them, worked out here
	# apart from the program
	awk -F'\t' '
		$2 ~ /^(actors|attribution|said|hedges|predictions|claims)$/ { g += $3; s += $4; o += $5 }
		$2 == "overall" { G = $3; S = $4; O = $5; F = $8; n++ }
		END {
			p = s ? o / s : (g ? 0 : 1); r = g ? o / g : (s ? 0 : 1)
			f = p + r ? 2 * p * r / (p + r) : 0
			if (n != 1 || g != G || s != S || o != O || sprintf("%.4f", f) != F) {
				printf "overall %s %s %s %s, want %d %d %d %.4f\n", G, S, O, F, g, s, o, f; exit 1
			}
		}' "$tmp/out" || { echo "FAIL: $name: overall row"; cat "$tmp/out"; exit 1; }
}
ALL1="1.0000 1.0000 1.0000"
tei perfect "$S0 $S1 $S2"
score perfect "sentences 3 3 3 $ALL1" "actors 3 3 3 $ALL1" "quotes 1 1 1 $ALL1" \
	"attribution 1 1 1 $ALL1" "said 1 1 1 $ALL1" "said-attribution 1 1 1 $ALL1" \
	"hedges 1 1 1 $ALL1" "hedged-predictions 1 1 1 $ALL1" "predictions 1 1 1 $ALL1" \
	"claims 1 1 1 $ALL1" "dates 1 1 1 $ALL1" "overall 8 8 8 $ALL1"
"$eval_prog" --check "$tmp/g.json" "$tmp/perfect.xml" >/dev/null ||
	{ echo "FAIL: --check rejected a perfect TEI"; exit 1; }
# Kim tagged as Putin in the first sentence: the key counts
tei wrongkey "$(echo "$S0" | sed 's/#kim-jong-un">Kim/#vladimir-putin">Kim/') $S1 $S2"
score wrongkey "actors 3 3 2 0.6667 0.6667 0.6667" "quotes 1 1 1 $ALL1"
# the right key on the wrong kind of element
tei wrongkind "$(echo "$S0" | sed 's|<persName ref="#kim-jong-un">Kim</persName>|<orgName type="state" ref="#kim-jong-un">Kim</orgName>|') $S1 $S2"
score wrongkind "actors 3 3 2 0.6667 0.6667 0.6667"
# a quote with the wrong speaker, and one with none
tei wrongwho "$(echo "$S0" | sed 's/q who="#kim-jong-un"/q who="#vladimir-putin"/') $S1 $S2"
score wrongwho "quotes 1 1 1 $ALL1" "attribution 1 1 0 0.0000 0.0000 0.0000"
tei nowho "$(echo "$S0" | sed 's/q who="#kim-jong-un"/q/') $S1 $S2"
score nowho "quotes 1 1 1 $ALL1" "attribution 1 0 0 0.0000 0.0000 0.0000"
# said with the wrong speaker
tei saidwho "$S0 $S1 $(echo "$S2" | sed 's/said direct="false" who="#kim-jong-un"/said direct="false" who="#china"/')"
score saidwho "said 1 1 1 $ALL1" "said-attribution 1 1 0 0.0000 0.0000 0.0000"
# a mention tagged twice (nested) counts twice
tei duplicate "$(echo "$S0" | sed "s|$P|<persName ref=\"#vladimir-putin\">$P</persName>|") $S1 $S2"
score duplicate "actors 3 4 3 0.7500 1.0000 0.8571"
# a sentence split in two: the sentence and everything in it is missed
tei split "$(echo "$S0" | sed 's|’ and |’</s> <s>and |') $S1 $S2"
score split "sentences 3 4 2 0.5000 0.6667 0.5714" "actors 3 3 1 0.3333 0.3333 0.3333" \
	"quotes 1 1 0 0.0000 0.0000 0.0000" "hedges 1 1 1 $ALL1"
# an extra hedge; the right hedge with the wrong subtype; a wrong date
tei extra "$S0 $S1 $(echo "$S2" | sed 's|talks would fail|talks <seg type="hedge" subtype="possibility">would</seg> fail|')"
score extra "hedges 1 2 1 0.5000 1.0000 0.6667" "said 1 1 1 $ALL1"
tei subtype "$S0 $(echo "$S1" | sed 's/subtype="probability"/subtype="possibility"/') $S2"
score subtype "hedges 1 1 0 0.0000 0.0000 0.0000" "hedged-predictions 1 1 1 $ALL1"
tei date "$S0 $(echo "$S1" | sed 's/notAfter="2024-12-31"/notAfter="2025-12-31"/') $S2"
score date "dates 1 1 0 0.0000 0.0000 0.0000"
# labels: a missing claim, an extra prediction
tei labels "$S0 $(echo "$S1" | sed 's/ana="#prediction #hedged"/ana="#hedged"/') $(echo "$S2" | sed 's/#claim/#claim #prediction/')"
score labels "predictions 1 1 0 0.0000 0.0000 0.0000" "hedged-predictions 1 0 0 0.0000 0.0000 0.0000" \
	"claims 1 1 1 $ALL1"
# an unannotated TEI scores 0 and fails --check
tei bare "<s>Kim said ‘no’ and Putin agreed.</s> <s>It will probably rain this year.</s> <s>Kim insisted that talks would fail.</s>"
score bare "sentences 3 3 3 $ALL1" "actors 3 0 0 0.0000 0.0000 0.0000"
if "$eval_prog" --check "$tmp/g.json" "$tmp/bare.xml" >/dev/null 2>&1; then
	echo "FAIL: --check accepted an unannotated TEI"; exit 1
fi
# micro-average over two files: counts add up
"$eval_prog" --format tsv "$tmp/g.json" "$tmp/perfect.xml" "$tmp/g.json" "$tmp/wrongkey.xml" >"$tmp/out"
grep -qxF "ALL (micro-average)	actors	6	6	5	0.8333	0.8333	0.8333" "$tmp/out" ||
	{ echo "FAIL: micro-average"; cat "$tmp/out"; exit 1; }

# a gold item that cannot be placed, or lacks what the profile needs, is an
# error (exit 3) naming the file and item, never a warning
bad_gold() { # WHAT JQ-LIKE-SED MESSAGE
	sed "$2" "$tmp/g.json" >"$tmp/bad.json"
	cmp -s "$tmp/bad.json" "$tmp/g.json" && { echo "FAIL: bad gold '$1' unchanged"; exit 1; }
	"$eval_prog" "$tmp/bad.json" "$tmp/perfect.xml" >/dev/null 2>"$tmp/err"
	st=$?
	[ "$st" = 3 ] || { echo "FAIL: bad gold '$1': exit $st"; exit 1; }
	grep -qF "$tmp/bad.json: $3" "$tmp/err" || { echo "FAIL: bad gold '$1': $(cat "$tmp/err")"; exit 1; }
}
bad_gold "s out of range" 's/{"s": 2, "text": "Kim"/{"s": 3, "text": "Kim"/' 'actors[2]: "s" is not a sentence index'
bad_gold "text elsewhere" 's/{"s": 0, "text": "Putin"/{"s": 1, "text": "Putin"/' 'actors[1]: "text" is not in sentence "s"'
bad_gold "no key" 's/, "key": "vladimir-putin"//' 'actors[1]: no "key"'
bad_gold "bad kind" 's/"key": "vladimir-putin", "type": "persName"/"key": "vladimir-putin", "type": "person"/' 'actors[1]: "type" is not an actor kind'
bad_gold "no who" 's/"text": "no", "who": "kim-jong-un"/"text": "no"/' 'quotes[0]: "who" is neither a key nor null'
bad_gold "bad subtype" 's/"subtype": "probability"/"subtype": "likely"/' 'hedges[0]: "subtype" is not a hedge subtype'
bad_gold "date value" 's/"notBefore": "2024-01-19", "notAfter": "2024-12-31"/"value": "2024"/' 'dates[0]: no "when", "notBefore" or "notAfter"'
bad_gold "label s" 's/{"s": 2, "ana"/{"s": 9, "ana"/' 'labels[1]: "s" is not a sentence index'
bad_gold "label value" 's/"ana": \["claim"\]/"ana": ["clam"]/' 'labels[1].ana[0]: not prediction, hedged or claim'

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
status=$?

# 3. real text (issue 13): each set under tests/data with articles/, gold/
# and a THRESHOLDS file (CATEGORY<TAB>minimum F1: the micro-average measured
# when the set was wired in, less 0.02) must keep its thresholds. Every
# category that tagdex-eval holds to a default threshold is listed there.
for set in "$top_srcdir"/tests/data/*/THRESHOLDS; do
	[ -f "$set" ] || continue
	dir=$(dirname "$set")
	name=$(basename "$dir")
	# TD_EVAL_SKIP: set names not to run (the blind rounds, for whoever
	# writes rules: a score block is already a look at a blind set)
	case " ${TD_EVAL_SKIP:-} " in *" $name "*)
		echo "real text: $name skipped (TD_EVAL_SKIP)"
		continue ;;
	esac
	mins=
	while IFS='	' read -r cat min; do
		case $cat in '#'* | '') continue ;; esac
		mins="$mins --min $cat=$min"
	done <"$set"
	[ -n "$mins" ] || { echo "FAIL: $set lists no thresholds"; exit 1; }
	# the gold itself first: it matches its articles and the format
	if command -v python3 >/dev/null; then
		python3 "$top_srcdir/tests/data/check_gold.py" "$dir" >"$tmp/gold-check" ||
			{ echo "FAIL: $name: check_gold.py:"; grep -v '^ok ' "$tmp/gold-check"; status=1; }
	fi
	out=$tmp/$name
	mkdir -p "$out"
	TAGDEX_LEXICONS="$top_srcdir/corpus/lexicons" "$ingest" -q -o "$out" \
		"$dir/articles" || { echo "FAIL: ingest $dir/articles"; exit 1; }
	args=
	for g in "$dir"/gold/*.json; do
		src=$(sed -n 's/.*"source"[ ]*:[ ]*"\([^"]*\)".*/\1/p' "$g" | head -n 1)
		[ -f "$out/${src%.txt}.xml" ] || { echo "FAIL: $g: no TEI for $src"; exit 1; }
		args="$args $g $out/${src%.txt}.xml"
	done
	echo "real text: $name"
	# shellcheck disable=SC2086
	"$eval_prog" $mins $args >"$out.scores"
	st=$?
	tail -n 12 "$out.scores"
	[ "$st" = 0 ] || { echo "FAIL: $name below its THRESHOLDS (exit $st)"; status=1; }
done
exit $status
