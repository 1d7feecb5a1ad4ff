/// Where an import's bytes come from, a chunk at a time, and where a generator's go: a file at
/// the edge (`BargainingFiles`), an array in memory here. The coverage code reads and writes
/// through these and never touches the file system itself.
public protocol ByteSource {
    /// The total size when known (a file's), to size buffers; 0 when unknown.
    var size: Int { get }
    /// Appends up to `count` bytes to `buffer`; returns how many, 0 at the end.
    mutating func read(appendingTo buffer: inout [UInt8], count: Int) throws(ByteStreamFailure) -> Int
}

public protocol ByteSink {
    mutating func append(_ bytes: [UInt8]) throws(ByteStreamFailure)
}

/// The operating system's reason a read or write failed ("No such file or directory").
public struct ByteStreamFailure: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Bytes already in memory, handed out in chunks like a file's.
public struct BytesInMemory: ByteSource, ByteSink {
    public private(set) var bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8] = []) { self.bytes = bytes }

    public var size: Int { bytes.count }

    public mutating func read(appendingTo buffer: inout [UInt8], count: Int) throws(ByteStreamFailure) -> Int {
        let end = min(bytes.count, position + count)
        buffer.append(contentsOf: bytes[position..<end])
        defer { position = end }
        return end - position
    }

    public mutating func append(_ more: [UInt8]) throws(ByteStreamFailure) { bytes.append(contentsOf: more) }
}
