/// Writes one JSON document piece by piece, in exactly the layout `JSONWriter.write` gives the
/// same tree, so a large document can be sent out while it is produced and never held whole.
///
///     var s = JSONStream { print($0, terminator: "") }
///     s.beginObject()
///     s.member("format", .string("…"))
///     s.beginArray("sequences")   // arrays opened this way hold objects or arrays: one element a line
///     …
///     s.end(); s.end()            // the last end() writes the final newline
public struct JSONStream {
    private let write: (String) -> Void
    private let indent: String
    /// For each open container: how many elements it has so far.
    private var counts: [Int] = []

    public init(indent: String = "  ", write: @escaping (String) -> Void) {
        self.indent = indent
        self.write = write
    }

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }

    /// A complete value: a member of the open object (with `key`) or an element of the open array.
    public mutating func member(_ key: String?, _ value: JSONValue) {
        separator(key)
        write(JSONWriter.fragment(value, level: counts.count, indent: indent))
    }

    public mutating func element(_ value: JSONValue) { member(nil, value) }

    /// Closes the innermost container; closing the outermost ends the document.
    public mutating func end(_ closing: String) {
        let n = counts.removeLast()
        write(n == 0 ? closing : "\n" + String(repeating: indent, count: counts.count) + closing)
        if counts.isEmpty { write("\n") }
    }

    public mutating func endObject() { end("}") }
    public mutating func endArray() { end("]") }

    private mutating func open(_ key: String?, _ bracket: String) {
        if !counts.isEmpty { separator(key) }
        write(bracket)
        counts.append(0)
    }

    private mutating func separator(_ key: String?) {
        guard !counts.isEmpty else { return }
        write((counts[counts.count - 1] == 0 ? "\n" : ",\n") + String(repeating: indent, count: counts.count))
        counts[counts.count - 1] += 1
        if let key { write(JSONWriter.key(key) + ": ") }
    }
}
