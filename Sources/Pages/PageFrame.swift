/// The layout's data: the page title, who is logged in with which role, the navigation for that role,
/// the session's CSRF token for every form, and a notice or an error to show above the content.
public struct PageFrame: Sendable {
    public struct User: Sendable {
        public var name: String
        /// The role in Dutch ("Begeleidingscommissie").
        public var role: String
        public init(name: String, role: String) {
            self.name = name
            self.role = role
        }
    }

    public struct Link: Sendable {
        public var label: String
        public var href: String
        public var current: Bool
        /// A place kept for work that is not there yet: shown, not linked.
        public var later: Bool
        public init(label: String, href: String, current: Bool = false, later: Bool = false) {
            self.label = label
            self.href = href
            self.current = current
            self.later = later
        }
    }

    public var title: String
    public var user: User?
    public var nav: [Link]
    public var csrf: String?
    public var notice: String?
    public var error: String?

    public init(title: String, user: User? = nil, nav: [Link] = [], csrf: String? = nil, notice: String? = nil, error: String? = nil) {
        self.title = title
        self.user = user
        self.nav = nav
        self.csrf = csrf
        self.notice = notice
        self.error = error
    }
}
