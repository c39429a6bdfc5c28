import ArgumentParser
import CasusCore
import CasusStore
import Foundation

/// Help text in the interface language chosen by `CASUS_LANG`/`LANG` (help is printed before `--lang` is read).
func help(_ nl: String, _ en: String) -> ArgumentHelp {
    ArgumentHelp(say(nl, en))
}

/// The interface language from the environment, read once per process.
let environmentLanguage = Language.resolve(explicit: nil)

/// Static text (abstracts, discussions) in the interface language from the environment.
func say(_ nl: String, _ en: String) -> String {
    environmentLanguage == .en ? en : nl
}

/// The options every command takes: where the store and key vault are, the language, and who is acting.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: help(
            "Map van de dossieropslag (anders CASUS_STORE, anders ~/.local/share/casus/store).",
            "Folder of the dossier store (else CASUS_STORE, else ~/.local/share/casus/store)."))
    var store: String?

    @Option(
        name: .long,
        help: help(
            "Bestand van de sleutelkluis met echte namen (anders CASUS_KEYS).",
            "File of the key vault holding real names (else CASUS_KEYS)."))
    var keys: String?

    @Option(
        name: .long,
        help: help(
            "Taal van de meldingen: nl of en (anders CASUS_LANG of LANG).",
            "Language of messages: nl or en (else CASUS_LANG or LANG)."))
    var lang: String?

    @Option(
        name: .long,
        help: help(
            "Wie de wijziging doet, voor het auditlog (anders CASUS_USER of USER).",
            "Who makes the change, for the audit log (else CASUS_USER or USER)."))
    var user: String?
}

/// What a command needs to run: language, the acting person, the store and the key vault.
struct Context {
    let language: Language
    let actor: String
    let storeFolder: URL
    let vault: KeyVault

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        language = Language.resolve(explicit: options.lang, environment: environment)
        let user = options.user ?? environment["CASUS_USER"] ?? environment["USER"] ?? environment["LOGNAME"]
        actor = (user?.isEmpty == false ? user : nil) ?? "onbekend"
        storeFolder = Workspace.storeFolder(explicit: options.store, environment: environment)
        vault = KeyVault(
            url: Workspace.vaultFile(explicit: options.keys, environment: environment),
            passphrase: environment["CASUS_KEYS_PASSPHRASE"])
    }

    func store(create: Bool = false) throws -> DossierStore {
        try DossierStore(workspace: Workspace(folder: storeFolder), actor: actor, create: create)
    }

    /// Picks the text in the interface language.
    func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }
    func t(_ text: Localized) -> String { text.text(language) }

    func print(_ nl: String, _ en: String) { Swift.print(t(nl, en)) }
}

/// A casus command: parses its arguments, runs with a context, and turns a `CasusError`
/// into a message on standard error and its documented exit code.
protocol CasusCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func execute(_ context: Context) throws
}

extension CasusCommand {
    func run() throws {
        let context = Context(global)
        do {
            try execute(context)
        } catch let error as CasusError {
            var text = "casus: " + error.text(context.language) + "\n"
            if let remedy = error.remedy { text += "  " + remedy.command(context.language) + "\n" }
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(error.kind.rawValue)
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            // Anything else is put in words too: never a raw error domain and code.
            let text = Excerpt.forMessage(SystemErrors.describe(error).text(context.language))
            FileHandle.standardError.write(Data(("casus: " + text + "\n").utf8))
            throw ExitCode(CasusError.Kind.internalError.rawValue)
        }
    }
}
