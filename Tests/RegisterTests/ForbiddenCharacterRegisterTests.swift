import Foundation
import LegalText
import Register
import Testing

/// Characters XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) arriving in the register's texts or
/// records through a draft or a pull: refused with the file, line and character, nothing written.
@Suite("Characters XML cannot hold: drafts and pulls")
struct ForbiddenCharacterRegisterTests {
    static let member = Identity(name: "Membre", email: "membre@example.org")

    /// A character in a draft clause, raw or as a character reference.
    static let samples: [(String, String)] = [
        ("\u{0B}", "U+000B"), ("\u{0}", "U+0000"), ("\u{1F}", "U+001F"), ("\u{FFFE}", "U+FFFE"),
        ("&#11;", "U+000B"), ("&#x1;", "U+0001"), ("&#xFFFF;", "U+FFFF"), ("&#xD800;", "U+D800"),
    ]

    @Test("a draft clause holding a character XML cannot hold is refused at draft commit with file, line and character",
          arguments: samples)
    func draftCommitRefused(sample: (String, String)) async throws {
        try await withTextRegister { register, root in
            _ = try await register.importVersions(from: try SmallAct.writeHistory(into: root).path, author: Self.member)
            let copy = register.workingCopy(ofDraft: "projet-2026").appendingPathComponent(SmallAct.work + ".xml")
            let text = try String(contentsOf: copy, encoding: .utf8)
            let range = try #require(text.range(of: "</p>"))
            let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
            try text.replacingCharacters(in: range, with: "Avant\(sample.0)après</p>").write(to: copy, atomically: true, encoding: .utf8)
            let before = try await register.refs()
            do {
                _ = try await register.commitDraft("projet-2026", message: "Collé depuis un diaporama", author: Self.member)
                Issue.record("\(sample.1): the draft was committed")
            } catch {
                let message = String(describing: error)
                #expect(message.contains("\(SmallAct.work).xml:\(line)"), "\(message)")
                #expect(message.contains(sample.1), "\(message)")
                #expect(message.contains("interdit en XML"), "\(message)")
            }
            #expect(try await register.refs() == before)
        }
    }

    @Test("pull refuses a committee record or a clause holding a character XML cannot hold, naming the file; nothing moves",
          arguments: ["committee/comments/r1/c1.xml", "article"])
    func pullRefused(target: String) async throws {
        try await withTextRegister { register, root in
            _ = try await register.importVersions(from: try SmallAct.writeHistory(into: root).path, author: Self.member)
            let (clone, _) = try await TextRegister.clone(from: register.root.path, to: root.appendingPathComponent("copie"))
            let store = register.gitStore
            let tip = try #require(try await store.tip())
            let path: String
            let data: Data
            if target == "article" {
                path = smallActArticle("art_1")
                let text = String(decoding: try #require(try await store.readFile(path: path, at: tip)), as: UTF8.self)
                data = Data(text.replacingOccurrences(of: "</p>", with: "\u{0B}</p>").utf8)
            } else {
                path = target
                data = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<commentaire xmlns=\"urn:suivi:comite:1\">\n  <corps>Avant\u{0B}après</corps>\n</commentaire>\n".utf8)
            }
            _ = try await store.commit(changes: [path: data], message: "écrit par un autre outil", author: Self.member, date: Date(),
                                      expectedParent: tip, signer: nil)
            let before = try await clone.refs()
            do {
                _ = try await clone.pull(author: Self.member)
                Issue.record("pulled")
            } catch {
                #expect(String(describing: error).contains(path), "\(error)")
                #expect(String(describing: error).contains("U+000B"), "\(error)")
            }
            #expect(try await clone.refs() == before)
        }
    }
}
