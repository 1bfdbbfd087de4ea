#!/bin/sh
# test_eval_kinds.sh: tagdex-eval --by-kind, the actors category split by
# kind (element and @type). A small gold and TEI whose per-kind counts are
# worked out twice: by hand below, and counted apart from the program
# (grep over the gold's "type" members and the TEI's elements; awk sums);
# the split rows must add up to the actors row.
. "$(dirname "$0")/lib.sh"
eval_prog=$top_builddir/indexer/tagdex-eval
td_tmp evalkinds
[ -x "$eval_prog" ] || { echo "no $eval_prog"; exit 99; }

cat >"$tmp/g.json" <<'JSON'
{"source": "x.txt",
 "sentences": ["Kim told Moscow that Pyongyang would wait.",
               "The UN and Chinese officials met in Beijing.",
               "North Korea said no."],
 "actors": [{"s": 0, "text": "Kim", "key": "kim-jong-un", "type": "persName"},
            {"s": 0, "text": "Moscow", "key": "russia", "type": "rs:state"},
            {"s": 0, "text": "Pyongyang", "key": "north-korea", "type": "rs:state"},
            {"s": 1, "text": "UN", "key": "un", "type": "orgName"},
            {"s": 1, "text": "Chinese officials", "key": "chinese-officials", "type": "rs:group"},
            {"s": 1, "text": "Beijing", "key": "china", "type": "placeName"},
            {"s": 2, "text": "North Korea", "key": "north-korea", "type": "orgName:state"}]}
JSON
# right: Kim, Pyongyang, UN, North Korea; Moscow with another key; the
# group missed; Beijing as rs:state (another kind); one extra person
S0='<s><persName ref="#kim-jong-un">Kim</persName> told <rs type="state" ref="#soviet-union">Moscow</rs> that <rs type="state" ref="#north-korea">Pyongyang</rs> would wait.</s>'
S1='<s>The <orgName ref="#un">UN</orgName> and Chinese officials met in <rs type="state" ref="#china">Beijing</rs>.</s>'
S2='<s><orgName type="state" ref="#north-korea">North Korea</orgName> said <persName ref="#no">no</persName>.</s>'
printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>%s %s %s</p></body></text></TEI>\n' \
	"$S0" "$S1" "$S2" >"$tmp/t.xml"

"$eval_prog" --by-kind --format tsv "$tmp/g.json" "$tmp/t.xml" >"$tmp/out" 2>"$tmp/err" ||
	{ echo "FAIL: exit $?: $(cat "$tmp/err")"; exit 1; }
# by hand: category gold system correct P R F1
for row in "actors 7 7 4 0.5714 0.5714 0.5714" \
	"actors:persName 1 2 1 0.5000 1.0000 0.6667" \
	"actors:orgName 1 1 1 1.0000 1.0000 1.0000" \
	"actors:orgName:state 1 1 1 1.0000 1.0000 1.0000" \
	"actors:rs 0 0 0 1.0000 1.0000 1.0000" \
	"actors:rs:state 2 3 1 0.3333 0.5000 0.4000" \
	"actors:rs:group 1 0 0 0.0000 0.0000 0.0000" \
	"actors:placeName 1 0 0 0.0000 0.0000 0.0000" \
	"actors:other 0 0 0 1.0000 1.0000 1.0000"; do
	want=$(echo "$row" | awk -v f="$tmp/t.xml" 'BEGIN{OFS="\t"} {$1=$1; print f, $0}')
	grep -qxF "$want" "$tmp/out" || fail "no row '$row'"
done
# apart from the program: gold items of each kind by their "type", system
# items by element name and @type
for kind in persName orgName orgName:state rs:state rs:group placeName; do
	g=$(grep -o "\"type\": \"$kind\"" "$tmp/g.json" | wc -l)
	el=${kind%%:*}
	case $kind in
	*:*) s=$(grep -o "<$el type=\"${kind#*:}\" ref=" "$tmp/t.xml" | wc -l) ;;
	*) s=$(grep -o "<$el ref=" "$tmp/t.xml" | wc -l) ;;
	esac
	got=$(awk -F'\t' -v k="actors:$kind" '$2 == k { print $3, $4 }' "$tmp/out")
	[ "$got" = "$g $s" ] || fail "$kind: gold, system $got; counted $g $s"
done
# the kinds add up to the actors row
awk -F'\t' '
	$2 ~ /^actors:/ { g += $3; s += $4; o += $5 }
	$2 == "actors" { G = $3; S = $4; O = $5 }
	END { if (g != G || s != S || o != O) { print "sums " g, s, o " want " G, S, O; exit 1 } }' \
	"$tmp/out" || fail "the kinds do not add up to actors"
# two files: the ALL row sums the kinds of both
"$eval_prog" --by-kind --format tsv "$tmp/g.json" "$tmp/t.xml" "$tmp/g.json" "$tmp/t.xml" >"$tmp/out2" ||
	fail "two files: exit $?"
grep -qxF "$(printf 'ALL (micro-average)\tactors:rs:state\t4\t6\t2\t0.3333\t0.5000\t0.4000')" "$tmp/out2" ||
	fail "two files: no ALL row for rs:state"
# without the option there is no split
"$eval_prog" --format tsv "$tmp/g.json" "$tmp/t.xml" >"$tmp/out3"
grep -q 'actors:' "$tmp/out3" && fail "actors: rows without --by-kind"
# the table format names the kinds too
"$eval_prog" --by-kind "$tmp/g.json" "$tmp/t.xml" >"$tmp/out4"
grep -q '^actors:rs:group ' "$tmp/out4" || fail "table: no actors:rs:group row"
[ "$fails" = 0 ] || exit 1
echo "ok: tagdex-eval --by-kind"
