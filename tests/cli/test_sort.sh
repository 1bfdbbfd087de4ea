#!/bin/sh
# test_sort.sh: tagdex-query --sort against an independent computation:
# Python with PyICU reads every token of the index (a '[]' query with
# --tokens), makes each hit's keys from the words the man page names
# (match, layers, left and right context, leftN, rightN, an element's
# attribute, metadata), compares them with ICU's root collator at the
# strength --collation gives (or by code points), and sorts the unsorted
# hits stably, key after key. The order must be tagdex's, hit for hit.
# A document of words that differ by case and accents only shows the
# default order ignoring both. Also: the errors of --sort and --collation.
. "$(dirname "$0")/lib.sh"
td_tmp tq-sort
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import icu' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "PyICU missing (python3-icu): skipped"; exit 77; }

mkdir "$tmp/in"
cp "$top_srcdir"/corpus/articles/*.txt "$tmp/in/"
cat >"$tmp/in/zz-collation.txt" <<'EOF'
Words that differ by case and accents

Éclair eclair Eclair éclair apple Apple ápple zebra Zebra zèbre Ørsted orsted Straße strasse resume résumé Résumé RESUME.
EOF
$ING -q -x "$tmp/idx" "$tmp/in" || { echo "FAIL: ingest"; exit 1; }

expect_usage() { # MSG ARGS...: exit 2 and MSG on stderr
	msg=$1; shift
	$Q -x "$tmp/idx" "$@" >/dev/null 2>"$tmp/err"
	[ $? = 2 ] && grep -qF -- "$msg" "$tmp/err" || fail "$*: not a usage error with '$msg'"
}
expect_usage "not 'colour'" --sort match,colour '"the"'
expect_usage "not ''" --sort match, '"the"'
expect_usage "not 'left0'" --sort left0 '"the"'
expect_usage "--collation: expected primary" --sort match --collation fancy '"the"'
expect_usage "give --sort too" --collation bytes '"the"'
expect_usage "--sort orders hits" --count --sort -match '"the"'
# ICU is loaded when a sort needs the collator, not at start (it cost every
# process about 5 ms): glibc's loader names each library it opens
icu_loaded() { # ARGS...: 0 when tagdex-query ARGS opened libicui18n
	LD_DEBUG=files $Q -x "$tmp/idx" "$@" 2>&1 >/dev/null |
		grep -q 'file=libicui18n'
}
if LD_DEBUG=files $Q --version 2>&1 | grep -q 'file='; then
	! icu_loaded --count '"the"' || fail "a count loaded ICU"
	! icu_loaded --sort match --collation bytes --limit 3 '"the"' ||
		fail "a byte sort loaded ICU"
	icu_loaded --sort match --limit 3 '"the"' || fail "a sort did not load ICU"
fi
# no hits to sort (the sanitizer build caught a memcpy to NULL here)
$Q -x "$tmp/idx" --sort left,-match '"zzqxj"' >"$tmp/out" 2>&1
[ $? = 1 ] && [ ! -s "$tmp/out" ] || fail "--sort of no hits: $(cat "$tmp/out")"

"$PY" - "$Q" "$tmp/idx" <<'EOF' || fail "the orders differ from PyICU's"
import json, subprocess, sys
import icu

Q, X = sys.argv[1], sys.argv[2]
bad = 0


def run(*args):
    p = subprocess.run([Q, "-x", X, *args], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"{args}: exit {p.returncode}: {p.stderr}")
    return [json.loads(l) for l in p.stdout.splitlines()]


# every token: (doc, position) -> layers; the positions of the article's
# tokens (not pull quotes nor layout) per doc, which context shows
tok, pos = {}, {}
for h in run("--format", "json", "--tokens", "--context", "0",
             "--pullquotes", "[]"):
    tok[(h["doc"], h["start"])] = h["tokens"][0]
for h in run("--format", "json", "--context", "0", "[]"):
    pos.setdefault(h["doc"], []).append(h["start"])

STRENGTH = {"primary": icu.Collator.PRIMARY,
            "secondary": icu.Collator.SECONDARY,
            "tertiary": icu.Collator.TERTIARY}


def keyer(coll):
    if coll == "bytes":
        return lambda s: s.encode()
    c = icu.Collator.createInstance(icu.Locale.getRoot())
    c.setStrength(STRENGTH[coll])
    c.setAttribute(icu.UCollAttribute.NORMALIZATION_MODE,
                   icu.UCollAttributeValue.ON)
    return c.getSortKey


def words(h, ps, layer="word"):
    return [tok[(h["doc"], p)][layer] for p in ps]


def key(h, name, width, k):
    """the key as a tuple of collation keys, word by word; () missing"""
    d, s, e = h["doc"], h["start"], h["end"]
    art = pos[d]
    if name in ("match", "norm", "lemma", "pos"):
        w = words(h, range(s, e), "word" if name == "match" else name)
    elif name == "left":
        w = words(h, [p for p in art if p < s][-width:][::-1])
    elif name == "right":
        w = words(h, [p for p in art if p >= e][:width])
    elif name.startswith("left"):  # the Nth article token before
        n, b = int(name[4:]), [p for p in art if p < s]
        w = words(h, [b[-n]]) if len(b) >= n else []
    elif name.startswith("right"):
        n, a = int(name[5:]), [p for p in art if p >= e]
        w = words(h, [a[n - 1]]) if len(a) >= n else []
    elif "@" in name:
        el, at = name.split("@")
        sp = [x for x in h["spans"] if x["name"] == el]
        sp.sort(key=lambda x: x["end"] - x["start"])  # innermost first
        v = sp[0]["attrs"].get(at) if sp else None
        w = [v] if v is not None else []
    elif name in ("doc", "date", "title"):
        w = [h[name]] if h.get(name) is not None else []
    elif name == "year":
        w = [h["date"][:4]] if h.get("date") else []
    else:
        sys.exit("no such key in the test: " + name)
    return tuple(k(x) for x in w)


def check(query, spec, coll=None, width=3):
    global bad
    opts = ["--format", "json", "--context", str(width)]
    hits = run(*opts, query)
    k = keyer(coll or "primary")
    order = list(range(len(hits)))
    # stable sorts from the last key to the first: the first key decides,
    # ties go to the next, and equal hits keep the order they came in
    for item in reversed(spec.split(",")):
        desc = item.startswith("-")
        name = item.lstrip("-")
        ks = [key(h, name, width, k) for h in hits]
        order.sort(key=lambda i: ks[i], reverse=desc)
    want = [(hits[i]["doc"], hits[i]["start"], hits[i]["end"]) for i in order]
    args = opts + ["--sort", spec] + (["--collation", coll] if coll else [])
    got = [(h["doc"], h["start"], h["end"]) for h in run(*args, query)]
    if got != want or not got:
        bad += 1
        at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b),
                  min(len(got), len(want)))
        print(f"FAIL: --sort {spec} --collation {coll} {query}: "
              f"{len(got)} hits, {len(want)} wanted; first difference at "
              f"{at}: {got[at:at + 2]} != {want[at:at + 2]}")


check('"the"%c', "match")
check('"the"%c', "match", "tertiary")
check('"the"%c', "left")
check('"the"%c', "-right", width=5)
check('"the"%c', "right1,-left2")
check('"the"%c', "s@ana,-match,right2")
check('[pos="NNP"]', "match")
check('[pos="NNP"]', "lemma,-date", "secondary")
check('[pos="NNP"]', "title,left1", "bytes")
check('[pos="JJ"] [pos="NN.*"]', "-year,match,doc")
check('[pos="JJ"] [pos="NN.*"]', "norm,-right", "bytes", width=2)
check('[pos="MD"]', "pos,right,left", "tertiary")
for coll in ("primary", "secondary", "tertiary", "bytes"):
    check('[] within <p/>', "match", coll)
    check('[] within <p/>', "-left,match", coll, width=1)

# the words that differ by case and accents only: one group at primary
# strength, corpus order inside it; tertiary puts lower case first
def matches(*args):
    return [h["match"] for h in run("--format", "json", "--doc",
                                   "doc-zz-collation", *args, "[]")]
mine = ["apple", "Apple", "ápple", "Éclair", "eclair", "Eclair", "éclair",
        "Ørsted", "orsted", "resume", "résumé", "Résumé", "RESUME", "Straße",
        "strasse", "zebra", "Zebra", "zèbre"]
got = [w for w in matches("--sort", "match") if w in mine]
if got != mine:
    bad += 1
    print("FAIL: primary order of the case and accent words:", got)
if matches("--sort", "match", "--collation", "bytes")[1:3] != ["Apple", "Eclair"]:
    bad += 1
    print("FAIL: bytes order")
sys.exit(1 if bad else 0)
EOF

# descending is the ascending order reversed where keys differ, corpus
# order where they are equal: a doc sort reversed keeps each document's hits
# in order
$Q -x "$tmp/idx" --format tsv --sort -doc '"said"' | tail -n +2 | cut -f1,3 >"$tmp/desc"
$Q -x "$tmp/idx" --format tsv --sort doc '"said"' | tail -n +2 | cut -f1,3 >"$tmp/asc"
[ "$(head -1 "$tmp/desc" | cut -f1)" = "$(tail -1 "$tmp/asc" | cut -f1)" ] ||
	fail "-doc does not start with the last document"
sort -s -t "$(printf '\t')" -k1,1r "$tmp/asc" | cmp -s - "$tmp/desc" || fail "-doc: not stable"
exit $((fails > 0))
