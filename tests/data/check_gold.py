#!/usr/bin/env python3
"""Check the hand-written gold of a real-text set against its articles.

    python3 tests/data/check_gold.py tests/data/unseen-r5 tests/data/unseen-r6

(each argument a set folder with articles/ and gold/; none: the current
folder).

For every gold/X.json: the JSON parses; the sentences, in order, are
exactly the body of articles/X.txt less its headings (white space
folded); every item's text starts inside sentence s (it may run on into
the next ones only for quotes over several sentences); an item listed n
times occurs at least n times there; types, subtypes and labels are
from docs/gold-format.md; "hedged" is on exactly the sentences with a
hedge; every who is null or a key of an actor in the file. Exit 1 on
any error. Standard library only; the tagger is not involved.
"""
import collections, glob, json, os, re, sys

HERE = "."  # the set being checked (main sets it per argument)
TYPES = {"persName", "orgName", "orgName:state", "rs:state", "rs:group", "placeName"}
SUBTYPES = {"probability", "possibility", "appearance", "approximation", "attribution"}
LABELS = {"prediction", "hedged", "claim"}


def fold(t):
    return re.sub(r"\s+", " ", t).strip()


def check(path):
    errs = []
    g = json.load(open(path, encoding="utf-8"))
    art = os.path.join(HERE, "articles", g["source"])
    paras = open(art, encoding="utf-8").read().split("\n\n")
    body = fold(" ".join(paras[3:]))          # after title, standfirst, metadata
    ss = g["sentences"]
    # headings (short lines without a final stop) hold no sentence; all else does
    text = [fold(p) for p in paras[3:] if p.strip() and not (
        "\n" not in p.strip() and len(p.split()) <= 8
        and not re.search(r'[.!?:]["\u201d)]*$', p.strip()))]
    if " ".join(text) != " ".join(ss):
        errs.append("the sentences do not cover the body text exactly")
    pos = 0
    for i, s in enumerate(ss):
        j = body.find(s, pos)
        if j < 0:
            errs.append(f"sentences[{i}] not found after offset {pos}: {s[:60]!r}")
        else:
            pos = j + len(s)
    keys = {a["key"] for a in g["actors"]}
    for cat in ("actors", "quotes", "said", "hedges"):
        seen = collections.Counter()
        for i, it in enumerate(g[cat]):
            s, t = it["s"], it["text"]
            if not 0 <= s < len(ss):
                errs.append(f"{cat}[{i}] s={s} out of range")
                continue
            seen[(s, t)] += 1
            here = ss[s]
            if here.count(t) < seen[(s, t)]:
                # a text may start in s and run on into the next sentences
                run = " ".join(ss[s:])
                k = run.find(t)
                if not (cat == "quotes" and 0 <= k < len(here)) or seen[(s, t)] > 1:
                    errs.append(f"{cat}[{i}] {t[:50]!r} not (or not often enough) in s{s}")
            if cat == "actors":
                if it["type"] not in TYPES:
                    errs.append(f"actors[{i}] type {it['type']}")
                if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", it["key"]):
                    errs.append(f"actors[{i}] key {it['key']}")
            if cat in ("quotes", "said"):
                if "who" not in it:
                    errs.append(f"{cat}[{i}] lacks who")
                elif it["who"] is not None and it["who"] not in keys:
                    errs.append(f"{cat}[{i}] who {it['who']} is no actor key")
            if cat == "hedges" and it["subtype"] not in SUBTYPES:
                errs.append(f"hedges[{i}] subtype {it['subtype']}")
    hedged = {h["s"] for h in g["hedges"]}
    lab = {}
    for l in g["labels"]:
        if not set(l["ana"]) <= LABELS or not l["ana"] or l["s"] in lab:
            errs.append(f"labels s{l['s']} {l['ana']}")
        lab[l["s"]] = set(l["ana"])
    for s in set(lab) | hedged:
        if (s in hedged) != ("hedged" in lab.get(s, ())):
            errs.append(f"labels: hedged on s{s} does not match the hedge items")
    return errs, g


def main():
    global HERE
    bad = 0
    paths = []
    for d in sys.argv[1:] or ["."]:
        paths += [(d, p) for p in sorted(glob.glob(os.path.join(d, "gold", "*.json")))]
        if not glob.glob(os.path.join(d, "gold", "*.json")):
            print(f"{d}: no gold/*.json")
            bad += 1
    for HERE, path in paths:
        errs, g = check(path)
        for e in errs:
            print(f"{os.path.basename(path)}: {e}")
        bad += len(errs)
        if not errs:
            lab = collections.Counter(x for l in g["labels"] for x in l["ana"])
            print(f"ok {g['source']}: {len(g['sentences'])} sentences, "
                  f"{len(g['actors'])} actors, {len(g['quotes'])} quotes "
                  f"({sum(q['who'] is not None for q in g['quotes'])} with who), "
                  f"{len(g['said'])} said, {len(g['hedges'])} hedges, "
                  f"{lab['prediction']} prediction, {lab['hedged']} hedged, {lab['claim']} claim")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
