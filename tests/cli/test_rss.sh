#!/bin/sh
# test_rss.sh: what tagdex-ingest keeps resident per document of the index
# (issue 17). Opening an index reads every document's record (source, id,
# bytes) into two tables; the pages and strings read for them were kept
# too, about 1.1 kB a document in all, and the streaming merge kept the
# pages it read of its sources (2.5 GB in a 1B-token run). The peak RSS of
# adding one file to an index of 12,000 small documents, and of merging
# it, less that of the same on an index of one document, divided by the
# documents, must stay under a bound (the old code: about 1,100 and 1,370
# bytes; now about 370 and 900). The merge must answer as before (it lets
# go of its sources' pages every 4 MiB written, more than once here).
# --check read every page of the index and kept it (16 GiB at 1B tokens):
# the peak of checking this index less that of one of 2,000 documents was
# 1,380 bytes a document of the difference (the index is 880); now 20.
: "${TD_SHARED:=$(cd "$(dirname "$0")/../../.." && pwd)/shared}"
set -u
top_builddir=${top_builddir:-$(pwd)}
srcdir=${srcdir:-$(dirname "$0")/../..}
case $srcdir in /*) ;; *) srcdir=$(pwd)/$srcdir ;; esac
ING=$top_builddir/indexer/tagdex-ingest
QRY=$top_builddir/queries/tagdex-query
export TAGDEX_LEXICONS=$srcdir/corpus/lexicons
[ -x "$ING" ] || { echo "no $ING"; exit 77; }
[ -r /proc/self/status ] || { echo "skipped: no /proc"; exit 77; }
# a sanitizer's shadow memory and red zones are no measure of ours
if nm "$ING" 2>/dev/null | grep -q '__asan_init\|__msan_init\|__tsan_init' ||
	ldd "$ING" 2>/dev/null | grep -q 'libasan\|libtsan'; then
	echo "skipped: a sanitizer build"
	exit 77
fi
T=$(mktemp -d /tmp/td-rss-XXXXXX)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# bench/timeit: exit status and peak RSS (KiB, wait4) of a command
"${CC:-cc}" -O2 -o timeit "$srcdir/bench/timeit.c" 2>err ||
	{ echo "skipped: cannot compile bench/timeit.c: $(cat err)"; exit 77; }
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# peak KiB of a command that must exit 0
peak() {
	line=$(./timeit -n 1 -w 0 -o out -- "$@") || { fail "timeit $*"; echo 0; return; }
	st=$(echo "$line" | cut -f1)
	[ "$st" = 0 ] || fail "$* exit $st: $(cat out.err)"
	echo "$line" | cut -f2
}
answers() {
	for q in '"said"' '"would" []{0,2} "rise"' '[lemma="analyst"]' '<s/> containing "town"'; do
		"$QRY" -x "$1" --count "$q"
		"$QRY" -x "$1" --freq lemma --limit 20 "$q"
	done 2>&1
	"$QRY" -x "$1" --docs | md5sum
}

N=12000 M=2000
mkdir arts
awk -v n=$N 'BEGIN {
	split("president minister council senator governor mayor analyst economist", who, " ")
	split("likely probably possibly certainly perhaps", hedge, " ")
	split("rates prices taxes wages rents tariffs", what, " ")
	for (i = 1; i <= n; i++) {
		f = sprintf("arts/%06d-the-%s-of-the-region-said-on-monday-that-%s-will-change.txt",
			i, who[i % 8 + 1], what[i % 6 + 1])
		printf "Report number %d on %s\n\nThe %s said on Monday that %s would %s rise by %d percent next year. \"We expect a change,\" the %s said in town %d.\n\nAnalysts said the %s of district %d would %s follow.\n",
			i, what[i % 6 + 1], who[i % 8 + 1], what[(i + 1) % 6 + 1],
			hedge[i % 5 + 1], i % 97, who[(i + 3) % 8 + 1], i,
			what[(i + 2) % 6 + 1], i % 1000, hedge[(i + 2) % 5 + 1] > f
		close(f)
	}
}'
[ "$(ls arts | wc -l)" = $N ] || fail "corpus: $(ls arts | wc -l) files"
first=$(ls arts/* | head -1) second=$(ls arts/* | sed -n 2p)
"$ING" -q -x one "$first" || fail "ingest one"
# several segments (the policy merges some of them at the commit)
"$ING" -q -x big --memory 1M arts || fail "ingest $N"
s=$(grep -c '^seg ' big/MANIFEST)
[ "$s" -gt 2 ] || fail "only $s segments"
answers big > want
[ -s want ] || fail "no answers"
cp -a one one2
base_add=$(peak "$ING" -x one2 "$second")
base_merge=$(peak "$ING" -x one --merge)
merge=$(peak "$ING" -x big --merge)
[ "$(grep -c '^seg ' big/MANIFEST)" = 1 ] || fail "--merge: $(grep -c '^seg ' big/MANIFEST) segments"
"$ING" -x big --check 2>err || fail "check after --merge: $(cat err)"
grep -q "ok, $N documents" err || fail "--merge: $(cat err)"
answers big > got
cmp -s want got || fail "answers differ after --merge: $(diff want got | head -5)"
add=$(peak "$ING" -x big "$second")
# --check: the difference between two indexes of many documents (what
# checking touches once, code and tables, is the same in both)
"$ING" -q -x mid $(ls -d arts/* | head -n $M) || fail "ingest $M"
base_check=$(peak "$ING" -q -x mid --check)
check=$(peak "$ING" -q -x big --check)
size=$(cat big/seg-*.tdx | wc -c)
per_add=$(( (add - base_add) * 1024 / N ))
per_merge=$(( (merge - base_merge) * 1024 / N ))
per_check=$(( (check - base_check) * 1024 / (N - M) ))
echo "peak RSS: adding a file to $N documents $add KiB (one document: $base_add KiB), $per_add bytes a document; --merge $merge KiB ($base_merge KiB), $per_merge bytes a document; --check $check KiB ($M documents: $base_check KiB), $per_check bytes a document (index: $((size / N)) bytes a document)"
[ "$per_add" -le 700 ] || fail "adding a file: $per_add bytes resident a document of the index (at most 700)"
[ "$per_merge" -le 1200 ] || fail "--merge: $per_merge bytes resident a document of the index (at most 1200)"
# --check reads every byte of the index once; it kept them all (the whole
# index resident, 16 GiB at 1B tokens); now a few MiB at a time
[ "$per_check" -le 100 ] || fail "--check: $per_check bytes resident a document of the index (at most 100; the index is $((size / N)) bytes a document)"
[ $fails = 0 ] || exit 1
echo "ok"
