"""gunicorn settings for production (deploy/hawkins.service) and `make bench`.

    gunicorn -c deploy/gunicorn.conf.py hawkins_site.wsgi

Every value can be overridden from the environment (GUNICORN_*).
"""

import multiprocessing
import os
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers: requests are short, CPU-bound renders and the page cache answers
# most of them; a slow client is nginx's problem (it buffers), not a worker's.
# Two per core plus one, gunicorn's advice, keeps the CPUs busy while a worker
# waits on PostgreSQL.
worker_class = "sync"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))

# A render that takes this long is a bug: kill the worker rather than queue
# every later request behind it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30

# Each worker imports the app itself, so `systemctl reload hawkins` (HUP) brings
# in new code with no dropped request.
preload_app = False
# Recycling workers would empty their local-memory page cache, so it is off unless
# asked for (a leak guard: GUNICORN_MAX_REQUESTS=5000).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# The run dir: systemd's RuntimeDirectory= (/run/hawkins), else var/run.
run_dir = Path(
    os.environ.get("RUNTIME_DIRECTORY")
    or os.environ.get("GUNICORN_RUN_DIR")
    or Path(__file__).resolve().parent.parent / "var" / "run"
)
run_dir.mkdir(parents=True, exist_ok=True)
# `gunicornc -s /run/hawkins/gunicorn.ctl` shows workers and resizes them live.
control_socket = str(run_dir / "gunicorn.ctl")
pidfile = str(run_dir / "gunicorn.pid")
# Heartbeat files on tmpfs, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# nginx logs every request; gunicorn logs errors. GUNICORN_ACCESSLOG=- adds its own.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Only nginx on this host may tell us the client's scheme and address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "hawkins"
