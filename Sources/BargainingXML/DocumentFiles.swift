/// Writes validated documents into a directory, so that a reader never sees half a file.
public enum DocumentFiles {
    /// Writes every document into `directory` (created if missing). Each goes to a temporary
    /// file first, flushed to disk; only when all are written are they renamed into place, and
    /// on any failure the temporary files are removed. A file of the same name is replaced (the
    /// same history gives the same bytes).
    ///
    /// - Returns: the paths written, in the order given.
    @discardableResult
    public static func write(_ documents: [ExportedDocument], to directory: String) throws(ExportError) -> [String] {
        do {
            try FileSystem.makeDirectories(directory)
        } catch {
            throw .io(path: error.path, reason: error.reason)
        }
        var staged: [(temporary: String, final: String)] = []
        do {
            for document in documents {
                let final = ExportSchemas.join(directory, document.fileName)
                let temporary = FileSystem.temporarySibling(of: final)
                staged.append((temporary, final))
                try FileSystem.createFile(temporary, document.bytes)
            }
            for (temporary, final) in staged { try FileSystem.rename(temporary, final) }
        } catch {
            for (temporary, _) in staged { FileSystem.remove(temporary) }
            throw .io(path: error.path, reason: error.reason)
        }
        FileSystem.syncDirectory(directory)
        return staged.map(\.final)
    }
}
