import BargainingStore
import Hummingbird

/// Bounds the time one request may take: after `seconds` the client gets 503 with what to do,
/// even if the work never answers (a task group would wait for it; this walks away and cancels
/// it). An act cut off this way committed whole or not at all; repeating it with the same
/// request id is safe.
struct DeadlineResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == ServerContext {
    typealias Context = ServerContext
    let inner: Inner
    let seconds: Int

    func respond(to request: Request, context: ServerContext) async throws -> Response {
        let inner = self.inner, seconds = self.seconds
        return try await withCheckedThrowingContinuation { continuation in
            let first = FirstOutcome(continuation)
            let worker = Task {
                do { first.resume(with: .success(try await inner.respond(to: request, context: context))) } catch {
                    first.resume(with: .failure(error))
                }
            }
            let timer = Task {
                guard (try? await Task.sleep(for: .seconds(seconds))) != nil else { return }
                first.resume(with: .failure(Problem(.serviceUnavailable, "timeout", title: "请求超时 (request took too long)",
                    detail: "no answer within \(seconds) s; if it was an act, read the negotiation to see whether it was recorded, or repeat it with the same requestId")))
                worker.cancel()
            }
            Task {
                _ = await worker.result
                timer.cancel()
            }
        }
    }
}
