# lib.sh: the preamble of the tests/cli scripts, sourced first thing:
#     . "$(dirname "$0")/lib.sh"
# It sets top_srcdir and srcdir (absolute: the source tree), top_builddir
# (absolute: where make check runs), ING and QRY (alias Q: the programs),
# exports TAGDEX_LEXICONS (the source tree's lexicons) and unsets
# TAGDEX_INDEX, so no test reads the user's. fail MSG counts a failure in
# fails; td_tmp PREFIX makes tmp, a new directory removed on exit;
# expect STATUS CMD... runs CMD with its output in $tmp/out and $tmp/err
# and fails unless it exits STATUS; has TEXT FILE fails unless FILE holds
# TEXT. A script may define its own after sourcing this.
set -u
top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
srcdir=$top_srcdir
top_builddir=$(pwd)
ING=$top_builddir/indexer/tagdex-ingest
QRY=$top_builddir/queries/tagdex-query
Q=$QRY
TAGDEX_LEXICONS=$top_srcdir/corpus/lexicons
export TAGDEX_LEXICONS
unset TAGDEX_INDEX
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
td_tmp() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/$1-XXXXXX") || exit 99
	trap 'rm -rf "$tmp"' EXIT
}
expect() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"; got=$?
	[ "$got" = "$want" ] || fail "exit $got, want $want: $*: $(head -c 300 "$tmp/err")"
}
has() { grep -qF -- "$1" "$2" || fail "$2 lacks '$1': $(head -c 400 "$2")"; }
