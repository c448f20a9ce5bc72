/// What a page template reads: the shared frame (title, user, navigation, CSRF token, messages) and
/// the page's own data.
public struct Page<Content> {
    public var frame: PageFrame
    public var content: Content

    public init(frame: PageFrame, content: Content) {
        self.frame = frame
        self.content = content
    }
}
