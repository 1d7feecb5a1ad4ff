#if canImport(Glibc)
import Glibc
private let closeDescriptor = Glibc.close
#elseif canImport(Darwin)
import Darwin
private let closeDescriptor = Darwin.close
#endif

/// Files in and out with POSIX calls, in chunks: imports read a few megabytes at a time into the
/// buffer the tokenizer scans, and the generator writes its files the same way, so neither holds
/// a file of several hundred megabytes, nor copies it through `Data`.
enum FileBytes {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func open(_ path: String) throws(Failure) -> Int32 {
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        return descriptor
    }

    /// A new or emptied file, open for writing.
    static func create(_ path: String) throws(Failure) -> Int32 {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        return descriptor
    }

    /// The file's size in bytes, 0 when unknown.
    static func size(of descriptor: Int32) -> Int {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    }

    static func close(_ descriptor: Int32) {
        _ = closeDescriptor(descriptor)
    }

    /// Appends up to `count` bytes read from `descriptor` to `buffer`; returns how many, 0 at the
    /// end of the file.
    static func read(from descriptor: Int32, appendingTo buffer: inout [UInt8], count: Int) throws(Failure) -> Int {
        let start = buffer.count
        var failure: Failure?
        var got = 0
        buffer.append(contentsOf: repeatElement(0, count: count))
        buffer.withUnsafeMutableBufferPointer { bytes in
            while got < count {
                let result = Glibc.read(descriptor, bytes.baseAddress! + start + got, count - got)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failure = Failure(description: String(cString: strerror(errno))) }
                if result <= 0 { break }
                got += result
            }
        }
        buffer.removeLast(count - got)
        if let failure { throw failure }
        return got
    }

    /// Appends `bytes` to an open file.
    static func append(_ bytes: [UInt8], to descriptor: Int32) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBufferPointer { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw Failure(description: String(cString: strerror(errno))) }
            written += result
        }
    }
}
