import BargainingKeys
import ArgumentParser
import BargainingXML
import Foundation

extension Bargain {
    struct KeysCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keys",
            abstract: "The depositor's signing keys for archive exports (XML Signature).",
            subcommands: [Generate.self])

        struct Generate: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "generate",
                abstract: "Write a new ECDSA P-256 key pair: DIR/private.pem and DIR/public.pem.",
                discussion: """
                    private.pem (PKCS#8, readable by its owner only) signs exports: \
                    `bargain export --sign-key DIR/private.pem`, or $BARGAIN_SIGN_KEY. It never \
                    leaves the depositor and is never put into an export. public.pem \
                    (SubjectPublicKeyInfo) goes to the archives, which list it among their \
                    trusted keys (`bargain import --trusted-keys`) and check a document with \
                    `xmlsec1 --verify --pubkey-pem public.pem FILE`.

                    Existing files are never overwritten (exit 73): a replaced key would make \
                    every document signed with the old one unverifiable with the new one.
                    """)

            @Option(help: ArgumentHelp("Directory to write the two files into (created if missing).", valueName: "dir"),
                    completion: .directory)
            var out: String

            func run() throws {
                try reportingFailures {
                    let key = SigningKey.generate()
                    let directory = URL(fileURLWithPath: out)
                    let files = [("private.pem", key.privateKeyPEM, 0o600), ("public.pem", key.publicKey.pem, 0o644)]
                    for (name, _, _) in files where FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) {
                        throw CommandFailure("\(directory.appendingPathComponent(name).path) already exists; keys are never overwritten",
                                             exitCode: ExitCodes.cannotWrite)
                    }
                    do {
                        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                        for (name, text, mode) in files {
                            let path = directory.appendingPathComponent(name).path
                            guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8),
                                                                 attributes: [.posixPermissions: mode]) else {
                                throw CommandFailure("cannot write \(path)", exitCode: ExitCodes.cannotWrite)
                            }
                            Terminal.standardOutput.line(path)
                        }
                    } catch let error as CommandFailure {
                        throw error
                    } catch {
                        throw CommandFailure("cannot write into \(out): \(error.localizedDescription)", exitCode: ExitCodes.cannotWrite)
                    }
                    Terminal.standardError.line("key \(key.publicKey.fingerprint): give public.pem to the archives; keep private.pem secret")
                }
            }
        }
    }
}

/// Reading keys named on the command line.
enum KeyFiles {
    /// The private key in `path` (`--sign-key`, `$BARGAIN_SIGN_KEY`).
    static func signingKey(_ path: String) throws -> SigningKey {
        do {
            return try SigningKey(pem: try text(path))
        } catch let error as SignatureError {
            throw CommandFailure("\(path): \(error)", exitCode: ExitCodes.dataError)
        }
    }

    /// The public keys in `path`: one PEM file, or every `*.pem` file of a directory.
    static func trustedKeys(_ path: String) throws -> [TrustedKey] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(path): no such file or directory (trusted keys)", exitCode: ExitCodes.dataError)
        }
        let files = isDirectory.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".pem") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            : [path]
        guard !files.isEmpty else { throw CommandFailure("\(path): holds no *.pem public key", exitCode: ExitCodes.dataError) }
        return try files.map { file in
            let pem = try text(file)
            if pem.contains("PRIVATE KEY") {
                throw CommandFailure("\(file) is a private key; an archive trusts public keys only (public.pem)", exitCode: ExitCodes.dataError)
            }
            do {
                return try TrustedKey(pem: pem)
            } catch let error as SignatureError {
                throw CommandFailure("\(file): \(error)", exitCode: ExitCodes.dataError)
            }
        }
    }

    private static func text(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("cannot read \(path)", exitCode: ExitCodes.dataError)
        }
        return text
    }
}
