"""Growth with N, from the report bench/scale/run.sh writes (results.md, or its console log): for
each dialect and measure, the wall medians at each N, the fitted exponent b of t = a*N^b (least
squares on logs: b = 1 is linear) for wall and CPU time, and the linear fit t = a + c*N.
Usage: python3 bench/scale/summarize.py REPORT.md [MORE.md ...]"""
import collections, math, re, sys

head = re.compile(r"^### (\w+) [^,]*, N = (\d+)")
val = re.compile(r"([\d.]+) (ms|s)\b")

def secs(cell):
    m = val.search(cell)
    if not m:
        return None
    return float(m.group(1)) / (1000 if m.group(2) == "ms" else 1)

data = collections.defaultdict(dict)
for path in sys.argv[1:]:
    dialect, n = None, None
    for line in open(path, encoding="utf-8"):
        h = head.match(line)
        if h:
            dialect, n = h.group(1), int(h.group(2))
            continue
        if dialect is None or not line.startswith("| ") or line.startswith("| measure") or line.startswith("| whole"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        wall, cpu = secs(cells[1]), secs(cells[2]) if len(cells) > 2 else None
        if wall is not None:
            data[(dialect, cells[0])][n] = (wall, cpu)

def fit_exp(ns, ts):
    xs, ys = [math.log(x) for x in ns], [math.log(t) for t in ts]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)

def fit_lin(ns, ts):
    mx, my = sum(ns) / len(ns), sum(ts) / len(ts)
    c = sum((x - mx) * (t - my) for x, t in zip(ns, ts)) / sum((x - mx) ** 2 for x in ns)
    return my - c * mx, c

def fmt(s):
    return f"{s:.2f} s" if s >= 1 else f"{s * 1000:.0f} ms"

all_n = sorted({x for v in data.values() for x in v})
print("| dialect | measure | " + " | ".join(f"N={x} wall (CPU)" for x in all_n) + " | b wall | b CPU | wall ≈ a + c·N |")
print("|---|---|" + "---|" * len(all_n) + "---|---|---|")
for (dialect, measure), byn in sorted(data.items()):
    ns = sorted(byn)
    cells = [f"{fmt(byn[x][0])} ({fmt(byn[x][1])})" if x in byn and byn[x][1] else (fmt(byn[x][0]) if x in byn else "") for x in all_n]
    b = bc = lin = ""
    if len(ns) >= 2:
        b = f"{fit_exp(ns, [byn[x][0] for x in ns]):.2f}"
        if all(byn[x][1] for x in ns):
            bc = f"{fit_exp(ns, [byn[x][1] for x in ns]):.2f}"
        a, c = fit_lin(ns, [byn[x][0] for x in ns])
        lin = f"{fmt(a) if a >= 0 else '-' + fmt(-a)} + {fmt(c * 100)}/100 tables"
    print(f"| {dialect} | {measure} | " + " | ".join(cells) + f" | {b} | {bc} | {lin} |")
