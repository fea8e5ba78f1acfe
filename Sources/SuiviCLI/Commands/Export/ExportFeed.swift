import ArgumentParser
import Foundation
import LegalText
import Publishing
import Register

extension Suivi {
    struct ExportFeed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "flux",
            abstract: "Flux Atom 1.0 des versions adoptées (étiquettes).")

        @Option(name: .customLong("adresse"), help: "Adresse de base des liens des entrées.")
        var baseUrl: String = "https://suivi.invalid"
        @OptionGroup var register: RegisterOptions
        @OptionGroup var output: OutputFileOptions

        func run() async throws {
            let publisher = Publisher(register: try register.openForReading())
            let base: String
            do { base = try SiteAddress(parsing: baseUrl).description } catch { throw ValidationError("--adresse : \(error)") }
            let feed = try await publishingCall { () async throws(PublishingError) in try await publisher.feed(baseURL: base) }
            try output.write(feed.xml)
        }
    }
}
