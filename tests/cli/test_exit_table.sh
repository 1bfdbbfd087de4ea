#!/bin/sh
# test_exit_table.sh: one table of exit statuses (issue 19). Every man page
# prints the same table (between the markers `.\" exit-table` and
# `.\" end-exit-table`), its numbers are exit_status.h's, and the programs
# keep it: 4 for an index that is missing, 5 for output that cannot be
# written, in tagdex-query and tagdex-ingest alike.
. "$(dirname "$0")/lib.sh"
td_tmp test_exit_table
pages="indexer/programs/tagdex-ingest.1 indexer/programs/tagdex-eval.1
indexer/programs/tagdex-train-pos.1 queries/cli/tagdex-query.1
queries/serve/tagdex-serve.1"
first=
for p in $pages; do
	sed -n '/^\.\\" exit-table/,/^\.\\" end-exit-table/p' "$srcdir/$p" >"$tmp/t"
	[ -s "$tmp/t" ] || { fail "$p has no exit-status table"; continue; }
	if [ -z "$first" ]; then
		first=$p
		cp "$tmp/t" "$tmp/first"
	elif ! cmp -s "$tmp/t" "$tmp/first"; then
		fail "$p's exit-status table differs from $first's"
	fi
done
# the table's numbers are the header's
nums=$(sed -n '/^\.B [0-9]/s/^\.B \([0-9]*\).*/\1/p' "$tmp/first" | tr '\n' ' ')
hdr=$(sed -n 's/^[[:space:]]*TD_EXIT_[A-Z]* = \([0-9]*\).*/\1/p' \
	"$srcdir/indexer/programs/exit_status.h" | tr '\n' ' ')
[ "$nums" = "$hdr" ] || fail "man table has '$nums', exit_status.h has '$hdr'"

Q=$top_builddir/queries/tagdex-query
I=$top_builddir/indexer/tagdex-ingest
export TAGDEX_LEXICONS="$srcdir/corpus/lexicons"
st() { "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }
[ "$(st "$Q" -x "$tmp/none" '"a"')" = 4 ] || fail "query on a missing index: not 4"
mkdir "$tmp/notidx" && echo x >"$tmp/notidx/a.txt"
[ "$(st "$I" -q -x "$tmp/notidx" "$srcdir/corpus/articles")" = 2 ] ||
	fail "ingest -x on a folder of articles: not 2"
"$I" -q -x "$tmp/idx" "$srcdir/corpus/articles" || fail "ingest"
if [ -w /dev/full ]; then
	"$Q" -x "$tmp/idx" '"the"' >/dev/full 2>"$tmp/err"
	rc=$?
	[ "$rc" = 5 ] || fail "query output to a full device: $rc, not 5"
	grep -q "write error" "$tmp/err" || fail "no write error message"
fi
[ "$(st "$I" -q -o /dev/null/x "$srcdir/corpus/articles")" -ge 2 ] ||
	fail "ingest -o under a file: not an error"
[ "$fails" -eq 0 ] || exit 1
echo "ok"
