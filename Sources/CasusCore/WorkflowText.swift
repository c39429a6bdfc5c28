import Foundation

/// Every text of the guided route in one place: what each gate check is, what is missing, why it
/// matters, and what the prompts ask. Dutch first, English second.
public enum WorkflowText {
    // MARK: Step 0

    public static func precondition(_ n: Int) -> Localized {
        Localized(nl: "Voorwaarde \(n) beantwoord en onderbouwd", en: "Precondition \(n) answered and justified")
    }
    public static func preconditionMissing(_ n: Int, _ text: Localized) -> Localized {
        Localized(nl: "Nog niet beantwoord: \(text.nl)", en: "Not answered yet: \(text.en)")
    }
    public static func preconditionNotMet(_ n: Int, _ reason: String) -> Localized {
        Localized(
            nl: "Niet voldaan (\(reason)). Een coach kan de casus toch laten doorgaan met een vastgelegde reden.",
            en: "Not met (\(reason)). A coach can let the case go on with a recorded reason.")
    }
    public static let preconditionWhy = Localized(
        nl:
            "Een casus werkt alleen als hij exemplarisch is, de persoon wil vertellen en toestemming geeft, en de betrokkenen willen leren.",
        en:
            "A case only works if it is exemplary, the person wants to tell it and consents, and those involved want to learn."
    )

    // MARK: Step 1

    public static let endUser = Localized(
        nl: "De eindgebruiker staat in het dossier", en: "The end user is in the dossier")
    public static let endUserMissing = Localized(
        nl: "Er is nog geen persoon met de rol eindgebruiker.",
        en: "There is no participant with the role end user yet.")
    public static let endUserWhy = Localized(
        nl: "Het verhaal is van de eindgebruiker: alles in de methode draait om diens perspectief.",
        en: "The story belongs to the end user: everything in the method turns on their point of view.")
    public static let interview = Localized(
        nl: "Interview met de eindgebruiker vastgelegd", en: "Interview with the end user recorded")
    public static let interviewMissing = Localized(
        nl: "Er is nog geen interview met de eindgebruiker.", en: "There is no interview with the end user yet.")
    public static let interviewWhy = Localized(
        nl: "Het narratief en de citaten komen uit dit gesprek.",
        en: "The narrative and its quotes come from this conversation.")
    public static let interviewConsent = Localized(
        nl: "Toestemming voor het interview vóór het gesprek", en: "Consent for the interview before the conversation")
    public static func interviewConsentMissing(_ ids: [String]) -> Localized {
        Localized(
            nl: "Geen toestemming voor het interview vastgelegd vóór \(ids.joined(separator: ", ")).",
            en: "No consent for the interview recorded before \(ids.joined(separator: ", ")).")
    }
    public static let interviewConsentWhy = Localized(
        nl:
            "Toestemming wordt gevraagd vóór het gesprek, met uitleg over wat er met het verhaal gebeurt (AVG, en het vertrouwen van de geïnterviewde).",
        en:
            "Consent is asked before the conversation, with an explanation of what happens with the story (GDPR, and the interviewee's trust)."
    )
    public static let recordingConsent = Localized(
        nl: "Toestemming voor de geluidsopname", en: "Consent for the audio recording")
    public static func recordingConsentMissing(_ ids: [String]) -> Localized {
        Localized(
            nl: "Opgenomen zonder toestemming voor een opname: \(ids.joined(separator: ", ")).",
            en: "Recorded without consent for recording: \(ids.joined(separator: ", ")).")
    }
    public static let recordingConsentWhy = Localized(
        nl: "Een opname van iemands stem is persoonsgegeven en vraagt aparte toestemming.",
        en: "A recording of someone's voice is personal data and needs separate consent.")
    public static let transcriptionConsent = Localized(
        nl: "Toestemming voor de uitwerking nog geldig", en: "Consent for the transcript still valid")
    public static func transcriptionConsentMissing(_ ids: [String]) -> Localized {
        Localized(
            nl: "Voor het transcript van \(ids.joined(separator: ", ")) is geen (of ingetrokken) toestemming.",
            en: "The transcript of \(ids.joined(separator: ", ")) has no (or withdrawn) consent.")
    }
    public static let transcriptionConsentWhy = Localized(
        nl: "Zonder toestemming mag het transcript niet gebruikt worden.",
        en: "Without consent the transcript may not be used.")
    public static let duration = Localized(nl: "Minstens twee uur, of een reden", en: "At least two hours, or a reason")
    public static func durationShort(_ ids: [String]) -> Localized {
        Localized(
            nl: "Korter dan twee uur zonder reden: \(ids.joined(separator: ", ")).",
            en: "Shorter than two hours without a reason: \(ids.joined(separator: ", ")).")
    }
    public static let durationWhy = Localized(
        nl: "Het verhaal vanaf het begin vertellen kost tijd; de methode vraagt minstens twee uur.",
        en: "Telling the story from the beginning takes time; the method asks for at least two hours.")
    public static let safety = Localized(nl: "Veilige setting gecontroleerd", en: "Safe setting checked")
    public static func safetyMissing(_ ids: [String]) -> Localized {
        Localized(
            nl: "Niet vastgelegd dat de setting veilig was: \(ids.joined(separator: ", ")).",
            en: "Not recorded that the setting was safe: \(ids.joined(separator: ", ")).")
    }
    public static let safetyWhy = Localized(
        nl: "Wie een kwetsbaar verhaal vertelt, moet zich veilig voelen.",
        en: "Someone telling a vulnerable story must feel safe.")
    public static let explained = Localized(
        nl: "Uitgelegd wat er met het verhaal gebeurt", en: "Explained what happens with the story")
    public static func explainedMissing(_ ids: [String]) -> Localized {
        Localized(
            nl: "Niet vastgelegd dat is uitgelegd wat er met het verhaal gebeurt: \(ids.joined(separator: ", ")).",
            en: "Not recorded that it was explained what happens with the story: \(ids.joined(separator: ", ")).")
    }
    public static let explainedWhy = Localized(
        nl: "Toestemming telt alleen als de persoon weet waarvoor.",
        en: "Consent only counts if the person knows what for.")
    public static let transcript = Localized(
        nl: "Transcript of uitgewerkte aantekeningen aanwezig", en: "Transcript or written-up notes present")
    public static func transcriptMissing(_ ids: [String]) -> Localized {
        Localized(
            nl: "Geen transcript bij \(ids.joined(separator: ", ")).",
            en: "No transcript for \(ids.joined(separator: ", ")).")
    }
    public static let transcriptWhy = Localized(
        nl: "Citaten moeten letterlijk uit het transcript komen.", en: "Quotes must come verbatim from the transcript.")

    // MARK: Step 2

    public static let narrative = Localized(
        nl: "Er is een huidige versie van het narratief", en: "There is a current version of the narrative")
    public static let narrativeMissing = Localized(nl: "Er is nog geen narratief.", en: "There is no narrative yet.")
    public static let narrativeWhy = Localized(
        nl: "Het narratief is het hart van de casus: het verhaal vanuit het perspectief van de eindgebruiker.",
        en: "The narrative is the heart of the case: the story from the end user's point of view.")
    public static let quotesTraceable = Localized(
        nl: "Elk citaat in het narratief staat in een transcript", en: "Every quote in the narrative is in a transcript"
    )
    public static func quotesNotTraceable(_ quotes: [String]) -> Localized {
        Localized(
            nl: "Niet terug te vinden in de transcripten: \(quotes.map { "“\($0)”" }.joined(separator: "; ")).",
            en: "Not found in the transcripts: \(quotes.map { "“\($0)”" }.joined(separator: "; ")).")
    }
    public static let quotesNotChecked = Localized(nl: "Niet gecontroleerd.", en: "Not checked.")
    public static let quotesTraceableWhy = Localized(
        nl: "In de contra-expertise moet iedereen kunnen nagaan wat er precies gezegd is.",
        en: "In the contra-expertise everyone must be able to check what exactly was said.")
    public static let narrativeConsent = Localized(
        nl: "Toestemming voor het narratief", en: "Consent for the narrative")
    public static func narrativeConsentMissing(_ who: String) -> Localized {
        Localized(
            nl: "\(who) heeft geen (of ingetrokken) toestemming voor het narratief.",
            en: "\(who) has no (or withdrawn) consent for the narrative.")
    }
    public static let narrativeConsentWhy = Localized(
        nl: "Het verhaal opschrijven en laten lezen vraagt toestemming van wie het vertelde.",
        en: "Writing down the story and letting others read it needs the consent of whoever told it.")
    public static let quoteConsent = Localized(
        nl: "Toestemming voor de letterlijke citaten", en: "Consent for the verbatim quotes")
    public static func quoteConsentMissing(_ items: [String]) -> Localized {
        Localized(
            nl: "Citaten zonder (geldige) toestemming van de spreker: \(items.joined(separator: "; ")).",
            en: "Quotes without (valid) consent of the speaker: \(items.joined(separator: "; ")).")
    }
    public static let quoteConsentWhy = Localized(
        nl: "Iemands eigen woorden gebruiken mag alleen met toestemming; die kan ook worden ingetrokken.",
        en: "Using someone's own words needs their consent, which can also be withdrawn.")
    public static let lint = Localized(nl: "De narratieflinter", en: "The narrative linter")
    public static func lintFindings(voice: Int, abstract: Int, other: Int) -> Localized {
        Localized(
            nl:
                "\(voice) opmerking(en) over de stem van de schrijver, \(abstract) over abstracte taal, \(other) overige.",
            en: "\(voice) remark(s) about the writer's voice, \(abstract) about abstract language, \(other) other."
        )
    }
    public static func lintToConfirm(_ counts: Localized) -> Localized {
        Localized(
            nl: counts.nl + " Herschrijf die zinnen, of bevestig dat ze zo blijven; de coach leest mee.",
            en: counts.en + " Rewrite those sentences, or confirm that they stay; the coach reads along.")
    }
    public static func lintConfirmed(_ counts: Localized, by: String) -> Localized {
        Localized(nl: counts.nl + " Bevestigd door \(by).", en: counts.en + " Confirmed by \(by).")
    }
    public static let lintWhy = Localized(
        nl: "De schrijver onthoudt zich van eigen mening, analyse en abstracte taal; de coach leest dit na.",
        en: "The writer refrains from own opinion, analysis and abstract language; the coach checks this.")

    // MARK: Step 3

    public static let agenciesContacted = Localized(
        nl: "Elke instantie uit de tijdlijn benaderd", en: "Every agency in the timeline contacted")
    public static func agenciesNotContacted(_ names: [String]) -> Localized {
        Localized(
            nl: "Nog niet gesproken of geweigerd: \(names.joined(separator: ", ")).",
            en: "Not yet interviewed or declined: \(names.joined(separator: ", ")).")
    }
    public static let timelineWithoutAgencies = Localized(
        nl:
            "Er staat nog geen instantie in de tijdlijn. Leg de instanties en de gebeurtenissen uit het verhaal vast in de tijdlijn.",
        en: "No agency is in the timeline yet. Record the agencies and the events of the story in the timeline."
    )
    public static let agenciesContactedWhy = Localized(
        nl: "De feiten worden op elk niveau bij elke betrokken instantie nagegaan.",
        en: "The facts are checked with every agency involved, at every level.")
    public static let findings = Localized(
        nl: "Elke instantie in het narratief heeft een bevinding", en: "Every agency in the narrative has a finding")
    public static func findingsMissing(_ names: [String]) -> Localized {
        Localized(
            nl: "Het narratief noemt \(names.joined(separator: ", ")), maar daar is nog geen bevinding over.",
            en: "The narrative names \(names.joined(separator: ", ")), but there is no finding about them yet.")
    }
    public static let findingsWhy = Localized(
        nl:
            "Elke bewering over een instantie eindigt bevestigd, weersproken, genuanceerd of onbevestigd, met een bron.",
        en: "Every claim about an agency ends confirmed, contradicted, nuanced or unverified, with a source.")
    public static let surroundings = Localized(
        nl: "Mensen om de eindgebruiker heen meegenomen", en: "People around the end user considered")
    public static let surroundingsMissing = Localized(
        nl: "Er staat nog niemand uit de omgeving van de eindgebruiker in het dossier (familie, buren, wijkagent).",
        en: "Nobody close to the end user is in the dossier yet (family, neighbours, neighbourhood officer).")
    public static let surroundingsWhy = Localized(
        nl:
            "De methode vraagt ook de mensen om de eindgebruiker heen te spreken; een coach kan vastleggen waarom dat hier niet kan.",
        en:
            "The method asks to speak with the people around the end user too; a coach can record why that is not possible here."
    )
    public static let sharingConsent = Localized(
        nl: "Toestemming om het verhaal met elke instantie te delen", en: "Consent to share the story with each agency")
    public static func sharingConsentMissing(_ names: [String]) -> Localized {
        Localized(
            nl: "Het verhaal is gedeeld met \(names.joined(separator: ", ")) zonder (geldige) toestemming daarvoor.",
            en: "The story was shared with \(names.joined(separator: ", ")) without (valid) consent for that.")
    }
    public static let sharingConsentWhy = Localized(
        nl: "Per instantie beslist de eindgebruiker of het verhaal daar besproken mag worden.",
        en: "For each agency the end user decides whether the story may be discussed there.")

    // MARK: Step 4

    public static let leervraag = Localized(nl: "Minstens één leervraag", en: "At least one learning question")
    public static let leervraagMissing = Localized(
        nl: "Er is nog geen leervraag.", en: "There is no learning question yet.")
    public static let leervraagWhy = Localized(
        nl: "Een outside-in rapport legt de raad leervragen en dilemma's voor in plaats van oordelen.",
        en: "An outside-in report puts learning questions and dilemmas to the council instead of verdicts.")
    public static let leervragenLinked = Localized(
        nl: "Elke leervraag gekoppeld aan feiten", en: "Every learning question linked to facts")
    public static func leervragenUnlinked(_ ids: [String]) -> Localized {
        Localized(
            nl: "Zonder gebeurtenis of bevinding: \(ids.joined(separator: ", ")).",
            en: "Without an event or finding: \(ids.joined(separator: ", ")).")
    }
    public static let leervragenLinkedWhy = Localized(
        nl: "Een leervraag komt voort uit wat er in deze casus gebeurde.",
        en: "A learning question comes from what happened in this case.")
    public static let wederhoorDone = Localized(
        nl: "Wederhoor gehouden en afgerond", en: "Wederhoor held and completed")
    public static let wederhoorNone = Localized(
        nl: "Nog geen wederhoorronde; het definitieve rapport volgt op het wederhoor.",
        en: "No wederhoor round yet; the definitive report follows the wederhoor.")
    public static func wederhoorOpen(_ ids: [String]) -> Localized {
        Localized(
            nl: "Wederhoor wacht nog op een reactie: \(ids.joined(separator: ", ")).",
            en: "Wederhoor still awaits a response: \(ids.joined(separator: ", ")).")
    }
    public static let wederhoorWhy = Localized(
        nl: "Elke instantie krijgt de kans te reageren voordat het rapport definitief is.",
        en: "Every agency gets the chance to respond before the report is definitive.")
    public static let summary = Localized(
        nl: "De casus in enkele regels (samenvatting)", en: "The case in a few lines (summary)")
    public static let summaryMissing = Localized(
        nl: "Nog geen samenvatting; het rapport begint ermee.", en: "No summary yet; the report opens with it.")
    public static let summaryWhy = Localized(
        nl: "Het rapport opent met de casus in enkele regels: wie, wat er gebeurde, en wat het die persoon kostte.",
        en: "The report opens with the case in a few lines: who, what happened, and what it cost.")
    public static let publicationForm = Localized(nl: "Publicatievorm gekozen", en: "Publication form chosen")
    public static let publicationFormMissing = Localized(
        nl: "Kies hoe het rapport verschijnt: anoniem, onder pseudoniem of met naam.",
        en: "Choose how the report appears: anonymised, pseudonymised or by name.")
    public static let publicationFormWhy = Localized(
        nl: "De toestemming moet de gekozen vorm dekken.", en: "Consent must cover the chosen form.")
    public static let reportConsent = Localized(
        nl: "Toestemming voor het rapport en de publicatievorm", en: "Consent for the report and the publication form")
    public static func reportConsentMissing(_ who: String, _ purposes: [String]) -> Localized {
        Localized(
            nl: "\(who) heeft geen (geldige) toestemming voor: \(purposes.joined(separator: ", ")).",
            en: "\(who) has no (valid) consent for: \(purposes.joined(separator: ", ")).")
    }
    public static let reportConsentWhy = Localized(
        nl: "Het rapport gaat naar de opdrachtgever en wordt openbaar.",
        en: "The report goes to the commissioner and becomes public.")

    // MARK: Status words

    public static let done = Localized(nl: "gedaan", en: "done")
    public static let missing = Localized(nl: "ontbreekt", en: "missing")
    public static let blocked = Localized(nl: "geblokkeerd", en: "blocked")
    public static let overridden = Localized(nl: "uitzondering", en: "overridden")
    public static let note = Localized(nl: "ter info", en: "note")
    public static func overriddenBy(_ override: GateOverride) -> Localized {
        Localized(
            nl: "Uitzondering door \(override.by) op \(override.at.day): \(override.reason)",
            en: "Overridden by \(override.by) on \(override.at.day): \(override.reason)")
    }
    public static func signedOff(_ review: Review) -> Localized {
        Localized(
            nl: "goedgekeurd door \(review.coach) op \(review.at.day)",
            en: "signed off by \(review.coach) on \(review.at.day)")
    }
    public static func changedSinceReview(_ review: Review) -> Localized {
        Localized(
            nl: "gewijzigd sinds de goedkeuring door \(review.coach) op \(review.at.day)",
            en: "changed since sign-off by \(review.coach) on \(review.at.day)")
    }
    public static func returned(_ review: Review) -> Localized {
        Localized(
            nl: "teruggestuurd door \(review.coach) op \(review.at.day)",
            en: "sent back by \(review.coach) on \(review.at.day)")
    }
    public static func revisedSinceReturn(_ review: Review) -> Localized {
        Localized(
            nl:
                "teruggestuurd door \(review.coach) op \(review.at.day); sindsdien aangepast, klaar voor een nieuwe beoordeling",
            en: "sent back by \(review.coach) on \(review.at.day); revised since, ready for another review")
    }
    public static func returnedNotice(_ step: Step, _ review: Review) -> Localized {
        Localized(
            nl:
                "De coach stuurde stap \(step.rawValue) (\(step.label.nl)) terug: \(review.comments ?? "zie de beoordelingen"). Pas het aan; daarna beoordeelt de coach opnieuw.",
            en:
                "The coach sent step \(step.rawValue) (\(step.label.en)) back: \(review.comments ?? "see the reviews"). Revise it; the coach then reviews again."
        )
    }
    public static let notReviewed = Localized(
        nl: "nog niet beoordeeld door de coach", en: "not yet reviewed by the coach")
    public static func affected(_ items: [String]) -> Localized {
        Localized(
            nl: "Geraakt materiaal: \(items.joined(separator: "; ")).",
            en: "Affected material: \(items.joined(separator: "; ")).")
    }
}
