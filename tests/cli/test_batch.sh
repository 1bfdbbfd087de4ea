#!/bin/sh
# test_batch.sh: tagdex-query -f FILE and -f - (issue 15, CQP's cqp -f):
# each answer of a batch is the answer of the query run alone, labelled
# (a separator line in text and TSV, query and line fields in JSON Lines
# and CSV, read back with Python); comments and blank lines skipped; a bad
# query names its line and offset and the others are still answered; the
# exit status is the largest of the answers'.
. "$(dirname "$0")/lib.sh"
td_tmp tq-batch

$ING -q -x "$tmp/idx" "$top_srcdir/corpus/articles" || { echo "ingest failed"; exit 1; }
X="-x $tmp/idx"
cat >"$tmp/q" <<'Q'
# hedges and modals
"likely"%c

  # an indented comment
[pos="MD"] [pos="VB"];
<q who="kim-jong-un"/>
Q
printf '%s\n' '"likely"%c' '"a" ! "b"' '"nosuchwordatall"' >"$tmp/bad"

# --- text: a separator before each answer, the answers as alone
expect 0 $Q $X --count -f "$tmp/q"
want="# query 1 (line 2): \"likely\"%c
$($Q $X --count '"likely"%c')
# query 2 (line 5): [pos=\"MD\"] [pos=\"VB\"];
$($Q $X --count '[pos="MD"] [pos="VB"];')
# query 3 (line 6): <q who=\"kim-jong-un\"/>
$($Q $X --count '<q who="kim-jong-un"/>')"
[ "$(cat "$tmp/out")" = "$want" ] || fail "text batch: $(cat "$tmp/out")"
# the same from standard input
$Q $X --count -f - <"$tmp/q" >"$tmp/stdin" 2>&1 || fail "-f -: exit $?"
cmp -s "$tmp/stdin" "$tmp/out" || fail "-f - differs from -f FILE"
# KWIC lines: the second answer is the query's own
expect 0 $Q $X --context 3 -f "$tmp/q"
$Q $X --context 3 '[pos="MD"] [pos="VB"];' >"$tmp/alone"
sed -n '/^# query 2 /,/^# query 3 /p' "$tmp/out" | sed '1d;$d' >"$tmp/second"
cmp -s "$tmp/second" "$tmp/alone" || fail "KWIC answer 2 differs from the query alone"

# --- a bad query: its line and offset, the others answered, exit 2
expect 2 $Q $X --count -f "$tmp/bad"
has "tagdex-query: line 2: syntax error at offset 6" "$tmp/err"
[ "$(grep -c '^# query' "$tmp/out")" = 3 ] || fail "not every query labelled"
[ "$(sed -n 2p "$tmp/out")" = "$($Q $X --count '"likely"%c')" ] || fail "first answer lost"
[ "$(sed -n 5p "$tmp/out")" = 0 ] || fail "third answer: $(sed -n 5p "$tmp/out")"
# no hits for one query: exit 1 (the largest status)
printf '%s\n' '"likely"%c' '"nosuchwordatall"' >"$tmp/none"
expect 1 $Q $X --count -f "$tmp/none"

# --- JSON Lines and CSV: every record labelled, answers as alone
expect 0 $Q $X --format json -f "$tmp/q"
expect 0 $Q $X --format csv -f "$tmp/q"
cp "$tmp/out" "$tmp/batch.csv"
$Q $X --format json -f "$tmp/q" >"$tmp/batch.json"
for k in '"likely"%c' '[pos="MD"] [pos="VB"];' '<q who="kim-jong-un"/>'; do
	$Q $X --format json "$k"
done >"$tmp/alone.json"
for k in '"likely"%c' '[pos="MD"] [pos="VB"];' '<q who="kim-jong-un"/>'; do
	$Q $X --format csv "$k" | sed '1d'
done >"$tmp/alone.csv"
$Q $X --format csv '"likely"%c' | head -1 >"$tmp/alone.head"
python3 - "$tmp" <<'PY' || fail "JSON or CSV labels"
import csv, json, sys
t = sys.argv[1]
qs = {2: '"likely"%c', 5: '[pos="MD"] [pos="VB"];', 6: '<q who="kim-jong-un"/>'}
b = [json.loads(l) for l in open(t + "/batch.json")]
a = [json.loads(l) for l in open(t + "/alone.json")]
assert len(a) == len(b) > 3, (len(a), len(b))
for x, y in zip(b, a):
    assert list(x)[:2] == ["query", "line"], list(x)[:3]
    assert qs[x.pop("line")] == x.pop("query")
    assert x == y, (x, y)
rows = list(csv.reader(open(t + "/batch.csv", newline="")))
head = next(csv.reader(open(t + "/alone.head", newline="")))
assert rows[0] == ["query", "line"] + head, rows[0]
alone = list(csv.reader(open(t + "/alone.csv", newline="")))
assert len(rows) - 1 == len(alone)
for r, s in zip(rows[1:], alone):
    assert qs[int(r[1])] == r[0] and r[2:] == s, (r, s)
PY
# --count in JSON and CSV: a record per query
$Q $X --count --format json -f "$tmp/q" | head -1 >"$tmp/c.json"
[ "$(cat "$tmp/c.json")" = "{\"query\":\"\\\"likely\\\"%c\",\"line\":2,\"count\":$($Q $X --count '"likely"%c')}" ] ||
	fail "--count json: $(cat "$tmp/c.json")"
$Q $X --count --format csv -f "$tmp/q" | head -2 >"$tmp/c.csv"
[ "$(cat "$tmp/c.csv")" = "query,line,count
\"\"\"likely\"\"%c\",2,$($Q $X --count '"likely"%c')" ] || fail "--count csv: $(cat "$tmp/c.csv")"
# --freq in TSV: each table after its separator, with its header
expect 0 $Q $X --freq match --format tsv -f "$tmp/q"
[ "$(grep -c '^count	' "$tmp/out")" = 3 ] || fail "tsv: a header per answer"

# --- --who by name applies to every query, looked up once
printf '%s\n' '[]' '"the"' >"$tmp/w"
expect 0 $Q $X --who 'Kim Jong Un' --count -f "$tmp/w"
[ "$(grep -c "is a name of actor kim-jong-un" "$tmp/err")" = 1 ] || fail "--who looked up once: $(cat "$tmp/err")"
[ "$(sed -n 2p "$tmp/out")" = "$($Q $X --who kim-jong-un --count '[]')" ] || fail "--who in a batch"
[ "$(sed -n 4p "$tmp/out")" = "$($Q $X --who kim-jong-un --count '"the"')" ] || fail "--who in a batch, 2"

# --- --sort serves every query of a batch (its sorter was freed after the
# first answer, and the second crashed): each answer as the query alone
printf '%s\n' '"the"' '"said"' >"$tmp/s"
expect 0 $Q $X --sort right1,-date --format tsv -f "$tmp/s"
{ echo '# query 1 (line 1): "the"'
  $Q $X --sort right1,-date --format tsv '"the"'
  echo '# query 2 (line 2): "said"'
  $Q $X --sort right1,-date --format tsv '"said"'; } >"$tmp/sorted"
cmp -s "$tmp/out" "$tmp/sorted" || fail "sorted batch differs from the queries alone"

# --- errors: no file, a query argument too, no query in the file
expect 3 $Q $X -f "$tmp/nosuch"
has "nosuch" "$tmp/err"
expect 2 $Q $X -f "$tmp/q" '"likely"'
printf '# nothing\n\n' >"$tmp/empty"
expect 2 $Q $X -f "$tmp/empty"
has "no query" "$tmp/err"
# a missing index stops at the first query
expect 4 $Q -x "$tmp/noidx" --count -f "$tmp/q"
[ "$(grep -c '^# query' "$tmp/out")" = 1 ] || fail "answered past a missing index"

[ "$fails" -eq 0 ]
