/// A run's letters as one download (issue 16 item 4): every letter's DOCX in a ZIP archive,
/// named as `bargain reminders` names the files, plus the merged DOCX to print at once; the same
/// bytes for the same letters (``OfficePackageWriter`` dates every entry alike).
public enum LetterBundle {
    public static func zip(_ files: [(name: String, bytes: [UInt8])]) throws(OfficeError) -> [UInt8] {
        var writer = OfficePackageWriter()
        for file in files { writer.add(file.name, file.bytes) }
        return try writer.bytes()
    }
}
