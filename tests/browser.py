"""Headless Chromium for the HTML tests: one start renders a page three ways (a screenshot, an
A4 PDF and the DOM after a measuring script ran), with every network request sent to a local
trap that counts them.

CI installs Debian's `chromium` and sets CC_CAREER_REQUIRE_BROWSER=1, so that a missing
browser fails the run there instead of skipping its tests.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

REQUIRE_ENV = "CC_CAREER_REQUIRE_BROWSER"
A4_POINTS = (595.28, 841.89)
# A4 less the page's side margins (14 mm each), in CSS pixels: the width the print layout has.
A4_CONTENT_PX = round((210 - 28) / 25.4 * 96)
PHONE_PX = 500  # Chromium's narrowest headless window; the phone layout applies below 600 px

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
         "--metrics-recording-only", "--mute-audio", "--disable-client-side-phishing-detection",
         "--disable-domain-reliability", "--disable-breakpad", "--no-service-autorun",
         "--password-store=basic",
         "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,"
         "AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions")

# Run inside the page (a test copy only: the real page has no script and forbids one). It
# lists elements that stick out of the page's width and every resource the page loaded.
PROBE = """<script>
(function () {
  var width = document.documentElement.clientWidth, wide = [];
  document.querySelectorAll("body *").forEach(function (el) {
    var box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
      wide.push(el.tagName.toLowerCase() + "." + (el.getAttribute("class") || "") + " " +
                Math.round(box.left) + ".." + Math.round(box.right));
    }
  });
  var out = document.createElement("pre");
  out.id = "cc-probe";
  out.hidden = true;
  out.textContent = JSON.stringify({
    width: width, scroll_width: document.documentElement.scrollWidth, wide: wide.slice(0, 20),
    resources: performance.getEntriesByType("resource").map(function (r) { return r.name; }),
    text: document.body.innerText.length
  });
  document.body.appendChild(out);
})();
</script>"""
# Hosts Debian's Chromium calls by itself on start, named exactly: a page's own request to any
# other host (fonts.googleapis.com included) is caught.
BROWSER_OWN = frozenset({"update.googleapis.com", "accounts.google.com", "clients2.google.com",
                         "clients1.google.com", "redirector.gvt1.com", "edgedl.me.gvt1.com",
                         "safebrowsing.googleapis.com", "optimizationguide-pa.googleapis.com"})
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


def chromium_or_skip() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get(REQUIRE_ENV):
        pytest.fail(f"{REQUIRE_ENV} is set but no chromium is installed (apt-get install chromium)")
    pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium fonts-noto-cjk)")


@dataclass
class Rendered:
    png: Path
    pdf: Path
    probe: dict
    requests: list[str]  # request lines that reached the network trap

    @property
    def page_requests(self) -> list[str]:
        """The trap's requests less Chromium's own housekeeping (its component updater and
        account check, which Debian's build makes whatever the flags): what the page asked for."""
        return [line for line in self.requests if _host(line) not in BROWSER_OWN]

    @property
    def pages(self) -> list[tuple[float, float]]:
        """The PDF's page sizes in points (Chromium writes plain page objects)."""
        data = self.pdf.read_bytes()
        boxes = re.findall(rb"/Type\s*/Page\b(?:(?!endobj).)*?/MediaBox\s*\[([^\]]*)\]", data, re.S)
        if len(boxes) != len(re.findall(rb"/Type\s*/Page\b", data)):
            boxes = re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)
        sizes = []
        for box in boxes:
            x0, y0, x1, y1 = (float(v) for v in box.split())
            sizes.append((x1 - x0, y1 - y0))
        return sizes


class NetworkTrap:
    """A local listener given to Chromium as its proxy: any request the page makes for an
    http(s) address lands here and is counted (and answered with nothing)."""

    def __init__(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.requests: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            client.settimeout(1)
            try:
                first = client.recv(512).split(b"\r\n", 1)[0].decode("latin-1")
            except OSError:
                first = ""
            self.requests.append(first)
            client.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.server.close()


def render(browser: str, page: Path, work: Path, *, width: int = A4_CONTENT_PX, height: int = 1100,
           timeout: float = 60) -> Rendered:
    """Screenshot, PDF and probe of `page` (a copy with the probe script goes to `work`)."""
    source = page.read_text("utf-8")
    assert "<script" not in source, "the page itself must not need (or hold) a script"
    probed = work / f"{page.stem}.probe.html"
    probed.write_text(_CSP.sub("", source).replace("</body>", PROBE + "\n</body>"), "utf-8")
    png, pdf = work / f"{page.stem}.{width}.png", work / f"{page.stem}.pdf"
    trap = NetworkTrap()
    try:
        with tempfile.TemporaryDirectory(prefix="cc-chromium-") as profile:
            run = subprocess.run(
                [browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                 f"--proxy-server=http://127.0.0.1:{trap.port}", "--proxy-bypass-list=<-loopback>",
                 f"--screenshot={png}", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", "--dump-dom",
                 probed.as_uri()],
                capture_output=True, text=True, timeout=timeout, check=False,
                env={**os.environ, "HOME": profile},
            )
    finally:
        trap.close()
    found = re.search(r'<pre id="cc-probe" hidden="">(.*?)</pre>', run.stdout, re.S)
    assert found, f"chromium did not render {page.name}: {run.returncode} {run.stderr[-2000:]}"
    return Rendered(png, pdf, json.loads(html.unescape(found.group(1))), trap.requests)


def ink(png: Path) -> float:
    """The share of the screenshot's pixels that are not (near) white."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    return sum(histogram[:240]) / max(1, sum(histogram))


def _host(request_line: str) -> str:
    """`CONNECT host:443 HTTP/1.1` or `GET http://host/path HTTP/1.1` → host."""
    parts = request_line.split()
    if len(parts) < 2:
        return ""
    target = parts[1].split("://", 1)[-1]
    return target.split("/", 1)[0].rsplit(":", 1)[0].lower()
