#!/bin/sh
# test_stats.sh: tagdex-query --collocates, --keywords, --ngrams and --freq
# --dispersion. The counts
# (f_node, f_coll, f_pair, the window, N; f_focus, f_ref and the sizes) are
# checked against a brute-force computation in Python from the token stream
# ('[]' with --tokens: each token's layers and sentence) and the hits, from
# the definitions in tagdex-query(1); every measure is recomputed in Python
# from the contingency table; a hand-checked example and Manning & Schuetze
# (1999) give fixed values. Python's csv and json modules read the output.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
td_tmp td-stats

# the corpus, and a quote split around narration (its parts are the node
# of --collocates, the narration is not)
$ING -q -x "$tmp/tiny" "$top_srcdir/tests/data/render/tiny.xml" &&
	$ING -q -x "$tmp/idx" "$top_srcdir/corpus/articles" \
		"$top_srcdir/tests/data/split-quote" ||
	{ echo "FAIL: ingest"; exit 1; }

# --- a hand-checked example: "Talks will probably fail. Kim said "no
# deal"." (12 tokens), nodes probably (2) and deal (9), window 5,5: the
# window is tokens 0 1 3 4 5 6 7 8 10 11 (10 tokens; 4-8 are in both
# windows, counted once). Kim: O11 1, R1 10, C1 1, N 12, E11 10/12; MI
# log2(1.2) = 0.263034, t (1 - 5/6)/1 = 0.166667, z (1/6)/sqrt(5/6) =
# 0.182574, Dice 2*1/(2+1), logDice 14 + log2(2/3) = 13.415037.
$Q -x "$tmp/tiny" --collocates --min-freq 1 --min-coll 1 --format csv \
	'"probably"|"deal"' >"$tmp/hand.csv" || fail "hand-checked example"
grep -q '^Kim,2,1,1,10,12,0.833333333333333,13.4150374992788,0.263034405833794,0.263034405833794,0.166666666666667,0.182574185835055,' "$tmp/hand.csv" ||
	{ fail "hand-checked Kim row"; cat "$tmp/hand.csv"; }
grep -q '^"""",2,2,2,10,12,' "$tmp/hand.csv" || fail "hand-checked quote row"
# the sentence window of "deal": its <s>, tokens 5-11 less the node (6)
$Q -x "$tmp/tiny" --collocates --window s --min-freq 1 --min-coll 1 \
	--format csv '"deal"' >"$tmp/hand-s.csv" || fail "--window s"
grep -q '^Kim,1,1,1,6,12,' "$tmp/hand-s.csv" || fail "--window s: Kim row"
! grep -q '^probably,' "$tmp/hand-s.csv" || fail "--window s crossed the sentence"

# usage errors are exit status 2
for bad in "--window 0,0" "--window 3" "--window x,1" "--min-coll 0" \
	"--measure log_ratio" "--by match" "--alpha 0.5" "--measure nope"; do
	# shellcheck disable=SC2086
	$Q -x "$tmp/tiny" --collocates $bad '"deal"' >/dev/null 2>&1
	[ $? -eq 2 ] || fail "--collocates $bad: not exit status 2"
done
# the filter options are tagdex-query's own (request.c): same checks,
# same messages, each given once
for bad in "--from 2024-13" "--to x" "--within=" "--genre a --genre b"; do
	# shellcheck disable=SC2086
	$Q -x "$tmp/tiny" $bad '"deal"' >/dev/null 2>"$tmp/e1"
	# shellcheck disable=SC2086
	$Q -x "$tmp/tiny" --collocates $bad '"deal"' >/dev/null 2>"$tmp/e2"
	[ $? -eq 2 ] && [ -s "$tmp/e1" ] && cmp -s "$tmp/e1" "$tmp/e2" ||
		fail "--collocates $bad: not tagdex-query's error: $(cat "$tmp/e2")"
done
$Q -x "$tmp/tiny" --keywords --window 1,1 --focus '<q/>' >/dev/null 2>&1
[ $? -eq 2 ] || fail "--keywords --window: not exit status 2"
$Q -x "$tmp/tiny" --keywords '<q/>' >/dev/null 2>&1
[ $? -eq 2 ] || fail "--keywords without --focus: not exit status 2"
# focus and reference sharing tokens: an error, not a count made twice
$Q -x "$tmp/tiny" --keywords --focus '<q/>' --reference '<s/>' >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'share tokens' "$tmp/err" || fail "overlapping focus and reference"
# a reference query without hits is an empty reference, an error: not the
# rest of the corpus in its place
$Q -x "$tmp/tiny" --keywords --focus '<q/>' --reference '"absent-word"' >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'reference has no tokens' "$tmp/err" && [ ! -s "$tmp/out" ] ||
	fail "a reference without hits: $(cat "$tmp/err")"
# a region alone as the reference: the tokens outside (or inside) it
for r in '!within <q/>' 'not within <q/>'; do
	$Q -x "$tmp/tiny" --keywords --min-freq 1 --alpha 1 --focus '<q/>' \
		--reference "$r" >"$tmp/r1" 2>&1
	$Q -x "$tmp/tiny" --keywords --min-freq 1 --alpha 1 --focus '<q/>' \
		--reference "[] $r" >"$tmp/r2" 2>&1
	cmp -s "$tmp/r1" "$tmp/r2" && grep -q '^deal' "$tmp/r1" ||
		fail "--reference '$r' is not '[] $r': $(cat "$tmp/r1")"
done
# no hits: no rows, exit status 1
$Q -x "$tmp/tiny" --collocates '"absent"' >/dev/null 2>&1
[ $? -eq 1 ] || fail "no node: not exit status 1"

# --- dispersion, hand-checked: documents of 4, 4 and 2 tokens, "x" 2, 1
# and 0 times. DP = (|2/3 - .4| + |1/3 - .4| + |0 - .2|) / 2 = 0.266667;
# rates .5, .25, 0: mean .25, population sd sqrt(.125 / 3), V = 0.816497,
# D = 1 - V / sqrt(2) = 1 - 1/sqrt(3) = 0.422650; in 2 documents.
mkdir -p "$tmp/d3"
for d in "a:x y x y" "b:x y y y" "c:y y"; do
	cat >"$tmp/d3/${d%%:*}.xml" <<TEI
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
<text><body><p>${d#*:}</p></body></text></TEI>
TEI
done
$ING -q -x "$tmp/d3idx" "$tmp/d3" || fail "ingest d3"
$Q -x "$tmp/d3idx" --freq match --dispersion --format csv '"x"' >"$tmp/d3.csv"
grep -q '^3,300000.00,x,10,2,0.42264973081,0.266666666667$' "$tmp/d3.csv" ||
	{ fail "hand-checked dispersion"; cat "$tmp/d3.csv"; }
# one document: D has no value (n - 1 = 0), DP is 0
$Q -x "$tmp/tiny" --freq match --dispersion --format csv '"deal"' >"$tmp/d1.csv"
grep -q '^1,83333.33,deal,12,1,,0$' "$tmp/d1.csv" || { fail "one document: D undefined"; cat "$tmp/d1.csv"; }
$Q -x "$tmp/tiny" --dispersion '"deal"' >/dev/null 2>&1
[ $? -eq 2 ] || fail "--dispersion without --freq: not exit status 2"

# --- n-grams around "deal" in the tiny text: no deal, deal "
$Q -x "$tmp/tiny" --ngrams 2 --min-freq 1 --format csv '"deal"' >"$tmp/ng.csv"
# (ties by the n-gram, bytewise)
printf '%s\n' 'ngram,count,per_million' '"deal """,1,83333.33' 'no deal,1,83333.33' >"$tmp/ng.want"
cmp -s "$tmp/ng.csv" "$tmp/ng.want" || { fail "hand-checked n-grams"; diff "$tmp/ng.want" "$tmp/ng.csv"; }
for bad in "--ngrams 1" "--ngrams 7" "--ngrams 2 --window 1,1" "--ngrams 2 --collocates"; do
	# shellcheck disable=SC2086
	$Q -x "$tmp/tiny" $bad '"deal"' >/dev/null 2>&1
	[ $? -eq 2 ] || fail "$bad: not exit status 2"
done

# --- the corpus: every option combination against the brute force
run() { # NAME ARGS...
	name=$1; shift
	$Q -x "$tmp/idx" "$@" >"$tmp/$name" 2>"$tmp/$name.err"
	st=$?
	[ $st -le 1 ] || { fail "$name: exit $st"; cat "$tmp/$name.err"; }
}
$Q -x "$tmp/idx" --format json --tokens '[]' >"$tmp/tokens.json" || fail "token stream"
$Q -x "$tmp/idx" --format json --tokens --from 2024 '[]' >"$tmp/tokens24.json" || fail "token stream 2024"
for q in likely war; do
	case $q in
	likely) Qy='"likely"%c|"probably"%c'; ;;
	war) Qy='"war"%c' ;;
	esac
	$Q -x "$tmp/idx" --format json "$Qy" >"$tmp/hits-$q.json"
	$Q -x "$tmp/idx" --format json --from 2024 "$Qy" >"$tmp/hits24-$q.json"
	run "c-$q-55-word.csv" --collocates --min-freq 1 --min-coll 1 --format csv "$Qy"
	run "c-$q-30-norm.tsv" --collocates --window 3,0 --by norm --min-freq 1 --min-coll 1 --format tsv "$Qy"
	run "c-$q-02-lemma.csv" --collocates --window 0,2 --by lemma --min-freq 1 --min-coll 1 --format csv "$Qy"
	run "c-$q-s-pos.csv" --collocates --window s --by pos --min-freq 1 --min-coll 1 --format csv "$Qy"
	run "c-$q-24.csv" --collocates --from 2024 --min-freq 1 --min-coll 1 --format csv "$Qy"
	run "c-$q-min.csv" --collocates --min-freq 4 --min-coll 2 --measure t --format csv "$Qy"
	run "c-$q-55-word.json" --collocates --min-freq 1 --min-coll 1 --format json "$Qy"
done
$Q -x "$tmp/idx" --format json '<q/>' >"$tmp/hits-q.json"
# quotes as nodes: a quote split around narration is one node whose tokens
# are its parts' ([] within <q/>: the narration is not inside)
$Q -x "$tmp/idx" --format json '[] within <q/>' >"$tmp/nodes-q.json"
run c-q-55-word.csv --collocates --min-freq 1 --min-coll 1 --format csv '<q/>'
run c-q-s-word.csv --collocates --window s --min-freq 1 --min-coll 1 --format csv '<q/>'
$Q -x "$tmp/idx" --format json '<head/>' >"$tmp/hits-head.json"
DQ='"the"%c|"war"%c|"likely"%c|"will"%c|"Kim"|"said"'
$Q -x "$tmp/idx" --format json --tokens "$DQ" >"$tmp/hits-disp.json"
$Q -x "$tmp/idx" --format json --tokens --from 2024 "$DQ" >"$tmp/hits24-disp.json"
run d-norm.csv --freq norm --dispersion --format csv "$DQ"
run d-norm24.json --freq norm --dispersion --from 2024 --format json "$DQ"
run d-doc.tsv --freq doc --dispersion --format tsv "$DQ"
run n-2-norm.csv --ngrams 2 --by norm --min-freq 1 --format csv
run n-3-word.tsv --ngrams 3 --format tsv
run n-4-pos-likely.csv --ngrams 4 --by pos --min-freq 1 --format csv '"likely"%c|"probably"%c'
run n-3-war24.json --ngrams 3 --from 2024 --min-freq 1 --format json '"war"%c'
run k-q-rest.csv --keywords --focus '<q/>' --alpha 1 --min-freq 1 --format csv
run k-q-head.csv --keywords --focus '<q/>' --reference '<head/>' --by lemma --alpha 1 --min-freq 1 --format csv
run k-q-05.csv --keywords --focus '<q/>' --format csv
run k-q-bonf.csv --keywords --focus '<q/>' --bonferroni --alpha 0.01 --min-freq 2 --format csv
run k-q-lr.json --keywords --focus '<q/>' --measure log_ratio --alpha 1 --min-freq 1 --format json

python3 - "$tmp" <<'PY' || fails=$((fails + 1))
import bisect, csv, json, math, sys
tmp = sys.argv[1]
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
        print("FAIL:", what)

def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))

# ---- the measures from the contingency table (tagdex-query(1)): Evert
# (2008) for the window statistics, Rychly (2008) for Dice and logDice,
# Rayson and Garside (2000), Hardie (2014), Gabrielatos and Marchi (2012)
def xlx(o, e):
    return o * math.log(o / e) if o > 0 else 0.0

def assoc(o11, f_node, c1, r1, n):
    e11 = r1 * c1 / n
    o12, o21, o22 = r1 - o11, c1 - o11, n - r1 - c1 + o11
    e12, e21, e22 = r1 * (n - c1) / n, (n - r1) * c1 / n, (n - r1) * (n - c1) / n
    dice = 2 * o11 / (f_node + c1)
    return {"expected": e11,
            "logdice": 14 + math.log2(dice), "mi": math.log2(o11 / e11),
            "mi3": math.log2(o11 ** 3 / e11), "t": (o11 - e11) / math.sqrt(o11),
            "z": (o11 - e11) / math.sqrt(e11),
            "ll": 2 * (xlx(o11, e11) + xlx(o12, e12) + xlx(o21, e21) + xlx(o22, e22)),
            "dice": dice}

def keyness(a, b, c, d):
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return {"expected": e1, "ll": 2 * (xlx(a, e1) + xlx(b, e2)),
            "log_ratio": math.log2((a / c) / (b / d)) if a and b else None,
            "pct_diff": 100 * (a / c - b / d) / (b / d) if b else None}

# Manning and Schuetze (1999), 5.3.1: "new companies" in 14,307,668 tokens
# of the New York Times, C(new) 15,828, C(companies) 4,675, C(new
# companies) 8: t = 0.999932; 5.4: I(Ayatollah, Ruhollah) = 18.38 (C 42,
# 20, 20). A bigram is a window of 0,1: R1 = the node's frequency.
m = assoc(8, 15828, 4675, 15828, 14307668)
check(abs(m["t"] - 0.999932) < 5e-7, f"M&S t-score {m['t']}")
m = assoc(20, 42, 20, 42, 14307668)
check(abs(m["mi"] - 18.38) < 5e-3, f"M&S MI {m['mi']}")

def jl(name):
    return [json.loads(l) for l in open(f"{tmp}/{name}", encoding="utf-8")]

def table(name):
    sep = "\t" if name.endswith(".tsv") else ","
    with open(f"{tmp}/{name}", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=sep))
    return [dict(zip(rows[0], r)) for r in rows[1:]], rows[0]

# ---- the token stream: (doc, position) -> layers and sentence
def stream(name):
    toks = {}
    for h in jl(name):
        s = [sp for sp in h["spans"] if sp["name"] == "s"]
        toks[(h["doc"], h["start"])] = (h["tokens"][0], (s[0]["start"], s[0]["end"]) if s else None)
    return toks
LAYER = {"word": "word", "norm": "norm", "lemma": "lemma", "pos": "pos"}

def brute_coll(toks, hits, left, right, sent, layer, nodes=None):
    # tagdex-query(1): a token is a window token when it is not a node and
    # lies among the L tokens of the stream (the tokens searched: text that
    # is not the article is not in it, and is stepped over) before, or the
    # R after, some node token; with s, in a sentence holding one. nodes:
    # the node tokens (default: every token of every hit; a split quote's
    # are its parts only)
    if nodes is None:
        nodes = {(h["doc"], p) for h in hits for p in range(h["start"], h["end"])}
    order = {}
    for (d, p) in toks:
        order.setdefault(d, []).append(p)
    for ps in order.values():
        ps.sort()
    win = set()
    for (d, p) in nodes:
        if (d, p) not in toks:
            continue
        ps = order[d]
        if sent:
            s = toks[(d, p)][1]
            near = [q for q in ps if s and s[0] <= q < s[1]]
        else:
            i = bisect.bisect_left(ps, p)
            near = ps[max(0, i - left):i] + ps[i + 1:i + 1 + right]
        for q in near:
            if (d, q) not in nodes:
                win.add((d, q))
    pair, coll = {}, {}
    for k, (t, _) in toks.items():
        coll[t[layer]] = coll.get(t[layer], 0) + 1
    for k in win:
        v = toks[k][0][layer]
        pair[v] = pair.get(v, 0) + 1
    return len(hits), len(win), len(toks), pair, coll

def check_coll(name, toks, hits, left, right, sent, layer, min_freq=1, min_coll=1, measure="logdice", nodes=None):
    f_node, w, n, pair, coll = brute_coll(toks, hits, left, right, sent, layer, nodes)
    if name.endswith(".json"):
        rows = jl(name)
        for r in rows:
            r["collocate"] = r["collocate"]
    else:
        rows, head = table(name)
        check(head == ["collocate", "f_node", "f_coll", "f_pair", "window", "n", "expected",
                       "logdice", "mi", "mi3", "t", "z", "ll", "dice"], f"{name}: header {head}")
    want = {k for k, v in pair.items() if v >= min_coll and coll[k] >= min_freq}
    got = {r["collocate"] for r in rows}
    check(got == want, f"{name}: collocates differ: {sorted(got ^ want)[:10]}")
    check(len(rows) == len(got), f"{name}: a collocate twice")
    check(w > 0, f"{name}: empty window")
    for r in rows:
        k = r["collocate"]
        if k not in want:
            continue
        counts = (int(r["f_node"]), int(r["f_coll"]), int(r["f_pair"]), int(r["window"]), int(r["n"]))
        if counts != (f_node, coll[k], pair[k], w, n):
            check(False, f"{name}: {k!r}: counts {counts} != {(f_node, coll[k], pair[k], w, n)}")
            continue
        m = assoc(pair[k], f_node, coll[k], w, n)
        for col, v in m.items():
            check(r[col] not in ("", None) and close(float(r[col]), v),
                  f"{name}: {k!r}: {col} {r[col]} != {v}")
    vals = [float(r[measure]) for r in rows]
    check(vals == sorted(vals, reverse=True), f"{name}: not sorted by {measure}")

toks = stream("tokens.json")
toks24 = stream("tokens24.json")
for q in ("likely", "war"):
    hits, hits24 = jl(f"hits-{q}.json"), jl(f"hits24-{q}.json")
    check(len(hits) > 3 and len(hits24) > 0, f"{q}: too few hits for a test")
    check_coll(f"c-{q}-55-word.csv", toks, hits, 5, 5, False, "word")
    check_coll(f"c-{q}-55-word.json", toks, hits, 5, 5, False, "word")
    check_coll(f"c-{q}-30-norm.tsv", toks, hits, 3, 0, False, "norm")
    check_coll(f"c-{q}-02-lemma.csv", toks, hits, 0, 2, False, "lemma")
    check_coll(f"c-{q}-s-pos.csv", toks, hits, 0, 0, True, "pos")
    check_coll(f"c-{q}-24.csv", toks24, hits24, 5, 5, False, "word")
    check_coll(f"c-{q}-min.csv", toks, hits, 5, 5, False, "word", 4, 2, "t")

hq = jl("hits-q.json")
nq = {(h["doc"], h["start"]) for h in jl("nodes-q.json")}
check(any(h["end"] - h["start"] > sum(1 for p in range(h["start"], h["end"]) if (h["doc"], p) in nq)
          for h in hq), "no quote in parts around narration: the test of parts tests nothing")
check_coll("c-q-55-word.csv", toks, hq, 5, 5, False, "word", nodes=nq)
check_coll("c-q-s-word.csv", toks, hq, 0, 0, True, "word", nodes=nq)

# ---- keywords
def brute_kw(focus_hits, ref_hits, layer):
    # a quote's tokens are its parts' ([] within <q/>), not the narration
    # between them
    fpos = nq & toks.keys() if focus_hits is hq else \
        {(h["doc"], p) for h in focus_hits for p in range(h["start"], h["end"])} & toks.keys()
    if ref_hits is None:
        rpos = toks.keys() - fpos
    else:
        rpos = {(h["doc"], p) for h in ref_hits for p in range(h["start"], h["end"])} & toks.keys()
    assert not (fpos & rpos)
    fc, rc = {}, {}
    for k in fpos:
        v = toks[k][0][layer]; fc[v] = fc.get(v, 0) + 1
    for k in rpos:
        v = toks[k][0][layer]; rc[v] = rc.get(v, 0) + 1
    return fc, rc, len(fpos), len(rpos)

def check_kw(name, fh, rh, layer, alpha, min_freq, bonf=False, measure="ll"):
    fc, rc, c, d = brute_kw(fh, rh, layer)
    if name.endswith(".json"):
        rows = jl(name)
    else:
        rows, head = table(name)
        check(head == ["keyword", "sign", "f_focus", "f_ref", "n_focus", "n_ref", "expected",
                       "ll", "log_ratio", "pct_diff"], f"{name}: header {head}")
    terms = {k for k in set(fc) | set(rc) if fc.get(k, 0) + rc.get(k, 0) >= min_freq}
    a_ = alpha / len(terms) if bonf else alpha
    want = set()
    for k in terms:
        m = keyness(fc.get(k, 0), rc.get(k, 0), c, d)
        if math.erfc(math.sqrt(m["ll"] / 2)) <= a_:
            want.add(k)
    got = {r["keyword"] for r in rows}
    check(got == want, f"{name}: keywords differ: {sorted(got ^ want)[:10]}")
    check(len(want) > 0 and len(rows) == len(got), f"{name}: {len(rows)} rows")
    for r in rows:
        k = r["keyword"]
        a, b = fc.get(k, 0), rc.get(k, 0)
        counts = (int(r["f_focus"]), int(r["f_ref"]), int(r["n_focus"]), int(r["n_ref"]))
        if counts != (a, b, c, d):
            check(False, f"{name}: {k!r}: counts {counts} != {(a, b, c, d)}")
            continue
        check(r["sign"] == ("+" if a * d > b * c else "-" if a * d < b * c else "="), f"{name}: {k!r} sign")
        for col, v in keyness(a, b, c, d).items():
            g = r[col]
            if v is None:
                check(g in ("", None), f"{name}: {k!r}: {col} {g!r} should be undefined")
            else:
                check(g not in ("", None) and close(float(g), v), f"{name}: {k!r}: {col} {g} != {v}")
    # positive keywords first, strongest first; negative ones last, strongest last
    def key(r):
        a, b = int(r["f_focus"]), int(r["f_ref"])
        if measure == "ll":
            s = {"+": 1, "-": -1, "=": 0}[r["sign"]]
            return s * float(r["ll"])
        v = r[measure]
        if v in ("", None):
            return math.inf if b == 0 else -math.inf
        return float(v)
    ks = [key(r) for r in rows]
    check(ks == sorted(ks, reverse=True), f"{name}: not sorted by {measure}")
    return rows

hs = jl("hits-head.json")
rows = check_kw("k-q-rest.csv", hq, None, "word", 1, 1)
check(any(r["sign"] == "-" for r in rows) and any(r["sign"] == "+" for r in rows),
      "keywords: both positive and negative")
check_kw("k-q-head.csv", hq, [h for h in hs], "lemma", 1, 1)
check_kw("k-q-05.csv", hq, None, "word", 0.05, 3)
check_kw("k-q-bonf.csv", hq, None, "word", 0.01, 2, bonf=True)
check_kw("k-q-lr.json", hq, None, "word", 1, 1, measure="log_ratio")
# ---- dispersion (Juilland et al. 1970 over rates, Gries 2008)
def check_disp(name, toks, hits, by):
    size = {}
    for (d, p) in toks:
        size[d] = size.get(d, 0) + 1
    S, n = sum(size.values()), len(size)
    per = {}
    for h in hits:
        k = h["doc"] if by == "doc" else " ".join(t["norm"] for t in h["tokens"])
        per.setdefault(k, {})
        per[k][h["doc"]] = per[k].get(h["doc"], 0) + 1
    if name.endswith(".json"):
        rows = jl(name)
    else:
        rows, head = table(name)
        check(head == ["count", "per_million", "value", "tokens", "docs", "juilland_d", "dp"], f"{name}: header {head}")
    check({r["value"] for r in rows} == set(per), f"{name}: keys differ")
    for r in rows:
        c = per[r["value"]]
        f = sum(c.values())
        dp = 0.5 * sum(abs(c.get(d, 0) / f - size[d] / S) for d in size)
        rates = [c.get(d, 0) / size[d] for d in size]
        mean = sum(rates) / n
        sd = math.sqrt(sum((x - mean) ** 2 for x in rates) / n)
        D = 1 - (sd / mean) / math.sqrt(n - 1)
        check(int(r["count"]) == f and int(r["docs"]) == len(c), f"{name}: {r['value']}: count, docs")
        check(abs(float(r["dp"]) - dp) < 1e-9, f"{name}: {r['value']}: dp {r['dp']} != {dp}")
        check(abs(float(r["juilland_d"]) - D) < 1e-9, f"{name}: {r['value']}: D {r['juilland_d']} != {D}")
    check(len(rows) > 3, f"{name}: {len(rows)} rows")

check_disp("d-norm.csv", toks, jl("hits-disp.json"), "norm")
check_disp("d-norm24.json", toks24, jl("hits24-disp.json"), "norm")
check_disp("d-doc.tsv", toks, jl("hits-disp.json"), "doc")
# ---- n-grams: n consecutive tokens of the stream (article text) in one document
def check_ngrams(name, toks, n, layer, min_freq, hits=None):
    cnt = {}
    def add(d, q):
        if all((d, q + i) in toks for i in range(n)):
            k = " ".join(toks[(d, q + i)][0][layer] for i in range(n))
            cnt[k] = cnt.get(k, 0) + 1
    if hits is None:
        for (d, q) in toks:
            add(d, q)
    else:
        for h in hits:
            for q in range(max(0, h["end"] - n), h["start"] + 1):
                add(h["doc"], q)
    want = {k: v for k, v in cnt.items() if v >= min_freq}
    if name.endswith(".json"):
        rows = jl(name)
    else:
        rows, head = table(name)
        check(head == ["ngram", "count", "per_million"], f"{name}: header {head}")
    got = {r["ngram"]: int(r["count"]) for r in rows}
    check(got == want, f"{name}: n-grams differ: {sorted(set(got.items()) ^ set(want.items()))[:6]}")
    check(len(rows) > 3, f"{name}: {len(rows)} rows")
    cs = [int(r["count"]) for r in rows]
    check(cs == sorted(cs, reverse=True), f"{name}: not by count")
    for r in rows:
        check(abs(float(r["per_million"]) - int(r["count"]) * 1e6 / len(toks)) < 0.006,
              f"{name}: per_million {r['per_million']}")

check_ngrams("n-2-norm.csv", toks, 2, "norm", 1)
check_ngrams("n-3-word.tsv", toks, 3, "word", 2)
check_ngrams("n-4-pos-likely.csv", toks, 4, "pos", 1, jl("hits-likely.json"))
check_ngrams("n-3-war24.json", toks24, 3, "word", 1, jl("hits24-war.json"))
sys.exit(1 if bad else 0)
PY
# damage: a bit flipped in the middle of each 4 KiB block of a segment in
# turn; --ngrams, --collocates and --keywords answer exactly as on the
# undamaged index, or fail with exit status 4 naming the segment file (they
# once said only "a token's term is unreadable")
art=$(ls "$top_srcdir"/corpus/articles/*.txt | head -1)
$ING -q -x "$tmp/one" "$art" || fail "damage: ingest"
stats_q() {
	case $1 in
	0) $Q -x "$2" --ngrams 2 ;;
	1) $Q -x "$2" --collocates --min-freq 1 '"the"' ;;
	2) $Q -x "$2" --keywords --alpha 1 --focus '<q/>' ;;
	esac
}
for i in 0 1 2; do stats_q $i "$tmp/one" >"$tmp/good$i" || fail "damage: query $i"; done
seg=$(ls "$tmp"/one/seg-*.tdx | head -1)
size=$(wc -c <"$seg")
off=2048
while [ "$off" -lt "$size" ]; do
	rm -rf "$tmp/bad"; cp -a "$tmp/one" "$tmp/bad"
	s=$tmp/bad/$(basename "$seg")
	b=$(od -An -tu1 -j"$off" -N1 "$s" | tr -d ' ')
	printf "$(printf '\\%03o' $((b ^ 1)))" |
		dd of="$s" bs=1 seek="$off" conv=notrunc 2>/dev/null
	for i in 0 1 2; do
		stats_q $i "$tmp/bad" >"$tmp/out" 2>"$tmp/err"
		st=$?
		if [ $st -eq 4 ]; then
			grep -q "$s: " "$tmp/err" ||
				fail "damage at $off, query $i: $(cat "$tmp/err")"
		else
			cmp -s "$tmp/out" "$tmp/good$i" ||
				fail "damage at $off, query $i: exit $st, another answer"
		fi
	done
	off=$((off + 4096))
done

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok"
