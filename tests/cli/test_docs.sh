#!/bin/sh
# test_docs.sh: tagdex-query --docs over an index of corpus/tei, against
# Python reading the same TEI files: one row per document, by id, with the
# metadata of its header (title, subtitle, date, genre, file name; the TEI
# reader keeps no reading time, so that column is not compared here); its tokens are the hits of '[]' in it (pull quotes and layout
# included, as --info counts), which add up to --info's tokens. TSV and
# JSON Lines say the same; --docs takes no query.
. "$(dirname "$0")/lib.sh"
td_tmp tq-docs
$ING -q -x "$tmp/idx" "$top_srcdir"/corpus/tei/*.xml || { echo "FAIL: ingest"; exit 1; }
$Q -x "$tmp/idx" --docs --format json >"$tmp/docs.json" || fail "--docs: exit $?"
$Q -x "$tmp/idx" --docs >"$tmp/docs.tsv" || fail "--docs tsv: exit $?"
$Q -x "$tmp/idx" --info --format json >"$tmp/info.json" || fail "--info: exit $?"
$Q -x "$tmp/idx" --freq doc --pullquotes --format json '[]' >"$tmp/freq.json" ||
	fail "--freq doc: exit $?"
python3 - "$top_srcdir/corpus/tei" "$tmp" <<'EOF' || fail "--docs differs from the TEI"
import csv, glob, json, os, sys
import xml.etree.ElementTree as ET

tei, tmp = sys.argv[1], sys.argv[2]
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XID = "{http://www.w3.org/XML/1998/namespace}id"
bad = 0


def fail(msg):
    global bad
    bad += 1
    print("FAIL:", msg)


want = {}
for f in sorted(glob.glob(os.path.join(tei, "*.xml"))):
    r = ET.parse(f).getroot()
    h = r.find("t:teiHeader", NS)
    def text(path):
        e = h.find(path, NS)
        return "".join(e.itertext()).strip() if e is not None else None
    when = h.find("t:fileDesc/t:publicationStmt/t:date", NS)
    want[r.get(XID)] = {
        "title": text("t:fileDesc/t:titleStmt/t:title[@type='main']"),
        "subtitle": text("t:fileDesc/t:titleStmt/t:title[@type='sub']"),
        "date": when.get("when") if when is not None else None,
        "genre": text("t:profileDesc/t:textClass/t:keywords/t:term[@type='genre']"),
        "source_name": text(".//t:idno[@type='file']"),
    }

rows = [json.loads(l) for l in open(os.path.join(tmp, "docs.json"))]
ids = [r["doc"] for r in rows]
if ids != sorted(want):
    fail(f"documents {ids} != {sorted(want)}")
for r in rows:
    w = want.get(r["doc"], {})
    for k, v in w.items():
        if r.get(k) != v:
            fail(f"{r['doc']} {k}: {r.get(k)!r} != {v!r}")
    if not r["source"].endswith("/" + (w.get("source_name") or "")[:-4] + ".xml"):
        fail(f"{r['doc']} source {r['source']}")
# tokens: each document's, and all of them
hits = {}
for l in open(os.path.join(tmp, "freq.json")):
    o = json.loads(l)
    hits[o["doc"] if "doc" in o else o["value"]] = o["count"]
for r in rows:
    if not isinstance(r["tokens"], int) or r["tokens"] != hits.get(r["doc"]):
        fail(f"{r['doc']}: {r['tokens']} tokens, '[]' has {hits.get(r['doc'])} hits")
info = [json.loads(l) for l in open(os.path.join(tmp, "info.json"))]
tok = [o for o in info if o["kind"] == "tokens"][0]["count"]
ndoc = [o for o in info if o["kind"] == "documents"][0]["count"]
if sum(r["tokens"] for r in rows) != tok or len(rows) != ndoc:
    fail(f"--docs sums to {sum(r['tokens'] for r in rows)} tokens in {len(rows)} documents, --info says {tok} in {ndoc}")
# the TSV: a header, then the same rows and fields
with open(os.path.join(tmp, "docs.tsv"), newline="") as f:
    t = list(csv.DictReader(f, delimiter="\t"))
if [{k: (v if v != "" else None) for k, v in x.items()} for x in t] != \
        [{k: (str(v) if v is not None else None) for k, v in r.items()} for r in rows]:
    fail("the TSV says otherwise than the JSON")
sys.exit(1 if bad else 0)
EOF
$Q -x "$tmp/idx" --docs '"the"' >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q "take no query" "$tmp/err" || fail "--docs with a query"
$Q -x "$tmp/idx" --docs --info >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q "exclude each other" "$tmp/err" || fail "--docs --info"
exit $((fails > 0))
