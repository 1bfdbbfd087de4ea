#!/bin/sh
# test_alternatives.sh: a query of alternatives (A | B) finds its starts
# in the union of each alternative's (their rarest token's postings, their
# element's spans) instead of trying every position. Its hits must be the
# hits of A and of B together when their first tokens differ (no start
# shared), and the same as the one-token alternative [word="a"|word="b"],
# which tries every position; --count agrees.
. "$(dirname "$0")/lib.sh"
td_tmp tq-alt
$ING -q -x "$tmp/idx" "$top_srcdir"/corpus/articles ||
	{ echo "FAIL: ingest"; exit 1; }

hits() { # QUERY: the hits, one a line, sorted
	$Q -x "$tmp/idx" --format tsv --context 0 "$1" | tail -n +2 | cut -f1-4 |
		LC_ALL=C sort
}
union() { # A B [C]: each alternative's hits and then the query A | B | C
	q=$1
	shift
	for a in "$q" "$@"; do hits "$a"; done | LC_ALL=C sort >"$tmp/want"
	for a in "$@"; do q="$q | $a"; done
	hits "$q" >"$tmp/got"
	[ -s "$tmp/want" ] || fail "$q: no hits to compare"
	cmp -s "$tmp/want" "$tmp/got" ||
		{ fail "$q: not the union of its alternatives"; diff "$tmp/want" "$tmp/got" | head -4; }
	n=$($Q -x "$tmp/idx" --count "$q")
	[ "$n" = "$(wc -l <"$tmp/got")" ] || fail "$q: --count $n"
}
union '"it"' '"on"'
union '"the" "government"' '"said"' '"will" []{0,2} "likely"'
union '"of"' '<q/>'
union '("in" | "at") "the"' '"ceasefire"%c'
union '("talks" within <s/>)' '"a" []'

# the same tokens by a condition on one token: every position tried
for f in tsv json; do
	$Q -x "$tmp/idx" --format $f '"it" | "on" | "Talks"' >"$tmp/a"
	$Q -x "$tmp/idx" --format $f '[word="it" | word="on" | word="Talks"]' >"$tmp/b"
	[ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b" ||
		fail "--format $f: alternatives of tokens differ from one token's"
done
exit $((fails > 0))
