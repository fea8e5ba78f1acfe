"""Issue 20 in a real Chromium: accessibility (axe-core), keyboard-only use of the member forms, tables that fit at
390 px, the notice on texts not in force, the chair's confirmation page, and screenshots of every page kind.

Called by browser_test.py once its own scenario has run (the chair is logged in, review periodique-2020 is in
consultation). For each page kind, at 1280 and at 390 px wide:
- axe-core 4.12 (the `axe.min.js` that the PyPI package axe-playwright-python ships) is injected through the
  DevTools protocol and run on the WCAG 2.1 A/AA rules (those of the RGAA); any serious or critical violation fails
  the test, and a summary line per page is printed;
- the page must not be wider than the window (no horizontal scroll of the page: tables scroll inside their region);
- a screenshot is written to $SUIVI_CAPTURES (default: a new temporary folder, printed).
Then, with the keyboard only (DevTools key events, no click, no script setting values): log in, open the comment
form of a clause, type a comment and send it; choose an opinion with the arrow keys, type its reason and send it.
"""
import base64
import glob
import json
import os
import sys
import tempfile
import time

WIDTHS = (1280, 390)
BLOCKING = ("serious", "critical")
KEYBOARD_COMMENT = "Commentaire saisi au clavier : préciser le délai."
KEYBOARD_REASON = "Position saisie au clavier : délai trop court."


def axe_source():
    """The axe-core script shipped by axe-playwright-python (never the 2016 copy of axe-selenium-python)."""
    candidates = []
    try:
        import axe_playwright_python
        candidates.append(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"))
    except ImportError:
        pass
    for folder in sys.path:
        candidates += glob.glob(os.path.join(folder, "axe_playwright_python", "axe.min.js"))
    for path in candidates:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                source = f.read()
            if "axe v4." not in source[:200]:
                raise AssertionError(f"{path} n'est pas axe-core 4 : {source[:60]!r}")
            return source
    raise AssertionError("axe.min.js introuvable : python3 -m pip install axe-playwright-python")


def set_width(tools, width):
    # Not « mobile »: a mobile viewport zooms out to show a page wider than the screen, which would hide the overflow.
    tools.call("Emulation.setDeviceMetricsOverride", width=width, height=900 if width > 500 else 844,
               deviceScaleFactor=1, mobile=False)


def capture(tools, folder, name):
    metrics = tools.call("Page.getLayoutMetrics")
    size = metrics.get("cssContentSize") or metrics.get("contentSize")
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 4000), "scale": 1}
    data = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)["data"]
    with open(os.path.join(folder, name + ".png"), "wb") as out:
        out.write(base64.b64decode(data))


def run_axe(tools, source):
    if not tools.evaluate("typeof window.axe !== 'undefined'"):
        tools.evaluate(source + "\n;true")
    return tools.evaluate("""axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
        resultTypes: ['violations']}).then(r => ({
            passes: r.passes.length, incomplete: r.incomplete.length,
            violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')), count: v.nodes.length}))}))""")


def check_page(tools, source, folder, name, summary):
    """axe, width and screenshot of the page open in the browser, at each width."""
    failures = []
    for width in WIDTHS:
        set_width(tools, width)
        tools.evaluate("window.scrollTo(0, 0); true")
        time.sleep(0.15)
        overflow = tools.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide = tools.evaluate("""Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right
                > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll')).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')""")
            failures.append(f"{name} à {width} px : la page déborde de {overflow} px ({wide})")
        result = run_axe(tools, source)
        impacts = {}
        for violation in result["violations"]:
            impacts[violation["impact"]] = impacts.get(violation["impact"], 0) + 1
            if violation["impact"] in BLOCKING:
                failures.append(f"{name} à {width} px : {violation['impact']} {violation['id']} ({violation['help']}) "
                                f"sur {violation['count']} élément(s), par exemple {violation['nodes']}")
        detail = ", ".join(f"{impacts[k]} {k}" for k in ("critical", "serious", "moderate", "minor") if k in impacts) or "aucune"
        line = f"axe {name} {width}px : {len(result['violations'])} règle(s) en échec ({detail}), {result['passes']} règles respectées"
        print(line)
        summary.append(line)
        capture(tools, folder, f"{name}-{width}")
    set_width(tools, 1280)
    return failures


def key(tools, name, code, key_code, text=None, modifiers=0, commands=None):
    params = {"key": name, "code": code, "windowsVirtualKeyCode": key_code, "nativeVirtualKeyCode": key_code,
              "modifiers": modifiers}
    if text is not None:
        tools.call("Input.dispatchKeyEvent", type="keyDown", text=text, unmodifiedText=text, **params)
    else:
        # Editing shortcuts (Ctrl+A) are carried out by the browser only when their command is named.
        tools.call("Input.dispatchKeyEvent", type="rawKeyDown", **params, **({"commands": commands} if commands else {}))
    tools.call("Input.dispatchKeyEvent", type="keyUp", **params)


def tab(tools):
    key(tools, "Tab", "Tab", 9)


def enter(tools):
    key(tools, "Enter", "Enter", 13, text="\r")


def type_text(tools, text):
    for char in text:
        tools.call("Input.dispatchKeyEvent", type="keyDown", text=char, unmodifiedText=char, key=char)
        tools.call("Input.dispatchKeyEvent", type="keyUp", key=char)


def tab_to(tools, condition, what, limit=600):
    """Presses Tab until `condition` (JavaScript on `document.activeElement`, as `e`) holds."""
    for _ in range(limit):
        tab(tools)
        if tools.evaluate(f"(e => !!e && ({condition}))(document.activeElement)"):
            return
    raise AssertionError(f"clavier : {what} jamais atteint en {limit} tabulations")


def enter_and_wait(tools, path):
    marker = f"window.__suivi_clavier_{int(time.time() * 1000)}"
    tools.evaluate(f"{marker} = true")
    enter(tools)
    tools.wait_for(f"typeof {marker} === 'undefined' && location.pathname === {json.dumps(path)} "
                   "&& document.readyState === 'complete'", f"page {path} après Entrée")


def keyboard_forms(tools, base, password):
    """Log in, comment and record a position with the keyboard alone."""
    review_path = "/revisions/periodique-2020"
    tools.goto(base + "/connexion")
    tab_to(tools, "e.id === 'identifiant'", "le champ Identifiant")
    type_text(tools, "ofii-medecins")
    tab(tools)
    assert tools.evaluate("document.activeElement.id") == "mot_de_passe", "Tab ne mène pas au mot de passe"
    type_text(tools, password)
    enter_and_wait(tools, "/revisions")
    tools.goto(base + review_path)
    # The comment form of the 2nd alinéa of Annexe II, A (a clause of the draft, beside its diff).
    row = "#ligne-art_6-1"
    if not tools.evaluate(f"document.querySelector('{row} details.comment-form summary') !== null"):
        row = tools.evaluate("'#' + document.querySelector('.clause-row details.comment-form').closest('.clause-row').id")
    tab_to(tools, f"e.matches('{row} details.comment-form summary')", f"le bouton « Commenter » de {row}")
    enter(tools)
    assert tools.evaluate(f"document.querySelector('{row} details.comment-form').open"), "Entrée n'ouvre pas le formulaire"
    tab(tools)
    assert tools.evaluate("document.activeElement.tagName") == "TEXTAREA", "Tab ne mène pas au champ du commentaire"
    type_text(tools, KEYBOARD_COMMENT)
    tab(tools)
    assert tools.evaluate("document.activeElement.tagName") == "BUTTON", "Tab ne mène pas au bouton Commenter"
    enter_and_wait(tools, review_path)
    assert KEYBOARD_COMMENT in tools.evaluate(f"document.querySelector('{row} aside').innerText"), "commentaire au clavier absent"
    # The position: into the radio group, arrows to « défavorable » (the seat's position so far is another one),
    # then the reason, then the button.
    tab_to(tools, "e.name === 'avis'", "le choix de l'avis")
    for _ in range(6):
        if tools.evaluate("document.activeElement.value") == "defavorable":
            break
        key(tools, "ArrowDown", "ArrowDown", 40)
    assert tools.evaluate("document.querySelector('#avis-defavorable').checked"), "les flèches ne choisissent pas l'avis"
    tab_to(tools, "e.id === 'motif'", "le champ Motif", limit=10)
    key(tools, "a", "KeyA", 65, modifiers=2, commands=["selectAll"])  # Ctrl+A: select the former reason, then type over it
    tools.wait_for("document.activeElement.selectionEnd - document.activeElement.selectionStart === document.activeElement.value.length",
                   "la sélection du motif par Ctrl+A")
    type_text(tools, KEYBOARD_REASON)
    tab_to(tools, "e.tagName === 'BUTTON' && e.closest('#form-position')", "le bouton de la position", limit=5)
    enter_and_wait(tools, review_path)
    mine = tools.evaluate("document.querySelector('tr.mine') && document.querySelector('tr.mine').innerText") or ""
    assert "défavorable" in mine and KEYBOARD_REASON in mine, f"position au clavier absente : {mine!r}"
    print("Clavier : connexion, commentaire et position saisis et envoyés sans souris.")


def scenario_webux(tools, base, member_password, chair_password):
    source = axe_source()
    folder = os.environ.get("SUIVI_CAPTURES") or tempfile.mkdtemp(prefix="suivi-captures-")
    os.makedirs(folder, exist_ok=True)
    failures, summary = [], []
    review = base + "/revisions/periodique-2020"

    def page(name, url):
        tools.goto(url)
        failures.extend(check_page(tools, source, folder, name, summary))

    # Public pages (the chair is logged in: the layout shows the account; the contents are the public ones).
    page("texte-en-vigueur", base + "/")
    assert "Projet soumis à la consultation du comité — non en vigueur" not in tools.evaluate("document.body.innerText")
    page("projet", base + "/texte?version=draft%2Fperiodique-2020")
    top = tools.evaluate("document.querySelector('main').innerText.slice(0, 300)")
    assert "Projet soumis à la consultation du comité — non en vigueur" in top, f"bandeau absent en tête du projet : {top!r}"
    page("versions", base + "/versions")
    page("historique", base + "/historique/art_3__para_2")
    page("comparaison", base + "/diff")
    assert "non en vigueur" in tools.evaluate("document.querySelector('main').innerText.slice(0, 400)")
    page("bulletin", base + "/bulletin")
    page("introuvable", base + "/nulle-part")
    # The documentary portal's pages, where this build has them.
    if tools.evaluate(f"fetch({json.dumps(base + '/references')}).then(r => r.status)") == 200:
        page("references", base + "/references")
        first = tools.evaluate("(document.querySelector('main a[href^=\"/references/\"]') || {}).href || ''")
        if first:
            page("reference", first)
        page("syntheses", base + "/syntheses")
        first = tools.evaluate("(document.querySelector('main a[href^=\"/syntheses/\"]') || {}).href || ''")
        if first:
            page("synthese", first)
        page("actualites", base + "/actualites")
        page("recherche", base + "/recherche?q=VIH")
    # Member pages, as the chair.
    page("revisions", base + "/revisions")
    page("revision", review)
    # The chair's adoption form leads to the confirmation page (not confirmed here).
    tools.evaluate("""(() => { const f = document.querySelector('input[name=vers][value=adoptee]').form;
        f.querySelector('[name=signature]').value = '2026-12-15'; f.querySelector('[name=entree_en_vigueur]').value = '2027-01-01';
        const c = f.querySelector('[name=confirmer]'); if (c) c.checked = true; return true; })()""")
    tools.submit("form:has(input[name=vers][value=adoptee])", "/revisions/periodique-2020/etape")
    text = tools.evaluate("document.querySelector('main').innerText")
    assert "Action définitive" in text and "Projet consulté" in text, f"page de confirmation attendue : {text[:300]!r}"
    failures.extend(check_page(tools, source, folder, "confirmation-adoption", summary))
    # The login page, logged out.
    tools.goto(review)
    tools.submit("form[action='/deconnexion']", "/")
    page("connexion", base + "/connexion")

    keyboard_forms(tools, base, member_password)
    tools.goto(review)
    failures.extend(check_page(tools, source, folder, "revision-membre", summary))

    print(f"Captures d'écran (1280 et 390 px) : {folder}")
    if failures:
        raise AssertionError("accessibilité ou mise en page :\n  " + "\n  ".join(failures))
    print(f"axe-core : aucune violation grave ou critique sur {len(summary)} pages × largeurs.")
