-- The team server, part 4: deciding a policy exception happens here and nowhere else. The function checks what
-- the app's domain checks (domain/exceptions.py: decide) against the stored request, as the login the server
-- authenticated: a director or finance, not the requester, the step the route waits for, the version read.
-- No app role can write a decided status any other way: the trigger below refuses it outside this function,
-- and an approval step can only be inserted by it (row-level security on approval_steps).

CREATE OR REPLACE FUNCTION kam.decide_exception(p_number text, p_approve boolean, p_note text, p_seen_version integer)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    req exception_requests%ROWTYPE;
    me uuid := kam.current_person_id();
    my_role text := kam.current_app_role();
    done integer;
    waiting text;
    new_status text;
BEGIN
    SELECT * INTO req FROM exception_requests WHERE number = p_number AND deleted_at IS NULL FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no exception request %', p_number USING ERRCODE = 'no_data_found';
    END IF;
    IF my_role IS NULL OR my_role NOT IN ('director', 'finance') THEN
        RAISE EXCEPTION '%: only the sales director and finance decide exceptions', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF req.requested_by_id = me THEN
        RAISE EXCEPTION '%: % is your own request [nobody decides their own request]', session_user, p_number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF req.status <> 'submitted' THEN
        RAISE EXCEPTION '%: % is %, not waiting for a decision', session_user, p_number, req.status
            USING ERRCODE = 'check_violation';
    END IF;
    IF req.version <> p_seen_version THEN
        RAISE EXCEPTION '%: % changed meanwhile (version %, now %); reload and decide again', session_user, p_number,
            p_seen_version, req.version USING ERRCODE = 'serialization_failure';
    END IF;
    SELECT count(*) INTO done FROM approval_steps WHERE exception_id = req.id;
    waiting := CASE WHEN done = 0 THEN 'director' ELSE 'finance' END;
    IF my_role <> waiting THEN
        RAISE EXCEPTION '%: % waits for %, not %', session_user, p_number, waiting, my_role
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM set_config('kam.deciding', 'on', true);
    INSERT INTO approval_steps (id, exception_id, step_no, approver_role, decided_by_id, decision, note,
                                request_version, created_at, created_by)
    VALUES (gen_random_uuid(), req.id, done + 1, my_role, me, CASE WHEN p_approve THEN 'approve' ELSE 'reject' END,
            nullif(p_note, ''), p_seen_version, now(), session_user);
    new_status := CASE WHEN NOT p_approve THEN 'rejected'
                       WHEN done + 1 >= req.required_steps THEN 'approved' ELSE 'submitted' END;
    UPDATE exception_requests
       SET status = new_status, decided_at = CASE WHEN new_status = 'submitted' THEN NULL ELSE now() END,
           version = version + 1, updated_at = now(), updated_by = session_user
     WHERE id = req.id;
    INSERT INTO audit_log (id, action, entity, entity_id, details, created_at, created_by)
    VALUES (gen_random_uuid(), CASE WHEN p_approve THEN 'exception.approve' ELSE 'exception.reject' END,
            'exception_request', req.id::text,
            jsonb_build_object('number', p_number, 'from_status', 'submitted', 'to_status', new_status,
                               'version', req.version + 1, 'note', p_note, 'on_server', true),
            now(), session_user);
    PERFORM set_config('kam.deciding', 'off', true);
    RETURN jsonb_build_object('number', p_number, 'status', new_status, 'version', req.version + 1);
END $$;

ALTER FUNCTION kam.decide_exception(text, boolean, text, integer) OWNER TO kam_definer;
REVOKE ALL ON FUNCTION kam.decide_exception(text, boolean, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kam.decide_exception(text, boolean, text, integer) TO kam_app;

-- a person's login (a direct member of kam_app); the superuser and the owner are not (pg_has_role would say a
-- superuser is a member of every role)
CREATE OR REPLACE FUNCTION kam.is_app_login() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                   WHERE r.rolname = 'kam_app' AND u.rolname = session_user)
$$;

-- the backstop: a decided status written by any statement outside kam.decide_exception is refused
CREATE OR REPLACE FUNCTION kam.guard_decided_status() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
    -- (the server's owner loading history, e.g. the team demo, is not an app role: it is not refused)
    IF NEW.status IN ('approved', 'rejected') AND NEW.status IS DISTINCT FROM
            (CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END)
       AND coalesce(current_setting('kam.deciding', true), '') <> 'on'
       AND kam.is_app_login() THEN
        RAISE EXCEPTION '%: a decision is taken only through kam.decide_exception (%)', session_user, NEW.number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS guard_decided_status ON exception_requests;
CREATE TRIGGER guard_decided_status BEFORE INSERT OR UPDATE OF status ON exception_requests
    FOR EACH ROW EXECUTE FUNCTION kam.guard_decided_status();
