import Foundation
import LegalText

/// The JSON form of an amending order, schema `suivi-arrete-modificatif` version 1: the two versions, whether
/// the order applied to the old one gives back the new one, what it could not express, the text of each
/// article (one string per paragraph) and the operations. New fields may be added within a version.
public struct AmendingOrderJSON: Codable, Sendable, Hashable {
    public static let schemaName = "suivi-arrete-modificatif"
    public static let schemaVersion = 1

    public let schema: String
    public let schemaVersion: Int
    /// The amended version, as the user named it.
    public let old: String
    /// The version to reach, as the user named it.
    public let new: String
    public let roundTripExact: Bool
    public let unexpressed: [UnexpressedChange]
    /// Each article of the order, one string per paragraph.
    public let articles: [[String]]
    public let operations: [AmendingOperation]

    public init(_ order: AmendingOrder, old: String, new: String) {
        schema = Self.schemaName
        schemaVersion = Self.schemaVersion
        self.old = old
        self.new = new
        roundTripExact = order.roundTripExact
        unexpressed = order.unexpressed
        articles = order.document.body.map { $0.textBlocks.map(\.plainText) }
        operations = order.operations
    }

    /// The JSON text, keys sorted, pretty-printed, with a final line break.
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
