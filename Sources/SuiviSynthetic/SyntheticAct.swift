import LegalText

/// Generates large, valid acts of any size for benchmarks and scale tests: French-looking alinéas
/// drawn deterministically from a seed, with lists, references and an annex.
public struct SyntheticAct: Sendable {
    public var articles: Int
    public var paragraphsPerArticle: Int
    public var seed: UInt64

    public init(articles: Int, paragraphsPerArticle: Int = 4, seed: UInt64 = 2017) {
        self.articles = max(1, articles)
        self.paragraphsPerArticle = max(1, paragraphsPerArticle)
        self.seed = seed
    }

    /// An act whose canonical form is about `megabytes` MB.
    public static func ofSize(megabytes: Double, seed: UInt64 = 2017) -> SyntheticAct {
        // About 2,230 bytes of canonical XML per article of four alinéas.
        SyntheticAct(articles: max(1, Int(megabytes * 1_000_000 / 2_230)), seed: seed)
    }

    private static let words = [
        "soins", "traitement", "approprié", "accès", "pays", "d'origine", "offre", "système", "santé",
        "médecin", "l'Office", "avis", "collège", "continuité", "disponibilité", "médicaments", "personnel",
        "qualifié", "structures", "équipements", "dispositifs", "médicaux", "appréciation", "individuelle",
        "gravité", "exceptionnelle", "conséquences", "défaut", "prise", "en", "charge", "le", "la", "les",
        "de", "du", "des", "et", "ou", "à", "l'accès", "réel", "effectif", "sources", "références",
    ]

    /// The generated document.
    public func document() -> LegalDocument {
        var generator = SplitMix64(seed: seed)
        func sentence(_ length: Int) -> String {
            var words: [String] = []
            for _ in 0..<length { words.append(Self.words[Int(generator.next() % UInt64(Self.words.count))]) }
            return words.joined(separator: " ").capitalizedFirst + "."
        }
        var body: [Clause] = []
        for number in 1...articles {
            let eId = "art_\(number)"
            var paragraphs: [Clause] = []
            for index in 1...paragraphsPerArticle {
                let paraId = "\(eId)__para_\(index)"
                if index == paragraphsPerArticle && number % 5 == 0 {
                    let listId = paraId + "__list_1"
                    let points = (1...3).map { point in
                        Clause(kind: .point, eId: "\(listId)__point_\(point)", num: "\(point)°",
                               content: [Block(text: sentence(12) + " ;")])
                    }
                    let list = Clause(kind: .list, eId: listId, intro: [Block(text: sentence(8) + " :")], children: points)
                    paragraphs.append(Clause(kind: .paragraph, eId: paraId, children: [list]))
                } else {
                    let inlines: [Inline] = [
                        .text(sentence(20) + " Voir l'article "),
                        .element(name: "ref", attributes: ["href": "#art_\(max(1, number - 1))"],
                                 children: [.text("\(max(1, number - 1))")]),
                        .text(". " + sentence(14)),
                    ]
                    paragraphs.append(Clause(kind: .paragraph, eId: paraId, content: [Block(inlines)]))
                }
            }
            body.append(Clause(kind: .article, eId: eId, num: number == 1 ? "Article 1er" : "Article \(number)",
                               heading: [.text(sentence(3))], children: paragraphs))
        }
        let annex = Annex(eId: "annex_1", preface: [Block(text: "Annexe I", className: "num"),
                                                    Block(text: "RÉFÉRENCES", className: "title")],
                          clauses: [Clause(kind: .paragraph, eId: "annex_1__para_1", content: [Block(text: sentence(30))])])
        return LegalDocument(
            identification: Self.identification, publication: nil,
            lifecycle: [LifecycleEvent(eId: "evt_signature", date: LegalDate(year: 2020, month: 1, day: 2)!, refersTo: "#signature"),
                        LifecycleEvent(eId: "evt_vigueur", date: LegalDate(year: 2020, month: 1, day: 3)!, refersTo: "#entreeEnVigueur")],
            notes: [Note(eId: "note_transcription", attributes: ["class": Note.transcriptionClass],
                         blocks: [Block(text: "Texte synthétique généré pour les mesures de performance.")])],
            preface: [.longTitle([Block(text: "Arrêté synthétique de \(articles) articles")])],
            body: body, annexes: [annex]
        )
    }

    static let identification: Identification = {
        let date = LegalDate(year: 2020, month: 1, day: 2)!
        let work = "/eli/arrete/2020/1/2/SYNT0000001A/jo/texte"
        return Identification(
            work: FRBRWork(this: work, uri: work, date: FRBRDate(date: date, name: "signature"), author: "#suivi",
                           country: "fr", number: "SYNT0000001A"),
            expression: FRBRExpression(this: work + "/2020-01-03/fr", uri: work + "/2020-01-03/fr",
                                       date: FRBRDate(date: date, name: "version"), author: "#suivi", language: "fra"),
            manifestation: FRBRManifestation(this: work + "/2020-01-03/fr/xml", uri: work + "/2020-01-03/fr/xml",
                                             date: FRBRDate(date: date, name: "generation"), author: "#suivi"))
    }()
}

extension String {
    /// The text with its first character upper-cased.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
