-- Until the server helper's install is on main: the contract functions and a minimal row-level security that
-- the sync SQL (db/server/5x–6x) relies on. Only used by tests/sync when kam.can_read_account is missing.
CREATE SCHEMA IF NOT EXISTS kam;

CREATE OR REPLACE FUNCTION kam.current_person_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT id FROM users WHERE login = session_user AND active
$$;

CREATE OR REPLACE FUNCTION kam.current_app_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT role FROM users WHERE login = session_user AND active
$$;

CREATE OR REPLACE FUNCTION kam.can_read_account(account uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT kam.current_app_role() IN ('director', 'finance', 'admin')
        OR EXISTS (SELECT 1 FROM accounts a WHERE a.id = account AND a.owner_id = kam.current_person_id())
$$;

CREATE OR REPLACE FUNCTION kam.can_write_account(account uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT kam.current_app_role() IN ('director', 'admin')
        OR EXISTS (SELECT 1 FROM accounts a WHERE a.id = account AND a.owner_id = kam.current_person_id())
$$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'alembic_version' LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t.relname);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t.relname);
        EXECUTE format('DROP POLICY IF EXISTS stub_read ON public.%I', t.relname);
        EXECUTE format('DROP POLICY IF EXISTS stub_write ON public.%I', t.relname);
        IF t.relname = 'accounts' THEN
            EXECUTE 'CREATE POLICY stub_read ON public.accounts USING (kam.can_read_account(id)) '
                    'WITH CHECK (kam.can_write_account(id))';
        ELSIF EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = 'public' AND table_name = t.relname AND column_name = 'account_id') THEN
            EXECUTE format('CREATE POLICY stub_read ON public.%I USING (kam.can_read_account(account_id)) '
                           'WITH CHECK (kam.can_write_account(account_id))', t.relname);
        ELSE
            EXECUTE format('CREATE POLICY stub_read ON public.%I USING (true) WITH CHECK (true)', t.relname);
        END IF;
    END LOOP;
END $$;

DO $$
BEGIN
    CREATE ROLE kam_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
GRANT USAGE ON SCHEMA public TO kam_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kam_app;
