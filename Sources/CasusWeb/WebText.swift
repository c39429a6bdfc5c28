import CasusCore

/// The interface texts of the pages, Dutch first. Templates read them as `{{t.key}}`.
enum WebText {
    static let texts: [String: Localized] = [
        "skip": .init(nl: "Naar de inhoud", en: "Skip to content"),
        "signIn": .init(nl: "Aanmelden", en: "Sign in"),
        "signOut": .init(nl: "Afmelden", en: "Sign out"),
        "login": .init(nl: "Login", en: "Login"),
        "password": .init(nl: "Wachtwoord", en: "Password"),
        "myCases": .init(nl: "Mijn dossiers", en: "My dossiers"),
        "noCases": .init(
            nl: "Je bent nog geen lid van een dossier. Vraag een onderzoeker je toe te voegen.",
            en: "You are not a member of any dossier yet. Ask a researcher to add you."),
        "case": .init(nl: "Casus", en: "Case"),
        "role": .init(nl: "Rol", en: "Role"),
        "where": .init(nl: "Waar het staat", en: "Where it stands"),
        "updated": .init(nl: "Bijgewerkt", en: "Updated"),
        "route": .init(nl: "De route", en: "The route"),
        "step": .init(nl: "Stap", en: "Step"),
        "next": .init(nl: "Het volgende", en: "Next"),
        "allDone": .init(nl: "Alle stappen zijn rond.", en: "All steps are done."),
        "why": .init(nl: "waarom", en: "why"),
        "checks": .init(nl: "De checks", en: "The checks"),
        "people": .init(nl: "Betrokkenen", en: "People"),
        "pseudonym": .init(nl: "Pseudoniem", en: "Pseudonym"),
        "agency": .init(nl: "Instantie", en: "Agency"),
        "agencies": .init(nl: "Instanties", en: "Agencies"),
        "consent": .init(nl: "Toestemming", en: "Consent"),
        "purpose": .init(nl: "Doel", en: "Purpose"),
        "interviews": .init(nl: "Interviews", en: "Interviews"),
        "transcript": .init(nl: "Transcript", en: "Transcript"),
        "narrative": .init(nl: "Narratief", en: "Narrative"),
        "noNarrative": .init(nl: "Nog geen narratief.", en: "No narrative yet."),
        "lintFindings": .init(nl: "Bevindingen van de linter", en: "Linter findings"),
        "timeline": .init(nl: "Tijdlijn", en: "Timeline"),
        "date": .init(nl: "Datum", en: "Date"),
        "actor": .init(nl: "Wie", en: "Who"),
        "what": .init(nl: "Wat", en: "What"),
        "channel": .init(nl: "Kanaal", en: "Channel"),
        "findings": .init(nl: "Contra-expertise", en: "Contra-expertise"),
        "claim": .init(nl: "Bewering", en: "Claim"),
        "status": .init(nl: "Status", en: "Status"),
        "source": .init(nl: "Bron", en: "Source"),
        "leervragen": .init(nl: "Leervragen en dilemma's", en: "Leervragen and dilemma's"),
        "reviews": .init(nl: "Reviews van de coach", en: "Coach reviews"),
        "review": .init(nl: "Review", en: "Review"),
        "decision": .init(nl: "Besluit", en: "Decision"),
        "comments": .init(nl: "Opmerkingen", en: "Comments"),
        "signOff": .init(nl: "Goedkeuren", en: "Sign off"),
        "return": .init(nl: "Terugsturen", en: "Send back"),
        "comment": .init(nl: "Opmerking", en: "Comment"),
        "save": .init(nl: "Opslaan", en: "Save"),
        "send": .init(nl: "Versturen", en: "Send"),
        "reports": .init(nl: "Rapporten", en: "Reports"),
        "report": .init(nl: "Rapport", en: "Report"),
        "format": .init(nl: "Formaat", en: "Format"),
        "language": .init(nl: "Taal", en: "Language"),
        "download": .init(nl: "Downloaden", en: "Download"),
        "noReports": .init(
            nl: "De onderzoekers hebben nog geen rapport vrijgegeven.",
            en: "The researchers have not released a report yet."),
        "map": .init(nl: "Klantreis", en: "Journey map"),
        "mapTable": .init(nl: "De klantreis als tabel", en: "The journey map as a table"),
        "evidence": .init(nl: "Bewijsstukken", en: "Evidence"),
        "change": .init(nl: "Wijzigen", en: "Change"),
        "changedMeanwhile": .init(
            nl: "Intussen door iemand anders gewijzigd", en: "Changed by someone else in the meantime"),
        "changedMeanwhileHelp": .init(
            nl: "Het formulier hieronder houdt uw invoer. Opslaan vervangt nu wat er staat; neem eerst over wat van "
                + "de ander moet blijven.",
            en: "The form below keeps what you entered. Saving now replaces what is stored; first take over what "
                + "should stay of the other change."),
        "field": .init(nl: "Veld", en: "Field"),
        "yourInput": .init(nl: "Uw invoer", en: "What you entered"),
        "storedNow": .init(nl: "Nu opgeslagen", en: "Stored now"),
        "differs": .init(nl: "verschilt", en: "differs"),
        "evidenceHelp": .init(
            nl: "Getekende formulieren dragen de echte naam: elke keer dat u er een opent, komt in het auditlog.",
            en: "Signed forms carry the real name: each time you open one is recorded in the audit log."),
        "mapEmpty": .init(
            nl: "De klantreis verschijnt hier zodra u een gebeurtenis invult; hij tekent mee terwijl u typt.",
            en: "The journey map appears here as soon as you fill in an event; it is drawn as you type."),
        "search": .init(nl: "Zoeken", en: "Search"),
        "searchIn": .init(nl: "Zoeken in mijn dossiers", en: "Search my dossiers"),
        "noHits": .init(nl: "Niets gevonden.", en: "Nothing found."),
        "audit": .init(nl: "Auditlog", en: "Audit trail"),
        "when": .init(nl: "Wanneer", en: "When"),
        "who": .init(nl: "Wie", en: "Who"),
        "operation": .init(nl: "Handeling", en: "Operation"),
        "wederhoor": .init(nl: "Wederhoor", en: "Wederhoor"),
        "yourVersion": .init(nl: "Uw versie van het rapport", en: "Your version of the report"),
        "response": .init(nl: "Uw schriftelijke reactie", en: "Your written response"),
        "responseHelp": .init(
            nl:
                "De reactie wordt letterlijk bewaard als reactie van uw instantie in deze ronde, en de onderzoekers zien haar.",
            en: "The response is kept verbatim as your agency's response in this round, and the researchers see it."),
        "responded": .init(nl: "Uw reactie is ontvangen.", en: "Your response has been received."),
        "noRound": .init(nl: "Er staat geen wederhoorronde open.", en: "No wederhoor round is open."),
        "members": .init(nl: "Leden", en: "Members"),
        "release": .init(nl: "Vrijgeven aan lezers", en: "Release to readers"),
        "released": .init(nl: "vrijgegeven", en: "released"),
        "withhold": .init(nl: "Intrekken", en: "Withdraw"),
        "showName": .init(nl: "Echte naam tonen", en: "Show real name"),
        "realName": .init(nl: "Echte naam", en: "Real name"),
        "realNameAudited": .init(
            nl: "Deze inzage staat in het auditlog.", en: "This look-up is recorded in the audit trail."),
        "back": .init(nl: "Terug", en: "Back"),
        "exportLog": .init(nl: "Wat consent buiten het rapport hield", en: "What consent kept out of the report"),
        "overview": .init(nl: "Overzicht", en: "Overview"),
        "dossier": .init(nl: "Dossier", en: "Dossier"),
        "withdrawn": .init(nl: "ingetrokken", en: "withdrawn"),
        "granted": .init(nl: "gegeven", en: "granted"),
        "refused": .init(nl: "geweigerd", en: "refused"),
        "minutes": .init(nl: "minuten", en: "minutes"),
        "accounts": .init(nl: "Accounts", en: "Accounts"),
        "override": .init(nl: "Check overrulen", en: "Override a check"),
        "overrideHelp": .init(
            nl: "De casus gaat door ondanks deze check. De reden en je naam komen in het dossier en het auditlog.",
            en: "The case goes on despite this check. The reason and your name go into the dossier and the audit trail."
        ),
        "check": .init(nl: "Check", en: "Check"),
        "reason": .init(nl: "Reden", en: "Reason"),
        "add": .init(nl: "Toevoegen", en: "Add"),
        "remove": .init(nl: "Verwijderen", en: "Remove"),
        "name": .init(nl: "Naam", en: "Name"),
        "admin": .init(nl: "Beheerder", en: "Administrator"),
        "disable": .init(nl: "Uitschakelen", en: "Disable"),
        "disabled": .init(nl: "uitgeschakeld", en: "disabled"),
        "active": .init(nl: "actief", en: "active"),
        "newAccount": .init(nl: "Nieuw account", en: "New account"),
        "passwordRule": .init(
            nl: "Minstens 12 tekens; een zin van een paar woorden werkt goed.",
            en: "At least 12 characters; a sentence of a few words works well."),
        "changePassword": .init(nl: "Wachtwoord wijzigen", en: "Change password"),
        "currentPassword": .init(nl: "Huidig wachtwoord", en: "Current password"),
        "newPassword": .init(nl: "Nieuw wachtwoord", en: "New password"),
        "passwordChanged": .init(
            nl: "Na het wijzigen meld je je opnieuw aan; andere sessies eindigen.",
            en: "After the change you sign in again; other sessions end."),
        "notSignedIn": .init(nl: "Meld je aan om verder te gaan.", en: "Sign in to go on."),
        "notSaved": .init(nl: "Niet opgeslagen", en: "Not saved"),
        "toRoute": .init(nl: "Terug naar de route", en: "Back to the route"),
        "nextStep": .init(nl: "Volgende stap doen", en: "Do the next step"),
        "newCase": .init(nl: "Nieuwe casus", en: "New case"),
        "openEditor": .init(nl: "Naar de editor van het narratief", en: "To the narrative editor"),
        "editNarrative": .init(nl: "Narratief bewerken", en: "Edit the narrative"),
        "saveVersion": .init(nl: "Opslaan als versie", en: "Save as version"),
        "versionNote": .init(nl: "Notitie bij deze versie (optioneel)", en: "Note on this version (optional)"),
        "editorHelp": .init(
            nl:
                "Markdown. De linter kijkt mee terwijl je typt; je concept wordt om de paar seconden bewaard, maar pas "
                + "\"Opslaan als versie\" maakt een versie die de route telt.",
            en:
                "Markdown. The linter reads along as you type; your draft is kept every few seconds, but only "
                + "\"Save as version\" makes a version the route counts."),
        "draftRestored": .init(
            nl: "Je niet-opgeslagen concept is teruggezet.", en: "Your unsaved draft has been put back."),
        "discardDraft": .init(nl: "Concept weggooien", en: "Discard draft"),
        "theirVersion": .init(nl: "De opgeslagen versie", en: "The saved version"),
        "yourText": .init(nl: "Jouw tekst (nog niet opgeslagen)", en: "Your text (not saved yet)"),
        "explain": .init(nl: "uitleg", en: "explain"),
        "suppress": .init(nl: "uitzondering", en: "suppress"),
        "noFindings": .init(nl: "Geen bevindingen.", en: "No findings."),
        "versions": .init(nl: "Versies", en: "Versions"),
        "compare": .init(nl: "Vergelijken", en: "Compare"),
        "restore": .init(nl: "Terugzetten als nieuwe versie", en: "Restore as a new version"),
        "withdrawConsent": .init(nl: "Toestemming intrekken", en: "Withdraw consent"),
        "withdrawFor": .init(nl: "Intrekken voor", en: "Withdrawing for"),
        "withdrawTouches": .init(
            nl: "Dit materiaal valt dan onder de intrekking. Rapporten en kaarten laten het vanaf nu weg; het blijft "
                + "bewaard tot je het wist (daarna op de pagina Toestemming).",
            en: "This material then falls under the withdrawal. Reports and maps leave it out from now on; it stays "
                + "stored until you erase it (afterwards, on the Consent page)."),
        "erase": .init(nl: "Wissen na intrekking", en: "Erase after withdrawal"),
        "eraseFor": .init(nl: "Wissen voor", en: "Erasing for"),
        "eraseTakes": .init(nl: "Dit wordt gewist:", en: "This is erased:"),
        "eraseFinal": .init(
            nl:
                "Wissen is definitief: het kan niet ongedaan worden gemaakt, ook niet uit de geschiedenis. Het auditlog "
                + "houdt bij wat voor materiaal er ging, niet de inhoud.",
            en: "Erasing is final: it cannot be undone, not even from the history. The audit trail keeps what kind of "
                + "material went, not its content."),
        "eraseConfirm": .init(nl: "Definitief wissen", en: "Erase for good"),
        "eraseMaterial": .init(nl: "Wissen wat onder een intrekking valt", en: "Erase what falls under a withdrawal"),
        "withdrawTouchesNothing": .init(
            nl: "Er is nog geen materiaal van deze persoon onder deze doelen.",
            en: "There is no material of this person under these purposes yet."),
        "withdrawLedger": .init(
            nl: "De intrekking komt als nieuwe regel in het toestemmingsregister; eerdere regels blijven staan.",
            en: "The withdrawal is added to the consent ledger as a new entry; earlier entries stay."),
        "withdrawConfirm": .init(nl: "Intrekking vastleggen", en: "Record the withdrawal"),
        "cancel": .init(nl: "Annuleren", en: "Cancel"),
        "quotes": .init(nl: "Citaten", en: "Quotes"),
        "recentChanges": .init(nl: "Recent gewijzigd", en: "Recently changed"),
        "undo": .init(nl: "Ongedaan maken", en: "Undo"),
        "addRecording": .init(nl: "Geluidsopname toevoegen bij", en: "Add a recording to"),
        "phase": .init(nl: "Fase", en: "Phase"),
        "show": .init(nl: "Tonen", en: "Show"),
        "doetank": .init(nl: "Doetank-checklist", en: "Doetank checklist"),
        "undoneAt": .init(nl: "teruggezet", en: "restored"),
        "history": .init(nl: "Geschiedenis", en: "History"),
        "historyHelp": .init(
            nl: "Wat onderzoekers uit het dossier verwijderden; zet het terug met de koppelingen die nog kunnen. "
                + "Wissen na een intrekking van toestemming is definitief en staat hier niet.",
            en: "What researchers removed from the dossier; put it back with the links that still can be. Erasing "
                + "after a withdrawal of consent is final and is not listed here."),
        "removePersonName": .init(
            nl: "Een echte naam in de sleutelkluis wordt gewist en komt met ongedaan maken niet terug. Iemand met een "
                + "toestemmingsgeschiedenis of een interview blijft staan.",
            en: "A real name in the key vault is erased and does not come back with undo. Someone with a consent "
                + "history or an interview stays."),
        "removeQuestion": .init(nl: "verwijderen?", en: "remove?"),
        "removeUndo": .init(
            nl: "Koppelingen ernaar (overdrachten, bevindingen, leervragen) gaan mee. Je kunt dit ongedaan maken via "
                + "Geschiedenis.",
            en: "Links to it (hand-offs, findings, leervragen) go with it. You can undo this from History."),
        "selectHelp": .init(
            nl: "Selecteer woorden in een transcript om ze als citaat in het formulier hieronder te zetten.",
            en: "Select words in a transcript to put them as a quote in the form below."),
        "insertQuote": .init(nl: "Citaat invoegen bij de cursor", en: "Insert a quote at the cursor"),
        "insert": .init(nl: "Invoegen", en: "Insert"),
        "consentPage": .init(nl: "Toestemming", en: "Consent"),
    ]

    static func catalogue(_ language: Language) -> [String: String] {
        texts.mapValues { language == .en ? $0.en : $0.nl }
    }
}
