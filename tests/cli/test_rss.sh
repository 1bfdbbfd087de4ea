#!/bin/sh
# test_rss.sh: what tagdex-ingest keeps resident per document of the index
# (issue 17). Opening an index reads every document's record (source, id,
# bytes); the writer and tagdex-ingest kept tables of copies of their
# strings (about 370 bytes a document here, after the pages read were let
# go); now they keep tables of document numbers (td_docmap, 8 bytes a
# document a table) and read the strings back from the segments. The
# streaming merge kept the pages it read of its sources (2.5 GB in a
# 1B-token run). The peak RSS of adding one file to an index of 12,000
# small documents, and of merging it, less that of the same on an index of
# one document, divided by the documents, must stay under a bound (the
# first code: about 1,100 and 1,370 bytes; with the pages let go 390 and
# 920; now about 0 (the tables fit in what the run needs anyway) and 280).
# The merge must answer as before (it lets go of its sources' pages every
# 4 MiB written, more than once here).
# --check read every page of the index and kept it (16 GiB at 1B tokens);
# now it keeps about --memory of them: the peak of checking this index of
# 10 MB with --memory 2M, less that of checking one document, was 15 MB,
# then 5.7 MB (6.4 MB on a loaded machine: CI failed), most of it the
# pages of the documents' records, read for the duplicate check and kept
# (a segment's last 4,095 records each), the open lists of the words of a
# frequent tag (the union of their postings, 3.9 MB of heap), and the span
# attribute values decoded (1.4 MB of heap, not counted in the budget); now
# about 2.5 MB, at most 6 MiB.
. "$(dirname "$0")/lib.sh"
[ -x "$ING" ] || { echo "no $ING"; exit 77; }
[ -r /proc/self/status ] || { echo "skipped: no /proc"; exit 77; }
# a sanitizer's shadow memory and red zones are no measure of ours
if nm "$ING" 2>/dev/null | grep -q '__asan_init\|__msan_init\|__tsan_init' ||
	ldd "$ING" 2>/dev/null | grep -q 'libasan\|libtsan'; then
	echo "skipped: a sanitizer build"
	exit 77
fi
td_tmp td-rss
cd "$tmp" || exit 1
# bench/timeit: exit status and peak RSS (KiB, wait4) of a command
"${CC:-cc}" -O2 -o timeit "$srcdir/bench/timeit.c" 2>err ||
	{ echo "skipped: cannot compile bench/timeit.c: $(cat err)"; exit 77; }
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

N=12000
mkdir arts
awk -v n=$N 'BEGIN {
	split("president minister council senator governor mayor analyst economist", who, " ")
	split("likely probably possibly certainly perhaps", hedge, " ")
	split("rates prices taxes wages rents tariffs", what, " ")
	for (i = 1; i <= n; i++) {
		f = sprintf("arts/%06d-the-%s-of-the-region-said-on-monday-that-%s-will-change.txt",
			i, who[i % 8 + 1], what[i % 6 + 1])
		printf "Report number %d on %s\n\nThe %s said on Monday that %s would %s rise by %d percent next year. \"We expect a change,\" the %s said in town %d.\n\nAnalysts said the %s of district %d would %s follow.\n\nOfficials of county %d said the %s would %s stay.\n",
			i, what[i % 6 + 1], who[i % 8 + 1], what[(i + 1) % 6 + 1],
			hedge[i % 5 + 1], i % 97, who[(i + 3) % 8 + 1], i,
			what[(i + 2) % 6 + 1], i % 1000, hedge[(i + 2) % 5 + 1],
			i % 500, what[(i + 4) % 6 + 1], hedge[(i + 4) % 5 + 1] > f
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
base_check=$(peak "$ING" -q -x one --check)
check=$(peak "$ING" -q -x big --check --memory 2M)
size=$(cat big/seg-*.tdx | wc -c)
# (6.5 MB: more than the 6 MiB bound below, so an index kept whole fails it;
# format 13's metadata pool made this one 7.6 MB, more than 8 before, and
# format 15's (word, pos) pairs 6.8 MB; format 17's packed lexicon entries
# made it 6.3 MB, so each document has a third paragraph now)
[ "$size" -gt 6500000 ] || fail "the index is only $size bytes: too small to tell"
per_add=$(( (add - base_add) * 1024 / N ))
per_merge=$(( (merge - base_merge) * 1024 / N ))
more_check=$((check - base_check))
echo "peak RSS: adding a file to $N documents $add KiB (one document: $base_add KiB), $per_add bytes a document; --merge $merge KiB ($base_merge KiB), $per_merge bytes a document; --check --memory 2M $check KiB (one document: $base_check KiB), $more_check KiB more (index: $((size / 1024)) KiB)"
[ "$per_add" -le 100 ] || fail "adding a file: $per_add bytes resident a document of the index (at most 100)"
# (--merge: 280 bytes when the bound of 450 was set; 426-462 at session
# 16's start, with formats 15-17's merge tables, on a loaded machine, so
# the bound failed by noise alone; 600 still fails the tables of string
# copies it guards against, 920 and 1,370 bytes. At 500 bytes a document
# the 48,103 documents of issue 17's 100M tokens need 24 MB, against its
# bar of 512 MB.)
[ "$per_merge" -le 600 ] || fail "--merge: $per_merge bytes resident a document of the index (at most 600)"
# --check reads every byte of the index once; it kept them all (the whole
# index resident, 16 GiB at 1B tokens); now a few MiB at a time
[ "$more_check" -le 6144 ] || fail "--check --memory 2M: $more_check KiB more than for one document (at most 6144; the index is $((size / 1024)) KiB)"

# A flushed segment is written beside the next one filling. Session 19
# wrote it on four threads, whose arrays (a 4-byte array a token per
# layer, the word ids' coded bytes, the span sort's room) were held at
# once: 526 MiB at 100M tokens with --memory 256M, over issue 17's 512 MB.
# -j1 writes it on one thread, so the peak of -j2 over that of -j1, with
# segments flushed, is the second worker's caches (about 25 MB, whatever
# the budget) and what the write holds more: 38-42 MiB here then, 30 now
# (1.8M tokens, 4 segments of --memory 16M; the lower of two runs each).
mkdir gen
awk 'BEGIN {
	srand(7)
	split("b c d f g h j k l m n p r s t v w z br st tr pl ch sh", C, " ")
	split("a e i o u ai ea ou", V, " ")
	nv = 40000
	for (i = 1; i <= nv; i++) {
		w = ""; k = 1 + int(rand() * 3)
		for (j = 0; j < k; j++) w = w C[1 + int(rand() * 24)] V[1 + int(rand() * 8)]
		if (rand() < 0.3) w = w "s"
		word[i] = w
	}
	split("the of and to in a that is was he for it with as his on be at by", F, " ")
	split("said told added warned argued", S, " ")
	split("likely probably possibly perhaps", H, " ")
	for (d = 1; d <= 1000; d++) {
		f = sprintf("gen/2020-01-%02d-report-%05d.txt", d % 28 + 1, d)
		printf "Report %d on %s\n\n", d, word[1 + int(nv * rand() ^ 3)] > f
		for (p = 0; p < 12; p++) {
			para = ""
			for (s = 0; s < 8; s++) {
				sent = ""
				for (t = 0; t < 18; t++)
					sent = sent (t ? " " : "") (rand() < 0.45 ? F[1 + int(rand() * 20)] : word[1 + int(nv * rand() ^ 2.5)])
				if (s % 3 == 0)
					sent = "\"" toupper(substr(sent, 1, 1)) substr(sent, 2) ",\" the minister " S[1 + int(rand() * 5)] " " H[1 + int(rand() * 4)] "."
				else
					sent = toupper(substr(sent, 1, 1)) substr(sent, 2) "."
				para = para (s ? " " : "") sent
			}
			print para "\n" > f
		}
		close(f)
	}
}'
lowest() { # the lower peak of two runs of ingesting gen/ with -jN
	a=$(rm -rf g; peak "$ING" -q "-j$1" -x g --memory 16M gen)
	b=$(rm -rf g; peak "$ING" -q "-j$1" -x g --memory 16M gen)
	[ "$a" -lt "$b" ] && echo "$a" || echo "$b"
}
j1=$(lowest 1) j2=$(lowest 2)
s=$(grep -c '^seg ' g/MANIFEST)
[ "$s" -ge 3 ] || fail "gen: only $s segments"
echo "peak RSS, 1.8M tokens, --memory 16M: -j1 $j1 KiB, -j2 $j2 KiB ($((j2 - j1)) KiB more)"
[ $((j2 - j1)) -le 34816 ] || fail "-j2 holds $((j2 - j1)) KiB more than -j1 while flushing segments of --memory 16M (at most 34 MiB)"
[ $fails = 0 ] || exit 1
echo "ok"
