import Foundation

/// Which material a withdrawal of consent touches, so the researcher knows what to take out.
public enum ConsentImpact {
    public static func material(
        of participantId: String, withdrawing purposes: [ConsentPurpose], in dossier: Dossier
    ) -> [Localized] {
        let all = purposes.contains(.all)
        func touches(_ purpose: ConsentPurpose) -> Bool { all || purposes.contains(purpose) }
        var lines: [Localized] = []
        let quotes = dossier.quotes.filter { $0.speakerId == participantId }.map(\.id)
        if touches(.verbatimQuotes) && !quotes.isEmpty {
            lines.append(
                Localized(
                    nl: "\(quotes.count) citaat/citaten: \(quotes.joined(separator: ", "))",
                    en: "\(quotes.count) quote(s): \(quotes.joined(separator: ", "))"))
        }
        let interviews = dossier.interviews.filter { $0.participantId == participantId }
        let recorded = interviews.filter { $0.audio != nil }.map(\.id)
        if touches(.audioRecording) && !recorded.isEmpty {
            lines.append(
                Localized(
                    nl: "de geluidsopname(n) van \(recorded.joined(separator: ", "))",
                    en: "the audio recording(s) of \(recorded.joined(separator: ", "))"))
        }
        let transcribed = interviews.filter { $0.transcript != nil }.map(\.id)
        if touches(.transcription) && !transcribed.isEmpty {
            lines.append(
                Localized(
                    nl: "de transcripten van \(transcribed.joined(separator: ", "))",
                    en: "the transcript(s) of \(transcribed.joined(separator: ", "))"))
        }
        if touches(.narrative), dossier.participant(participantId)?.role == .eindgebruiker, !dossier.narrative.isEmpty {
            lines.append(
                Localized(
                    nl: "het narratief (\(dossier.narrative.count) versie(s))",
                    en: "the narrative (\(dossier.narrative.count) version(s))"))
        }
        if touches(.report) {
            lines.append(Localized(nl: "rapportage aan de opdrachtgever", en: "reports to the commissioner"))
        }
        for agency in purposes.compactMap(\.sharedAgency) {
            lines.append(Localized(nl: "delen met \(agency)", en: "sharing with \(agency)"))
        }
        return lines
    }
}
