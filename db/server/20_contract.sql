-- The team server, part 2: who is asking. The login the server authenticated is the person; their role and
-- accounts come from the store's own rows. SECURITY DEFINER with a pinned search_path: policies call these
-- without the caller needing to read `users` or `accounts` beyond what RLS shows them.

CREATE OR REPLACE FUNCTION kam.current_person_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT id FROM users WHERE login = session_user AND active AND deleted_at IS NULL
$$;

CREATE OR REPLACE FUNCTION kam.current_app_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT role FROM users WHERE login = session_user AND active AND deleted_at IS NULL
$$;

-- directors, finance and the administrator read every account; a KAM reads their own
CREATE OR REPLACE FUNCTION kam.can_read_account(account uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(kam.current_app_role() IN ('director', 'finance', 'admin'), false)
        OR EXISTS (SELECT 1 FROM accounts a WHERE a.id = account AND a.owner_id = kam.current_person_id())
$$;

-- writing follows the permission table: a KAM on their own accounts; directors, finance and admin on any
-- (the decisions themselves only through kam.decide_exception)
CREATE OR REPLACE FUNCTION kam.can_write_account(account uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT kam.can_read_account(account)  -- today the same people; kept apart for the sync SQL that asks each
$$;

-- a KAM's accounts as one set: a policy tests `account_id IN (SELECT kam.own_account_ids())`, computed once per
-- statement (a per-row call of can_read_account costs ~100× on a table of invoice lines)
CREATE OR REPLACE FUNCTION kam.own_account_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT id FROM accounts WHERE owner_id = kam.current_person_id()
$$;

CREATE OR REPLACE FUNCTION kam.has_role(VARIADIC roles text[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(kam.current_app_role() = ANY (roles), false)
$$;

REVOKE ALL ON FUNCTION kam.current_person_id(), kam.current_app_role(), kam.can_read_account(uuid),
    kam.can_write_account(uuid), kam.has_role(text[]), kam.own_account_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kam.current_person_id(), kam.current_app_role(), kam.can_read_account(uuid),
    kam.can_write_account(uuid), kam.has_role(text[]), kam.own_account_ids() TO kam_app;
ALTER FUNCTION kam.current_person_id() OWNER TO kam_definer;
ALTER FUNCTION kam.current_app_role() OWNER TO kam_definer;
ALTER FUNCTION kam.can_read_account(uuid) OWNER TO kam_definer;
ALTER FUNCTION kam.can_write_account(uuid) OWNER TO kam_definer;
ALTER FUNCTION kam.has_role(text[]) OWNER TO kam_definer;
ALTER FUNCTION kam.own_account_ids() OWNER TO kam_definer;
