import CasusApp
import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body read into its text fields and at most one file, with MultipartKit's
/// parser. A body cut off before its last boundary is refused, so a half-sent file is never kept.
enum MultipartForm {
    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(of contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = unquote(pair[1])
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> (fields: [String: String], file: UploadedFile?) {
        let parser = MultipartParser(boundary: boundary)
        var fields: [String: String] = [:]
        var file: UploadedFile?
        var disposition = ""
        var content = Data()
        var started = 0
        var completed = 0
        var malformed = false
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { buffer in
            content.append(contentsOf: buffer.readableBytesView)
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }
        parser.onPartComplete = {
            completed += 1
            defer {
                disposition = ""
                content = Data()
            }
            let parameters = Self.parameters(disposition)
            guard let name = parameters["name"] else {
                malformed = true
                return
            }
            if let fileName = parameters["filename"] {
                // An empty file input sends a part without a name and without bytes: no file.
                guard !(fileName.isEmpty && content.isEmpty) else { return }
                if file != nil { malformed = true }
                file = UploadedFile(name: fileName, data: content)
            } else if let text = String(data: content, encoding: .utf8) {
                fields[name] = fields[name].map { $0 + "\n" + text } ?? text
            } else {
                malformed = true
            }
        }
        // A complete body ends with the closing delimiter, and every part before it was completed.
        let bytes = Data(body.readableBytesView)
        let delimiter = Data("--\(boundary)".utf8)
        var from = bytes.startIndex
        while let found = bytes.range(of: delimiter, in: from..<bytes.endIndex) {
            started += 1
            from = found.upperBound
        }
        let closed = bytes.range(of: Data("--\(boundary)--".utf8)) != nil
        do {
            try parser.execute(body)
        } catch {
            throw WebError.badForm
        }
        guard !malformed, closed, started >= 2, completed == started - 1 else { throw WebError.badForm }
        return (fields, file)
    }

    /// `form-data; name="a"; filename="b c.pdf"` as its parameters, quotes and escapes taken off.
    static func parameters(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(header)
        // Skip the disposition type.
        guard let first = rest.firstIndex(of: ";") else { return result }
        rest = rest[rest.index(after: first)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        value.append(c)
                        escaped = false
                    } else if c == "\\" {
                        escaped = true
                    } else if c == "\"" {
                        break
                    } else {
                        value.append(c)
                    }
                }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            result[key] = value
        }
        return result
    }

    private static func unquote(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }
}
