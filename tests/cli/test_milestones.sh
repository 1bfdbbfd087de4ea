#!/bin/sh
# test_milestones.sh: TEI milestones (empty pb, cb, milestone) as regions
# and tagdex-query --show, against an independent computation: Python
# walks the TEI in tests/data/milestones in document order and gives each
# word w1, w2, ... the n of the last milestone of each kind (name, unit,
# ed) before it, which is the region the man page says holds it. Checked:
# --show pb@n,cb@n in tsv, csv, json and text per hit; which words each
# `within <pb n="N"/>` (and milestone units) holds; --freq pb@n; --sort
# pb@n,match; the regions as queries (a blank page is empty; a page at the
# very end too); --values and --info; a hit over a page break has no page;
# -o keeps two pages at one place in order; the errors of --show.
. "$(dirname "$0")/lib.sh"
td_tmp tq-milestones
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import xml.etree.ElementTree, csv, json' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "python3 missing: skipped"; exit 77; }
D=$top_srcdir/tests/data/milestones
$ING -q -x "$tmp/idx" "$D/pages-a.xml" "$D/pages-b.xml" || { echo "FAIL: ingest"; exit 1; }
X="-x $tmp/idx"
W='[word="w[0-9]+"]'

# the words and their milestones, independently
"$PY" - "$D/pages-a.xml" "$D/pages-b.xml" >"$tmp/want" <<'EOF' || fail "python"
import re, sys, xml.etree.ElementTree as ET
T = '{http://www.tei-c.org/ns/1.0}'
MS = ('pb', 'cb', 'gb', 'milestone')
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    doc = root.get('{http://www.w3.org/XML/1998/namespace}id')
    state = {}
    def words(s):
        for w in re.findall(r'\bw[0-9]+\b', s or ''):
            def get(name, unit=None, ed=None):
                return state.get((name, unit, ed), '')
            print('\t'.join([doc, w, get('pb'), get('cb'),
                get('milestone', 'section'), get('milestone', 'part'),
                get('pb', None, 'first')]))
    def walk(e, intext):
        name = e.tag.replace(T, '')
        intext = intext or name == 'text'
        if intext and name in MS:
            state[(name, e.get('unit'), e.get('ed'))] = e.get('n', '')
        if intext:
            words(e.text)
        for c in e:
            walk(c, intext)
            if intext:
                words(c.tail)
    walk(root, False)
EOF
[ -s "$tmp/want" ] || fail "no words from python"
# columns of want: doc word pb cb section part pb-ed-first

# --- --show in tsv: each word's page and column. Where an edition's pb
# (ed="first") is around a word too, the innermost (shorter) of the two
# regions gives the value: that word's is either.
$Q $X --context 0 --show pb@n --show cb@n --format tsv "$W" >"$tmp/tsv" ||
	fail "--show tsv"
head -1 "$tmp/tsv" | grep -q '	title	pb@n	cb@n$' || fail "tsv header: $(head -1 "$tmp/tsv")"
tail -n +2 "$tmp/tsv" | cut -f1,7,10,11 | sort >"$tmp/got.show"
awk -F'\t' 'NR == FNR { ed[$1 "\t" $2] = $7; pb[$1 "\t" $2] = $3; next }
	{ k = $1 "\t" $2; if (ed[k] != "" && $3 == ed[k]) $3 = pb[k]; print }' OFS='\t' \
	"$tmp/want" "$tmp/got.show" >"$tmp/got.show2" && mv "$tmp/got.show2" "$tmp/got.show"
awk -F'\t' '{ print $1 "\t" $2 "\t" $3 "\t" $4 }' "$tmp/want" | sort >"$tmp/want.show"
cmp -s "$tmp/got.show" "$tmp/want.show" ||
	{ fail "--show pb@n,cb@n differs from the TEI"; diff "$tmp/want.show" "$tmp/got.show"; }
[ "$(wc -l <"$tmp/want.show")" -ge 30 ] || fail "too few words"
# csv, json and text carry the same values
$Q $X --context 0 --show pb@n,cb@n --format csv "$W" >"$tmp/csv"
$Q $X --context 0 --show pb@n,cb@n --format json "$W" >"$tmp/json"
$Q $X --context 0 --show pb@n,cb@n --width 0 "$W" >"$tmp/text"
"$PY" - "$tmp" <<'EOF' || fail "csv, json or text differ from tsv"
import csv, json, sys
t = sys.argv[1]
tsv = list(csv.reader(open(t + '/tsv', newline=''), delimiter='\t'))
rows = list(csv.reader(open(t + '/csv', newline='')))
assert rows == tsv, 'csv'
want = [(r[6], r[9], r[10]) for r in tsv[1:]]
js = [json.loads(l) for l in open(t + '/json')]
got = [(o['match'], o['show']['pb@n'] or '', o['show']['cb@n'] or '')
       for o in js]
assert got == want, ('json', got, want)
assert all(list(o['show']) == ['pb@n', 'cb@n'] for o in js), 'json keys'
text = [l.split() for l in open(t + '/text')]
got = [([w for w in f if w.startswith('[')][0].strip('[]'),
        f[3].replace('-', ''), f[4].replace('-', '')) for f in text]
assert got == want, ('text', got, want)
EOF

# --- the regions: the words each holds
check_region() { # QUERY-REGION AWK-COLUMN VALUE
	$Q $X --context 0 --format tsv "$W within $1" | tail -n +2 | cut -f1,7 |
		sort >"$tmp/got.r"
	awk -F'\t' -v c="$2" -v v="$3" '$c == v { print $1 "\t" $2 }' "$tmp/want" |
		sort >"$tmp/want.r"
	cmp -s "$tmp/got.r" "$tmp/want.r" ||
		{ fail "$W within $1"; diff "$tmp/want.r" "$tmp/got.r"; }
}
for p in 1 2 3 4 5 6 7 8; do check_region "<pb n=\"$p\" ed!=\".+\"/>" 3 $p; done
for p in e1 e2; do check_region "<pb ed=\"first\" n=\"$p\"/>" 7 $p; done
for c in a b; do check_region "<cb n=\"$c\"/>" 4 $c; done
for s in s1 s2; do check_region "<milestone unit=\"section\" n=\"$s\"/>" 5 $s; done
for s in I II; do check_region "<milestone unit=\"part\" n=\"$s\"/>" 6 $s; done
# a blank page and a page at the very end are empty regions; the others
# match as regions (CQP's <pb> ... </pb>)
[ "$($Q $X --count '<pb n="3"/>')" = 0 ] || fail "blank page 3 not empty"
[ "$($Q $X --count '<pb n="6"/>')" = 0 ] || fail "page 6 at the end not empty"
[ "$($Q $X --count '<pb ed!=".+"/>')" = 6 ] ||
	fail "<pb/>: $($Q $X --count '<pb ed!=".+"/>') regions, not 6"
# the region of page 2 runs from w7 to w11. (the blank page 3 ends it)
$Q $X --context 0 --format tsv '<pb n="2"/>' | tail -n +2 | cut -f7 >"$tmp/p2"
[ "$(cat "$tmp/p2")" = "w7 w8. w9 w10 w11." ] || fail "page 2 is '$(cat "$tmp/p2")'"

# --- --freq pb@n: hits per page (document A: one edition)
$Q $X --doc ms-a --freq pb@n --format json "$W" >"$tmp/freq.json"
"$PY" - "$tmp" <<'EOF' || fail "--freq pb@n counts differ"
import csv, collections, json, sys
t = sys.argv[1]
want = collections.Counter(r[2] for r in csv.reader(open(t + '/want'), delimiter='\t') if r[0] == 'ms-a')
got = {}
for l in open(t + '/freq.json'):
    o = json.loads(l)
    got[o['pb@n']] = o['count']
assert got == dict(want), (got, dict(want))
EOF

# --- --sort pb@n,match: by page, then word (ICU's root order is the
# code point order for these lowercase letters and digits)
$Q $X --doc ms-a --context 0 --format tsv --sort pb@n,match --show pb@n "$W" |
	tail -n +2 | cut -f7 >"$tmp/got.s"
awk -F'\t' '$1 == "ms-a" { print $3 "\t" $2 }' "$tmp/want" | LC_ALL=C sort |
	cut -f2 >"$tmp/want.s"
cmp -s "$tmp/got.s" "$tmp/want.s" || { fail "--sort pb@n,match"; diff "$tmp/want.s" "$tmp/got.s"; }

# --- --values and --info list every page, the empty ones too
$Q $X --values pb@n >"$tmp/values"
for p in 1 2 3 4 5 6 7 8 e1 e2; do
	grep -q "^$p	1	1$" "$tmp/values" || fail "--values pb@n: no $p"
done
$Q $X --info | grep -q '^element	pb		10	2	$' || fail "--info: pb"

# --- a hit over a page break is on no page; nothing around it is "-"
$Q $X --context 0 --format tsv --show pb@n '"w6" "w7"' | tail -n +2 | cut -f10 >"$tmp/x"
[ "$(cat "$tmp/x")" = "" ] || fail "w6 w7 over a page break: page '$(cat "$tmp/x")'"
$Q $X --context 0 --width 0 --show pb@n '"w30"' | grep -q '^ms-b 1901 - - ' ||
	fail "text: no page is not '-'"

# --- -o keeps a blank page before the next, as written
$ING -q -o "$tmp/out" "$D/pages-a.xml" || fail "-o"
[ "$(grep -o '<pb n="[0-9]"' "$tmp/out"/*.xml | tr -dc 0-9)" = 123456 ] ||
	fail "-o: the pages not in order"

# --- errors
expect_usage() { # MSG ARGS...: exit 2 and MSG on stderr
	msg=$1; shift
	$Q $X "$@" >/dev/null 2>"$tmp/err"
	[ $? = 2 ] && grep -qF -- "$msg" "$tmp/err" || fail "$*: not a usage error with '$msg': $(cat "$tmp/err")"
}
expect_usage "'pbn' is not ELEM@ATTR" --show pbn "$W"
expect_usage "'pb@' is not ELEM@ATTR" --show pb@n,pb@ "$W"
expect_usage "no element <nosuch>" --show nosuch@n "$W"
expect_usage "does not apply to --count" --show pb@n --count "$W"
expect_usage "does not apply to --freq" --show pb@n --freq match "$W"

[ "$fails" -eq 0 ]
