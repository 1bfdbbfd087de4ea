#!/bin/sh
# test_library.sh: the library boundary (issue 19). libtagdex and the query
# engine never print to the standard streams, never exit and never read the
# environment: programs do. Checked on the built objects with nm: no object
# of indexer/libtagdex.a or queries/libtdquery.a may reference printf, puts,
# perror, exit, _exit, getenv, stdout or stderr, except fault.o in a build
# configured with --enable-test-hooks: the commit tests' fault hook
# (indexer/index/fault.c), which reads TAGDEX_FAULT_* and exits at a fault
# step. Without the option fault.o is empty and held to the rule too.
# Writing to a FILE the caller passes (TEI, tables) is allowed: fprintf and
# fputs are not in the list. Nor do they walk directories (opendir,
# readdir: the input files are the program's to find), but for the index's
# own directory. And the libraries are not installed: no header, archive or
# .pc in `make install`.
. "$(dirname "$0")/lib.sh"
walking='opendir|fdopendir|readdir|scandir|nftw|ftw|fts_open'
forbidden='printf|vprintf|puts|putchar|perror|exit|_exit|_Exit|abort|getenv|secure_getenv|stdout|stderr'
scanned=0
for lib in "$top_builddir/indexer/libtagdex.a" "$top_builddir/queries/libtdquery.a"; do
	[ -f "$lib" ] || { echo "FAIL: no $lib"; exit 1; }
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_library.XXXXXX") || exit 99
	(cd "$tmp" && ar x "$lib") || { echo "FAIL: ar x $lib"; exit 1; }
	for o in "$tmp"/*.o; do
		name=${o##*/}
		used=$(nm -u "$o" | awk '{print $NF}' | grep -xE "$forbidden" | tr '\n' ' ')
		scanned=$((scanned + 1))
		if [ "$name" = fault.o ] && [ "${TD_TEST_HOOKS:-no}" = yes ]; then
			# the scan itself must see what is there: the hook reads
			# the environment, so nm has to report getenv for it
			case " $used" in *" getenv "*) ;; *)
				echo "FAIL: nm did not see getenv in fault.o: the scan is broken"
				fails=$((fails + 1)) ;;
			esac
			continue
		fi
		# without --enable-test-hooks fault.o is empty and checked
		# like every other object
		if [ -n "$used" ]; then
			echo "FAIL: ${lib##*/}($name) uses: $used"
			fails=$((fails + 1))
		fi
		# walking the input directories is the program's (inputs.c):
		# only the index reads a directory, its own (the writer's
		# leftover files, --check's and --recover's segment files, the
		# saved subcorpora)
		case "$name" in writer.o | check.o | subcorpus.o) continue ;; esac
		dirs=$(nm -u "$o" | awk '{print $NF}' | grep -xE "$walking" | tr '\n' ' ')
		if [ -n "$dirs" ]; then
			echo "FAIL: ${lib##*/}($name) reads directories: $dirs"
			fails=$((fails + 1))
		fi
	done
	rm -rf "$tmp"
done
[ "$scanned" -gt 30 ] || { echo "FAIL: only $scanned objects scanned"; exit 1; }
# no installed API (docs/architecture.md): `make install` installs the
# programs and their data, and no header, archive or pkg-config file
dest=$(mktemp -d "${TMPDIR:-/tmp}/test_library.XXXXXX") || exit 99
if (cd "$top_builddir" && ${MAKE:-make} -s install DESTDIR="$dest" >"$dest.log" 2>&1); then
	[ -n "$(find "$dest" -name tagdex-query -type f)" ] ||
		{ echo "FAIL: make install put no tagdex-query: the check is broken"; fails=$((fails + 1)); }
	api=$(find "$dest" -type f \( -name '*.h' -o -name '*.a' -o -name '*.pc' \) | sed "s|^$dest||" | tr '\n' ' ')
	[ -z "$api" ] || { echo "FAIL: make install installs $api: an API, against the decision"; fails=$((fails + 1)); }
else
	echo "FAIL: make install: $(tail -3 "$dest.log")"
	fails=$((fails + 1))
fi
rm -rf "$dest" "$dest.log"
# tagdex-query reads no XML: it must not call libxml2 (util.o calling it
# made it load libxml2 and ICU at every start: xml_init.c's reason). The
# undefined dynamic symbols, not NEEDED: without --as-needed (clang) every
# configured library is NEEDED anyway.
xml_syms() { nm -D --undefined-only "$1" 2>/dev/null | awk '{print $NF}' | grep -c '^xml'; }
if command -v nm >/dev/null; then
	[ "$(xml_syms "$top_builddir/indexer/tagdex-ingest")" -gt 0 ] ||
		{ echo "FAIL: nm sees no xml symbol in tagdex-ingest: the check is broken"; fails=$((fails + 1)); }
	n=$(xml_syms "$top_builddir/queries/tagdex-query")
	[ "$n" -eq 0 ] || { echo "FAIL: tagdex-query calls libxml2 ($n symbols)"; fails=$((fails + 1)); }
fi
[ "$fails" -eq 0 ] || exit 1
echo "ok: $scanned objects, none prints, exits or reads the environment"
