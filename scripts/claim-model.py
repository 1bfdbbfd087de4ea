#!/usr/bin/env python3
"""claim-model.py: trains the #claim decision's weights (claim_model.tsv)
from the gold of labelled sets, on the features the tagger itself computes.

  scripts/claim-model.py --build BUILD [--src SRC] [--l2 L] [--loso]
                         [--out corpus/lexicons/claim_model.tsv] SET...

SET is "gold" (tests/data/gold over corpus/articles) or a directory name
under SRC/tests/data with articles/ and gold/. For each set the script runs
BUILD/indexer/tagdex-ingest -j1 with TAGDEX_CLAIM_DUMP (labels.c writes each
sentence's features: claim_model.c), aligns the dumped sentences with the
gold's by their text and occurrence (as tagdex-eval does), and fits a
logistic regression with an L2 penalty (Newton's method; the bias is not
penalised), then picks the threshold on the log-odds that maximises the
pooled F1 of the training sentences. Sets whose gold has no labels at all
are left out (their labels were not annotated).

--loso: leave one set out: for each set, train on the others and score it;
prints per set and pooled the rules' decision (feature rule_claim) against
the model's. --out writes the weights trained on all the sets.

Pure Python 3, no third-party modules; deterministic (fixed order, no
randomness).
"""
import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys
import tempfile

WS = re.compile(r"\s+")


def norm(t):
    return WS.sub(" ", t).strip()


def set_paths(src, name):
    if name == "gold":
        return os.path.join(src, "corpus/articles"), os.path.join(
            src, "tests/data/gold")
    d = os.path.join(src, "tests/data", name)
    return os.path.join(d, "articles"), os.path.join(d, "gold")


def dump_set(build, src, name, lex):
    """[(source, si, x, text)] in the order the tagger wrote them."""
    arts, _ = set_paths(src, name)
    with tempfile.TemporaryDirectory() as t:
        dump = os.path.join(t, "dump.tsv")
        env = dict(os.environ, TAGDEX_CLAIM_DUMP=dump, TAGDEX_LEXICONS=lex)
        subprocess.run([os.path.join(build, "indexer/tagdex-ingest"), "-q",
                        "-j1", "-o", os.path.join(t, "tei"), arts],
                       env=env, check=True)
        rows = []
        with open(dump, encoding="utf-8") as f:
            for line in f:
                src_name, si, feats, text = line.rstrip("\n").split("\t", 3)
                rows.append((src_name, int(si),
                             [float(v) for v in feats.split()], text))
    return rows


def gold_set(src, name, label):
    """{source: (texts, indices with label, number of label rows)}."""
    _, gdir = set_paths(src, name)
    out = {}
    for g in sorted(glob.glob(os.path.join(gdir, "*.json"))):
        with open(g, encoding="utf-8") as f:
            d = json.load(f)
        claims = {l["s"] for l in d.get("labels", [])
                  if label in l.get("ana", [])}
        out[d["source"]] = ([norm(s) for s in d["sentences"]], claims,
                            len(d.get("labels", [])))
    return out


def load(build, src, name, lex, label):
    """(X, y, n_gold) for a set (y: the sentence has label), or None
    when its gold has no labels."""
    gold = gold_set(src, name, label)
    if not sum(v[2] for v in gold.values()):
        return None
    rows = dump_set(build, src, name, lex)
    X, y = [], []
    by_src = {}
    for r in rows:
        by_src.setdefault(r[0], []).append(r)
    n_claims = 0
    for source, (texts, claims, _) in sorted(gold.items()):
        n_claims += len(claims)
        keys = {}
        seen = {}
        for i, t in enumerate(texts):
            keys[(t, seen.get(t, 0))] = i
            seen[t] = seen.get(t, 0) + 1
        seen = {}
        for _, si, x, text in by_src.get(source, []):
            t = norm(text)
            k = (t, seen.get(t, 0))
            seen[t] = seen.get(t, 0) + 1
            gi = keys.get(k)
            X.append(x)
            y.append(1 if gi is not None and gi in claims else 0)
    return X, y, n_claims


def solve(A, b):
    """A x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        piv = M[c][c]
        if abs(piv) < 1e-12:
            continue
        for r in range(c + 1, n):
            f = M[r][c] / piv
            if f:
                Mr, Mc = M[r], M[c]
                for k in range(c, n + 1):
                    Mr[k] -= f * Mc[k]
    x = [0.0] * n
    for c in range(n - 1, -1, -1):
        s = M[c][n] - sum(M[c][k] * x[k] for k in range(c + 1, n))
        x[c] = s / M[c][c] if abs(M[c][c]) >= 1e-12 else 0.0
    return x


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def train(X, y, sw, l2, iters=25):
    """Weights minimising the weighted log loss (sample weights sw) plus
    l2 / 2 times the squared weights but the bias."""
    n = len(X[0])
    sparse = [[(k, v) for k, v in enumerate(x) if v] for x in X]
    w = [0.0] * n
    for _ in range(iters):
        H = [[0.0] * n for _ in range(n)]
        g = [0.0] * n
        for xs, yi, si in zip(sparse, y, sw):
            z = sum(w[k] * v for k, v in xs)
            p = sigmoid(z)
            d = si * (p - yi)
            h = si * p * (1 - p)
            for a, va in xs:
                g[a] += d * va
                Ha = H[a]
                hv = h * va
                for b_, vb in xs:
                    Ha[b_] += hv * vb
        for k in range(1, n):
            g[k] += l2 * w[k]
            H[k][k] += l2
        H[0][0] += 1e-6
        step = solve(H, g)
        w = [wk - sk for wk, sk in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def scores(w, X):
    return [sum(wk * xk for wk, xk in zip(w, x)) for x in X]


def f1(tp, fp, n_gold, beta=1.0):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / n_gold if n_gold else 0.0
    b2 = beta * beta
    return p, r, ((1 + b2) * p * r / (b2 * p + r) if p + r else 0.0)


BETA = 1.0  # --beta: the threshold's F-measure (< 1 weighs precision)


def best_threshold(s, y, sw, n_gold):
    """The threshold (a midpoint between scores) with the best F1, the
    sentences counted with their weights sw (n_gold weighted too)."""
    order = sorted(range(len(s)), key=lambda i: -s[i])
    tp = fp = 0
    best = (-1.0, 0.0)
    for j, i in enumerate(order):
        tp += y[i] * sw[i]
        fp += (1 - y[i]) * sw[i]
        nxt = s[order[j + 1]] if j + 1 < len(order) else s[i] - 1
        if nxt == s[i]:
            continue
        f = f1(tp, fp, n_gold, BETA)[2]
        if f > best[0]:
            best = (f, (s[i] + nxt) / 2)
    return best[1]


def count(pred, y):
    tp = sum(1 for p, t in zip(pred, y) if p and t)
    fp = sum(1 for p, t in zip(pred, y) if p and not t)
    return tp, fp


def fit(data, names, l2, weights, oof=False):
    """Weights trained on the sets names and a threshold: the best F1 of
    the training sentences' scores, or with oof of their out-of-set
    scores (each set scored by weights trained without it), which are
    not flattered by the set's own fit."""
    X = [x for n in names for x in data[n][0]]
    y = [v for n in names for v in data[n][1]]
    sw = [weights.get(n, 1.0) for n in names for _ in data[n][1]]
    ng = sum(data[n][2] * weights.get(n, 1.0) for n in names)
    w = train(X, y, sw, l2)
    if not oof:
        return w, best_threshold(scores(w, X), y, sw, ng)
    s = []
    for n in names:
        wo = train([x for o in names if o != n for x in data[o][0]],
                   [v for o in names if o != n for v in data[o][1]],
                   [weights.get(o, 1.0) for o in names if o != n
                    for _ in data[o][1]], l2)
        s += scores(wo, data[n][0])
    return w, best_threshold(s, y, sw, ng)


def feature_names(src):
    c = open(os.path.join(src, "indexer/annotate/claim_model.c"),
             encoding="utf-8").read()
    body = c[c.index("feature_names["):c.index("NULL};")]
    return re.findall(r'"([a-z0-9_]+)"', body)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--src", default=os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--loso", action="store_true")
    ap.add_argument("--label", default="claim", choices=["claim",
                    "prediction"], help="the sentence label to learn "
                    "(prediction: measured only, the tagger reads no "
                    "model for it)")
    ap.add_argument("--weight", action="append", default=[],
                    metavar="SET=W", help="count SET's sentences W times "
                    "(default 1)")
    ap.add_argument("--out")
    ap.add_argument("--beta", type=float, default=1.0,
                    help="choose the threshold by the best F-beta of the "
                    "training sentences (default 1; < 1 weighs precision)")
    ap.add_argument("--oof-threshold", action="store_true",
                    help="choose the threshold on out-of-set scores")
    ap.add_argument("--rules-only", action="store_true",
                    help="with --out: weights that keep the rules' "
                    "decision (rule_claim 1, the rest 0, threshold 0.5)")
    ap.add_argument("--cache", help="keep each set's aligned features "
                    "in this directory and read them from there again")
    ap.add_argument("sets", nargs="*")
    a = ap.parse_args()
    global BETA
    BETA = a.beta
    lex = os.path.join(a.src, "corpus/lexicons")
    names = feature_names(a.src)
    if a.rules_only and a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write("# claim_model.tsv: the rules' decision alone "
                    "(scripts/claim-model.py --rules-only)\n")
            for n in names:
                f.write("%s\t%d\n" % (n, n == "rule_claim"))
            f.write("@threshold\t0.5\n")
        return
    data = {}
    for s in a.sets:
        cf = a.cache and os.path.join(a.cache, s + "." + a.label + ".json")
        if cf and os.path.exists(cf):
            with open(cf, encoding="utf-8") as f:
                d = json.load(f)
        else:
            d = load(a.build, a.src, s, lex, a.label)
            if cf:
                os.makedirs(a.cache, exist_ok=True)
                with open(cf, "w", encoding="utf-8") as f:
                    json.dump(d, f)
        if d is None:
            print("%s: no labels in the gold, left out" % s, file=sys.stderr)
            continue
        if d[0] and len(d[0][0]) != len(names):
            sys.exit("%s: %d features dumped, %d named in claim_model.c"
                     % (s, len(d[0][0]), len(names)))
        data[s] = d
    sets = list(data)
    rule = names.index("rule_claim" if a.label == "claim" else "rule_pred")
    weights = {}
    for sw in a.weight:
        k, _, v = sw.partition("=")
        weights[k] = float(v)
    if a.loso:
        tot = [0, 0, 0, 0, 0]
        print("set gold rules_P rules_R rules_F1 model_P model_R model_F1")
        for s in sets:
            w, th = fit(data, [o for o in sets if o != s], a.l2,
                        weights, a.oof_threshold)
            X, y, ng = data[s]
            rt, rf = count([x[rule] > 0.5 for x in X], y)
            mt, mf = count([v > th for v in scores(w, X)], y)
            tot = [tot[0] + ng, tot[1] + rt, tot[2] + rf, tot[3] + mt,
                   tot[4] + mf]
            print("%s %d %.3f %.3f %.3f %.3f %.3f %.3f" % (
                (s, ng) + f1(rt, rf, ng) + f1(mt, mf, ng)))
        print("pooled %d %.3f %.3f %.3f %.3f %.3f %.3f" % (
            (tot[0],) + f1(tot[1], tot[2], tot[0]) +
            f1(tot[3], tot[4], tot[0])))
    if a.out:
        w, th = fit(data, sets, a.l2, weights, a.oof_threshold)
        with open(a.out, "w", encoding="utf-8") as f:
            f.write("# claim_model.tsv: the #claim decision's weights, "
                    "made by scripts/claim-model.py\n")
            f.write("# (--l2 %g%s%s%s) from the gold of: %s\n" % (
                a.l2, "".join(" --weight " + x for x in a.weight),
                " --beta %g" % a.beta if a.beta != 1.0 else "",
                " --oof-threshold" if a.oof_threshold else "",
                " ".join(sets)))
            f.write("# feature<TAB>weight (log-odds); a sentence is a "
                    "claim when the sum exceeds @threshold\n")
            for n, v in zip(names, w):
                f.write("%s\t%.6f\n" % (n, v))
            f.write("@threshold\t%.6f\n" % th)


if __name__ == "__main__":
    main()
