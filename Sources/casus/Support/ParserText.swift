import ArgumentParser
import CasusCore
import CasusLint
import Foundation

/// ArgumentParser writes its own words around casus's help and usage errors ("USAGE:", "Missing
/// expected argument"); in Dutch those are translated here, so `--help` and a wrong option speak
/// the chosen language like everything else.
enum ParserText {
    /// Replacements in order; each is a piece of ArgumentParser's fixed text.
    static let dutch: [(String, String)] = [
        ("OVERVIEW:", "OVERZICHT:"),
        ("USAGE:", "GEBRUIK:"),
        ("ARGUMENTS:", "ARGUMENTEN:"),
        ("OPTIONS:", "OPTIES:"),
        ("SUBCOMMANDS:", "SUBOPDRACHTEN:"),
        ("Show help information.", "Toon de hulp."),
        ("Show the version.", "Toon het versienummer."),
        ("See 'casus help <subcommand>' for detailed help.", "Zie 'casus help <subopdracht>' voor uitgebreide hulp."),
        ("<subcommand>", "<subopdracht>"),
        ("<options>", "<opties>"),
        // Without the space after the colon: help text is wrapped, and a line may end there.
        ("(default:", "(standaard:"),
        ("(values:", "(waarden:"),
        ("Error: ", "Fout: "),
        ("Missing expected argument ", "Verplicht argument ontbreekt: "),
        ("Missing expected arguments ", "Verplichte argumenten ontbreken: "),
        ("Unknown option ", "Onbekende optie "),
        ("Unexpected argument ", "Onverwacht argument "),
        ("Unexpected arguments ", "Onverwachte argumenten "),
        ("Missing value for ", "Waarde ontbreekt voor "),
        ("The value ", "De waarde "),
        (" is invalid for ", " is ongeldig voor "),
        ("Please provide one of ", "Geef een van "),
        ("Did you mean ", "Bedoelde u "),
        ("Usage: ", "Gebruik: "),
        ("Help:  ", "Hulp:  "),
        ("  See '", "  Zie '"),
        ("' for more help.", "' voor meer hulp."),
        ("' for more information.", "' voor meer informatie."),
        ("' or '", "' of '"),
        ("Value to be set with flag", "Waarde die de vlag zet:"),
    ]

    /// `--lang` on the command line if given (also when parsing failed elsewhere), else the environment's.
    static func language(_ arguments: [String]) -> Language {
        explicitLanguage(arguments) ?? environmentLanguage
    }

    /// The language a valid `--lang` anywhere on the command line names, if any.
    static func explicitLanguage(_ arguments: [String]) -> Language? {
        for (index, argument) in arguments.enumerated() {
            let value: String? =
                argument == "--lang" && index + 1 < arguments.count
                ? arguments[index + 1] : argument.hasPrefix("--lang=") ? String(argument.dropFirst(7)) : nil
            if let value, let language = Language(code: value) { return language }
        }
        return nil
    }

    static func localized(_ text: String, _ language: Language) -> String {
        guard language == .nl else { return text }
        let replaced = dutch.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        // "(values: a, b; default: a)", where the wrap may fall between "b;" and "default:".
        return replaced.replacing(/;(\s+)default:/) { ";\($0.1)standaard:" }
    }
}

extension CasusMain {
    /// ArgumentParser's own main, with its messages in the interface language.
    static func main() {
        // `casus lint` loads its rules while the arguments are parsed: a short narrative waits less.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "lint" {
            let english = zip(arguments, arguments.dropFirst()).contains { $0 == ("--text-lang", "en") }
            RuleWarmUp.begin(english || arguments.contains("--text-lang=en") ? .en : .nl)
        }
        var parsed = arguments
        // `--lang` chooses the language of everything, help included: help text is built from the
        // environment's language, so the choice goes there before anything is read. Before the subcommand
        // (`casus --lang en status`) it belongs to no command and is taken off.
        if let explicit = ParserText.explicitLanguage(arguments) {
            setenv("CASUS_LANG", explicit.rawValue, 1)
        }
        if parsed.first == "--lang" || parsed.first?.hasPrefix("--lang=") == true {
            let value = parsed.first == "--lang" ? parsed.dropFirst().first : String(parsed[0].dropFirst(7))
            guard let value, Language(code: value) != nil else {
                let message = ParserText.localized(
                    "Error: The value '\(value ?? "")' is invalid for '--lang'. Please provide one of 'nl', 'en'.",
                    environmentLanguage)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            parsed.removeFirst(parsed.first == "--lang" ? 2 : 1)
        }
        do {
            var command = try parseAsRoot(parsed)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = ParserText.localized(fullMessage(for: error), ParserText.language(CommandLine.arguments))
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
