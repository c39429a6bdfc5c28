import ArgumentParser
import CasusApp
import CasusCore
import CasusStore
import CasusWeb
import Foundation

/// Reads a password from standard input (one line), never from an argument or the environment.
private func passwordFromStdin(asked: Bool) throws -> String {
    guard asked else {
        throw CasusError(
            .invalidInput, nl: "Geef het wachtwoord via --password-stdin.",
            en: "Give the password with --password-stdin.")
    }
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw CasusError(
            .invalidInput, nl: "Geef het wachtwoord op standaardinvoer (één regel).",
            en: "Give the password on standard input (one line).")
    }
    return line
}

/// Accounts of the team server.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: say("Accounts voor de webapp beheren.", "Manage the web app's accounts."),
        subcommands: [Add.self, List.self, Disable.self, Password.self])

    static func desk(_ context: Context) throws -> AccountDesk {
        AccountDesk(store: try context.store(), vault: context.vault, steward: .terminal(context.actor))
    }

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: say("Een account toevoegen.", "Add an account."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: help("Login.", "Login.")) var login: String
        @Option(help: help("Naam zoals collega's die kennen.", "Name as colleagues know it.")) var name: String
        @Flag(help: help("Mag accounts beheren.", "May manage accounts.")) var admin = false
        @Flag(
            name: .customLong("password-stdin"),
            help: help("Lees het wachtwoord van standaardinvoer.", "Read the password from standard input."))
        var passwordStdin = false

        func execute(_ context: Context) throws {
            let account = try UserCommand.desk(context).addUser(
                login: login, name: name, admin: admin, password: try passwordFromStdin(asked: passwordStdin))
            context.print("Account \(account.login) toegevoegd.", "Account \(account.login) added.")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: say("De accounts.", "The accounts."))
        @OptionGroup var global: GlobalOptions
        @Flag(help: help("Als JSON.", "As JSON.")) var json = false

        func execute(_ context: Context) throws {
            let users = try UserCommand.desk(context).users()
            if json {
                struct Row: Encodable { let login, name: String; let admin, disabled: Bool }
                return try Output.json(
                    users.map { Row(login: $0.login, name: $0.name, admin: $0.isAdmin, disabled: $0.isDisabled) })
            }
            Output.table(
                [context.t("LOGIN", "LOGIN"), context.t("NAAM", "NAME"), context.t("STATUS", "STATUS")],
                users.map {
                    [
                        $0.login, $0.name,
                        ($0.isAdmin ? context.t("beheerder ", "admin ") : "")
                            + ($0.isDisabled ? context.t("uitgeschakeld", "disabled") : context.t("actief", "active")),
                    ]
                })
        }
    }

    struct Disable: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: say("Een account uitschakelen (sessies eindigen).", "Disable an account (its sessions end)."))
        @OptionGroup var global: GlobalOptions
        @Argument var login: String

        func execute(_ context: Context) throws {
            try UserCommand.desk(context).disableUser(login)
            context.print("Account \(login) uitgeschakeld.", "Account \(login) disabled.")
        }
    }

    struct Password: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: say("Een nieuw wachtwoord zetten.", "Set a new password."))
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        @Flag(
            name: .customLong("password-stdin"),
            help: help("Lees het wachtwoord van standaardinvoer.", "Read the password from standard input."))
        var passwordStdin = false

        func execute(_ context: Context) throws {
            try UserCommand.desk(context).setPassword(login, to: try passwordFromStdin(asked: passwordStdin))
            context.print("Wachtwoord van \(login) gewijzigd.", "Password of \(login) changed.")
        }
    }
}

/// Who may do what in one case.
struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: say("Leden van een casus en hun rol.", "Members of a case and their role."),
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: say("Een account een rol geven in een casus.", "Give an account a role in a case."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var login: String
        @Option(
            help: help(
                "researcher, coach, reader of agency:<instantie>.", "researcher, coach, reader or agency:<agency>."))
        var role: String

        func execute(_ context: Context) throws {
            guard let parsed = Role(membership: role) else {
                throw CasusError(
                    .invalidInput, nl: "Onbekende rol '\(role)'. Kies researcher, coach, reader of agency:<instantie>.",
                    en: "Unknown role '\(role)'. Choose researcher, coach, reader or agency:<agency>.")
            }
            try UserCommand.desk(context).addMember(caseId, login: login, role: parsed)
            context.print(
                "\(login) is nu \(context.t(parsed.label)) in \(caseId).",
                "\(login) is now \(context.t(parsed.label)) in \(caseId).")
        }
    }

    struct List: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: say("De leden van een casus.", "The members of a case."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String

        func execute(_ context: Context) throws {
            let members = try UserCommand.desk(context).members(caseId)
            Output.table([context.t("LOGIN", "LOGIN"), context.t("ROL", "ROLE")], members.map { [$0.login, $0.role] })
        }
    }

    struct Remove: CasusCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: say("Een lid verwijderen.", "Remove a member."))
        @OptionGroup var global: GlobalOptions
        @Argument var caseId: String
        @Argument var login: String

        func execute(_ context: Context) throws {
            try UserCommand.desk(context).removeMember(caseId, login: login)
            context.print("\(login) is geen lid meer van \(caseId).", "\(login) is no longer a member of \(caseId).")
        }
    }
}

/// The web app on this store.
struct ServeCommand: CasusCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: say(
            "casus in de browser: de webapp op deze opslag.", "casus in the browser: the web app on this store."),
        discussion: say(
            "De eerste regel is het adres. Zonder --host luistert casus alleen op deze machine (127.0.0.1).",
            "The first line is the address. Without --host casus listens on this machine only (127.0.0.1)."))
    @OptionGroup var global: GlobalOptions
    @Option(help: help("Adres om op te luisteren.", "Address to listen on.")) var host = "127.0.0.1"
    @Option(help: help("Poort (0: een vrije poort).", "Port (0: a free port).")) var port = 8080
    @Option(
        name: .customLong("public-host"),
        help: help(
            "Hostnaam:poort waarmee browsers de server bereiken (achter een proxy).",
            "Host:port browsers reach the server by (behind a proxy)."))
    var publicHost: [String] = []
    @Flag(
        help: help(
            "De standaardopslag met de voorbeelddossiers en drie demo-accounts.",
            "The default store with the sample dossiers and three demo accounts."))
    var demo = false

    func execute(_ context: Context) throws {
        let store = try context.store(create: demo)
        var demoLines: [String] = []
        if demo {
            _ = try Samples.load(into: store, context: context)
            let accounts = try UserCommand.desk(context).prepareDemo()
            demoLines.append(
                context.t("Demo-accounts (eenmalige wachtwoorden):", "Demo accounts (one-time passwords):"))
            for account in accounts {
                demoLines.append("  \(account.login)  \(account.password)  (\(context.t(account.role.label)))")
            }
        }
        var configuration = WebConfiguration(host: host, port: port, store: store, vault: context.vault)
        if !publicHost.isEmpty { configuration.allowedHosts = Set(publicHost.map { $0.lowercased() }) }
        let lines = demoLines
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                let server = try await WebServer(configuration: configuration)
                try await server.application { address in
                    // Written straight to the file descriptor: a script waiting for the address sees it at once.
                    let text = ([address] + lines).joined(separator: "\n") + "\n"
                    FileHandle.standardOutput.write(Data(text.utf8))
                }.runService()
            } catch {
                failure.error = error
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error { throw error }
    }

    final class FailureBox: @unchecked Sendable { var error: Error? }
}
