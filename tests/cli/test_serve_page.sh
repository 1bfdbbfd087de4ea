#!/bin/sh
# test_serve_page.sh: tagdex-serve's page in a real browser (issue 18).
# Headless Chromium loads the page at URLs that hold a query, a page of
# hits, the frequency tab and a document view (--dump-dom after the page's
# script ran and its API calls returned), and the DOM must show what the
# API answered: the hits and their range, the match and the speaker
# highlighted, the table and the chart, the document with its actors,
# quotes, hedges and sentence labels. An article full of <script>,
# onerror= and </textarea> must come out as text, never as elements.
. "$(dirname "$0")/lib.sh"
S=$(pwd)/queries/tagdex-serve
ING=$(pwd)/indexer/tagdex-ingest
CHROME=$(command -v chromium || command -v chromium-browser) ||
	{ echo "chromium missing: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_serve_page.XXXXXX") || exit 99
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
unset TAGDEX_INDEX TAGDEX_TOKEN

mkdir "$tmp/a"
cat >"$tmp/a/2024-03-05-hostile.txt" <<'ART'
<script>document.title="pwned"</script> and "onerror= in a title

A standfirst with </textarea><img src=x onerror="document.title='img'"> inside.

Expert comment Published 5 March 2024 3 minute READ

Kim Jong Un said "<script>document.title='q'</script> war will likely </textarea> come" and nobody believed it.

A second paragraph: <b onmouseover="alert(2)">bold</b> "onerror=alert(3) x and alert.
ART
$ING -q -x "$tmp/idx" "$tmp/a" "$top_srcdir/corpus/articles" || { echo "ingest failed"; exit 1; }

"$S" -x "$tmp/idx" --port 0 --token tok 2>"$tmp/serve.err" &
pid=$!
port=
for _ in $(seq 100); do
	port=$(sed -n 's|.*listening on http://[0-9.]*:\([0-9]*\)/$|\1|p' "$tmp/serve.err")
	[ -n "$port" ] && break
	sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: no server"; cat "$tmp/serve.err"; exit 1; }
base="http://127.0.0.1:$port"

# the DOM once the page is done (virtual time waits for its fetches); the
# token travels in the fragment, never to the server's logs. Four browsers
# at a time, each with its own profile; a browser that dies on a loaded
# machine (an empty dump) is run once more, alone.
n=0
pids=
urls=
chrome() {
	timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu \
		--disable-dev-shm-usage --no-first-run --user-data-dir="$tmp/profile$n" \
		--virtual-time-budget=5000 --dump-dom "$base/$1" >"$tmp/$2" 2>>"$tmp/chrome.err"
}
dom() {
	n=$((n + 1))
	chrome "$1" "$2" &
	pids="$pids $!"
	urls="$urls $1|$2"
	set -- $pids
	if [ $# -ge 4 ]; then
		for p in $pids; do wait "$p"; done
		pids=
	fi
}
dom "?q=%22said%22#token=tok" said.html
dom "?q=%22the%22&first=20#token=tok" page2.html
dom "?q=%3Cq%2F%3E&who=kim-jong-un#token=tok" who.html
dom "?q=%22likely%22&tab=freq&by=year#token=tok" freq.html
dom "?q=%22alert%22%20%7C%20%22textarea%22&context=s#token=tok" hostile-kwic.html
dom "?view=doc-2024-03-05-hostile&hit=20-22#token=tok" hostile-doc.html
dom "?view=doc-2023-05-16-drc-m23-goma-regional-force#token=tok" doc.html
dom "?q=%5Bword%3D%22a%22#token=tok" error.html
dom "?q=%22said%22" notoken.html
dom "?q=%22the%22&sort=left&first=20&context=s#token=tok" sorted.html
dom "?q=%22likely%22&tab=freq&by=match&per=year#token=tok" years.html
for p in $pids; do wait "$p"; done
set -f
for u in $urls; do
	n=$((n + 1))
	grep -q "</html>" "$tmp/${u#*|}" || chrome "${u%%|*}" "${u#*|}"
done
set +f

python3 - "$tmp" "$base" <<'PY' || fails=$((fails + 1))
import html.parser, json, re, sys, urllib.parse, urllib.request
tmp, base = sys.argv[1:3]
fails = []
def check(ok, what):
    if not ok:
        fails.append(what)
        print("FAIL:", what)

def api(path, **params):
    req = urllib.request.Request(base + path + "?" + urllib.parse.urlencode(params),
                                 headers={"Authorization": "Bearer tok"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)

class Tree(html.parser.HTMLParser):
    """elements with their attributes and text, flat"""
    def __init__(self):
        super().__init__()
        self.stack, self.els = [], []
    def handle_starttag(self, tag, attrs):
        e = {"tag": tag, "attrs": dict(attrs), "text": "",
             "in": {x["attrs"].get("id") for x in self.stack}}
        self.els.append(e)
        if tag not in ("img", "input", "br", "meta", "link"):
            self.stack.append(e)
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break
    def handle_data(self, data):
        for e in self.stack:
            e["text"] += data

def load(name):
    src = open(f"{tmp}/{name}", encoding="utf-8").read()
    t = Tree()
    t.feed(src)
    return src, t.els

def by(els, tag=None, cls=None, id=None):
    return [e for e in els if (tag is None or e["tag"] == tag)
            and (cls is None or cls in e["attrs"].get("class", "").split())
            and (id is None or e["attrs"].get("id") == id)]

def text(els, id):
    x = by(els, id=id)
    return x[0]["text"].strip() if x else None

# hits of "said": the page's rows are the API's first page
src, els = load("said.html")
want = api("/api/hits", q='"said"')
matches = [e["text"] for e in by(els, "td", "m")]
check(len(matches) == len(want["hits"]) == 20, f"said: {len(matches)} rows")
lefts = [e["text"] for e in by(els, "td", "l")]
check(lefts == [h["left"] for h in want["hits"]], "said: left contexts differ from the API")
check(text(els, "range") == f"hits 1–20 of {want['total']}", f"said: range {text(els, 'range')!r}")

# the second page, from first=20 in the URL
src, els = load("page2.html")
want = api("/api/hits", q='"the"', first=20)
check([e["text"] for e in by(els, "td", "l")] == [h["left"] for h in want["hits"]], "page 2 rows")
check(text(els, "range") == f"hits 21–40 of {want['total']}", f"page 2: {text(els, 'range')!r}")

# sorted by the left context, second page: the API's (tagdex-query --sort)
src, els = load("sorted.html")
want = api("/api/hits", q='"the"', first=20, sort="left", context="s")
rows = [e["text"] for e in by(els, "td", "l")]
check(len(rows) == 20 and rows == [h["left"] for h in want["hits"]], "sorted page 2 rows")
check(rows != [h["left"] for h in api("/api/hits", q='"the"', first=20, context="s")["hits"]],
      "sort=left shows the unsorted page")
check(text(els, "range") == f"hits 21–40 of {want['total']}", f"sorted: {text(els, 'range')!r}")
check([e["attrs"].get("data-sort") for e in by(els, "a", "on")] == ["left"],
      "the left column is not marked as the order")

# the chart by year: a bar a year
src, els = load("years.html")
years = [r for r in api("/api/freq", q='"likely"', by="year")["rows"] if r["value"]]
check(len(by(els, "rect")) == len(years) > 1, f"chart by year: {len(by(els, 'rect'))} bars, {len(years)} years")

# the speaker highlighted
src, els = load("who.html")
spk = [e["text"] for e in by(els, "span", "spk")]
want = api("/api/hits", q="<q/>", who="kim-jong-un")
check(len(spk) == len(want["hits"]) > 0 and set(spk) == {"kim-jong-un"}, f"speakers {spk}")

# the frequency tab: table by year and a bar a month
src, els = load("freq.html")
want = api("/api/freq", q='"likely"', by="year")["rows"]
table = [e for e in els if e["tag"] == "tbody"]
freq_text = table[1]["text"] if len(table) > 1 else ""
for r in want:
    check(r["value"] in freq_text and str(r["count"]) in freq_text, f"freq row {r}")
months = [r for r in api("/api/freq", q='"likely"', by="month")["rows"] if r["value"]]
check(len(by(els, "rect")) == len(months) > 0, f"chart: {len(by(els, 'rect'))} bars, {len(months)} months")
check("hidden" not in by(els, "section", id="freq")[0]["attrs"], "the freq tab is hidden")

# hostile text: shown as text, never elements; the title stays
for name in ("hostile-kwic.html", "hostile-doc.html"):
    src, els = load(name)
    check(len(by(els, "script")) == 1, f"{name}: {len(by(els, 'script'))} script elements")
    check(not by(els, "img") and not by(els, "b"), f"{name}: an img or b element from the text")
    check(not any(k.startswith("on") for e in els for k in e["attrs"]), f"{name}: an on* attribute")
    check("<title>tagdex</title>" in src, f"{name}: the title changed")
    check("&lt;script&gt;" in src, f"{name}: the text's <script> is not shown as text")
src, els = load("hostile-kwic.html")
check(len(by(els, "td", "m")) == api("/api/count", q='"alert" | "textarea"')["count"] > 0, "hostile hits")
src, els = load("hostile-doc.html")
doc = text(els, "doctext") or ""
check("</textarea>" in doc and 'onerror="document.title' in doc, "the document's text is not all there")
check([e for e in by(els, "span", "hit") if "doctext" in e["in"]], "no hit highlighted in the document")

# a document: actors, quotes with the speaker on hover, hedges, labels, legend
src, els = load("doc.html")
d = api("/api/docs/doc-2023-05-16-drc-m23-goma-regional-force")
check(text(els, "doctitle") == d["title"], "document title")
body = [e for e in els if "doctext" in e["in"]]
qs = by(body, "span", "q")
check(qs and all("quote by " in e["attrs"].get("title", "") for e in qs), "quotes without their speaker")
whos = {s["attrs"].get("who", "").lstrip("#") for s in d["spans"] if s["name"] == "q"}
check(all(any(f"quote by {w}" in e["attrs"]["title"] for e in qs) for w in whos), f"speakers {whos} not all on hover")
check(by(body, "span", "actor") and by(body, "span", "hedge"), "no actors or hedges shown")
for lab in ("prediction", "claim"):
    n = sum(1 for s in d["spans"] if s["name"] == "s" and "#" + lab in s["attrs"].get("ana", "").split())
    check(n and by(body, "span", lab), f"{lab} sentences: {n} in the API, none shown")
check(text(els, "legend") and "hedge" in text(els, "legend"), "no legend")
words = re.sub(r"\s+", "", "".join(e["text"] for e in by(els, "div", id="doctext")))
full = re.sub(r"\s+", "", "".join(a + b for a, b in d["text"]) + d["tail"])
check(words == full, "the text shown is not the document's")

# a syntax error: the message and a caret
src, els = load("error.html")
err = text(els, "error") or ""
check("offset" not in err and "^" in err and "expected" in err, f"error box {err!r}")

# without the token: the token box, no hits
src, els = load("notoken.html")
check(by(els, "div", id="tokenbox")[0]["attrs"].get("hidden") is None, "no token box without a token")
check(not by(els, "td", "m"), "hits without a token")
sys.exit(1 if fails else 0)
PY
[ "$fails" -eq 0 ] || { cat "$tmp/chrome.err" | tail -5; exit 1; }
echo "ok"
