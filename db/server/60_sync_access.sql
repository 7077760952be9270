-- Team sync, part 3: who may read the change log and the sync tables (row-level security, ENABLE + FORCE).

ALTER TABLE kam.change_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE kam.change_log FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS change_log_read ON kam.change_log;
-- A change of a shared row (program, catalog, people) is for everyone; an account's, for who may read the account
-- (kam.can_read_account, spelled as the table policies spell it: the role once per statement and a KAM's accounts
-- as one set; a call per log row made a pull of 10,000 changes spend a third of a second here).
CREATE POLICY change_log_read ON kam.change_log FOR SELECT
    USING (account_id IS NULL OR (SELECT kam.has_role('director', 'finance', 'admin'))
           OR account_id IN (SELECT kam.own_account_ids()));

ALTER TABLE kam.sync_applied_ops ENABLE ROW LEVEL SECURITY;
ALTER TABLE kam.sync_applied_ops FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS sync_applied_ops_own ON kam.sync_applied_ops;
CREATE POLICY sync_applied_ops_own ON kam.sync_applied_ops FOR ALL
    USING (login = session_user) WITH CHECK (login = session_user);

ALTER TABLE kam.sync_epoch ENABLE ROW LEVEL SECURITY;
ALTER TABLE kam.sync_epoch FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS sync_epoch_read ON kam.sync_epoch;
CREATE POLICY sync_epoch_read ON kam.sync_epoch FOR SELECT USING (true);

ALTER TABLE kam.sync_entities ENABLE ROW LEVEL SECURITY;
ALTER TABLE kam.sync_entities FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS sync_entities_read ON kam.sync_entities;
CREATE POLICY sync_entities_read ON kam.sync_entities FOR SELECT USING (true);

-- The app's group role reads the log and the catalog of replicated tables, records answers, and pushes
-- through kam.sync_apply (which runs as the pushing login: its own RLS and privileges apply).
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'kam_app') THEN
        GRANT USAGE ON SCHEMA kam TO kam_app;
        GRANT SELECT ON kam.change_log, kam.sync_epoch, kam.sync_entities TO kam_app;
        GRANT SELECT, INSERT ON kam.sync_applied_ops TO kam_app;
        GRANT EXECUTE ON FUNCTION kam.sync_apply(uuid, text, uuid, text, integer, jsonb) TO kam_app;
        GRANT EXECUTE ON FUNCTION kam.sync_apply_many(jsonb) TO kam_app;
        GRANT EXECUTE ON FUNCTION kam.sync_insert_run(text, jsonb) TO kam_app;
        GRANT EXECUTE ON FUNCTION kam.sync_insert_many(text, uuid[], uuid[], json) TO kam_app;
        GRANT EXECUTE ON FUNCTION kam.sync_insert(text, jsonb) TO kam_app;
        GRANT EXECUTE ON FUNCTION kam.sync_update(kam.sync_entities, uuid, integer, jsonb, jsonb) TO kam_app;
        GRANT EXECUTE ON FUNCTION kam.sync_epoch() TO kam_app;
    END IF;
END $$;
