import CasusCore
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The page templates (bundled Mustache files, HTML-escaped by default) and the frame every page
/// shares: language, the signed-in account, the form token and the texts in the reader's language.
struct Pages: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> Pages {
        guard let folder = Bundle.module.url(forResource: "Pages", withExtension: nil) else {
            throw CasusError(
                .internalError, nl: "De paginasjablonen ontbreken in deze build.",
                en: "The page templates are missing from this build.")
        }
        return Pages(library: try await MustacheLibrary(directory: folder.path))
    }

    /// Where the session's form token goes in a rendered page: a tag that no escaped text can contain,
    /// so a rendered page can be kept and served to the same account in another session.
    static let formTokenMarker = "<casus-form-token/>"

    /// Renders page `name` with `view`, inside the shared frame.
    func render(
        _ name: String, _ view: [String: Any], context: WebContext, title: String,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        respond(RenderedPage(html(name, view, context: context, title: title)), context: context, status: status)
    }

    /// The page's HTML, with the form token's place marked.
    func html(_ name: String, _ view: [String: Any], context: WebContext, title: String) -> String {
        var frame = view
        frame["t"] = WebText.catalogue(context.language)
        frame["lang"] = context.language.rawValue
        frame["otherLang"] = context.language == .nl ? "en" : "nl"
        frame["otherLangLabel"] = context.language == .nl ? "English" : "Nederlands"
        frame["pageTitle"] = title
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        frame["here"] = context.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
        if let signedIn = context.signedIn {
            frame["me"] = [
                "login": signedIn.account.login, "name": signedIn.account.name, "admin": signedIn.account.isAdmin,
            ]
            frame["csrf"] = Self.formTokenMarker
        }
        return library.render(Self.withoutEmptyText(frame), withTemplate: name) ?? "<!doctype html><title>casus</title>"
    }

    /// A rendered page as the response to this request, with this session's form token in its forms.
    func respond(_ page: RenderedPage, context: WebContext, status: HTTPResponse.Status = .ok) -> Response {
        let html = page.parts.joined(separator: context.signedIn?.session.formToken ?? "")
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Mustache treats "" as true; an empty text is left out, so `{{#note}}…{{/note}}` shows only a note.
    static func withoutEmptyText(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            return dictionary.compactMapValues { item -> Any? in
                if let text = item as? String, text.isEmpty { return nil }
                return withoutEmptyText(item)
            }
        }
        if let list = value as? [[String: Any]] { return list.map { withoutEmptyText($0) } }
        return value
    }

    /// An error as a page: what went wrong and what to do, in the reader's language.
    func error(_ error: CasusError, context: WebContext, status: HTTPResponse.Status? = nil) -> Response {
        let code = status ?? Self.status(for: error)
        var view: [String: Any] = ["message": context.t(error.message), "code": Int(code.code)]
        view["details"] = error.details.map { context.t($0) }
        view["hasDetails"] = !error.details.isEmpty
        if let link = Self.link(for: error.remedy) {
            view["remedy"] = ["href": link.href, "label": context.t(link.label)]
        }
        return render(
            "fout", view, context: context, title: context.t("Dat lukte niet", "That did not work"), status: code)
    }

    /// Where a remedy is done in the browser, when it is; the terminal prints a command instead.
    static func link(for remedy: Remedy?) -> (href: String, label: Localized)? {
        switch remedy {
        case .listCases: ("/", Localized(nl: "Naar mijn dossiers", en: "To my dossiers"))
        case .recordNarrative(let caseId):
            ("/casus/\(caseId)#narratief", Localized(nl: "Naar het narratief", en: "To the narrative"))
        case .choosePublicationForm(let caseId), .recordWithdrawal(caseId: .some(let caseId)):
            ("/casus/\(caseId)", Localized(nl: "Naar het dossier", en: "To the dossier"))
        default: nil
        }
    }

    static func status(for error: CasusError) -> HTTPResponse.Status {
        switch error.kind {
        case .notFound: .notFound
        case .notPermitted: .forbidden
        case .conflict: .conflict
        case .internalError, .storeFailure: .internalServerError
        case .unavailable: .serviceUnavailable
        default: .unprocessableContent
        }
    }
}

/// A rendered page cut at the places of the form token, so each request only joins the pieces.
struct RenderedPage: Sendable {
    let parts: [String]

    init(_ html: String) {
        parts = html.split(separator: Pages.formTokenMarker, omittingEmptySubsequences: false).map(String.init)
    }
}

extension WebContext {
    func t(_ text: Localized) -> String { language == .en ? text.en : text.nl }
    func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }
}
