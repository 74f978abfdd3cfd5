#!/usr/bin/env python3
"""Accuracy of `lijian classify` on the demo leads that were NOT confirmed by officers (the
model never saw them), rules only and rules + trained model (docs/classification.md).

    build/lijian demo --db sqlite:///tmp/acc.db
    bench/classify_accuracy.py build/lijian /tmp/acc.db
"""
import json
import sqlite3
import subprocess
import sys

binary, db = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
rows = con.execute(
    "SELECT l.id, COALESCE(l.title, ''), l.text, l.channel, COALESCE(l.product_category, 'other'),"
    " l.violations FROM leads l JOIN lead_labels ll ON ll.lead_id = l.id"
    " WHERE ll.confirmed_at IS NULL ORDER BY l.id").fetchall()
truth = {r[0]: (r[4], set(v for v in r[5].split(",") if v)) for r in rows}
lines = "".join(json.dumps({"id": r[0], "text": (r[1] + "\n" + r[2]) if r[1] else r[2],
                            "channel": r[3]}, ensure_ascii=False) + "\n" for r in rows)


def measure(extra):
    out = subprocess.run([binary, "classify", *extra], input=lines.encode(), capture_output=True,
                         check=True).stdout.decode().splitlines()
    cat_ok = exact_v = 0
    tp = fp = fn = 0
    for line in out:
        o = json.loads(line)
        cat, vio = truth[o["id"]]
        cat_ok += o["product_category"] == cat
        got = set(o["violations"])
        exact_v += got == vio
        tp += len(got & vio)
        fp += len(got - vio)
        fn += len(vio - got)
    n = len(out)
    return (f"category accuracy {cat_ok / n:.3f}, violations exact {exact_v / n:.3f}, "
            f"violation precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f} (n={n})")


print("rules only:      ", measure([]))
print("rules + model:   ", measure(["--db", "sqlite://" + db]))
