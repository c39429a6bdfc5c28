import ArgumentParser
import CasusApp
import CasusCore
import CasusStore
import Foundation

extension Context {
    /// The application layer for this context: the terminal on a personal store acts as its owner.
    func casework() throws -> Casework { Casework(store: try store(), vault: vault, actor: .owner(actor)) }
}

/// Prints what an erasure takes out, by kind and id (never the content).
func describeErasure(_ plan: ErasurePlan, pseudonym: String, context: Context) -> [String] {
    var lines: [String] = [
        context.t(
            "Van \(pseudonym) (\(plan.participantId)) in casus '\(plan.dossier.casus.id)':",
            "Of \(pseudonym) (\(plan.participantId)) in case '\(plan.dossier.casus.id)':")
    ]
    lines += plan.items.map { "  " + context.t($0) }
    if plan.isEmpty {
        lines.append(
            context.t(
                "  niets: dit materiaal is er niet (meer)", "  nothing: this material is not (or no longer) there"))
    }
    return lines
}

struct EraseCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: say(
            "Na een intrekking het materiaal van één persoon wissen (AVG art. 17).",
            "After a withdrawal, erase one person's material (GDPR art. 17)."),
        discussion: say(
            """
            Wist wat de ingetrokken doelen dekten: transcripten en geluidsopnamen van de interviews van die persoon, diens citaten \
            (in elk narratief vervangen door een gemarkeerd gat) en, bij intrekking van alles, de echte naam. \
            Het toestemmingsregister blijft: het bewijst de toestemming en de intrekking. Zonder --yes toont casus alleen wat er zou gaan.
            """,
            """
            Erases what the withdrawn purposes covered: transcripts and audio of that person's interviews, their quotes (replaced \
            by a marked gap in every narrative) and, when everything is withdrawn, the real name. The consent ledger \
            stays: it proves the consent and the withdrawal. Without --yes casus only shows what would go.
            """))
    @OptionGroup var global: GlobalOptions
    @Argument(help: help("Id van de casus.", "Id of the case.")) var caseId: String
    @Argument(help: help("Pseudoniem of id van de persoon.", "Pseudonym or id of the person.")) var person: String
    @Option(
        help: help(
            "Alleen deze ingetrokken doelen, met komma's (anders alle ingetrokken doelen).",
            "Only these withdrawn purposes, comma-separated (else every withdrawn purpose).")) var purpose: String?
    @Flag(help: help("Wis echt; dit kan niet ongedaan worden.", "Really erase; this cannot be undone.")) var yes = false

    func execute(_ context: Context) throws {
        let operations = try context.casework()
        let purposes = try purpose.map { text in
            try text.split(separator: ",").map { word -> ConsentPurpose in
                guard let parsed = ConsentPurpose.parse(String(word)) else {
                    throw CasusError(
                        .invalidInput, nl: "'\(String(word).excerpt)' is geen doel van toestemming.",
                        en: "'\(String(word).excerpt)' is not a consent purpose.")
                }
                return parsed
            }
        }
        let plan = try operations.preview(caseId, participant: person, purposes: purposes)
        let pseudonym = plan.dossier.participant(plan.participantId)?.pseudonym ?? plan.participantId
        guard yes else {
            describeErasure(plan, pseudonym: pseudonym, context: context).forEach { print($0) }
            throw CasusError(
                .invalidInput, nl: "Wissen kan niet ongedaan worden. Herhaal met --yes om dit te wissen.",
                en: "Erasing cannot be undone. Repeat with --yes to erase this.")
        }
        let done = try operations.erase(plan, ground: .withdrawal)
        describeErasure(done, pseudonym: pseudonym, context: context).forEach { print($0) }
        context.print(
            "Gewist, ook uit de zoekindex en de vrije ruimte van de database. Het auditlog noemt wat voor materiaal, niet de inhoud.",
            "Erased, from the search index and the database's free space too. The audit log names the kind of material, not its content."
        )
    }
}

struct RetentionCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: say(
            "Bewaartermijnen: wat verloopt, en het wissen van wat verlopen is.",
            "Retention: what is due, and erasing what has passed its date."))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: help("Alleen deze casus.", "Only this case.")) var caseId: String?
    @Option(help: help("Meld ook wat binnen zoveel dagen verloopt.", "Also list what is due within this many days."))
    var days = 60
    @Flag(
        help: help(
            "Wis het materiaal waarvan de termijn verstreken is (met --yes).",
            "Erase the material past its date (with --yes).")) var erase = false
    @Flag(help: help("Bevestig het wissen.", "Confirm the erasure.")) var yes = false

    func execute(_ context: Context) throws {
        let operations = try context.casework()
        let items = try operations.retention(caseId: caseId)
        let shown = items.filter { $0.retainUntil == nil || ($0.daysLeft ?? 0) <= days }
        for item in shown {
            let when: String
            switch item.daysLeft {
            case nil: when = context.t("geen bewaartermijn vastgelegd", "no retention date recorded")
            case let d? where d < 0:
                when = context.t(
                    "verlopen op \(item.retainUntil!) (\(-d) dagen geleden)",
                    "passed on \(item.retainUntil!) (\(-d) days ago)")
            case let d?:
                when = context.t(
                    "tot \(item.retainUntil!) (nog \(d) dagen)", "until \(item.retainUntil!) (\(d) days left)")
            }
            let state =
                item.isDue
                ? context.t(" — te wissen", " — to erase")
                : (item.hasMaterial ? "" : context.t(" — geen materiaal (meer)", " — no material (left)"))
            print("\(item.caseId)  \(item.participantId) \(item.pseudonym): \(when)\(state)")
        }
        if shown.isEmpty {
            context.print("Niets verloopt binnen \(days) dagen.", "Nothing is due within \(days) days.")
        }
        guard erase else { return }
        let plans = try operations.retentionPlans(caseId: caseId)
        guard !plans.isEmpty else { return context.print("Er is niets te wissen.", "There is nothing to erase.") }
        guard yes else {
            for plan in plans {
                let pseudonym = plan.dossier.participant(plan.participantId)?.pseudonym ?? plan.participantId
                describeErasure(plan, pseudonym: pseudonym, context: context).forEach { print($0) }
            }
            throw CasusError(
                .invalidInput, nl: "Wissen kan niet ongedaan worden. Herhaal met --erase --yes.",
                en: "Erasing cannot be undone. Repeat with --erase --yes.")
        }
        for plan in plans {
            let done = try operations.erase(plan, ground: .retention)
            let pseudonym = done.dossier.participant(done.participantId)?.pseudonym ?? done.participantId
            describeErasure(done, pseudonym: pseudonym, context: context).forEach { print($0) }
        }
        context.print("Gewist wegens verstreken bewaartermijn.", "Erased because the retention date passed.")
    }
}

/// The passphrase for backups: `CASUS_BACKUP_PASSPHRASE`, never an option (it would show in the process list).
func backupPassphrase(required: Bool) throws -> String? {
    let value = ProcessInfo.processInfo.environment["CASUS_BACKUP_PASSPHRASE"].flatMap { $0.isEmpty ? nil : $0 }
    if required && value == nil {
        throw CasusError(
            .invalidInput, nl: "Zet het wachtwoord voor de reservekopie in CASUS_BACKUP_PASSPHRASE.",
            en: "Put the backup's passphrase in CASUS_BACKUP_PASSPHRASE.")
    }
    return value
}

extension StoreCommand {
    struct BackupCommand: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: say(
                "Een reservekopie van de opslag, ook terwijl casus in gebruik is.",
                "A backup of the store, also while casus is in use."),
            discussion: say(
                "De sleutelkluis zit er niet in: maak daar apart een kopie van, op een andere plek.",
                "The key vault is not in it: copy it separately, to another place."))
        @OptionGroup var global: GlobalOptions
        @Option(
            help: help("Het bestand voor de reservekopie (bestaat nog niet).", "The backup file (must not exist yet)."))
        var to: String
        @Flag(
            help: help(
                "Versleutel met het wachtwoord uit CASUS_BACKUP_PASSPHRASE.",
                "Encrypt with the passphrase in CASUS_BACKUP_PASSPHRASE.")) var encrypt = false

        func execute(_ context: Context) throws {
            let manifest = try Backup.create(
                try context.store(), to: URL(fileURLWithPath: to), passphrase: try backupPassphrase(required: encrypt))
            context.print(
                "Reservekopie geschreven naar \(to): \(manifest.cases) casussen, \(manifest.files.count) bestanden\(encrypt ? ", versleuteld" : "").",
                "Backup written to \(to): \(manifest.cases) cases, \(manifest.files.count) files\(encrypt ? ", encrypted" : "")."
            )
            context.print(
                "De sleutelkluis (\(context.vault.url.path)) zit er niet in; bewaar die apart.",
                "The key vault (\(context.vault.url.path)) is not in it; keep it apart.")
        }
    }

    struct RestoreCommand: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: say(
                "Een reservekopie terugzetten in een nieuwe map, na controle van elk bestand en het auditlog.",
                "Restore a backup into a new folder, after checking every file and the audit log."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: help("De reservekopie.", "The backup file.")) var file: String
        @Option(help: help("Nieuwe map voor de opslag.", "New folder for the store.")) var to: String

        func execute(_ context: Context) throws {
            let report = try Backup.restore(
                URL(fileURLWithPath: file), to: URL(fileURLWithPath: to),
                passphrase: try backupPassphrase(required: false),
                actor: context.actor)
            context.print(
                "Teruggezet in \(to): \(report.filesVerified) bestanden gecontroleerd, auditlog heel (\(report.auditEntries) regels), \(report.manifest.cases) casussen.",
                "Restored into \(to): \(report.filesVerified) files verified, audit log intact (\(report.auditEntries) entries), \(report.manifest.cases) cases."
            )
            context.print(
                "Gebruik hem met --store \(to) of CASUS_STORE=\(to).", "Use it with --store \(to) or CASUS_STORE=\(to)."
            )
        }
    }
}
