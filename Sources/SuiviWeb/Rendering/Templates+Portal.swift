/// The templates of the public documentary portal (CNS opinion, R5.1): references, syntheses, news, search. Same
/// rules as ``Templates``: every `{{value}}` is escaped, views hold no optional (flags say what is present).
enum PortalTemplates {
    static let all: [String: String] = [
        "portal-nav": nav, "portal-references": references, "portal-reference": reference, "portal-reference-row": referenceRow,
        "portal-syntheses": syntheses, "portal-synthesis": synthesis, "portal-synthesis-row": synthesisRow,
        "portal-news": news, "portal-news-item": newsItem, "portal-search": search,
    ]

    /// The portal's own links and how recent its content is, on every page of the portal.
    static let nav = """
    <nav class="portal-nav" aria-label="Portail documentaire"><p>
    <a href="/references">Références documentaires</a> · <a href="/syntheses">Synthèses</a> · <a href="/actualites">Actualités</a>
    · <a href="/recherche">Rechercher</a> · <a href="/actualites.atom">Flux Atom des actualités et mises à jour</a></p>
    <p class="updated">Mis à jour le {{updated}} (dernière modification du registre) ; état des références au {{today}}.</p>
    </nav>

    """

    static let referenceRow = """
    <li class="reference{{#isStale}} stale{{/isStale}}" id="ref-{{id}}"><p><a href="/references/{{id}}"><strong>{{title}}</strong></a> — {{publisher}} <span class="tag">{{kind}}</span></p>
    <p class="status">{{#isStale}}<strong class="late">{{statusLabel}}</strong>{{/isStale}}{{^isStale}}{{statusLabel}}{{/isStale}} · {{#hasLastCheck}}dernière vérification le {{lastCheckDate}} ({{lastCheckOutcome}}){{/hasLastCheck}}{{^hasLastCheck}}aucune vérification enregistrée{{/hasLastCheck}}</p>
    {{#hasAddress}}<p class="address"><a href="{{address}}" rel="noopener noreferrer nofollow">{{address}}</a></p>{{/hasAddress}}
    {{#hasCoverage}}<p class="help">{{coverage}}</p>{{/hasCoverage}}
    </li>

    """

    static let references = """
    <h1>Références documentaires de l’annexe II</h1>
    {{> portal-nav}}
    <p>Les sources que consultent les médecins de l’OFII sur l’offre de soins dans les pays d’origine, avec la date et le résultat de leur dernière vérification. Une référence jamais vérifiée, vérifiée depuis plus de {{months}} mois, ou trouvée déplacée, disparue ou périmée est signalée « à vérifier » : elle reste affichée.</p>
    <form class="inline filters" method="get" action="/references">
    <p><label for="pathologie">Pathologie</label> <select id="pathologie" name="pathologie"><option value="">toutes</option>{{#pathologies}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/pathologies}}</select>
    <label for="pays">Pays</label> <select id="pays" name="pays"><option value="">tous</option>{{#countries}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/countries}}</select>
    <label for="nature">Nature</label> <select id="nature" name="nature"><option value="">toutes</option>{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
    <button type="submit">Filtrer</button></p>
    </form>
    <p class="count" role="status">{{countLine}}</p>
    {{#hasReferences}}<ul class="references">{{#references}}{{> portal-reference-row}}{{/references}}</ul>{{/hasReferences}}
    {{^hasReferences}}<p>Aucune référence ne correspond à ces critères.</p>{{/hasReferences}}

    """

    static let reference = """
    <h1>{{title}}</h1>
    {{> portal-nav}}
    <dl class="facts">
    <dt>Éditeur</dt><dd>{{publisher}}</dd>
    <dt>Nature</dt><dd>{{kind}}</dd>
    <dt>Adresse</dt><dd>{{#hasAddress}}<a href="{{address}}" rel="noopener noreferrer nofollow">{{address}}</a>{{/hasAddress}}{{^hasAddress}}le texte n’en donne pas{{/hasAddress}}</dd>
    <dt>État</dt><dd class="status">{{#isStale}}<strong class="late">{{statusLabel}}</strong>{{/isStale}}{{^isStale}}{{statusLabel}}{{/isStale}}</dd>
    <dt>Pathologies</dt><dd>{{pathologies}}</dd>
    <dt>Pays</dt><dd>{{countries}}</dd>
    </dl>
    {{#hasNote}}<p class="help">{{note}}</p>{{/hasNote}}
    <h2>Clauses de l’arrêté qui la citent (texte en vigueur)</h2>
    {{#hasCitations}}<ul class="citations">{{#citations}}<li>{{#hasEId}}<a href="/texte#{{eId}}">{{name}}</a> <code>{{eId}}</code>{{/hasEId}}{{^hasEId}}{{name}}{{/hasEId}}</li>{{/citations}}</ul>{{/hasCitations}}
    {{^hasCitations}}<p>Aucune clause ne la cite.</p>{{/hasCitations}}
    <h2>Vérifications</h2>
    {{#hasChecks}}<table><caption>Vérifications de la référence, la plus récente d’abord</caption>
    <thead><tr><th scope="col">Date</th><th scope="col">Résultat</th><th scope="col">Par</th><th scope="col">Note</th></tr></thead>
    <tbody>{{#checks}}<tr><td>{{date}}</td><td>{{outcome}}</td><td>{{person}}</td><td>{{note}}</td></tr>{{/checks}}</tbody></table>{{/hasChecks}}
    {{^hasChecks}}<p><strong class="late">Jamais vérifiée.</strong></p>{{/hasChecks}}
    {{#hasSyntheses}}<h2>Synthèses fondées sur cette référence</h2><ul>{{#syntheses}}<li><a href="/syntheses/{{id}}">{{title}}</a> ({{date}})</li>{{/syntheses}}</ul>{{/hasSyntheses}}
    {{#hasNews}}<h2>Actualités liées</h2><ul>{{#news}}<li><a href="/actualites#{{id}}">{{title}}</a> ({{date}})</li>{{/news}}</ul>{{/hasNews}}

    """

    static let synthesisRow = """
    <li class="synthesis" id="synthese-{{id}}"><p><a href="/syntheses/{{id}}"><strong>{{title}}</strong></a> — {{date}}{{#overdue}} <strong class="late">révision en retard (prévue le {{reviewBy}})</strong>{{/overdue}}</p>
    {{#hasCoverage}}<p class="help">{{coverage}}</p>{{/hasCoverage}}</li>

    """

    static let syntheses = """
    <h1>Synthèses sur l’accès aux soins dans les pays d’origine</h1>
    {{> portal-nav}}
    <p>Synthèses sur la disponibilité et l’accessibilité des soins pour les principales pathologies et les principaux pays d’origine, établies à partir des références documentaires et régulièrement actualisées.</p>
    <form class="inline filters" method="get" action="/syntheses">
    <p><label for="pathologie">Pathologie</label> <select id="pathologie" name="pathologie"><option value="">toutes</option>{{#pathologies}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/pathologies}}</select>
    <label for="pays">Pays</label> <select id="pays" name="pays"><option value="">tous</option>{{#countries}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/countries}}</select>
    <button type="submit">Filtrer</button></p>
    </form>
    {{#hasSyntheses}}<ul class="syntheses">{{#syntheses}}{{> portal-synthesis-row}}{{/syntheses}}</ul>{{/hasSyntheses}}
    {{^hasSyntheses}}<p>Aucune synthèse publiée{{#filtered}} pour ces critères{{/filtered}}.</p>{{/hasSyntheses}}

    """

    static let synthesis = """
    <h1>{{title}}</h1>
    {{> portal-nav}}
    <p class="version-line">Version {{number}} sur {{count}}, du {{date}}{{#isOld}} — <a href="/syntheses/{{id}}">version actuelle</a>{{/isOld}}. À réviser au plus tard le {{reviewBy}}{{#overdue}} : <strong class="late">révision en retard</strong>{{/overdue}}.</p>
    <dl class="facts">
    <dt>Pathologies</dt><dd>{{pathologies}}</dd>
    <dt>Pays</dt><dd>{{countries}}</dd>
    <dt>Auteurs</dt><dd>{{authors}}</dd>
    </dl>
    <article class="synthesis-body">{{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}</article>
    <h2>Références sur lesquelles elle repose</h2>
    {{#hasReferences}}<ul>{{#references}}<li>{{#known}}<a href="/references/{{id}}">{{title}}</a> — {{#isStale}}<strong class="late">{{statusLabel}}</strong>{{/isStale}}{{^isStale}}{{statusLabel}}{{/isStale}}{{/known}}{{^known}}<code>{{id}}</code> : référence absente du registre{{/known}}</li>{{/references}}</ul>{{/hasReferences}}
    {{^hasReferences}}<p>Aucune.</p>{{/hasReferences}}
    <h2 id="historique">Historique</h2>
    <table><caption>Versions de la synthèse</caption>
    <thead><tr><th scope="col">Version</th><th scope="col">Date</th><th scope="col">Par</th><th scope="col">Consulter</th></tr></thead>
    <tbody>{{#versions}}<tr><th scope="row">{{number}}</th><td>{{date}}</td><td>{{author}}</td><td><a href="/syntheses/{{id}}?version={{number}}">lire</a>{{#hasPrevious}} · <a href="/syntheses/{{id}}?de={{previous}}&amp;a={{number}}#comparaison">comparer à la version {{previous}}</a>{{/hasPrevious}}</td></tr>{{/versions}}</tbody>
    </table>
    {{#canCompare}}<form class="inline compare" method="get" action="/syntheses/{{id}}#comparaison">
    <p><label for="de">Comparer la version</label> <select id="de" name="de">{{#fromOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/fromOptions}}</select>
    <label for="a">à la version</label> <select id="a" name="a">{{#toOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/toOptions}}</select>
    <button type="submit">Comparer</button></p>
    </form>{{/canCompare}}
    {{#hasComparison}}<section id="comparaison" aria-labelledby="h-comparaison"><h2 id="h-comparaison">Comparaison des versions {{fromNumber}} et {{toNumber}}</h2>
    <div class="diff"><p><strong>Titre :</strong> {{#titleSegments}}{{#isEqual}}{{text}}{{/isEqual}}{{#isDeleted}}<del>{{text}}</del>{{/isDeleted}}{{#isInserted}}<ins>{{text}}</ins>{{/isInserted}}{{/titleSegments}}</p>
    {{#hasFieldChanges}}<ul>{{#fieldChanges}}<li>{{.}}</li>{{/fieldChanges}}</ul>{{/hasFieldChanges}}
    {{#diffParagraphs}}<p>{{#segments}}{{#isEqual}}{{text}}{{/isEqual}}{{#isDeleted}}<del>{{text}}</del>{{/isDeleted}}{{#isInserted}}<ins>{{text}}</ins>{{/isInserted}}{{/segments}}</p>{{/diffParagraphs}}
    {{#unchanged}}<p>Aucune différence entre ces deux versions.</p>{{/unchanged}}</div></section>{{/hasComparison}}

    """

    static let newsItem = """
    <article class="news" id="{{id}}"><h2>{{title}}</h2>
    <p class="meta">{{date}} · {{publisher}}</p>
    {{#lines}}<p>{{.}}</p>{{/lines}}
    {{#hasLinks}}<p class="help">{{#hasCoverage}}{{coverage}}. {{/hasCoverage}}{{#hasReferences}}Références : {{#references}}<a href="/references/{{id}}">{{label}}</a> {{/references}}{{/hasReferences}}{{#hasEvent}} Événement du comité : <code>{{event}}</code>.{{/hasEvent}}</p>{{/hasLinks}}
    </article>

    """

    static let news = """
    <h1>Actualités</h1>
    {{> portal-nav}}
    <p>Informations d’intérêt et signalements d’actualité du service médical de l’OFII et de la Direction générale de la santé (rupture de stock, nouvelle recommandation de traitement, crise de financement…), les plus récents d’abord. Ils sont aussi publiés dans le <a href="/actualites.atom">flux Atom</a>.</p>
    {{#hasNews}}{{#news}}{{> portal-news-item}}{{/news}}{{/hasNews}}
    {{^hasNews}}<p>Aucune actualité publiée.</p>{{/hasNews}}

    """

    static let search = """
    <h1>Rechercher dans le portail documentaire</h1>
    {{> portal-nav}}
    <form class="inline" method="get" action="/recherche" role="search">
    <p><label for="q">Mots recherchés</label> <input type="search" id="q" name="q" value="{{query}}" maxlength="200"> <button type="submit">Rechercher</button></p>
    </form>
    {{#hasQuery}}<p class="count" role="status">{{countLine}}</p>
    {{#hasReferences}}<h2>Références documentaires</h2><ul class="references">{{#references}}{{> portal-reference-row}}{{/references}}</ul>{{/hasReferences}}
    {{#hasSyntheses}}<h2>Synthèses</h2><ul class="syntheses">{{#syntheses}}{{> portal-synthesis-row}}{{/syntheses}}</ul>{{/hasSyntheses}}
    {{#hasNews}}<h2>Actualités</h2>{{#news}}{{> portal-news-item}}{{/news}}{{/hasNews}}{{/hasQuery}}
    {{^hasQuery}}<p class="help">La recherche ne distingue ni les majuscules ni les accents : « cote d’ivoire » trouve « Côte d’Ivoire ».</p>{{/hasQuery}}

    """
}
