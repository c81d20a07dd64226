#!/usr/bin/env python3
"""Database fault drill: restart the local PostgreSQL under traffic.

Starts the site with gunicorn (debug off) against DATABASE_URL, drives requests
at public pages from a few threads, stops the local PostgreSQL cluster, waits,
starts it again, and reports what readers saw in each phase: while the database
is down every page should answer the friendly 503 (never a 500 or a dropped
connection), and once it is back pages should answer 200 again by themselves,
at most the requests in flight at the moment of the stop being lost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hawkins_drill \\
        .venv/bin/python scripts/db_fault_drill.py [--down-seconds 5]
    make db-fault-drill DATABASE_URL=…

It needs root (pg_ctlcluster) and stops the whole local cluster for a few
seconds: every database on it is affected, so warn anyone sharing the server.
PostgreSQL is always started again, even if the drill fails. --dry-run does
everything but the stop and start. Exit status 0 means the site behaved.
"""

import argparse
import collections
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/tags/", "/archive/", "/series/", "/feed/", "/sitemap.xml"]


def log(message):
    sys.stdout.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stdout.flush()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cluster():
    """(version, name) of the local PostgreSQL cluster, e.g. ("15", "main")."""
    versions = sorted(os.listdir("/etc/postgresql"))
    if not versions:
        sys.exit("No PostgreSQL cluster under /etc/postgresql.")
    return versions[-1], "main"


def pg_ready():
    result = subprocess.run(
        ["pg_isready", "-h", "127.0.0.1", "-q"], capture_output=True, timeout=10
    )
    return result.returncode == 0


def pg_ctl(action, version, name):
    log(f"PostgreSQL {version}/{name}: {action}")
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action],
        check=True,
        timeout=60,
    )


def wait_for(condition, timeout, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


class Driver:
    """Threads requesting public pages in a loop, recording every outcome."""

    def __init__(self, base, threads):
        self.base = base
        self.threads = threads
        self.results = []  # (monotonic time, page, outcome)
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    def _loop(self, offset):
        n = offset
        while not self.stopping.is_set():
            page = PAGES[n % len(PAGES)]
            n += 1
            started = time.monotonic()
            try:
                with urllib.request.urlopen(self.base + page, timeout=10) as response:
                    response.read()
                    outcome = str(response.status)
            except urllib.error.HTTPError as error:
                body = error.read()
                outcome = str(error.code)
                if error.code == 503 and b"Back in a moment" not in body:
                    outcome = "503-unfriendly"
                if error.code == 503 and error.headers.get("Retry-After") is None:
                    outcome = "503-no-retry-after"
            except (urllib.error.URLError, OSError) as error:
                outcome = f"connection error ({type(error).__name__})"
            with self.lock:
                self.results.append((started, page, outcome))
            time.sleep(0.02)

    def start(self):
        self.workers = [
            threading.Thread(target=self._loop, args=(i,), daemon=True)
            for i in range(self.threads)
        ]
        for worker in self.workers:
            worker.start()

    def stop(self):
        self.stopping.set()
        for worker in self.workers:
            worker.join(timeout=15)

    def between(self, start, end):
        with self.lock:
            return [r for r in self.results if start <= r[0] < end]


def summary(results):
    return dict(sorted(collections.Counter(o for _, _, o in results).items()))


def prepare(env):
    """Migrate, load the demo content and collect static files for DEBUG off."""
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["seed_demo"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=300,
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--down-seconds", type=float, default=5)
    parser.add_argument("--before-seconds", type=float, default=5)
    parser.add_argument("--after-seconds", type=float, default=10)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--dry-run", action="store_true", help="drive traffic, never stop PostgreSQL"
    )
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme not in {"postgres", "postgresql"}:
        sys.exit("Set DATABASE_URL to the PostgreSQL database to drill against.")
    if not args.dry_run and (os.geteuid() != 0 or not shutil.which("pg_ctlcluster")):
        sys.exit("Stopping PostgreSQL needs root and pg_ctlcluster (or --dry-run).")
    if not pg_ready():
        sys.exit("PostgreSQL is not answering on 127.0.0.1; start it first.")
    version, name = cluster()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="db-drill-"))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "drill-not-secret"),
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": base,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(workdir / "media")),
    }
    log("Preparing the database and static files…")
    prepare(env)
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hawkins_site.wsgi",
         "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}",
         "--timeout", "30", "--graceful-timeout", "5"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=workdir.joinpath(
            "gunicorn.log").open("w"),
    )  # fmt: skip
    stopped = False
    driver = Driver(base, args.threads)
    try:

        def site_up():
            try:
                with urllib.request.urlopen(base + "/", timeout=5) as response:
                    return response.status == 200
            except OSError:
                return False

        if not wait_for(site_up, 30):
            sys.exit(f"The site did not start; see {workdir / 'gunicorn.log'}")
        log(f"Site up at {base} (gunicorn, {args.workers} workers); driving traffic")
        driver.start()
        t0 = time.monotonic()
        time.sleep(args.before_seconds)

        t_stop = time.monotonic()
        if not args.dry_run:
            pg_ctl("stop", version, name)
            stopped = True
        t_down = time.monotonic()
        time.sleep(args.down_seconds)
        t_start = time.monotonic()
        if not args.dry_run:
            pg_ctl("start", version, name)
            wait_for(pg_ready, 60)
            stopped = False
        t_ready = time.monotonic()
        log("PostgreSQL answers again")
        time.sleep(args.after_seconds)
        t_end = time.monotonic()
    finally:
        driver.stop()
        if stopped or not pg_ready():
            pg_ctl("start", version, name)
            wait_for(pg_ready, 60)
        gunicorn.terminate()
        try:
            gunicorn.wait(timeout=15)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
        log(f"PostgreSQL ready: {pg_ready()}; gunicorn stopped")

    before = driver.between(t0, t_stop)
    stopping = driver.between(t_stop, t_down)
    down = driver.between(t_down, t_start)
    restarting = driver.between(t_start, t_ready)
    after = driver.between(t_ready, t_end)
    first_ok = next((t for t, _, o in after if o == "200"), None)
    failed_after_ok = [
        r for r in after if first_ok and r[0] > first_ok and r[2] != "200"
    ]

    log("Results (outcome: requests)")
    for label, rows in [
        ("before the stop", before),
        (f"while stopping ({t_down - t_stop:.1f} s)", stopping),
        (f"database down ({t_start - t_down:.1f} s)", down),
        (f"while starting ({t_ready - t_start:.1f} s)", restarting),
        ("after it answers again", after),
    ]:
        log(f"  {label:34} {summary(rows)}")
    if first_ok is not None:
        log(f"  first 200 after restart: {first_ok - t_ready:.2f} s after pg_isready")
    log(f"  non-200 answers after the first 200: {len(failed_after_ok)}")

    everything = before + stopping + down + restarting + after
    bad = [o for _, _, o in everything if o not in {"200", "503"}]
    problems = []
    if bad:
        problems.append(f"unexpected answers: {dict(collections.Counter(bad))}")
    if any(o != "200" for _, _, o in before):
        problems.append("errors before the fault")
    if not args.dry_run and not any(o == "503" for _, _, o in down):
        problems.append("no 503 while the database was down")
    if first_ok is None:
        problems.append("the site did not recover")
    if failed_after_ok:
        problems.append(f"{len(failed_after_ok)} failures after recovery")
    if problems:
        log("FAILED: " + "; ".join(problems))
        return 1
    log("OK: 503 while down, no 500s, no dropped connections, recovered by itself")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
