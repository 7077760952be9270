-- Team sync, part 2b: a decision a director (or finance) prepared offline reaches the server through
-- kam.decide_exception — the one way to decide — as the login that pushes it, never as a row written by hand.
-- The laptop sends its approval step (the outbox's insert of `approval_steps`): which request, approve or reject,
-- the note and the version of the request the approver read. The function checks again who the caller is, that
-- they did not request it, that the route waits for them and that the request has not changed since; a refusal
-- is the op's answer (the laptop shows it as a conflict with the server's reason). Idempotent by op id, like
-- kam.sync_apply: a push retried after a lost answer gets the same answer and decides nothing twice.
CREATE OR REPLACE FUNCTION kam.sync_decide(p_op uuid, p_step jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
    answer jsonb;
    request_number text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_op::text, 7));
    SELECT a.answer INTO answer FROM kam.sync_applied_ops a WHERE a.op_id = p_op;
    IF FOUND THEN
        RETURN answer;
    END IF;
    SELECT r.number INTO request_number FROM exception_requests r WHERE r.id = (p_step ->> 'exception_id')::uuid;
    IF NOT FOUND THEN  -- gone, or not this login's to see
        answer := jsonb_build_object('status', 'refused', 'reason', 'not found or not yours');
    ELSE
        BEGIN
            answer := jsonb_build_object('status', 'decided', 'decision', kam.decide_exception(
                request_number, p_step ->> 'decision' = 'approve', coalesce(p_step ->> 'note', ''),
                (p_step ->> 'request_version')::integer));
        EXCEPTION WHEN OTHERS THEN  -- the function's refusal (its message says why) is this op's answer
            answer := jsonb_build_object('status', 'refused', 'reason', SQLERRM, 'sqlstate', SQLSTATE,
                                         'server', (SELECT jsonb_build_object('status', r.status, 'version', r.version)
                                                    FROM exception_requests r WHERE r.number = request_number));
        END;
    END IF;
    INSERT INTO kam.sync_applied_ops (op_id, entity, entity_id, answer)
    VALUES (p_op, 'approval_steps', (p_step ->> 'id')::uuid, answer);
    RETURN answer;
END $$;

REVOKE ALL ON FUNCTION kam.sync_decide(uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kam.sync_decide(uuid, jsonb) TO kam_app;
