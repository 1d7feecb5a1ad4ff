import Foundation

/// Resumes a continuation once, with whichever of several unstructured tasks gets there first.
/// A task group would wait for all of its children, so it cannot walk away from a request the
/// driver never answers; this can, and the abandoned task is left to finish (or not) alone.
public final class FirstOutcome<T: Sendable>: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var continuation: CheckedContinuation<T, any Error>?

    public init(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation = continuation
    }

    /// Resumes the caller unless another task already has; says whether this one did.
    @discardableResult
    public func resume(with result: Result<T, any Error>) -> Bool {
        let continuation: CheckedContinuation<T, any Error>? = lock.withLock {
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume(with: result)
        return continuation != nil
    }
}
