import Foundation
import Mustache

/// Renders the web app's Dutch pages (and any report that wants the same look) from the mustache
/// templates bundled with this module. `{{x}}` escapes for HTML; no template uses `{{{x}}}`, so text
/// from files, people or the ledger can never become markup.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// The bundled templates.
    public init() throws {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates") else { throw PageError.noTemplates }
        try self.init(directory: folder)
    }

    /// Every `*.mustache` file in `directory`, named for its file name without the extension.
    public init(directory: URL) throws {
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mustache" }
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            do {
                try library.register(try String(contentsOf: file, encoding: .utf8), named: name)
            } catch {
                throw PageError.badTemplate(name: name, reason: "\(error)")
            }
        }
        self.library = library
    }

    /// The named template rendered with `object` (a struct, array or dictionary; read by reflection).
    public func render(_ template: String, _ object: Any) throws -> String {
        guard let html = library.render(object, withTemplate: template) else { throw PageError.missingTemplate(template) }
        return html
    }

    /// A page inside the shared layout: `template` extends `layout` and reads its own data under `content`.
    public func page<Content>(_ template: String, frame: PageFrame, content: Content) throws -> String {
        try render(template, Page(frame: frame, content: content))
    }

    /// A static file bundled with the templates (the stylesheet, the small table-sorting script).
    public static func asset(_ name: String) -> Data? {
        guard ["app.css", "app.js"].contains(name),
            let url = Bundle.module.resourceURL?.appendingPathComponent("Templates").appendingPathComponent(name)
        else { return nil }
        return try? Data(contentsOf: url)
    }
}
