-- The team server, part 1: the app's group roles. A person's login role is a member of kam_app only; what they
-- may do follows from their row in `users` (kam.current_app_role()), checked by row-level security and by the
-- decision functions. App roles own no table and have no BYPASSRLS.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kam_app') THEN
        CREATE ROLE kam_app NOLOGIN NOBYPASSRLS;
    END IF;
    -- owns the SECURITY DEFINER functions: they read `users` and `accounts` to decide a policy, which must not
    -- apply that policy again (row-level security is forced on every table, for the table owner too)
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kam_definer') THEN
        CREATE ROLE kam_definer NOLOGIN BYPASSRLS;
    END IF;
END $$;

REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO kam_app;
CREATE SCHEMA IF NOT EXISTS kam;
REVOKE ALL ON SCHEMA kam FROM PUBLIC;
GRANT USAGE ON SCHEMA kam TO kam_app;
-- every table: the statements row-level security then narrows to the rows a person may see and change
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kam_app;
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM kam_app;
GRANT USAGE ON SCHEMA public, kam TO kam_definer;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO kam_definer;
GRANT INSERT ON approval_steps, audit_log TO kam_definer;
GRANT UPDATE ON exception_requests TO kam_definer;
