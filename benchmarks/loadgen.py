"""Drive a URL with load: wrk when installed (Debian package `wrk`), else a small
bundled Python client (threads over http.client; it needs a core of its own, so
its figures understate the server: use it only where wrk can't be had)."""

import http.client
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Result:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    cpu_ms: float = 0.0  # filled in by the caller: server CPU per request


def have_wrk():
    return shutil.which("wrk") is not None


def run(url, *, connections, duration, threads=2, headers=None):
    if have_wrk():
        return run_wrk(url, connections, duration, threads, headers or {})
    return run_python(url, connections, duration, headers or {})


# --- wrk ------------------------------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * _UNITS[unit]


def run_wrk(url, connections, duration, threads, headers):
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}"]
    command += [f"-d{duration}s", "--latency", "--timeout", "5s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"Unexpected output from wrk:\n{out}")
    errors = sum(
        int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out)
    )
    bad_status = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(bad_status.group(1)) if bad_status else 0
    return Result(
        requests_per_s=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50_ms=_ms(latency["50"]),
        p99_ms=_ms(latency["99"]),
        errors=errors,
        requests=int(re.search(r"(\d+) requests in", out).group(1)),
    )


# --- the bundled Python client -------------------------------------------------


def run_python(url, connections, duration, headers):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.perf_counter() + duration
    latencies, errors, lock = [], [0], threading.Lock()

    def worker():
        mine, failed, conn = [], 0, None
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                conn = conn or http.client.HTTPConnection(
                    parts.hostname, parts.port, timeout=5
                )
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
                if response.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                failed += 1
                conn = None
                continue
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    pool = [threading.Thread(target=worker) for _ in range(connections)]
    started = time.perf_counter()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))]

    return Result(
        requests_per_s=len(latencies) / elapsed,
        p50_ms=pct(0.50) if latencies else 0.0,
        p99_ms=pct(0.99) if latencies else 0.0,
        errors=errors[0],
        requests=len(latencies),
    )
