import GRDB

/// The SQLite schema as a history of migrations. A shipped migration never changes: it
/// describes a past database, with string names, not today's types. A new column is a new
/// migration that also raises `bargain_meta.schema_version` and `PRAGMA user_version` together.
///
/// The version is kept twice on purpose: `bargain_meta` is the record (the same table as in
/// PostgreSQL); the file header's `application_id` and `user_version` let a foreign or newer
/// file be refused from its first 100 bytes, before SQLite opens it and leaves `-wal`/`-shm`
/// files beside it.
///
/// Days are `YYYY-MM-DD` text, which sorts as dates. Wage amounts exist only inside event
/// bodies, as integer fen (`FieldValue.money`), never as floating point.
enum SQLiteSchema {
    /// The schema version this build writes and reads. A file with a higher one was written by
    /// a newer bargain, and opening it is refused rather than risking it.
    static let version = 6

    /// `PRAGMA application_id`: "barg" in ASCII, so `file(1)` and the header say whose file it is.
    static let applicationID: Int32 = 0x6261_7267

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE bargain_meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                INSERT INTO bargain_meta (key, value) VALUES ('application', 'bargain'), ('schema_version', '1');
                PRAGMA application_id = 1650553447;
                PRAGMA user_version = 1;

                CREATE TABLE negotiations (
                    id TEXT PRIMARY KEY NOT NULL,
                    level TEXT NOT NULL,
                    workflow_name TEXT NOT NULL,
                    workflow_version INTEGER NOT NULL,
                    workflow_digest TEXT NOT NULL,
                    title TEXT NOT NULL,
                    employee_party TEXT NOT NULL,
                    employer_party TEXT NOT NULL,
                    district TEXT,
                    street TEXT,
                    step TEXT NOT NULL,
                    version INTEGER NOT NULL CHECK (version >= 1),
                    last_day TEXT NOT NULL
                );
                CREATE INDEX negotiations_level_step ON negotiations (level, step);
                CREATE INDEX negotiations_district ON negotiations (district);

                CREATE TABLE events (
                    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
                    sequence INTEGER NOT NULL CHECK (sequence >= 1),
                    on_day TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    body TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    PRIMARY KEY (negotiation_id, sequence)
                );

                CREATE TABLE deadlines (
                    negotiation_id TEXT NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    due TEXT NOT NULL,
                    opened_on TEXT NOT NULL,
                    PRIMARY KEY (negotiation_id, name)
                );
                CREATE INDEX deadlines_due ON deadlines (due);

                CREATE TABLE contract_records (
                    contract_id TEXT PRIMARY KEY NOT NULL,
                    negotiation_id TEXT NOT NULL UNIQUE REFERENCES negotiations (id) ON DELETE CASCADE,
                    level TEXT NOT NULL,
                    title TEXT NOT NULL,
                    signed_on TEXT,
                    effective_on TEXT,
                    expires_on TEXT,
                    terminated_on TEXT,
                    renews TEXT
                );

                CREATE TABLE contract_enterprises (
                    contract_id TEXT NOT NULL REFERENCES contract_records (contract_id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    credit_code TEXT NOT NULL,
                    PRIMARY KEY (contract_id, credit_code)
                );
                CREATE INDEX contract_enterprises_credit_code ON contract_enterprises (credit_code);
                """)
        }
        // Coverage statistics (issue 5): the registry, contracts concluded outside the store's
        // negotiations, congress records read from elsewhere, and the reminder ledger. No
        // foreign keys to negotiations: these rows come from other sources.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE registry_enterprises (
                    credit_code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    district TEXT NOT NULL,
                    street TEXT NOT NULL,
                    industry TEXT NOT NULL,
                    employees INTEGER NOT NULL CHECK (employees >= 0),
                    union_founded_on TEXT,
                    chamber_member INTEGER NOT NULL CHECK (chamber_member IN (0, 1)),
                    closed_on TEXT
                );

                CREATE TABLE external_contracts (
                    contract_id TEXT PRIMARY KEY NOT NULL,
                    level TEXT NOT NULL,
                    title TEXT NOT NULL,
                    signed_on TEXT,
                    effective_on TEXT NOT NULL,
                    expires_on TEXT NOT NULL,
                    terminated_on TEXT
                );

                CREATE TABLE external_contract_enterprises (
                    contract_id TEXT NOT NULL REFERENCES external_contracts (contract_id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    credit_code TEXT NOT NULL,
                    PRIMARY KEY (contract_id, credit_code)
                );
                CREATE INDEX external_contract_enterprises_credit_code ON external_contract_enterprises (credit_code);

                CREATE TABLE external_congress_sessions (
                    record_id TEXT NOT NULL,
                    credit_code TEXT NOT NULL,
                    held_on TEXT NOT NULL,
                    PRIMARY KEY (record_id, credit_code)
                );

                CREATE TABLE reminder_ledger (
                    credit_code TEXT NOT NULL,
                    sent_on TEXT NOT NULL,
                    rung TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    PRIMARY KEY (credit_code, sent_on, rung)
                );

                UPDATE bargain_meta SET value = '2' WHERE key = 'schema_version';
                PRAGMA user_version = 2;
                """)
        }
        // Imported filings kept whole, so the archive can export them again (issue 17 item 3).
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                CREATE TABLE archived_documents (
                    kind TEXT NOT NULL,
                    id TEXT NOT NULL,
                    negotiation_id TEXT,
                    content BLOB NOT NULL,
                    PRIMARY KEY (kind, id)
                );
                CREATE INDEX archived_documents_negotiation ON archived_documents (negotiation_id);

                UPDATE bargain_meta SET value = '3' WHERE key = 'schema_version';
                PRAGMA user_version = 3;
                """)
        }
        // v4, the city server (issue 15): accounts with their seats, access tokens kept only as
        // SHA-256 digests, and the audit log. Times are Unix seconds.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: """
                CREATE TABLE accounts (
                    name TEXT PRIMARY KEY NOT NULL,
                    seat TEXT NOT NULL,
                    password_hash TEXT,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE access_tokens (
                    digest TEXT PRIMARY KEY NOT NULL,
                    account TEXT NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    issued_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    revoked INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX access_tokens_account ON access_tokens (account);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at INTEGER NOT NULL,
                    account TEXT NOT NULL,
                    event TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    remote TEXT
                );

                UPDATE bargain_meta SET value = '4' WHERE key = 'schema_version';
                PRAGMA user_version = 4;
                """)
        }
        // Open renewals as a projection (issue 11 item 4): the negotiation a renewal renews and
        // the day a negotiation reached a terminal step, kept by the write plan. Filled here from
        // the stored openings and from the terminal steps of the workflows shipped with schema 4.
        migrator.registerMigration("v5") { db in
            try db.execute(sql: """
                ALTER TABLE negotiations ADD COLUMN renews TEXT;
                ALTER TABLE negotiations ADD COLUMN ended_on TEXT;
                UPDATE negotiations SET renews = (SELECT json_extract(e.body, '$.body.opened._0.renews') FROM events e
                                                  WHERE e.negotiation_id = negotiations.id AND e.sequence = 1);
                UPDATE negotiations SET ended_on = last_day WHERE step IN ('withdrawn', 'expired', 'terminated');
                CREATE INDEX negotiations_renews ON negotiations (renews) WHERE renews IS NOT NULL;

                UPDATE bargain_meta SET value = '5' WHERE key = 'schema_version';
                PRAGMA user_version = 5;
                """)
        }
        // Idempotency keys (issue 18 item 2): what each request recorded, so a repeat finds it.
        migrator.registerMigration("v6") { db in
            try db.execute(sql: """
                CREATE TABLE requests (
                    request_id TEXT PRIMARY KEY NOT NULL,
                    negotiation_id TEXT NOT NULL,
                    version_before INTEGER NOT NULL CHECK (version_before >= 0),
                    version INTEGER NOT NULL CHECK (version > version_before),
                    opened_id TEXT,
                    recorded_at TEXT NOT NULL
                );

                UPDATE bargain_meta SET value = '6' WHERE key = 'schema_version';
                PRAGMA user_version = 6;
                """)
        }
        return migrator
    }
}
