"""A fake National Public Service Portal on 127.0.0.1 for the tests: it records every request
and answers as told — success, slowly (longer than the client's timeout), with an HTTP error,
with a business error code in a 200, or not at all (stopped, then started again on the same
port: "down for a while")."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakePortal:
    def __init__(self):
        self.mode = "ok"  # ok | slow | status | error_code
        self.status = 503
        self.delay = 0.0
        self.requests: list[dict] = []
        self.lock = threading.Lock()
        self.server = None
        self.port = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/dongbo"

    def start(self) -> "FakePortal":
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet test output
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with portal.lock:
                    portal.requests.append({"headers": dict(self.headers), "body": body})
                    mode, status, delay = portal.mode, portal.status, portal.delay
                if mode == "slow":
                    time.sleep(delay)
                if mode == "status":
                    self._answer(status, {"error_code": str(status), "message": "Lỗi thử"})
                elif mode == "error_code":
                    self._answer(200, {"error_code": "99", "message": "Mã TTHC không tồn tại"})
                else:
                    self._answer(200, {"error_code": "00", "message": "Thành công"})

            def _answer(self, status, payload):
                data = json.dumps(payload, ensure_ascii=False).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout)

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port or 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def bodies(self) -> list[dict]:
        with self.lock:
            return [r["body"] for r in self.requests]
