"""The documentary portal in Chromium (issue 17, R5.1): a visitor filters the references by pathology, sees each one's
status, opens a synthesis and its comparison of versions. The synthesis is written in the test's own register through
the CLI (the shipped `committee/` holds no synthesis: no invented facts in the shipped data)."""
import json
import os
import subprocess
import tempfile

AUTHOR = "Rédaction DGS <redaction@sante.invalid>"


def _suivi(suivi, register, *args):
    result = subprocess.run([suivi, *args, "--repo", register], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"suivi {' '.join(args)} : {result.stderr.strip()}")
    return result.stdout


def _write_synthesis(suivi, register):
    """One synthesis in two versions, on the shipped UNAIDS reference, written as a user would."""
    with tempfile.TemporaryDirectory(prefix="suivi-portail-") as folder:
        first = os.path.join(folder, "v1.txt")
        with open(first, "w", encoding="utf-8") as out:
            out.write("Texte d'essai du test navigateur, première version.\n\nSecond paragraphe inchangé.\n")
        _suivi(suivi, register, "syntheses", "ajouter", "essai-navigateur", "--titre", "Synthèse d'essai (test navigateur)",
               "--pathologie", "VIH", "--pays", "Pays d'essai", "--reference", "onusida-aidsinfo", "--fichier", first,
               "--auteur", AUTHOR)
        second = os.path.join(folder, "v2.txt")
        with open(second, "w", encoding="utf-8") as out:
            out.write("Texte d'essai du test navigateur, deuxième version.\n\nSecond paragraphe inchangé.\n")
        _suivi(suivi, register, "syntheses", "modifier", "essai-navigateur", "--fichier", second, "--auteur", AUTHOR)


def scenario_portal(tools, base, suivi, register):
    _write_synthesis(suivi, register)

    # 1. From the home page's navigation to the references, then the filter by pathology (a plain GET form).
    tools.goto(base + "/")
    tools.evaluate("document.querySelector('nav a[href=\"/references\"]').click(); true")
    tools.wait_for("location.pathname === '/references' && document.readyState === 'complete'", "page des références")
    total = tools.evaluate("document.querySelectorAll('li.reference').length")
    assert total >= 11, f"références absentes : {total}"
    assert "Mis à jour le" in tools.evaluate("document.querySelector('main').innerText"), "date de mise à jour absente"
    never = tools.evaluate("document.querySelector('#ref-unicef .status').innerText")
    assert "jamais vérifiée" in never, f"référence non vérifiée non signalée : {never!r}"
    tools.evaluate("document.querySelector('#pathologie').value = 'VIH'; true")
    tools.submit("form.filters", "/references")
    assert "pathologie=VIH" in tools.evaluate("location.search"), "filtre absent de l'adresse"
    ids = tools.evaluate("Array.from(document.querySelectorAll('li.reference')).map(e => e.id)")
    assert ids == ["ref-onusida-aidsinfo"], f"filtre par pathologie : {ids!r}"
    tools.screenshot("portail-references-vih")

    # 2. The reference's page, then the synthesis resting on it.
    tools.evaluate("document.querySelector('#ref-onusida-aidsinfo a').click(); true")
    tools.wait_for("location.pathname === '/references/onusida-aidsinfo' && document.readyState === 'complete'", "page de la référence")
    tools.evaluate("document.querySelector('a[href=\"/syntheses/essai-navigateur\"]').click(); true")
    tools.wait_for("location.pathname === '/syntheses/essai-navigateur' && document.readyState === 'complete'", "page de la synthèse")
    main = tools.evaluate("document.querySelector('main').innerText")
    assert "Synthèse d'essai (test navigateur)" in main and "deuxième version" in main, f"synthèse absente : {main[:300]!r}"
    assert "Version 2 sur 2" in main, "historique absent"
    tools.screenshot("portail-synthese")

    # 3. The comparison of its two versions.
    tools.evaluate("document.querySelector('a[href*=\"de=1\"]').click(); true")
    tools.wait_for("location.search.indexOf('de=1') >= 0 && document.readyState === 'complete'", "comparaison des versions")
    deleted = tools.evaluate("Array.from(document.querySelectorAll('#comparaison del')).map(e => e.innerText).join(' ')")
    inserted = tools.evaluate("Array.from(document.querySelectorAll('#comparaison ins')).map(e => e.innerText).join(' ')")
    assert "première" in deleted and "deuxième" in inserted, f"comparaison : {json.dumps([deleted, inserted], ensure_ascii=False)}"
    tools.screenshot("portail-comparaison")
