import CXML2

/// libxml2 initialised once per process, before any parse: Swift initialises globals lazily and once.
private let libxml2Initialised: Bool = {
    xmlInitParser()
    return true
}()

/// Touch this before any call into libxml2.
func ensureLibXML2() {
    _ = libxml2Initialised
}

/// Reads a libxml2 string without trusting it: a nil pointer gives nil, invalid UTF-8 is repaired.
func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer))), as: UTF8.self)
}
