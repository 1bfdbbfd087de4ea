#!/bin/sh
# test_hostile.sh: whatever researchers feed tagdex must not crash it, hang
# it, leak a local file into its output or damage an index (issue 7). Each
# case runs under `timeout` and checks the exit status and that the message
# names the file and line (inputs) or the offset with a caret (queries).
# Small fixtures are in tests/data/hostile; big ones are made here.
# TD_TIMEOUT_SCALE multiplies every time bound (sanitizer builds get 4).
. "$(dirname "$0")/lib.sh"
H=$srcdir/tests/data/hostile
[ -x "$ING" ] && [ -x "$QRY" ] || { echo "no $ING or $QRY"; exit 77; }
command -v timeout >/dev/null || { echo "no timeout(1)"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
scale=${TD_TIMEOUT_SCALE:-1}
if [ -z "${TD_TIMEOUT_SCALE:-}" ] && grep -qa -e __asan_init -e __ubsan_handle "$ING"; then
	scale=4
fi
T=$(mktemp -d /tmp/td-hostile-XXXXXX)
listener=
trap '[ -n "$listener" ] && kill "$listener" 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1
checks=0
ok() { checks=$((checks + 1)); }

# run CASE SECONDS CMD...: stdout in out, stderr in err, status in $rc. A
# hang or a sanitizer report fails the case whatever the status.
run() {
	case_=$1 lim=$2
	shift 2
	timeout -k 5 $((lim * scale)) "$@" >out 2>err
	rc=$?
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		fail "$case_: no answer within $((lim * scale)) s (hang)"
	elif grep -q -E 'Sanitizer|runtime error:|stack-overflow|Segmentation' err; then
		fail "$case_: $(grep -m1 -E 'Sanitizer|runtime error:|overflow' err)"
	else
		ok
	fi
}
# status CASE WANT...: $rc is one of WANT
status() {
	c=$1
	shift
	for w in "$@"; do [ "$rc" = "$w" ] && { ok; return 0; }; done
	fail "$c: exit status $rc, expected $*: $(head -c 300 err)"
	return 1
}
# says CASE ERE: stderr matches the extended regex
says() {
	if grep -q -E "$2" err; then ok; else
		fail "$1: stderr does not match /$2/: $(head -c 300 err)"
	fi
}
# no_leak CASE FILE...: no line of /etc/passwd's shape in the files
no_leak() {
	c=$1
	shift
	if grep -l -E 'root:[^:]*:0:0:|/usr/sbin/nologin|daemon:x:' "$@" 2>/dev/null; then
		fail "$c: contents of /etc/passwd in the output"
	else
		ok
	fi
}
# ingest_fails CASE FILE LINE: one bad input gives exit 3 and a message
# "FILE:LINE:" (TEI) or "FILE: ... (line LINE)" (text)
ingest_fails() {
	run "$1" 30 "$ING" -o tei "$2"
	status "$1" 3
	b=$(basename "$2")
	says "$1" "$b(:$3:|: .*\\(line $3\\))"
	[ ! -e "tei/${b%.*}.xml" ] && ok || fail "$1: TEI written for a failed input"
}

# ------------------------------------------------------------------ XML
# external entities: never expanded from a file, never fetched
for f in xxe-passwd xxe-param xxe-dtd xinclude; do
	run "xml $f" 30 "$ING" -o tei "$H/tei/$f.xml"
	status "xml $f" 0 3
	if [ "$rc" = 3 ]; then says "xml $f" "$f.xml:[0-9]+:"; fi
	no_leak "xml $f" tei/* err
done
grep -q 'Before *after' tei/xxe-passwd.xml && ok ||
	fail "xxe: the text around the entity was lost"
run "xxe index" 30 "$ING" -q -x xx "$H/tei/xxe-passwd.xml" "$H/tei/xxe-param.xml" \
	"$H/tei/xxe-dtd.xml" "$H/tei/xinclude.xml"
status "xxe index" 0 3
for w in root daemon nologin bin; do
	run "xxe query $w" 20 "$QRY" -x xx "\"$w\"%c"
	status "xxe query $w: /etc/passwd in the index" 1
done
run "xxe query Before" 20 "$QRY" -x xx '"Before"'
status "xxe query: the document itself is indexed" 0

# no network: a local listener must see no connection from DTD, entity,
# XInclude or HTML references
python3 - > port <<'EOF' &
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(5)
print(s.getsockname()[1], flush=True)
sys.stdout.close()
s.settimeout(600)
try:
    c, _ = s.accept()
    open("connected", "w").write("yes\n")
except Exception:
    pass
EOF
listener=$!
i=0
while [ ! -s port ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat port)
[ -n "$port" ] || { echo "SKIP network: the listener did not start"; port=9; }
u=http://127.0.0.1:$port
cat > net.xml <<EOF
<?xml version="1.0"?>
<!DOCTYPE TEI SYSTEM "$u/tei.dtd" [
<!ENTITY net SYSTEM "$u/entity">
<!ENTITY % pnet SYSTEM "$u/param">
%pnet;
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
<p>Net &net; <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="$u/xi"/></p>
</body></text></TEI>
EOF
cat > net.html <<EOF
<!DOCTYPE html SYSTEM "$u/html.dtd" [<!ENTITY net SYSTEM "$u/entity">]>
<html><head><link rel="stylesheet" href="$u/css"><script src="$u/js"></script>
<title>Net page</title></head><body><article><h1>Net page title</h1>
<p>Expert comment Published 19 January 2024 3 minute READ</p>
<p>Words &net; <img src="$u/img"> <iframe src="$u/frame"></iframe> end.</p>
</article></body></html>
EOF
run "network" 30 "$ING" -o tei net.xml net.html
status "network" 0 3
run "network index" 30 "$ING" -q -x nx net.xml net.html
sleep 0.5
[ -e connected ] && fail "network: tagdex-ingest connected to $u" || ok
kill "$listener" 2>/dev/null
listener=

# billion laughs and quadratic blowup: fail fast or stay bounded
run "billion laughs" 20 "$ING" -o tei "$H/tei/billion-laughs.xml"
status "billion laughs" 0 3
if [ "$rc" = 3 ]; then says "billion laughs" "billion-laughs.xml:[0-9]+:"; fi
[ "$(cat tei/billion-laughs.xml 2>/dev/null | wc -c)" -lt 1000000 ] && ok ||
	fail "billion laughs: expanded to $(wc -c < tei/billion-laughs.xml) bytes"
python3 -c '
a = "a" * 50000
print("<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY a \"%s\">]>" % a)
print("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body><p>"
      + "&a;" * 50000 + "</p></body></text></TEI>")' > quadratic.xml
run "quadratic blowup" 30 "$ING" -o tei quadratic.xml
status "quadratic blowup" 0 3
if [ "$rc" = 3 ]; then says "quadratic blowup" "quadratic.xml:[0-9]+:"; fi
[ "$(cat tei/quadratic.xml 2>/dev/null | wc -c)" -lt 100000000 ] && ok ||
	fail "quadratic blowup: unbounded output"

# 200,000 nested elements, on line 3: an error naming file and line, no
# stack overflow (ASan builds run this too)
python3 -c '
n = 200000
print("<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><text><body>")
print("<div>" * n + "deep" + "</div>" * n)
print("</body></text></TEI>")' > deep.xml
ingest_fails "deep nesting" deep.xml 3
run "deep nesting index" 60 "$ING" -q -x dx deep.xml
status "deep nesting index" 3
python3 -c '
n = 200000
print("<html><body><article><h1>Deep page</h1><p>Expert comment Published 19 January 2024 3 minute READ</p>")
print("<div>" * n + "<p>deep words here</p>" + "</div>" * n)
print("</article></body></html>")' > deep.html
run "deep html" 60 "$ING" -o tei deep.html
status "deep html" 0 3
if [ "$rc" = 3 ]; then says "deep html" "deep.html"; fi

# truncated and malformed XML, and a binary file named .xml
ingest_fails "malformed xml" "$H/tei/malformed-line5.xml" 5
n=$(($(wc -l < "$H/tei/truncated.xml") + 1))
ingest_fails "truncated xml" "$H/tei/truncated.xml" "$n"
ingest_fails "binary .xml" "$H/tei/not-xml.xml" 1

# HTML: entities and references to local files stay out of the output
run "html xxe" 30 "$ING" -o tei "$H/html/xxe.html"
status "html xxe" 0 3
no_leak "html xxe" tei/* err

# ----------------------------------------------------------------- text
ingest_fails "NUL byte" "$H/text/nul.txt" 7
says "NUL byte" "nul.txt: NUL byte at byte 92 \\(line 7\\)"
ingest_fails "invalid UTF-8" "$H/text/invalid-utf8.txt" 7
says "invalid UTF-8" "invalid-utf8.txt: invalid UTF-8 at byte 90 \\(line 7\\)"
for f in overlong surrogate truncated-sequence control; do
	ingest_fails "text $f" "$H/text/$f.txt" 7
done
for f in empty bom-only blank; do
	run "text $f" 20 "$ING" -o tei "$H/text/$f.txt"
	status "text $f" 3
	says "text $f" "$f.txt: empty input"
done
# --lenient is the documented accept: U+FFFD and a warning naming the file
for f in nul invalid-utf8 overlong surrogate truncated-sequence control; do
	run "lenient $f" 20 "$ING" --lenient -o tei "$H/text/$f.txt"
	status "lenient $f" 0
	says "lenient $f" "warning: .*$f.txt: .*\\(line 7\\) replaced by U\\+FFFD"
	grep -q '�' "tei/$f.xml" && ok || fail "lenient $f: no U+FFFD in the TEI"
done
run "lenient empty" 20 "$ING" --lenient -o tei "$H/text/empty.txt"
status "lenient empty" 3
# a binary file named .txt: the first 64 KiB of the ingest program itself
head -c 65536 "$ING" > program.txt
ingest_fails "binary .txt" program.txt 1
run "binary .txt lenient" 60 "$ING" --lenient -q -o tei program.txt
status "binary .txt lenient" 0 3
# a 5 MB line: accepted, whole, in bounded time
python3 -c '
words = " ".join("word%d" % (i % 997) for i in range(700000))
print("A long line\n\nIts standfirst.\n\nExpert comment Published 19 January 2024 3 minute READ\n")
print(words + " lastwordofthelongline.")' > longline.txt
[ "$(wc -c < longline.txt)" -gt 5000000 ] && ok || fail "long line fixture too short"
run "5 MB line" 120 "$ING" -o tei longline.txt
status "5 MB line" 0
grep -q lastwordofthelongline tei/longline.xml && ok ||
	fail "5 MB line: the end of the line is missing from the TEI"

# --------------------------------------------------------------- queries
mkdir arts
cp "$srcdir/corpus/articles/2023-08-22-niger-coup-ecowas-dilemma.txt" arts/
printf 'Letters\n\nA standfirst.\n\nExpert comment Published 19 January 2024 3 minute READ\n\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac aaaa aaaa ac.\n' > arts/letters.txt
run "query index" 60 "$ING" -q -x qx arts
status "query index" 0
# query_syntax CASE QUERY OFFSET: exit 2, "offset N" and a caret under it
query_syntax() {
	run "$1" 20 "$QRY" -x qx "$2"
	status "$1" 2 || return
	says "$1" "at offset $3:"
	pad=$(printf "%$(($3 + 2))s" "")
	if grep -q -x "$pad^" err; then ok; else
		fail "$1: no caret at column $3: $(cat err)"
	fi
}
query_syntax "unbalanced quote" '[word="abc]' 6
query_syntax "unterminated string" '"abc' 0
query_syntax "unbalanced single quote" "'abc" 0
query_syntax "unclosed bracket" '[word="a"' 9
query_syntax "stray bracket" '"a"]' 3
query_syntax "unclosed paren" '("a"' 4
query_syntax "stray paren" '"a")' 3
query_syntax "unclosed span" '<s' 2
query_syntax "invalid regex paren" '"a("' 3
query_syntax "invalid regex range" '"[z-a]"' 4
query_syntax "invalid regex repeat" '"a{2,1}"' 6
query_syntax "escaped closing quote" '"a\"' 0
query_syntax "repeat over the limit" '[]{0,10001}' 5
# bytes that are not UTF-8: an error at the byte, a literal string as a
# regex (not 0 hits), in a token, a condition and a global constraint
query_syntax "invalid UTF-8 literal" "$(printf '"a\377b"')" 2
query_syntax "invalid UTF-8 regex" "$(printf '"a\377.*"')" 2
query_syntax "invalid UTF-8 lemma" "$(printf '[lemma="\377"]')" 8
query_syntax "invalid UTF-8 constraint" "$(printf 'a:[] :: a.word="x\300"')" 17
# 100 KB queries: an answer or a syntax/limit error, in bounded time
q=$(python3 -c 'print(" ".join(["\"the\""] * 16000))')
run "100 KB sequence" 30 "$QRY" -x qx --count "$q"
status "100 KB sequence" 1
q=$(python3 -c 'print("\"" + "|".join("w%d" % i for i in range(16000)) + "\"")')
run "100 KB regex" 30 "$QRY" -x qx --count "$q"
status "100 KB regex" 0 1 2
if [ "$rc" = 2 ]; then says "100 KB regex" "offset [0-9]+"; fi
q=$(python3 -c 'print("(" * 100000)')
run "100 KB nesting" 30 "$QRY" -x qx "$q"
status "100 KB nesting" 2
says "100 KB nesting" "offset [0-9]+"
q=$(python3 -c 'print("[" + " | ".join("word=\"w%d\"" % i for i in range(8000)) + "]")')
run "100 KB conditions" 30 "$QRY" -x qx --count "$q"
status "100 KB conditions" 0 1 2
if [ "$rc" = 2 ]; then says "100 KB conditions" "offset [0-9]+"; fi
q=$(python3 -c 'print("\"" + "a" * 100000 + "\"")')
run "100 KB string" 30 "$QRY" -x qx --count "$q"
status "100 KB string" 1
# pathological regexes and repeats: an answer (or exit 2) in bounded time
for q in '"(a+)+b"' '"(a|aa)*c"' '"(a*)*b"' '"(.*)*x"' '"((a+)+)+[b]"' \
	'"(?:a+){1,2000}b"' '[]{0,1000}' '[]{0,1000} "ECOWAS"' \
	'"(\w+\s?)+$"' '[word="a.*" & norm!="(a+)+b"]+'; do
	run "pathological $q" 60 "$QRY" -x qx --count "$q"
	status "pathological $q" 0 1 2
	if [ "$rc" = 2 ]; then says "pathological $q" "offset|limit"; fi
done
run "catastrophic on a long token" 60 "$QRY" -x qx --count '"(a+)+b"'
status "catastrophic on a long token" 1 2

# ----------------------------------------------------------------- batch
# A failing file never changes what the index held; the good files of the
# batch are committed; the exit status says some failed.
mkdir b
art() { # name word
	printf 'Title %s\n\nStandfirst about %s.\n\nExpert comment Published 19 January 2024 3 minute READ\n\nThe %s paragraph says %s today.\n' \
		"$1" "$1" "$1" "$2" > "b/$1.txt"
}
art alpha zebraalpha
cp "$srcdir/tests/data/tei/small.xml" b/small.xml
run "batch first" 60 "$ING" -x bx b
status "batch first" 0
run "batch before" 20 "$QRY" -x bx '"zebraalpha"'
status "batch before" 0
cp out before.alpha
run "batch before tei" 20 "$QRY" -x bx '"destroy"'
status "batch before tei" 0
cp out before.small
# the batch: alpha.txt and small.xml now broken, one new bad file, two good
printf 'Bad \377 zebrachanged\n' > b/alpha.txt
head -c 700 "$srcdir/tests/data/tei/small.xml" > b/small.xml
head -c 4096 "$ING" > b/gamma.txt
art beta zebrabeta
art delta zebradelta
cp deep.xml b/deep.xml
run "batch" 120 "$ING" -x bx -j 2 --prune b
status "batch" 3
says "batch names alpha" "alpha.txt: invalid UTF-8 at byte 4 \\(line 1\\)"
says "batch names small.xml" "small.xml:[0-9]+:"
says "batch names gamma" "gamma.txt: .* at byte [0-9]+ \\(line [0-9]+\\)"
says "batch names deep.xml" "deep.xml:3:"
says "batch summary" "2 added, .* 4 failed"
run "batch after" 20 "$QRY" -x bx '"zebraalpha"'
status "batch after: the old alpha.txt is gone" 0
cmp -s out before.alpha && ok || fail "batch: answer for alpha changed"
run "batch after tei" 20 "$QRY" -x bx '"destroy"'
status "batch after: the old small.xml is gone" 0
cmp -s out before.small && ok || fail "batch: answer for small.xml changed"
for w in zebrabeta zebradelta; do
	run "batch good $w" 20 "$QRY" -x bx "\"$w\""
	status "batch: $w not committed" 0
done
run "batch bad" 20 "$QRY" -x bx '"zebrachanged"'
status "batch: a failed file reached the index" 1
run "batch check" 60 "$ING" -x bx --check
status "batch check" 0
says "batch check" "ok, 4 documents"

# ---------------------------------------------------------- directories
# links met while walking are not followed: no loop, no local file pulled in
mkdir w
art epsilon zebraepsilon
cp b/epsilon.txt w/
ln -s . w/a
ln -s . w/b
ln -s /etc/passwd w/passwd.txt
mkfifo w/fifo.txt 2>/dev/null
run "walk" 30 "$ING" -o tei2 w
status "walk" 0
[ -f tei2/epsilon.xml ] && ok || fail "walk: the good file was not read"
no_leak "walk" tei2/* err

echo "test_hostile: $checks checks, $fails failures"
[ $fails -eq 0 ]
