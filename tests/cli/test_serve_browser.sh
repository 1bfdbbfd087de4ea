#!/bin/sh
# test_serve_browser.sh: tagdex-serve's page driven by clicks in headless
# Chromium over the DevTools protocol (a small WebSocket client below, no
# npm package): type a query and search, page forward, sort by a column,
# download the CSV export, search a speaker's quotes and open a document.
# After each step the page must show what the API answers for the same
# request, and the download must be the API's export byte for byte.
. "$(dirname "$0")/lib.sh"
S=$top_builddir/queries/tagdex-serve
CHROME=$(command -v chromium || command -v chromium-browser) ||
	{ echo "chromium missing: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_serve_browser.XXXXXX") || exit 99
pid=
cpid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	# the browser writes its profile until it has exited
	[ -n "$cpid" ] && kill "$cpid" 2>/dev/null && wait "$cpid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
unset TAGDEX_TOKEN

$ING -q -x "$tmp/idx" "$top_srcdir/corpus/articles" || { echo "ingest failed"; exit 1; }
"$S" -x "$tmp/idx" --port 0 --token tok 2>"$tmp/serve.err" &
pid=$!
port=
for _ in $(seq 100); do
	port=$(sed -n 's|.*listening on http://[0-9.]*:\([0-9]*\)/$|\1|p' "$tmp/serve.err")
	[ -n "$port" ] && break
	sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: no server"; cat "$tmp/serve.err"; exit 1; }

"$CHROME" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
	--no-first-run --user-data-dir="$tmp/profile" --remote-debugging-port=0 \
	about:blank 2>"$tmp/chrome.err" &
cpid=$!
ws=
for _ in $(seq 300); do
	ws=$(sed -n 's|^DevTools listening on \(ws://.*\)$|\1|p' "$tmp/chrome.err")
	[ -n "$ws" ] && break
	sleep 0.1
done
[ -n "$ws" ] || { echo "FAIL: no DevTools endpoint"; tail -5 "$tmp/chrome.err"; exit 1; }

python3 - "$ws" "http://127.0.0.1:$port" "$tmp" <<'PY'
import base64, json, os, socket, struct, sys, time, urllib.parse, urllib.request

ws_url, base, tmp = sys.argv[1:4]
fails = []

def check(ok, what):
    if not ok:
        fails.append(what)
        print("FAIL:", what)

class WS:
    """a WebSocket client, just what the DevTools protocol needs"""
    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.s = socket.create_connection((u.hostname, u.port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall((f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\n"
                        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.s.recv(1)
        assert head.startswith(b"HTTP/1.1 101"), head
        self.id = 0
        self.events = []
    def read(self, n):
        b = b""
        while len(b) < n:
            c = self.s.recv(n - len(b))
            if not c:
                raise EOFError("DevTools closed")
            b += c
        return b
    def send(self, obj):
        data = json.dumps(obj).encode()
        n = len(data)
        hdr = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else
              bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else
              bytes([0x80 | 127]) + struct.pack(">Q", n))
        mask = os.urandom(4)
        self.s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
    def recv(self):
        msg = b""
        while True:
            b0, b1 = self.read(2)
            n = b1 & 0x7f
            if n == 126:
                n = struct.unpack(">H", self.read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self.read(8))[0]
            msg += self.read(n)
            if b0 & 0x80:
                return json.loads(msg)
    def call(self, method, session=None, **params):
        self.id += 1
        m = {"id": self.id, "method": method, "params": params}
        if session:
            m["sessionId"] = session
        self.send(m)
        while True:
            r = self.recv()
            if r.get("id") == self.id:
                if "error" in r:
                    raise RuntimeError(f"{method}: {r['error']}")
                return r.get("result", {})
            self.events.append(r)

def api(path, raw=False, **params):
    req = urllib.request.Request(base + path + "?" + urllib.parse.urlencode(params),
                                 headers={"Authorization": "Bearer tok"})
    with urllib.request.urlopen(req) as r:
        return r.read() if raw else json.load(r)

cdp = WS(ws_url)
target = cdp.call("Target.createTarget", url="about:blank")["targetId"]
sid = cdp.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
dl = os.path.join(tmp, "downloads")
os.mkdir(dl)
cdp.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=dl)

def js(expr):
    r = cdp.call("Runtime.evaluate", sid, expression=expr, returnByValue=True, awaitPromise=True)
    if "exceptionDetails" in r:
        raise RuntimeError(f"{expr}: {r['exceptionDetails']}")
    return r["result"].get("value")

def wait(expr, what, secs=60):
    end = time.time() + secs
    while time.time() < end:
        v = js(f"(() => {{ try {{ return {expr}; }} catch (e) {{ return null; }} }})()")
        if v:
            return v
        time.sleep(0.1)
    check(False, f"timed out waiting for {what}")
    print("  the page:", js(ROWS + ".slice(0, 3)"), js("location.search"))
    return None

ROWS = "[...document.querySelectorAll('#hits tbody tr')].map(r => r.querySelector('td.l').textContent)"
def rows_are(want):
    return f"JSON.stringify({ROWS}) === {json.dumps(json.dumps(want, ensure_ascii=False, separators=(',', ':')))}"

cdp.call("Page.navigate", sid, url=base + "/#token=tok")
wait("document.getElementById('info').textContent.includes('documents')", "the corpus info")

# run a query: type it, press Search
js("""document.getElementById('q').value = '"the"';
      document.querySelector('#search button[type=submit]').click(); true""")
first = api("/api/hits", q='"the"')
wait(rows_are([h["left"] for h in first["hits"]]), "the first page of hits")
check(js("document.getElementById('range').textContent") == f"hits 1–20 of {first['total']}", "range of page 1")
check("q=%22the%22" in js("location.search"), "the query is not in the URL")

# page forward
js("document.getElementById('next').click(); true")
page2 = api("/api/hits", q='"the"', first=20)
wait(rows_are([h["left"] for h in page2["hits"]]), "the second page")
check(js("document.getElementById('range').textContent") == f"hits 21–40 of {first['total']}", "range of page 2")

# sort by the left context: a click on the column's head; back to page 1
js("document.querySelector('#hits th a[data-sort=left]').click(); true")
srt = api("/api/hits", q='"the"', sort="left")
wait(rows_are([h["left"] for h in srt["hits"]]), "the hits sorted by the left context")
check("sort=left" in js("location.search"), "the order is not in the URL")
check([h["left"] for h in srt["hits"]] != [h["left"] for h in first["hits"]], "sorting changed nothing")

# download the whole result as CSV: the API's export, in the same order
js("document.getElementById('csv').click(); true")
want = api("/api/hits", raw=True, q='"the"', sort="left", format="csv")
got = None
end = time.time() + 60
while time.time() < end and got is None:
    files = [f for f in os.listdir(dl) if not f.endswith(".crdownload")]
    if files:
        with open(os.path.join(dl, files[0]), "rb") as f:
            data = f.read()
        if len(data) >= len(want):
            got = data
    time.sleep(0.1)
check(got == want, f"the CSV download: {len(got or b'')} bytes vs the API's {len(want)}")
check(got and got.count(b"\n") > first["total"], "the CSV is not the whole result")

# a speaker's quotes (a new search keeps the order): the speaker
# highlighted on every row
js("""document.getElementById('q').value = '<q/>';
      document.querySelector('#search [name=who]').value = 'kim-jong-un';
      document.querySelector('#search button[type=submit]').click(); true""")
who = api("/api/hits", q="<q/>", who="kim-jong-un", sort="left")
wait(rows_are([h["left"] for h in who["hits"]]), "Kim Jong Un's quotes")
spk = js("[...document.querySelectorAll('#hits .spk')].map(e => e.textContent)")
check(len(spk) == len(who["hits"]) > 0 and set(spk) == {"kim-jong-un"}, f"speakers {spk}")

# open the first hit's document: the document view with the hit marked
h = who["hits"][0]
js("document.querySelector('#hits td.doc a').click(); true")
doc = api("/api/docs/" + h["doc"])
wait(f"document.getElementById('doctitle').textContent === {json.dumps(doc['title'])}", "the document view")
check(js("!document.getElementById('doc').hidden"), "the document tab is hidden")
hit = js("[...document.querySelectorAll('#doctext .hit')].map(e => e.textContent).join(' ')")
check(hit and h["match"].split()[0] in hit, f"the hit in the document: {hit!r} vs {h['match']!r}")
check(js("[...document.querySelectorAll('#doctext .q')].some(e => e.title.includes('quote by kim-jong-un'))"),
      "no quote by kim-jong-un on hover")
check(f"view={h['doc']}" in js("location.search"), "the document is not in the URL")
check(not js("document.title !== 'tagdex'"), "the title changed")
sys.exit(1 if fails else 0)
PY
rc=$?
[ $rc -eq 0 ] || { tail -5 "$tmp/chrome.err"; exit 1; }
echo "ok"
