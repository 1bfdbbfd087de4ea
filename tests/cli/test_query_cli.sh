#!/bin/sh
# test_query_cli.sh: tagdex-query end to end over an index of corpus/:
# exit statuses, error carets, every output mode and option, the
# shorthands, and the seed article's obvious questions.
. "$(dirname "$0")/lib.sh"
td_tmp tq-cli
# expect STATUS CMD...: runs CMD, stdout to $tmp/out, stderr to $tmp/err
# tsvcol N FILE: column N of a TSV file without its header, quotes undone
tsvcol() {
	python3 -c 'import csv, sys
for r in list(csv.reader(open(sys.argv[2], newline=""), delimiter="\t"))[1:]:
    print(r[int(sys.argv[1]) - 1])' "$1" "$2"
}
hasnt() { if grep -qF -- "$1" "$2"; then fail "$2 has '$1'"; fi; }

$ING -q -x "$tmp/idx" "$top_srcdir/corpus/articles" || { echo "ingest failed"; exit 1; }
X="-x $tmp/idx"
SEED=doc-2024-01-19-kim-jong-un-hostile-rhetoric

# --- usage and exit statuses
expect 0 $Q --help; has "Usage: tagdex-query" "$tmp/out"
expect 0 $Q --version; has "tagdex-query " "$tmp/out"
expect 2 $Q $X; has "no query given" "$tmp/err"
expect 2 $Q $X --bogus '"a"'
expect 2 $Q $X --format xml '"a"'; has "expected text, tsv, csv or json" "$tmp/err"
# the statistics and index modes take --format the same way (--info's
# text is its TSV)
expect 2 $Q $X --collocates --format xml '"a"'; has "--format: expected text, tsv, csv or json, not 'xml'" "$tmp/err"
expect 2 $Q $X --info --format xml; has "--format: expected text, tsv, csv or json, not 'xml'" "$tmp/err"
expect 0 $Q $X --info --format tsv; mv "$tmp/out" "$tmp/info.tsv"
expect 0 $Q $X --info --format text; cmp -s "$tmp/out" "$tmp/info.tsv" || fail "--info: text is not its TSV"
expect 2 $Q $X --freq colour '"a"'
expect 2 $Q $X --limit -3 '"a"'
expect 2 $Q $X --context many '"a"'
expect 2 $Q $X '"a"' '"b"'; has "unexpected argument" "$tmp/err"
expect 2 $Q $X --within q; has "--within needs a query" "$tmp/err"
expect 4 $Q -x "$tmp/none" '"a"'
expect 1 $Q $X '"zzqxj"'; [ -s "$tmp/out" ] && fail "output without hits"
expect 1 $Q $X --count '"zzqxj"'; [ "$(cat "$tmp/out")" = 0 ] || fail "count 0"

# --- syntax errors: offset, message, the query and a caret under it
expect 2 $Q $X '[word="a" & ]'
has "tagdex-query: syntax error at offset 12: expected a condition" "$tmp/err"
[ "$(sed -n 2p "$tmp/err")" = '  [word="a" & ]' ] || fail "query line"
[ "$(sed -n 3p "$tmp/err")" = '              ^' ] || fail "caret line: $(sed -n 3p "$tmp/err")"
expect 2 $Q $X '"likely" within'
has "syntax error at offset 15: expected a token" "$tmp/err"
[ "$(sed -n 3p "$tmp/err")" = "                 ^" ] || fail "caret at end"
expect 2 $Q $X '"a(" "b"'; has "offset 3: expected a valid regular expression" "$tmp/err"
expect 2 $Q $X '<s ana="*"/>'; has "offset 8: expected a valid regular" "$tmp/err"
expect 2 $Q $X '"a"{5,2}'; has "not below the minimum" "$tmp/err"
# a 100 KB query must not crash or hang: a clean limit error
head -c 100000 /dev/zero | tr '\0' '(' >"$tmp/deep"
expect 2 $Q $X "$(cat "$tmp/deep")"; has "limit exceeded at offset 64" "$tmp/err"
# a limit met while the query runs names its offset as syntax errors do
# (the part being matched when the work ran out), caret below; so do
# --collocates and --keywords (naming --reference), exit status 2
expect 2 $Q $X --count '[]{0,1000} []{0,1000} []{0,1000} "the"'
has "tagdex-query: limit exceeded at offset 11: the query needs too much work" "$tmp/err"
[ "$(sed -n 3p "$tmp/err")" = '             ^' ] || fail "too much work: caret: $(cat "$tmp/err")"
expect 2 $Q $X --collocates '[]{0,1000} []{0,1000} []{0,1000} "the"'
has "limit exceeded: at offset 11 of '[]{0,1000} []{0,1000} []{0,1000} \"the\"': the query needs" "$tmp/err"
expect 2 $Q $X --keywords --focus '<q/>' --reference '[]{0,1000} []{0,1000} []{0,1000} "the"'
has "tagdex-query: --reference: limit exceeded: at offset 11 of" "$tmp/err"
hasnt "in the reference query" "$tmp/err"
expect 2 $Q $X --count 'a:[] ([]{0,100}){0,100} b:[] :: a.word = b.word'
has "limit exceeded at offset 6: the query needs too much work" "$tmp/err"
# a label cannot be referred to inside its own token (CQP: "used before
# it was defined"); it parsed and answered 0
expect 2 $Q $X --count 'a:[word = a.word]'
has "syntax error at offset 10: expected a label set before this token, found 'a'" "$tmp/err"
expect 2 $Q $X --count 'a:[] b:[word = a.word & word != b.word]'
has "syntax error at offset 32: expected a label set before this token, found 'b'" "$tmp/err"
expect 0 $Q $X --count 'a:[] b:[word != a.word]'
# a flag's letters count once each, in any order, as in CQP
expect 0 $Q $X --count '"the"%c'; cp "$tmp/out" "$tmp/fc"
expect 0 $Q $X --count '"the"%cc'; cmp -s "$tmp/out" "$tmp/fc" || fail "%cc is not %c"
expect 0 $Q $X --count '"the"%cd'; cp "$tmp/out" "$tmp/fcd"
expect 0 $Q $X --count '"the"%dcd'; cmp -s "$tmp/out" "$tmp/fcd" || fail "%dcd is not %cd"
# CQP's %l: the string literal, no regex ("." a full stop, not any token)
expect 0 $Q $X --count '"."%l'; cp "$tmp/out" "$tmp/fl"
expect 0 $Q $X --count '"\."'; cmp -s "$tmp/out" "$tmp/fl" || fail "\".\"%l is not \"\\.\""
expect 0 $Q $X --count '"."'; cmp -s "$tmp/out" "$tmp/fl" && fail "\".\" is \".\"%l"
expect 2 $Q $X --count '"the"%lc'; has "expected %l alone" "$tmp/err"
expect 2 $Q $X --count '"the"%x'; has "expected a flag %c, %d, %cd or %l" "$tmp/err"
# caret columns count characters, not bytes
expect 2 $Q $X '"café" ]'
[ "$(sed -n 3p "$tmp/err")" = "         ^" ] || fail "UTF-8 caret"

# --- the seed article's questions
# every hedge inside a prediction (the README's first command)
expect 0 $Q $X --doc $SEED '<seg type="hedge"/> within <s ana="prediction"/>'
cp "$tmp/out" "$tmp/hedges"
for h in "[looks unlikely]" "[probably]" "[should not be surprised if]" \
	"[may well]" "[likely]" "[perhaps]"; do has "$h" "$tmp/out"; done
n=$(wc -l <"$tmp/out")
expect 0 $Q $X --doc $SEED --count '<seg type="hedge"/> within <s ana="prediction"/>'
[ "$(cat "$tmp/out")" = "$n" ] || fail "--count $(cat "$tmp/out") != $n lines"
expect 0 $Q $X --doc $SEED --count --hedge --within s
[ "$(cat "$tmp/out")" -gt "$n" ] || fail "--hedge --within s"
# the same question asked of sentences: as many as the hedges above lie in
expect 0 $Q $X --doc $SEED --count '<s ana="prediction"/> containing <seg type="hedge"/>'
[ "$(cat "$tmp/out")" = "$(awk '{print $3}' "$tmp/hedges" | sort -u | wc -l)" ] ||
	fail "containing: $(cat "$tmp/out") sentences, not those of the hedges"
# every quote by Kim Jong Un
expect 0 $Q $X --doc $SEED --format tsv '<q who="kim-jong-un"/>'
for q in "totally destroy" "inflict an unimaginably crushing defeat on the US" \
	"incorporated" "enemies ignite a war"; do has "	$q	" "$tmp/out"; done
expect 0 $Q $X --doc $SEED --format tsv --who kim-jong-un
has "would ‘totally destroy’ South Korea" "$tmp/out"
# every mention of North Korea under any of its names
expect 0 $Q $X --doc $SEED --freq match --actor north-korea
for nm in "North Korea" "Pyongyang" "North"; do has "	$nm" "$tmp/out"; done
hasnt "Kim" "$tmp/out"
expect 0 $Q $X --doc $SEED --freq actor '"Pyongyang"'
has "north-korea" "$tmp/out"

# pull quotes are left out unless --pullquotes
expect 0 $Q $X --count '[]'; all=$(cat "$tmp/out")
expect 0 $Q $X --count --pullquotes '[]'
[ "$(cat "$tmp/out")" -gt "$all" ] || fail "--pullquotes changes nothing"
expect 0 $Q $X --count --pullquotes '<quote type="pullquote"/>'
[ "$(cat "$tmp/out")" = "$(cat "$top_srcdir"/corpus/tei/*.xml | grep -o '<quote type="pullquote"' | wc -l)" ] ||
	fail "pull quotes: $(cat "$tmp/out"), not those of corpus/tei"
expect 1 $Q $X --count '<quote type="pullquote"/>'

# --- output modes
expect 0 $Q $X --format json --limit 3 '"likely"'
[ "$(wc -l <"$tmp/out")" = 3 ] || fail "json --limit 3"
for k in '"doc":"doc-' '"s":' '"start":' '"end":' '"left":' '"match":"likely"' \
	'"right":' '"date":"' '"title":' '"spans":[{"name":'; do has "$k" "$tmp/out"; done
# the values: each JSON line holds what the TSV row of the same hit holds
$Q $X --format tsv --limit 3 '"likely"' >"$tmp/t3"
python3 -c 'import csv, json, sys
rows = list(csv.reader(open(sys.argv[2], newline=""), delimiter="\t"))
head, rows = rows[0], rows[1:]
objs = [json.loads(l) for l in open(sys.argv[1])]
assert len(objs) == len(rows) == 3, (len(objs), len(rows))
for o, r in zip(objs, rows):
    for k, v in zip(head, r):
        want = o[k]
        assert (str(want) if want is not None else "") == v, (k, want, v)' "$tmp/out" "$tmp/t3" ||
	fail "json values differ from tsv"
# outside a sentence (the title) "s" is null
expect 0 $Q $X --format json --doc $SEED --limit 1 '[]'
has '"s":null' "$tmp/out"; has '"start":0,"end":1' "$tmp/out"
expect 0 $Q $X --format tsv '"likely"'
has "doc	s	start	end	date	left	match	right	title" "$tmp/out"
awk -F '\t' 'NF != 9 { bad = 1 } END { exit bad }' "$tmp/out" || fail "tsv columns"
lines=$(($(wc -l <"$tmp/out") - 1))
expect 0 $Q $X --count '"likely"'
[ "$(cat "$tmp/out")" = "$lines" ] || fail "count vs tsv"
expect 0 $Q $X --limit 2 --offset 1 '"likely"'
[ "$(wc -l <"$tmp/out")" = 2 ] || fail "--limit 2"
$Q $X '"likely"' | sed -n 2,3p >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || fail "--offset"
expect 0 $Q $X --context 0 '"North" "Korea"'
has "  [North Korea] " "$tmp/out"
expect 0 $Q $X --doc $SEED --context s --format tsv '"totally"'
has "In an alarming speech at a meeting" "$tmp/out"
has "	totally	destroy’ South Korea and ‘inflict an unimaginably crushing defeat on the US’.	" "$tmp/out"
expect 0 $Q $X --color=always --limit 1 '"likely"'
has "$(printf '\033[1;31mlikely\033[0m')" "$tmp/out"
# sorting (the orders and their keys are checked against PyICU in
# test_sort.sh): byte order of one-word matches is C's; the default
# ignores case (north, North, north, ...)
expect 0 $Q $X --sort match --collation bytes --format tsv '"[Nn]orth.*"'
tsvcol 7 "$tmp/out" >"$tmp/m"
LC_ALL=C sort -c "$tmp/m" || fail "--sort match --collation bytes"
expect 0 $Q $X --sort match --format tsv '"[Nn]orth.*"'
tsvcol 7 "$tmp/out" | tr 'N' 'n' >"$tmp/m"
LC_ALL=C sort -c "$tmp/m" || fail "--sort match ignores case"
LC_ALL=C sort -c "$tmp/m" 2>/dev/null && tsvcol 7 "$tmp/out" | LC_ALL=C sort -c 2>/dev/null &&
	fail "--sort match: no mixed case to show it is ignored"
expect 0 $Q $X --sort date --format tsv '"likely"'
tsvcol 5 "$tmp/out" | LC_ALL=C sort -c || fail "--sort date"
expect 0 $Q $X --sort left --limit 5 --format tsv '"the"'
[ "$(tsvcol 7 "$tmp/out" | sort -u)" = the ] || fail "--sort left: matches"
[ "$(tsvcol 7 "$tmp/out" | wc -l)" = 5 ] || fail "--sort left --limit 5"
# sampling is reproducible and in corpus order
expect 0 $Q $X --sample 4 --seed 7 '"the"'; cp "$tmp/out" "$tmp/s1"
[ "$(wc -l <"$tmp/s1")" = 4 ] || fail "--sample 4"
expect 0 $Q $X --sample 4 --seed 7 '"the"'
cmp -s "$tmp/out" "$tmp/s1" || fail "--sample not reproducible"
expect 0 $Q $X --sample 4 --seed 8 '"the"'
cmp -s "$tmp/out" "$tmp/s1" && fail "--seed ignored"

# --- frequency tables
expect 0 $Q $X --freq norm '"[Ll]ikely"'
has "	likely" "$tmp/out"; hasnt "Likely" "$tmp/out"
expect 0 $Q $X --freq year '"likely"'
awk -F '\t' '$3 !~ /^20[0-9][0-9]$/ { bad = 1 } END { exit bad }' "$tmp/out" || fail "freq year"
expect 0 $Q $X --freq month --from 2025 --to 2025-03 '[]'
has "	2025-02" "$tmp/out"; has "	2025-03" "$tmp/out"; hasnt "2024" "$tmp/out"; hasnt "2025-06" "$tmp/out"
expect 0 $Q $X --freq doc --format tsv --genre "Expert comment" '[]'
# exactly the documents whose TEI says Expert comment
tsvcol 3 "$tmp/out" | sort >"$tmp/g1"
grep -l '<term type="genre">Expert comment</term>' "$top_srcdir"/corpus/tei/*.xml |
	sed 's|.*/|doc-|; s|\.xml$||' | sort >"$tmp/g2"
[ -s "$tmp/g2" ] && cmp -s "$tmp/g1" "$tmp/g2" || fail "--genre: $(cat "$tmp/g1") not $(cat "$tmp/g2")"
expect 1 $Q $X --freq doc --genre "No such genre" '"likely"'
expect 0 $Q $X --freq hedge --hedge=probability
has "	probability" "$tmp/out"; hasnt "possibility" "$tmp/out"
expect 0 $Q $X --count '<q who="kim-jong-un"/>'; kq0=$(cat "$tmp/out")
expect 0 $Q $X --freq who --format tsv '<q/>'
awk -F '\t' -v n="$kq0" '$3 == "kim-jong-un" { found = ($1 == n) } END { exit !found }' "$tmp/out" ||
	fail "--freq who: kim-jong-un is not $kq0"
expect 0 $Q $X --freq match --format json '"likely"'
has '{"value":"likely","count":' "$tmp/out"
# rates per million: count * 1e6 / tokens, so all of [] gives 1e6
expect 0 $Q $X --freq year --doc $SEED '[]'
has "1000000.00	2024" "$tmp/out"

# --- dates: ISO 8601 YYYY, YYYY-MM, YYYY-MM-DD, inclusive bounds
for d in 01/02/2024 2024-13-01 2023-02-29 yesterday 2024-1-5 20240105 ""; do
	expect 2 $Q $X --count --from "$d" '"likely"'
	has "--from: expected a date YYYY, YYYY-MM or YYYY-MM-DD" "$tmp/err"
	expect 2 $Q $X --count --to "$d" '"likely"'; has "--to: expected a date" "$tmp/err"
done
expect 0 $Q $X --count --from 2024-02-29 '[]'
expect 2 $Q $X --count --from 2025 --to 2024-12 '[]'; has "is after --to" "$tmp/err"
# --to 2024 is through 2024-12-31: the article of 2024-12-10 is in
expect 0 $Q $X --count --to 2024 '[]'; to_y=$(cat "$tmp/out")
expect 0 $Q $X --count --to 2024-12 '[]'; [ "$(cat "$tmp/out")" = "$to_y" ] || fail "--to 2024-12"
expect 0 $Q $X --count --to 2024-12-31 '[]'; [ "$(cat "$tmp/out")" = "$to_y" ] || fail "--to 2024-12-31"
expect 0 $Q $X --count --to 2024-12-09 '[]'; [ "$(cat "$tmp/out")" -lt "$to_y" ] || fail "--to 2024-12-09"
expect 0 $Q $X --count --from 2025 '[]'; from_y=$(cat "$tmp/out")
[ $((to_y + from_y)) = "$all" ] || fail "--to 2024 + --from 2025 != all ($to_y + $from_y != $all)"
expect 0 $Q $X --freq doc --from 2024-12-10 --to 2024-12-10 '[]'
has "red-sea" "$tmp/out"; [ "$(wc -l <"$tmp/out")" = 1 ] || fail "one day"

# --- --limit 0 prints no hit, the status still says there are hits
expect 0 $Q $X --limit 0 '"likely"'; [ -s "$tmp/out" ] && fail "--limit 0 printed"
expect 0 $Q $X --limit 0 --sort match '"likely"'; [ -s "$tmp/out" ] && fail "--limit 0 --sort printed"

# --- conflicting options are refused, not "the last one wins"
expect 2 $Q $X --count --freq norm '"a"'; has "--count and --freq exclude each other" "$tmp/err"
expect 2 $Q $X --freq norm --freq match '"a"'; has "--freq given twice" "$tmp/err"
expect 2 $Q $X --freq norm --sort left '"a"'; has "--sort" "$tmp/err"
expect 2 $Q $X --count --sort left '"a"'
expect 2 $Q $X --count --sample 3 '"a"'
expect 2 $Q $X --freq norm --limit 3 '"a"'
expect 2 $Q $X --doc a --doc b '"a"'; has "--doc given twice" "$tmp/err"
expect 2 $Q $X --format tsv --format json '"a"'

# --- attribute values as the TEI writes them
expect 0 $Q $X --count '<q who="kim-jong-un"/>'; kq=$(cat "$tmp/out")
expect 0 $Q $X --count '<q who="#kim-jong-un"/>'; [ "$(cat "$tmp/out")" = "$kq" ] || fail "who=#kim-jong-un"
expect 0 $Q $X --count --who kim-jong-un; kw=$(cat "$tmp/out")
expect 0 $Q $X --count --who '#kim-jong-un'; [ "$(cat "$tmp/out")" = "$kw" ] || fail "--who #kim-jong-un"
expect 0 $Q $X --count '<s ana="prediction"/>'; pa=$(cat "$tmp/out")
expect 0 $Q $X --count '<s ana="#prediction"/>'; [ "$(cat "$tmp/out")" = "$pa" ] || fail "ana=#prediction"
expect 0 $Q $X --count '<s ana="#prediction #hedged"/>'; ph=$(cat "$tmp/out")
[ "$ph" -gt 0 ] && [ "$ph" -lt "$pa" ] || fail "ana=#prediction #hedged: $ph of $pa"
expect 0 $Q $X --count '<s ana="prediction hedged"/>'; [ "$(cat "$tmp/out")" = "$ph" ] || fail "ana=prediction hedged"

# --- unknown names: a warning naming the nearest ones, not a silent 0
expect 1 $Q $X --count '<Q/>'
has "warning: no element <Q> in this index; did you mean <q>" "$tmp/err"
expect 1 $Q $X --count '<q whom="x"/>'
has "warning: no <q> in this index has an attribute 'whom'; did you mean 'who'" "$tmp/err"
expect 1 $Q $X --count '<s ana="predicton"/>'
has "warning: no 'ana' value of <s> in this index matches 'predicton'; did you mean '#prediction'" "$tmp/err"
expect 1 $Q $X --count --who kim-jong-u
has "--who: no actor key, name or alias 'kim-jong-u' in this index, and no key matches it as a regex; did you mean 'kim-jong-un'" "$tmp/err"
expect 1 $Q $X --count --hedge=probabilty
has "no 'subtype' value of <seg> in this index matches 'probabilty'; did you mean 'probability'" "$tmp/err"
expect 1 $Q $X --count --doc doc-2024-01-19-kim-jong-un '"a"'
has "warning: --doc: no document 'doc-2024-01-19-kim-jong-un' in this index; did you mean '$SEED'" "$tmp/err"
expect 1 $Q $X --count --genre "expert comment" '"likely"'
has "warning: --genre: no document of genre 'expert comment' in this index; did you mean 'Expert comment'" "$tmp/err"
# names that exist give no warning, even when one of two elements lacks them
for q in '<q who="kim-jong-un"/>' '<seg type="hedge" subtype="probability"/>' '<s ana="pred.*"/>' '<s/>'; do
	expect 0 $Q $X --count "$q"; [ -s "$tmp/err" ] && fail "warning for $q: $(cat "$tmp/err")"
done
expect 0 $Q $X --count --who kim-jong-un --doc $SEED --genre "Expert comment"
[ -s "$tmp/err" ] && fail "warning for --who: $(cat "$tmp/err")"

# --- --context s: a hit over two sentences shows both; outside <s> the
# innermost block element (the standfirst's <p>, ParlaMint <u>, DraCor <sp>'s
# <p>, ELTeC <p>)
expect 0 $Q $X --doc $SEED --context s --format tsv '"year" "." "Kim"'
has "	year. Kim	began the new year by warning South Korea" "$tmp/out"
has "Recent rhetoric from North Korean leader" "$tmp/out"
expect 0 $Q $X --doc $SEED --context s --format tsv '"Pyongyang" "has"'
has "	Pyongyang has	real importance in an emerging anti-Western alliance – and will likely grow more aggressive this year." "$tmp/out"
: "${TD_SHARED:=$(cd "$top_srcdir/.." && pwd)/shared}"
E=$TD_SHARED/corpora/external
$ING -q -x "$tmp/ext" "$E/eltec-eng/ENG18652_Carroll.xml" "$E/gerdracor/lessing-emilia-galotti.xml" \
	"$E/parlamint-es-ga/ParlaMint-ES-GA_2015-08-03-DSPG117.xml" || fail "ingest external"
expect 0 $Q -x "$tmp/ext" --context s --format tsv '"Alice" "was" "beginning"'
has "thought Alice ‘without pictures or conversations?’" "$tmp/out"
expect 0 $Q -x "$tmp/ext" --context s --format tsv --limit 2 '"Marinelli"'
has "Ich habe zu früh Tag gemacht." "$tmp/out"; has "	Marinelli	soll mich begleiten." "$tmp/out"
expect 0 $Q -x "$tmp/ext" --context s --format tsv --limit 2 '"Pleno"'
has "Boas tardes. (Murmurios.) Eu xa sei que é o último" "$tmp/out"

# --- apostrophe and quote variants fold; %d folds as Lucene does
expect 0 $Q $X --count '"Korea" "’s"'; ks=$(cat "$tmp/out")
expect 0 $Q $X --count '"Korea" "'"'"'s"'; [ "$(cat "$tmp/out")" = "$ks" ] || fail "\"Korea\" \"'s\""
expect 0 $Q $X --count '"Korea" [norm="'"'"'s"]'; [ "$(cat "$tmp/out")" = "$ks" ] || fail "norm='s"
expect 0 $Q $X --freq norm '"’s"%c'; has "	's" "$tmp/out"; hasnt "’" "$tmp/out"
mkdir -p "$tmp/fold"
printf 'Sørlie on Łódź\n\nAnalyst Kari Sørlie said the Straße plan is “likely”.\n' >"$tmp/fold/a.txt"
$ING -q -x "$tmp/fidx" "$tmp/fold/a.txt" || fail "ingest fold"
expect 0 $Q -x "$tmp/fidx" --count '"Sorlie"%d'; [ "$(cat "$tmp/out")" = 2 ] || fail "Sorlie%d"
expect 1 $Q -x "$tmp/fidx" --count '"Sorlie"'
expect 0 $Q -x "$tmp/fidx" --count '"lodz"%cd'
expect 0 $Q -x "$tmp/fidx" --count '"Strasse"%d'
expect 0 $Q -x "$tmp/fidx" --count '"\"" "likely" "\""'

# --- index location: -x, $TAGDEX_INDEX, ./.tagdex
expect 0 env TAGDEX_INDEX="$tmp/idx" $Q --count '"likely"'
mkdir -p "$tmp/cwd" && cp -r "$tmp/idx" "$tmp/cwd/.tagdex"
abs=$Q
(cd "$tmp/cwd" && "$abs" --count '"likely"') >"$tmp/out" 2>"$tmp/err" || fail "default index: $(cat "$tmp/err")"

# --- runaway regexes are bounded
mkdir -p "$tmp/long"
printf 'Long token\n\nA aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab token here.\n' >"$tmp/long/a.txt"
$ING -q -x "$tmp/lidx" "$tmp/long/a.txt" || fail "ingest long"
expect 2 $Q -x "$tmp/lidx" '"(a|aa)+"'; has "limit" "$tmp/err"

if [ "$fails" -ne 0 ]; then
	echo "$fails check(s) failed"
	exit 1
fi
echo "all tagdex-query CLI checks passed"
