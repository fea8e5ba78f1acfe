import ArgumentParser
import Foundation

/// Where an export goes: `--sortie <fichier>` (`-o`) or standard output.
struct OutputFileOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("sortie")],
            help: ArgumentHelp("Fichier à écrire (remplacé atomiquement). Par défaut : la sortie standard.", valueName: "fichier"))
    var output: String?

    /// Writes the export; refuses a folder; binary formats need a file.
    func write(_ data: Data, binary: Bool = false) throws {
        guard let output else {
            if binary { throw ValidationError("ce format est binaire : indiquez --sortie <fichier>.") }
            FileHandle.standardOutput.write(data)
            return
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Refusal("« \(output) » est un dossier ; indiquez un nom de fichier.")
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw Refusal("écriture de « \(output) » impossible : \(error.localizedDescription)")
        }
    }

    func write(_ text: String) throws { try write(Data(text.utf8)) }
}
