extension Templates {
    /// The page that asks the chair to confirm an irreversible step, showing what it will do.
    static let confirmation = """
    <h1>{{actionTitle}} : confirmation</h1>
    {{#changedMeanwhile}}<p class="error" role="alert">La révision a changé depuis l’affichage de la page de confirmation précédente : vérifiez de nouveau ce qui sera fait.</p>{{/changedMeanwhile}}
    <div class="warning" role="note"><p><strong>Action définitive.</strong> {{what}}</p></div>
    <dl class="facts">
    <dt>Révision</dt><dd><a href="/revisions/{{reviewQuery}}">{{reviewID}}</a> ({{stage}})</dd>
    {{#hasConsulted}}<dt>Projet consulté</dt><dd><code>{{draftBranch}}</code>, commit <code title="{{consultedFull}}">{{consultedShort}}</code>{{#consultedDate}} du {{consultedDate}}{{/consultedDate}}{{#consultedSummary}} : « {{consultedSummary}} »{{/consultedSummary}}</dd>{{/hasConsulted}}
    {{^hasConsulted}}<dt>Projet consulté</dt><dd>aucun : le comité n’a été consulté sur aucun projet.</dd>{{/hasConsulted}}
    {{#hasNote}}<dt>{{#isAdoption}}Note{{/isAdoption}}{{^isAdoption}}Motif{{/isAdoption}}</dt><dd>{{note}} ({{#notePublic}}publiée dans le bulletin{{/notePublic}}{{^notePublic}}note interne, non publiée{{/notePublic}})</dd>{{/hasNote}}
    </dl>
    <section aria-labelledby="h-commentaires-ouverts"><h2 id="h-commentaires-ouverts">Commentaires non résolus</h2>
    {{#hasOpenComments}}<ul>{{#openComments}}<li><strong>{{seat}}</strong>, le {{date}}, sur <span title="Identifiant : {{eId}}">{{clause}}</span> : « {{excerpt}} »</li>{{/openComments}}</ul>{{/hasOpenComments}}
    {{^hasOpenComments}}<p>Aucun.</p>{{/hasOpenComments}}
    </section>
    <section aria-labelledby="h-sieges-silencieux"><h2 id="h-sieges-silencieux">Sièges sans position sur le projet consulté</h2>
    {{#hasSilentSeats}}<p>{{silentSeats}}</p>{{/hasSilentSeats}}{{^hasSilentSeats}}<p>Aucun.</p>{{/hasSilentSeats}}
    {{#hasStalePositions}}<p>Positions données sur un projet antérieur : {{stalePositions}}.</p>{{/hasStalePositions}}
    </section>
    <form class="stack confirm" method="post" action="/revisions/{{reviewQuery}}/etape">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="confirme" value="{{key}}">
    {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
    <p class="buttons"><button type="submit">{{button}}</button> <a class="button secondary" href="/revisions/{{reviewQuery}}">Annuler et revenir à la révision</a></p>
    </form>

    """
}
