#!/bin/sh
# test_serve.sh: tagdex-serve's JSON API against tagdex-query (issue 18).
# A server on a free port over an index of corpus/articles answers a set of
# queries and filters; its counts, hits (every page), exports and frequency
# tables must be tagdex-query's for the same query. Then the errors (400
# with the query offset, unknown parameters, bounds), the bearer token,
# document ids, and a new commit of the index seen without a restart.
. "$(dirname "$0")/lib.sh"
Q=$(pwd)/queries/tagdex-query
S=$(pwd)/queries/tagdex-serve
ING=$(pwd)/indexer/tagdex-ingest
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_serve.XXXXXX") || exit 99
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
unset TAGDEX_INDEX TAGDEX_TOKEN

$ING -q -x "$tmp/idx" "$top_srcdir/corpus/articles" || { echo "ingest failed"; exit 1; }

# the usual program behaviour: help, version, a missing index, bad options
"$S" --help | grep -q -- "--token" || fail "--help"
"$S" --version | grep -q "^tagdex-serve " || fail "--version"
"$S" -x "$tmp/none" --port 0 2>"$tmp/err"
[ $? = 4 ] || fail "a missing index: not exit 4"
"$S" -x "$tmp/idx" --port 70000 2>"$tmp/err"
[ $? = 2 ] || fail "--port 70000: not exit 2"
"$S" -x "$tmp/idx" --bind nowhere 2>"$tmp/err"
[ $? = 2 ] || fail "--bind nowhere: not exit 2"

# starts a server with "$@" and waits (at most 10 s) for its port
start() {
	"$S" -x "$tmp/idx" --port 0 "$@" 2>"$tmp/serve.err" &
	pid=$!
	port=
	for _ in $(seq 100); do
		port=$(sed -n 's|.*listening on http://[0-9.]*:\([0-9]*\)/$|\1|p' "$tmp/serve.err")
		[ -n "$port" ] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	echo "FAIL: the server did not start:"
	cat "$tmp/serve.err"
	exit 1
}
stop() {
	kill -TERM "$pid"
	wait "$pid"
	rc=$?
	pid=
	[ "$rc" = 143 ] || fail "SIGTERM: exit $rc, not 143"
}

# elsewhere than 127.0.0.1: a warning
start --bind 0.0.0.0
grep -q "warning: listening on 0.0.0.0" "$tmp/serve.err" || fail "no warning for --bind 0.0.0.0"
stop
start
grep -q warning "$tmp/serve.err" && fail "a warning for 127.0.0.1"
stop

start --token 's3cret' --threads 2
python3 - "$port" "$Q" "$ING" "$tmp" <<'PY' || fails=$((fails + 1))
import json, subprocess, sys, urllib.error, urllib.parse, urllib.request

port, Q, ING, tmp = sys.argv[1:5]
idx = f"{tmp}/idx"
base = f"http://127.0.0.1:{port}"
fails = []

def check(ok, what):
    if not ok:
        fails.append(what)
        print("FAIL:", what)

def get(path, params=None, token="s3cret"):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url)
    if token is not None:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8")

def api(path, params=None, token="s3cret"):
    st, hd, body = get(path, params, token)
    ctype = hd.get("Content-Type", "")
    check(ctype.startswith("application/json"), f"{path} {params}: type {ctype}")
    return st, json.loads(body)

def cli(args, query):
    cmd = [Q, "-x", idx] + args + ([query] if query is not None else [])
    return subprocess.run(cmd, capture_output=True, text=True)

# a parameter -> its tagdex-query option
def options(params):
    out = []
    for k, v in params.items():
        if k == "hedge":
            out.append("--hedge" + (f"={v}" if v else ""))
        else:
            out += [f"--{k}", v]
    return out

queries = [
    ('"the"', {}),
    ('"said"', {}),
    ('[norm="oil|opec"]', {"from": "2024"}),
    ('<seg type="hedge"/> within <s ana="prediction"/>', {}),
    ('<q/>', {"to": "2025-03"}),
    ('[]', {"genre": "Analysis", "within": "q"}),
    ('"the"', {"actor": "kim-.*"}),
    ('[pos="NN.*"]', {"hedge": ""}),
    ('[]', {"hedge": "probability", "from": "2023-06", "to": "2025"}),
    (None, {"who": "kim-jong-un"}),
    ('[word="[A-Z].*"]', {"who": "antony-blinken"}),
    # by name or alias, as --actor and --who take them
    (None, {"who": "Kim Jong Un"}),
    ('"the"', {"actor": "Pyongyang"}),
    ('"nothingatallhere"', {}),
]
for q, flt in queries:
    params = dict(flt)
    if q is not None:
        params["q"] = q
    what = f"{q} {flt}"
    st, c = api("/api/count", params)
    want = cli(["--count"] + options(flt), q)
    check(st == 200 and str(c.get("count")) == want.stdout.strip(),
          f"count {what}: {st} {c} vs {want.stdout.strip()!r}")
    lines = cli(["--format", "json"] + options(flt), q).stdout.splitlines()
    want_hits = [json.loads(l) for l in lines]
    check(c.get("count") == len(want_hits), f"count {what} != hit lines {len(want_hits)}")
    # every page of 7, concatenated, is the command line's list
    got, first, total = [], 0, None
    while True:
        st, h = api("/api/hits", dict(params, first=first, number=7))
        check(st == 200, f"hits {what} first={first}: {st} {h}")
        if st != 200:
            break
        total = h["total"]
        got += h["hits"]
        check(len(h["hits"]) <= 7, "a page longer than number")
        if len(h["hits"]) < 7:
            break
        first += 7
    check(total == len(want_hits), f"hits total {what}: {total} vs {len(want_hits)}")
    check(got == want_hits, f"hits {what}: the pages differ from --format json")
    # a page in the middle equals --offset/--limit
    if len(want_hits) > 4:
        st, h = api("/api/hits", dict(params, first=2, number=3))
        o = cli(["--format", "json", "--offset", "2", "--limit", "3"] + options(flt), q)
        check(h["hits"] == [json.loads(l) for l in o.stdout.splitlines()], f"page 2+3 {what}")
    # sorted: the whole list and a page in the middle are --sort's
    for key in ("left", "right", "match", "date"):
        st, h = api("/api/hits", dict(params, sort=key, number=1000))
        o = cli(["--format", "json", "--sort", key] + options(flt), q).stdout.splitlines()
        check(st == 200 and h["hits"] == [json.loads(l) for l in o[:1000]], f"sort={key} {what}")
        st, h = api("/api/hits", dict(params, sort=key, first=3, number=4, context="s"))
        o = cli(["--format", "json", "--sort", key, "--offset", "3", "--limit", "4",
                 "--context", "s"] + options(flt), q).stdout.splitlines()
        check(st == 200 and h["hits"] == [json.loads(l) for l in o], f"sort={key} page {what}")
    # show=: --show's values, in JSON and in a CSV column
    st, h = api("/api/hits", dict(params, show="q@who,s@xml:id", number=1000))
    o = cli(["--format", "json", "--show", "q@who,s@xml:id"] + options(flt), q).stdout.splitlines()
    check(st == 200 and h["hits"] == [json.loads(l) for l in o[:1000]]
          and all(list(x["show"]) == ["q@who", "s@xml:id"] for x in h["hits"]), f"show= {what}")
    st, hd, body = get("/api/hits", dict(params, show="q@who", format="csv"))
    check(body == cli(["--format", "csv", "--show", "q@who"] + options(flt), q).stdout
          and body.split("\n")[0].endswith(",title,q@who"), f"show= csv {what}")
    st, hd, body = get("/api/hits", dict(params, sort="left", format="csv"))
    check(body == cli(["--format", "csv", "--sort", "left"] + options(flt), q).stdout,
          f"sorted export {what}")
    # several keys, descending ones and a collation: --sort's order
    st, h = api("/api/hits", dict(params, sort="right1,-date,left", collation="tertiary",
                                  number=1000))
    o = cli(["--format", "json", "--sort", "right1,-date,left", "--collation", "tertiary"]
            + options(flt), q).stdout.splitlines()
    check(st == 200 and h["hits"] == [json.loads(l) for l in o[:1000]],
          f"sort=right1,-date,left collation=tertiary {what}")
    # exports are the command line's bytes
    for fmt, opt in (("csv", "csv"), ("jsonl", "json")):
        st, hd, body = get("/api/hits", dict(params, format=fmt))
        want = cli(["--format", opt] + options(flt), q).stdout
        check(st == 200 and body == want, f"export {fmt} {what}")
        check("attachment" in hd.get("Content-Disposition", ""), f"export {fmt}: no attachment")
    for by in ("match", "year", "who"):
        st, f = api("/api/freq", dict(params, by=by))
        want = [json.loads(l) for l in cli(["--freq", by, "--format", "json"] + options(flt), q).stdout.splitlines()]
        check(st == 200 and f["rows"] == want, f"freq {by} {what}")
    # grouped (n-way) tables and dispersion, as --freq KEY,KEY and --dispersion
    for by, extra in (("year,q@who", []), ("genre,left1", []), ("lemma", ["--dispersion"])):
        prm = dict(params, by=by)
        if extra:
            prm["dispersion"] = "1"
        st, f = api("/api/freq", prm)
        want = [json.loads(l) for l in cli(["--freq", by, "--format", "json"] + extra + options(flt), q).stdout.splitlines()]
        check(st == 200 and f["rows"] == want, f"freq {by} {extra} {what}: {st}")
    st, hd, body = get("/api/freq", dict(params, by="month", format="csv"))
    check(body == cli(["--freq", "month", "--format", "csv"] + options(flt), q).stdout, f"freq csv {what}")

# collocations and keywords: tagdex-query --collocates/--keywords, row for
# row, with the table's sizes; each option as a parameter of its name
def stat_cli(args):
    return [json.loads(l) for l in cli(args + ["--format", "json"], None).stdout.splitlines()]
for params in ({"q": '"said"'},
               {"q": '"the"', "by": "lemma", "window": "3,2", "measure": "mi", "min-freq": "2"},
               {"q": '[pos="MD"]', "window": "s", "min-coll": "2", "from": "2024"},
               {"q": '"likely"%c', "measure": "ll", "genre": "Analysis"},
               {"who": "kim-jong-un", "by": "norm", "min-freq": "1", "min-coll": "1"}):
    args = ["--collocates"]
    for k, v in params.items():
        args += [v] if k == "q" else [f"--{k}", v]
    st, c = api("/api/collocates", params)
    want = stat_cli(args)
    check(st == 200 and c["rows"] == want and len(want) > 0, f"collocates {params}: {st} {len(c.get('rows', []))} rows vs {len(want)}")
    st, hd, body = get("/api/collocates", dict(params, format="csv"))
    check(body == cli(args + ["--format", "csv"], None).stdout, f"collocates csv {params}")
st, c = api("/api/collocates", {"q": '"said"'})
check(c["hits"] == int(cli(["--count"], '"said"').stdout) and c["tokens"] > c["window"] > c["hits"], f"collocates sizes {c}")
for params in ({"focus": "<q/>"},
               {"focus": "within <q/>", "reference": "!within <q/>", "by": "lemma"},
               {"focus": '<s ana="prediction"/>', "measure": "log_ratio", "alpha": "1", "min-freq": "2"},
               {"who": "kim-jong-un", "alpha": "0.5", "bonferroni": "1", "from": "2023"},
               {"hedge": "", "alpha": "1", "min-freq": "1", "genre": "Analysis"}):
    args = ["--keywords"]
    for k, v in params.items():
        if k == "hedge":
            args.append("--hedge" + (f"={v}" if v else ""))
        elif k == "bonferroni":
            args.append("--bonferroni")
        else:
            args += [f"--{k}", v]
    st, c = api("/api/keywords", params)
    want = stat_cli(args)
    check(st == 200 and c["rows"] == want, f"keywords {params}: {st} {c if st != 200 else len(c['rows'])} vs {len(want)}")
    st, hd, body = get("/api/keywords", dict(params, format="jsonl"))
    check(body == cli(args + ["--format", "json"], None).stdout, f"keywords jsonl {params}")
for path, params, what in (
        ("/api/collocates", {"q": '"a"', "window": "0,0"}, "window 0,0"),
        ("/api/collocates", {"q": '"a"', "window": "1001,1"}, "window over 1000"),
        ("/api/collocates", {"q": '"a"', "measure": "log_ratio"}, "a keyness measure"),
        ("/api/collocates", {"q": '"a"', "min-coll": "0"}, "min-coll 0"),
        ("/api/collocates", {"q": '"a"', "by": "colour"}, "by colour"),
        ("/api/collocates", {"q": '"a"', "focus": "<q/>"}, "focus on collocates"),
        ("/api/keywords", {"q": "<q/>"}, "q on keywords"),
        ("/api/keywords", {}, "keywords without a focus"),
        ("/api/keywords", {"focus": "<q/>", "alpha": "0"}, "alpha 0"),
        ("/api/keywords", {"focus": "<q/>", "measure": "mi"}, "an association measure"),
        ("/api/keywords", {"focus": "<q/>", "reference": '"nothingatallhere"'}, "an empty reference"),
        ("/api/keywords", {"focus": "[word=", "reference": "<q/>"}, "a bad focus")):
    st, e = api(path, params)
    check(st == 400 and e["error"]["message"], f"{what}: {st} {e}")

# hits with the sentence as context and the tokens, as the options give them
st, h = api("/api/hits", {"q": '"oil"', "context": "s", "tokens": "1", "number": 1000})
want = [json.loads(l) for l in cli(["--format", "json", "--context", "s", "--tokens"], '"oil"').stdout.splitlines()]
check(h.get("hits") == want, "context=s tokens=1")

# errors: the message and the query offset, as tagdex-query's
st, e = api("/api/count", {"q": '[word="a"'})
err = cli(["--count"], '[word="a"').stderr
check(st == 400 and e["error"]["code"] == "syntax", f"a syntax error: {st} {e}")
# who= by name: the key it names in a warning; a misspelling: nothing
# found and the nearest names
st, c = api("/api/count", {"who": "Kim Jong Un"})
check(st == 200 and any("is a name of actor kim-jong-un" in w for w in c.get("warnings", [])),
      f"who by name: no warning naming the key: {st} {c}")
st, c = api("/api/count", {"who": "Kim Jong Um"})
w = c.get("warnings", [])
check(st == 200 and c.get("count") == 0 and len(w) == 1 and
      "did you mean 'Kim Jong Un' (kim-jong-un)" in w[0],
      f"who misspelt: {st} {c}")
check(f"at offset {e['error'].get('offset')}:" in err, f"offset {e} vs {err!r}")
check(e["error"]["message"] in err, "the message is not the command line's")
for params, what in (
        ({"q": '"a"', "number": "1001"}, "number over 1000"),
        ({"q": '"a"', "number": "-1"}, "a negative number"),
        ({"q": '"a"', "first": "x"}, "first not a number"),
        ({"q": '"a"', "foo": "1"}, "an unknown parameter"),
        ({"q": '"a"', "from": "2024-13"}, "a bad date"),
        ({"q": '"a"', "from": "2025", "to": "2024"}, "from after to"),
        ({"within": "s"}, "within alone"),
        ({}, "no query"),
        ({"q": '"a"', "format": "xml"}, "an unknown format"),
        ({"q": '"a"', "sort": "colour"}, "an unknown sort"),
        ({"q": '"a"', "sort": "match,-"}, "an empty sort key"),
        ({"q": '"a"', "sort": "match", "collation": "fancy"}, "an unknown collation"),
        ({"q": '"a"', "show": "pbn"}, "a show that is not ELEM@ATTR"),
        ({"q": '"a"', "show": "nosuch@n"}, "a show of no element"),
        ({"q": "x" * 9000}, "a value over 8192 bytes"),
        ({"q": b"[\xc5]"}, "a query that is not UTF-8"),
        ({"q": '"a"', "genre": b"\xff"}, "a filter that is not UTF-8")):
    st, e = api("/api/hits", params)
    check(st == 400 and e["error"]["message"], f"{what}: {st} {e}")
st, e = api("/api/freq", {"q": '"a"', "by": "colour"})
check(st == 400, f"freq by colour: {st}")
st, e = api("/api/freq", {"q": '"a"', "by": "year,colour"})
check(st == 400 and "colour" in e["error"]["message"], f"freq by year,colour: {st} {e}")
st, e = api("/api/freq", {"q": '"a"', "by": "year,genre", "dispersion": "1"})
check(st == 400, f"dispersion of a table: {st}")
st, e = api("/api/count", {"q": '"a"', "number": "3"})
check(st == 400 and "does not apply" in e["error"]["message"], f"number on count: {st} {e}")
# an empty parameter name once held its worker for ever (fuzz_serve)
for u in ("/api/count?=1&q=%22a%22", "/api/count?q=%22a%22&&=", "/api/hits?&q=%22a%22"):
    st, hd, body = get(u)
    check(st in (200, 400), f"{u}: {st} {body}")
st, hd, body = get("/api/count?q=%22a%22&q=%22b%22")
check(st == 400 and "twice" in body, f"q twice: {st} {body}")
st, e = api("/api/nothing")
check(st == 404, f"an unknown endpoint: {st}")
st, hd, body = get("/../../etc/passwd")
check(st in (400, 404) and "root:" not in body, f"../ outside the page: {st}")

# oversized and malformed requests: a 4xx or a closed connection, never a
# crash; idle connections hold no thread
import socket, time
req = urllib.request.Request(base + "/api/info", headers={"X-Big": "a" * 70000})
try:
    urllib.request.urlopen(req, timeout=10)
    check(False, "a 70 kB header was accepted")
except urllib.error.HTTPError as e:
    check(e.code == 431, f"a 70 kB header: {e.code}")
st, hd, body = get("/api/count", {"q": "a" * 70000})
check(st == 414, f"a 70 kB URL: {st}")
for junk in (b"\x00\xffGARBAGE\r\n\r\n", b"GET /api/count?q=%ZZ HTTP/1.1\r\n\r\n",
             b"GET " + b"/" * 5000 + b" HTTP/1.0\r\n\r\n", b"POST /api/count HTTP/1.1\r\nContent-Length: 99999999\r\n\r\nxx"):
    s = socket.create_connection(("127.0.0.1", int(port)))
    s.sendall(junk)
    s.settimeout(10)
    try:
        reply = s.recv(100)
    except OSError:
        reply = b""
    s.close()
    check(reply == b"" or reply.startswith(b"HTTP/1.1 4"), f"junk {junk[:20]!r}: {reply!r}")
idle = [socket.create_connection(("127.0.0.1", int(port))) for _ in range(20)]
t = time.time()
st, e = api("/api/info")
check(st == 200 and time.time() - t < 5, f"with 20 idle connections: {st}")
for s in idle:
    s.close()

# the token: none, wrong, right; the page itself needs none
st, e = api("/api/info", token=None)
check(st == 401 and "Bearer" in e["error"]["message"], f"no token: {st}")
st, e = api("/api/info", token="s3creT")
check(st == 401, f"a wrong token: {st}")
st, hd, body = get("/", token=None)
check(st == 200 and "<html" in body, f"the page: {st}")
check("script-src 'self'" in hd.get("Content-Security-Policy", ""), "no CSP")

# documents: the list, one document, ids that are not there
st, info = api("/api/info")
check(st == 200 and info["documents"] == 14 and info["tokens"] > 0, f"info {info}")
st, d = api("/api/docs", {"number": 1000})
check(d["total"] == info["documents"] == len(d["docs"]), "docs total")
check([x["id"] for x in d["docs"]] == sorted(x["id"] for x in d["docs"]), "docs not by id")
st, d2 = api("/api/docs", {"genre": "Analysis", "number": 1000})
want = cli(["--freq", "doc", "--genre", "Analysis"], "[]").stdout.splitlines()
check(d2["total"] == len(want), f"docs of a genre: {d2['total']} vs {len(want)}")
doc = d["docs"][0]
st, one = api("/api/docs/" + doc["id"])
check(st == 200 and one["id"] == doc["id"] and len(one["text"]) == doc["tokens"], "one document")
text = "".join(a + b for a, b in one["text"]) + one["tail"]
dq = cli(["--doc", doc["id"], "--format", "json", "--context", "0"], '"said"').stdout.splitlines()
toks = [b for a, b in one["text"]]
for l in map(json.loads, dq):
    check(" ".join(toks[l["start"]:l["end"]]) == l["match"], f"token numbers: {l['match']}")
check(any(s["name"] == "s" for s in one["spans"]), "no sentences in a document")
for bad, code in (("doc-none", 404), ("..", 400), ("a/b", 400), ("%2e%2e%2fetc", 400)):
    st, e = api("/api/docs/" + bad)
    check(st == code, f"docs/{bad}: {st}")

# a new commit is seen without a restart
st, before = api("/api/count", {"q": '"zanzibarian"'})
import os
os.makedirs(f"{tmp}/new")
with open(f"{tmp}/new/2026-01-02-zanzibarian.txt", "w") as fh:
    fh.write("The zanzibarian test\n\nA new article.\n\nThe zanzibarian question, "
             "said the minister, will likely be settled.\n")
r = subprocess.run([ING, "-q", "-x", idx, f"{tmp}/new"], capture_output=True, text=True)
check(r.returncode == 0, f"ingest of a new article: {r.stderr}")
st, after = api("/api/count", {"q": '"zanzibarian"'})
want = cli(["--count"], '"zanzibarian"').stdout.strip()
check(before["count"] == 0 and str(after["count"]) == want and after["count"] == 2,
      f"after a commit: {before} -> {after}, tagdex-query {want}")
st, info2 = api("/api/info")
check(info2["documents"] == 15, f"documents after a commit: {info2['documents']}")
sys.exit(1 if fails else 0)
PY
stop

# --timeout: a query over its time is 503 "timeout", and the worker serves
# the next request; the same query without the limit is the CLI's count
"$S" -x "$tmp/idx" --timeout 0 2>"$tmp/err"
[ $? = 2 ] || fail "--timeout 0: not exit 2"
"$S" -x "$tmp/idx" --timeout 1x 2>"$tmp/err"
[ $? = 2 ] || fail "--timeout 1x: not exit 2"
start --timeout 0.001 --threads 1
python3 - "$port" "$Q" "$tmp" <<'PY' || fails=$((fails + 1))
import json, subprocess, sys, urllib.error, urllib.parse, urllib.request
port, Q, tmp = sys.argv[1:4]
fails = 0
def get(path, params):
    url = f"http://127.0.0.1:{port}{path}?" + urllib.parse.urlencode(params)
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)
slow = '[] []{0,40} "the"'
for path, params in (("/api/count", {"q": slow}), ("/api/hits", {"q": slow, "sort": "left"}),
                     ("/api/freq", {"q": slow, "by": "match"}),
                     ("/api/collocates", {"q": slow}), ("/api/keywords", {"focus": slow})):
    st, e = get(path, params)
    if st != 503 or e["error"]["code"] != "timeout" or "0.001 s" not in e["error"]["message"]:
        print(f"FAIL: {path} past --timeout: {st} {e}")
        fails += 1
st, e = get("/api/docs", {"number": 1})
if st != 200:
    print(f"FAIL: after a timeout: {st} {e}")
    fails += 1
want = subprocess.run([Q, "-x", f"{tmp}/idx", "--count", slow], capture_output=True, text=True).stdout
if not int(want) > 0:
    print(f"FAIL: the slow query has no hits: {want!r}")
    fails += 1
sys.exit(1 if fails else 0)
PY
stop
start
python3 - "$port" "$Q" "$tmp" <<'PY' || fails=$((fails + 1))
import json, subprocess, sys, urllib.parse, urllib.request
port, Q, tmp = sys.argv[1:4]
slow = '[] []{0,40} "the"'
with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/count?" + urllib.parse.urlencode({"q": slow})) as r:
    got = json.load(r)["count"]
want = subprocess.run([Q, "-x", f"{tmp}/idx", "--count", slow], capture_output=True, text=True).stdout
if str(got) != want.strip():
    print(f"FAIL: the slow query within the default --timeout: {got} vs {want!r}")
    sys.exit(1)
PY
stop
[ "$fails" -eq 0 ] || exit 1
echo "ok"
