/// The FRBR identification of a text (work), of one of its versions (expression) and of this file
/// (manifestation), as in the Akoma Ntoso `identification` block.
public struct Identification: Sendable, Hashable, Codable {
    public var work: FRBRWork
    public var expression: FRBRExpression
    public var manifestation: FRBRManifestation

    public init(work: FRBRWork, expression: FRBRExpression, manifestation: FRBRManifestation) {
        self.work = work
        self.expression = expression
        self.manifestation = manifestation
    }
}

/// A dated FRBR property: `FRBRdate date="…" name="…"`.
public struct FRBRDate: Sendable, Hashable, Codable {
    public var date: LegalDate
    public var name: String

    public init(date: LegalDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// The abstract text, whatever its versions: e.g. the arrêté du 5 janvier 2017.
public struct FRBRWork: Sendable, Hashable, Codable {
    public var this: String
    public var uri: String
    public var date: FRBRDate
    public var author: String
    public var country: String
    /// The number of the text; for French texts the NOR.
    public var number: String?
    public var name: String?

    public init(this: String, uri: String, date: FRBRDate, author: String, country: String,
                number: String? = nil, name: String? = nil) {
        self.this = this
        self.uri = uri
        self.date = date
        self.author = author
        self.country = country
        self.number = number
        self.name = name
    }
}

/// One version of the text.
public struct FRBRExpression: Sendable, Hashable, Codable {
    public var this: String
    public var uri: String
    public var date: FRBRDate
    public var author: String
    public var language: String

    public init(this: String, uri: String, date: FRBRDate, author: String, language: String) {
        self.this = this
        self.uri = uri
        self.date = date
        self.author = author
        self.language = language
    }
}

/// This file, as a representation of one version.
public struct FRBRManifestation: Sendable, Hashable, Codable {
    public var this: String
    public var uri: String
    public var date: FRBRDate
    public var author: String

    public init(this: String, uri: String, date: FRBRDate, author: String) {
        self.this = this
        self.uri = uri
        self.date = date
        self.author = author
    }
}
