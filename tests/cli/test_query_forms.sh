#!/bin/sh
# test_query_forms.sh: the CQP and NoSketch Engine query forms of issue 15
# end to end over an index of corpus/: !within, not within, !containing,
# attr!="re", with their counts checked against the unnegated forms; within
# NAME, a trailing ';', --match-strategy and --hard-boundary on a text
# whose hits are known; their errors (offset and caret, exit status 2).
. "$(dirname "$0")/lib.sh"
td_tmp tq-forms
# expect STATUS CMD...: runs CMD, stdout to $tmp/out, stderr to $tmp/err
# count QUERY: the --count of QUERY (0 when there is no hit)
count() {
	$Q $X --count "$1" >"$tmp/c" 2>"$tmp/err"
	st=$?
	[ "$st" -le 1 ] || fail "exit $st: $1: $(cat "$tmp/err")"
	cat "$tmp/c"
}
# adds A B C: A + B = C, all positive where given as such
adds() {
	[ "$(($1 + $2))" = "$3" ] || fail "$4: $1 + $2 != $3"
}

$ING -q -x "$tmp/idx" "$top_srcdir/corpus/articles" || { echo "ingest failed"; exit 1; }
X="-x $tmp/idx"

# --- !within, not within: the complement of within among A's hits
all=$(count '<seg type="hedge"/>')
in=$(count '<seg type="hedge"/> within (<q/> | <said/>)')
out=$(count '<seg type="hedge"/> !within (<q/> | <said/>)')
[ "$in" -gt 0 ] && [ "$out" -gt 0 ] || fail "hedges in $in and out $out of quotes"
adds "$in" "$out" "$all" "hedges !within quotes"
[ "$(count '<seg type="hedge"/> not within (<q/> | <said/>)')" = "$out" ] ||
	fail "not within != !within"
# the author's voice: no hit lies inside a quote or reported speech
expect 0 $Q $X --format tsv '<seg type="hedge"/> !within (<q/> | <said/>)'
has "probably" "$tmp/out"
# --- !containing
all=$(count '<s/>')
in=$(count '<s/> containing <seg type="hedge"/>')
out=$(count '<s/> !containing <seg type="hedge"/>')
[ "$in" -gt 0 ] && [ "$out" -gt 0 ] || fail "sentences with $in and without $out hedges"
adds "$in" "$out" "$all" "sentences !containing hedges"
[ "$(count '<s/> not containing <seg type="hedge"/>')" = "$out" ] ||
	fail "not containing != !containing"
# --- attr!="re": every element attr="re" misses, unattributed ones too
all=$(count '<q/>')
in=$(count '<q who="kim-jong-un"/>')
out=$(count '<q who!="kim-jong-un"/>')
[ "$in" -gt 0 ] && [ "$out" -gt 0 ] || fail "quotes by Kim $in, others $out"
adds "$in" "$out" "$all" "who!="
in=$(count '<seg type="hedge" subtype="prob.*"/>')
out=$(count '<seg type="hedge" subtype!="prob.*"/>')
adds "$in" "$out" "$(count '<seg type="hedge"/>')" "subtype!="
# a negated pattern matching no value is no reason for a warning
expect 0 $Q $X --count '<q who!="nobody-at-all"/>'
[ -s "$tmp/err" ] && fail "warning for who!=: $(cat "$tmp/err")"
[ "$(cat "$tmp/out")" = "$all" ] || fail "who!=nobody: $(cat "$tmp/out") != $all"

# --- errors: offset, message and caret, exit status 2
expect 2 $Q $X '"a" ! "b"'
has "syntax error at offset 6: expected 'within' or 'containing' after '!' or 'not'" "$tmp/err"
[ "$(sed -n 3p "$tmp/err")" = "        ^" ] || fail "caret: $(sed -n 3p "$tmp/err")"
expect 2 $Q $X '"a" not <q/>'
has "offset 8: expected 'within' or 'containing'" "$tmp/err"
expect 2 $Q $X '<q who!/>'; has "offset 6: expected '=' or '!='" "$tmp/err"
expect 2 $Q $X '<q who!="("/>'; has "offset 10: expected a valid regular" "$tmp/err"

# --- CQP forms: within NAME, a trailing ';'
[ "$(count '<seg type="hedge"/> within s')" = "$(count '<seg type="hedge"/> within <s/>')" ] ||
	fail "within s != within <s/>"
[ "$(count '<seg type="hedge"/> !within q')" = "$(count '<seg type="hedge"/> !within <q/>')" ] ||
	fail "!within q != !within <q/>"
[ "$(count '"likely";')" = "$(count '"likely"')" ] || fail "trailing ;"
expect 2 $Q $X '"a"; "b"'
has "offset 5: expected the end of the query after ';'" "$tmp/err"
[ "$(sed -n 3p "$tmp/err")" = "       ^" ] || fail "caret after ;: $(sed -n 3p "$tmp/err")"

# --- matching strategies and the hard boundary, on a text whose hits are
# known: tokens the0 war1 and2 the3 peace4 of5 the6 land7 .8
mkdir -p "$tmp/ms"
printf 'Title\n\nThe war and the peace of the land.\n' >"$tmp/ms/a.txt"
$ING -q -x "$tmp/msidx" "$tmp/ms/a.txt" || fail "ingest ms"
M="-x $tmp/msidx --format tsv"
ms() { # ms STRATEGY QUERY: the matches, one a line
	$Q $M ${1:+--match-strategy $1} "$2" >"$tmp/ms.tsv" 2>"$tmp/err"
	python3 -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t"))
print("|".join(r["match"] for r in rows))' "$tmp/ms.tsv"
}
# ms_in OPTS QUERY: the same over another index
ms_in() {
	$Q $1 "$2" >"$tmp/ms.tsv" 2>"$tmp/err"
	python3 -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t"))
print("|".join(r["match"] for r in rows))' "$tmp/ms.tsv"
}
q='"the"%c []* "of"'
[ "$(ms '' "$q")" = "The war and the peace of" ] || fail "default: $(ms '' "$q")"
[ "$(ms standard "$q")" = "The war and the peace of" ] || fail "standard: $(ms standard "$q")"
[ "$(ms shortest "$q")" = "the peace of" ] || fail "shortest: $(ms shortest "$q")"
[ "$(ms longest "$q")" = "The war and the peace of" ] || fail "longest: $(ms longest "$q")"
[ "$(ms '' '"peace" []*')" = "peace" ] || fail "standard peace []*"
[ "$(ms longest '"peace" []*')" = "peace of the land." ] || fail "longest peace []*"
[ "$(ms shortest '[]{2}')" = "$(ms longest '[]{2}')" ] || fail "fixed length"
# the hard boundary: []* covers at most N tokens
expect 0 $Q $M --hard-boundary 4 "$q"; has "The war and the peace of" "$tmp/out"
expect 0 $Q $M --hard-boundary 3 "$q"; has "the peace of" "$tmp/out"
expect 1 $Q $M --hard-boundary 2 '"war" []* "of"'
expect 0 $Q $M --hard-boundary 3 '"war" []* "of"'
expect 0 $Q $M --hard-boundary 2 '"war" []{0,5} "of"'
expect 2 $Q $M --hard-boundary 0 "$q"; has "--hard-boundary: expected a number" "$tmp/err"
expect 2 $Q $M --hard-boundary 10001 "$q"
expect 2 $Q $M --match-strategy traditional "$q"
has "--match-strategy: expected standard, shortest or longest" "$tmp/err"

# --- CQP labels, global constraints and the target, on a text whose hits
# are known: Title0 Again1 and2 again3 ,4 the5 old6 war7 and8 the9 new10
# war11 ,12 the13 old14 war15 and16 the17 big18 big19 war20 .21
mkdir -p "$tmp/lb"
printf 'Title\n\nAgain and again, the old war and the new war, the old war and the big big war.\n' >"$tmp/lb/a.txt"
$ING -q -x "$tmp/lbidx" "$tmp/lb/a.txt" || fail "ingest lb"
L="-x $tmp/lbidx --format tsv"
[ "$(ms_in "$L" 'a:[] "and" b:[] :: a.norm = b.norm')" = "Again and again" ] ||
	fail "a.norm = b.norm: $(ms_in "$L" 'a:[] "and" b:[] :: a.norm = b.norm')"
expect 1 $Q $L 'a:[] "and" b:[] :: a.word = b.word' # Again != again
[ "$(ms_in "$L" 'a:[] [norm = a.norm]')" = "big big" ] || fail "repeat"
# standard: the shortest match at each start that the constraint lets through
q2='"the" a:[] "war" []+ "the" b:[] "war"'
[ "$(ms_in "$L" "$q2 :: a.word = b.word")" = "the old war and the new war, the old war" ] ||
	fail "a.word = b.word: $(ms_in "$L" "$q2 :: a.word = b.word")"
[ "$(ms_in "$L" "$q2 :: a.word != b.word")" = "the old war and the new war|the new war, the old war" ] ||
	fail "!=: $(ms_in "$L" "$q2 :: a.word != b.word")"
# a label not set (the alternative not taken) makes its comparison false
[ "$(ms_in "$L" '"the" (a:"old" | "new") "war" :: a')" = "the old war|the old war" ] || fail "bare label"
[ "$(ms_in "$L" '"the" (a:"old" | "new") "war" :: !a')" = "the new war" ] || fail "!label"
# the constraint with within after it; the within side must be an element
[ "$(count 'a:[] "and" b:[] :: a.norm = b.norm within s')" -ge 0 ] 2>/dev/null || fail "within after ::"
expect 2 $Q $L 'a:[] "and" within ("x" "y")'
has "offset 19: expected an element" "$tmp/err"
# counts: [] [] splits into a repeated norm and a different one
for X2 in "$X" "-x $tmp/lbidx"; do
	all=$($Q $X2 --count '[] []')
	same=$($Q $X2 --count 'a:[] [norm = a.norm]')
	diff=$($Q $X2 --count 'a:[] [norm != a.norm]')
	adds "${same:-0}" "$diff" "$all" "same + different norm"
done
# the target: JSON Lines carry it, --freq target groups by it
$Q -x "$tmp/lbidx" --format json '"the" @[] "war"' >"$tmp/t.json" || fail "target json"
python3 -c 'import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
got = [(r["target"], r["target_word"]) for r in rows]
assert got == [(6, "old"), (10, "new"), (14, "old")], got' "$tmp/t.json" || fail "target json fields"
expect 0 $Q -x "$tmp/lbidx" --freq target '"the" @[] "war"'
[ "$(cut -f1,4 "$tmp/out" | tr '\t\n' ':;')" = "2:old;1:new;" ] || fail "--freq target: $(cat "$tmp/out")"
expect 0 $Q -x "$tmp/lbidx" --freq target,match '"the" (@"big")? []'
has "1	" "$tmp/out"
has "(none)" "$tmp/out"
expect 2 $Q -x "$tmp/lbidx" --freq target '"the" [] "war"'
has "marks no target" "$tmp/err"
# errors: offset and message
expect 2 $Q $L '[word = z.word]'; has "offset 8: expected a label set before" "$tmp/err"
expect 2 $Q $L '@"a" @"b"'; has "at most one target" "$tmp/err"
expect 2 $Q $L '"a" :: a.word="x"'; has "expected labels" "$tmp/err"

# --- --context forms: N sentences, an element, left and right apart, on a
# text of four one-sentence paragraphs (tokens: Title0 | A1 war2 .3 | The4
# peace5 .6 | A7 land8 .9 | Some10 sea11 .12)
mkdir -p "$tmp/cx"
printf 'Title\n\nA war.\n\nThe peace.\n\nA land.\n\nSome sea.\n' >"$tmp/cx/a.txt"
$ING -q -x "$tmp/cxidx" "$tmp/cx/a.txt" || fail "ingest cx"
ctx() { # ctx SPEC: "left|match|right" of the hit of "land"
	$Q -x "$tmp/cxidx" --format tsv --context "$1" '"land"' >"$tmp/cx.tsv" 2>"$tmp/err"
	python3 -c 'import csv, sys
r = list(csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t"))[0]
print(r["left"] + "|" + r["match"] + "|" + r["right"])' "$tmp/cx.tsv"
}
[ "$(ctx s)" = "A|land|." ] || fail "context s: $(ctx s)"
[ "$(ctx 1s)" = "A|land|." ] || fail "context 1s: $(ctx 1s)"
[ "$(ctx 2s)" = "The peace. A|land|. Some sea." ] || fail "context 2s: $(ctx 2s)"
[ "$(ctx 3s)" = "A war. The peace. A|land|. Some sea." ] || fail "context 3s: $(ctx 3s)"
[ "$(ctx 2p)" = "The peace. A|land|. Some sea." ] || fail "context 2p: $(ctx 2p)"
[ "$(ctx p)" = "A|land|." ] || fail "context p: $(ctx p)"
[ "$(ctx 2,0)" = ". A|land|" ] || fail "context 2,0: $(ctx 2,0)"
[ "$(ctx 0,2s)" = "|land|. Some sea." ] || fail "context 0,2s: $(ctx 0,2s)"
[ "$(ctx s,1)" = "A|land|." ] || fail "context s,1: $(ctx s,1)"
[ "$(ctx 2s,3)" = "The peace. A|land|. Some sea" ] || fail "context 2s,3: $(ctx 2s,3)"
expect 2 $Q -x "$tmp/cxidx" --context 2nosuch '"land"'
has "--context: no element <nosuch> in this index" "$tmp/err"
for bad in 0s 101s 1001 "s,s,s" "2 s" "p!" ","; do
	expect 2 $Q -x "$tmp/cxidx" --context "$bad" '"land"'
	has "--context: expected" "$tmp/err"
done
# --width: every line in N columns, every match in one column
for w in 50 80 133; do
	$Q $X --width $w '"the"' >"$tmp/w.txt" || fail "width $w"
	python3 -c 'import sys
w = int(sys.argv[2])
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert lines
cols = set()
for l in lines:
    assert len(l) <= w, (len(l), l)
    cols.add(l.index(" [") if " [" in l else -1)
assert len(cols) == 1 and -1 not in cols, cols' "$tmp/w.txt" "$w" || fail "width $w alignment"
done
expect 0 $Q $X --width 0 '"the"'
expect 2 $Q $X --width x '"the"'

# --- --info, --values, --actors against an independent count of the TEI
# files the index was made from (Python's XML parser over <text>)
$ING -q -x "$tmp/teiidx" "$top_srcdir"/corpus/tei/*.xml || fail "ingest tei"
I="-x $tmp/teiidx"
expect 0 $Q $I --info
cp "$tmp/out" "$tmp/info.tsv"
expect 0 $Q $I --values q@who
cp "$tmp/out" "$tmp/values.tsv"
expect 0 $Q $I --values s@ana
cp "$tmp/out" "$tmp/ana.tsv"
expect 0 $Q $I --actors
cp "$tmp/out" "$tmp/actors.tsv"
python3 - "$tmp" "$top_srcdir"/corpus/tei/*.xml <<'PY' || fail "--info against the TEI"
import collections, csv, sys, xml.etree.ElementTree as ET
tmp, files = sys.argv[1], sys.argv[2:]
T = "{http://www.tei-c.org/ns/1.0}"
XML = "{http://www.w3.org/XML/1998/namespace}"
el = collections.Counter(); eldocs = collections.defaultdict(set)
at = collections.Counter(); atdocs = collections.defaultdict(set)
atvals = collections.defaultdict(set)
vals = {}
def name(t):
    return t.split("}")[1] if "}" in t else t
def aname(a):
    return "xml:" + a[len(XML):] if a.startswith(XML) else name(a)
def values(v):
    out = []
    for x in v.split():
        x = x[1:] if x.startswith("#") and len(x) > 1 else x
        if x not in out:
            out.append(x)
    return out
for f in files:
    root = ET.parse(f).getroot()
    doc = root.get(XML + "id")
    text = root.find(T + "text")
    for e in text.iter():
        n = name(e.tag)
        el[n] += 1; eldocs[n].add(doc)
        for a, v in e.attrib.items():
            k = (n, aname(a))
            at[k] += 1; atdocs[k].add(doc)
            for x in values(v):
                atvals[k].add(x)
                # --values: an element in parts counts once, by its head
                if e.get("prev") is not None:
                    continue
                vals.setdefault(k, collections.Counter())[x] += 1
                vals.setdefault((k, "docs"), collections.defaultdict(set))[x].add(doc)
rows = list(csv.DictReader(open(tmp + "/info.tsv", newline=""), delimiter="\t"))
got_el = {r["element"]: (int(r["count"]), int(r["docs"])) for r in rows if r["kind"] == "element"}
want_el = {n: (el[n], len(eldocs[n])) for n in el}
assert got_el == want_el, ("elements", set(got_el.items()) ^ set(want_el.items()))
got_at = {(r["element"], r["attribute"]): (int(r["count"]), int(r["docs"]), int(r["values"])) for r in rows if r["kind"] == "attribute"}
want_at = {k: (at[k], len(atdocs[k]), len(atvals[k])) for k in at}
assert got_at == want_at, ("attributes", set(got_at.items()) ^ set(want_at.items()))
d = [r for r in rows if r["kind"] == "documents"]
assert int(d[0]["count"]) == len(files), d
for fn, k in (("values.tsv", ("q", "who")), ("ana.tsv", ("s", "ana"))):
    vr = list(csv.DictReader(open(tmp + "/" + fn, newline=""), delimiter="\t"))
    got = {r["value"]: (int(r["count"]), int(r["docs"])) for r in vr}
    want = {x: (c, len(vals[(k, "docs")][x])) for x, c in vals[k].items()}
    assert got == want, (fn, set(got.items()) ^ set(want.items()))
    counts = [int(r["count"]) for r in vr]
    assert counts == sorted(counts, reverse=True), fn
# actors: every ref key of the four mention elements, its mentions and names
men = collections.Counter(); mdocs = collections.defaultdict(set)
names = collections.defaultdict(collections.Counter)
for f in files:
    root = ET.parse(f).getroot()
    doc = root.get(XML + "id")
    for e in root.find(T + "text").iter():
        if name(e.tag) in ("persName", "orgName", "placeName", "rs") and e.get("ref"):
            txt = " ".join("".join(e.itertext()).split())
            if not txt:
                continue
            for key in values(e.get("ref")):
                men[key] += 1; mdocs[key].add(doc); names[key][txt] += 1
ar = list(csv.DictReader(open(tmp + "/actors.tsv", newline=""), delimiter="\t"))
got = {r["actor"]: (int(r["mentions"]), int(r["docs"])) for r in ar}
want = {k: (men[k], len(mdocs[k])) for k in men}
assert got == want, ("actors", set(got.items()) ^ set(want.items()))
for r in ar:
    parts = dict((p.rsplit(" (", 1)[0], int(p.rsplit(" (", 1)[1][:-1])) for p in r["names"].split("; "))
    assert parts == dict(names[r["actor"]]), (r["actor"], parts, dict(names[r["actor"]]))
PY
expect 1 $Q $I --values q@nosuch; has "carries nosuch" "$tmp/err"
expect 2 $Q $I --values q; has "expected ELEMENT@ATTRIBUTE" "$tmp/err"
expect 2 $Q $I --info '"a"'
expect 2 $Q $I --info --actors
expect 0 $Q $I --values q@who --format json
python3 -c 'import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows and all(isinstance(r["count"], int) and isinstance(r["value"], str) for r in rows)' "$tmp/out" || fail "--values json"

# --- start and end tags (CQP, BlackLab) over the corpus: every sentence has
# a first and a last token, and a region of one name is that element once
# (a quotation in parts: its parts' tags, one hit; the hard boundary raised
# for sentences over 100 tokens)
all=$(count '<s/>')
[ "$all" -gt 0 ] || fail "no sentences"
[ "$(count '<s> []')" = "$all" ] || fail "<s> [] != <s/>"
[ "$(count '[] </s>')" = "$all" ] || fail "[] </s> != <s/>"
n=$($Q $X --count --hard-boundary 10000 '<s> []* </s>')
[ "$n" = "$all" ] || fail "<s> []* </s>: $n, <s/>: $all"
[ "$(count '<q> []* </q>')" = "$(count '<q/>')" ] || fail "<q> []* </q> != <q/>"
[ "$(count '<said> []* </said>')" = "$(count '<said/>')" ] ||
	fail "<said> []* </said> != <said/>"
p=$(count '<s ana="prediction"/>')
[ "$(count '<s ana="prediction"> []* </s>')" = "$p" ] ||
	fail "<s ana=prediction> []* </s> != its <s/>"
np=$(count '<s ana!="prediction"> []')
adds "$p" "$np" "$all" "<s ana=prediction> and ana!=prediction"
# a sentence opening with But after another: "But" opening a sentence,
# less those that open a document
b=$(count '</s> <s> "But"')
[ "$b" -gt 0 ] && [ "$b" -le "$(count '<s> "But"')" ] || fail "</s> <s> But: $b"
# a pair CQP makes across a group: refused at the tag (caret, status 2)
expect 2 $Q $X '(<s> "But") </s>'
has "offset 1: expected this <s> in the same sequence" "$tmp/err"

if [ "$fails" -ne 0 ]; then
	echo "$fails check(s) failed"
	exit 1
fi
echo "all query form checks passed"
