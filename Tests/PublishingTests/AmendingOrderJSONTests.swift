import Foundation
import LegalText
import Testing
@testable import Publishing

@Suite("Amending order as JSON: a named, versioned schema that carries the whole order")
struct AmendingOrderJSONTests {
    @Test("the JSON names its schema and version, and its operations read back apply to the old version to give the new")
    func corpusPair() throws {
        let old = try Corpus.read("2017-01-05"), new = try Corpus.read("2026-projet")
        let order = AmendingOrderGenerator().order(from: old, to: new)
        let text = try AmendingOrderJSON(order, old: "v2017-01-05", new: "draft/2026-projet").encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "suivi-arrete-modificatif")
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(object["old"] as? String == "v2017-01-05" && object["new"] as? String == "draft/2026-projet")
        #expect(Set(object.keys) == ["schema", "schemaVersion", "old", "new", "roundTripExact", "unexpressed", "articles", "operations"])

        let read = try JSONDecoder().decode(AmendingOrderJSON.self, from: Data(text.utf8))
        #expect(read == AmendingOrderJSON(order, old: "v2017-01-05", new: "draft/2026-projet"))
        #expect(read.articles.count == order.document.body.count && !read.articles.isEmpty)
        let applied = try AmendingOrderApplier().apply(read.operations, to: old, year: order.date.year)
        #expect(AmendingOrder.normativeText(applied, like: new) == AmendingOrder.normativeText(new, like: new))
    }
}
