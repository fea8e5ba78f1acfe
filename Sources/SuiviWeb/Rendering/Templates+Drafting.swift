/// The templates of the draft editor (`/revisions/:id/rediger`), of a refused save, and of the draft's amending order
/// (`/revisions/:id/modificatif`). Plain forms (POST with the session's token), no script: the Content-Security-Policy
/// stays as it is.
extension Templates {
    static let drafting: [String: String] = ["draft-edit": draftEdit, "draft-item": draftItem, "draft-stale": draftStale,
                                             "draft-order": draftOrder]

    /// The hidden fields every editing form carries: the token, the draft commit the page shows, the clause.
    static let draftHidden = """
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="tete" value="{{head}}">
    """

    static let draftItem = """
    <div class="edit-item level-{{level}}" id="e-{{wId}}">
    <p class="edit-label">{{#isHeaded}}<strong>{{label}}</strong>{{/isHeaded}}{{^isHeaded}}{{label}}{{/isHeaded}}</p>
    {{#hasText}}<form method="post" action="{{action}}" class="edit-text">\(draftHidden)<input type="hidden" name="cible" value="{{wId}}">
    <p><label for="t-{{wId}}">Texte de l’élément ({{label}})</label>
    <textarea id="t-{{wId}}" name="texte" rows="3" required>{{text}}</textarea></p>
    <input type="hidden" name="operation" value="reformuler"><p><button type="submit">Enregistrer la nouvelle rédaction</button></p></form>{{/hasText}}
    <form method="post" action="{{action}}" class="edit-tools">\(draftHidden)<input type="hidden" name="cible" value="{{wId}}">
    <p><button type="submit" name="operation" value="monter" aria-label="Monter : {{label}}">Monter</button>
    <button type="submit" name="operation" value="descendre" aria-label="Descendre : {{label}}">Descendre</button>
    <button type="submit" name="operation" value="supprimer" class="danger" aria-label="Supprimer : {{label}}">Supprimer</button></p></form>
    {{#canInsert}}<details><summary>{{insertTitle}}</summary>
    <form method="post" action="{{action}}">\(draftHidden)<input type="hidden" name="cible" value="{{wId}}">
    {{#insertsHeading}}<p><label for="h-{{wId}}">Intitulé (facultatif)</label> <input id="h-{{wId}}" name="intitule" maxlength="500"></p>{{/insertsHeading}}
    <p><label for="n-{{wId}}">{{insertTextLabel}}</label><textarea id="n-{{wId}}" name="texte" rows="3" required></textarea></p>
    <input type="hidden" name="operation" value="{{insertOperation}}"><p><button type="submit">{{insertButton}}</button></p></form></details>{{/canInsert}}
    </div>

    """

    static let draftEdit = """
    <h1>Rédiger le projet <code>{{draft}}</code></h1>
    <p>Révision <a href="/revisions/{{reviewPath}}">{{review}}</a> · texte {{work}} · version du projet affichée :
    <code id="tete">{{headShort}}</code>. Chaque enregistrement est un commit de la branche <code>draft/{{draft}}</code>
    au nom de <strong>{{author}}</strong>. Les numéros, les <code>eId</code> et les <code>wId</code> sont calculés par suivi :
    aucun identifiant n’est à saisir.</p>
    <p><a href="/revisions/{{reviewPath}}/modificatif">Arrêté modificatif du projet</a> · <a href="/revisions/{{reviewPath}}">Revenir à la révision</a></p>
    <section id="modifications" aria-labelledby="h-modifications"><h2 id="h-modifications">Ce que le projet change</h2>
    <p>{{baseSentence}}</p>
    {{#hasChanges}}{{{diffHTML}}}{{/hasChanges}}{{^hasChanges}}<p>Le projet ne change encore rien au texte.</p>{{/hasChanges}}
    </section>
    <section id="edition" aria-labelledby="h-edition"><h2 id="h-edition">Texte du projet</h2>
    <details><summary>Insérer un article au début du dispositif</summary>
    <form method="post" action="{{action}}">\(draftHidden)
    <p><label for="h-debut">Intitulé (facultatif)</label> <input id="h-debut" name="intitule" maxlength="500"></p>
    <p><label for="n-debut">Texte du premier alinéa</label><textarea id="n-debut" name="texte" rows="3" required></textarea></p>
    <input type="hidden" name="operation" value="inserer-article"><p><button type="submit">Insérer l’article</button></p></form></details>
    {{#items}}{{> draft-item}}{{/items}}
    {{#annexes}}<section class="edit-annex" aria-labelledby="a-{{wId}}"><h3 id="a-{{wId}}">{{label}}</h3>
    {{#items}}{{> draft-item}}{{/items}}
    <details><summary>Ajouter une section à la fin de {{label}}</summary>
    <form method="post" action="{{action}}">\(draftHidden)<input type="hidden" name="annexe" value="{{wId}}">
    <p><label for="h-fin-{{wId}}">Intitulé de la section (facultatif)</label> <input id="h-fin-{{wId}}" name="intitule" maxlength="500"></p>
    <p><label for="n-fin-{{wId}}">Texte du premier alinéa</label><textarea id="n-fin-{{wId}}" name="texte" rows="3" required></textarea></p>
    <input type="hidden" name="operation" value="inserer-section"><p><button type="submit">Ajouter la section</button></p></form></details>
    </section>{{/annexes}}
    </section>

    """

    static let draftStale = """
    <h1>Enregistrement refusé : le projet a changé entre-temps</h1>
    <p class="error" role="alert">Quelqu’un a enregistré le projet <code>{{draft}}</code> après l’ouverture de votre page
    (version <code>{{expectedShort}}</code>, le projet est maintenant à la version <code>{{actualShort}}</code>).
    Votre modification n’a pas été enregistrée, pour ne rien écraser : relisez ce qui a changé ci-dessous, puis
    <a href="/revisions/{{reviewPath}}/rediger">rouvrez la page d’édition</a> et refaites-la si elle est toujours utile.</p>
    {{#hasText}}<h2>Votre texte (non enregistré)</h2><div class="quote"><p>{{text}}</p></div>{{/hasText}}
    <h2>Ce qui a changé entre les deux versions</h2>
    {{{diffHTML}}}

    """

    static let draftOrder = """
    <h1>Arrêté modificatif du projet <code>{{draft}}</code></h1>
    <p>{{baseSentence}} Texte calculé par suivi (comme <code>suivi exporter modificatif</code>), en lecture seule ; il suit
    chaque enregistrement du projet.</p>
    <p><a href="/revisions/{{reviewPath}}">Revenir à la révision</a>{{#canEdit}} · <a href="/revisions/{{reviewPath}}/rediger">Rédiger le projet</a>{{/canEdit}}</p>
    {{#hasUnexpressed}}<div class="warning" role="note"><p>Modifications que l’arrêté n’exprime pas (à rédiger à la main) :</p>
    <ul>{{#unexpressed}}<li>{{.}}</li>{{/unexpressed}}</ul></div>{{/hasUnexpressed}}
    <article class="document amending-order">{{{orderHTML}}}</article>

    """
}
