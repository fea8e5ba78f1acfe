import Register

/// The public pages already rendered (text in force, text on a date or at a version, versions, history,
/// bulletin, feed), keyed by the register's fingerprint and the request's normalised parameters: any change
/// of a tag or branch (an import, an adoption, a committed draft, a committee record) changes the fingerprint,
/// so a page rendered before it is never served after it. The server also drops everything after its own
/// writes. Only the page's content is kept, never the layout around it (who is logged in, the form token):
/// the content of these pages is the same for every reader (a member's review page: for every member of a seat,
/// the form token put in at serve time). Errors are never kept. Bounded in number of
/// pages and in bytes, least recently used first.
public actor PageCache {
    struct Key: Hashable, Sendable {
        let fingerprint: RegisterFingerprint
        /// The route (`text`, `versions`, `history`, …).
        let route: String
        /// The request's parameters as the page uses them (the day for the text in force without a date).
        let parameters: [String]
    }

    /// A page's content: its title and the HTML inside the layout (or the whole document, for the feed).
    struct Page: Sendable {
        let title: String
        let body: String
        /// Whether the layout around it shows the chair's links (a member's page, kept for one seat).
        var isChair = false
    }

    private var pages: BoundedLRU<Key, Page>
    /// Pages served from the cache (for tests).
    private(set) var hits = 0
    /// Pages rendered because they were not in the cache (for tests).
    private(set) var renders = 0

    /// At most `maximumPages` pages weighing `maximumBytes` in all (the text in force is about 300 KB).
    public init(maximumPages: Int = 256, maximumBytes: Int = 64 << 20) {
        pages = BoundedLRU(maximumCount: maximumPages, maximumCost: maximumBytes)
    }

    func page(for key: Key) -> Page? {
        guard let page = pages.value(for: key) else { return nil }
        hits += 1
        return page
    }

    func store(_ page: Page, for key: Key) {
        renders += 1
        pages.store(page, for: key, cost: page.title.utf8.count + page.body.utf8.count)
    }

    /// Drops every page (after a write of the server itself).
    func removeAll() { pages.removeAll() }

    var count: Int { pages.count }
    var bytes: Int { pages.totalCost }
    var evictions: Int { pages.evictions }
}
