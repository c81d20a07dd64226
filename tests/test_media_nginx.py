"""The nginx rules for /media/ in the README ("Security") do what they say,
checked against a real nginx on a loopback port (skipped where nginx is not
installed)."""

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests import images
from tests.test_settings import ROOT

NGINX = shutil.which("nginx") or (
    "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None
)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed")


def readme_snippet():
    text = (ROOT / "README.md").read_text()
    match = re.search(r"<!-- media-nginx -->\s*```nginx\n(.*?)```", text, re.S)
    assert match, "README lost its media nginx snippet"
    return match[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def nginx(tmp_path):
    root = tmp_path / "srv"
    media = root / "media" / "uploads"
    media.mkdir(parents=True)
    files = {
        "a.png": images.png(),
        "b.pdf": images.PDF,
        "c.docx": images.docx(),
        "page.html": images.HTML,
        "drawing.svg": images.SVG,
        "feed.xml": b"<x/>",
        "quarantined.bin": images.HTML,
        "noextension": images.HTML,
        "trick.png": images.HTML,
    }
    for name, data in files.items():
        (media / name).write_bytes(data)
    snippet = readme_snippet().replace("root /srv/hawkins;", f"root {root};")
    assert f"root {root};" in snippet
    port = free_port()
    temp = tmp_path / "temp"
    temp.mkdir()
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"""
        {"user root;" if os.geteuid() == 0 else ""}
        daemon off;
        worker_processes 1;
        pid {tmp_path}/nginx.pid;
        error_log {tmp_path}/error.log;
        events {{}}
        http {{
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            access_log off;
            client_body_temp_path {temp}; proxy_temp_path {temp};
            fastcgi_temp_path {temp}; uwsgi_temp_path {temp}; scgi_temp_path {temp};
            server {{
                listen 127.0.0.1:{port};
                {snippet}
            }}
        }}
        """
    )
    process = subprocess.Popen(
        [NGINX, "-c", str(config), "-p", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode())
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_images_are_served_with_a_sandbox(nginx):
    status, headers = get(f"{nginx}/media/uploads/a.png")
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert headers.get("Content-Disposition") is None


def test_a_page_named_png_is_still_an_image(nginx):
    status, headers = get(f"{nginx}/media/uploads/trick.png")
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", ["b.pdf", "c.docx"])
def test_documents_are_downloads(nginx, name):
    status, headers = get(f"{nginx}/media/uploads/{name}")
    assert status == 200
    assert headers["Content-Disposition"] == "attachment"
    assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name", ["page.html", "drawing.svg", "feed.xml", "quarantined.bin", "noextension"]
)
def test_other_kinds_are_never_served(nginx, name):
    status, _ = get(f"{nginx}/media/uploads/{name}")
    assert status == 404


def test_no_directory_listing(nginx):
    assert get(f"{nginx}/media/uploads/")[0] == 404


def test_the_deploy_config_uses_the_same_media_rules():
    """deploy/nginx-hawkins.conf serves /media/ with exactly the rules tested
    above, not a looser copy."""
    block = readme_snippet()
    block = block[block.index("location ^~ /media/ {") :]
    conf = (ROOT / "deploy" / "nginx-hawkins.conf").read_text()
    squash = lambda text: " ".join(text.split())  # noqa: E731
    assert squash(block) in squash(conf)
