/// JSON text of values a run writes many times over (the scores of cases scored alike, the audit data
/// of "assigned to RO, final"): encoded once per distinct value within one transaction. Encoding was
/// the largest cost of recording a day.
final class JSONTextMemo<Value: Hashable & Encodable> {
    private var texts: [Value: String] = [:]

    func text(_ value: Value) throws -> String {
        if let text = texts[value] { return text }
        let text = try Ledger.jsonText(value)
        texts[value] = text
        return text
    }
}
