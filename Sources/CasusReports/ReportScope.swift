import CasusCore
import Foundation

/// What one export may show, decided from the consent ledger before anything is built:
/// which report purpose applies, which quotes may appear, and which agency it is for. A version for
/// one agency holds only that agency's slice of the dossier (`AgencySlice`).
struct ReportScope {
    let dossier: Dossier
    let options: ReportOptions
    let endUser: Participant
    let agency: Agency?
    var log: ExportLog

    init(_ dossier: Dossier, options: ReportOptions) throws {
        self.options = options
        log = ExportLog()
        let ledger = dossier.consentLedger
        guard let endUser = dossier.endUser else {
            throw CasusError(
                .invalidInput,
                nl: "Er is geen eindgebruiker in het dossier: een rapport zonder haar verhaal schrijft casus niet.",
                en: "There is no end user in the dossier: casus does not write a report without her story.")
        }
        self.endUser = endUser
        guard dossier.currentNarrative != nil else {
            throw CasusError(
                .invalidInput, nl: "Er is nog geen narratief: het rapport zou geen verhaal bevatten.",
                en: "There is no narrative yet: the report would hold no story.",
                remedy: .recordNarrative(caseId: dossier.casus.id))
        }
        var needed: [ConsentPurpose] = [.narrative, .report]
        if options.status == .definitief {
            guard let form = dossier.casus.publicationForm else {
                throw CasusError(
                    .invalidInput,
                    nl: "Kies eerst hoe het rapport verschijnt: anoniem, pseudoniem of met naam.",
                    en: "First choose how the report appears: anoniem, pseudoniem or naam.",
                    remedy: .choosePublicationForm(caseId: dossier.casus.id))
            }
            needed.append(form.consentPurpose)
            let wederhoor = Gates.evaluate(dossier).steps.flatMap(\.checks).first {
                $0.id == CheckID.wederhoorDone.rawValue
            }
            if let wederhoor, wederhoor.state != .done && wederhoor.state != .overridden {
                throw CasusError(
                    .invalidInput,
                    nl: "Een definitief rapport volgt op een afgerond wederhoor. \(wederhoor.detail?.nl ?? "") "
                        + "Maak een concept, of laat een coach deze controle met een reden overrulen (\(wederhoor.id)).",
                    en: "A definitive report follows a completed wederhoor. \(wederhoor.detail?.en ?? "") "
                        + "Make a draft, or have a coach override this check with a reason (\(wederhoor.id)).")
            }
        }
        if let agencyId = options.agencyId {
            guard
                let agency = dossier.agency(agencyId)
                    ?? dossier.agencies.first(where: { $0.name.caseInsensitiveCompare(agencyId) == .orderedSame })
            else {
                throw CasusError(
                    .notFound,
                    nl:
                        "Geen instantie '\(agencyId)' in deze casus. Bekend: \(dossier.agencies.map(\.id).joined(separator: ", ")).",
                    en:
                        "No agency '\(agencyId)' in this case. Known: \(dossier.agencies.map(\.id).joined(separator: ", "))."
                )
            }
            self.agency = agency
            self.dossier = AgencySlice.reduce(dossier, to: agency)
            needed.append(.sharing(with: agency.id))
        } else {
            agency = nil
            self.dossier = dossier
        }
        let missing = needed.filter { !ledger.isGranted($0, to: endUser.id) }
        guard missing.isEmpty else {
            throw CasusError(
                .consentMissing,
                nl:
                    "\(endUser.pseudonym) gaf (nog) geen toestemming voor: \(missing.map { $0.label.nl }.joined(separator: ", ")). Zonder die toestemming blijft het verhaal buiten dit rapport; er is niets geschreven.",
                en:
                    "\(endUser.pseudonym) has not (or no longer) consented to: \(missing.map { $0.label.en }.joined(separator: ", ")). Without that consent the story stays out of this report; nothing was written."
            )
        }
    }

    /// Whether a marked quote may appear word for word.
    func quoteAllowed(_ quote: Quote) -> Bool {
        dossier.consentLedger.isGranted(.verbatimQuotes, to: quote.speakerId)
    }

    /// Quotes whose speaker did not consent to verbatim use.
    var withheldQuotes: [Quote] { dossier.quotes.filter { !quoteAllowed($0) } }
}

/// What an export left out and what the author still has to supply. Shown to the user; it names
/// parts by id and pseudonym, never by content.
public struct ExportLog: Sendable {
    public var omitted: [Localized] = []
    public var gaps: [Localized] = []

    public var isEmpty: Bool { omitted.isEmpty && gaps.isEmpty }

    public func text(_ language: Language) -> String {
        var lines: [String] = []
        if !omitted.isEmpty {
            lines.append(language == .en ? "Left out (consent):" : "Weggelaten (toestemming):")
            lines += omitted.map { "  - " + $0.text(language) }
        }
        if !gaps.isEmpty {
            lines.append(
                language == .en
                    ? "Still to supply (marked in the report):" : "Nog aan te vullen (gemarkeerd in het rapport):")
            lines += gaps.map { "  - " + $0.text(language) }
        }
        return lines.joined(separator: "\n")
    }
}
