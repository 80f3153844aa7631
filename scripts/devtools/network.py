"""Free TCP ports, and waiting for a server to answer."""

import socket
import time
import urllib.error
import urllib.request

from .console import Fail


def port_free(port, host=""):
    """True if nothing listens on `port` (checked like a server binding it)."""
    for family, addr in ((socket.AF_INET, host or "0.0.0.0"), (socket.AF_INET, "127.0.0.1")):
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind((addr, port))
            except OSError:
                return False
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) != 0


def find_free_port(start, count=100, host=""):
    for port in range(start, start + count):
        if port_free(port, host):
            return port
    raise Fail(f"no free TCP port between {start} and {start + count - 1}")


def ephemeral_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, proc=None, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    return False
