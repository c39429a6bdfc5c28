import Foundation
import NIOConcurrencyHelpers

/// Rendered pages kept per case version, language, path and account: a dossier is read far more
/// often than it changes, and rendering is most of a page's cost. The form token is filled in per
/// request (`Pages.respond`), so a kept page is served only to the account it was made for.
final class PageCache: Sendable {
    private let pages = NIOLockedValueBox<[String: RenderedPage]>([:])
    static let capacity = 512

    func page(_ key: String, make: () throws -> String) rethrows -> RenderedPage {
        if let kept = pages.withLockedValue({ $0[key] }) { return kept }
        let page = RenderedPage(try make())
        pages.withLockedValue { pages in
            if pages.count >= Self.capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = page
        }
        return page
    }
}
