"""Telegram end to end against a running `make serve`: a fake Bot API, a real Update, a real reply.

    .venv/bin/python bench/telegram_smoke.py [--port 8011]

Starts the fake Bot API of the tests on 127.0.0.1, runs `make serve` with VIGYAPTI_TELEGRAM_API_BASE
pointing at it, posts the Hindi seed question as an Update to /telegram/webhook and prints the
message the bot sends back.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "bot"))

sys.path.insert(0, str(REPO / "bench"))

from _serving import wait_until_healthy  # noqa: E402
from fake_bot_api import FakeBotAPI  # noqa: E402

TOKEN = "123456:SMOKE-TEST-TOKEN"
SECRET = "smoke-secret"
QUESTION = "मध्य प्रदेश के कितने विक्रेताओं ने जेम पर अपनी प्रोफाइल पूरी की है?"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8011)
    args = ap.parse_args()
    with FakeBotAPI(TOKEN) as bot_api:
        env = {**os.environ, "PORT": str(args.port), "VIGYAPTI_TELEGRAM_TOKEN": TOKEN,
               "VIGYAPTI_TELEGRAM_SECRET": SECRET, "VIGYAPTI_TELEGRAM_API_BASE": bot_api.base}
        server = subprocess.Popen(["make", "serve"], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{args.port}"
            with httpx.Client(base_url=url, timeout=60) as client:
                if not wait_until_healthy(client, 1800):  # the first start may build the index
                    print("the service did not start", file=sys.stderr)
                    return 1
                update = {"update_id": 5001, "message": {
                    "message_id": 11, "date": int(time.time()), "text": QUESTION,
                    "chat": {"id": 4242, "type": "private", "first_name": "Asha"},
                    "from": {"id": 4242, "is_bot": False, "first_name": "Asha", "language_code": "hi"}}}
                r = client.post("/telegram/webhook", json=update,
                                headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
                print("webhook:", r.status_code)
                deadline = time.time() + 60
                while not [c for c in bot_api.calls if c[0] == "sendMessage"] and time.time() < deadline:
                    time.sleep(0.2)
                sent = [c[1] for c in bot_api.calls if c[0] == "sendMessage"]
                for message in sent:
                    print("sendMessage:", message.get("text"))
                ok = any("86,000" in m.get("text", "") and "PRID=2184082" in m.get("text", "") for m in sent)
                print("reply has 86,000 and a link to release 2184082:", ok)
                return 0 if ok else 1
        finally:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
