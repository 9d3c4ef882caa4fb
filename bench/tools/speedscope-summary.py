#!/usr/bin/env python3
"""Summarises a dotnet-trace speedscope file (profile dotnet-sampled-thread-time).

Only samples whose thread was running managed code (leaf frame CPU_TIME) are counted; each is attributed to
a category by the frames on its stack, then the top self frames and the share of a few portal frames are printed.
Usage: speedscope-summary.py trace.speedscope.json
"""
import collections
import json
import sys

CATEGORIES = [  # first match wins, searched in the whole stack
    ("load generator (bench HttpClient)", ("ParentJourney",)),
    ("Host: Npgsql (round trips to PostgreSQL)", ("Npgsql!",)),
    ("Host: SQLite", ("Microsoft.Data.Sqlite!",)),
    ("Host: EF Core (queries, change tracking)", ("EntityFrameworkCore",)),
    ("Host: Wolverine", ("Wolverine",)),
    ("Host: ASP.NET Core (Kestrel, auth, JSON)", ("AspNetCore",)),
]
PORTAL = ["ConfirmCartHandler", "GetCalendarHandler", "ToggleCartDaysHandler", "ListChildrenHandler",
          "GetCartSummaryHandler", "LoggingBehavior", "CookieAuthenticationHandler"]


def main(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    total = 0.0
    by_category, by_self, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            if stack and last is not None and frames[stack[-1]] == "CPU_TIME":
                weight = event["at"] - last
                total += weight
                managed = stack[:-1]
                text = " ".join(frames[f] for f in managed)
                by_category[next((name for name, keys in CATEGORIES if any(k in text for k in keys)), "other")] += weight
                if managed:
                    by_self[frames[managed[-1]]] += weight
                for name in PORTAL:
                    if name in text:
                        inclusive[name] += weight
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                stack.pop()
    if total == 0:
        sys.exit("no CPU_TIME samples: was the trace taken with --profile dotnet-sampled-thread-time?")
    print(f"managed-code samples: {total / 1000:.1f} s of thread time")
    print("-- by category")
    for name, weight in by_category.most_common():
        print(f"{100 * weight / total:5.1f} %  {name}")
    print("-- portal frames (inclusive)")
    for name in PORTAL:
        print(f"{100 * inclusive[name] / total:5.1f} %  {name}")
    print("-- top self frames")
    for name, weight in by_self.most_common(15):
        print(f"{100 * weight / total:5.1f} %  {name[:140]}")


if __name__ == "__main__":
    main(sys.argv[1])
