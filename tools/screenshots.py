"""Take the README's and the Apps page's screenshots from a running demo server.

Run by tools/screenshots.sh (`make screenshots`), which prepares the demo database. This
script starts Odoo on that database on a free port, logs in as admin, drives Debian's
headless Chromium through the DevTools protocol (websocket-client) and saves one PNG per
entry of SHOTS under client_hub/static/description/. Odoo and Chromium are stopped at
the end, whatever happens.

To add a screenshot, append an entry to SHOTS: a file name and a list of steps, each a
tuple whose first item is one of:
    ("goto", "/odoo/clients")             open a URL of the server
    ("goto_record", "/odoo/clients", "client_hub.client_lusitania")
                                          open the record of an XML id under that path
    ("wait", "css selector")              wait until an element matches
    ("click", "css selector")             click the first match (waits for it first)
    ("click_text", "css selector", "txt") click the first match containing the text
    ("upload", "css selector", "file")    put a file of tools/screenshots/ in an input
    ("shot",)                             save the PNG (every entry ends with one)
"""

import argparse
import base64
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import requests
import websocket

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "client_hub" / "static" / "description"
FILES_DIR = ROOT / "tools" / "screenshots"
WIDTH, HEIGHT = 1440, 900
TIMEOUT = 60

# An action is on screen and idle: no RPC running, no spinner.
IDLE_JS = (
    "!!document.querySelector('.o_action_manager > *')"
    " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
)

SHOTS = [
    (
        "clients_list.png",
        [
            ("goto", "/odoo/clients"),
            ("wait", ".o_list_view .o_data_row"),
            ("shot",),
        ],
    ),
    (
        # The overview of the demo client with the most activity: non-zero figures.
        "client_profile.png",
        [
            ("goto_record", "/odoo/clients", "client_hub.client_lusitania"),
            ("wait", ".o_form_view .o_notebook a.nav-link.active[name=overview]"),
            ("wait", ".o_form_view .o_client_hub_panel .o_field_widget[name=vat]"),
            ("shot",),
        ],
    ),
    (
        "client_profile_tab.png",
        [
            ("goto_record", "/odoo/clients", "client_hub.client_lusitania"),
            ("click", ".o_form_view .o_notebook a.nav-link[name=orders_invoices]"),
            ("wait", ".tab-pane.active [name=client_invoice_ids] .o_data_row"),
            ("shot",),
        ],
    ),
    (
        # Contact data: Odoo's partner form, its own tabs included, on the Sales &
        # Purchase tab (payment terms, fiscal position, reference...).
        "client_profile_contact_data.png",
        [
            ("goto_record", "/odoo/clients", "client_hub.client_lusitania"),
            ("click", ".o_form_view .o_notebook a.nav-link[name=contact_data]"),
            ("click", ".o_form_view .o_notebook a.nav-link[name=sales_purchases]"),
            ("wait", ".tab-pane.active [name=property_payment_term_id]"),
            ("shot",),
        ],
    ),
    (
        # Import from the list's ⋯ (cog) menu, with a row whose tax ID is invalid.
        "clients_import_error.png",
        [
            ("goto", "/odoo/clients"),
            ("click", ".o_control_panel .o_cp_action_menus button.dropdown-toggle"),
            ("click_text", ".o-dropdown--menu .o-dropdown-item", "Import records"),
            ("wait", ".o_import_action"),
            ("upload", ".o_control_panel input[type=file]", "clients_import_bad.csv"),
            ("wait", ".o_import_data_content table"),
            ("click_text", ".o_control_panel button", "Test"),
            ("wait", ".o_import_data_content .alert-danger"),
            ("shot",),
        ],
    ),
    (
        # Invoicing > Customers > Clients: the aging, sorted by overdue amount.
        "clients_portfolio.png",
        [
            ("goto", "/odoo/invoicing-clients"),
            ("wait", ".o_list_view .o_data_row"),
            ("click", ".o_list_view th[data-name=client_invoice_overdue_amount]"),
            ("wait", "th[data-name=client_invoice_overdue_amount] .fa-angle-up"),
            ("click", ".o_list_view th[data-name=client_invoice_overdue_amount]"),
            ("wait", "th[data-name=client_invoice_overdue_amount] .fa-angle-down"),
            ("shot",),
        ],
    ),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def spawn(cmd):
    """Start a background process whose output is not ours to read."""
    quiet = subprocess.DEVNULL
    return subprocess.Popen(cmd, stdin=quiet, stdout=quiet, stderr=quiet)


def stop(proc, seconds):
    """Stop ``proc`` if it still runs: terminate, then kill after ``seconds``."""
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(seconds)
        except subprocess.TimeoutExpired:
            proc.kill()


def log(message):
    print(f"==> {message}", file=sys.stderr, flush=True)


class Odoo:
    """An Odoo server on the demo database, for as long as the `with` block lasts."""

    def __init__(self, args):
        self.args = args
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.session = requests.Session()

    def __enter__(self):
        a = self.args
        cmd = [
            sys.executable, f"{a.odoo_src}/odoo-bin", "-c", a.config, "-d", a.database,
            f"--db-filter=^{a.database}$", f"--http-port={self.port}",
            "--http-interface=127.0.0.1", "--max-cron-threads=0", "--workers=0",
            f"--logfile={a.logfile}",
        ]  # fmt: skip
        log(f"Starting Odoo on {self.url} (log: {a.logfile})")
        self.proc = spawn(cmd)
        try:
            self._wait_ready()
            self.rpc(
                "/web/session/authenticate",
                db=a.database, login=a.login, password=a.password,
            )  # fmt: skip
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_ready(self):
        deadline = time.time() + 180
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(
                    f"Odoo exited with {self.proc.returncode}: see {self.args.logfile}"
                )
            try:
                if requests.get(f"{self.url}/web/health", timeout=10).ok:
                    return
            except requests.RequestException:
                pass  # not listening yet, or still busy loading the registry
            time.sleep(1)
        raise SystemExit(f"Odoo did not answer on {self.url} within 180 s")

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            log(f"Stopping Odoo (pid {self.proc.pid})")
        stop(self.proc, 30)

    def rpc(self, route, **params):
        response = self.session.post(
            self.url + route,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            raise SystemExit(f"{route}: {body['error']['data']['message']}")
        return body["result"]

    def xmlid_to_res_id(self, xmlid):
        module, name = xmlid.split(".")
        rows = self.rpc(
            "/web/dataset/call_kw",
            model="ir.model.data", method="search_read", args=[],
            kwargs={"domain": [("module", "=", module), ("name", "=", name)],
                    "fields": ["res_id"]},
        )  # fmt: skip
        if not rows:
            raise SystemExit(f"No record {xmlid} in the demo database")
        return rows[0]["res_id"]


class Chromium:
    """Headless Chromium driven through the DevTools protocol, one tab."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="client_hub_shots_")
        self.proc = None
        self.ws = None
        self.next_id = 0

    def __enter__(self):
        names = ["chromium", "chromium-browser", "google-chrome"]
        executable = next(filter(None, map(shutil.which, names)), None)
        if not executable:
            raise SystemExit(
                "No chromium on PATH: run `make setup` (tools/setup.sh --browser)"
            )
        cmd = [
            executable, "--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-extensions", "--no-first-run",
            "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
            f"--window-size={WIDTH},{HEIGHT}", "--remote-debugging-port=0",
            f"--user-data-dir={self.profile}", "about:blank",
        ]  # fmt: skip
        self.proc = spawn(cmd)
        try:
            self._connect()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _connect(self):
        port_file = pathlib.Path(self.profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not (port_file.exists() and port_file.stat().st_size > 5):
            if time.time() > deadline or self.proc.poll() is not None:
                raise SystemExit("Chromium did not start its DevTools endpoint")
            time.sleep(0.2)
        port = int(port_file.read_text().split()[0])
        pages = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=10).json()
        page = next(p for p in pages if p["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=TIMEOUT
        )
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH, height=HEIGHT, deviceScaleFactor=1, mobile=False,
        )  # fmt: skip

    def __exit__(self, *exc):
        if self.ws:
            self.ws.close()
        stop(self.proc, 10)
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate",
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_js(self, expression, what):
        deadline = time.time() + TIMEOUT
        while not self.evaluate(expression):
            if time.time() > deadline:
                raise RuntimeError(f"Timed out waiting for {what}")
            time.sleep(0.25)

    def wait(self, selector):
        self.wait_js(f"!!document.querySelector({json.dumps(selector)})", selector)

    def find_js(self, selector, text=None):
        if text is None:
            return f"document.querySelector({json.dumps(selector)})"
        return (
            f"[...document.querySelectorAll({json.dumps(selector)})]"
            f".find((el) => el.textContent.includes({json.dumps(text)}))"
        )

    def settle(self):
        """Wait for the web client to be idle, then for fonts and a last repaint."""
        self.wait_js(IDLE_JS, "the web client to be idle")
        self.evaluate("document.fonts.ready.then(() => true)")
        time.sleep(0.8)


def take(browser, odoo, name, steps):
    for step in steps:
        kind, *args = step
        if kind == "goto":
            browser.send("Page.navigate", url=odoo.url + args[0])
        elif kind == "goto_record":
            res_id = odoo.xmlid_to_res_id(args[1])
            browser.send("Page.navigate", url=f"{odoo.url}{args[0]}/{res_id}")
        elif kind == "wait":
            browser.wait(args[0])
        elif kind in ("click", "click_text"):
            browser.settle()
            find = browser.find_js(*args)
            browser.wait_js(f"!!{find}", " ".join(args))
            browser.evaluate(f"{find}.click(), true")
        elif kind == "upload":
            path = FILES_DIR / args[1]
            browser.wait(args[0])
            node = browser.send("Runtime.evaluate", expression=browser.find_js(args[0]))
            browser.send(
                "DOM.setFileInputFiles",
                files=[str(path)],
                objectId=node["result"]["objectId"],
            )
        elif kind == "shot":
            browser.settle()
            data = browser.send("Page.captureScreenshot", format="png")["data"]
            (OUT_DIR / name).write_bytes(base64.b64decode(data))
            log(f"Saved {(OUT_DIR / name).relative_to(ROOT)}")
        else:
            raise ValueError(f"Unknown step {step!r}")
        if kind in ("goto", "goto_record"):
            browser.settle()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="the Odoo configuration file")
    parser.add_argument("--database", required=True, help="the demo database")
    parser.add_argument(
        "--odoo-src", default=os.environ.get("ODOO_SRC", "/opt/odoo-src/18.0")
    )
    parser.add_argument("--logfile", default=str(ROOT / "var" / "screenshots-odoo.log"))
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument(
        "only", nargs="*", help="file names of SHOTS to take (default: all)"
    )
    args = parser.parse_args()
    shots = [shot for shot in SHOTS if not args.only or shot[0] in args.only]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    failed = []
    with Odoo(args) as odoo, Chromium() as browser:
        cookie = odoo.session.cookies.get("session_id")
        browser.send("Network.setCookie", name="session_id", value=cookie, url=odoo.url)
        for name, steps in shots:
            try:
                take(browser, odoo, name, steps)
            except RuntimeError as error:
                # What the browser showed, to see why: kept out of the addon.
                debug = ROOT / "var" / f"failed-{name}"
                data = browser.send("Page.captureScreenshot", format="png")["data"]
                debug.write_bytes(base64.b64decode(data))
                log(f"FAILED {name}: {error} (screen: {debug.relative_to(ROOT)})")
                failed.append(name)
    if failed:
        raise SystemExit(f"Screenshots not taken: {', '.join(failed)}")


if __name__ == "__main__":
    main()
