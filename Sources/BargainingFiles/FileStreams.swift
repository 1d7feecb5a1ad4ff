#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
private let systemClose = Glibc.close
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
private let systemClose = Darwin.close
#endif
import BargainingCoverage

/// `open(2)`; a function, since the C one is variadic and Swift's overloads are per platform.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags, mode)
    #else
    Darwin.open(path, flags, mode)
    #endif
}

/// A file read in chunks with POSIX calls: imports read a few megabytes at a time into the
/// buffer the tokenizer scans, so a file of several hundred megabytes is never held whole, nor
/// copied through `Data`. Closed when the value goes away.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    public let size: Int

    public init(path: String) throws(ByteStreamFailure) {
        descriptor = systemOpen(path, O_RDONLY, 0)
        guard descriptor >= 0 else { throw ByteStreamFailure(String(cString: strerror(errno))) }
        var status = stat()
        size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    }

    deinit { _ = systemClose(descriptor) }

    public func read(appendingTo buffer: inout [UInt8], count: Int) throws(ByteStreamFailure) -> Int {
        let start = buffer.count
        var failure: ByteStreamFailure?
        var got = 0
        buffer.append(contentsOf: repeatElement(0, count: count))
        buffer.withUnsafeMutableBufferPointer { bytes in
            while got < count {
                let result = systemRead(descriptor, bytes.baseAddress! + start + got, count - got)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failure = ByteStreamFailure(String(cString: strerror(errno))) }
                if result <= 0 { break }
                got += result
            }
        }
        buffer.removeLast(count - got)
        if let failure { throw failure }
        return got
    }
}

/// A new or emptied file written with POSIX calls; closed when the value goes away.
public final class FileByteSink: ByteSink {
    private let descriptor: Int32

    public init(creating path: String) throws(ByteStreamFailure) {
        descriptor = systemOpen(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ByteStreamFailure(String(cString: strerror(errno))) }
    }

    deinit { _ = systemClose(descriptor) }

    public func append(_ bytes: [UInt8]) throws(ByteStreamFailure) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBufferPointer { systemWrite(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw ByteStreamFailure(String(cString: strerror(errno))) }
            written += result
        }
    }
}
