internal import CLibXML2

/// Facts about the libxml2 this process is linked against.
///
/// XMLCore is the only module that talks to libxml2, and it stays Foundation-free: libxml2's
/// headers pull in the system ICU, whose types clash with Foundation's in a clean build.
public enum LibXML2 {
    /// The library's runtime version as a number, e.g. `20914` for 2.9.14.
    public static var runtimeVersion: Int { Int(bargain_xmlRuntimeVersion()) }

    /// Initialises the parser exactly once per process; libxml2 requires it before threads use it.
    ///
    /// It also installs libxml2's no-network entity loader for the whole process. The schema
    /// parser has no `XML_PARSE_NONET` switch of its own in 2.9.14, so an `xs:import` naming an
    /// `http://` location would otherwise be fetched; since XMLCore is the only code in the
    /// process that uses libxml2, the process-wide loader is ours to choose.
    public static let initialized: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
    }()
}
