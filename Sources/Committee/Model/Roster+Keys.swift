import Foundation
import LegalText
import Register

/// A member's tenure of a seat, as a key or an e-mail designates it.
public struct SeatTenure: Sendable, Hashable {
    public let seat: Seat
    public let member: Member
}

extension Roster {
    /// Whether the roster records any key (a member's or a server's): from then on the register requires every
    /// commit to be signed (docs/COMMITTEE.md, « Signatures »).
    public var requiresSignatures: Bool {
        !servers.isEmpty || seats.contains { $0.members.contains { $0.publicKey != nil } }
    }

    /// Every tenure recorded with `key`, in and out of office.
    public func tenures(of key: SSHPublicKey) -> [SeatTenure] {
        seats.flatMap { seat in seat.members.filter { $0.publicKey == key }.map { SeatTenure(seat: seat, member: $0) } }
    }

    /// Every tenure of the member of that e-mail (any case), in and out of office.
    public func tenures(ofEmail email: String) -> [SeatTenure] {
        let wanted = email.lowercased()
        return seats.flatMap { seat in seat.members.filter { $0.email.lowercased() == wanted }.map { SeatTenure(seat: seat, member: $0) } }
    }

    /// The server of that key, if it is one.
    public func server(of key: SSHPublicKey) -> ServerKey? { servers.first { $0.publicKey == key } }

    /// git's allowed-signers file (`gpg.ssh.allowedSignersFile`): one line per member's tenure with a key, its
    /// principal the member's e-mail, valid from the first day in office to the last (`valid-after`,
    /// `valid-before`, by day), restricted to the `git` namespace; one line per server key, its principal
    /// `serveur@<nom>`. `git -c gpg.ssh.allowedSignersFile=<file> verify-commit <commit>` then accepts the
    /// register's signed commits.
    public var allowedSigners: String {
        var lines = ["# Signataires autorisés du registre : format allowed_signers d'OpenSSH (gpg.ssh.allowedSignersFile de git)."]
        for seat in seats {
            for member in seat.members {
                guard let key = member.publicKey else { continue }
                var options = ["namespaces=\"git\"", "valid-after=\"\(Self.stamp(member.from))\""]
                if let to = member.to { options.append("valid-before=\"\(Self.stamp(to.adding(days: 1)))\"") }
                lines.append("# \(member.name), siège \(seat.id)")
                lines.append("\(Self.principal(member.email)) \(options.joined(separator: ",")) \(key.openSSH)")
            }
        }
        for server in servers {
            lines.append("# \(server.name) (serveur web)")
            lines.append("\(Self.serverPrincipal(server.name)) namespaces=\"git\" \(server.publicKey.openSSH)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A principal holds no space, comma or quote (they separate fields and patterns in the file).
    static func principal(_ email: String) -> String {
        String(email.lowercased().map { $0 == " " || $0 == "," || $0 == "\"" || $0 == "*" || $0 == "?" ? "_" : $0 })
    }

    static func serverPrincipal(_ name: String) -> String {
        let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return "serveur@" + String(slug)
    }

    /// `AAAAMMJJ`: midnight at the start of that day, as `ssh-keygen` reads it.
    private static func stamp(_ date: LegalDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }
}
