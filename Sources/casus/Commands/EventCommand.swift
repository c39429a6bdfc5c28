import ArgumentParser
import CasusApp
import CasusCore
import Foundation

struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: say(
            "De tijdlijn: wat er gebeurde en hoe de eindgebruiker het beleefde.",
            "The timeline: what happened and how the end user experienced it."),
        subcommands: [Add.self, List.self, Change.self, Remove.self])

    /// The fields of an event as options, for adding and changing.
    struct Fields: ParsableArguments {
        @Option(
            help: help(
                "Datum: 2021-03-15, 2021-03, 2021 of ~2021-03 (bij benadering).",
                "Date: 2021-03-15, 2021-03, 2021 or ~2021-03 (approximate).")) var date: String?
        @Option(
            name: .customLong("end-date"),
            help: help("Einddatum voor iets dat duurde.", "End date for something that lasted.")) var endDate: String?
        @Option(
            help: help(
                "Wie handelde: instantie-id, pseudoniem, of agency:x / participant:P1.",
                "Who acted: agency id, pseudonym, or agency:x / participant:P1.")) var actor: String?
        @Option(help: help("Kanaal: \(Channel.choices).", "Channel: \(Channel.choices).")) var channel: Channel?
        @Option(help: help("Wat er gebeurde.", "What happened.")) var what: String?
        @Option(help: help("Hoe de eindgebruiker het beleefde.", "How the end user experienced it.")) var experience:
            String?
        @Option(help: help("Citaat-id waarin het gezegd wordt.", "Quote id in which it is said.")) var quote: String?
        @Option(
            parsing: .unconditional,
            help: help(
                "Impact van -2 (heel slecht) tot +2 (heel goed).", "Impact from -2 (very bad) to +2 (very good)."))
        var impact: Int?
        @Option(
            help: help(
                "Zichtbaar voor de eindgebruiker: ja of nee (nee: achter de schermen).",
                "Visible to the end user: yes or no (no: backstage).")) var visible: String?
        @Option(help: help("Onderbouwing: \(EvidenceStatus.choices).", "Evidence: \(EvidenceStatus.choices)."))
        var evidence: EvidenceStatus?
        @Option(help: help("Fase van het verhaal.", "Phase of the story.")) var phase: String?
        @Option(help: help("Knelpunt-type (herhaalbaar).", "Knelpunt type (repeatable).")) var knelpunt: [String] = []
        @Option(
            name: .customLong("key-moment"), help: help("Beslissend moment: ja of nee.", "Moment of truth: yes or no."))
        var keyMoment: String?
        @Option var note: String?

        /// The options as the application layer takes them: dates and yes/no parsed, the rest as typed.
        func fields() throws -> EventFields {
            var fields = EventFields()
            if let date { fields.date = .some(date.isEmpty ? nil : try InputParsing.fuzzyDate(date)) }
            if let endDate { fields.endDate = .some(endDate.isEmpty ? nil : try InputParsing.fuzzyDate(endDate)) }
            fields.actor = actor
            fields.channel = channel
            fields.what = what
            fields.experience = experience
            fields.quoteId = quote
            fields.impact = impact
            fields.visibleToEndUser = try visible.map(InputParsing.yesNo)
            fields.evidence = evidence
            fields.phase = phase
            fields.knelpunten = knelpunt
            fields.keyMoment = try keyMoment.map(InputParsing.yesNo)
            fields.note = note
            return fields
        }
    }

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: say("Een gebeurtenis toevoegen.", "Add an event."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @OptionGroup var fields: Fields

        func execute(_ context: Context) throws {
            guard fields.actor != nil, nonEmpty(fields.what) != nil else {
                throw CasusError(
                    .invalidInput, nl: "Geef minstens --actor en --what.", en: "Give at least --actor and --what.")
            }
            let id = try context.casework().addEvent(caseId, try fields.fields())
            // Say how a channel was read: "post" is stored as "brief" (letter), which the user should see.
            let channelNote =
                fields.channel.map { " " + context.t("Kanaal: \($0.rawValue).", "Channel: \($0.rawValue).") } ?? ""
            context.print("Gebeurtenis \(id) toegevoegd.\(channelNote)", "Event \(id) added.\(channelNote)")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De tijdlijn in volgorde.", "The timeline in order."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            let events = dossier.chronologicalEvents
            if json { return try Output.json(events) }
            Output.table(
                [
                    "ID", context.t("DATUM", "DATE"), context.t("WIE", "WHO"), context.t("KANAAL", "CHANNEL"), "±",
                    context.t("WAT", "WHAT"),
                ],
                events.map { e in
                    [
                        e.id, e.date?.description ?? "?", dossier.name(of: e.actor),
                        e.channel.map { context.t($0.label) } ?? "",
                        e.impact.map { $0 > 0 ? "+\($0)" : String($0) } ?? "",
                        (e.visibleToEndUser ? "" : context.t("[achter de schermen] ", "[backstage] "))
                            + Output.short(e.what, 70),
                    ]
                })
        }
    }

    struct Change: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: say("Een gebeurtenis wijzigen.", "Change an event."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var eventId: String
        @OptionGroup var fields: Fields

        func execute(_ context: Context) throws {
            try context.casework().changeEvent(caseId, eventId, try fields.fields())
            context.print("Gebeurtenis \(eventId) bijgewerkt.", "Event \(eventId) updated.")
        }
    }

    struct Remove: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: say("Een gebeurtenis verwijderen (ook uit koppelingen).", "Remove an event (and from links)."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var eventId: String

        func execute(_ context: Context) throws {
            try context.casework().removeEvent(caseId, eventId)
            context.print("Gebeurtenis \(eventId) verwijderd.", "Event \(eventId) removed.")
        }
    }
}

struct HandoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: say(
            "Overdrachten tussen instanties, ook die er niet kwamen.",
            "Hand-offs between agencies, including those that never came."),
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: say("Een overdracht vastleggen.", "Record a hand-off."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Option(help: help("Van instantie.", "From agency.")) var from: String
        @Option(help: help("Naar instantie.", "To agency.")) var to: String
        @Option(
            help: help("Wat er werd (of had moeten worden) doorgegeven.", "What was (or should have been) passed on."))
        var what: String
        @Option var date: String?
        @Option var channel: Channel?
        @Flag(
            help: help(
                "Een overdracht die had moeten gebeuren en niet gebeurde.",
                "A hand-off that should have happened and did not.")) var missing = false
        @Option(help: help("Bijbehorende gebeurtenis.", "The event it belongs to.")) var event: String?
        @Option var evidence: EvidenceStatus = .verhaal
        @Option var note: String?

        func execute(_ context: Context) throws {
            var new = NewHandoff(from: from, to: to, what: what)
            new.date = try date.map(InputParsing.fuzzyDate)
            new.channel = channel
            new.happened = !missing
            new.eventId = event
            new.evidence = evidence
            new.note = note
            let id = try context.casework().addHandoff(caseId, new)
            let channelNote =
                channel.map { " " + context.t("Kanaal: \($0.rawValue).", "Channel: \($0.rawValue).") } ?? ""
            context.print("Overdracht \(id) vastgelegd.\(channelNote)", "Hand-off \(id) recorded.\(channelNote)")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De overdrachten.", "The hand-offs."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Flag var json = false

        func execute(_ context: Context) throws {
            let dossier = try context.store().dossier(caseId)
            if json { return try Output.json(dossier.handoffs) }
            Output.table(
                ["ID", context.t("DATUM", "DATE"), context.t("VAN → NAAR", "FROM → TO"), "", context.t("WAT", "WHAT")],
                dossier.handoffs.map { h in
                    [
                        h.id, h.date?.description ?? "?", "\(h.fromAgencyId) → \(h.toAgencyId)",
                        h.happened ? "" : context.t("ONTBREEKT", "MISSING"), Output.short(h.what, 70),
                    ]
                })
        }
    }

    struct Remove: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: say("Een overdracht verwijderen.", "Remove a hand-off."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var handoffId: String

        func execute(_ context: Context) throws {
            try context.casework().removeHandoff(caseId, handoffId)
            context.print("Overdracht \(handoffId) verwijderd.", "Hand-off \(handoffId) removed.")
        }
    }
}
