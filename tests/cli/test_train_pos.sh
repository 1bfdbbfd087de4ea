#!/bin/sh
# test_train_pos.sh: tagdex-train-pos on a small made-up corpus in Brown's
# layout: the reserved texts (A01-A10, B01-B07, J01-J05, N01-N05) are never
# opened (here they are directories, which any read would fail on), training
# is deterministic, and a bad line is reported with its file and line.
. "$(dirname "$0")/lib.sh"
train=$top_builddir/indexer/tagdex-train-pos
td_tmp train_pos
[ -x "$train" ] || { echo "no $train"; exit 99; }

b=$tmp/brown
mkdir -p "$b"
: > "$b/cats.txt"
for id in ca01 ca10 cb07 cj05 cn01; do
	mkdir "$b/$id"
	echo "$id news" >> "$b/cats.txt"
done
i=0
for id in ca11 cc01 cc02 cc03 cd01 ce01 cf01 cg01 ck01 cl01 cp01; do
	i=$((i + 1))
	printf '\n\n\tThe/at dog/nn barked/vbd ./.\nThe/at Mayor/nn-tl of/in-tl Rome/np said/vbd he/pps would/md go/vb ./.\n' > "$b/$id"
	printf 'Kim'"'"'s/np$ cat/nn sleeps/vbz ,/, and/cc they/ppss eat/vb fish%s/nns ./.\n' "$i" >> "$b/$id"
	echo "$id fiction" >> "$b/cats.txt"
done

"$train" --brown "$b" --list-texts > "$tmp/list" || fail "--list-texts"
grep -E '^(ca01|ca10|cb07|cj05|cn01)' "$tmp/list" && fail "reserved text listed"
[ "$(wc -l < "$tmp/list")" -eq 11 ] || fail "expected 11 texts: $(cat "$tmp/list")"
[ "$(grep -c 'dev$' "$tmp/list")" -eq 1 ] || fail "one dev text in 11"

"$train" --brown "$b" --iter 2 -o "$tmp/m1" > "$tmp/out1" 2> "$tmp/err1" ||
	fail "training: $(cat "$tmp/err1")"
grep -q '^dev accuracy: ' "$tmp/out1" || fail "no accuracy: $(cat "$tmp/out1")"
grep -q '10 train texts' "$tmp/err1" || fail "train texts: $(cat "$tmp/err1")"
"$train" --brown "$b" --iter 2 -o "$tmp/m2" > /dev/null 2>&1 || fail "second run"
cmp -s "$tmp/m1" "$tmp/m2" || fail "training is not deterministic"
"$train" --brown "$b" --eval "$tmp/m1" > "$tmp/out3" 2>/dev/null || fail "--eval"
grep -q '^dev accuracy: ' "$tmp/out3" || fail "--eval output"

# a reserved text that is listed but not a directory is still never read
rmdir "$b/cj05"
echo 'garbage-without-a-tag' > "$b/cj05"
"$train" --brown "$b" --iter 1 -o "$tmp/m3" > /dev/null 2>&1 || fail "cj05 read"

echo 'broken line/' >> "$b/cc02"
"$train" --brown "$b" --iter 1 -o "$tmp/m4" > /dev/null 2> "$tmp/err4"
[ $? -eq 3 ] || fail "bad line: exit status"
grep -q 'cc02:6: ' "$tmp/err4" || fail "bad line message: $(cat "$tmp/err4")"

"$train" --brown "$tmp/nowhere" > /dev/null 2>&1
[ $? -eq 2 ] || fail "missing directory: exit status"
"$train" --bogus > /dev/null 2>&1
[ $? -eq 2 ] || fail "usage: exit status"
[ "$fails" = 0 ] || exit 1
echo "ok"
