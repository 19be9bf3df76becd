-- Connections (issue 3): what the seller configured, without a single secret. API keys, tokens and app
-- secrets live in the OS keychain or the encrypted secrets file, keyed by Connection.secretKey(field).
-- settings holds the non-secret settings as one JSON object of strings. Portable SQL: H2 and PostgreSQL.
CREATE TABLE source_connection (
    id              VARCHAR(200)   NOT NULL PRIMARY KEY,
    kind            VARCHAR(40)    NOT NULL,
    display_name    VARCHAR(200)   NOT NULL,
    enabled         BOOLEAN        NOT NULL,
    cadence_seconds BIGINT,
    settings        VARCHAR(20000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
