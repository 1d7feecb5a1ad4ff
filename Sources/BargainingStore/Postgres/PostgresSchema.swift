import Logging
import PostgresNIO

/// The PostgreSQL schema as a history of migrations, the same tables as ``SQLiteSchema`` with
/// PostgreSQL types. Shipped migrations never change. Text keys and dates use the "C" collation
/// so ids and `YYYY-MM-DD` days sort by bytes, exactly as in SQLite, whatever the server's locale.
enum PostgresSchema {
    static let version = 7

    /// Each entry is one migration's statements, run in one transaction.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE bargain_meta (key text COLLATE "C" PRIMARY KEY, value text NOT NULL)
            """,
            """
            INSERT INTO bargain_meta (key, value) VALUES ('application', 'bargain'), ('schema_version', '1')
            """,
            """
            CREATE TABLE negotiations (
                id text COLLATE "C" PRIMARY KEY,
                level text NOT NULL,
                workflow_name text NOT NULL,
                workflow_version bigint NOT NULL,
                workflow_digest text NOT NULL,
                title text NOT NULL,
                employee_party text NOT NULL,
                employer_party text NOT NULL,
                district text,
                street text,
                step text NOT NULL,
                version bigint NOT NULL CHECK (version >= 1),
                last_day text COLLATE "C" NOT NULL
            )
            """,
            "CREATE INDEX negotiations_level_step ON negotiations (level, step)",
            "CREATE INDEX negotiations_district ON negotiations (district)",
            """
            CREATE TABLE events (
                negotiation_id text COLLATE "C" NOT NULL REFERENCES negotiations (id),
                sequence bigint NOT NULL CHECK (sequence >= 1),
                on_day text COLLATE "C" NOT NULL,
                recorded_at text NOT NULL,
                body json NOT NULL,
                hash text NOT NULL,
                prev_hash text NOT NULL,
                PRIMARY KEY (negotiation_id, sequence)
            )
            """,
            """
            CREATE TABLE deadlines (
                negotiation_id text COLLATE "C" NOT NULL REFERENCES negotiations (id) ON DELETE CASCADE,
                position bigint NOT NULL,
                name text NOT NULL,
                due text COLLATE "C" NOT NULL,
                opened_on text COLLATE "C" NOT NULL,
                PRIMARY KEY (negotiation_id, name)
            )
            """,
            "CREATE INDEX deadlines_due ON deadlines (due)",
            """
            CREATE TABLE contract_records (
                contract_id text COLLATE "C" PRIMARY KEY,
                negotiation_id text COLLATE "C" NOT NULL UNIQUE REFERENCES negotiations (id) ON DELETE CASCADE,
                level text NOT NULL,
                title text NOT NULL,
                signed_on text COLLATE "C",
                effective_on text COLLATE "C",
                expires_on text COLLATE "C",
                terminated_on text COLLATE "C",
                renews text
            )
            """,
            """
            CREATE TABLE contract_enterprises (
                contract_id text COLLATE "C" NOT NULL REFERENCES contract_records (contract_id) ON DELETE CASCADE,
                position bigint NOT NULL,
                credit_code text COLLATE "C" NOT NULL,
                PRIMARY KEY (contract_id, credit_code)
            )
            """,
            "CREATE INDEX contract_enterprises_credit_code ON contract_enterprises (credit_code)",
        ],
        // v2, coverage statistics (issue 5): registry, external contracts, imported congress
        // records, reminder ledger. `prepare` raises bargain_meta's schema_version.
        [
            """
            CREATE TABLE registry_enterprises (
                credit_code text COLLATE "C" PRIMARY KEY,
                name text NOT NULL,
                district text NOT NULL,
                street text NOT NULL,
                industry text NOT NULL,
                employees bigint NOT NULL CHECK (employees >= 0),
                union_founded_on text COLLATE "C",
                chamber_member boolean NOT NULL,
                closed_on text COLLATE "C"
            )
            """,
            """
            CREATE TABLE external_contracts (
                contract_id text COLLATE "C" PRIMARY KEY,
                level text NOT NULL,
                title text NOT NULL,
                signed_on text COLLATE "C",
                effective_on text COLLATE "C" NOT NULL,
                expires_on text COLLATE "C" NOT NULL,
                terminated_on text COLLATE "C"
            )
            """,
            """
            CREATE TABLE external_contract_enterprises (
                contract_id text COLLATE "C" NOT NULL REFERENCES external_contracts (contract_id) ON DELETE CASCADE,
                position bigint NOT NULL,
                credit_code text COLLATE "C" NOT NULL,
                PRIMARY KEY (contract_id, credit_code)
            )
            """,
            "CREATE INDEX external_contract_enterprises_credit_code ON external_contract_enterprises (credit_code)",
            """
            CREATE TABLE external_congress_sessions (
                record_id text COLLATE "C" NOT NULL,
                credit_code text COLLATE "C" NOT NULL,
                held_on text COLLATE "C" NOT NULL,
                PRIMARY KEY (record_id, credit_code)
            )
            """,
            """
            CREATE TABLE reminder_ledger (
                credit_code text COLLATE "C" NOT NULL,
                sent_on text COLLATE "C" NOT NULL,
                rung text NOT NULL,
                recorded_at text NOT NULL,
                PRIMARY KEY (credit_code, sent_on, rung)
            )
            """,
        ],
        // Imported filings kept whole, so the archive can export them again (issue 17 item 3).
        [
            """
            CREATE TABLE archived_documents (
                kind text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                negotiation_id text COLLATE "C",
                content bytea NOT NULL,
                PRIMARY KEY (kind, id)
            )
            """,
            "CREATE INDEX archived_documents_negotiation ON archived_documents (negotiation_id)",
        ],
        // v4, the city server (issue 15): accounts with their seats, access tokens kept only as
        // SHA-256 digests, and the audit log. Times are Unix seconds.
        [
            """
            CREATE TABLE accounts (
                name text COLLATE "C" PRIMARY KEY,
                seat text NOT NULL,
                password_hash text,
                disabled boolean NOT NULL DEFAULT false,
                created_at bigint NOT NULL
            )
            """,
            """
            CREATE TABLE access_tokens (
                digest text COLLATE "C" PRIMARY KEY,
                account text COLLATE "C" NOT NULL REFERENCES accounts (name) ON DELETE CASCADE,
                kind text NOT NULL,
                issued_at bigint NOT NULL,
                expires_at bigint NOT NULL,
                revoked boolean NOT NULL DEFAULT false
            )
            """,
            "CREATE INDEX access_tokens_account ON access_tokens (account)",
            """
            CREATE TABLE audit_log (
                id bigserial PRIMARY KEY,
                at bigint NOT NULL,
                account text NOT NULL,
                event text NOT NULL,
                detail text NOT NULL,
                remote text
            )
            """,
        ],
        // Open renewals as a projection (issue 11 item 4): the negotiation a renewal renews and
        // the day a negotiation reached a terminal step, kept by the write plan. Filled here from
        // the stored openings and from the terminal steps of the workflows shipped with schema 4.
        [
            """
            ALTER TABLE negotiations ADD COLUMN renews text COLLATE "C", ADD COLUMN ended_on text COLLATE "C"
            """,
            """
            UPDATE negotiations n SET renews = e.body -> 'body' -> 'opened' -> '_0' ->> 'renews'
            FROM events e WHERE e.negotiation_id = n.id AND e.sequence = 1
            """,
            "UPDATE negotiations SET ended_on = last_day WHERE step IN ('withdrawn', 'expired', 'terminated')",
            "CREATE INDEX negotiations_renews ON negotiations (renews) WHERE renews IS NOT NULL",
        ],
        // v6, idempotency keys (issue 18 item 2): what each request recorded, so a repeat finds it.
        [
            """
            CREATE TABLE requests (
                request_id text COLLATE "C" PRIMARY KEY,
                negotiation_id text COLLATE "C" NOT NULL,
                version_before bigint NOT NULL CHECK (version_before >= 0),
                version bigint NOT NULL CHECK (version > version_before),
                opened_id text COLLATE "C",
                recorded_at text NOT NULL
            )
            """,
        ],
        // v7, the database guards its history (issue 18 item 5): an event, once recorded, is
        // neither changed nor deleted, whoever asks, unless a documented repair sets
        // `bargain.maintenance` to on for its session (README, "Storage").
        [
            """
            CREATE OR REPLACE FUNCTION bargain_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF coalesce(current_setting('bargain.maintenance', true), '') = 'on' THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
              END IF;
              RAISE EXCEPTION 'bargain events are append-only: % on events is refused', TG_OP
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'a documented repair sets bargain.maintenance = on for its session';
            END
            $$
            """,
            "DROP TRIGGER IF EXISTS events_append_only ON events",
            "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION bargain_events_append_only()",
            "DROP TRIGGER IF EXISTS events_no_truncate ON events",
            "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION bargain_events_append_only()",
        ],
    ]

    /// Brings the database (or the endpoint's schema) to ``version``: checked first without
    /// writing, so a foreign or newer database is refused untouched and an up-to-date one is
    /// only read; then created or migrated under an advisory lock on the schema's name, so
    /// processes opening one new database at once do not race (not even on `CREATE SCHEMA IF
    /// NOT EXISTS`, which can), while stores in different schemas do not wait for each other.
    /// With `creating` false, a database without bargain's tables is refused instead.
    static func prepare(_ connection: PostgresConnection, endpoint: PostgresEndpoint, creating: Bool = true, logger: Logger) async throws {
        let installed = try await installedVersion(connection, endpoint: endpoint, logger: logger)
        if installed == version { return }
        if installed == nil && !creating {
            throw StoreError.unavailable(reason: "database \(endpoint.database) on \(endpoint.host):\(endpoint.port)" + (endpoint.schema.map { " (schema \($0))" } ?? "")
                                         + " holds no bargain store",
                                         hint: "check the store URL; a command that only reads does not create one")
        }
        try await connection.withTransaction(logger: logger) { connection in
            let lock = "bargain:" + (endpoint.schema ?? "")
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lock)))", logger: logger)
            if let schema = endpoint.schema {
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
            }
            let installed = try await installedVersion(connection, endpoint: endpoint, logger: logger) ?? 0
            for statements in migrations.dropFirst(installed) {
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
            if installed < version {
                try await connection.query("UPDATE bargain_meta SET value = \(String(version)) WHERE key = 'schema_version'", logger: logger)
            }
        }
    }

    /// The schema version of the bargain tables, nil when there are none yet.
    static func installedVersion(_ connection: PostgresConnection, endpoint: PostgresEndpoint, logger: Logger) async throws -> Int? {
        let place = "database \(endpoint.database) on \(endpoint.host):\(endpoint.port)" + (endpoint.schema.map { " (schema \($0))" } ?? "")
        var tables: (meta: Bool, events: Bool) = (false, false)
        for try await row in try await connection.query(
            "SELECT to_regclass('bargain_meta') IS NOT NULL, to_regclass('events') IS NOT NULL", logger: logger).decode((Bool, Bool).self) {
            tables = row
        }
        guard tables.meta else {
            if tables.events { throw StoreError.incompatible(reason: "\(place) is not a bargain database (it has an events table of its own); add ?schema=bargain to the URL") }
            return nil
        }
        var meta: [String: String] = [:]
        for try await (key, value) in try await connection.query("SELECT key, value FROM bargain_meta", logger: logger).decode((String, String).self) {
            meta[key] = value
        }
        guard meta["application"] == "bargain", let installed = meta["schema_version"].flatMap(Int.init) else {
            throw StoreError.incompatible(reason: "\(place) is not a bargain database (its bargain_meta table is not bargain's)")
        }
        if installed > version {
            throw StoreError.incompatible(reason: "\(place) was written by a newer bargain (schema \(installed), this one reads up to \(version)); upgrade bargain — nothing was changed")
        }
        return installed
    }
}
