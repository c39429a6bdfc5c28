import ArgumentParser
import CasusApp
import CasusCore
import CasusStore
import Foundation

struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: say(
            "Het toestemmingsregister: vastleggen, intrekken, tonen; de grondslag.",
            "The consent ledger: record, withdraw, show; the lawful basis."),
        discussion: say(
            "Doelen: \(ConsentPurpose.fixed.map(\.rawValue).joined(separator: ", ")), delen:<instantie-id>; bij intrekken ook 'alles'.",
            "Purposes: \(ConsentPurpose.fixed.map(\.rawValue).joined(separator: ", ")), delen:<agency-id>; when withdrawing also 'alles' (all)."
        ),
        subcommands: [Record.self, Withdraw.self, Show.self, Basis.self])

    /// Options shared by recording and withdrawing.
    struct EntryOptions: ParsableArguments {
        @Option(
            help: help(
                "Wanneer (ISO 8601; zonder zone geldt de lokale tijd). Standaard: nu.",
                "When (ISO 8601; without a zone, local time). Default: now.")) var at: String?
        @Option(
            help: help(
                "Hoe: schriftelijk, mondeling of opname.",
                "How: schriftelijk (written), mondeling (oral) or opname (recorded).")) var method: ConsentMethod =
                .schriftelijk
        @Option(
            name: .customLong("obtained-by"),
            help: help("Wie de toestemming vroeg (standaard: jij).", "Who asked for consent (default: you)."))
        var obtainedBy: String?
        @Option(
            help: help(
                "Bewijs: het getekende formulier of de opname; wordt als bijlage bewaard.",
                "Evidence: the signed form or the recording; stored as an attachment.")) var evidence: String?
        @Option var note: String?

        /// The details as the application layer takes them.
        func details() throws -> ConsentDetails {
            var details = ConsentDetails()
            details.at = try at.map { try InputParsing.timestamp($0) }
            details.method = method
            details.evidence = evidence.map { URL(fileURLWithPath: $0) }
            details.obtainedBy = obtainedBy
            details.note = note
            return details
        }
    }

    static func purposes(_ values: [String]) throws -> [ConsentPurpose] {
        try values.flatMap { $0.split(separator: ",") }.map { raw in
            guard let purpose = ConsentPurpose.parse(String(raw)) else {
                throw CasusError(
                    .invalidInput,
                    nl:
                        "'\(raw)' is geen doel. Kies uit: \(ConsentPurpose.fixed.map(\.rawValue).joined(separator: ", ")), delen:<instantie>, alles.",
                    en:
                        "'\(raw)' is not a purpose. Choose from: \(ConsentPurpose.fixed.map(\.rawValue).joined(separator: ", ")), delen:<agency>, alles."
                )
            }
            return purpose
        }
    }

    struct Record: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: say("Gegeven of geweigerde toestemming vastleggen.", "Record consent granted or refused."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument(help: help("Pseudoniem of id van de persoon.", "Pseudonym or id of the person.")) var person: String
        @Option(
            help: help(
                "Doel waarvoor toestemming is gegeven (herhaalbaar of met komma's).",
                "Purpose consented to (repeatable or comma-separated).")) var grant: [String] = []
        @Option(help: help("Doel dat geweigerd is.", "Purpose refused.")) var refuse: [String] = []
        @Option(
            help: help(
                "De informatiebrief die getoond is; casus bewaart de SHA-256.",
                "The information letter shown; casus keeps its SHA-256.")) var letter: String?
        @Option(
            name: .customLong("letter-version"),
            help: help("Versie van de informatiebrief.", "Version of the information letter.")) var letterVersion:
            String?
        @Option(
            help: help(
                "Steun of wilsbekwaamheid: wie was erbij, wat is gedaan om het begrijpelijk te maken.",
                "Support or capacity notes.")) var support: String?
        @Flag(name: .customLong("copy-given"), help: help("De persoon kreeg een kopie.", "The person received a copy."))
        var copyGiven = false
        @Option(name: .customLong("retain-until"), help: help("Bewaren tot (datum).", "Keep until (date)."))
        var retainUntil: FuzzyDate?
        @OptionGroup var entry: EntryOptions

        func execute(_ context: Context) throws {
            let granted = try ConsentCommand.purposes(grant), refused = try ConsentCommand.purposes(refuse)
            guard !granted.isEmpty || !refused.isEmpty else {
                throw CasusError(
                    .invalidInput, nl: "Noem minstens één doel met --grant of --refuse.",
                    en: "Name at least one purpose with --grant or --refuse.")
            }
            var details = try entry.details()
            details.letter = letter.map { URL(fileURLWithPath: $0) }
            details.letterVersion = letterVersion
            details.support = support
            details.copyGiven = copyGiven
            details.retainUntil = retainUntil
            let recorded = try context.casework().recordConsent(
                caseId, participant: person, granted: granted, refused: refused, details)
            context.print("Toestemming vastgelegd als \(recorded.id).", "Consent recorded as \(recorded.id).")
        }
    }

    struct Withdraw: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: say(
                "Toestemming intrekken, per doel of helemaal; de geschiedenis blijft.",
                "Withdraw consent, per purpose or entirely; history stays."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var person: String
        @Option(help: help("Doel om in te trekken (herhaalbaar).", "Purpose to withdraw (repeatable).")) var purpose:
            [String] = []
        @Flag(help: help("Alle toestemming intrekken.", "Withdraw all consent.")) var all = false
        @OptionGroup var entry: EntryOptions

        func execute(_ context: Context) throws {
            let purposes = all ? [ConsentPurpose.all] : try ConsentCommand.purposes(purpose)
            guard !purposes.isEmpty else {
                throw CasusError(
                    .invalidInput, nl: "Noem een doel met --purpose, of trek alles in met --all.",
                    en: "Name a purpose with --purpose, or withdraw everything with --all.")
            }
            let affected = try context.casework().withdrawConsent(
                caseId, participant: person, purposes: purposes, try entry.details()
            ).affected.map(context.t)
            context.print(
                "Intrekking vastgelegd. De eerdere toestemming blijft in de geschiedenis staan.",
                "Withdrawal recorded. The earlier consent stays in the history.")
            if !affected.isEmpty {
                context.print("Dit raakt:", "This affects:")
                for line in affected { print("  - " + line) }
            }
        }
    }

    struct Show: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: say(
                "De huidige toestemming per doel, of de geschiedenis.", "Current consent per purpose, or the history."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument(help: help("Alleen deze persoon.", "Only this person.")) var person: String?
        @Flag(help: help("Toon alle vastleggingen in volgorde.", "Show every entry in order.")) var history = false
        @Flag var json = false

        struct PurposeState: Encodable {
            var participantId: String
            var pseudonym: String
            var purpose: String
            var decision: String?
            var entry: String?
            var at: String?
        }

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            let people = try person.map { [try dossier.requireParticipant($0)] } ?? dossier.participants
            let ledger = dossier.consentLedger
            if history {
                let entries = people.flatMap { ledger.history(of: $0.id) }.sorted { EntityID.precedes($0.id, $1.id) }
                if json { return try Output.json(entries) }
                for e in entries {
                    let who = dossier.participant(e.participantId)?.pseudonym ?? e.participantId
                    var parts: [String] = []
                    if !e.granted.isEmpty {
                        parts.append(
                            context.t("gegeven: ", "granted: ") + e.granted.map(\.rawValue).joined(separator: ", "))
                    }
                    if !e.refused.isEmpty {
                        parts.append(
                            context.t("geweigerd: ", "refused: ") + e.refused.map(\.rawValue).joined(separator: ", "))
                    }
                    if !e.withdrawn.isEmpty {
                        parts.append(
                            context.t("ingetrokken: ", "withdrawn: ")
                                + e.withdrawn.map(\.rawValue).joined(separator: ", "))
                    }
                    print(
                        "\(e.id)  \(e.at.text)  \(who)  \(context.t(e.method.label))  \(parts.joined(separator: "; "))")
                    var extra: [String] = []
                    if let v = e.letterVersion { extra.append(context.t("brief v", "letter v") + v) }
                    if let sha = e.letterSha256 { extra.append("sha256 " + sha.prefix(12) + "…") }
                    if let ev = e.evidence { extra.append(context.t("bewijs ", "evidence ") + ev.fileName) }
                    extra.append(context.t("door ", "by ") + e.obtainedBy)
                    if e.copyGiven { extra.append(context.t("kopie gegeven", "copy given")) }
                    if let r = e.retainUntil { extra.append(context.t("bewaren tot ", "keep until ") + r.description) }
                    print("      " + extra.joined(separator: " · "))
                    if let s = e.support { print("      " + context.t("steun: ", "support: ") + s) }
                }
                return
            }
            var states: [PurposeState] = []
            for p in people {
                for status in ledger.overview(of: p.id) {
                    states.append(
                        PurposeState(
                            participantId: p.id, pseudonym: p.pseudonym, purpose: status.purpose.rawValue,
                            decision: status.decision?.rawValue, entry: status.decidedBy?.id,
                            at: status.decidedBy?.at.text))
                }
            }
            if json { return try Output.json(states) }
            for p in people {
                print("\(p.pseudonym) (\(p.id))")
                Output.table(
                    ["  " + context.t("DOEL", "PURPOSE"), context.t("STAAT", "STATE"), context.t("SINDS", "SINCE")],
                    ledger.overview(of: p.id).map { s in
                        [
                            "  " + context.t(s.purpose.label),
                            s.decision.map { context.t($0.label) } ?? context.t("niet gevraagd", "not asked"),
                            s.decidedBy.map { "\($0.id) \($0.at.day)" } ?? "",
                        ]
                    })
            }
            let bases = dossier.lawfulBasis
            if let basis = bases.last(where: { $0.participantId == nil }) {
                print(
                    context.t("Grondslag: ", "Lawful basis: ") + context.t(basis.basis.label) + " — "
                        + basis.explanation)
            } else {
                context.print(
                    "Grondslag: nog niet vastgelegd (`casus consent basis`).",
                    "Lawful basis: not recorded yet (`casus consent basis`).")
            }
        }
    }

    struct Basis: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "basis",
            abstract: say(
                "De grondslag van de verwerking vastleggen (los van toestemming).",
                "Record the lawful basis of the processing (apart from consent)."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option(
            help: help(
                "toestemming, publieke-taak, gerechtvaardigd-belang, wettelijke-verplichting of vitaal-belang.",
                "The basis.")) var basis: LawfulBasisKind
        @Option(help: help("Toelichting.", "Explanation.")) var explanation: String
        @Option(
            help: help(
                "Alleen voor deze persoon (anders de hele casus).", "Only for this person (else the whole case)."))
        var person: String?

        func execute(_ context: Context) throws {
            try context.casework().recordLawfulBasis(
                caseId, participant: person, basis: basis, explanation: explanation)
            context.print("Grondslag vastgelegd.", "Lawful basis recorded.")
        }
    }
}
