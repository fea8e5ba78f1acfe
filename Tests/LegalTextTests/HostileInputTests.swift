import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LegalText
import Testing

/// One hostile or unsupported input and how the reader must refuse it.
struct HostileSample: Sendable, CustomTestStringConvertible {
    /// Where the bytes come from: a file of `Fixtures/hostile`, or generated at test time (too big to keep).
    enum Source: Sendable {
        case fixture(String)
        case generated(String, Generator)
    }

    enum Generator: Sendable {
        /// 100,000 nested unknown elements on line 5.
        case nesting(depth: Int)
        /// Nested `section` clauses, all on line 5.
        case clauseNesting(depth: Int)
        /// Nested `section` clauses, one per line from line 5.
        case clauseNestingOnePerLine(depth: Int)
        /// The minimal act, read with a byte limit smaller than it.
        case minimalAct
    }

    /// The refusal expected, as a ``LegalTextError`` case with the values that matter.
    enum Refusal: Sendable {
        case doctypeForbidden
        case malformed(LegalTextError.XMLProblem)
        case encodingDeclared(String)
        case wrongRoot(found: String, namespace: String?)
        case unsupportedElement(String, parent: String)
        case unexpectedText(parent: String)
        case tooLarge(limit: Int)
        case tooDeep(limit: Int)
    }

    let testDescription: String
    let source: Source
    let refusal: Refusal
    /// The exact line of the culprit; nil where the error has no line (a file refused for its size).
    let line: Int?
    /// A fragment of the French description that states the reason.
    let reason: String
    var limits = XMLParserLimits.standard

    var fileName: String {
        switch source {
        case .fixture(let name), .generated(let name, _): return name
        }
    }

    /// Whether `error` is the expected refusal.
    func matches(_ error: LegalTextError) -> Bool {
        switch (refusal, error) {
        case (.doctypeForbidden, .doctypeForbidden): return true
        case (.malformed(let problem), .malformed(_, _, _, let actual, _)): return problem == actual
        case (.encodingDeclared(let value), .badAttribute(_, _, "?xml", "encoding", let actual)): return actual == value
        case (.wrongRoot(let found, let namespace), .wrongRoot(_, _, let actualFound, let actualNamespace)):
            return found == actualFound && namespace == actualNamespace
        case (.unsupportedElement(let element, let parent), .unsupportedElement(_, _, let actualElement, let actualParent)):
            return element == actualElement && parent == actualParent
        case (.unexpectedText(let parent), .unexpectedText(_, _, let actualParent, _)): return parent == actualParent
        case (.tooLarge(let limit), .tooLarge(_, _, let actualLimit)): return limit == actualLimit
        case (.tooDeep(let limit), .tooDeep(_, _, let actualLimit)): return limit == actualLimit
        default: return false
        }
    }

    /// Writes the sample into `directory` and returns its path.
    func materialize(in directory: TemporaryDirectory) throws -> String {
        switch source {
        case .fixture(let name):
            return try directory.write(try Data(contentsOf: try Fixture.url(name, in: "Fixtures/hostile")), to: name)
        case .generated(let name, let generator):
            return try directory.write(try generator.bytes(), to: name)
        }
    }

    /// The hostile samples of the issue, each refused on its own.
    static let all: [HostileSample] = [
        HostileSample(testDescription: "billion laughs (nested entities)", source: .fixture("billion-laughs.xml"),
                      refusal: .doctypeForbidden, line: 3, reason: "déclaration <!DOCTYPE> refusée"),
        HostileSample(testDescription: "quadratic blowup (one big entity referenced many times)",
                      source: .fixture("quadratic-blowup.xml"), refusal: .doctypeForbidden, line: 3,
                      reason: "déclaration <!DOCTYPE> refusée"),
        HostileSample(testDescription: "external entity reading file:///etc/passwd", source: .fixture("external-entity-file.xml"),
                      refusal: .doctypeForbidden, line: 3, reason: "déclaration <!DOCTYPE> refusée"),
        HostileSample(testDescription: "external entity fetching http://127.0.0.1:9/x", source: .fixture("external-entity-http.xml"),
                      refusal: .doctypeForbidden, line: 3, reason: "déclaration <!DOCTYPE> refusée"),
        HostileSample(testDescription: "external DTD (DOCTYPE SYSTEM http://…/akn.dtd)", source: .fixture("external-dtd.xml"),
                      refusal: .doctypeForbidden, line: 3, reason: "déclaration <!DOCTYPE> refusée"),
        HostileSample(testDescription: "parameter entities (<!ENTITY % p …> %p;)", source: .fixture("parameter-entities.xml"),
                      refusal: .doctypeForbidden, line: 3, reason: "déclaration <!DOCTYPE> refusée"),
        HostileSample(testDescription: "undeclared entity &foo; without a DTD", source: .fixture("undeclared-entity.xml"),
                      refusal: .malformed(.entity), line: 10, reason: "entité XML, interdite"),
        HostileSample(testDescription: "invalid UTF-8 bytes", source: .fixture("invalid-utf8.xml"),
                      refusal: .malformed(.invalidEncoding), line: 10, reason: "pas en UTF-8 valide"),
        HostileSample(testDescription: "a document declaring encoding=\"ISO-8859-1\"", source: .fixture("latin1-encoding.xml"),
                      refusal: .encodingDeclared("ISO-8859-1"), line: 1, reason: "invalide pour l'attribut encoding"),
        HostileSample(testDescription: "the minimal act cut in the middle", source: .fixture("truncated.xml"),
                      refusal: .malformed(.truncated), line: 86, reason: "le document est tronqué"),
        HostileSample(testDescription: "an empty file", source: .fixture("empty.xml"),
                      refusal: .malformed(.truncated), line: 1, reason: "le document est tronqué"),
        HostileSample(testDescription: "100,000 nested elements", source: .generated("nesting-100000.xml", .nesting(depth: 100_000)),
                      refusal: .malformed(.tooDeep), line: 5, reason: "imbriqués trop profondément"),
        HostileSample(testDescription: "50,000 nested clause elements",
                      source: .generated("clause-nesting-50000.xml", .clauseNesting(depth: 50_000)),
                      refusal: .malformed(.tooDeep), line: 5, reason: "imbriqués trop profondément"),
        HostileSample(testDescription: "100 nested clause elements, over the model's limit of 64",
                      source: .generated("clause-nesting-100.xml", .clauseNestingOnePerLine(depth: 100)),
                      refusal: .tooDeep(limit: 64), line: 5 + 64, reason: "plus de 64 niveaux d'éléments imbriqués",
                      limits: XMLParserLimits(maxDepth: 64)),
        HostileSample(testDescription: "wrong root element (XHTML)", source: .fixture("wrong-root.xml"),
                      refusal: .wrongRoot(found: "html", namespace: "http://www.w3.org/1999/xhtml"), line: 3,
                      reason: "l'élément racine est <html>"),
        HostileSample(testDescription: "akomaNtoso in the Akoma Ntoso 2.0 namespace", source: .fixture("wrong-namespace.xml"),
                      refusal: .wrongRoot(found: "akomaNtoso", namespace: "http://www.akomantoso.org/2.0"), line: 2,
                      reason: "attendu <akomaNtoso> dans l'espace de noms http://docs.oasis-open.org/legaldocml/ns/akn/3.0"),
        HostileSample(testDescription: "an unknown element inside an article", source: .fixture("unknown-element-in-article.xml"),
                      refusal: .unsupportedElement("table", parent: "article"), line: 79,
                      reason: "élément <table> non pris en charge dans <article>"),
        HostileSample(testDescription: "text directly inside body", source: .fixture("text-in-body.xml"),
                      refusal: .unexpectedText(parent: "body"), line: 68, reason: "hors d'un paragraphe, dans <body>"),
        HostileSample(testDescription: "a file larger than the byte limit", source: .generated("minimal-act.xml", .minimalAct),
                      refusal: .tooLarge(limit: 1_024), line: nil, reason: "fichier trop volumineux",
                      limits: XMLParserLimits(maxBytes: 1_024)),
    ]
}

extension HostileSample.Generator {
    private static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
        <act name="arrete">
        <body>

        """
    private static let tail = "\n</body>\n</act>\n</akomaNtoso>\n"

    func bytes() throws -> Data {
        switch self {
        case .nesting(let depth):
            return Data((Self.head + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + Self.tail).utf8)
        case .clauseNesting(let depth):
            var text = Self.head
            for level in 1...depth { text += #"<section eId="sec_\#(level)" wId="sec_\#(level)">"# }
            text += String(repeating: "</section>", count: depth) + Self.tail
            return Data(text.utf8)
        case .clauseNestingOnePerLine(let depth):
            var text = Self.head
            for level in 1...depth { text += #"<section eId="sec_\#(level)" wId="sec_\#(level)">"# + "\n" }
            text += "<content><p>Texte.</p></content>\n" + String(repeating: "</section>", count: depth) + Self.tail
            return Data(text.utf8)
        case .minimalAct:
            return try Fixture.minimalData()
        }
    }
}

@Suite("Hostile and unsupported input is refused with the file, the line and a French reason")
struct HostileInputTests {
    @Test("a hostile sample is refused with the expected error", arguments: HostileSample.all)
    func refused(sample: HostileSample) throws {
        let directory = try TemporaryDirectory()
        let path = try sample.materialize(in: directory)
        let error = try #require(LegalTextError.caught { try LegalTextReader.read(contentsOf: path, limits: sample.limits) },
                                 "\(sample.fileName) was read as a valid document")
        #expect(sample.matches(error), "expected \(sample.refusal), got \(error)")
        #expect(error.file == path)
        #expect(error.description.hasPrefix(path), "the description names the file first: \(error.description)")
        #expect(error.description.contains(sample.reason), "French reason missing from: \(error.description)")
        if let line = sample.line {
            #expect(error.line == line)
            #expect(error.description.hasPrefix("\(path):\(line)"), "the description gives file:line: \(error.description)")
        } else {
            #expect(error.line == nil)
        }
    }

    @Test("a hostile sample in memory is refused like the file", arguments: HostileSample.all)
    func refusedInMemory(sample: HostileSample) throws {
        let directory = try TemporaryDirectory()
        let data = try Data(contentsOf: URL(fileURLWithPath: try sample.materialize(in: directory)))
        let error = try #require(LegalTextError.caught { try LegalTextReader.read(data: data, file: "memoire.xml", limits: sample.limits) })
        #expect(sample.matches(error), "expected \(sample.refusal), got \(error)")
        #expect(error.file == "memoire.xml")
        if let line = sample.line { #expect(error.line == line) }
    }

    @Test("FileCheck turns a refusal into one unreadable problem that states its place once",
          arguments: HostileSample.all.filter { $0.line != nil })
    func fileCheck(sample: HostileSample) throws {
        let directory = try TemporaryDirectory()
        let path = try sample.materialize(in: directory)
        let check = FileCheck.check(file: path, limits: sample.limits)
        #expect(!check.isValid)
        #expect(check.document == nil)
        let problem = try #require(check.problems.first)
        #expect(check.problems.count == 1)
        #expect(problem.rule == .unreadable)
        #expect(problem.file == path)
        #expect(problem.line == sample.line)
        #expect(problem.message.contains(sample.reason))
        // "file:line : reason", not "file:line : file:line : reason".
        let place = "\(path):\(sample.line ?? 0)"
        #expect(problem.description.components(separatedBy: place).count == 2,
                "the place is printed more than once: \(problem.description)")
    }

    @Test("a DOCTYPE declaring a billion laughs is refused at the line of the DOCTYPE",
          arguments: [0, 1, 6])
    func doctypeLine(commentLinesBefore: Int) throws {
        let comments = String(repeating: "<!-- commentaire -->\n", count: commentLinesBefore)
        var entities = #"  <!ENTITY lol "lol">"# + "\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += #"  <!ENTITY lol\#(level) ""# + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        let text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + comments
            + "<!DOCTYPE akomaNtoso [\n" + entities + "]>\n"
            + #"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="arrete"><body><p>&lol9;</p></body></act></akomaNtoso>"#
        let error = try #require(LegalTextError.caught { try LegalTextReader.read(data: Data(text.utf8), file: "rires.xml") })
        #expect(error == .doctypeForbidden(file: "rires.xml", line: 2 + commentLinesBefore))
        #expect(error.description.hasPrefix("rires.xml:\(2 + commentLinesBefore) : déclaration <!DOCTYPE> refusée"))
    }

    @Test("even a bare DOCTYPE without declarations is refused")
    func bareDoctype() throws {
        var text = try Fixture.minimalText()
        text = text.replacingOccurrences(of: "<akomaNtoso xmlns=", with: "<!DOCTYPE akomaNtoso>\n<akomaNtoso xmlns=")
        let error = try #require(LegalTextError.caught { try LegalTextReader.read(data: Data(text.utf8), file: "nu.xml") })
        #expect(error == .doctypeForbidden(file: "nu.xml", line: 2))
    }

    @Test("an external entity or DTD is never fetched, and a local file's content never leaks")
    func nothingIsFetched() throws {
        let listener = try LocalListener()
        let directory = try TemporaryDirectory()
        let secret = "SECRET-\(UUID().uuidString)"
        let secretPath = try directory.write(secret, to: "secret.txt")
        let prologs = [
            "<!DOCTYPE akomaNtoso [ <!ENTITY x SYSTEM \"http://127.0.0.1:\(listener.port)/entity\"> ]>",
            "<!DOCTYPE akomaNtoso SYSTEM \"http://127.0.0.1:\(listener.port)/akn.dtd\">",
            "<!DOCTYPE akomaNtoso [ <!ENTITY % p SYSTEM \"http://127.0.0.1:\(listener.port)/p\"> %p; ]>",
            "<!DOCTYPE akomaNtoso [ <!ENTITY x SYSTEM \"file://\(secretPath)\"> ]>",
        ]
        for (index, prolog) in prologs.enumerated() {
            let text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + prolog + "\n"
                + #"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="arrete"><body><p>&x;</p></body></act></akomaNtoso>"#
            let error = LegalTextError.caught { try LegalTextReader.read(data: Data(text.utf8), file: "ssrf-\(index).xml") }
            #expect(error == .doctypeForbidden(file: "ssrf-\(index).xml", line: 2))
            #expect(!(error?.description.contains(secret) ?? false))
        }
        #expect(listener.pendingConnections() == 0, "the reader connected to the local server")
    }

    @Test("data larger than the limit is refused before it is parsed")
    func tooLargeInMemory() throws {
        let data = Data(repeating: UInt8(ascii: "<"), count: 2_048)
        let error = LegalTextError.caught { try LegalTextReader.read(data: data, file: "gros.xml", limits: XMLParserLimits(maxBytes: 2_047)) }
        #expect(error == .tooLarge(file: "gros.xml", bytes: 2_048, limit: 2_047))
        #expect(error?.description.hasPrefix("gros.xml : fichier trop volumineux (2048 octets, limite 2047)") == true)
    }

    @Test("a file exactly at the byte limit is read")
    func atTheLimit() throws {
        let data = try Fixture.minimalData()
        let source = try LegalTextReader.read(data: data, file: "juste.xml", limits: XMLParserLimits(maxBytes: data.count))
        #expect(source.document.body.count == 3)
    }
}

/// A TCP server on 127.0.0.1 that never accepts: any connection attempt waits in its backlog.
final class LocalListener {
    let port: UInt16
    private let socketDescriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit {
        close(socketDescriptor)
    }

    /// How many connections are waiting to be accepted (accepting and closing them).
    func pendingConnections() -> Int {
        var count = 0
        while true {
            let connection = accept(socketDescriptor, nil, nil)
            guard connection >= 0 else { return count }
            close(connection)
            count += 1
        }
    }
}
