#!/bin/sh
# test_naming.sh: one meaning a name (issue 19): a function called X_free
# frees the object its argument points to (X_new or a caller's malloc made
# it), one called X_clear frees what the object holds and leaves the object
# itself to its owner (a struct on the stack or inside another). Read from
# the sources: for every definition `void NAME_free(T *p)` or
# `void NAME_clear(T *p, ...)` in indexer/ and queries/, the body calls free(p)
# for _free and never for _clear. A destructor of pthread's type
# (void *p) is passed over: its object is a cast of p.
. "$(dirname "$0")/lib.sh"
bad=$(find "$top_srcdir/indexer" "$top_srcdir/queries" -name '*.c' | sort |
	xargs awk '
	FNR == 1 { fn = "" }
	!fn && match($0, /^(static )?(inline )?void [a-z_0-9]+_(free|clear)\(/) {
		head = $0
		sub(/^(static )?(inline )?void /, "", head)
		fn = head; sub(/\(.*/, "", fn)
		kind = fn; sub(/.*_/, "", kind)
		arg = head; sub(/^[^(]*\(/, "", arg); sub(/\).*/, "", arg); sub(/,.*/, "", arg)
		p = arg; sub(/.*[* ]/, "", p)
		voidp = arg ~ /^void \*/
		frees = 0; where = FILENAME ":" FNR
		sub(/.*\/(indexer|queries)\//, "", where)
		next
	}
	fn && index($0, "free(" p ")") { frees = 1 }
	fn && /^}/ {
		if (!voidp && kind == "free" && !frees)
			print where ": " fn " does not free its object (a _clear?)"
		if (kind == "clear" && frees)
			print where ": " fn " frees its object (a _free?)"
		fn = ""
	}')
n=$(find "$top_srcdir/indexer" "$top_srcdir/queries" -name '*.c' | xargs grep -hcE '^(static )?(inline )?void [a-z_0-9]+_(free|clear)\(' | awk '{n += $1} END {print n}')
[ "$n" -gt 40 ] || fail "only $n _free/_clear definitions seen: the scan is broken"
if [ -n "$bad" ]; then
	echo "$bad"
	fail "_free and _clear disagree with what they do"
fi
[ "$fails" -eq 0 ] || exit 1
echo "ok: $n _free/_clear definitions, each true to its name"
