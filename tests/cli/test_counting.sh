#!/bin/sh
# test_counting.sh: counts a researcher can publish (issue 11, Counting),
# against hand counts on tests/data/counting (see the comments there): one
# logical quote is one hit, --who returns passages, speech groups, rates per
# group, text that is not the article, samples independent of ingest order.
. "$(dirname "$0")/lib.sh"
td_tmp tq-count
# is WANT CMD...: CMD's stdout (exit status 0 or 1) must be WANT exactly
is() {
	want=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"; st=$?
	[ "$st" -le 1 ] || fail "exit $st: $*: $(head -c 300 "$tmp/err")"
	printf '%s\n' "$want" >"$tmp/want"
	cmp -s "$tmp/out" "$tmp/want" ||
		fail "$*: got
$(cat "$tmp/out")
want
$want"
}
$ING -q -x "$tmp/idx" "$top_srcdir/tests/data/counting" || { echo "ingest failed"; exit 1; }
X="-x $tmp/idx"

# a pull quote without a final full stop (shaped as a heading) is not the
# article: "watches" is one word of the body, two with --pullquotes
goma=$top_srcdir/corpus/articles/2023-05-16-drc-m23-goma-regional-force.txt
$ING -q -x "$tmp/goma" "$goma" || fail "ingest $goma"
is 1 $Q -x "$tmp/goma" --count '"watches"'
is 2 $Q -x "$tmp/goma" --count --pullquotes '"watches"'
is 0 $Q -x "$tmp/goma" --count '<head/> containing "watches"'

# one logical quote is one hit: the q inside Kim's said once, Lee's quote
# over two sentences once (its extent: both parts), the unattributed one
is 3 $Q $X --count '<q/>'
is "1	1000000.00	(unidentified)	1
1	200000.00	kim	5
1	125000.00	lee	8" $Q $X --freq who '<q/>'
is "doc-a	doc-a-s2	17	25	2024-03-01	is likely soon. “	It may end. It may not,	” Lee said. Someone" \
	sh -c "$Q $X --format tsv '<q who=\"lee\"/>' | sed 1d | cut -f1-8"
# a hit inside one part only is still the one quote
is 1 $Q $X --count '<q/> containing "not"'

# --who KEY alone: KEY's passages, a quote inside a said not a second hit
is 1 $Q $X --count --who kim
is "1	200000.00	kim	5" $Q $X --freq who --who kim
# with a query: the query's hits inside them, once each
is 2 $Q $X --count --who kim '"likely"|"war"'
# a quote in two parts around narration ("It may end," Lee said, "but not
# soon."): one hit of <q/> spanning both, but the narration between is not
# quote text for the tokens inside it: not for within, not for --save's
# spans (6 tokens, not 12), not for the focus of --keywords
$ING -q -x "$tmp/split" "$top_srcdir/tests/data/split-quote" ||
	fail "ingest split-quote"
S="-x $tmp/split"
is 1 $Q $S --count '<q/>'
# --values counts the quotation in two parts once, as --count does
is "lee	1	1" sh -c "$Q $S --values q@who | grep -v '^value'"
is 0 $Q $S --count '"said" within <q/>'
$Q $S --save QQ '<q/>' >/dev/null 2>&1 || fail "--save QQ"
is 6 $Q $S --count --in QQ '[]'
is 0 $Q $S --count --in QQ '"said"'
is "6 9" sh -c "$Q $S --keywords --focus '<q/>' --alpha 1 --min-freq 1 \
	--format tsv | sed -n 2p | cut -f5,6 | tr '\t' ' '"
# nor the node of --collocates: a window around each part ('“ It may end
# , ” Lee said , “ but not soon . ”', parts 1-3 and 10-12): 1,1 is the
# tokens 0, 4, 9 and 13 (it was 0 and 13, the narration a node); 5,5 all
# 9 tokens outside the parts, "said" among them (it was 3, without it)
is "4" sh -c "$Q $S --collocates --window 1,1 --min-freq 1 --min-coll 1 \
	--format csv '<q/>' | sed -n 2p | cut -d, -f5"
is "said,1,1,1,9,15" sh -c "$Q $S --collocates --min-freq 1 --min-coll 1 \
	--format csv '<q/>' | grep '^said,' | cut -d, -f1-6"
# nor the key of --freq and --freq tables: the quote's text is its parts,
# joined by ' … ' ("It may end,” Lee said, “but not soon" was one value),
# and the mention of Lee in the narration is not one inside the quote
is "1	66666.67	It may end … but not soon	15" $Q $S --freq match '<q/>'
is "1	66666.67	it may end … but not soon	15" $Q $S --freq norm '<q/>'
is "1	66666.67	PRP MD VB … CC RB RB	15" $Q $S --freq pos '<q/>'
is "1	66666.67	(none)	15" $Q $S --freq actor '<q/>'
# start and end tags: each part of the quotation has both ('“ It may end ,
# ” Lee said , “ but not soon . ”'), and a region that is exactly a part
# is the whole quotation, once, as <q/> counts it
is 2 $Q $S --count '<q> []'
is 2 $Q $S --count '[] </q>'
is 1 $Q $S --count '<q> []* </q>'
is 1 $Q $S --count '<q who="lee"> []{1,3} </q>'
is 0 $Q $S --count '<q who!="lee"> []{1,3} </q>'
is "1	66666.67	It may end … but not soon	15" $Q $S --freq match '<q> []* </q>'
# nested elements of one name (a quotation inside a quotation), an empty
# element (<lb/>) and sentences at a document's edges
mkdir -p "$tmp/nest"
cat >"$tmp/nest/n.xml" <<'XML'
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc-n"><teiHeader><fileDesc>
<titleStmt><title>Nested</title></titleStmt><publicationStmt><p>tests</p>
</publicationStmt><sourceDesc><p>tests</p></sourceDesc></fileDesc></teiHeader>
<text><body><p><s>Kim said <q who="#kim">Lee told me <q who="#lee">never
again</q> twice</q> today.</s><lb/><s>But Lee <lb/>left.</s></p></body></text></TEI>
XML
cat >"$tmp/nest/m.xml" <<'XML'
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc-m"><teiHeader><fileDesc>
<titleStmt><title>Next</title></titleStmt><publicationStmt><p>tests</p>
</publicationStmt><sourceDesc><p>tests</p></sourceDesc></fileDesc></teiHeader>
<text><body><p><s>But so.</s></p></body></text></TEI>
XML
$ING -q -x "$tmp/nestx" "$tmp/nest" || fail "ingest nest"
N="-x $tmp/nestx"
is 2 $Q $N --count '<q> []'
is 1 $Q $N --count '<q> [] []{0,2} </q>'
# (a tag twice at one place tests one place twice, as in CQP)
is 2 $Q $N --count '<q> <q> []'
is 1 $Q $N --count '"again" </q> "twice" </q>'
is 0 $Q $N --count '"never" </q>'
is 2 $Q $N --count '<q> []* </q>'
is 1 $Q $N --count '<q who="kim"> []* </q> "today"'
is 1 $Q $N --count '<q> [] []* <q> []* </q> []* </q>'
# the lb between the sentences and the one inside the second
is 2 $Q $N --count '<lb> []'
is 1 $Q $N --count '</s> <lb> </lb> <s> "But"'
is 1 $Q $N --count '"Lee" </lb>'
# "But" opens a sentence after another only in doc-n: doc-m's first
is 2 $Q $N --count '<s> "But"'
is 1 $Q $N --count '</s> <s> "But"'
is 0 $Q $N --count '"left" "." </s> <s> "But"'
is "1	66666.67	1	It may end … but not soon	2024	15" $Q $S --freq match,year '<q/>'
is "1	66666.67	1	it may end … but not soon	“	.	15" $Q $S --freq norm,left1,right1 '<q/>'

# the right side of containing is every match of B, not B's hits under
# the strategy: the hit of []{0,3} "may" for s2's and s3's may would start
# in the sentence before, yet both sentences (and doc-b's) contain a match
is 3 $Q $X --count '<s/> containing ([]{0,3} "may")'
is 3 $Q $X --count --match-strategy longest '<s/> containing ([]{0,3} "may")'
# the shorthands keep the query's labels, global constraint and target:
# a:[] :: a.word="may" is "may" (3, Lee's 2), not every token inside
is 2 $Q $X --count --who lee 'a:[] :: a.word="may"'
is 3 $Q $X --count --within s 'a:[] :: a.word="may"'
is 0 $Q $X --count --within s 'a:[] [word=a.word]'
is 0 sh -c "$Q $X --within s --format tsv 'a:[] [word=a.word]' | sed 1d | wc -l"
is "2	44444.44	1	may	45" $Q $X --freq target --within s '"It" @[]'

# speech groups partition the article's tokens: the author's own words,
# each speaker, speech without a speaker; a hit over two groups is mixed;
# each rate is per million of its group's tokens, so [] gives 1e6 each
is "31	1000000.00	(author)	31
8	1000000.00	lee	8
5	1000000.00	kim	5
1	1000000.00	(unidentified)	1" $Q $X --freq who '[]'
is 45 $Q $X --count '[]'
is "2	250000.00	lee	8
1	32258.06	(author)	31" $Q $X --freq who '"may"'
is "4	NA	(mixed)	0
3	96774.19	(author)	31" $Q $X --freq who '<s/>'
is '{"value":"(mixed)","count":4,"per_million":null,"tokens":0}' \
	sh -c "$Q $X --freq who --format json '<s/>' | head -1"
is "count,per_million,value,tokens
4,,(mixed),0
3,96774.19,(author),31" $Q $X --freq who --format csv '<s/>'

# rates per group: a year's rate does not change when the others are
# filtered out (2024: 2 of 39 article tokens; 2025: 1 of 6)
is "2	51282.05	2024	39
1	166666.67	2025	6" $Q $X --freq year '"may"'
is "1	166666.67	2025	6" $Q $X --freq year --from 2025 '"may"'
is "1	166666.67	doc-b	6" $Q $X --freq doc --from 2025 '"may"'
# tables without group sizes: per million of all tokens searched (45)
is "3	66666.67	may	45
2	44444.44	It	45" $Q $X --freq match '"may"|"It"'

# text that is not the article: the layout marker and the pull quote are
# neither hits nor tokens nor context, unless --pullquotes
is 0 $Q $X --count '"Article"|"half"'
# one word: the counts read from the lexicon leave them out too
is 0 $Q $X --count '"Article"'
is 0 sh -c "$Q $X --freq match '\"Article\"' | wc -l"
is 1 $Q $X --count --pullquotes '"Article"'
is 52 $Q $X --count --pullquotes '[]'
is "perhaps”.	Final	words here." \
	sh -c "$Q $X --format tsv --context 3 '\"Final\"' | sed 1d | cut -f6-8"
is "half It may end.	Final	words here." \
	sh -c "$Q $X --format tsv --pullquotes --context 5 '\"Final\"' | sed 1d | cut -f6-8"
# nor the words of --freq and --sort leftN, rightN: two words before Final
# is the ” of s4 (not the pull quote's "end"), four after s4's last '.'
# is s5's '.' (not the pull quote's "It"); with --pullquotes they count
is "1	22222.22	1	”	45" $Q $X --freq left2 '"Final"'
is "1	19230.77	1	end	52" $Q $X --freq left2 --pullquotes '"Final"'
is "1	22222.22	1	.	45" $Q $X --freq right4 '"perhaps" "”" "\."'
is "1	19230.77	1	It	52" \
	$Q $X --freq right4 --pullquotes '"perhaps" "”" "\."'
# the collocation window steps over them too: the 3 tokens before Final
# are s4's "perhaps ” ." (the window was 3 tokens of the pull quote, left
# out: empty, no rows); with --pullquotes they are the pull quote's
is ". 1 3 45
perhaps 1 3 45
” 1 3 45" sh -c "$Q $X --collocates --window 3,0 --min-freq 1 --min-coll 1 \
	--format csv '\"Final\"' | sed 1d | cut -d, -f1,4,5,6 | tr , ' ' |
	LC_ALL=C sort"
is ". 1 3 52
end 1 3 52
may 1 3 52" sh -c "$Q $X --collocates --pullquotes --window 3,0 --min-freq 1 \
	--min-coll 1 --format csv '\"Final\"' | sed 1d | cut -d, -f1,4,5,6 |
	tr , ' ' | LC_ALL=C sort"
# perhaps the): s4's (token 34: .) before s1's (15: end), not after it
is "45 5 20 34 15 28 6" sh -c "$Q $X --format tsv --sort right4 '\"\\.\"' |
	sed 1d | cut -f3 | paste -sd ' ' -"

# --sample: the same hits whatever the ingest history (one commit, or one
# file at a time in reverse order: other segments, other segment order)
$ING -q -x "$tmp/all" "$top_srcdir/corpus/tei" || fail "ingest all"
for f in $(ls -r "$top_srcdir"/corpus/tei/*.xml); do
	$ING -q -x "$tmp/one" "$f" || fail "ingest $f"
done
$Q -x "$tmp/all" --sample 6 --seed 3 '"the"' >"$tmp/s1"
$Q -x "$tmp/one" --sample 6 --seed 3 '"the"' >"$tmp/s2"
[ "$(wc -l <"$tmp/s1")" = 6 ] || fail "--sample 6"
cmp -s "$tmp/s1" "$tmp/s2" || fail "--sample depends on the ingest order:
$(diff "$tmp/s1" "$tmp/s2")"
# printed by document id, then position
cut -d' ' -f1 "$tmp/s1" | LC_ALL=C sort -c || fail "--sample order"

if [ "$fails" -ne 0 ]; then
	echo "$fails check(s) failed"
	exit 1
fi
echo "all counting checks passed"
