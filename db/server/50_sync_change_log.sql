-- Team sync, part 1: the change log laptops pull from, the server epoch, and which tables are replicated.
-- Idempotent: `kamctl server init` runs it again after every upgrade (new tables get their triggers).

CREATE SCHEMA IF NOT EXISTS kam;

-- The server's identity: a restored or re-created server gets a new one, and laptops re-sync instead of diverging.
CREATE TABLE IF NOT EXISTS kam.sync_epoch (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    epoch uuid NOT NULL DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO kam.sync_epoch DEFAULT VALUES ON CONFLICT DO NOTHING;

-- Every replicated table, how its rows reach their account (an expression over the row `r`; NULL: shared by
-- everyone) and which columns are transitions (a transition on a row that changed since the laptop saw it is refused).
CREATE TABLE IF NOT EXISTS kam.sync_entities (
    entity text PRIMARY KEY,
    account_sql text,
    transitions text[] NOT NULL DEFAULT '{}',
    append_only boolean NOT NULL DEFAULT false
);

INSERT INTO kam.sync_entities (entity, account_sql, transitions, append_only) VALUES
    ('users', NULL, '{}', false),
    ('product_categories', NULL, '{}', false),
    ('program_configs', NULL, '{}', false),
    ('program_grade_terms', NULL, '{}', false),
    ('earning_rules', NULL, '{}', false),
    ('commercial_policies', NULL, '{}', false),
    ('policy_caps', NULL, '{}', false),
    ('benefit_catalog', NULL, '{}', false),
    ('fx_rates', NULL, '{}', false),
    ('settings', NULL, '{}', false),
    ('numbering_devices', NULL, '{}', false),
    ('number_block_leases', NULL, '{}', true),
    ('period_locks', NULL, '{}', true),
    ('accounts', 'r.id', '{status,owner_id}', false),
    ('contacts', 'r.account_id', '{}', false),
    ('potential_slots', 'r.account_id', '{}', false),
    ('invoice_lines', 'r.account_id', '{}', false),
    ('documents', 'r.account_id', '{status}', false),
    ('document_files', '(SELECT p.account_id FROM documents p WHERE p.id = r.document_id)', '{}', true),
    ('annex_benefits', '(SELECT p.account_id FROM documents p WHERE p.id = r.document_id)', '{}', true),
    ('exception_requests', 'r.account_id', '{status}', false),
    ('approval_steps', '(SELECT p.account_id FROM exception_requests p WHERE p.id = r.exception_id)', '{}', true),
    ('benefit_grants', 'r.account_id', '{status}', false),
    ('grade_evaluations', 'r.account_id', '{}', true),
    ('grade_overrides', 'r.account_id', '{}', true),
    ('ledger_entries', 'r.account_id', '{}', true),
    ('ledger_allocations', '(SELECT p.account_id FROM ledger_entries p WHERE p.id = r.entry_id)', '{}', true),
    ('ledger_adjustments', 'r.account_id', '{status}', false),
    ('payout_documents', 'r.account_id', '{}', true),
    ('mdf_funds', 'r.account_id', '{}', false),
    ('mdf_fund_transfers', '(SELECT p.account_id FROM mdf_funds p WHERE p.id = r.fund_id)', '{}', true),
    ('mdf_claims', '(SELECT p.account_id FROM mdf_funds p WHERE p.id = r.fund_id)', '{status}', false),
    ('mdf_proofs', '(SELECT f.account_id FROM mdf_claims c JOIN mdf_funds f ON f.id = c.fund_id WHERE c.id = r.claim_id)', '{}', true),
    ('late_facts', 'r.account_id', '{}', true),
    ('clawback_dues', 'r.account_id', '{}', true)
ON CONFLICT (entity) DO UPDATE
    SET account_sql = EXCLUDED.account_sql, transitions = EXCLUDED.transitions, append_only = EXCLUDED.append_only;

-- One row per changed row, stamped with the writing transaction's id: laptops pull `(xid, id) > cursor` below
-- the oldest transaction still running, so a row that commits late is never skipped.
CREATE TABLE IF NOT EXISTS kam.change_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    entity text NOT NULL,
    entity_id uuid NOT NULL,
    account_id uuid,
    op "char" NOT NULL CHECK (op IN ('I', 'U', 'D'))
);
CREATE INDEX IF NOT EXISTS ix_change_log_xid_id ON kam.change_log (xid, id);

-- Statement-level: one INSERT … SELECT per statement from its transition table, so a bulk import of a million
-- rows writes its log in one pass instead of a million trigger calls.
CREATE OR REPLACE FUNCTION kam.log_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    account text := coalesce(nullif(TG_ARGV[0], ''), 'NULL::uuid');
    rows_name text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
BEGIN
    EXECUTE format(
        'INSERT INTO kam.change_log (entity, entity_id, account_id, op) SELECT %L, r.id, %s, %L FROM %I r',
        TG_TABLE_NAME, account, left(TG_OP, 1), rows_name);
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION kam.log_changes() FROM PUBLIC;

-- (Re)creates the three log triggers on every replicated table that exists; run by each install.
CREATE OR REPLACE FUNCTION kam.sync_track_tables() RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    e record;
    operation text;
    tracked integer := 0;
BEGIN
    FOR e IN SELECT * FROM kam.sync_entities WHERE to_regclass('public.' || quote_ident(entity)) IS NOT NULL LOOP
        FOREACH operation IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
            EXECUTE format('DROP TRIGGER IF EXISTS kam_log_%s ON public.%I', operation, e.entity);
            EXECUTE format(
                'CREATE TRIGGER kam_log_%s AFTER %s ON public.%I REFERENCING %s TABLE AS %s '
                'FOR EACH STATEMENT EXECUTE FUNCTION kam.log_changes(%L)',
                operation, upper(operation), e.entity,
                CASE operation WHEN 'delete' THEN 'OLD' ELSE 'NEW' END,
                CASE operation WHEN 'delete' THEN 'old_rows' ELSE 'new_rows' END,
                coalesce(e.account_sql, ''));
        END LOOP;
        tracked := tracked + 1;
    END LOOP;
    RETURN tracked;
END $$;
REVOKE ALL ON FUNCTION kam.sync_track_tables() FROM PUBLIC;
SELECT kam.sync_track_tables();

-- The epoch a laptop compares: the cluster's identity, this database's oid and the epoch row. A dump restored into
-- a new database or cluster changes the first two even though the row comes back with it.
CREATE OR REPLACE FUNCTION kam.sync_epoch() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT (SELECT system_identifier::text FROM pg_control_system())
        || ':' || (SELECT oid::text FROM pg_database WHERE datname = current_database())
        || ':' || (SELECT epoch::text FROM kam.sync_epoch)
$$;
REVOKE ALL ON FUNCTION kam.sync_epoch() FROM PUBLIC;
