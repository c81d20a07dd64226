"""What the browser suite needs besides fixtures: how Chromium is started, a
watcher that notes everything a page does wrong, and the two outside checkers
(axe-core in the page, the Nu HTML Checker on the served markup)."""

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
ARTIFACTS = ROOT / "test-artifacts"

# Debian's Chromium: `playwright install` cannot download a browser here.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Filled by the page-weight test; conftest prints it at the end of the run.
PAGE_WEIGHTS = []
# axe's "needs review" results (it could not decide, e.g. contrast over an
# image): not failures, but printed at the end of the run for a person to check.
AXE_NEEDS_REVIEW = {}

# Runs in every frame before the page's own scripts. It only listens: each
# Content-Security-Policy violation is passed to the test (a CDP binding, which
# no page policy can block). Until the site sends a policy there are none.
CSP_LISTENER = """
window.addEventListener("securitypolicyviolation", (event) => {
  window.__e2eCspViolation({
    page: location.href,
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
}, true);
"""


def require(path, how):
    """Fail with the way to fix it when a tool the suite needs is missing."""
    if not Path(path).exists():
        raise RuntimeError(f"{path} is missing: {how}")


@dataclass
class Watch:
    """Everything one browser context did that a reader must never meet."""

    origin: str
    context: object = None
    requests: list = field(default_factory=list)
    failed_responses: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    csp_violations: list = field(default_factory=list)
    pages_without_csp: list = field(default_factory=list)

    def attach(self, context):
        self.context = context
        context.expose_binding(
            "__e2eCspViolation", lambda _source, info: self.csp_violations.append(info)
        )
        context.add_init_script(CSP_LISTENER)
        context.on("request", self._request)
        context.on("response", self._response)
        context.on("page", self._page)
        for page in context.pages:
            self._page(page)

    def _page(self, page):
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _request(self, request):
        self.requests.append(request)

    def _response(self, response):
        if response.status >= 400:
            self.failed_responses.append(f"{response.status} {response.url}")
        # "No CSP violation" proves nothing about a page served without a policy.
        if (
            response.request.resource_type == "document"
            and _origin(response.url) == self.origin
            and "content-security-policy" not in response.headers
        ):
            self.pages_without_csp.append(response.url)

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def flush(self):
        """Let every event the pages have sent reach us: the answer to a call
        comes after the events sent before it."""
        for page in self.context.pages:
            if not page.is_closed():
                page.evaluate("0")

    def third_party(self):
        """Requests that left our own origin (data: and blob: stay in the page)."""
        return [
            request.url
            for request in self.requests
            if urlsplit(request.url).scheme not in {"data", "blob", "about"}
            and _origin(request.url) != self.origin
        ]

    def assert_clean(self, *, allowed_failures=()):
        """No script error, dialog, policy violation, third-party request, or
        failed response ("404 http://…") other than those the patterns match."""
        self.flush()
        failed = [
            line
            for line in self.failed_responses
            if not any(re.search(allowed, line) for allowed in allowed_failures)
        ]
        problems = {
            "page errors": self.page_errors,
            "dialogs": self.dialogs,
            "CSP violations": self.csp_violations,
            "pages without a Content-Security-Policy": self.pages_without_csp,
            "third-party requests": self.third_party(),
            "failed responses": failed,
        }
        assert not any(problems.values()), {k: v for k, v in problems.items() if v}


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _luminance(rgb):
    def channel(value):
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(css):
    """(r, g, b) of a computed CSS colour "rgb(…)" or "rgba(…)", alpha ignored."""
    numbers = re.findall(r"[\d.]+", css)
    if not css.startswith("rgb") or len(numbers) < 3:
        raise ValueError(f"not a computed rgb() colour: {css!r}")
    return tuple(float(n) for n in numbers[:3])


def contrast(colour, background):
    """WCAG contrast ratio of two computed CSS colours."""
    light, dark = sorted(
        (_luminance(_rgb(colour)), _luminance(_rgb(background))), reverse=True
    )
    return (light + 0.05) / (dark + 0.05)


def run_axe(page, name=None):
    """axe-core's WCAG 2.1 A and AA violations on the current page, as
    'rule: help (selectors)' lines. axe is injected by CDP, not as a <script>,
    so it works under any Content-Security-Policy and adds no request. What axe
    could not decide is kept in AXE_NEEDS_REVIEW under `name`."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations", "incomplete"],
            });
            const lines = (list) => list.map((v) => {
                const where = v.nodes.map((n) => n.target.join(" ")).join(", ");
                return `${v.id}: ${v.help} (${where})`;
            });
            return {violations: lines(result.violations),
                    incomplete: lines(result.incomplete)};
        }""",
        WCAG_21_AA,
    )
    if name and result["incomplete"]:
        AXE_NEEDS_REVIEW[name] = result["incomplete"]
    return result["violations"]


def validate_html(files):
    """Nu HTML Checker messages for the given files, in one Java run:
    {file name: [message, ...]} for errors, plus warnings kept apart."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("java is missing: apt-get install -y default-jre-headless")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError) as error:
        raise RuntimeError(
            f"vnu gave no JSON report (exit {result.returncode}): {result.stderr}"
        ) from error
    errors, warnings = {}, {}
    for message in messages:
        name = Path(urlsplit(message.get("url", "")).path).name or "?"
        line = f"line {message.get('lastLine', '?')}: {message['message']}"
        if "extract" in message:
            line += f" [{message['extract'].strip()}]"
        is_warning = message["type"] == "info" and message.get("subType") == "warning"
        if message["type"] == "info" and not is_warning:
            continue
        (warnings if is_warning else errors).setdefault(name, []).append(line)
    return errors, warnings
