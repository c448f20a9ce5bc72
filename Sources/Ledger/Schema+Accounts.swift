import GRDB

extension Schema {
    /// Web-app accounts, sessions, API tokens and rule-set activations. Registered last by `migrator`;
    /// never edited once shipped.
    static func registerAccounts(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("accounts: users, sessions, api tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE appUser (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        login TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(login)) > 0),
                        displayName TEXT NOT NULL CHECK (length(trim(displayName)) > 0),
                        role TEXT NOT NULL CHECK (role IN ('triagist', 'commissielid', 'directie', 'beheerder')),
                        passwordHash TEXT NOT NULL,
                        active INTEGER NOT NULL CHECK (active IN (0, 1)),
                        createdAt TEXT NOT NULL
                    );
                    CREATE TABLE appSession (
                        tokenHash TEXT PRIMARY KEY,
                        userId INTEGER NOT NULL REFERENCES appUser(id),
                        csrfToken TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        expiresAt TEXT NOT NULL
                    );
                    CREATE INDEX appSession_user ON appSession(userId);
                    CREATE TABLE apiToken (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        tokenHash TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                        role TEXT NOT NULL CHECK (role IN ('triagist', 'commissielid', 'directie', 'beheerder')),
                        createdBy TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        active INTEGER NOT NULL CHECK (active IN (0, 1))
                    );
                    CREATE TABLE ruleActivation (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        hash TEXT NOT NULL,
                        version TEXT NOT NULL,
                        title TEXT NOT NULL,
                        source TEXT NOT NULL,
                        activatedBy TEXT NOT NULL CHECK (length(trim(activatedBy)) > 0),
                        activatedAt TEXT NOT NULL
                    );
                    CREATE TRIGGER ruleActivation_never_updated BEFORE UPDATE ON ruleActivation
                    BEGIN SELECT RAISE(ABORT, 'a rule-set activation is history: activate another version instead'); END;
                    CREATE TRIGGER ruleActivation_never_deleted BEFORE DELETE ON ruleActivation
                    BEGIN SELECT RAISE(ABORT, 'a rule-set activation is history and is never deleted'); END;
                    """
            )
        }
    }
}
