#!/usr/bin/env python3
"""End-to-end browser test of `suivi serve`, driven through headless Chromium's DevTools protocol.

Builds a register from the shipped corpus and committee, gives two seats a web account, puts review
periodique-2020 in consultation on the 2026 draft, starts the real server, then, in Chromium: logs in
as the OFII doctors' seat, comments on a clause, records a position, and checks both are on the page.

Usage: python3 Tests/Browser/browser_test.py [path/to/suivi]   (default .build/debug/suivi)
Environment: CI=true makes a missing Chromium or websocket-client a failure (outside CI: skipped).
SUIVI_CAPTURES=<folder> saves screenshots of the pages visited.
The server and the browser are killed at the end, whatever happens.
"""
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from scenario_webedit import scenario_webedit  # the script's folder is on sys.path
from scenario_portal import scenario_portal
from scenario_webux import scenario_webux

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IN_CI = os.environ.get("CI", "").lower() == "true"
AUTHOR = "CI suivi <ci@suivi.invalid>"
PASSWORD = "mot-de-passe-ofii-2026"
CHAIR_PASSWORD = "mot-de-passe-dgs-2026"
COMMENT = "Préciser « sans interruption » <b>durée</b> & délais"


def skip_or_fail(message):
    if IN_CI:
        print(f"ÉCHEC : {message} (CI=true : le test navigateur est obligatoire)")
        print("0 passed, 1 failed")
        sys.exit(1)
    print(f"Test navigateur ignoré : {message}")
    sys.exit(0)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(suivi, *args, stdin=None, env=None):
    result = subprocess.run([suivi, *args], input=stdin, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"suivi {' '.join(args)} : {result.stderr.strip()}")
    return result.stdout


class DevTools:
    """A minimal DevTools-protocol client over one page's websocket."""

    def __init__(self, url):
        import websocket  # noqa: imported here so a missing module is reported by skip_or_fail
        self.ws = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript : {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.evaluate(expression):
                    return
            except RuntimeError:
                pass  # the page is navigating
            time.sleep(0.1)
        raise AssertionError(f"délai dépassé en attendant : {what} (page : {self.evaluate('location.href')})")

    def goto(self, url):
        self.call("Page.navigate", url=url)
        self.wait_for(f"location.href.startsWith({json.dumps(url.split('#')[0])}) && document.readyState === 'complete'", url)

    def submit(self, form_selector, wait_path):
        """Submits a form the way a click on its button does, and waits for the page it leads to."""
        marker = f"window.__suivi_{int(time.time() * 1000)}"
        self.evaluate(f"{marker} = true; document.querySelector({json.dumps(form_selector)}).requestSubmit()")
        self.wait_for(f"typeof {marker} === 'undefined' && location.pathname === {json.dumps(wait_path)} "
                      "&& document.readyState === 'complete'", f"page {wait_path}")

    def screenshot(self, name):
        folder = os.environ.get("SUIVI_CAPTURES")
        if not folder:
            return
        os.makedirs(folder, exist_ok=True)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(os.path.join(folder, name + ".png"), "wb") as out:
            out.write(base64.b64decode(data))


def prepare_register(suivi, folder):
    register = os.path.join(folder, "registre")
    run(suivi, "init", register)
    run(suivi, "import", os.path.join(ROOT, "corpus"), "--repo", register, "--as", AUTHOR)
    run(suivi, "committee", "import", os.path.join(ROOT, "committee"), "--repo", register, "--auteur", AUTHOR)
    run(suivi, "committee", "set-password", "ofii-medecins", "--repo", register, "--auteur", "Médecin OFII <medecin@ofii.invalid>",
        stdin=PASSWORD + "\n")
    env = dict(os.environ, SUIVI_MOT_DE_PASSE=CHAIR_PASSWORD)
    run(suivi, "committee", "set-password", "dgs", "--repo", register, "--auteur", "Présidence DGS <presidence@sante.invalid>", env=env)
    chair = ["--as", "dgs", "--auteur", "Présidence DGS <presidence@sante.invalid>", "--repo", register]
    run(suivi, "review", "advance", "periodique-2020", "redaction", *chair)
    shutil.copy(os.path.join(ROOT, "corpus", "2026-projet", "AFSP1638149A.xml"),
                os.path.join(register, "brouillons", "periodique-2020", "AFSP1638149A.xml"))
    run(suivi, "draft", "commit", "periodique-2020", "-m", "Projet de révision 2026", "--repo", register, "--as", AUTHOR)
    run(suivi, "review", "advance", "periodique-2020", "consultation", *chair)
    return register


def start_server(suivi, register, port):
    server = subprocess.Popen([suivi, "serve", "--repo", register, "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    line = server.stdout.readline()
    if "Interface web" not in line:
        raise RuntimeError(f"le serveur n'a pas démarré : {line}{server.stdout.read() if server.poll() is not None else ''}")
    return server


def start_browser(chromium, profile):
    browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1280,1000",
                                "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 60
    while time.time() < deadline:
        if os.path.exists(port_file):
            with open(port_file) as f:
                lines = f.read().split("\n")
            if lines and lines[0].strip():
                port = int(lines[0])
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
                page = next(t for t in targets if t.get("type") == "page")
                return browser, page["webSocketDebuggerUrl"]
        if browser.poll() is not None:
            raise RuntimeError("Chromium s'est arrêté au démarrage")
        time.sleep(0.2)
    raise RuntimeError("Chromium n'a pas ouvert son port de débogage")


def stop(process):
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except Exception:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def scenario(tools, base):
    review = f"{base}/revisions/periodique-2020"
    # 1. The public text, then the login form.
    tools.goto(base + "/")
    tools.screenshot("texte")
    tools.goto(base + "/connexion")
    tools.screenshot("connexion")
    tools.evaluate(f"document.querySelector('#identifiant').value = 'ofii-medecins';"
                   f"document.querySelector('#mot_de_passe').value = {json.dumps(PASSWORD)}; true")
    tools.submit("form[action='/connexion']", "/revisions")
    assert "Connecté" in tools.evaluate("document.querySelector('.account').innerText"), "pas connecté"
    tools.screenshot("revisions")

    # 2. A comment on a changed clause, typed in the form beside it.
    tools.goto(review)
    tools.evaluate("document.querySelector('#ligne-art_3__para_4 details.comment-form summary').click(); true")
    assert tools.evaluate("document.querySelector('#ligne-art_3__para_4 details.comment-form').open"), "formulaire non ouvert"
    tools.evaluate(f"document.querySelector('#c-art_3__para_4').value = {json.dumps(COMMENT)}; true")
    tools.submit("#ligne-art_3__para_4 form", "/revisions/periodique-2020")
    row = tools.evaluate("document.querySelector('#ligne-art_3__para_4 aside').innerText")
    assert COMMENT in row, f"commentaire absent de la ligne de l'élément : {row!r}"
    assert tools.evaluate("document.querySelector('#ligne-art_3__para_4 aside b') === null"), "balise du commentaire interprétée"
    assert "Commentaire enregistré." in tools.evaluate("document.querySelector('.notice').innerText")

    # 3. The seat's position, with its reason.
    tools.evaluate("document.querySelector('#avis-reserves').click();"
                   "document.querySelector('#motif').value = 'Sous réserve des délais de transmission.'; true")
    tools.submit("#form-position", "/revisions/periodique-2020")
    mine = tools.evaluate("document.querySelector('tr.mine') && document.querySelector('tr.mine').innerText")
    assert mine and "favorable avec réserves" in mine and "Sous réserve des délais" in mine, f"position absente : {mine!r}"
    tools.evaluate("window.scrollTo(0, 0); true")
    tools.screenshot("revision-haut")
    tools.evaluate("document.querySelector('#ligne-art_3__para_4').scrollIntoView(); true")
    tools.screenshot("revision-commentaire")

    # 4. The other seat does not see the chair's actions; the chair does, after logging in.
    assert tools.evaluate("document.querySelector('#h-presidence') === null"), "actions de la présidence visibles"
    tools.submit("form[action='/deconnexion']", "/")
    tools.goto(base + "/connexion")
    tools.evaluate(f"document.querySelector('#identifiant').value = 'dgs';"
                   f"document.querySelector('#mot_de_passe').value = {json.dumps(CHAIR_PASSWORD)}; true")
    tools.submit("form[action='/connexion']", "/revisions")
    tools.goto(review)
    assert tools.evaluate("document.querySelector('input[name=vers][value=adoptee]') !== null"), "pas de formulaire d'adoption"
    tools.evaluate("document.querySelector('#h-presidence').scrollIntoView(); true")
    tools.screenshot("revision-presidence")

    # 5. The comparison page and the bulletin.
    tools.goto(base + "/diff")
    tools.screenshot("comparaison")
    tools.goto(base + "/bulletin")
    assert "Pourquoi ce changement" in tools.evaluate("document.querySelector('main').innerText"), "bulletin vide"
    tools.screenshot("bulletin")


def main():
    suivi = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "suivi"))
    chromium = find_chromium()
    if chromium is None:
        skip_or_fail("Chromium introuvable (apt-get install chromium)")
    try:
        import websocket  # noqa: F401
    except ImportError:
        skip_or_fail("module Python websocket-client absent (pip install websocket-client)")
    if not os.path.exists(suivi):
        skip_or_fail(f"binaire {suivi} absent : lancez swift build")

    folder = tempfile.mkdtemp(prefix="suivi-navigateur-")
    server = browser = None
    try:
        register = prepare_register(suivi, folder)
        port = free_port()
        server = start_server(suivi, register, port)
        browser, url = start_browser(chromium, os.path.join(folder, "profil"))
        tools = DevTools(url)
        tools.call("Page.enable")
        scenario(tools, f"http://127.0.0.1:{port}")
        scenario_portal(tools, f"http://127.0.0.1:{port}", suivi, register)
        # webux needs the review in consultation (the notice, the adoption confirmation page); webedit brings it back
        # to drafting, so it comes last.
        scenario_webux(tools, f"http://127.0.0.1:{port}", PASSWORD, CHAIR_PASSWORD)
        scenario_webedit(tools, f"http://127.0.0.1:{port}", CHAIR_PASSWORD)
        print("Test navigateur : connexion, commentaire et position vérifiés dans Chromium.")
        print("1 passed, 0 failed")
        return 0
    except Exception as error:  # report, then clean up below
        print(f"ÉCHEC du test navigateur : {error}")
        print("0 passed, 1 failed")
        return 1
    finally:
        stop(browser)
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
