/// The Mustache templates of the web interface, kept in the binary (no resource to install). Every
/// `{{value}}` is HTML-escaped by Mustache; the only unescaped `{{{…}}}` slots hold HTML this module or
/// ClauseDiff's renderer built with escaping (the page body, a diff).
///
/// Views hold no optional: Mustache looks a missing (nil) name up in the enclosing objects, so a nil
/// `num` in a nested clause would print its parent's. Flags say what is present.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "text": text, "clause": clause, "block": block, "versions": versions, "history": history,
        "diff": diff, "login": login, "reviews": reviews, "review": review, "comment": comment, "error": error,
        "bulletin": bulletin, "forceNotice": forceNotice, "confirmation": confirmation,
        "staleReferences": staleReferences,
    ]

    /// The notice at the top of a page whose text is not the text in force (``Publishing/ForceNotice``).
    static let forceNotice = """
    {{#hasForceNotice}}<div class="bandeau-vigueur" role="note" aria-label="Ce texte n’est pas le texte en vigueur">{{#forceNotices}}<p>{{.}}</p>{{/forceNotices}}</div>{{/hasForceNotice}}

    """

    static let layout = """
    <!DOCTYPE html>
    <html lang="fr">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} — Suivi de l’arrêté du 5 janvier 2017</title>
    <link rel="stylesheet" href="/style.css">
    {{#hasFeed}}<link rel="alternate" type="application/atom+xml" title="Versions et projets (Atom)" href="/flux.atom">{{/hasFeed}}
    </head>
    <body>
    <a class="skip" href="#contenu">Aller au contenu</a>
    <header class="site">
    <div class="header-body">
    <div class="brand">
    <p class="bloc-marque">République<br>française</p>
    <div class="service"><p class="service-title"><a href="/">Suivi de l’arrêté du 5 janvier 2017</a></p>
    <p class="service-tagline">Ministère chargé de la santé — orientations générales des médecins de l’OFII</p></div>
    </div>
    <div class="account">
    {{#loggedIn}}<p>Connecté : <strong>{{userName}}</strong>, siège <code>{{userSeat}}</code>{{#userIsChair}} (présidence){{/userIsChair}}</p>
    <form method="post" action="/deconnexion"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Se déconnecter</button></form>{{/loggedIn}}
    {{^loggedIn}}<p><a href="/connexion">Connexion des membres du comité</a></p>{{/loggedIn}}
    </div>
    </div>
    <nav aria-label="Navigation principale"><ul>
    <li><a href="/">Texte en vigueur</a></li>
    <li><a href="/versions">Versions</a></li>
    <li><a href="/diff">Comparer deux versions</a></li>
    <li><a href="/references">Portail documentaire</a></li>
    {{#hasFeed}}<li><a href="/bulletin">Bulletin</a></li>{{/hasFeed}}
    {{#loggedIn}}<li><a href="/revisions">Révisions du comité</a></li>{{/loggedIn}}
    </ul></nav>
    </header>
    <main id="contenu" tabindex="-1">
    {{#hasNotice}}<p class="notice" role="status">{{notice}}</p>{{/hasNotice}}
    {{{body}}}
    </main>
    <footer><p>Registre géré par <code>suivi</code>. Les textes affichés sont une transcription de travail : seule la publication au Journal officiel fait foi.</p></footer>
    </body>
    </html>

    """

    static let block = """
    <p{{#note}} class="note-editoriale"{{/note}}>{{text}}</p>

    """

    static let clause = """
    <div class="clause {{kind}}" id="{{eId}}">
    {{#isHeaded}}<h3>{{#hasNum}}{{num}}{{/hasNum}}{{#hasHeading}} — {{heading}}{{/hasHeading}} <a class="anchor" href="#{{eId}}" title="Identifiant : {{eId}}" aria-label="Lien vers {{name}}">#</a></h3>
    <p class="clause-tools"><a href="/historique/{{eId}}{{historyQuery}}" title="Identifiant : {{eId}}">historique : {{name}}</a></p>{{/isHeaded}}
    {{^isHeaded}}<p class="clause-tools">{{#hasNum}}<span class="num">{{num}}</span> {{/hasNum}}<a class="anchor" href="#{{eId}}" title="Identifiant : {{eId}}">{{name}}</a></p>{{/isHeaded}}
    {{#blocks}}{{> block}}{{/blocks}}
    {{#children}}{{> clause}}{{/children}}
    {{#wrapUp}}{{> block}}{{/wrapUp}}
    </div>

    """

    static let text = """
    {{> forceNotice}}
    {{#hasUpcoming}}<div class="annonce" role="note" aria-label="Version à venir">{{#upcoming}}<p><strong>Nouvelle version adoptée</strong> : la version <a href="/texte?version={{versionQuery}}">{{version}}</a>{{#hasSignature}}, signée le {{signature}},{{/hasSignature}} entrera en vigueur le {{entry}}. Le texte ci-dessous reste en vigueur jusque-là.</p>{{/upcoming}}</div>{{/hasUpcoming}}
    <h1>{{documentTitle}}</h1>
    <p class="version-line">{{versionLine}}</p>
    {{#isTranscription}}<p class="warning" role="note">Transcription de travail, non officielle : le texte qui fait foi est celui publié au Journal officiel.</p>{{/isTranscription}}
    <form class="inline" method="get" action="/texte">
    <p><label for="date">Texte en vigueur le</label> <input type="date" id="date" name="date" value="{{dateValue}}"> <button type="submit">Afficher</button></p>
    </form>
    <div class="with-toc">
    <nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Sommaire</h2>
    <ol>{{#toc}}<li class="toc-{{level}}"><a href="#{{eId}}">{{label}}</a></li>{{/toc}}</ol>
    </nav>
    <article class="document">
    {{#hasVisas}}<section id="preambule" aria-labelledby="h-visas"><h2 id="h-visas">Visas</h2>{{#visas}}{{> clause}}{{/visas}}</section>{{/hasVisas}}
    <section aria-labelledby="h-dispositif"><h2 id="h-dispositif">Dispositif</h2>{{#body}}{{> clause}}{{/body}}</section>
    {{#annexes}}<section class="annex" id="{{eId}}" aria-labelledby="h-{{eId}}"><h2 id="h-{{eId}}">{{number}}{{#hasTitle}} — {{title}}{{/hasTitle}}</h2>
    {{#clauses}}{{> clause}}{{/clauses}}</section>{{/annexes}}
    </article>
    </div>

    """

    static let versions = """
    <h1>Versions du texte</h1>
    <p>Les versions adoptées (étiquettes datées de leur signature) puis les projets en cours (branches <code>draft/…</code>).</p>
    <div class="table-scroll" role="region" aria-label="Tableau des versions (défilement horizontal)" tabindex="0"><table>
    <caption>Versions adoptées et projets</caption>
    <thead><tr><th scope="col">Version</th><th scope="col">Nature</th><th scope="col">Signature ou date du projet</th><th scope="col">Entrée en vigueur</th><th scope="col">Publication</th><th scope="col">Consulter</th></tr></thead>
    <tbody>
    {{#versions}}<tr><th scope="row"><code>{{name}}</code></th><td>{{kind}}</td><td>{{date}}</td><td>{{entry}}</td><td>{{publication}}</td>
    <td><a href="/texte?version={{nameQuery}}">lire</a>{{#hasPrevious}} · <a href="/diff?de={{previousQuery}}&amp;a={{nameQuery}}">comparer à <code>{{previous}}</code></a>{{/hasPrevious}}</td></tr>
    {{/versions}}
    </tbody>
    </table></div>

    """

    static let history = """
    <h1>Historique : <span title="Identifiant : {{eId}}">{{name}}</span></h1>
    <p>Chaque version où l’élément a changé, suivi par son identifiant stable (wId) à travers les renumérotations.</p>
    {{#hasEntries}}<ol class="history">
    {{#entries}}<li><h2><a href="/texte?version={{versionQuery}}#{{anchor}}"><code>{{version}}</code></a>{{#hasDate}}, {{date}}{{/hasDate}} : {{change}}</h2>
    {{#hasPrevious}}<p>Identifiant précédent : <code>{{previousEId}}</code></p>{{/hasPrevious}}
    <div class="quote">{{#lines}}<p>{{.}}</p>{{/lines}}</div></li>
    {{/entries}}</ol>{{/hasEntries}}
    {{^hasEntries}}<p>Aucune version ne contient cet élément.</p>{{/hasEntries}}

    """

    static let diff = """
    {{> forceNotice}}
    <h1>Comparer deux versions</h1>
    <form class="compare" method="get" action="/diff">
    <p><label for="de">Version de départ</label>
    <select id="de" name="de">{{#fromOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/fromOptions}}</select></p>
    <p><label for="a">Version d’arrivée</label>
    <select id="a" name="a">{{#toOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/toOptions}}</select></p>
    <p><button type="submit">Comparer</button></p>
    </form>
    {{#hasDiff}}<h2>Comparaison <code>{{oldLabel}}</code> → <code>{{newLabel}}</code></h2>
    <div class="diff">{{{diffHTML}}}</div>{{/hasDiff}}

    """

    static let login = """
    <h1>Connexion des membres du comité</h1>
    {{#hasError}}<p class="error" role="alert">{{error}}</p>{{/hasError}}
    <form class="stack narrow" method="post" action="/connexion">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <input type="hidden" name="retour" value="{{back}}">
    {{#kept}}<input type="hidden" name="{{name}}" value="{{value}}">{{/kept}}
    <p><label for="identifiant">Identifiant (siège, par exemple <code>dgs</code>, ou courriel)</label>
    <input id="identifiant" name="identifiant" autocomplete="username" required value="{{login}}"></p>
    <p><label for="mot_de_passe">Mot de passe</label>
    <input id="mot_de_passe" name="mot_de_passe" type="password" autocomplete="current-password" required></p>
    <p><button type="submit">Se connecter</button></p>
    </form>
    <p class="help">Les comptes sont créés par l’administrateur du registre. Mot de passe oublié : demandez-lui d’en définir un nouveau.</p>

    """

    static let reviews = """
    <h1>Révisions du comité</h1>
    {{#hasForge}}{{#forge}}{{> forgeSync}}{{/forge}}{{/hasForge}}
    {{#hasDamaged}}<section class="warning" role="alert" aria-labelledby="h-abimes"><h2 id="h-abimes">Enregistrements à réparer</h2>
    <p>Ces enregistrements du comité contiennent des caractères interdits en XML ; ils sont lus sans eux. Prévenez le secrétariat du comité, qui les répare dans le registre.</p>
    <ul>{{#damaged}}<li>{{.}}</li>{{/damaged}}</ul></section>{{/hasDamaged}}
    {{#hasOpen}}<div class="table-scroll" role="region" aria-label="Tableau des révisions en cours (défilement horizontal)" tabindex="0"><table>
    <caption>Révisions en cours</caption>
    <thead><tr><th scope="col">Révision</th><th scope="col">Nature</th><th scope="col">Étape</th><th scope="col">Échéance</th><th scope="col">Sièges sans position</th><th scope="col">Commentaires non résolus</th></tr></thead>
    <tbody>{{#open}}<tr><th scope="row"><a href="/revisions/{{id}}">{{id}}</a></th><td>{{kind}}</td><td>{{stage}}</td><td>{{due}}{{#overdue}} <strong class="late">en retard</strong>{{/overdue}}</td><td>{{missing}}</td><td>{{unresolved}}</td></tr>
    {{/open}}</tbody>
    </table></div>{{/hasOpen}}
    {{^hasOpen}}<p>Aucune révision en cours.</p>{{/hasOpen}}
    {{#hasDecided}}<h2>Révisions décidées</h2>
    <ul>{{#decided}}<li><a href="/revisions/{{id}}">{{id}}</a> : {{stage}}</li>{{/decided}}</ul>{{/hasDecided}}
    {{> staleReferences}}
    {{#isChair}}<section aria-labelledby="h-ouvrir"><h2 id="h-ouvrir">Ouvrir une révision</h2>
    <form class="stack" method="post" action="/revisions">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label for="id">Identifiant (lettres, chiffres, « - », « _ »)</label><input id="id" name="id" required></p>
    <fieldset><legend>Nature de la révision</legend>
    <p><input type="radio" id="type-periodique" name="type" value="periodique" checked> <label for="type-periodique">Périodique (au moins tous les trois ans)</label></p>
    <p><input type="radio" id="type-evenement" name="type" value="evenement"> <label for="type-evenement">À la suite d’un événement</label></p>
    </fieldset>
    <p><label for="evenement">Événement déclencheur (révision sur événement)</label>
    <select id="evenement" name="evenement"><option value="">—</option>{{#events}}<option value="{{id}}">{{id}} : {{summary}}</option>{{/events}}</select></p>
    <p><label for="objet">Objet (facultatif)</label><textarea id="objet" name="objet" rows="3"></textarea></p>
    <p><button type="submit">Ouvrir la révision</button></p>
    </form></section>{{/isChair}}

    """

    static let comment = """
    <article class="comment{{#resolved}} resolved{{/resolved}}" id="{{commentID}}">
    <p class="meta"><strong>{{seat}}</strong> · {{person}} · {{date}}{{#renumbered}} · <span class="tag" title="Identifiant : {{originalEId}}">écrit sur {{originalName}}</span>{{/renumbered}}</p>
    <div class="body">{{#lines}}<p>{{.}}</p>{{/lines}}</div>
    {{#resolved}}<p class="resolution">Résolu : {{resolution}}</p>{{/resolved}}
    {{#replies}}<div class="reply" id="{{replyID}}"><p class="meta"><strong>{{seat}}</strong> · {{person}} · {{date}}</p><div class="body">{{#lines}}<p>{{.}}</p>{{/lines}}</div></div>{{/replies}}
    {{#canComment}}<details class="comment-form"{{#hasKeptReply}} open{{/hasKeptReply}}><summary>Répondre</summary>
    <form class="stack small" method="post" action="/revisions/{{reviewID}}/commentaires">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="reponse_a" value="{{commentID}}">
    <p><label for="r-{{commentID}}">Votre réponse</label><textarea id="r-{{commentID}}" name="texte" rows="2" required>{{keptReply}}</textarea></p>
    <p><button type="submit">Répondre</button></p>
    </form></details>{{/canComment}}
    </article>

    """

    static let review = """
    {{> forceNotice}}
    <h1>Révision <code>{{reviewID}}</code></h1>
    <dl class="facts">
    <dt>Étape</dt><dd>{{stage}}</dd>
    <dt>Nature</dt><dd>{{kind}}</dd>
    <dt>Texte</dt><dd><code>{{work}}</code></dd>
    <dt>Échéance</dt><dd>{{due}}{{#overdue}} <strong class="late">(en retard)</strong>{{/overdue}}</dd>
    {{#hasDraft}}<dt>Projet</dt><dd><code>{{draftBranch}}</code> · <a href="/revisions/{{reviewID}}/modificatif">arrêté modificatif</a>{{#isChair}} · <a href="/revisions/{{reviewID}}/rediger">rédiger le projet</a>{{/isChair}}</dd>{{/hasDraft}}
    </dl>
    <p class="subject">{{subject}}</p>
    <details><summary>Étapes de la révision</summary>
    <ol>{{#history}}<li>{{date}} : {{step}}, siège <code>{{seat}}</code> ({{person}}){{#hasNote}} : {{note}} <span class="tag">{{#notePublic}}note publiée{{/notePublic}}{{^notePublic}}note interne{{/notePublic}}</span>{{/hasNote}}</li>{{/history}}</ol>
    </details>

    <section aria-labelledby="h-positions"><h2 id="h-positions">Positions des sièges</h2>
    {{#hasPositions}}<div class="table-scroll" role="region" aria-label="Tableau des positions (défilement horizontal)" tabindex="0"><table>
    <caption>Le comité est consultatif : les positions sont rapportées, pas comptées.</caption>
    <thead><tr><th scope="col">Siège</th><th scope="col">Avis</th><th scope="col">Motif</th><th scope="col">Date</th><th scope="col">Par</th></tr></thead>
    <tbody>{{#positions}}<tr{{#mine}} class="mine"{{/mine}}><th scope="row"><code>{{seat}}</code></th><td>{{opinion}}{{#stale}} <strong class="late">(sur un projet antérieur)</strong>{{/stale}}</td><td>{{reason}}</td><td>{{date}}</td><td>{{person}}</td></tr>
    {{/positions}}</tbody>
    </table></div>{{/hasPositions}}
    {{^hasPositions}}<p>Aucune position enregistrée.</p>{{/hasPositions}}
    {{#hasMissing}}<p>Sièges sans position : {{missing}}.</p>{{/hasMissing}}
    {{#canPosition}}<form class="stack" id="form-position" method="post" action="/revisions/{{reviewID}}/position">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <fieldset><legend>Position du siège <code>{{seatID}}</code>{{#hasMyPosition}} (actuellement : {{myOpinion}}){{/hasMyPosition}}</legend>
    {{#opinions}}<p><input type="radio" name="avis" id="avis-{{value}}" value="{{value}}"{{#checked}} checked{{/checked}} required> <label for="avis-{{value}}">{{label}}</label></p>
    {{/opinions}}</fieldset>
    <p><label for="motif">Motif (obligatoire sauf abstention)</label><textarea id="motif" name="motif" rows="3">{{myReason}}</textarea></p>
    <p><button type="submit">{{positionButton}}</button></p>
    </form>{{/canPosition}}
    {{^canPosition}}<p class="help">Les positions s’enregistrent pendant la consultation du comité.</p>{{/canPosition}}
    </section>

    {{#isChair}}<section aria-labelledby="h-presidence"><h2 id="h-presidence">Actions de la présidence</h2>
    {{#hasTransitions}}<div class="actions">{{#transitions}}<form class="stack action" method="post" action="/revisions/{{reviewID}}/etape">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="vers" value="{{target}}">
    <h3>{{actionTitle}}</h3>
    {{#needsDates}}<p><label for="signature-{{target}}">Date de signature</label><input type="date" id="signature-{{target}}" name="signature" required></p>
    <p><label for="vigueur-{{target}}">Date d’entrée en vigueur</label><input type="date" id="vigueur-{{target}}" name="entree_en_vigueur" required></p>
    <p><label for="publication-{{target}}">Date de publication (facultatif)</label><input type="date" id="publication-{{target}}" name="publication"></p>
    <p><label for="reference-{{target}}">Référence de publication (facultatif)</label><input id="reference-{{target}}" name="reference"></p>
    {{#hasOutstanding}}<div class="outstanding"><p>Avant d’adopter, restent :</p><ul>{{#outstanding}}<li>{{.}}</li>{{/outstanding}}</ul>
    <p><input type="checkbox" id="confirmer-{{target}}" name="confirmer" value="oui"> <label for="confirmer-{{target}}">Adopter malgré ces commentaires non résolus et ces sièges sans position à jour (en connaissance de cause)</label></p></div>{{/hasOutstanding}}
    <p><input type="checkbox" id="future-{{target}}" name="date_future_confirmee" value="oui"> <label for="future-{{target}}">Date de signature future confirmée (à plus de {{futureDays}} jours d’aujourd’hui)</label></p>{{/needsDates}}
    <p><label for="motif-{{target}}">{{noteLabel}}</label><textarea id="motif-{{target}}" name="motif" rows="2"{{#needsNote}} required{{/needsNote}}></textarea></p>
    <p><input type="checkbox" id="publique-{{target}}" name="note_publique" value="oui"> <label for="publique-{{target}}">Publier cette note dans le bulletin des médecins (sinon, note interne du comité)</label></p>
    <p><button type="submit">{{button}}</button></p>
    </form>{{/transitions}}</div>{{/hasTransitions}}
    {{^hasTransitions}}<p>La révision est décidée : aucune étape ne suit.</p>{{/hasTransitions}}
    </section>{{/isChair}}

    <section aria-labelledby="h-projet"><h2 id="h-projet">{{diffTitle}}</h2>
    {{#hasBase}}<p class="base">{{baseSentence}}</p>{{/hasBase}}
    {{#hasDiffHeader}}<div class="diff">{{{diffHeader}}}</div>{{/hasDiffHeader}}
    {{#rows}}<div class="clause-row" id="ligne-{{eId}}">
    <div class="diff clause-diff">{{#isDiff}}{{{sectionHTML}}}{{/isDiff}}{{^isDiff}}<section id="{{eId}}"><h2><span class="clause-name" title="Identifiant : {{eId}}">{{name}}</span></h2>{{#lines}}<p>{{.}}</p>{{/lines}}</section>{{/isDiff}}</div>
    <aside class="comments" aria-label="Commentaires sur {{name}}">
    {{#comments}}{{> comment}}{{/comments}}
    {{^hasComments}}<p class="muted">Aucun commentaire.</p>{{/hasComments}}
    {{#canComment}}<details class="comment-form"{{#hasKept}} open{{/hasKept}}><summary>Commenter : {{name}}</summary>
    <form class="stack small" method="post" action="/revisions/{{reviewID}}/commentaires">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="eid" value="{{eId}}">
    <p><label for="c-{{eId}}">Votre commentaire sur {{name}}</label><textarea id="c-{{eId}}" name="texte" rows="3" required>{{keptText}}</textarea></p>
    <p><button type="submit">Commenter</button></p>
    </form></details>{{/canComment}}
    </aside>
    </div>{{/rows}}
    {{#hasDeletedComments}}<h3>Commentaires sur des éléments supprimés du projet</h3>{{#deletedComments}}{{> comment}}{{/deletedComments}}{{/hasDeletedComments}}
    </section>

    {{#canComment}}<section aria-labelledby="h-commenter"><h2 id="h-commenter">Commenter un autre élément</h2>
    <form class="stack" method="post" action="/revisions/{{reviewID}}/commentaires">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label for="eid-libre">Élément du projet</label><select id="eid-libre" name="eid">{{#allClauses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/allClauses}}</select></p>
    <p><label for="texte-libre">Commentaire</label><textarea id="texte-libre" name="texte" rows="3" required>{{keptFreeText}}</textarea></p>
    <p><button type="submit">Commenter</button></p>
    </form></section>{{/canComment}}

    """

    static let bulletin = """
    {{> forceNotice}}
    {{#hasOptions}}<form class="inline" method="get" action="/bulletin">
    <p><label for="revision">Révision</label> <select id="revision" name="revision">{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
    <button type="submit">Afficher</button></p>
    </form>{{/hasOptions}}
    {{#hasBulletin}}<article class="bulletin">{{{bulletinHTML}}}</article>{{/hasBulletin}}
    {{^hasBulletin}}<h1>Bulletin des médecins de l’OFII</h1>
    <p>Aucun bulletin pour l’instant : aucune révision n’a encore de projet.</p>{{/hasBulletin}}
    <p class="help">Les versions adoptées sont aussi publiées dans un <a href="/flux.atom">flux Atom</a>.</p>

    """

    static let error = """
    <h1>{{heading}}</h1>
    <p class="error" role="alert">{{message}}</p>
    <p><a href="{{back}}">Revenir</a> · <a href="/">Texte en vigueur</a></p>

    """
}
