import CasusCore
import Foundation

/// The questions of the route and what is said around them, in both languages. Each question has a
/// key by which a front end passes its answer.
public enum PromptText {
    public static let required = Localized(nl: "Dit antwoord is nodig.", en: "This answer is needed.")
    public static let yesNoHint = Localized(nl: "ja/nee", en: "yes/no")
    public static func choices(_ list: String) -> Localized {
        Localized(nl: "kies uit: \(list)", en: "choose from: \(list)")
    }
    public static let continueQuestion = Localized(nl: "Doorgaan met het volgende?", en: "Go on with the next thing?")
    public static func next(_ check: GateCheck) -> Localized {
        Localized(
            nl: "Volgende stap (\(check.step.rawValue) \(check.step.label.nl)): \(check.title.nl)",
            en: "Next (\(check.step.rawValue) \(check.step.label.en)): \(check.title.en)")
    }
    public static let why = Localized(nl: "Waarom", en: "Why")
    public static let saved = Localized(nl: "Opgeslagen.", en: "Saved.")
    public static func quotationsFound(_ count: Int) -> Localized {
        Localized(
            nl:
                "Het narratief citeert \(count) passage(s) die letterlijk in een transcript staan maar nog geen citaat zijn:",
            en: "The narrative quotes \(count) passage(s) that stand verbatim in a transcript but are no quote yet:")
    }
    public static let registerQuotations = Localized(
        nl: "Als citaat vastleggen (spreker: de persoon van het interview)",
        en: "Register them as quotes (speaker: the person of the interview)")
    public static let quotationsLeft = Localized(
        nl: "De citaten zijn niet vastgelegd; dat kan later alsnog.",
        en: "The quotations were not registered; that can still be done later.")
    public static let confirmLint = Localized(
        nl: "Blijven die zinnen zo staan? Ja bevestigt dat voor deze versie; nee laat u eerst herschrijven",
        en: "Do those sentences stay as they are? Yes confirms that for this version; no lets you rewrite first")
    public static let rewriteNarrative = Localized(
        nl:
            "Niets bevestigd. Herschrijf die zinnen en sla het narratief op als nieuwe versie; daarna vraagt casus opnieuw.",
        en: "Nothing confirmed. Rewrite those sentences and save the narrative as a new version; casus then asks again."
    )
    public static let allDone = Localized(
        nl: "Alle stappen zijn rond. Vraag de coach om de laatste stappen goed te keuren en maak het rapport.",
        en: "All steps are complete. Ask the coach to sign off the last steps and make the report.")
    public static let readyForContraExpertise = Localized(
        nl: "Klaar voor de contra-expertise: stap 0 tot en met 2 zijn rond.",
        en: "Ready for contra-expertise: steps 0 to 2 are complete.")

    // New case
    public static let title = Localized(nl: "Titel van de casus", en: "Title of the case")
    public static let vraagstuk = Localized(
        nl: "Het vraagstuk: wat wil je vanuit de praktijk verkennen?",
        en: "The question: what do you want to explore from practice?")
    public static let opdrachtgever = Localized(
        nl: "Opdrachtgever (bijv. de rekenkamer; leeg als er geen is)",
        en: "Commissioner (e.g. the audit office; empty if none)")
    public static let coach = Localized(nl: "Coach (leeg als er nog geen is)", en: "Coach (empty if none yet)")

    // Step 0
    public static func preconditionMet(_ p: Precondition) -> Localized {
        Localized(
            nl: "Voorwaarde \(p.rawValue): \(p.label.nl) Voldaan?", en: "Precondition \(p.rawValue): \(p.label.en) Met?"
        )
    }
    public static let justification = Localized(nl: "Korte onderbouwing", en: "Short justification")

    // Step 1
    public static let pseudonym = Localized(nl: "Pseudoniem van de eindgebruiker", en: "Pseudonym of the end user")
    public static let endUserKind = Localized(
        nl: "Is de eindgebruiker burger, ondernemer of professional?",
        en: "Citizen (burger), entrepreneur (ondernemer) or professional?")
    public static let realName = Localized(
        nl: "Echte naam (alleen in de sleutelkluis; leeg laten mag)",
        en: "Real name (key vault only; may be left empty)")
    public static func consentPurposes(_ w: PersonWords) -> Localized {
        Localized(
            nl: "Waarvoor gaf \(w.subject.nl) toestemming?", en: "What did \(w.subject.en) consent to?")
    }
    public static let consentRefused = Localized(
        nl: "Waarvoor niet? (leeg als niets geweigerd)", en: "What not? (empty if nothing refused)")
    public static func consentMoment(_ w: PersonWords) -> Localized {
        Localized(
            nl: "Wanneer gaf \(w.subject.nl) toestemming? (bijv. 2024-03-05 13:50)",
            en: "When did \(w.subject.en) consent? (e.g. 2024-03-05 13:50)")
    }
    public static let consentMethod = Localized(
        nl: "Hoe? (schriftelijk, mondeling, opname)",
        en: "How? (schriftelijk = written, mondeling = oral, opname = recorded)")
    public static let letterVersion = Localized(
        nl: "Versie van de informatiebrief (leeg als onbekend)",
        en: "Version of the information letter (empty if unknown)")
    public static func copyGiven(_ w: PersonWords) -> Localized {
        Localized(
            nl: "Kreeg \(w.subject.nl) een kopie van het formulier?", en: "Did \(w.subject.en) get a copy of the form?")
    }
    public static func consentGiven(_ pseudonym: String, _ purposes: String) -> Localized {
        Localized(
            nl: "Heeft \(pseudonym) toestemming gegeven voor: \(purposes)?",
            en: "Did \(pseudonym) consent to: \(purposes)?")
    }
    public static func consentNotGiven(_ pseudonym: String) -> Localized {
        Localized(
            nl:
                "Zonder die toestemming kan deze stap niet verder. Bespreek het met \(pseudonym); leg een besluit vast in het toestemmingsregister, of haal het materiaal uit het dossier.",
            en:
                "Without that consent this step cannot go on. Discuss it with \(pseudonym); record a decision in the consent ledger, or take the material out of the dossier."
        )
    }
    public static let interviewMoment = Localized(
        nl: "Wanneer begon het interview? (bijv. 2024-03-05 14:00)",
        en: "When did the interview start? (e.g. 2024-03-05 14:00)")
    public static let consentBeforeInterview = Localized(
        nl: "De toestemming moet vóór het begin van het interview liggen.",
        en: "Consent must come before the interview starts.")
    public static let plannedDuration = Localized(nl: "Geplande duur", en: "Planned length")
    public static let actualDuration = Localized(nl: "Werkelijke duur (bijv. 2u15)", en: "Actual length (e.g. 2h15)")
    public static let shortReason = Localized(nl: "Korter dan twee uur: waarom?", en: "Shorter than two hours: why?")
    public static let place = Localized(nl: "Waar (leeg mag)", en: "Where (may be empty)")
    public static let mode = Localized(
        nl: "Vastgelegd met aantekeningen of een geluidsopname?",
        en: "Recorded with notes (aantekeningen) or audio (geluidsopname)?")
    public static let audioFile = Localized(
        nl: "Geluidsbestand (pad; leeg als de opname al gewist is)",
        en: "Audio file (path; empty if the recording was already deleted)")
    public static func safe(_ w: PersonWords) -> Localized {
        Localized(nl: "Was de setting veilig voor \(w.object.nl)?", en: "Was the setting safe for \(w.object.en)?")
    }
    public static let explained = Localized(
        nl: "Is uitgelegd wat er met het verhaal gebeurt?", en: "Was it explained what happens with the story?")
    public static let transcript = Localized(
        nl: "Transcript of uitgewerkte aantekeningen", en: "Transcript or written-up notes")

    // Step 2
    public static let narrative = Localized(nl: "Het narratief", en: "The narrative")
    public static let fixNarrative = Localized(nl: "Het narratief aanpassen?", en: "Revise the narrative?")

    // Step 3
    public static func agencyContact(_ name: String) -> Localized {
        Localized(
            nl: "\(name): gesproken, geweigerd of benaderd?",
            en: "\(name): gesproken (interviewed), geweigerd (declined) or benaderd (contacted)?")
    }
    public static func findingClaim(_ name: String) -> Localized {
        Localized(nl: "Een bewering uit het verhaal over \(name)", en: "A claim from the story about \(name)")
    }
    public static let findingStatus = Localized(
        nl: "Uitkomst: bevestigd, weersproken, genuanceerd, onbevestigd of geweigerd",
        en: "Outcome: bevestigd, weersproken, genuanceerd, onbevestigd or geweigerd")
    public static let findingLevel = Localized(
        nl: "Niveau van wie antwoordde: uitvoering, management, beleid, bestuur of expert",
        en: "Level of who answered: uitvoering, management, beleid, bestuur or expert")
    public static let findingSource = Localized(
        nl: "Bron (gesprek, dossierstuk, brief)", en: "Source (interview, file, letter)")
    public static let surroundingPseudonym = Localized(
        nl: "Pseudoniem van iemand uit de omgeving van de eindgebruiker",
        en: "Pseudonym of someone close to the end user")
    public static let relation = Localized(
        nl: "Relatie tot de eindgebruiker (zus, buurman, wijkagent)",
        en: "Relation to the end user (sister, neighbour, neighbourhood officer)")
    public static func sharingMoment(_ names: String) -> Localized {
        Localized(
            nl: "Wanneer kwam de toestemming om het verhaal te delen met \(names)?",
            en: "When was consent given to share the story with \(names)?")
    }

    // Step 4
    public static let leervraag = Localized(nl: "Leervraag", en: "Learning question")
    public static let leervraagFacts = Localized(
        nl: "Gebeurtenissen en bevindingen waar de leervraag uit voortkomt (bijv. E3,E7,F2)",
        en: "Events and findings the learning question comes from (e.g. E3,E7,F2)")
    /// Only the forms that may still be chosen (a refused one is never named).
    public static func publicationForm(_ allowed: [PublicationForm]) -> Localized {
        let names = allowed.map(\.rawValue)
        let nl = names.count > 1 ? names.dropLast().joined(separator: ", ") + " of " + names.last! : names.joined()
        let en = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
        return Localized(nl: "Hoe verschijnt het rapport: \(nl)?", en: "How does the report appear: \(en)?")
    }
    public static let reportConsentMoment = Localized(
        nl: "Wanneer kwam de toestemming voor het rapport en de publicatie?",
        en: "When was consent given for the report and publication?")

    // Review and Doetank
    public static let decision = Localized(
        nl: "Besluit: goedgekeurd, teruggestuurd of opmerking",
        en: "Decision: goedgekeurd (signed off), teruggestuurd (sent back) or opmerking (comment)")
    public static let comments = Localized(nl: "Opmerkingen voor de onderzoeker", en: "Comments for the researcher")
    public static func doetankQuestion(_ phase: DoetankPhase, _ n: Int) -> Localized {
        let q = phase.checklist[n - 1]
        return Localized(
            nl: "Fase \(phase.rawValue) vraag \(n): \(q.nl)", en: "Phase \(phase.rawValue) question \(n): \(q.en)")
    }
    public static let note = Localized(nl: "Toelichting (leeg mag)", en: "Note (may be empty)")

    /// A check only a coach can let through.
    public static func coachNeeded(_ check: GateCheck) -> Localized {
        Localized(
            nl: "Dit kan alleen een coach oplossen: die laat de casus met een reden door (controle \(check.id)).",
            en: "Only a coach can resolve this, by letting the case through with a reason (check \(check.id)).")
    }
    public static func tooLong(_ limit: Int) -> Localized {
        Localized(
            nl: "Dit antwoord is langer dan \(limit) tekens; maak het korter.",
            en: "This answer is longer than \(limit) characters; make it shorter.")
    }
    public static func answerFor(_ key: String, _ message: Localized) -> Localized {
        Localized(nl: "Antwoord op '\(key)': \(message.nl)", en: "Answer for '\(key)': \(message.en)")
    }
    public static func unknownIDs(_ unknown: [String], known: [String]) -> Localized {
        Localized(
            nl: "Onbekend: \(unknown.joined(separator: ", ")). Bekend: \(known.joined(separator: ", ")).",
            en: "Unknown: \(unknown.joined(separator: ", ")). Known: \(known.joined(separator: ", ")).")
    }
    public static let pseudonymIsRealName = Localized(
        nl: "Het pseudoniem is gelijk aan de echte naam.", en: "The pseudonym equals the real name.")
    public static func pseudonymTaken(_ text: String) -> Localized {
        Localized(
            nl: "Er is al iemand met pseudoniem '\(text)' in deze casus.",
            en: "There is already someone with pseudonym '\(text)' in this case.")
    }
    public static let interviewConsentNeeded = Localized(
        nl: "Zonder toestemming voor het interview kan het gesprek niet in het dossier.",
        en: "Without consent for the interview the conversation cannot go into the dossier.")
    public static let noRecordingConsent = Localized(
        nl: "Er is geen toestemming voor een geluidsopname; kies aantekeningen, of leg eerst die toestemming vast.",
        en: "There is no consent for an audio recording; choose aantekeningen, or record that consent first.")
    public static let narrativeUnchanged = Localized(
        nl: "Het narratief is niet veranderd.", en: "The narrative did not change.")
    public static func unknownAgency(_ ids: [String], known: [String]) -> Localized {
        let list = ids.joined(separator: ", ")
        return Localized(
            nl: "Delen met onbekende instantie: \(list). "
                + (known.isEmpty
                    ? "Er staan nog geen instanties in het dossier; vraag toestemming om te delen in stap 3, als de instanties bekend zijn."
                    : "Bekend: \(known.joined(separator: ", ")); of vraag deze toestemming in stap 3."),
            en: "Sharing with an unknown agency: \(list). "
                + (known.isEmpty
                    ? "The dossier has no agencies yet; ask consent to share in step 3, once the agencies are known."
                    : "Known: \(known.joined(separator: ", ")); or ask this consent in step 3."))
    }
    /// A purpose the person refused: a yes at a prompt cannot overturn it.
    public static func refusedNeedsNewConsent(_ pseudonym: String, _ purposes: [ConsentPurpose]) -> Localized {
        Localized(
            nl:
                "\(pseudonym) weigerde: \(purposes.map(\.label.nl).joined(separator: ", ")). Verandert die beslissing, leg dan een nieuwe toestemming vast met het bewijs (formulier of opname) in het toestemmingsregister; kies anders een vorm waarvoor wel toestemming is.",
            en:
                "\(pseudonym) refused: \(purposes.map(\.label.en).joined(separator: ", ")). If that decision changes, record a new consent with its evidence (form or recording) in the consent ledger; otherwise choose a form that has consent."
        )
    }
    /// Agencies approached but not yet spoken to: the route waits for the conversations.
    public static func awaitingAgencies(_ names: [String]) -> Localized {
        Localized(
            nl:
                "Benaderd, nog niet gesproken: \(names.joined(separator: ", ")). Voer de gesprekken; leg daarna per instantie vast of het gesprek plaatsvond of dat zij weigerde.",
            en:
                "Approached, not yet interviewed: \(names.joined(separator: ", ")). Hold the conversations; then record per agency whether it took place or the agency declined."
        )
    }
    public static let summary = Localized(
        nl: "De casus in enkele regels: wie, wat er gebeurde, wat het kostte",
        en: "The case in a few lines: who, what happened, what it cost")
    public static func findingResponse(_ name: String) -> Localized {
        Localized(
            nl: "Wat zei \(name) er zelf over? (leeg mag)", en: "What did \(name) say about it? (may be empty)")
    }
    public static let findingEvents = Localized(
        nl: "Over welke gebeurtenissen gaat het? (bijv. E3,E7; leeg mag)",
        en: "Which events is it about? (e.g. E3,E7; may be empty)")
    public static let pronoun = Localized(
        nl: "Hoe verwijzen de teksten naar deze persoon: zij, hij, hen, of alleen met de naam?",
        en: "How do texts refer to this person: zij (she), hij (he), hen (they), or by name only?")
}
