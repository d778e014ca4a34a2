"""A small fake Telegram Bot API on 127.0.0.1, over real HTTP, recording every call.

Speaks the subset the bot uses: getMe, sendMessage, sendChatAction, setWebhook, deleteWebhook,
getWebhookInfo, getUpdates (serving queued updates). URLs are /bot<TOKEN>/<method>, as Telegram's.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

BOT_ID = 777000111
BOT_USERNAME = "VigyaptiTestBot"
RAW = {"text", "url", "secret_token", "action", "parse_mode", "caption"}  # sent unencoded by PTB


class FakeBotAPI:
    def __init__(self, token: str):
        self.token = token
        self.calls: list[tuple[str, dict]] = []
        self.updates: list[dict] = []
        self.webhook_url = ""
        self._message_id = 1000
        self._lock = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    # -- what tests look at -------------------------------------------------------------------
    def sent(self, method: str = "sendMessage") -> list[dict]:
        with self._lock:
            return [params for name, params in self.calls if name == method]

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()

    def wait_for(self, method: str, count: int = 1, timeout: float = 60) -> list[dict]:
        deadline = time.time() + timeout
        with self._lock:
            while len([1 for n, _ in self.calls if n == method]) < count:
                left = deadline - time.time()
                if left <= 0:
                    raise TimeoutError(f"{method} x{count} not called; calls: {[n for n, _ in self.calls]}")
                self._lock.wait(left)
        return self.sent(method)

    def queue_update(self, update: dict) -> None:
        with self._lock:
            self.updates.append(update)
            self._lock.notify_all()

    # -- the Bot API --------------------------------------------------------------------------
    def call(self, method: str, params: dict):
        with self._lock:
            self.calls.append((method, params))
            self._lock.notify_all()
            if method == "getMe":
                return {"id": BOT_ID, "is_bot": True, "first_name": "Vigyapti", "username": BOT_USERNAME,
                        "can_join_groups": True, "can_read_all_group_messages": False,
                        "supports_inline_queries": False}
            if method == "sendMessage":
                self._message_id += 1
                chat_id = params["chat_id"]
                return {"message_id": self._message_id, "date": int(time.time()),
                        "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                        "from": {"id": BOT_ID, "is_bot": True, "first_name": "Vigyapti"},
                        "text": params.get("text", "")}
            if method in ("sendChatAction",):
                return True
            if method == "setWebhook":
                self.webhook_url = params.get("url", "")
                return True
            if method == "deleteWebhook":
                self.webhook_url = ""
                return True
            if method == "getWebhookInfo":
                return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}
            if method == "getUpdates":
                offset = int(params.get("offset") or 0)
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                if not self.updates:  # a short "long poll"
                    self._lock.wait(min(float(params.get("timeout") or 0), 0.5))
                return list(self.updates)
            if method in ("close", "logOut"):
                return True
        raise KeyError(method)

    def _handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                self._serve()

            def do_GET(self):
                self._serve()

            def _serve(self):
                path = urlsplit(self.path).path
                prefix = f"/bot{api.token}/"
                if not path.startswith(prefix):
                    return self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                method = path[len(prefix):]
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                ctype = self.headers.get("Content-Type", "")
                if "json" in ctype:
                    params = json.loads(body or "{}")
                else:
                    params = {}
                    for k, v in parse_qs(body + "&" + (urlsplit(self.path).query or "")).items():
                        value = v[-1]
                        if k not in RAW:
                            try:
                                value = json.loads(value)
                            except ValueError:
                                pass
                        params[k] = value
                try:
                    result = api.call(method, params)
                except KeyError:
                    return self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found: method"})
                self._reply(200, {"ok": True, "result": result})

            def _reply(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
