-- The team server, part 5: the audit log as a hash chain with one head. Every line written on the server gets a
-- link in kam.audit_chain, in one order for everyone (an advisory lock serialises the writers), computed as
-- domain/audit_chain.py does: SHA-256 of the canonical JSON array [previous hash, id, action, entity, entity_id,
-- created_by, created_at (UTC, microseconds, Z), details as stored].

CREATE TABLE IF NOT EXISTS kam.audit_chain (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id uuid NOT NULL UNIQUE,
    prev_hash char(64) NOT NULL,
    hash char(64) NOT NULL
);

CREATE OR REPLACE FUNCTION kam.audit_link_hash(prev text, line public.audit_log) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        prev, line.id::text, line.action, line.entity, coalesce(line.entity_id, ''), line.created_by,
        to_char(line.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(line.details::text, ''))::text, 'UTF8')), 'hex')
$$;

CREATE OR REPLACE FUNCTION kam.chain_audit_line() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    prev text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('kam.audit_chain'));  -- one head: writers take turns
    SELECT hash INTO prev FROM kam.audit_chain ORDER BY seq DESC LIMIT 1;
    prev := coalesce(prev, repeat('0', 64));
    INSERT INTO kam.audit_chain (audit_id, prev_hash, hash) VALUES (NEW.id, prev, kam.audit_link_hash(prev, NEW));
    RETURN NULL;
END $$;
ALTER FUNCTION kam.chain_audit_line() OWNER TO kam_definer;
GRANT SELECT, INSERT ON kam.audit_chain TO kam_definer;

DROP TRIGGER IF EXISTS chain_audit_line ON public.audit_log;
CREATE TRIGGER chain_audit_line AFTER INSERT ON public.audit_log FOR EACH ROW EXECUTE FUNCTION kam.chain_audit_line();

ALTER TABLE kam.audit_chain ENABLE ROW LEVEL SECURITY;
ALTER TABLE kam.audit_chain FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS audit_chain_read ON kam.audit_chain;
CREATE POLICY audit_chain_read ON kam.audit_chain FOR SELECT TO kam_app
    USING (kam.has_role('director', 'finance', 'admin'));
GRANT SELECT ON kam.audit_chain TO kam_app;

-- lines written before the trigger existed (a server set up over existing data) enter the chain in writing order
DO $$
DECLARE
    line public.audit_log;
    prev text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('kam.audit_chain'));
    SELECT hash INTO prev FROM kam.audit_chain ORDER BY seq DESC LIMIT 1;
    prev := coalesce(prev, repeat('0', 64));
    FOR line IN SELECT a.* FROM public.audit_log a
                WHERE NOT EXISTS (SELECT FROM kam.audit_chain c WHERE c.audit_id = a.id)
                ORDER BY a.created_at, a.id LOOP
        INSERT INTO kam.audit_chain (audit_id, prev_hash, hash) VALUES (line.id, prev, kam.audit_link_hash(prev, line));
        prev := kam.audit_link_hash(prev, line);
    END LOOP;
END $$;
