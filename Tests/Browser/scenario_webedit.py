"""Browser scenario of the draft editor (issue 15, door 2): the drafting seat (the chair's, `dgs`) brings the review
back to drafting, opens the editor, inserts an article, rewords an alinéa, and sees the comparison and the draft's
amending order follow. Plain forms only: the page works without JavaScript; the script here only fills fields and
submits forms as a user would."""

import json

NEW_ARTICLE = "Le médecin apprécie aussi le coût effectif du traitement pour le patient."
REWORDED_WORDS = "examinée au cas par cas, avec soin,"


def scenario_webedit(tools, base, chair_password):
    review_path = "/revisions/periodique-2020"
    editor_path = review_path + "/rediger"

    # 1. Log in as the drafting seat (after logging out whoever is logged in).
    tools.goto(base + "/")
    if tools.evaluate("document.querySelector(\"form[action='/deconnexion']\") !== null"):
        tools.submit("form[action='/deconnexion']", "/")
    tools.goto(base + "/connexion")
    tools.evaluate(f"document.querySelector('#identifiant').value = 'dgs';"
                   f"document.querySelector('#mot_de_passe').value = {json.dumps(chair_password)}; true")
    tools.submit("form[action='/connexion']", "/revisions")

    # 2. The draft is frozen in consultation: the chair brings the review back to drafting.
    tools.goto(base + review_path)
    if tools.evaluate("document.querySelector('input[name=vers][value=redaction]') !== null"):
        tools.evaluate("document.querySelector('input[name=vers][value=redaction]').form.id = 'webedit-redaction'; true")
        tools.submit("#webedit-redaction", review_path)
    assert tools.evaluate("document.querySelector('a[href$=\"/rediger\"]') !== null"), "pas de lien « rédiger le projet »"

    # 3. The editor: insert an article after article 3 (numbers are computed; no identifier typed).
    tools.goto(base + editor_path)
    tools.screenshot("rediger")
    head = tools.evaluate("document.querySelector('input[name=tete]').value")
    tools.evaluate("document.querySelector('#e-art_3 details summary').click(); true")
    assert tools.evaluate("document.querySelector('#e-art_3 details').open"), "formulaire d'insertion non ouvert"
    tools.evaluate(f"const area = document.querySelector('#n-art_3'); area.value = {json.dumps(NEW_ARTICLE)};"
                   "area.form.id = 'webedit-article'; true")
    tools.submit("#webedit-article", editor_path)
    notice = tools.evaluate("document.querySelector('.notice') && document.querySelector('.notice').innerText")
    assert notice and "Modification enregistrée" in notice, f"enregistrement non confirmé : {notice!r}"
    changes = tools.evaluate("document.querySelector('#modifications').innerText")
    assert NEW_ARTICLE in changes, "l'article inséré n'apparaît pas dans la comparaison"
    assert tools.evaluate("document.querySelector('input[name=tete]').value") != head, "la version du projet n'a pas avancé"

    # 4. Reword an alinéa of article 3.
    text = tools.evaluate("document.querySelector('#t-art_3__para_2').value")
    assert "examinée au cas par cas," in text, f"alinéa inattendu : {text!r}"
    tools.evaluate("const area = document.querySelector('#t-art_3__para_2');"
                   f"area.value = area.value.replace('examinée au cas par cas,', {json.dumps(REWORDED_WORDS)});"
                   "area.form.id = 'webedit-alinea'; true")
    tools.submit("#webedit-alinea", editor_path)
    changes = tools.evaluate("document.querySelector('#modifications').innerText")
    assert "avec soin" in changes, "la nouvelle rédaction n'apparaît pas dans la comparaison"
    tools.evaluate("document.querySelector('#modifications').scrollIntoView(); true")
    tools.screenshot("rediger-modifications")

    # 5. The amending order of the draft follows both saves.
    tools.goto(base + review_path + "/modificatif")
    order = tools.evaluate("document.querySelector('main').innerText")
    assert NEW_ARTICLE in order, "l'arrêté modificatif ne contient pas l'article inséré"
    assert "avec soin" in order, "l'arrêté modificatif ne contient pas la nouvelle rédaction"
    tools.screenshot("modificatif")
