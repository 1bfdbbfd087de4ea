#!/bin/sh
# test_render.sh: every output format of tagdex-query on a fixed tiny index
# (tests/data/render/tiny.xml, 12 tokens) against bytes written out by hand:
# KWIC text, TSV, CSV, JSON Lines, frequency tables and counts. The TEI input is
# indexed as it is (no annotation), so only the renderers and the index
# decide the output.
. "$(dirname "$0")/lib.sh"
td_tmp td-render
$ING -q -x "$tmp/idx" "$top_srcdir/tests/data/render/tiny.xml" || { echo "FAIL: ingest"; exit 1; }
# same NAME QUERY-ARGS...: stdout must equal $tmp/want byte for byte
same() {
	name=$1; shift
	$Q -x "$tmp/idx" "$@" >"$tmp/got" 2>"$tmp/err"
	if ! cmp -s "$tmp/got" "$tmp/want"; then
		echo "FAIL: $name"; diff "$tmp/want" "$tmp/got" | head -20
		fails=$((fails + 1))
	fi
}
Qy='"probably"|"deal"'

printf '%s\n' \
'doc-tiny 2024-03-05 s0                                Talks will [probably] fail. Kim said "' \
'doc-tiny 2024-03-05 s1                            . Kim said "no [deal] ".' >"$tmp/want"
same "KWIC text" "$Qy"

# TSV and CSV quote a field holding a quote mark (RFC 4180: doubled inside)
cat >"$tmp/want" <<'TSV'
doc	s	start	end	date	left	match	right	title
doc-tiny	doc-tiny-s0	2	3	2024-03-05	Talks will	probably	"fail. Kim said """	"Tiny ""quoted"" title"
doc-tiny	doc-tiny-s1	9	10	2024-03-05	". Kim said ""no"	deal	"""."	"Tiny ""quoted"" title"
TSV
same "TSV" --format tsv "$Qy"
cat >"$tmp/want" <<'CSV'
doc,s,start,end,date,left,match,right,title
doc-tiny,doc-tiny-s0,2,3,2024-03-05,Talks will,probably,"fail. Kim said ""","Tiny ""quoted"" title"
doc-tiny,doc-tiny-s1,9,10,2024-03-05,". Kim said ""no",deal,""".","Tiny ""quoted"" title"
CSV
same "CSV" --format csv "$Qy"

# the whole sentence as context; a tab in the text becomes a space in TSV
cat >"$tmp/want" <<'TSV'
doc	s	start	end	date	left	match	right	title
doc-tiny	doc-tiny-s1	9	10	2024-03-05	"Kim said ""no"	deal	"""."	"Tiny ""quoted"" title"
TSV
same "TSV --context s" --format tsv --context s '"deal"'

cat >"$tmp/want" <<'JSON'
{"doc":"doc-tiny","s":"doc-tiny-s0","start":2,"end":3,"left":"Talks will","match":"probably","right":"fail. Kim said \"","date":"2024-03-05","title":"Tiny \"quoted\" title","spans":[{"name":"body","start":0,"end":12,"attrs":{}},{"name":"p","start":0,"end":12,"attrs":{}},{"name":"s","start":0,"end":5,"attrs":{"xml:id":"doc-tiny-s0","ana":"#prediction #hedged"}},{"name":"seg","start":2,"end":3,"attrs":{"type":"hedge","subtype":"probability"}},{"name":"text","start":0,"end":12,"attrs":{}}]}
{"doc":"doc-tiny","s":"doc-tiny-s1","start":9,"end":10,"left":". Kim said \"no","match":"deal","right":"\".","date":"2024-03-05","title":"Tiny \"quoted\" title","spans":[{"name":"body","start":0,"end":12,"attrs":{}},{"name":"p","start":0,"end":12,"attrs":{}},{"name":"q","start":8,"end":10,"attrs":{"who":"#kim-jong-un"}},{"name":"s","start":5,"end":12,"attrs":{"xml:id":"doc-tiny-s1"}},{"name":"text","start":0,"end":12,"attrs":{}}]}
JSON
same "JSON Lines" --format json "$Qy"

# count, rate per million of the 12 tokens searched, value, tokens
printf '1\t83333.33\tTalks\t12\n1\t83333.33\tdeal\t12\n1\t83333.33\tprobably\t12\n' >"$tmp/want"
same "freq text" --freq match '"probably"|"deal"|"Talks"'
{ printf 'count\tper_million\tvalue\ttokens\n'; cat "$tmp/want"; } >"$tmp/w2" && mv "$tmp/w2" "$tmp/want"
same "freq tsv" --freq match --format tsv '"probably"|"deal"|"Talks"'
printf 'count,per_million,value,tokens\n1,83333.33,Talks,12\n1,83333.33,deal,12\n1,83333.33,probably,12\n' >"$tmp/want"
same "freq csv" --freq match --format csv '"probably"|"deal"|"Talks"'
printf '%s\n' '{"value":"Talks","count":1,"per_million":83333.333333333328,"tokens":12}' \
	'{"value":"deal","count":1,"per_million":83333.333333333328,"tokens":12}' \
	'{"value":"probably","count":1,"per_million":83333.333333333328,"tokens":12}' >"$tmp/want"
same "freq json" --freq match --format json '"probably"|"deal"|"Talks"'
echo 12 >"$tmp/want"
same "count" --count '[]'

[ "$fails" -eq 0 ] || { echo "$fails renderer check(s) failed"; exit 1; }
echo "all renderer checks passed"
