#!/bin/sh
# test_export.sh: every export format of tagdex-query read back with
# Python's csv and json modules (the readers pandas and R follow) and
# compared field by field with the hits: CSV (RFC 4180), TSV with RFC 4180
# quoting, JSON Lines with null for missing values, header rows in every
# table including --freq.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
td_tmp tq-export

# an article whose title and text hold every character a table must quote
mkdir -p "$tmp/a"
cat >"$tmp/a/2024-03-05-quoting.txt" <<'ART'
Tariffs, "deals" and 'doubts'; a test

A standfirst, with commas and "quotes".

Expert comment Published 5 March 2024 3 minute READ

The minister said "tariffs, if any, will be low" and nobody believed it.

A second paragraph says tariffs are "likely" to rise, again.
ART
$ING -q -x "$tmp/idx" "$tmp/a" "$top_srcdir/corpus/articles" ||
	{ echo "ingest failed"; exit 1; }

for f in text csv tsv json; do
	$Q -x "$tmp/idx" --format $f '"tariffs"%c' >"$tmp/hits.$f" || { echo "FAIL: --format $f"; exit 1; }
	$Q -x "$tmp/idx" --format $f --freq doc '"tariffs"%c' >"$tmp/freq.$f" || { echo "FAIL: --freq --format $f"; exit 1; }
	$Q -x "$tmp/idx" --format $f --freq hedge '"likely"' >"$tmp/none.$f" || { echo "FAIL: --freq hedge --format $f"; exit 1; }
done
# the outside of sentences: the title has no sentence id
$Q -x "$tmp/idx" --format json --doc doc-2024-03-05-quoting --limit 1 '[]' >"$tmp/title.json"
$Q -x "$tmp/idx" --format csv --doc doc-2024-03-05-quoting --limit 1 '[]' >"$tmp/title.csv"

python3 - "$tmp" <<'PY'
import csv, json, sys
tmp = sys.argv[1]
fails = []
def check(ok, what):
    if not ok:
        fails.append(what)

def table(name, sep):
    with open(f"{tmp}/{name}", newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh, delimiter=sep))

hits = [json.loads(l) for l in open(f"{tmp}/hits.json", encoding="utf-8")]
check(len(hits) >= 3, f"json hits: {len(hits)}")
cols = ["doc", "s", "start", "end", "date", "left", "match", "right", "title"]
for fmt, sep in (("csv", ","), ("tsv", "\t")):
    rows = table(f"hits.{fmt}", sep)
    check(rows[0] == cols, f"{fmt} header {rows[0]}")
    check(len(rows) == len(hits) + 1, f"{fmt} rows {len(rows)} != {len(hits)} + 1")
    for r, h in zip(rows[1:], hits):
        want = [h["doc"], h["s"] or "", str(h["start"]), str(h["end"]),
                h["date"] or "", h["left"], h["match"], h["right"],
                h["title"] or ""]
        check(r == want, f"{fmt} row {r} != {want}")
# the quoting article really exercises the quoting
q = [h for h in hits if h["doc"] == "doc-2024-03-05-quoting"]
check(any('"' in h["title"] and "," in h["title"] for h in q), "title with quotes and commas")
check(any('"' in h["right"] for h in q), "context with quotes")
raw = open(f"{tmp}/hits.csv", encoding="utf-8").read()
check('"Tariffs, ""deals"" and \'doubts\'; a test"' in raw, "RFC 4180 quoting in CSV")

# frequency tables: a header, then count, per_million, value, tokens
fj = [json.loads(l) for l in open(f"{tmp}/freq.json", encoding="utf-8")]
for fmt, sep in (("csv", ","), ("tsv", "\t")):
    rows = table(f"freq.{fmt}", sep)
    check(rows[0] == ["count", "per_million", "value", "tokens"], f"{fmt} freq header {rows[0]}")
    got = [(int(r[0]), float(r[1]), r[2], int(r[3])) for r in rows[1:]]
    want = [(o["count"], round(o["per_million"], 2), o["value"], o["tokens"]) for o in fj]
    check(got == want, f"{fmt} freq {got} != {want}")
check(sum(o["count"] for o in fj) == len(hits), "freq doc sums to the hits")
text = [l.rstrip("\n").split("\t") for l in open(f"{tmp}/freq.text", encoding="utf-8")]
check([(int(t[0]), t[2]) for t in text] == [(o["count"], o["value"]) for o in fj], "text freq")

# a hit with no value: null in JSON, empty in CSV/TSV, "(none)" in text only
nj = [json.loads(l) for l in open(f"{tmp}/none.json", encoding="utf-8")]
check(any(o["value"] is None for o in nj), f"json null value: {nj}")
for fmt, sep in (("csv", ","), ("tsv", "\t")):
    rows = table(f"none.{fmt}", sep)
    check(["" if o["value"] is None else o["value"] for o in nj] == [r[2] for r in rows[1:]],
          f"{fmt} missing value")
    check("(none)" not in open(f"{tmp}/none.{fmt}").read(), f"{fmt} placeholder")
check("(none)" in open(f"{tmp}/none.text").read(), "text shows (none)")
for name in ("hits.json", "freq.json", "none.json", "title.json"):
    check("(none)" not in open(f"{tmp}/{name}").read(), f"{name} placeholder string")
t = json.loads(open(f"{tmp}/title.json").read())
check(t["s"] is None, "title hit: s is null")
r = table("title.csv", ",")
check(r[1][1] == "" and r[1][0] == t["doc"], f"title hit in csv: {r}")

for f in fails:
    print("FAIL:", f)
if fails:
    sys.exit(1)
print("all export checks passed")
PY
