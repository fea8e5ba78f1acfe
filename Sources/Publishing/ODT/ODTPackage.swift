import Foundation
import ZIPFoundation

/// Writes an ``ODTDocument`` as an OpenDocument text package (ODF 1.3): a ZIP archive whose first
/// entry is `mimetype`, stored uncompressed, then `content.xml`, `styles.xml`, `meta.xml` and
/// `META-INF/manifest.xml`, deflated.
public enum ODTPackage {
    public static let mediaType = "application/vnd.oasis.opendocument.text"

    /// The package's bytes. `modified` dates the entries and the metadata (fixed dates give identical bytes).
    public static func data(_ document: ODTDocument, modified: Date = Date()) throws(PublishingError) -> Data {
        let parts: [(String, Data, CompressionMethod)] = [
            ("mimetype", Data(mediaType.utf8), .none),
            ("content.xml", Data(ODTXML.content(document).utf8), .deflate),
            ("styles.xml", Data(ODTXML.styles(landscape: document.landscape).utf8), .deflate),
            ("meta.xml", Data(ODTXML.meta(title: document.title, date: modified, user: document.userMeta).utf8), .deflate),
            ("META-INF/manifest.xml", Data(ODTXML.manifest.utf8), .deflate),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            for (path, bytes, method) in parts {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
                                     compressionMethod: method) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw PublishingError.package("archive vide") }
            return data
        } catch let error as PublishingError {
            throw error
        } catch {
            throw .package(String(describing: error))
        }
    }
}
