import Foundation

/// The XML parts of an ODT package.
enum ODTXML {
    static let namespaces = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
    xmlns:xlink="http://www.w3.org/1999/xlink" \
    xmlns:dc="http://purl.org/dc/elements/1.1/" \
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    """

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out += " "
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func styleName(_ style: ParagraphStyle) -> String {
        switch style {
        case .title: return "Title"
        case .subtitle: return "Sous-titre"
        case .heading1: return "Heading_20_1"
        case .heading2: return "Heading_20_2"
        case .heading3: return "Heading_20_3"
        case .body: return "Text_20_body"
        case .point: return "Point"
        case .note: return "Note"
        case .meta: return "Meta"
        case .formula: return "Formule"
        case .quote: return "Citation"
        }
    }

    static func paragraph(_ paragraph: FlowParagraph) -> String {
        var xml = ""
        let style = styleName(paragraph.style)
        let level: Int? = switch paragraph.style {
        case .heading1: 1
        case .heading2: 2
        case .heading3: 3
        default: nil
        }
        if let level {
            xml += "<text:h text:style-name=\"\(style)\" text:outline-level=\"\(level)\">"
        } else {
            xml += "<text:p text:style-name=\"\(style)\">"
        }
        if let anchor = paragraph.anchor { xml += "<text:bookmark text:name=\"\(escape(anchor))\"/>" }
        for span in paragraph.spans {
            let text = escape(FrenchTypography.display(span.text))
            switch span {
            case .text: xml += text
            case .inserted: xml += "<text:span text:style-name=\"Insertion\">\(text)</text:span>"
            case .deleted: xml += "<text:span text:style-name=\"Suppression\">\(text)</text:span>"
            case .emphasis: xml += "<text:span text:style-name=\"Emphasis\">\(text)</text:span>"
            case .strong: xml += "<text:span text:style-name=\"Strong_20_Emphasis\">\(text)</text:span>"
            case .link(_, let href): xml += "<text:a xlink:type=\"simple\" xlink:href=\"\(escape(href))\">\(text)</text:a>"
            }
        }
        xml += level == nil ? "</text:p>" : "</text:h>"
        return xml
    }

    static func content(_ document: ODTDocument) -> String {
        var body = ""
        var tableCount = 0
        for item in document.items {
            switch item {
            case .paragraph(let p): body += paragraph(p) + "\n"
            case .table(let table):
                tableCount += 1
                let columns = max(1, table.headers.count)
                body += "<table:table table:name=\"Tableau\(tableCount)\" table:style-name=\"Tableau\">\n"
                body += "<table:table-column table:style-name=\"Tableau.Colonne\(columns)\" table:number-columns-repeated=\"\(columns)\"/>\n"
                body += "<table:table-header-rows><table:table-row>"
                for header in table.headers {
                    body += "<table:table-cell table:style-name=\"Tableau.Cellule\" office:value-type=\"string\">"
                        + "<text:p text:style-name=\"Table_20_Heading\">\(escape(header))</text:p></table:table-cell>"
                }
                body += "</table:table-row></table:table-header-rows>\n"
                for row in table.rows {
                    body += "<table:table-row>"
                    for index in 0..<columns {
                        let cell = index < row.count ? row[index] : []
                        body += "<table:table-cell table:style-name=\"Tableau.Cellule\" office:value-type=\"string\">"
                        body += cell.isEmpty ? "<text:p text:style-name=\"Text_20_body\"/>" : cell.map(paragraph).joined()
                        body += "</table:table-cell>"
                    }
                    body += "</table:table-row>\n"
                }
                body += "</table:table>\n"
            }
        }
        let width = document.landscape ? 25.5 : 17.0
        var columnStyles = ""
        for columns in 1...3 {
            columnStyles += "<style:style style:name=\"Tableau.Colonne\(columns)\" style:family=\"table-column\">"
                + "<style:table-column-properties style:column-width=\"\(String(format: "%.2f", width / Double(columns)))cm\"/></style:style>\n"
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(namespaces) office:version="1.3">
        <office:font-face-decls>
        <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" style:font-family-generic="roman"/>
        <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss"/>
        </office:font-face-decls>
        <office:automatic-styles>
        <style:style style:name="Tableau" style:family="table"><style:table-properties style:width="\(String(format: "%.2f", width))cm" table:align="margins"/></style:style>
        \(columnStyles)<style:style style:name="Tableau.Cellule" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border="0.5pt solid #999999"/></style:style>
        </office:automatic-styles>
        <office:body>
        <office:text>
        \(body)</office:text>
        </office:body>
        </office:document-content>

        """
    }

    static func paragraphStyle(_ name: String, display: String, parent: String = "Standard", next: String? = nil,
                               outline: Int? = nil, paragraph: String = "", text: String = "") -> String {
        var xml = "<style:style style:name=\"\(name)\" style:display-name=\"\(display)\" style:family=\"paragraph\" style:parent-style-name=\"\(parent)\""
        if let next { xml += " style:next-style-name=\"\(next)\"" }
        if let outline { xml += " style:default-outline-level=\"\(outline)\"" }
        xml += " style:class=\"text\">"
        if !paragraph.isEmpty { xml += "<style:paragraph-properties \(paragraph)/>" }
        if !text.isEmpty { xml += "<style:text-properties \(text)/>" }
        return xml + "</style:style>\n"
    }

    static func styles(landscape: Bool) -> String {
        let (width, height, orientation) = landscape ? ("29.7cm", "21cm", "landscape") : ("21cm", "29.7cm", "portrait")
        var styles = ""
        styles += paragraphStyle("Standard", display: "Standard", parent: "", paragraph: "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.18cm\" fo:text-align=\"justify\"",
                                 text: "style:font-name=\"DejaVu Serif\" fo:font-size=\"11pt\" fo:language=\"fr\" fo:country=\"FR\"")
            .replacingOccurrences(of: " style:parent-style-name=\"\"", with: "")
        styles += paragraphStyle("Text_20_body", display: "Text body")
        styles += paragraphStyle("Title", display: "Title", next: "Text_20_body",
                                 paragraph: "fo:text-align=\"center\" fo:margin-bottom=\"0.4cm\"", text: "fo:font-size=\"15pt\" fo:font-weight=\"bold\"")
        styles += paragraphStyle("Sous-titre", display: "Sous-titre", paragraph: "fo:text-align=\"center\"", text: "fo:font-weight=\"bold\"")
        styles += paragraphStyle("Heading_20_1", display: "Heading 1", next: "Text_20_body", outline: 1,
                                 paragraph: "fo:text-align=\"center\" fo:margin-top=\"0.8cm\" fo:keep-with-next=\"always\"",
                                 text: "style:font-name=\"DejaVu Sans\" fo:font-size=\"14pt\" fo:font-weight=\"bold\"")
        styles += paragraphStyle("Heading_20_2", display: "Heading 2", next: "Text_20_body", outline: 2,
                                 paragraph: "fo:margin-top=\"0.5cm\" fo:keep-with-next=\"always\"",
                                 text: "style:font-name=\"DejaVu Sans\" fo:font-size=\"12pt\" fo:font-weight=\"bold\"")
        styles += paragraphStyle("Heading_20_3", display: "Heading 3", next: "Text_20_body", outline: 3,
                                 paragraph: "fo:margin-top=\"0.3cm\" fo:keep-with-next=\"always\"", text: "fo:font-style=\"italic\" fo:font-weight=\"bold\"")
        styles += paragraphStyle("Point", display: "Point", paragraph: "fo:margin-left=\"0.8cm\"")
        styles += paragraphStyle("Note", display: "Note", text: "fo:font-size=\"9.5pt\" fo:font-style=\"italic\" fo:color=\"#555555\"")
        styles += paragraphStyle("Meta", display: "Meta", paragraph: "fo:text-align=\"start\"", text: "style:font-name=\"DejaVu Sans\" fo:font-size=\"9.5pt\"")
        styles += paragraphStyle("Formule", display: "Formule", text: "fo:font-style=\"italic\"")
        styles += paragraphStyle("Citation", display: "Citation", paragraph: "fo:margin-left=\"1cm\"")
        styles += paragraphStyle("Table_20_Heading", display: "Table Heading", paragraph: "fo:text-align=\"center\"",
                                 text: "style:font-name=\"DejaVu Sans\" fo:font-weight=\"bold\"")
        styles += """
        <style:style style:name="Insertion" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color" fo:color="#0b4d1e" fo:background-color="#d4f4dd"/></style:style>
        <style:style style:name="Suppression" style:family="text"><style:text-properties style:text-line-through-style="solid" fo:color="#8a1111" fo:background-color="#fde2e1"/></style:style>
        <style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
        <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>

        """
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(namespaces) office:version="1.3">
        <office:font-face-decls>
        <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" style:font-family-generic="roman"/>
        <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss"/>
        </office:font-face-decls>
        <office:styles>
        \(styles)</office:styles>
        <office:automatic-styles>
        <style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="\(width)" fo:page-height="\(height)" style:print-orientation="\(orientation)" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>
        </office:automatic-styles>
        <office:master-styles>
        <style:master-page style:name="Standard" style:page-layout-name="Page"/>
        </office:master-styles>
        </office:document-styles>

        """
    }

    static func meta(title: String, date: Date, user: [(name: String, value: String)] = []) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let stamp = formatter.string(from: date).replacingOccurrences(of: "Z", with: "")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(namespaces) office:version="1.3">
        <office:meta>
        <meta:generator>suivi</meta:generator>
        <dc:title>\(escape(title))</dc:title>
        <dc:language>fr-FR</dc:language>
        <meta:creation-date>\(stamp)</meta:creation-date>
        <dc:date>\(stamp)</dc:date>
        \(user.map { "<meta:user-defined meta:name=\"\(escape($0.name))\">\(escape($0.value))</meta:user-defined>" }.joined())
        </office:meta>
        </office:document-meta>

        """
    }

    static let manifest = """
    <?xml version="1.0" encoding="UTF-8"?>
    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
    <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(ODTPackage.mediaType)"/>
    <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
    <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
    <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
    </manifest:manifest>

    """
}
