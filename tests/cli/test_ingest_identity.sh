#!/bin/sh
# test_ingest_identity.sh: a document is its file, whatever the path that
# reaches it (issue 11): spellings of a path, --prune from elsewhere, moved
# folders, ids of files with the same base name, and the refusals of
# commands that would do the wrong thing (no inputs, --rebuild without
# inputs, -o FILE), with a "failed" count that counts each file once.
. "$(dirname "$0")/lib.sh"
case $top_builddir in /*) ;; *) top_builddir=$(pwd)/$top_builddir ;; esac
[ -x "$ING" ] && [ -x "$QRY" ] || { echo "no programs"; exit 77; }
td_tmp td-ident
T=$tmp
cd "$T" || exit 1
T=$(pwd -P)
summary() { grep 'added,' err | tail -1; }
ndocs() { "$ING" -x "$1" --check 2>&1 | sed -n 's/.*ok, \([0-9]*\) documents.*/\1/p'; }

mkdir -p c/articles
for f in $(ls "$srcdir"/corpus/articles/*.txt | head -4); do cp "$f" c/articles/; done
n=4
cd c
"$ING" -x ../ix articles 2>../err || fail "first: $(cat ../err)"
cd ..
# other spellings: absolute, ./, a symbolic link, another directory
"$ING" -x ix "$T/c/articles" 2>err || fail "absolute: $(cat err)"
summary | grep -q ": 0 added, 0 changed, 0 moved, $n unchanged," ||
	fail "absolute path added again: $(summary)"
ln -s c/articles link
"$ING" -x ix link/ ./c//articles/ 2>err || fail "link: $(cat err)"
summary | grep -q ": 0 added, 0 changed, 0 moved, $n unchanged," ||
	fail "symlink added again: $(summary)"
(cd c/articles && "$ING" -x ../../ix . "$(ls | head -1)") 2>err ||
	fail "from inside: $(cat err)"
summary | grep -q ": 0 added, 0 changed, 0 moved, $n unchanged, 0 removed, 0 failed" ||
	fail "from inside the folder: $(summary)"
[ "$(ndocs ix)" = $n ] || fail "documents: $(ndocs ix), not $n"
# --prune from another directory keeps live documents and drops gone ones
(cd / && "$ING" -x "$T/ix" --prune) 2>err || fail "prune: $(cat err)"
summary | grep -q " 0 removed, 0 failed" || fail "prune from / removed: $(summary)"
[ "$(ndocs ix)" = $n ] || fail "after prune from /: $(ndocs ix) documents"
gonefile=$(ls c/articles | tail -1)
mv "c/articles/$gonefile" "$T/saved.txt"
(cd /tmp && "$ING" -x "$T/ix" --prune) 2>err || fail "prune 2: $(cat err)"
summary | grep -q " 1 removed, 0 failed" || fail "prune of a gone file: $(summary)"
mv "$T/saved.txt" "c/articles/$gonefile"
"$ING" -q -x ix c/articles || fail "re-add"
# a moved (renamed) corpus folder: moved, same ids, no doubles
"$QRY" -x ix --count '[]' >before 2>err || fail "count: $(cat err)"
mv c/articles c/moved
"$ING" -x ix c 2>err || fail "moved: $(cat err)"
summary | grep -q ": 0 added, 0 changed, $n moved, 0 unchanged, 0 removed, 0 failed" ||
	fail "moved folder: $(summary)"
[ "$(grep -c 'moved from .*/c/articles/' err)" = $n ] || fail "moved messages: $(cat err)"
[ "$(ndocs ix)" = $n ] || fail "after move: $(ndocs ix) documents"
"$QRY" -x ix --count '[]' >after 2>err || fail "count 2: $(cat err)"
cmp -s before after || fail "token count changed by a move: $(cat before) $(cat after)"
"$ING" -x ix --prune c 2>err
summary | grep -q ": 0 added, 0 changed, 0 moved, $n unchanged, 0 removed" ||
	fail "after the move, prune: $(summary)"
# the same base name in different folders and with other extensions
mkdir -p s/x s/y
printf 'Kim visits Seoul\n\nA short standfirst.\n\nExpert comment Published 1 May 2024 2 minute READ\n\nKim said it is likely to rain.\n' > s/x/a.txt
sed 's/rain/snow/' s/x/a.txt > s/y/a.txt
printf '<html><head><title>Other</title></head><body><h1>Other</h1><p>Hail is likely.</p></body></html>\n' > s/x/a.html
"$ING" -x sx s 2>err || fail "same names: $(cat err)"
[ "$(grep -c 'document id doc-a is already used by' err)" = 2 ] ||
	fail "same-name warnings: $(cat err)"
"$QRY" -x sx --freq doc '[]' >ids 2>err || fail "freq doc: $(cat err)"
[ "$(grep -c 'doc-a' ids)" = 3 ] || fail "3 distinct ids: $(cat ids)"
grep -o 'doc-a[-0-9a-f]*' ids | sort >idlist
for w in Hail rain snow; do
	id=$(while read -r d; do
		c=$("$QRY" -x sx --doc "$d" --count "\"$w\"" 2>/dev/null)
		[ "$c" = 1 ] && echo "$d"; done <idlist)
	[ "$(echo "$id" | grep -c .)" = 1 ] || fail "--doc for $w: '$id'"
done
"$QRY" -x sx --doc doc-a --count '"Hail"' >out 2>/dev/null
[ "$(cat out)" = 1 ] || fail "doc-a is x/a.html (first in name order): $(cat out)"
# deterministic: the same ids in a new index, from another directory
(cd s && "$ING" -q -x ../sx2 "$T/s")
"$QRY" -x sx2 --freq doc '[]' >ids2 2>err || fail "freq doc 2: $(cat err)"
grep -o 'doc-a[-0-9a-f]*' ids2 | sort | cmp -s idlist - || fail "ids differ between runs: $(cat ids) / $(cat ids2)"
# a changed file keeps its suffixed id
echo "More snow is likely." >> s/y/a.txt
"$ING" -x sx s 2>err || fail "changed same name: $(cat err)"
"$QRY" -x sx --freq doc '[]' >ids3 2>/dev/null
grep -o 'doc-a[-0-9a-f]*' ids3 | sort | cmp -s idlist - ||
	fail "ids after a change: $(cat ids3)"
# the failed count: a file named twice fails once
printf '\377\376' > bad.txt
"$ING" -x fx bad.txt ./bad.txt s/x 2>err
[ $? -eq 3 ] || fail "bad file: exit status"
summary | grep -q " 1 failed;" || fail "failed twice for one file: $(summary)"
# no inputs: usage, exit 2, no ./.tagdex
mkdir empty
(cd empty && "$ING" >out 2>err; echo $? >rc)
[ "$(cat empty/rc)" = 2 ] || fail "bare: exit $(cat empty/rc)"
grep -q '^Usage: tagdex-ingest' empty/err || fail "bare: no usage"
[ -e empty/.tagdex ] && fail "bare ingest created .tagdex"
# --rebuild without inputs (or with none readable) leaves the index alone
"$ING" -x ix --rebuild 2>err
[ $? -eq 2 ] || fail "--rebuild alone: exit status"
"$ING" -x ix --rebuild no-such-dir 2>err
[ $? -eq 2 ] || fail "--rebuild no-such-dir: exit status"
[ "$(ndocs ix)" = $n ] || fail "--rebuild without inputs emptied the index"
# -o FILE is refused before any work
touch notadir
"$ING" -o notadir c 2>err
[ $? -eq 2 ] || fail "-o FILE: exit status"
grep -q "notadir: not a directory" err || fail "-o FILE message: $(cat err)"
ls | grep -q 'tmp-' && fail "-o FILE left temporary files"
"$ING" -o notadir/sub c 2>err
[ $? -eq 2 ] || fail "-o FILE/sub: exit status"
# no message advises a command that destroys data
sed -i '1s/.*/tagdex-index 99/' sx2/MANIFEST
"$ING" -x sx2 c 2>err
grep -q "index format 99" err || fail "version message: $(cat err)"
grep -q -- "--rebuild" err && fail "version message advises --rebuild: $(cat err)"
seg=$(ls sx/seg-*.tdx | head -1)
off=$(grep -abo 'likely' "$seg" | head -1 | cut -d: -f1)
printf 'X' | dd of="$seg" bs=1 seek="$off" conv=notrunc 2>/dev/null
"$QRY" -x sx '"likely"' >out 2>err
grep -qi "damaged" err || fail "damage message: $(cat err)"
grep -q -- "--rebuild" err && fail "damage message advises --rebuild: $(cat err)"
[ $fails -eq 0 ] && echo "all passed"
exit $((fails > 0))
