#!/bin/sh
# test_shards.sh: shards built apart, then searched together (issue 17).
# GNU parallel builds three shard indexes of a small corpus at once, as a
# cluster would with --sshlogin (docs/scale.md); then every kind of answer
# from the shards together (-x A -x B -x C, and -X FILE) must be byte for
# byte, with the same exit status, what one index built from the same
# files in the same order gives: counts, KWIC, sorted and sampled hits,
# --freq and n-way tables, --dispersion, JSON with tokens, the
# statistics, and --info, --docs, --values and --actors. A source or a document id in two shards is refused (exit 2),
# never counted twice. The shards combined into one index (tagdex-ingest
# --merge-list, --merge-index) answer alike too, and so does tagdex-serve
# over the shards.
. "$(dirname "$0")/lib.sh"
command -v parallel >/dev/null || { echo "GNU parallel missing: skipped"; exit 77; }
td_tmp td-shards

# the corpus: the articles and two TEI documents, in name order; three
# shards of consecutive files
ls "$top_srcdir"/corpus/articles/* >"$tmp/all"
ls "$top_srcdir"/tests/data/render/*.xml >>"$tmp/all"
n=$(wc -l <"$tmp/all")
[ "$n" -ge 6 ] || { echo "FAIL: corpus of $n files"; exit 1; }
per=$(((n + 2) / 3))
split -l "$per" -d "$tmp/all" "$tmp/list."
ls "$tmp"/list.* | wc -l | grep -qx 3 || { echo "FAIL: not 3 shard lists"; exit 1; }

xargs $ING -q -x "$tmp/full" <"$tmp/all" || { echo "FAIL: ingest of the whole"; exit 1; }
# each job builds one shard from its list, as a node of a cluster would
parallel --will-cite -j3 "xargs $ING -q -x $tmp/shard{/} <{}" ::: "$tmp"/list.* ||
	{ echo "FAIL: parallel shard builds"; exit 1; }
set -- -x "$tmp/shardlist.00" -x "$tmp/shardlist.01" -x "$tmp/shardlist.02"
printf '# shards\n%s\n\n%s\n%s\n' "$tmp/shardlist.00" "$tmp/shardlist.01" \
	"$tmp/shardlist.02" >"$tmp/shards.txt"

# the shards combined into one index (tagdex-ingest --merge-list: their
# segments linked in, then merged into one)
$ING -x "$tmp/comb" --merge-list "$tmp/shards.txt" 2>"$tmp/err" ||
	{ fail "--merge-list"; cat "$tmp/err"; }
# one segment, unless the build lowered the per-segment token limit
# (configure --with-segment-tokens, CI's limit stage): then as many as the
# manifest names
nseg=$(grep -c '^seg ' "$tmp/comb/MANIFEST")
limit=$(sed -n 's/^#define TD_SEG_MAX_TOKENS \([0-9]*\)u$/\1/p' \
	"$top_builddir/config.h")
if [ "${limit:-4294967294}" -ge 100000 ]; then want=1; else want=$nseg; fi
[ "$nseg" -eq "$want" ] && [ "$want" -ge 1 ] &&
	grep -q "3 indexes combined; .* $want segments\{0,1\} in" "$tmp/err" ||
	{ fail "--merge-list summary: $nseg segments, want $want"; cat "$tmp/err"; }
$ING -q -x "$tmp/comb" --check || fail "--check of the combined index"

# one query on the whole, on the shards and on the combined index: the
# same bytes and status
k=0
same() {
	k=$((k + 1))
	$Q -x "$tmp/full" "$@" >"$tmp/one.$k" 2>"$tmp/one.$k.err"
	s1=$?
	$Q "$@" -x "$tmp/shardlist.00" -x "$tmp/shardlist.01" \
		-x "$tmp/shardlist.02" >"$tmp/fed.$k" 2>"$tmp/fed.$k.err"
	s2=$?
	$Q -X "$tmp/shards.txt" "$@" >"$tmp/lst.$k" 2>&1
	s3=$?
	$Q -x "$tmp/comb" "$@" >"$tmp/comb.$k" 2>&1
	s4=$?
	[ "$s1" -le 1 ] || { fail "$*: exit $s1 on one index"; cat "$tmp/one.$k.err"; }
	[ "$s1" = "$s2" ] && [ "$s1" = "$s3" ] || fail "$*: exit $s1 on one index, $s2 and $s3 on the shards"
	cmp -s "$tmp/one.$k" "$tmp/fed.$k" ||
		{ fail "$*: the shards answer otherwise"; diff "$tmp/one.$k" "$tmp/fed.$k" | head -5; }
	cmp -s "$tmp/one.$k" "$tmp/lst.$k" || fail "$*: -X answers otherwise"
	[ "$s1" = "$s4" ] && cmp -s "$tmp/one.$k" "$tmp/comb.$k" ||
		{ fail "$*: the combined index answers otherwise"; diff "$tmp/one.$k" "$tmp/comb.$k" | head -5; }
	[ -s "$tmp/one.$k" ] || [ "$s1" = 1 ] || fail "$*: empty answer"
}
same --count '"the"'
same --count '[pos="MD"] [pos="VB"]'
same --count '<q/>'
same --count '"said" within <s/>' --from 2024
same '"likely"%c'
same --context s '[lemma="warn"]'
same --sort left '"said"'
same --sort right --limit 7 --offset 3 '"the"'
same --sort date '"sanctions"|"ceasefire"'
same --sort right1,-left,match --context 3 '"the"'
same --sort q@who,-date --collation tertiary '<q/>'
same --sample 9 --seed 5 '"the"'
same --format json --tokens '"likely"%c'
same --format tsv '<seg type="hedge"/>'
same --freq match '"[a-z]+ly"'
same --freq lemma '[pos="VB.*"]'
same --freq norm --dispersion '"the"|"a"'
same --freq doc '"said"'
same --freq year,genre '"the"'
same --freq lemma,pos '[]'
same --freq match,right1 --format csv '"will"'
same --who '.*' --freq who
same --doc doc-2024-01-19-kim-jong-un-hostile-rhetoric --count '[]'
same --collocates '"said"'
same --collocates --by lemma --window s --measure ll '"likely"%c'
same --keywords --focus '<q/>' --format csv
same --ngrams 2
same --ngrams 3 --min-freq 2 '"the"'
same --count '"nosuchwordanywhere"'
# what the index holds: the union described as one index
same --info
same --info --format json
same --docs
same --docs --format json
same --values q@who
same --values s@ana
same --actors

# the shards and the whole hold the same documents and tokens
$Q -x "$tmp/full" --freq doc --format tsv '[]' | sort >"$tmp/docs.one"
$Q "$@" --freq doc --format tsv '[]' | sort >"$tmp/docs.fed"
cmp -s "$tmp/docs.one" "$tmp/docs.fed" || fail "documents and tokens differ"

# the same shard twice: every source twice, refused (exit 2, naming it)
$Q -x "$tmp/shardlist.00" -x "$tmp/shardlist.00" --count '[]' >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q 'both hold the document of source' "$tmp/err" ||
	{ fail "a shard given twice"; cat "$tmp/err"; }
# a file in two shards (overlapping lists)
$ING -q -x "$tmp/overlap" "$(head -1 "$tmp/list.01")" || fail "ingest of one file"
$Q -x "$tmp/shardlist.01" -x "$tmp/overlap" --collocates '"said"' >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "shardlist.01 and .*overlap both hold" "$tmp/err" ||
	{ fail "a source in two shards"; cat "$tmp/err"; }
# two files of one name in two shards: one index would give the later
# one another id; the union would give both the same
mkdir -p "$tmp/a" "$tmp/b"
cp "$top_srcdir/corpus/articles/2024-10-18-taiwan-drills-message.txt" "$tmp/a/x.txt"
cp "$top_srcdir/corpus/articles/2023-12-14-wto-reform-abu-dhabi.txt" "$tmp/b/x.txt"
$ING -q -x "$tmp/ida" "$tmp/a" && $ING -q -x "$tmp/idb" "$tmp/b" || fail "ingest a, b"
$Q -x "$tmp/ida" -x "$tmp/idb" --count '[]' >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'both hold a document with id doc-x' "$tmp/err" ||
	{ fail "an id in two shards"; cat "$tmp/err"; }
# a missing shard is the index error (4), naming it
$Q -x "$tmp/shardlist.00" -x "$tmp/nosuch" --count '[]' >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && grep -q "nosuch" "$tmp/err" || { fail "a missing shard"; cat "$tmp/err"; }
# -X: a list naming nothing, and a missing list, are usage errors
printf '# nothing\n\n' >"$tmp/empty.txt"
$Q -X "$tmp/empty.txt" --count '[]' >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'names no index' "$tmp/err" || fail "-X of an empty list"
$Q -X "$tmp/nosuch.txt" --count '[]' >/dev/null 2>&1
[ $? -eq 2 ] || fail "-X of a missing file"
# an error about an index of a list names FILE:LINE and the directory
# once; so does one about a -x DIR (it said "DIR: DIR: no index here")
printf '# two\n%s\n\n%s\n' "$tmp/shardlist.00" "$tmp/nosuch" >"$tmp/bad.txt"
$Q -X "$tmp/bad.txt" --count '[]' >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && grep -qx "tagdex-query: $tmp/bad.txt:4: $tmp/nosuch: no index here (no MANIFEST)" "$tmp/err" ||
	{ fail "-X: a missing index's line"; cat "$tmp/err"; }
printf '%s\n' "$tmp/nosuch" >"$tmp/bad1.txt"
$Q -X "$tmp/bad1.txt" --count '[]' >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && grep -qx "tagdex-query: $tmp/bad1.txt:1: $tmp/nosuch: no index here (no MANIFEST)" "$tmp/err" ||
	{ fail "-X of one missing index"; cat "$tmp/err"; }
$Q -x "$tmp/nosuch" --count '[]' >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && grep -qx "tagdex-query: $tmp/nosuch: no index here (no MANIFEST)" "$tmp/err" ||
	{ fail "-x of a missing index: the directory twice?"; cat "$tmp/err"; }
$Q -x "$tmp/nosuch" --collocates '"the"' >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && grep -qx "tagdex-query: $tmp/nosuch: no index here (no MANIFEST)" "$tmp/err" ||
	{ fail "--collocates -x of a missing index"; cat "$tmp/err"; }
printf '%s\n%s\n' "$tmp/ida" "$tmp/ida" >"$tmp/twice.txt"
$Q -X "$tmp/twice.txt" --count '[]' >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "$tmp/ida ($tmp/twice.txt:1) and $tmp/ida ($tmp/twice.txt:2) both hold" "$tmp/err" ||
	{ fail "-X naming an index twice"; cat "$tmp/err"; }
$ING -q -x "$tmp/comb3" --merge-list "$tmp/bad.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && grep -qx "tagdex-ingest: $tmp/bad.txt:4: $tmp/nosuch: no index here (no MANIFEST)" "$tmp/err" ||
	{ fail "--merge-list: a missing index's line"; cat "$tmp/err"; }

# --- combining: the shards are left as they were
$Q -X "$tmp/shards.txt" --freq doc --format tsv '[]' | sort | cmp -s - "$tmp/docs.fed" ||
	fail "the shards changed after --merge-list"
# into an index that holds documents already: the shards' go after them
xargs $ING -q -x "$tmp/grow" <"$tmp/list.00" &&
	$ING -q -x "$tmp/grow" --merge-index "$tmp/shardlist.01" \
		--merge-index "$tmp/shardlist.02" ||
	fail "--merge-index into an index with documents"
$Q -x "$tmp/grow" --sort left '"said"' >"$tmp/grow.out"
$Q -x "$tmp/full" --sort left '"said"' | cmp -s - "$tmp/grow.out" ||
	fail "the grown index answers otherwise"
# a source twice: refused, naming both, and the index unchanged
$ING -q -x "$tmp/grow" --merge-index "$tmp/overlap" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'both hold the document of source' "$tmp/err" ||
	{ fail "--merge-index of a source held already"; cat "$tmp/err"; }
$Q -x "$tmp/grow" --sort left '"said"' | cmp -s - "$tmp/grow.out" ||
	fail "a refused --merge-index changed the index"
$ING -q -x "$tmp/two" --merge-index "$tmp/shardlist.00" \
	--merge-index "$tmp/shardlist.00" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'both hold' "$tmp/err" ||
	{ fail "--merge-index of a shard twice"; cat "$tmp/err"; }
# nothing left behind in the new index: it opens and holds nothing, and
# another writer takes it (no segment files without a manifest)
[ "$($Q -x "$tmp/two" --count '[]')" = 0 ] || fail "a refused combination left documents"
$ING -q -x "$tmp/two" --merge-index "$tmp/shardlist.00" ||
	fail "--merge-index after a refused one"
$ING -q -x "$tmp/two" --check 2>"$tmp/err" && [ ! -s "$tmp/err" ] ||
	{ fail "--check after a refused combination"; cat "$tmp/err"; }
# an id twice (two files of one name)
$ING -q -x "$tmp/ab" --merge-index "$tmp/ida" --merge-index "$tmp/idb" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'both hold a document with id doc-x' "$tmp/err" ||
	{ fail "--merge-index of an id twice"; cat "$tmp/err"; }
# usage: with input files; a missing shard (4, named)
$ING -q -x "$tmp/comb2" --merge-index "$tmp/shardlist.00" "$tmp/a" >/dev/null 2>&1
[ $? -eq 2 ] || fail "--merge-index with input files: not exit 2"
$ING -q -x "$tmp/comb2" --merge-index "$tmp/nosuch" >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && grep -q nosuch "$tmp/err" || { fail "--merge-index of a missing index"; cat "$tmp/err"; }
$ING -q -x "$tmp/comb2" --merge-list "$tmp/empty.txt" >/dev/null 2>&1
[ $? -eq 2 ] || fail "--merge-list of an empty list: not exit 2"

# --- tagdex-serve over the shards (several -x) answers as over the whole
S=$top_builddir/queries/tagdex-serve
start() { # NAME ARGS...: a server on a free port; its port in $tmp/NAME.port
	name=$1
	shift
	"$S" --port 0 "$@" 2>"$tmp/$name.err" &
	echo $! >"$tmp/$name.pid"
	for _ in $(seq 100); do
		p=$(sed -n 's|.*listening on http://[0-9.]*:\([0-9]*\)/$|\1|p' "$tmp/$name.err")
		[ -n "$p" ] && { echo "$p" >"$tmp/$name.port"; return 0; }
		sleep 0.1
	done
	fail "tagdex-serve $*: did not start"; cat "$tmp/$name.err"
	return 1
}
if [ -x "$S" ] && command -v python3 >/dev/null; then
	start one -x "$tmp/full" && start fed -X "$tmp/shards.txt" &&
	python3 - "$(cat "$tmp/one.port")" "$(cat "$tmp/fed.port")" <<'PY' || fail "tagdex-serve over the shards"
import sys, urllib.error, urllib.parse, urllib.request
one, fed = sys.argv[1:3]
def get(port, path, params):
    url = f"http://127.0.0.1:{port}{path}?" + urllib.parse.urlencode(params)
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
bad = 0
for path, params in [
        ("/api/count", {"q": '"the"'}),
        ("/api/count", {"q": "<q/>", "from": "2024"}),
        ("/api/hits", {"q": '"said"', "sort": "left", "number": 1000}),
        ("/api/hits", {"q": '"the"', "first": 40, "number": 7, "context": "s"}),
        ("/api/hits", {"q": '"likely"%c', "format": "csv"}),
        ("/api/freq", {"q": '[pos="MD"]', "by": "lemma"}),
        ("/api/freq", {"q": '"the"', "by": "doc"}),
        ("/api/docs", {}),
        ("/api/docs/doc-2024-01-19-kim-jong-un-hostile-rhetoric", {})]:
    a, b = get(one, path, params), get(fed, path, params)
    if a[0] != 200 or a != b:
        print(f"FAIL: {path} {params}: {a[0]} {a[1][:200]!r} / {b[0]} {b[1][:200]!r}")
        bad += 1
sys.exit(1 if bad else 0)
PY
	for name in one fed; do
		[ -s "$tmp/$name.pid" ] && kill -TERM "$(cat "$tmp/$name.pid")" && wait "$(cat "$tmp/$name.pid")"
	done
	# a source in two of them: refused at start (exit 2)
	"$S" --port 0 -x "$tmp/shardlist.00" -x "$tmp/shardlist.00" 2>"$tmp/err"
	[ $? -eq 2 ] && grep -q 'both hold' "$tmp/err" || { fail "tagdex-serve: a shard twice"; cat "$tmp/err"; }
fi

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok: $k queries answered alike by one index, 3 shards and their combination"
