import ArgumentParser
import Foundation
import Ledger
import WebApp

extension UserRole: ExpressibleByArgument {}

struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Web-app accounts and API tokens in the ledger database (create the first beheerder here).",
        discussion: "Passwords come from standard input or --password-file, never from an argument (arguments show in `ps`).",
        subcommands: [Add.self, List.self, Disable.self, Passwd.self, Token.self]
    )

    struct PasswordSource: ParsableArguments {
        @Option(help: "Read the password from this file (first line). Default: standard input.") var passwordFile: String?

        func read() throws -> String {
            let text: String
            if let passwordFile {
                text = try String(contentsOfFile: passwordFile, encoding: .utf8)
            } else {
                if isatty(STDIN_FILENO) != 0 { FileHandle.standardError.write(Data("password: ".utf8)) }
                text = readLine(strippingNewline: true) ?? ""
            }
            return text.components(separatedBy: .newlines).first ?? ""
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account.")
        @Option(help: "Login name.") var login: String
        @Option(help: "The name shown in the app and written in the audit trail.") var name: String
        @Option(help: "triagist, commissielid, directie or beheerder.") var role: UserRole
        @OptionGroup var password: PasswordSource
        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            let user = try Accounts(ledger: try ledger.open()).add(
                login: login,
                displayName: name,
                role: role,
                password: try password.read()
            )
            TerminalText.print("added \(user.login) (\(user.displayName), \(user.role.rawValue))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts and API tokens.")
        @OptionGroup var ledger: ReadLedgerOptions

        func run() throws {
            let ledger = try ledger.open()
            for user in try ledger.users() {
                TerminalText.print(
                    [user.login, user.displayName, user.role.rawValue, user.active ? "active" : "disabled"].joined(separator: "\t")
                )
            }
            for token in try ledger.apiTokens() {
                TerminalText.print(
                    ["token \(token.id ?? 0)", token.name, token.role.rawValue, token.active ? "active" : "revoked"].joined(separator: "\t")
                )
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account (its sessions end; the row stays for the audit trail)."
        )
        @Argument(help: "Login name.") var login: String
        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            try Accounts(ledger: try ledger.open()).setActive(login: login, false)
            TerminalText.print("disabled \(login)")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an account's password (its sessions end).")
        @Argument(help: "Login name.") var login: String
        @OptionGroup var password: PasswordSource
        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            try Accounts(ledger: try ledger.open()).setPassword(login: login, password: try password.read())
            TerminalText.print("password changed for \(login)")
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an API token for a system; the token is printed once.")
        @Option(help: "The system's name (the actor in the audit trail).") var name: String
        @Option(help: "triagist, commissielid, directie or beheerder.") var role: UserRole
        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            let (token, _) = try Accounts(ledger: try ledger.open()).makeToken(name: name, role: role, by: "instroom users token")
            TerminalText.print(token)
        }
    }
}
