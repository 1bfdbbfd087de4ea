#!/usr/bin/env bash
# format.sh: `make format-check` (CI) and `make format`. clang-format with
# the tree's .clang-format over every .c and .h under indexer, queries, tests
# and bench, except the files scripts/format-pending still lists (written
# before the rule). check: exit 1 naming each file clang-format would
# change; fix: rewrites them in place.
#
# usage: format.sh check|fix SRCDIR   (env: CLANG_FORMAT, default clang-format)
set -u
mode=$1
cd "$2" || exit 2
cf=${CLANG_FORMAT:-clang-format}
command -v "$cf" >/dev/null 2>&1 ||
	{ echo "format.sh: $cf is missing (Debian: clang-format)" >&2; exit 2; }
pending=scripts/format-pending
status=0
# a listed file that is gone makes the list stale: say so
while read -r f; do
	case $f in '#'* | '') continue ;; esac
	[ -f "$f" ] || { echo "format.sh: $pending lists $f, which is gone" >&2; status=1; }
done <"$pending"
files=$(find indexer queries tests bench -name '*.[ch]' -type f | LC_ALL=C sort |
	grep -vxF -f <(grep -v '^#' "$pending"))
[ -n "$files" ] || { echo "format.sh: no files to check" >&2; exit 2; }
case $mode in
check)
	# shellcheck disable=SC2086
	bad=$("$cf" --dry-run $files 2>&1 | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: [a-z]*: code should be clang-formatted.*/\1/p' | sort -u)
	if [ -n "$bad" ]; then
		echo "format-check: not in .clang-format's layout (make format fixes them):" >&2
		echo "$bad" >&2
		status=1
	fi
	[ "$status" = 0 ] && echo "format-check: $(echo "$files" | wc -l) files in .clang-format's layout"
	;;
fix)
	# shellcheck disable=SC2086
	"$cf" -i $files || status=1 ;;
*) echo "usage: format.sh check|fix SRCDIR" >&2; exit 2 ;;
esac
exit $status
