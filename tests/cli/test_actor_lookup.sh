#!/bin/sh
# test_actor_lookup.sh: --actor and --who by name (issue 15): a key, else a
# name or alias of the actor table (--actors), else a regex over the keys.
# Counts by name equal those by key and the --actors table; an ambiguous
# name is exit status 2 listing the keys; a misspelling names the nearest
# names (one message) and has no hit.
. "$(dirname "$0")/lib.sh"
td_tmp tq-actor

$ING -q -x "$tmp/idx" "$top_srcdir/corpus/articles" || { echo "ingest failed"; exit 1; }
X="-x $tmp/idx"
count() { $Q $X --count "$@" 2>"$tmp/cerr"; }

# --- a name is its key: every mention of the key, by any name
byname=$(count --actor Pyongyang)
has "'Pyongyang' is a name of actor north-korea" "$tmp/cerr"
bykey=$(count --actor north-korea)
[ "$bykey" -gt 5 ] || fail "north-korea: $bykey mentions"
[ "$byname" = "$bykey" ] || fail "--actor Pyongyang $byname != north-korea $bykey"
# the --actors table's mentions of that key
$Q $X --actors --format tsv >"$tmp/actors"
[ "$(awk -F'\t' '$1 == "north-korea" {print $2}' "$tmp/actors")" = "$bykey" ] ||
	fail "--actor north-korea != its --actors mentions"
# folded: case, white space, apostrophes (’ in the text, ' typed)
[ "$(count --actor 'pyongyang')" = "$bykey" ] || fail "--actor pyongyang"
[ "$(count --actor "people's  republic of China")" = "$(count --actor china)" ] ||
	fail "apostrophe folding"
# --who by name, with and without a query, as by key
[ "$(count --who 'Kim Jong Un')" = "$(count --who kim-jong-un)" ] || fail "--who by name"
[ "$(count --who 'Kim Jong Un')" -gt 0 ] || fail "--who kim-jong-un: no passage"
[ "$(count --who 'Kim Jong Un' '[]')" = "$(count '[] within (<q who="kim-jong-un"/> | <said who="kim-jong-un"/>)')" ] ||
	fail "--who by name with a query"
# the statistics modes resolve it too
$Q $X --collocates --who 'Kim Jong Un' --format tsv >"$tmp/c1" 2>/dev/null
$Q $X --collocates --who kim-jong-un --format tsv >"$tmp/c2" 2>/dev/null
[ -s "$tmp/c1" ] && cmp -s "$tmp/c1" "$tmp/c2" || fail "--collocates --who by name"

# --- a key stays a key, a regex stays a regex over the keys
[ "$(count --actor '#north-korea')" = "$bykey" ] || fail "--actor #key"
re='(<persName ref="north-.*"/> | <orgName ref="north-.*"/> | <rs ref="north-.*"/> | <placeName ref="north-.*"/>)'
[ "$(count --actor 'north-.*')" = "$(count "$re")" ] || fail "--actor regex"
[ -s "$tmp/cerr" ] && fail "a regex gave a message: $(cat "$tmp/cerr")"

# --- a misspelling: no hit, one message with the nearest names
expect 1 $Q $X --count --who 'Kim Jong Um'
[ "$(cat "$tmp/out")" = 0 ] || fail "misspelt --who counted $(cat "$tmp/out")"
has "did you mean 'Kim Jong Un' (kim-jong-un)" "$tmp/err"
[ "$(wc -l <"$tmp/err")" = 1 ] || fail "more than one message: $(cat "$tmp/err")"
expect 1 $Q $X --actor Pyongyng
has "did you mean 'Pyongyang' (north-korea)" "$tmp/err"

# --- an ambiguous name: exit status 2, the keys with mentions and names
mkdir "$tmp/tei"
cat >"$tmp/tei/a.xml" <<'TEI'
<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
<text><body><p><persName ref="#kim-jong-un">Kim</persName> spoke. <persName ref="#kim-yo-jong">Kim</persName> answered. <persName ref="#kim-yo-jong">Kim Yo Jong</persName> left. <q who="#kim-yo-jong">We will wait.</q></p></body></text></TEI>
TEI
$ING -q -x "$tmp/kim" "$tmp/tei" || fail "ingest kim"
expect 2 $Q -x "$tmp/kim" --who Kim
has "'Kim' names 2 actors; give one's key:" "$tmp/err"
has "kim-jong-un	1 mention	Kim (1)" "$tmp/err"
has "kim-yo-jong	2 mentions	Kim (1); Kim Yo Jong (1)" "$tmp/err"
[ -s "$tmp/out" ] && fail "an ambiguous name printed hits"
expect 0 $Q -x "$tmp/kim" --who 'kim yo jong'
has "We will wait." "$tmp/out"

[ "$fails" -eq 0 ]
