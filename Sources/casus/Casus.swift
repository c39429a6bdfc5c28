import ArgumentParser
import CasusCore
import Foundation

/// `casus`: the command line for the case method.
@main
struct CasusMain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casus",
        abstract: say(
            "Casusonderzoek volgens de Kafkabrigade-methode: dossier, toestemming, interview, narratief, contra-expertise.",
            "Case research with the Kafkabrigade method: dossier, consent, interview, narrative, contra-expertise."),
        discussion: say(
            "Exitcodes: 0 gelukt; 1 controle vond problemen; 3 niet gevonden; 4 bestaat al; 5 toestemming ontbreekt; "
                + "64 verkeerd gebruik; 65 ongeldige invoer; 66 bestand onleesbaar; 69 hulpprogramma ontbreekt "
                + "(LibreOffice voor PDF); 70 interne fout; 74 opslag onbruikbaar; 77 de rol geeft geen recht hierop.",
            "Exit codes: 0 success; 1 a check found problems; 3 not found; 4 exists already; 5 consent missing; "
                + "64 usage error; 65 invalid input; 66 cannot read file; 69 helper program missing "
                + "(LibreOffice for PDF); 70 internal error; 74 store unusable; 77 the role does not allow this."),
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, InitCommand.self, StatusCommand.self, NextCommand.self, CaseCommand.self,
            SelectionCommand.self, PersonCommand.self,
            ConsentCommand.self, InterviewCommand.self, QuoteCommand.self, CodeCommand.self, NarrativeCommand.self,
            EventCommand.self, HandoffCommand.self, AgencyCommand.self, FindingCommand.self,
            LeervraagCommand.self, DilemmaCommand.self, ReviewCommand.self, OverrideCommand.self, DoetankCommand.self,
            WederhoorCommand.self,
            SearchCommand.self, LintCommand.self, JourneyCommand.self, ExportCommand.self, ImportCommand.self,
            AuditCommand.self, StoreCommand.self, TemplateCommand.self,
            EraseCommand.self, RetentionCommand.self,
            UserCommand.self, MemberCommand.self, ServeCommand.self,
            BenchCommand.self,
        ]
    )
}
