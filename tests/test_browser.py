"""End to end in a real browser: Playwright drives Debian's Chromium against the app on
localhost, uploads a contract and downloads the XLSX.

Skipped, with the reason, when Chromium is absent (``apt-get install chromium``; CI installs
it) or the models cannot load. With ``ANALYZER_SCREENSHOTS=1`` and ../shared present,
``test_browser_screenshots`` also writes ``docs/screenshots/*.png`` from sample bids.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import openpyxl
import pytest

from factories import write_docx

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url():
    """Start the app on a free localhost port and stop it after the module."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install -y chromium); CI installs it")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    try:
        from analyzer.pipeline import Analyzer

        Analyzer.load()
    except Exception as error:  # noqa: BLE001 - say why the end-to-end test cannot run
        pytest.skip(f"the Analyzer cannot load ({type(error).__name__}: {error})")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the Streamlit server did not start within 60 s")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture
def page(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400,
                                                                       "height": 1000})
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.goto(app_url)
        page.get_by_text("Upload contracts").first.wait_for()
        yield page
        browser.close()


def _upload(page, paths: list[Path]) -> None:
    page.locator("input[type=file]").first.set_input_files([str(p) for p in paths])
    page.get_by_text("Analysed in this session").wait_for(timeout=240_000)


def _go(page, title: str, heading: str) -> None:
    page.get_by_role("link", name=title).first.click()
    page.get_by_role("heading", name=heading).first.wait_for()
    page.wait_for_load_state("networkidle")


def test_browser_upload_and_download_xlsx(page, tmp_path):
    contract = tmp_path / "vendor_sow.docx"
    write_docx(contract)
    _upload(page, [contract])
    assert page.get_by_text("vendor_sow.docx").first.is_visible()
    _go(page, "Export", "Export")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download").first.click()
    download = download_info.value
    assert download.suggested_filename == "vendor_sow.review.xlsx"
    target = tmp_path / download.suggested_filename
    download.save_as(str(target))
    book = openpyxl.load_workbook(io.BytesIO(target.read_bytes()))
    assert {"Flags", "Clauses", "Pricing", "KPIs", "Comparison"} <= set(book.sheetnames)


def _shot(page, path: Path) -> None:
    """Screenshot the page tall enough for its content, then trim the empty bottom."""
    from PIL import Image, ImageChops

    page.set_viewport_size({"width": 1400, "height": 4400})
    page.wait_for_timeout(2500)
    page.screenshot(path=str(path))
    image = Image.open(path).convert("RGB")
    main = image.crop((320, 0, image.width, image.height))
    box = ImageChops.difference(main, Image.new("RGB", main.size, (255, 255, 255))).getbbox()
    if box:
        image.crop((0, 0, image.width, min(image.height, box[3] + 40))).save(path)


@pytest.mark.corpus
@pytest.mark.skipif(os.environ.get("ANALYZER_SCREENSHOTS") != "1",
                    reason="set ANALYZER_SCREENSHOTS=1 to regenerate docs/screenshots")
def test_browser_screenshots(page, samples_dir):
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    bids = [samples_dir / n for n in ("04_bid_teleserve_per_call.pdf",
                                      "05_bid_clearline_per_productive_hour.docx",
                                      "06_bid_northgate_per_fte_month.pdf")]
    _upload(page, [*bids, samples_dir / "01_brightcart_meridian_msa_sow1.docx"])
    _shot(page, out / "1_upload.png")
    _go(page, "Review a contract", "Review a contract")
    _shot(page, out / "2_review.png")
    _go(page, "Compare bids", "Compare bids")
    page.get_by_role("button", name="Remove 01_brightcart_meridian_msa_sow1.docx").click()
    for label, value in (("Contacts per month", "46250"),
                         ("Average handle time (minutes)", "4.2")):
        field = page.get_by_label(label)
        field.fill(value)
        field.press("Enter")
        page.wait_for_timeout(1500)
    _shot(page, out / "3_compare.png")
    _go(page, "Export", "Export")
    _shot(page, out / "4_export.png")
