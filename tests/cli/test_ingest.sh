#!/bin/sh
# test_ingest.sh: tagdex-ingest end to end. Ingests every article of
# corpus/articles and tests/data/text with -o into a temporary directory,
# checks exit statuses and messages for bad inputs and options, that the
# text of <text> is the input, and validates all TEI (the new outputs, the
# checked-in corpus/tei and the golden files) with one jing process.
# Exits 77 (skip) only when jing is absent, after everything else ran.
. "$(dirname "$0")/lib.sh"
: "${TD_SHARED:=$(cd "$(dirname "$0")/../../.." && pwd)/shared}"
srcdir=${srcdir:-.}
ingest=${TD_INGEST:-./indexer/tagdex-ingest}
td_tmp test_ingest
failures=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# expect STATUS DESCRIPTION COMMAND...: runs COMMAND, stderr to $tmp/err.
expect() {
	want=$1 what=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || { fail "$what: exit $got, want $want"; cat "$tmp/err" >&2; }
}

# stderr_has TEXT DESCRIPTION
stderr_has() {
	grep -F -- "$1" "$tmp/err" >/dev/null || { fail "$2: stderr lacks '$1'"; cat "$tmp/err" >&2; }
}

# --- all good inputs at once -------------------------------------------
set -- "$srcdir"/corpus/articles/*.txt "$srcdir"/tests/data/text/*.txt
expect 0 "ingest corpus and fixtures" "$ingest" -q -o "$tmp/tei" "$@"
[ -s "$tmp/err" ] && fail "-q still printed: $(cat "$tmp/err")"
for f in "$@"; do
	b=$(basename "$f" .txt)
	out="$tmp/tei/$b.xml"
	[ -s "$out" ] || { fail "no output for $f"; continue; }
	# The text content of <text> is the input (LF, no BOM) word for word.
	if ! head -c 3 "$f" | grep -q "$(printf '\357\273\277')" &&
		! grep -q "$(printf '\r')" "$f"; then
		xmllint --xpath "string(/*/*[local-name()='text'])" "$out" \
			>"$tmp/text" 2>/dev/null || fail "$out: xmllint failed"
		{ cat "$f"; echo; } | cmp -s - "$tmp/text" ||
			fail "$out: text of <text> differs from $f"
	fi
done
ls "$tmp"/tei | grep -v '\.xml$' && fail "temporary files left in -o DIR"

# -o - writes the same bytes to stdout.
seed="$srcdir/corpus/articles/2024-01-19-kim-jong-un-hostile-rhetoric.txt"
expect 0 "-o -" "$ingest" -o - "$seed"
cmp -s "$tmp/out" "$tmp/tei/2024-01-19-kim-jong-un-hostile-rhetoric.xml" ||
	fail "-o - differs from -o DIR output"
grep -c '<s xml:id="doc-2024-01-19-kim-jong-un-hostile-rhetoric-s' "$tmp/out" >/dev/null ||
	fail "seed has no sentence ids"

# --- warnings and data errors ------------------------------------------
expect 0 "no metadata line" "$ingest" -o "$tmp/w" "$srcdir/tests/data/text/nometa.txt"
stderr_has "tagdex-ingest: warning: $srcdir/tests/data/text/nometa.txt: no metadata line; no date" "nometa warning"
expect 0 "no metadata line, -q" "$ingest" -q -o "$tmp/w" "$srcdir/tests/data/text/nometa.txt"
[ -s "$tmp/err" ] && fail "-q printed a warning"

bad="$srcdir/tests/data/text/bad"
expect 3 "invalid UTF-8" "$ingest" -o "$tmp/bad" "$bad/invalid-utf8.txt"
stderr_has "tagdex-ingest: $bad/invalid-utf8.txt: invalid UTF-8 at byte 71 (line 5)" "invalid UTF-8 message"
[ -e "$tmp/bad/invalid-utf8.xml" ] && fail "output written for a failed input"
expect 0 "invalid UTF-8, --lenient" "$ingest" --lenient -o "$tmp/len" "$bad/invalid-utf8.txt"
stderr_has "warning: $bad/invalid-utf8.txt: invalid UTF-8 at byte 71 (line 5) replaced by U+FFFD" "lenient warning"
expect 3 "NUL byte" "$ingest" -o "$tmp/bad" "$bad/nul.txt"
stderr_has "$bad/nul.txt: NUL byte at byte 17 (line 3)" "NUL message"
expect 3 "empty file" "$ingest" -o "$tmp/bad" "$bad/empty.txt"
stderr_has "$bad/empty.txt: empty input" "empty message"
# A failing input does not stop the others.
expect 3 "mixed inputs" "$ingest" -o "$tmp/mix" "$bad/empty.txt" "$tmp/missing.txt" "$seed"
stderr_has "$tmp/missing.txt: No such file or directory" "missing file message"
[ -s "$tmp/mix/2024-01-19-kim-jong-un-hostile-rhetoric.xml" ] || fail "good input not written after a bad one"
cp "$seed" "$tmp/dup.txt" && mkdir -p "$tmp/d2" && cp "$seed" "$tmp/d2/dup.txt"
expect 3 "two inputs, one output name" "$ingest" -o "$tmp/dup" "$tmp/dup.txt" "$tmp/d2/dup.txt"
stderr_has "already written" "output name clash"

# --- usage ---------------------------------------------------------------
expect 0 "--help" "$ingest" --help
grep -q "Exit status" "$tmp/out" || fail "--help does not document exit statuses"
expect 0 "--version" "$ingest" --version
grep -q "^tagdex-ingest (tagdex) [0-9]" "$tmp/out" || fail "--version output"
expect 2 "unknown option" "$ingest" --bogus -o "$tmp/x" "$seed"
expect 2 "-o - with two inputs" "$ingest" -o - "$seed" "$seed"
expect 2 "-o without inputs" "$ingest" -o "$tmp/x"

# --- external TEI metadata (issue 11) -----------------------------------
ext=$TD_SHARED/corpora/external
expect 0 "ELTeC to TEI" "$ingest" -o - "$ext/eltec-eng/ENG18652_Carroll.xml"
# -o keeps the input's header (licence, sources) and adds tagdex's part
grep -q '<licence target="https://creativecommons.org/licenses/by/4.0/"/>' "$tmp/out" ||
	fail "-o dropped the ELTeC licence"
grep -q '<bibl type="firstEdition"' "$tmp/out" || fail "-o dropped the ELTeC sources"
[ "$(grep -c '<application ident="tagdex"' "$tmp/out")" = 1 ] || fail "-o did not add tagdex's application"
[ "$(grep -c '<teiHeader' "$tmp/out")" = 1 ] || fail "-o wrote two headers"
xmllint --noout "$tmp/out" 2>"$tmp/xl" || fail "-o of ELTeC is not well-formed: $(cat "$tmp/xl")"
cp "$tmp/out" "$tmp/eltec-again.xml"
expect 0 "tagdex TEI read back" "$ingest" -o - "$tmp/eltec-again.xml"
[ "$(grep -c '<application ident="tagdex"' "$tmp/out")" = 1 ] || fail "tagdex's header part added twice"
# tagdex's taxonomy under another application (found by fuzz_tei): kept
# once, and the output reads back (it repeated the ID tagdex-labels)
hdr='<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc><encodingDesc><appInfo><application ident="other" version="1"><label>x</label></application></appInfo>'
tax='<classDecl><taxonomy xml:id="tagdex-labels"><category xml:id="claim"><catDesc>c</catDesc></category></taxonomy></classDecl>'
body='</encodingDesc></teiHeader><text><body><p>Some text.</p></body></text></TEI>'
printf '%s%s%s\n' "$hdr" "$tax" "$body" >"$tmp/hdr-tax.xml"
expect 0 "taxonomy under another application" "$ingest" -o - "$tmp/hdr-tax.xml"
[ "$(grep -c 'xml:id="tagdex-labels"' "$tmp/out")" = 1 ] || fail "tagdex-labels written twice"
grep -q '<application ident="other"' "$tmp/out" || fail "the other application was dropped"
cp "$tmp/out" "$tmp/hdr-tax-again.xml"
expect 0 "taxonomy under another application, read back" "$ingest" -o - "$tmp/hdr-tax-again.xml"
# a header of its own that uses an ID tagdex writes is refused, by name
printf '%s%s%s\n' "$hdr" '<classDecl><taxonomy><category xml:id="claim"><catDesc>c</catDesc></category></taxonomy></classDecl>' \
	"$body" >"$tmp/hdr-claim.xml"
expect 3 "header with xml:id claim" "$ingest" -o - "$tmp/hdr-claim.xml"
stderr_has 'hdr-claim.xml: the teiHeader uses xml:id "claim"' "reserved id message"
expect 0 "ParlaMint to TEI" "$ingest" -o - "$ext/parlamint-es-ga/ParlaMint-ES-GA_2015-12-23-DSPG136.xml"
grep -q '<licence>http://creativecommons.org/licenses/by/4.0/</licence>' "$tmp/out" ||
	fail "-o dropped the ParlaMint licence"
# the date rules and --meta, seen through an index
query=$(dirname "$ingest")/../queries/tagdex-query
expect 0 "ELTeC indexed" "$ingest" -q -x "$tmp/mx1" "$ext/eltec-eng/ENG18652_Carroll.xml"
"$query" -x "$tmp/mx1" --freq year '[]' >"$tmp/out" 2>&1
grep -q '1865' "$tmp/out" || fail "ELTeC year in the index: $(cat "$tmp/out")"
expect 0 "--meta" "$ingest" -q -x "$tmp/mx2" --meta 'date=//tei:publicationStmt/tei:date' \
	--meta 'author=//tei:bibl[@type="firstEdition"]/tei:publisher' \
	"$ext/eltec-eng/ENG18652_Carroll.xml"
"$query" -x "$tmp/mx2" --freq year '[]' >"$tmp/out" 2>&1
grep -q '2021' "$tmp/out" || fail "--meta date: $(cat "$tmp/out")"
grep -q '1865' "$tmp/out" && fail "--meta date ignored: $(cat "$tmp/out")"
expect 0 "--meta matching nothing" "$ingest" -o - --meta 'title=//tei:none' \
	"$ext/eltec-eng/ENG18652_Carroll.xml"
stderr_has "ENG18652_Carroll.xml: --meta title=//tei:none matched nothing" "--meta warning"
expect 2 "--meta bad XPath" "$ingest" -o - --meta 'date=//tei:[' "$seed"
stderr_has "not an XPath expression" "--meta bad XPath message"
expect 2 "--meta unknown field" "$ingest" -o - --meta 'genre=//x' "$seed"
expect 2 "-j 0" "$ingest" -j 0 -o "$tmp/x" "$seed"
expect 2 "missing lexicons" "$ingest" --lexicons "$tmp/nolex" -o "$tmp/x" "$seed"
stderr_has "$tmp/nolex/abbreviations.tsv" "missing lexicon message"
# each lexicon file the man page calls required is: without it, status 2
# naming it, and no index; the man page lists the files there are
req=$(sed -n '/^Every one of these files must be there/,/opening comment/p' \
	"$srcdir/indexer/programs/tagdex-ingest.1" | grep -o '[a-z_0-9]*\.tsv' | sort)
have=$(cd "$srcdir/corpus/lexicons" && ls -- *.tsv | sort)
[ -n "$req" ] && [ "$req" = "$have" ] ||
	fail "man page's lexicon files ($req) are not corpus/lexicons' ($have)"
for f in $req; do
	rm -rf "$tmp/lex1" "$tmp/lexix"
	cp -r "$srcdir/corpus/lexicons" "$tmp/lex1" && rm "$tmp/lex1/$f"
	expect 2 "without $f" "$ingest" --lexicons "$tmp/lex1" -q -x "$tmp/lexix" "$seed"
	stderr_has "$tmp/lex1/$f" "missing $f message"
	[ -e "$tmp/lexix/MANIFEST" ] && fail "an index without $f"
done
# the ISO 3166 tables come from $TAGDEX_ISO_CODES when set
expect 2 "missing iso-codes tables" env TAGDEX_ISO_CODES="$tmp/noiso" "$ingest" -o "$tmp/x" "$seed"
stderr_has "$tmp/noiso/iso_3166-1.json" "missing iso-codes message"

# TAGDEX_CLAIM_DUMP: a file that cannot be made is an error naming it
# (exit 5, nothing written); with -j2 each document's lines are one block
# and the lines are -j1's
expect 5 "claim dump in a missing directory" env TAGDEX_CLAIM_DUMP="$tmp/nodir/d.tsv" "$ingest" -q -o "$tmp/cd0" "$seed"
stderr_has "$tmp/nodir/d.tsv" "claim dump message"
[ -e "$tmp/cd0" ] && fail "output written without the claim dump"
expect 0 "claim dump -j1" env TAGDEX_CLAIM_DUMP="$tmp/cd1.tsv" "$ingest" -q -j1 -x "$tmp/cdx1" "$srcdir/corpus/articles"
expect 0 "claim dump -j2" env TAGDEX_CLAIM_DUMP="$tmp/cd2.tsv" "$ingest" -q -j2 -x "$tmp/cdx2" "$srcdir/corpus/articles"
[ -s "$tmp/cd1.tsv" ] && sort "$tmp/cd1.tsv" | cmp -s - "$(sort "$tmp/cd2.tsv" >"$tmp/cd2.sorted"; echo "$tmp/cd2.sorted")" ||
	fail "claim dump: -j2's lines are not -j1's"
blocks=$(cut -f1 "$tmp/cd2.tsv" | uniq | wc -l)
docs=$(cut -f1 "$tmp/cd2.tsv" | sort -u | wc -l)
[ "$blocks" -eq "$docs" ] && [ "$docs" -gt 1 ] ||
	fail "claim dump -j2: $docs documents in $blocks blocks"

# --- schema validation: one jing process for everything -------------------
if ! command -v jing >/dev/null 2>&1; then
	echo "jing not found: skipping TEI validation" >&2
	[ "$failures" -eq 0 ] || exit 1
	# CI (scripts/test.sh) requires jing: missing is a failure there
	[ -z "${TD_REQUIRE_TOOLS:-}" ] || exit 99
	exit 77
fi
rng=${TD_TEI_RNG:-$TD_SHARED/schema/tei_all.rng}
[ -f "$rng" ] || { echo "no schema at $rng" >&2; exit 99; }
jing "$rng" "$tmp"/tei/*.xml "$tmp/len/invalid-utf8.xml" \
	$(ls "$srcdir"/corpus/tei/*.xml "$srcdir"/tests/data/golden/*.xml 2>/dev/null) \
	>"$tmp/jing" 2>&1 || { fail "jing"; grep -v '^\[warning\]' "$tmp/jing" >&2; }

[ "$failures" -eq 0 ]
