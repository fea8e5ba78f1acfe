extension Templates {
    /// The committee's dashboard (`/revisions`): Annexe II's documentary references to check, each with the clauses of
    /// the text in force that rely on it, named as a lawyer would (« Annexe II, section A, alinéa 8 »). A partial of
    /// `reviews`, rendered in its `references` object.
    static let staleReferences = """
    {{#references}}<section aria-labelledby="h-references"><h2 id="h-references">Références documentaires à vérifier</h2>
    <p>Annexe II : références jamais vérifiées, trouvées déplacées, disparues ou injoignables, ou dont le contenu n’a pas été confirmé depuis plus de {{months}} mois (au {{today}}).</p>
    {{#hasStale}}<table>
    <caption>{{count}} référence(s) à vérifier</caption>
    <thead><tr><th scope="col">Référence</th><th scope="col">Motif</th><th scope="col">Dernière vérification</th><th scope="col">Clauses du texte en vigueur qui s’y fondent</th></tr></thead>
    <tbody>{{#rows}}<tr><th scope="row"><code>{{id}}</code> {{publisher}} — {{title}}{{#hasAddress}}<br><a href="{{address}}" rel="noopener noreferrer nofollow">{{address}}</a>{{/hasAddress}}</th><td>{{reason}}</td><td>{{lastChecked}}</td><td>{{#hasClauses}}<ul>{{#clauses}}<li>{{#inForce}}<a href="/texte#{{eId}}">{{name}}</a>{{/inForce}}{{^inForce}}{{name}} (absente du texte en vigueur){{/inForce}}</li>{{/clauses}}</ul>{{/hasClauses}}{{^hasClauses}}aucune{{/hasClauses}}</td></tr>
    {{/rows}}</tbody>
    </table>{{/hasStale}}
    {{^hasStale}}<p>Aucune référence à vérifier.</p>{{/hasStale}}
    </section>{{/references}}
    """
}
