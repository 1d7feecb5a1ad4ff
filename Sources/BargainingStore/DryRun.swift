/// A transaction's result, set inside the database closure and read once it has returned (or
/// once a dry run has rolled it back).
final class Captured<T: Sendable>: @unchecked Sendable {
    var value: T?
}

/// Thrown at the end of a dry run's transaction so that the store rolls it back: the result
/// was computed by the real writes, and none of them is kept.
struct DryRunRollback: Error {}
