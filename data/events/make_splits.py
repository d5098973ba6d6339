#!/usr/bin/env python3
"""Builds data/events/{train,dev,test}.jsonl from the labeled parts in data/events/raw/.

Items are grouped by the real-world story they retell, coarsened to the main company and month
("openai-funding-2024-10" and "openai-neg-2024-10" are one group), so that no event, nor another
outlet's wording of it, sits in two splits. Each group goes to a split by a hash of its key:
about 70 % train, 15 % dev, 15 % test. Deterministic: the same parts give the same splits.

  python3 data/events/make_splits.py        (from the project root)
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")


def group_of(item):
    story = item.get("story") or item["id"]
    m = re.match(r"^(.*?)-(?:funding|export_control|partnership|acquisition|ipo|neg|mixed)-(.*)$", story)
    return f"{m.group(1)}-{m.group(2)}" if m else story


def split_of(group):
    bucket = int(hashlib.sha1(group.encode("utf-8")).hexdigest(), 16) % 100
    return "train" if bucket < 70 else "dev" if bucket < 85 else "test"


def main():
    items = []
    for name in sorted(os.listdir(RAW)):
        if name.endswith(".jsonl"):
            with open(os.path.join(RAW, name), encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if line.strip():
                        try:
                            items.append(json.loads(line))
                        except json.JSONDecodeError as e:
                            sys.exit(f"{name}:{n}: not JSON: {e}")
    splits = {"train": [], "dev": [], "test": []}
    for item in items:
        splits[split_of(group_of(item))].append(item)
    for split, rows in splits.items():
        rows.sort(key=lambda r: r["id"])
        with open(os.path.join(HERE, f"{split}.jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{split}: {len(rows)} items")


if __name__ == "__main__":
    main()
