#!/bin/sh
# test_freq_table.sh: n-way frequency tables (--freq KEY,KEY,...) over an
# index of corpus/: every count, docs and group size checked against
# --count with the matching filters and against the concordance (read with
# Python's csv), the columns by name, JSON Lines, and the errors.
. "$(dirname "$0")/lib.sh"
td_tmp tq-table

$ING -q -x "$tmp/idx" "$top_srcdir/corpus/articles" || { echo "ingest failed"; exit 1; }
X="-x $tmp/idx"
H='<seg type="hedge"/>'

# --- year,genre: each row is --count with --from/--to YEAR --genre G; its
# docs the distinct documents of those hits in the concordance; its tokens
# the size of those documents (the per-million base)
expect 0 $Q $X --format tsv --freq year,genre "$H"
cp "$tmp/out" "$tmp/yg.tsv"
expect 0 $Q $X --format tsv --limit 100000 "$H"
cp "$tmp/out" "$tmp/conc.tsv"
expect 0 $Q $X --format tsv --freq doc '[]'
cp "$tmp/out" "$tmp/docsize.tsv"
python3 - "$tmp/yg.tsv" "$tmp/conc.tsv" >"$tmp/rows" <<'PY' || fail "year,genre table"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t"))
assert list(rows[0].keys()) == ["count", "per_million", "docs", "year", "genre", "tokens"], rows[0].keys()
for r in rows:
    assert abs(float(r["per_million"]) - int(r["count"]) * 1e6 / int(r["tokens"])) < 0.006, r
    print(r["year"], r["genre"], r["count"], r["docs"], r["tokens"], sep="\t")
PY
while IFS="	" read -r y g n d t; do
	[ "$($Q $X --count --from "$y" --to "$y" --genre "$g" "$H")" = "$n" ] ||
		fail "year $y genre $g: count $n"
	# the documents of year y and genre g: their hits' documents and their tokens
	[ "$($Q $X --count --from "$y" --to "$y" --genre "$g" '[]')" = "$t" ] ||
		fail "year $y genre $g: tokens $t"
	nd=$($Q $X --format tsv --limit 100000 --from "$y" --to "$y" --genre "$g" "$H" |
		python3 -c 'import csv, sys
print(len({r["doc"] for r in csv.DictReader(sys.stdin, delimiter="\t")}))')
	[ "$nd" = "$d" ] || fail "year $y genre $g: docs $d, concordance $nd"
done <"$tmp/rows"
# the counts add up to the number of hits
sum=$(python3 -c 'import csv, sys
print(sum(int(r["count"]) for r in csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t")))' "$tmp/yg.tsv")
[ "$sum" = "$($Q $X --count "$H")" ] || fail "sum of counts $sum"

# --- a key that is not document-level: the base is every searched token
expect 0 $Q $X --format csv --freq left1,match '"likely"'
python3 - "$tmp/out" "$($Q $X --count '[]')" "$($Q $X --count '"likely"')" <<'PY' || fail "left1,match"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert list(rows[0].keys()) == ["count", "per_million", "docs", "left1", "match", "tokens"]
assert all(int(r["tokens"]) == int(sys.argv[2]) for r in rows)
assert sum(int(r["count"]) for r in rows) == int(sys.argv[3])
assert all(r["match"] == "likely" for r in rows)
PY
# left1 is the word before: "likely" after "are" is "are" "likely"
n=$(python3 -c 'import csv, sys
print(sum(int(r["count"]) for r in csv.DictReader(open(sys.argv[1], newline="")) if r["left1"] == "are"))' "$tmp/out")
[ "$n" = "$($Q $X --count '"are" "likely"')" ] || fail "left1 are: $n"
expect 0 $Q $X --format tsv --freq right2 '"likely"'
n=$(python3 -c 'import csv, sys
print(sum(int(r["count"]) for r in csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t") if r["right2"] == "be"))' "$tmp/out")
[ "$n" = "$($Q $X --count '"likely" [] "be"')" ] || fail "right2 be: $n"

# --- an element's attribute: q@who against <q who="..."/>, # dropped
expect 0 $Q $X --format json --freq q@who,year '"said"|"says"|"war"'
python3 - "$tmp/out" >"$tmp/who" <<'PY' || fail "json"
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    assert list(o.keys()) == ["count", "per_million", "docs", "q@who", "year", "tokens"], o
    assert o["q@who"] is None or not o["q@who"].startswith("#")
PY
expect 0 $Q $X --format tsv --freq q@who "$H"
kim=$(python3 -c 'import csv, sys
print(sum(int(r["count"]) for r in csv.DictReader(open(sys.argv[1], newline=""), delimiter="\t") if r["q@who"] == "kim-jong-un"))' "$tmp/out")
[ "$kim" = "$($Q $X --count "$H within <q who=\"kim-jong-un\"/>")" ] || fail "q@who kim: $kim"

# --- errors: a key that is not one, what to type instead
expect 2 $Q $X --freq year,colour "$H"; has "--freq: expected match, norm" "$tmp/err"
expect 2 $Q $X --freq year,hedge "$H"; has "use seg@subtype" "$tmp/err"
expect 2 $Q $X --freq who,year "$H"; has "q@who or said@who" "$tmp/err"
expect 2 $Q $X --freq year,author "$H"; has "keeps no author" "$tmp/err"
expect 2 $Q $X --freq year, "$H"; has "an empty key" "$tmp/err"
expect 2 $Q $X --freq left0 "$H"
expect 2 $Q $X --freq year,genre --dispersion "$H"
expect 1 $Q $X --freq year,genre '"zzqxj"'

if [ "$fails" -ne 0 ]; then
	echo "$fails check(s) failed"
	exit 1
fi
echo "all frequency table checks passed"
