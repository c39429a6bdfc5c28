import CasusCore
import Foundation

/// From a dossier to a REFI-QDA project, as consent allows: only transcripts of people who consent
/// to transcription (and have not withdrawn it), only pseudonyms, quotes only with consent for
/// verbatim use. Every part left out is named in the log, by id and pseudonym.
public enum QDAExport {
    /// The code casus gives its marked quotes in a project.
    public static let quoteCode = "citaat"

    public static func project(
        of dossier: Dossier, includeNarrative: Bool, origin: String = "casus"
    ) -> (project: QDAProject, log: [Localized]) {
        let caseId = dossier.casus.id
        let ledger = dossier.consentLedger
        var project = QDAProject(name: dossier.casus.title, origin: origin)
        var log: [Localized] = []
        project.users = (dossier.casus.researchers.isEmpty ? ["casus"] : dossier.casus.researchers).map {
            QDAProject.User(guid: QDAProject.guid(caseId, "user", $0), name: $0)
        }
        func guid(_ kind: String, _ id: String) -> String { QDAProject.guid(caseId, kind, id) }
        project.codes = dossier.codes.map { code in
            QDAProject.Code(
                guid: guid("code", code.id), name: code.name, colour: code.colour, description: code.description,
                parent: code.parentId.map { guid("code", $0) })
        }
        let quoteCode = guid("code", "casus-citaat")

        var included: Set<String> = []
        let codingsByInterview = Dictionary(grouping: dossier.codings.filter { $0.interviewId != nil }) {
            $0.interviewId!
        }
        for interview in dossier.interviews {
            let who = dossier.participant(interview.participantId)?.pseudonym ?? interview.participantId
            guard let transcript = interview.transcript, !transcript.isEmpty else { continue }
            guard ledger.isGranted(.transcription, to: interview.participantId) else {
                log.append(
                    Localized(
                        nl:
                            "transcript van \(interview.id) (\(who)): geen (of ingetrokken) toestemming voor transcriptie",
                        en: "transcript of \(interview.id) (\(who)): no (or withdrawn) consent for transcription"))
                continue
            }
            included.insert(interview.id)
            var source = QDAProject.TextSource(
                guid: guid("interview", interview.id), name: "\(interview.id) \(who) \(interview.at.day)",
                text: transcript)
            source.created = interview.at.text
            let spans = ScalarText(transcript)
            for coding in codingsByInterview[interview.id] ?? [] {
                guard let start = coding.start, let end = coding.end, start < end,
                    let words = spans.slice(start..<end)
                else { continue }
                source.selections.append(
                    QDAProject.Selection(
                        guid: guid("coding", coding.id), name: words, description: coding.note, start: start,
                        end: end, codes: [guid("code", coding.codeId)]))
            }
            for quote in dossier.quotes where quote.interviewId == interview.id {
                let speaker = dossier.participant(quote.speakerId)?.pseudonym ?? quote.speakerId
                guard ledger.isGranted(.verbatimQuotes, to: quote.speakerId) else {
                    log.append(
                        Localized(
                            nl: "citaat \(quote.id) van \(speaker): geen toestemming voor letterlijke citaten",
                            en: "quote \(quote.id) by \(speaker): no consent for verbatim quotes"))
                    continue
                }
                var codes = [quoteCode]
                codes += dossier.codings.filter { $0.quoteId == quote.id }.map { guid("code", $0.codeId) }
                source.selections.append(
                    QDAProject.Selection(
                        guid: guid("quote", quote.id), name: quote.text,
                        description: "\(quote.id); spreker: \(speaker)", start: quote.start, end: quote.end,
                        codes: codes))
            }
            project.sources.append(source)
        }
        if project.sources.contains(where: { $0.selections.contains { $0.codes.contains(quoteCode) } }) {
            project.codes.append(
                QDAProject.Code(
                    guid: quoteCode, name: Self.quoteCode, colour: "#B5472A",
                    description: "Citaten die casus markeerde (met toestemming voor letterlijk gebruik)"))
        }
        let leftOut = dossier.codings.filter { c in c.interviewId.map { !included.contains($0) } ?? false }.count
        if leftOut > 0 {
            log.append(
                Localized(
                    nl: "\(leftOut) markering(en) in transcripten die niet meegaan",
                    en: "\(leftOut) coding(s) in transcripts that do not go along"))
        }
        let onEvents = dossier.codings.filter { $0.eventId != nil }.count
        if onEvents > 0 {
            log.append(
                Localized(
                    nl: "\(onEvents) markering(en) van gebeurtenissen: REFI-QDA kent geen gebeurtenissen",
                    en: "\(onEvents) coding(s) of events: REFI-QDA has no events"))
        }

        // Participants as cases, by pseudonym and role, with the sources that are theirs.
        let role = QDAProject.Variable(guid: guid("variable", "rol"), name: "rol")
        let agency = QDAProject.Variable(guid: guid("variable", "instantie"), name: "instantie")
        project.variables = [role, agency]
        for person in dossier.participants {
            let sources = dossier.interviews.filter { $0.participantId == person.id && included.contains($0.id) }
            guard !sources.isEmpty else { continue }
            var c = QDAProject.Case(guid: guid("participant", person.id), name: person.pseudonym)
            c.values[role.guid] = person.role.rawValue
            if let agencyId = person.agencyId { c.values[agency.guid] = agencyId }
            c.sources = sources.map { guid("interview", $0.id) }
            project.cases.append(c)
        }
        if !project.cases.contains(where: { !($0.values[agency.guid] ?? "").isEmpty }) {
            project.variables.removeAll { $0.guid == agency.guid }
        }
        if project.cases.isEmpty { project.variables = [] }

        if includeNarrative {
            if let endUser = dossier.endUser, ledger.isGranted(.narrative, to: endUser.id) {
                let withheld = dossier.quotes.filter { !ledger.isGranted(.verbatimQuotes, to: $0.speakerId) }
                for version in dossier.narrative {
                    var text = version.text
                    for quote in withheld { text = ErasurePlan.replacingQuotation(quote.text, in: text).0 }
                    project.notes.append(
                        QDAProject.Note(
                            guid: guid("narrative", String(version.number)), name: "Narratief v\(version.number)",
                            text: text))
                }
            } else if !dossier.narrative.isEmpty {
                log.append(
                    Localized(
                        nl: "narratief: geen toestemming van de eindgebruiker",
                        en: "narrative: no consent of the end user"))
            }
        }
        return (project, log)
    }
}

/// From a REFI-QDA project into a dossier: sources become interviews with their transcripts, the
/// codebook and codings come along, selections coded "citaat" become quotes, cases become people
/// (by the name the project gives them) and casus's own narrative notes become narrative versions.
public enum QDAImport {
    public static func apply(
        _ project: QDAProject, to dossier: Dossier, actor: String, now: Timestamp = .now()
    ) throws -> (dossier: Dossier, report: [Localized]) {
        var d = dossier
        var report: [Localized] = []
        func note(_ nl: String, _ en: String) { report.append(Localized(nl: nl, en: en)) }

        // The codebook: codes by name at the same place are the same code.
        var codeIDs: [String: String] = [:]
        var codeNumbers = IDSequence(prefix: "K", existing: d.codes.map(\.id))
        let quoteGUIDs = Set(project.codes.filter { $0.name.lowercased() == QDAExport.quoteCode }.map(\.guid))
        var pending = project.codes.filter { !quoteGUIDs.contains($0.guid) }
        while !pending.isEmpty {
            let ready = pending.filter {
                $0.parent == nil || codeIDs[$0.parent!] != nil || quoteGUIDs.contains($0.parent!)
            }
            guard !ready.isEmpty else {
                note(
                    "\(pending.count) code(s) onder een onbekende code; bovenaan geplaatst",
                    "\(pending.count) code(s) under an unknown code; placed at the top")
                for code in pending { codeIDs[code.guid] = add(code, parent: nil) }
                break
            }
            for code in ready { codeIDs[code.guid] = add(code, parent: code.parent.flatMap { codeIDs[$0] }) }
            pending.removeAll { code in ready.contains { $0.guid == code.guid } }
        }
        func add(_ code: QDAProject.Code, parent: String?) -> String {
            if let existing = d.codes.first(where: {
                $0.parentId == parent && $0.name.caseInsensitiveCompare(code.name) == .orderedSame
            }) {
                return existing.id
            }
            let id = codeNumbers.next()
            d.codes.append(
                Code(
                    id: id, name: code.name.isEmpty ? "code \(id)" : code.name,
                    colour: code.colour.flatMap { Code.isColour($0) ? $0 : nil }, description: code.description,
                    parentId: parent))
            if let colour = code.colour, !Code.isColour(colour) {
                note(
                    "code '\(code.name)': kleur '\(colour)' niet overgenomen",
                    "code '\(code.name)': colour '\(colour)' not carried over")
            }
            return id
        }

        // People: a case of the project is a person, by name; the role from a variable 'rol'.
        let variables = Dictionary(
            project.variables.map { ($0.guid, $0.name.lowercased()) }, uniquingKeysWith: { a, _ in a })
        var personOfSource: [String: String] = [:]
        var personNumbers = IDSequence(prefix: "P", existing: d.participants.map(\.id))
        for c in project.cases {
            let values = Dictionary(
                c.values.map { (variables[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            let name = c.name.trimmingCharacters(in: .whitespacesAndNewlines)
            let id: String
            if let existing = d.participant(named: name), !name.isEmpty {
                id = existing.id
            } else {
                id = personNumbers.next()
                var role = values["rol"].flatMap(ParticipantRole.parse) ?? .omgeving
                var agencyId: String?
                if role == .medewerker {
                    // Staff belong to an agency: a known one, or a new one by the id the project names.
                    if let named = values["instantie"]?.trimmingCharacters(in: .whitespaces), Casus.isValidID(named),
                        d.agency(named) == nil
                    {
                        d.agencies.append(Agency(id: named, name: named))
                        note(
                            "instantie '\(named)' aangemaakt (naam nog aan te vullen)",
                            "agency '\(named)' created (name to be filled in)")
                    }
                    agencyId = values["instantie"].flatMap { d.agency($0.trimmingCharacters(in: .whitespaces))?.id }
                    if agencyId == nil {
                        role = .omgeving
                        note(
                            "'\(name)': medewerker zonder bekende instantie; als omgeving ingelezen",
                            "'\(name)': staff without a known agency; imported as someone around")
                    }
                }
                if role == .eindgebruiker && d.endUser != nil { role = .omgeving }
                d.participants.append(
                    Participant(
                        id: id, pseudonym: name.isEmpty ? "persoon \(id)" : name, role: role, agencyId: agencyId))
            }
            for source in c.sources where personOfSource[source] == nil { personOfSource[source] = id }
            let other = values.keys.filter { $0 != "rol" && $0 != "instantie" }.sorted()
            if !other.isEmpty {
                note(
                    "'\(name)': variabelen \(other.joined(separator: ", ")) niet overgenomen",
                    "'\(name)': variables \(other.joined(separator: ", ")) not carried over")
            }
        }

        // Sources become interviews; selections become codings or quotes.
        var interviewNumbers = IDSequence(prefix: "I", existing: d.interviews.map(\.id))
        var codingNumbers = IDSequence(prefix: "M", existing: d.codings.map(\.id))
        var quoteNumbers = IDSequence(prefix: "Q", existing: d.quotes.map(\.id))
        var uncoded = 0, unknownCodes = 0, quotes = 0, codings = 0
        var uncodedCode: String?
        let notesByGUID = Dictionary(project.notes.map { ($0.guid, $0) }, uniquingKeysWith: { a, _ in a })
        for source in project.sources {
            let personId: String
            if let known = personOfSource[source.guid] {
                personId = known
            } else {
                personId = personNumbers.next()
                d.participants.append(Participant(id: personId, pseudonym: "persoon \(personId)", role: .omgeving))
                note(
                    "bron '\(source.name)': geen geval in het project; bij 'persoon \(personId)' gezet",
                    "source '\(source.name)': no case in the project; given to 'persoon \(personId)'")
            }
            let interviewId = interviewNumbers.next()
            let at = source.created.flatMap { Timestamp($0) } ?? now
            let memo = source.noteRefs.compactMap { notesByGUID[$0]?.text }.joined(separator: "\n\n")
            d.interviews.append(
                Interview(
                    id: interviewId, participantId: personId, at: at, interviewers: [actor], transcript: source.text,
                    note: ["Uit QDA-project: \(source.name)", memo].filter { !$0.isEmpty }.joined(separator: "\n\n")))
            let spans = ScalarText(source.text)
            for selection in source.selections {
                guard selection.end > selection.start, let text = spans.slice(selection.start..<selection.end) else {
                    continue
                }
                if selection.codes.contains(where: quoteGUIDs.contains) {
                    let quoteId = quoteNumbers.next()
                    let speaker =
                        selection.description.flatMap { description -> String? in
                            guard let range = description.range(of: "spreker: ") else { return nil }
                            return d.participant(named: String(description[range.upperBound...]))?.id
                        } ?? personId
                    d.quotes.append(
                        Quote(
                            id: quoteId, interviewId: interviewId, start: selection.start, end: selection.end,
                            speakerId: speaker, text: text))
                    quotes += 1
                    // Other codes on a quote code the quote.
                    for code in selection.codes where !quoteGUIDs.contains(code) {
                        guard let codeId = codeIDs[code] else {
                            unknownCodes += 1
                            continue
                        }
                        d.codings.append(Coding(id: codingNumbers.next(), codeId: codeId, target: .quote(quoteId)))
                        codings += 1
                    }
                    continue
                }
                var codeIds = selection.codes.compactMap { codeIDs[$0] }
                unknownCodes += selection.codes.count - codeIds.count
                if selection.codes.isEmpty {
                    if uncodedCode == nil {
                        uncodedCode = add(
                            QDAProject.Code(guid: "casus-ongecodeerd", name: "ongecodeerde selectie"), parent: nil)
                    }
                    codeIds = [uncodedCode!]
                    uncoded += 1
                }
                for codeId in codeIds {
                    d.codings.append(
                        Coding(
                            id: codingNumbers.next(), codeId: codeId,
                            target: .span(interviewId: interviewId, start: selection.start, end: selection.end),
                            text: text,
                            note: selection.description.flatMap { $0.isEmpty ? nil : $0 }))
                    codings += 1
                }
            }
        }
        if uncoded > 0 {
            note(
                "\(uncoded) selectie(s) zonder code: gemarkeerd met 'ongecodeerde selectie'",
                "\(uncoded) selection(s) without a code: marked 'ongecodeerde selectie'")
        }
        if unknownCodes > 0 {
            note(
                "\(unknownCodes) codering(en) met een onbekende code; niet overgenomen",
                "\(unknownCodes) coding(s) with an unknown code; not carried over")
        }

        // casus's own narrative notes come back as versions in a case without a narrative.
        let referenced = Set(project.sources.flatMap(\.noteRefs))
        var other = 0
        for n in project.notes where !referenced.contains(n.guid) {
            if n.name.hasPrefix("Narratief v"), Int(n.name.dropFirst("Narratief v".count)) != nil,
                dossier.narrative.isEmpty
            {
                let number = (d.narrative.map(\.number).max() ?? 0) + 1
                d.narrative.append(NarrativeVersion(number: number, author: actor, text: n.text))
                d.casus.currentNarrative = number
            } else {
                other += 1
            }
        }
        if other > 0 { note("\(other) notitie(s) niet overgenomen", "\(other) note(s) not carried over") }
        if !project.users.isEmpty {
            note(
                "\(project.users.count) gebruiker(s) van het project niet overgenomen (casus werkt met eigen accounts)",
                "\(project.users.count) user(s) of the project not carried over (casus has its own accounts)")
        }
        report.insert(
            Localized(
                nl:
                    "\(project.sources.count) bron(nen), \(d.codes.count - dossier.codes.count) nieuwe code(s), \(codings) markering(en), \(quotes) citaat/citaten",
                en:
                    "\(project.sources.count) source(s), \(d.codes.count - dossier.codes.count) new code(s), \(codings) coding(s), \(quotes) quote(s)"
            ),
            at: 0)
        return (d, report)
    }
}

/// Hands out `K1`, `K2`, … after the highest number already used, without rescanning.
struct IDSequence {
    let prefix: String
    var number: Int

    init(prefix: String, existing: [String]) {
        self.prefix = prefix
        number =
            existing.filter { $0.hasPrefix(prefix) && Int($0.dropFirst(prefix.count)) != nil }
            .compactMap { EntityID.number($0) }.max() ?? 0
    }

    mutating func next() -> String {
        number += 1
        return prefix + String(number)
    }
}
