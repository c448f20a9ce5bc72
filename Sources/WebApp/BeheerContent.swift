import Ledger

/// The beheer page: accounts with their roles, and the API tokens.
struct BeheerContent {
    struct UserRow {
        var id: Int64
        var login: String
        var name: String
        var role: String
        var active: Bool
        var roles: [RoleOption]
    }

    struct RoleOption {
        var value: String
        var label: String
        var selected: Bool
    }

    struct TokenRow {
        var id: Int64
        var name: String
        var role: String
        var createdBy: String
        var createdAt: String
        var active: Bool
    }

    var users: [UserRow]
    var tokens: [TokenRow]
    var roles: [RoleOption]
    /// A token just made: shown once, never stored.
    var newToken: String?

    init(users: [UserRecord], tokens: [APITokenRecord], newToken: String? = nil) {
        let options = { (selected: UserRole?) in
            UserRole.allCases.map { RoleOption(value: $0.rawValue, label: $0.label, selected: $0 == selected) }
        }
        self.users = users.map {
            UserRow(id: $0.id ?? 0, login: $0.login, name: $0.displayName, role: $0.role.label, active: $0.active, roles: options($0.role))
        }
        self.tokens = tokens.map {
            TokenRow(
                id: $0.id ?? 0,
                name: $0.name,
                role: $0.role.label,
                createdBy: $0.createdBy,
                createdAt: CaseText.time($0.createdAt),
                active: $0.active
            )
        }
        roles = options(nil)
        self.newToken = newToken
    }
}
