import Foundation
import LegalText

extension AmendingOrder {
    /// The order as an OpenDocument text (opens in LibreOffice, which also converts it to DOCX:
    /// `soffice --headless --convert-to docx arrete-modificatif.odt`).
    public func odt(modified: Date = Date()) throws(PublishingError) -> Data {
        let items = DocumentFlow.paragraphs(document).map { ODTDocument.Item.paragraph($0) }
        return try ODTPackage.data(ODTDocument(title: document.title ?? "Arrêté modificatif", items: items), modified: modified)
    }
}
