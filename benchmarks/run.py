"""`make bench`: how fast the site serves readers, against the Django floor.

    make bench                         1,000 posts, page cache on
    make bench ARGS=--no-cache         every request rendered
    make bench ARGS="--posts 10000"    the large run
    python -m benchmarks.run --help    every option

It builds a database of its own (PostgreSQL `hawkins_bench` on the server named by
DATABASE_URL, else a SQLite file in var/bench/), fills it with the deterministic
dataset of benchmarks/generate.py, runs gunicorn with the production config
(deploy/gunicorn.conf.py: 2 sync workers here, DEBUG off, whitenoise, the manifest
static files) and drives each page with wrk after a warm-up. The floor is a view
returning a constant string under the same settings and middleware
(benchmarks/urls.py), measured in the same run; every page's requests/s is also
given as a fraction of it. Pages whose URL doesn't exist yet are listed as not
built. Timings depend on the machine and on whatever else runs on it: run it more
than once and keep the best.
"""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import loadgen

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
FLOOR_PATH = "/bench/floor/"


def say(text=""):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="make bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--posts", type=int, default=1000, help="dataset size")
    parser.add_argument(
        "--no-cache", action="store_true", help="disable the page cache"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--warmup", type=int, default=3, help="seconds per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_DATABASE_NAME", "hawkins_bench"),
        help="PostgreSQL database to (re)create (default hawkins_bench)",
    )
    parser.add_argument("--output", type=Path, help="append the table to this file")
    parser.add_argument(
        "--prepare-only",
        action="store_true",
        help="build the database and stop (to profile or EXPLAIN against it)",
    )
    return parser.parse_args(argv)


# --- the database ---------------------------------------------------------------


def bench_database_url(name):
    """A database of the benchmark's own: `name` on DATABASE_URL's server, or a
    SQLite file in var/bench/."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{VAR / 'bench.sqlite3'}"
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise SystemExit(f"make bench knows PostgreSQL and SQLite, not {parts.scheme}")
    if name == parts.path.lstrip("/"):
        # The bench drops and recreates its database: never the site's own.
        raise SystemExit(
            f"make bench would drop {name}, the database DATABASE_URL names: "
            "pass --database with another name."
        )
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(url):
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        Path(parts.path).unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def bench_environment(args):
    return {
        "DJANGO_SETTINGS_MODULE": "hawkins_site.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench-only-" + secrets.token_urlsafe(32),
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "STATIC_ROOT": str(VAR / "static"),
        "MEDIA_ROOT": str(VAR / "media"),
        "DATABASE_URL": bench_database_url(args.database),
        "DJANGO_PAGE_CACHE": "false" if args.no_cache else "true",
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_RUN_DIR": str(VAR / "run"),
        "GUNICORN_LOGLEVEL": "warning",
    }


def prepare(args):
    """A fresh database with the dataset, and collected static files."""
    import django
    from django.core.management import call_command
    from django.db import connection

    recreate_database(os.environ["DATABASE_URL"])
    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from .generate import generate

    generate(args.posts, out=say)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # What autovacuum does soon after a bulk load: statistics for the
            # planner and a visibility map for index-only scans.
            cursor.execute("VACUUM ANALYZE")


# --- the pages ------------------------------------------------------------------


def pages():
    """(name, path or None when that page isn't built yet) for each page."""
    from django.db.models import Count
    from django.urls import Resolver404, resolve
    from taggit.models import Tag

    from posts.models import Post

    public = Post.objects.published().order_by("published_at")
    middle = public[public.count() // 2]
    tag = Tag.objects.annotate(n=Count("posts_taggedpost_items")).order_by("-n")[0]
    wanted = [
        ("home", "/"),
        ("post", middle.get_absolute_url()),
        ("tag page", f"/tags/{tag.slug}/"),
        ("tag cloud", "/tags/"),
        ("RSS feed", "/feed/"),
        ("talks", "/talks/"),
        ("calendar.ics", "/talks/calendar.ics"),
        ("search", "/search/?q=mindfulness"),
    ]
    found = []
    for name, path in wanted:
        try:
            resolve(path.split("?")[0], urlconf="benchmarks.urls")
        except Resolver404:
            path = None
        found.append((name, path))
    return found


def query_counts(paths):
    """Queries each page costs when rendered (page cache off), in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    counts = {}
    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(PAGE_CACHE_ENABLED=False, ROOT_URLCONF="benchmarks.urls"):
        for path in paths:
            client.get(path)  # first request: warms per-process state
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
            counts[path] = len(ctx)
    return counts


# --- the server -----------------------------------------------------------------


def start_gunicorn():
    with open(VAR / "gunicorn.log", "w") as log:  # the child keeps its own copy
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
            + ["benchmarks.wsgi:application"],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://{os.environ['GUNICORN_BIND']}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited: see {VAR / 'gunicorn.log'}")
        try:
            with urllib.request.urlopen(base + FLOOR_PATH, timeout=2):
                return process, base
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def stop_gunicorn(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text()
    return [int(pid) for pid in children.split()]


def worker_peak_rss_mb(master_pid):
    """The largest peak resident set (VmHWM) among the master's workers."""
    peaks = []
    for pid in worker_pids(master_pid):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks, default=0.0)


def server_pids(master_pid):
    """The gunicorn workers, and the PostgreSQL backends serving them."""
    from django.db import connection

    pids = worker_pids(master_pid)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            pids += [row[0] for row in cursor.fetchall()]
    return pids


def cpu_seconds(pids):
    """User + system CPU time the processes have used so far."""
    ticks = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except FileNotFoundError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def etag_of(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.headers["ETag"]


# --- the run --------------------------------------------------------------------


def measure(url, args, master_pid, headers=None):
    """A warm-up, then the measured run, with the server's CPU time per request
    (workers and database backends): unlike requests/s, it hardly moves when
    other programs compete for the CPUs."""
    load = {"connections": args.connections, "headers": headers}
    loadgen.run(url, duration=args.warmup, **load)
    pids = server_pids(master_pid)
    before = cpu_seconds(pids)
    result = loadgen.run(url, duration=args.duration, **load)
    result.cpu_ms = (cpu_seconds(pids) - before) * 1000 / max(result.requests, 1)
    return result


def main(argv=None):
    args = parse_args(argv)
    VAR.mkdir(parents=True, exist_ok=True)
    os.environ.update(bench_environment(args))
    say(f"Preparing {args.posts} posts in {os.environ['DATABASE_URL']} ...")
    prepare(args)
    if args.prepare_only:
        return
    from django.db import connection

    found = pages()
    built = [path for _, path in found if path]
    counts = query_counts(built)
    tool = "wrk" if loadgen.have_wrk() else "bundled Python client"
    say(f"Load: {tool}, {args.connections} connections, {args.warmup} s warm-up, ")
    say(f"{args.duration} s per page, {args.workers} gunicorn sync workers.")

    process, base = start_gunicorn()
    try:
        floor = measure(base + FLOOR_PATH, args, process.pid)
        rows = [("floor (constant view)", FLOOR_PATH, floor, None)]
        for name, path in found:
            if path is None:
                rows.append((name, None, None, None))
                continue
            say(f"  {name} {path}")
            result = measure(base + path, args, process.pid)
            rows.append((name, path, result, counts[path]))
        home_etag = {"If-None-Match": etag_of(base + "/")}
        result = measure(base + "/", args, process.pid, home_etag)
        rows.append(("home, 304", "/", result, None))
        rss = worker_peak_rss_mb(process.pid)
    finally:
        stop_gunicorn(process)

    mode = "page cache OFF (--no-cache)" if args.no_cache else "page cache on"
    title = (
        f"{date.today().isoformat()}: {args.posts} posts, {mode}, "
        f"{connection.vendor}, {cache_backend()}, "
        f"{tool}, {args.connections} connections, {args.duration} s"
    )
    table = render(title, rows, floor, rss)
    say()
    say(table)
    if args.output:
        with args.output.open("a") as f:
            f.write("\n" + table + "\n")


def cache_backend():
    from django.conf import settings

    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def render(title, rows, floor, rss):
    lines = [
        f"#### {title}",
        "",
        "| page | path | req/s | p50 ms | p99 ms | errors | vs floor "
        "| server CPU ms/req | CPU vs floor | queries |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path, result, queries in rows:
        if result is None:
            lines.append(f"| {name} | n/a (not built) | | | | | | | | |")
            continue
        ratio = result.requests_per_s / floor.requests_per_s
        cpu_ratio = floor.cpu_ms / result.cpu_ms if result.cpu_ms else 0
        lines.append(
            f"| {name} | `{path}` | {result.requests_per_s:,.0f} "
            f"| {result.p50_ms:.1f} | {result.p99_ms:.1f} | {result.errors} "
            f"| {ratio:.0%} | {result.cpu_ms:.2f} | {cpu_ratio:.0%} "
            f"| {'' if queries is None else queries} |"
        )
    lines += [
        "",
        f"Worker peak RSS: {rss:.0f} MB. Server CPU: gunicorn workers plus their "
        "database backends, per request; CPU vs floor = floor's CPU/request over "
        "the page's, what 'vs floor' tends to on an otherwise idle machine.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
