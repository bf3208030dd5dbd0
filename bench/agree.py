#!/usr/bin/env python3
"""How far a peer's grouped describe is from effekt's: the largest
relative difference of n, mean, sd, median and p90 over the groups.
Usage: agree.py EFFEKT.csv PEER.csv   (effekt: project_id,column,n,...;
the peer: project_id,n,mean,sd,median,p90 with or without a header)."""
import csv
import sys


def rows(path, skip):
    out = {}
    with open(path, newline="") as f:
        for r in csv.reader(f):
            if not r:
                continue
            try:
                vals = [float(x) for x in r[1 + skip:1 + skip + 5]]
            except ValueError:
                continue   # a header
            out[r[0]] = vals
    return out


e = rows(sys.argv[1], 1)
p = rows(sys.argv[2], 0)
names = ["n", "mean", "sd", "median", "p90"]
if set(e) != set(p):
    print("groups differ: %d against %d" % (len(e), len(p)))
    sys.exit(1)
worst = [0.0] * 5
for g in e:
    for k in range(5):
        a, b = e[g][k], p[g][k]
        d = abs(a - b) / max(abs(a), abs(b), 1e-300)
        worst[k] = max(worst[k], d)
print(" ".join("%s %.1e" % (n, w) for n, w in zip(names, worst)))
