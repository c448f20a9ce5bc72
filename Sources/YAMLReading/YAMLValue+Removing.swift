import Yams

extension YAMLValue {
    /// The mapping without `keys`, file, path and lines kept: a reader that handles some fields itself
    /// (a scenario's partial bands over its base) passes the rest to the reader that owns the format.
    /// Not a mapping: returned unchanged, so the owning reader reports it.
    public func removing(_ keys: Set<String>) -> YAMLValue {
        guard case .mapping(let mapping) = node else { return self }
        let kept = mapping.filter { pair in !(pair.key.string.map(keys.contains) ?? false) }
        return YAMLValue(
            file: file,
            path: path,
            node: .mapping(Node.Mapping(kept.map { ($0.key, $0.value) }, mapping.tag, mapping.style, mapping.mark))
        )
    }
}
