import CasusCore
import CasusDocuments
import Foundation

/// The part of a dossier one agency may see in the wederhoor, built before any report section runs:
/// a section cannot show another agency's material because the dossier it gets no longer holds it.
///
/// Kept: the narrative passages that name the agency (headings dropped, "[…]" where passages were
/// left out), the events it acted in or that its hand-offs or findings concern, its own findings,
/// hand-offs and wederhoor rounds, leervragen and dilemma's that come from those facts, the quotes
/// that stay in the kept passages, and the people apart from other agencies' staff. Other agencies
/// stay by name and contact status only. Left out: every other narrative version, transcripts and
/// audio, reviews, overrides, the Doetank and the case selection.
public enum AgencySlice {
    public static func reduce(_ dossier: Dossier, to agency: Agency) -> Dossier {
        var slice = dossier
        let events = Set(dossier.events.filter { concerns($0, agency, in: dossier) }.map(\.id))
        let findings = Set(dossier.findings.filter { $0.agencyId == agency.id }.map(\.id))
        slice.events = dossier.events.filter { events.contains($0.id) }
        slice.findings = dossier.findings.filter { findings.contains($0.id) }
        slice.handoffs = dossier.handoffs.filter { $0.fromAgencyId == agency.id || $0.toAgencyId == agency.id }
        slice.wederhoor = dossier.wederhoor.filter { $0.agencyId == agency.id }
        slice.agencies = dossier.agencies.map { other in
            other.id == agency.id
                ? other : Agency(id: other.id, name: other.name, kind: other.kind, contact: other.contact)
        }
        func fromKeptFacts(_ eventIds: [String], _ findingIds: [String]) -> Bool {
            eventIds.contains(where: events.contains) || findingIds.contains(where: findings.contains)
        }
        slice.leervragen = dossier.leervragen.filter { fromKeptFacts($0.eventIds, $0.findingIds) }.map { l in
            var l = l
            l.eventIds = l.eventIds.filter(events.contains)
            l.findingIds = l.findingIds.filter(findings.contains)
            return l
        }
        slice.dilemmas = dossier.dilemmas.filter { fromKeptFacts($0.eventIds, $0.findingIds) }.map { d in
            var d = d
            d.eventIds = d.eventIds.filter(events.contains)
            d.findingIds = d.findingIds.filter(findings.contains)
            return d
        }
        slice.participants = dossier.participants.filter { $0.role != .medewerker || $0.agencyId == agency.id }
        let people = Set(slice.participants.map(\.id))
        slice.interviews = dossier.interviews.filter { people.contains($0.participantId) }.map { interview in
            var interview = interview
            interview.transcript = nil
            interview.audio = nil
            return interview
        }
        if let current = dossier.currentNarrative {
            var version = current
            version.text = passages(of: current.text, about: agency)
            slice.narrative = [version]
        } else {
            slice.narrative = []
        }
        let kept = QuoteMatching.normalize(slice.currentNarrative?.text ?? "")
        slice.quotes = dossier.quotes.filter {
            people.contains($0.speakerId) && kept.contains(QuoteMatching.normalize($0.text))
        }
        let quotes = Set(slice.quotes.map(\.id))
        for i in slice.events.indices where slice.events[i].quoteId.map({ !quotes.contains($0) }) ?? false {
            slice.events[i].quoteId = nil
        }
        slice.reviews = []
        slice.overrides = []
        slice.doetank = []
        slice.selection = []
        return slice
    }

    /// The passages (Markdown blocks between blank lines) of a narrative that name the agency, with
    /// "[…]" where others were left out; headings are dropped.
    static func passages(of text: String, about agency: Agency) -> String {
        let names = AgencyNames.variants(of: agency)
        var kept: [String] = []
        var skipped = false
        for chunk in chunks(of: text) {
            let body = chunk.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.joined(separator: "\n")
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            let plain = MarkdownBlocks.parse(body).map(BlockText.plain).joined(separator: " ").lowercased()
            guard names.contains(where: { QuoteMatching.containsWord(plain, $0) }) else {
                skipped = true
                continue
            }
            if skipped && !kept.isEmpty { kept.append("[…]") }
            skipped = false
            kept.append(body)
        }
        return kept.joined(separator: "\n\n")
    }

    private static func chunks(of text: String) -> [String] {
        var chunks: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                if !current.isEmpty { chunks.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { chunks.append(current.joined(separator: "\n")) }
        return chunks
    }

    /// Whether the agency acted in the event, or one of its hand-offs or findings concerns it.
    static func concerns(_ event: TimelineEvent, _ agency: Agency, in dossier: Dossier) -> Bool {
        event.actor.agencyId == agency.id
            || dossier.handoffs.contains {
                $0.eventId == event.id && ($0.fromAgencyId == agency.id || $0.toAgencyId == agency.id)
            }
            || dossier.findings.contains { $0.agencyId == agency.id && $0.eventIds.contains(event.id) }
    }
}
