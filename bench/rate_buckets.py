"""Cost of the rate limiter when many clients are remembered: bot.security.TokenBucket.take.

    python bench/rate_buckets.py [--clients N] [--max-clients M] [--calls K]

Fills the limiter with N clients that are all still active (none idle long enough to be forgotten
for free), then times K more questions from new clients: each one may have to forget another. Prints
microseconds per call and how many buckets are kept. The goal: per-call cost that does not grow with
the number of clients (docs/operations.md, Load limits).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.security import TokenBucket  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=150_000)
    ap.add_argument("--max-clients", type=int, default=100_000)
    ap.add_argument("--calls", type=int, default=2_000)
    args = ap.parse_args()
    bucket = TokenBucket(rate=1.0, burst=20, max_clients=args.max_clients)
    now = 0.0
    started = time.perf_counter()
    for i in range(args.clients):
        now += 1e-5  # 100,000 new clients a second: nobody's bucket is full again yet
        bucket.take(f"2001:db8:{i >> 16:x}:{i & 0xffff:x}::/64", now=now)
    fill = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(args.calls):
        now += 1e-5
        bucket.take(f"198.51.{i >> 8 & 255}.{i & 255}-{i}", now=now)
    each = (time.perf_counter() - started) / args.calls
    kept = len(bucket._buckets)
    print(f"{args.clients:,} active clients (max {args.max_clients:,}): filling {fill:.2f} s "
          f"({fill / args.clients * 1e6:.1f} us a call); then {each * 1e6:.1f} us a call; {kept:,} buckets kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
