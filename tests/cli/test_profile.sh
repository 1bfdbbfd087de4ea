#!/bin/sh
# test_profile.sh: tagdex-ingest --profile FILE: a TSV of the CPU time of
# each stage (header, one row a stage, then "unstaged" and "process"); the
# stages of every thread sum to no more than the process's CPU time, and
# the rest is "unstaged"; every stage of the run is there (tagging "pos"
# once a document, "lemma", each annotation stage, TEI, the index's
# "terms", segment, commit),
# with -j1 and -j2, in the index mode and with -o alone; '-' is standard
# error; a file that cannot be written is an error (exit 5).
. "$(dirname "$0")/lib.sh"
td_tmp profile
arts=$srcdir/corpus/articles
ndocs=$(ls "$arts"/*.txt | wc -l)

# check FILE STAGE...: the shape, the sum, and the stages named
check() {
	f=$1
	shift
	[ "$(head -n 1 "$f")" = "$(printf 'stage\tcpu_seconds\tcalls\tfraction')" ] ||
		fail "$f: header: $(head -n 1 "$f")"
	awk -F'\t' -v f="$f" '
		NR == 1 { next }
		NF != 4 || $2 !~ /^-?[0-9]+\.[0-9][0-9][0-9][0-9][0-9][0-9]$/ || $4 !~ /^-?[0-9.]+$/ {
			print "FAIL: " f ": bad row: " $0; bad = 1; next }
		$1 == "unstaged" { un = $2; next }
		$1 == "process" { proc = $2; last = NR; next }
		$3 !~ /^[0-9]+$/ || $2 < 0 { print "FAIL: " f ": bad stage row: " $0; bad = 1 }
		{ sum += $2; if (seen[$1]++) { print "FAIL: " f ": " $1 " twice"; bad = 1 } }
		END {
			if (last != NR) { print "FAIL: " f ": process is not the last row"; bad = 1 }
			if (proc <= 0) { print "FAIL: " f ": no process time"; bad = 1 }
			# thread clocks (ns) and getrusage (us): a microsecond each
			if (sum > proc + 1e-5) {
				print "FAIL: " f ": stages " sum " s > process " proc " s"; bad = 1 }
			d = proc - sum - un
			if (un < -1e-5 || d > 1e-5 || d < -1e-5) {
				print "FAIL: " f ": unstaged " un " is not process - stages " proc - sum; bad = 1 }
			exit bad
		}' "$f" || fails=$((fails + 1))
	for s in "$@"; do
		grep -q "^$s	" "$f" || fail "$f: no stage $s: $(cut -f1 "$f" | tr '\n' ' ')"
	done
}
stages="load read structure annotate pos quotes actors speakers hedges labels dates labels-write lemma"

"$ING" -q -j1 --profile "$tmp/j1.tsv" -x "$tmp/ix1" "$arts" || fail "-j1"
check "$tmp/j1.tsv" $stages open terms segment commit
# tagging counted once a document although the annotator's pos stage
# calls the tagger (both are "pos")
awk -F'\t' -v n="$ndocs" '$1 == "pos" && $3 != n { exit 1 }' "$tmp/j1.tsv" ||
	fail "pos calls: $(grep '^pos' "$tmp/j1.tsv"), want $ndocs"
awk -F'\t' -v n="$ndocs" '$1 == "segment" && $3 != n { exit 1 }' "$tmp/j1.tsv" ||
	fail "segment calls: $(grep '^segment' "$tmp/j1.tsv"), want $ndocs"
grep -q '^tei	' "$tmp/j1.tsv" && fail "j1.tsv: a tei stage without -o"

# -j2 with -o: the workers' stages are added to the consumer's
"$ING" -q -j2 --profile "$tmp/j2.tsv" -o "$tmp/tei2" -x "$tmp/ix2" "$arts" || fail "-j2 -o"
check "$tmp/j2.tsv" $stages tei terms segment commit
awk -F'\t' -v n="$ndocs" '$1 == "pos" && $3 != n { exit 1 }' "$tmp/j2.tsv" ||
	fail "-j2 pos calls: $(grep '^pos' "$tmp/j2.tsv"), want $ndocs"

# -o alone, to standard error: no index stages
"$ING" -q --words --profile - -o "$tmp/tei3" "$arts" 2>"$tmp/err3" || fail "-o"
check "$tmp/err3" $stages tei
grep -q '^segment	' "$tmp/err3" && fail "-o alone: a segment stage"
grep -q '^terms	' "$tmp/err3" && fail "-o alone: a terms stage"

# without --profile nothing is written; an unwritable file fails the run
expect 0 "$ING" -q -x "$tmp/ix4" "$arts"
[ -s "$tmp/err" ] && fail "no --profile, yet: $(head -c 200 "$tmp/err")"
expect 5 "$ING" -q --profile "$tmp/no/such/dir/p.tsv" -x "$tmp/ix5" "$arts"
has "--profile $tmp/no/such/dir/p.tsv: No such file" "$tmp/err"

[ "$fails" = 0 ] || exit 1
exit 0
