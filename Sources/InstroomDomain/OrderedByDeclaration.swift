/// Values whose order is their declaration order: urgency of case kinds, priority of escalation reasons.
public protocol OrderedByDeclaration: CaseIterable, Comparable where AllCases.Index == Int {}

extension OrderedByDeclaration {
    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
