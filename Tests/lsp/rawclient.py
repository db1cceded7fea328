"""A bare LSP client over the real binary's pipes: sends raw bytes (so tests can send broken
ones) and reads framed messages on a background thread."""
import json
import queue
import subprocess
import threading
import time

from conftest import BINARY


class RawServer:
    def __init__(self, *args, env=None):
        self.process = subprocess.Popen([BINARY, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, env=env)
        self.messages = queue.Queue()
        # When each message's last byte arrived (perf_counter), by id() of the parsed message:
        # benchmarks stop their clock there, before Python parses the JSON.
        self.arrived_at = {}
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for _ in self.process.stderr:
            pass

    def _read(self):
        stream = self.process.stdout
        while True:
            headers = b""
            while not headers.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    self.messages.put(None)
                    return
                headers += byte
            length = None
            for line in headers.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            body = stream.read(length)
            arrived = time.perf_counter()
            message = json.loads(body)
            if isinstance(message, dict):
                self.arrived_at[id(message)] = arrived
            self.messages.put(message)

    def send_raw(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        return request_id

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, predicate, timeout=10):
        """Returns the first message matching `predicate`, dropping the others."""
        deadline = time.time() + timeout
        while True:
            remaining = deadline - time.time()
            if remaining <= 0:
                raise TimeoutError("no matching message")
            message = self.messages.get(timeout=remaining)
            if message is None:
                raise EOFError("the server closed its output")
            if predicate(message):
                return message

    def response(self, request_id, timeout=10):
        return self.wait_for(lambda m: m.get("id") == request_id and "method" not in m, timeout)

    def call(self, method, params=None, timeout=10):
        return self.response(self.request(method, params), timeout)

    def initialize(self, capabilities=None):
        result = self.call("initialize", {"processId": None, "rootUri": None, "capabilities": capabilities or {}})
        self.notify("initialized", {})
        return result

    def rss_kib(self):
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def close(self, timeout=10):
        self.process.stdin.close()
        return self.process.wait(timeout)
