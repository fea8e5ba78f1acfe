import AsyncHTTPClient
import Committee
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Fetches a reference's address over HTTP with AsyncHTTPClient, within a ``FetchPolicy``: HEAD, then GET when
/// HEAD is refused or unsupported; redirects followed one by one (each recorded, each target checked like an
/// address of a record: `http`/`https` only, no credentials), never by the client itself; no cookie, no
/// credential, no proxy; a GET body read up to the policy's limit, then the transfer is cut.
public final class AddressFetcher: Sendable {
    public let policy: FetchPolicy
    private let client: HTTPClient

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        // No redirect followed by the client (each hop is checked and recorded here), no proxy, no decompression.
        let configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: policy.connectTimeout, read: policy.readTimeout),
            connectionPool: HTTPClient.Configuration.ConnectionPool(), proxy: nil, decompression: .disabled)
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Closes the client's connections; call once done.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// What fetching `address` finds. Never throws: every failure is part of the result.
    public func fetch(_ address: String) async -> FetchResult {
        var result = FetchResult(requested: address)
        var current = address
        for _ in 0...policy.maxRedirects {
            if let problem = DocumentaryReference.addressProblem(current) {
                result.failure = .refusedAddress(problem)
                return result
            }
            result.finalAddress = current
            let answer: Answer
            do {
                var head = try await request(current, method: .HEAD)
                if !CheckClassification.keepsHeadAnswer(head.status) {
                    head = try await request(current, method: .GET)
                }
                answer = head
            } catch {
                result.failure = Self.failure(error, host: URLComponents(string: current)?.host ?? current)
                return result
            }
            result.status = answer.status
            result.method = answer.method
            result.bodyBytes = answer.bodyBytes
            result.bodyCut = answer.bodyCut
            guard CheckClassification.isRedirect(answer.status) else { return result }
            guard let location = answer.location, !location.isEmpty,
                  let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else {
                result.failure = .badRedirect("statut \(answer.status) sans adresse de destination utilisable")
                return result
            }
            if let problem = DocumentaryReference.addressProblem(next) {
                result.failure = .refusedAddress("redirection \(answer.status) vers une adresse refusée : \(problem)")
                return result
            }
            result.redirects.append(RedirectHop(from: current, status: answer.status, to: next))
            current = next
            result.status = nil
            result.method = nil
        }
        result.failure = .tooManyRedirects(policy.maxRedirects)
        return result
    }

    private struct Answer {
        var status: Int
        var method: String
        var location: String?
        var bodyBytes = 0
        var bodyCut = false
    }

    private func request(_ address: String, method: HTTPMethod) async throws -> Answer {
        var request = HTTPClientRequest(url: address)
        request.method = method
        request.headers.replaceOrAdd(name: "User-Agent", value: "suivi (verification des references de l'annexe II)")
        request.headers.replaceOrAdd(name: "Accept", value: "*/*")
        let response = try await client.execute(request, timeout: policy.requestTimeout)
        var answer = Answer(status: Int(response.status.code), method: method.rawValue, location: response.headers.first(name: "Location"))
        guard method == .GET else { return answer }
        // Read at most the policy's bytes; leaving the loop drops the body's iterator, which cuts the transfer. The
        // status is known already: a body that stalls or breaks off is cut, it does not undo the answer.
        do {
            for try await chunk in response.body {
                answer.bodyBytes += chunk.readableBytes
                if answer.bodyBytes >= policy.maxBodyBytes {
                    answer.bodyCut = true
                    break
                }
            }
        } catch {
            answer.bodyCut = true
        }
        return answer
    }

    /// The failure an error of the client is.
    static func failure(_ error: any Error, host: String = "") -> FetchFailure {
        if isNameResolution(error) { return .nameNotResolved(host) }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
                 .getConnectionFromPoolTimeout:
                return .timeout(String(describing: error))
            default:
                return .connection(String(describing: error))
            }
        }
        if error is NIOSSLError || error is BoringSSLError { return .tls(String(describing: error)) }
        if error is CancellationError { return .timeout("vérification interrompue") }
        return .connection(String(describing: error))
    }

    /// Whether the error is a failed name resolution (NIO's `SocketAddressError.unknown`, or the DNS failures a
    /// connection attempt reports), told apart so that a run where no name resolves is seen as a network problem.
    static func isNameResolution(_ error: any Error) -> Bool {
        if let error = error as? SocketAddressError, case .unknown = error { return true }
        let text = String(describing: error)
        return text.contains("UnknownHost") || text.contains("DNS error")
    }
}
