extension Templates {
    /// The server's sync with the forge, for the chair: a box on the committee's dashboard (`/revisions`, partial
    /// `forgeSync`, rendered in its `forge` object) and the page `/synchronisation` (`forgeSyncPage`).
    static let sync: [String: String] = ["forgeSync": forgeSync, "forgeSyncPage": forgeSyncPage]

    static let forgeSync = """
    {{#configured}}<section class="{{#hasProblem}}warning{{/hasProblem}}" {{#hasProblem}}role="alert" {{/hasProblem}}aria-labelledby="h-forge">
    {{#isConflict}}<h2 id="h-forge">Conflit avec la forge</h2>
    <p>La forge (<code>{{forge}}</code>) et ce serveur ont modifié différemment les mêmes éléments. <strong>Rien n’est perdu</strong> : les écritures du serveur restent dans son registre (elles ne partent pas), celles de la forge restent sur la forge, rien n’a été forcé. Le serveur continue de servir et réessaie à chaque écriture et à chaque période.</p>
    <ul class="conflits">{{#conflicts}}<li><strong>{{place}}</strong> (branche <code>{{branch}}</code>)
    <p>Version du serveur :</p><pre>{{ours}}</pre>
    <p>Version de la forge :</p><pre>{{theirs}}</pre></li>{{/conflicts}}</ul>
    <p><strong>Que faire :</strong> accordez-vous sur une version de chaque élément ci-dessus, puis donnez-lui le même contenu des deux côtés : sur la forge, depuis un clone (<code>suivi recuperer</code>, l’écriture avec la commande du comité ou du projet, puis <code>suivi envoyer</code>) ; ici, par le formulaire habituel si la version retenue n’est pas celle du serveur. Un même contenu des deux côtés ne fait plus conflit : la synchronisation suivante réunit les deux historiques (commit de fusion) et envoie les écritures du serveur en attente.</p>{{/isConflict}}
    {{^isConflict}}<h2 id="h-forge">Synchronisation avec la forge</h2>
    {{#isUnreachable}}<p><strong>Forge injoignable</strong> (<code>{{forge}}</code>) depuis {{problemSince}} : les écritures restent enregistrées sur ce serveur et partiront dès qu’elle répondra (nouvel essai à chaque écriture et à chaque période).</p>{{/isUnreachable}}
    {{#hasProblem}}<p>{{problem}}</p>{{/hasProblem}}
    {{#upToDate}}<p>À jour : la forge <code>{{forge}}</code> a toutes les écritures du serveur (dernier envoi {{lastPush}}).</p>{{/upToDate}}{{/isConflict}}
    {{#hasPending}}<p>{{pendingCount}} commit(s) du serveur absent(s) de la forge :</p><ul>{{#pending}}<li>branche <code>{{branch}}</code> : {{count}}</li>{{/pending}}</ul>{{/hasPending}}
    {{^withButton}}<p><a href="/synchronisation">Détail et synchronisation immédiate</a></p>{{/withButton}}
    </section>{{/configured}}
    """

    static let forgeSyncPage = """
    <h1>Synchronisation avec la forge</h1>
    {{^configured}}<p>Ce serveur ne se synchronise avec aucune forge : lancez-le avec <code>suivi web --distant &lt;adresse&gt;</code> (ou sur un clone, qui garde l’adresse de la forge), voir docs/SERVER-SYNC.md.</p>{{/configured}}
    {{> forgeSync}}
    {{#configured}}<dl>
    <dt>Forge</dt><dd><code>{{forge}}</code></dd>
    <dt>Dernier envoi réussi</dt><dd>{{lastPush}}</dd>
    <dt>Dernière récupération réussie</dt><dd>{{lastPull}}</dd>
    <dt>Dernier essai</dt><dd>{{lastAttempt}}</dd>
    <dt>Commits du serveur absents de la forge</dt><dd>{{#pendingKnown}}{{pendingCount}}{{/pendingKnown}}{{^pendingKnown}}inconnu (forge jamais jointe depuis le démarrage){{/pendingKnown}}</dd>
    </dl>
    <form method="post" action="/synchronisation">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><button type="submit">Synchroniser maintenant</button> (récupère les écritures de la forge, les réunit à celles du serveur, puis envoie)</p>
    </form>{{/configured}}
    """
}
