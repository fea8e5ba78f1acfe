import ArgumentParser
import Foundation
import Register

/// A throw-away register made by `suivi-bench` for its writing measurements. It carries a marker file in its
/// git directory, and `suivi-bench write` refuses any register without it: a benchmark never commits into a
/// user's live register.
enum ScratchRegister {
    /// The marker's name, inside `register.git/` (git ignores unknown files there: fsck, clone and push never see it).
    static let markerName = "suivi-bench-jetable"

    static func marker(of root: URL) -> URL {
        TextRegister.gitDirectory(of: root).appendingPathComponent(markerName)
    }

    /// Creates a new register at `root` (which must not exist) and marks it as throw-away.
    static func create(at root: URL) throws -> TextRegister {
        let register = try registerOpenOrExit { try TextRegister.create(at: root) }
        try Data("Registre jetable créé par suivi-bench : ses mesures peuvent y écrire.\n".utf8).write(to: marker(of: root))
        return register
    }

    /// Opens a register made by ``create(at:)``; refuses any other one.
    static func open(at root: URL) throws -> TextRegister {
        guard FileManager.default.fileExists(atPath: marker(of: root).path) else {
            throw ValidationError("""
                \(root.path) n'est pas un registre jetable de suivi-bench : rien n'y est écrit. \
                suivi-bench n'écrit que dans un registre qu'il a créé (suivi-bench scratch-register <dossier>).
                """)
        }
        return try registerOpenOrExit { try TextRegister.open(at: root) }
    }

    private static func registerOpenOrExit(_ body: () throws -> TextRegister) throws -> TextRegister {
        do { return try body() } catch {
            printError("suivi-bench : \(error)")
            throw ExitCode.failure
        }
    }
}

extension SuiviBench {
    /// `suivi-bench scratch-register <dossier>`: a new throw-away register, the only kind `write` writes into.
    struct ScratchRegisterCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scratch-register",
            abstract: "Crée un registre jetable (vide) pour les mesures d'écriture ; importez-y le corpus avec suivi import au besoin."
        )

        @Argument(help: "Dossier du registre à créer (il ne doit pas exister).")
        var folder: String

        func run() throws {
            _ = try ScratchRegister.create(at: URL(fileURLWithPath: folder))
            print("Registre jetable créé : \(folder)")
        }
    }
}
