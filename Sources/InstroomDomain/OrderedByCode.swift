/// Fact values kept in sorted lists by their code, so that equal facts compare, hash and encode
/// equally (the allocation groups identical cases; byte-identical output depends on it).
public protocol OrderedByCode: RawRepresentable, Comparable where RawValue == String {}

extension OrderedByCode {
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
