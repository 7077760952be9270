-- Team sync, part 2: applying a laptop's outbox entry, idempotently, with the merge rules, in commit order.

-- The answer given to every op: a retried push (the connection dropped at COMMIT) gets the same answer again.
CREATE TABLE IF NOT EXISTS kam.sync_applied_ops (
    op_id uuid PRIMARY KEY,
    login text NOT NULL DEFAULT session_user,
    entity text NOT NULL,
    entity_id uuid NOT NULL,
    answer jsonb NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- `p_changes` is the outbox's JSON: {"new": {column: value}} for an insert, {"old": …, "new": …} for an update
-- (only the changed columns). The answer: {"status": applied | merged | conflict | refused | duplicate,
-- "conflicts": {column: {"laptop": …, "server": …}}, "reason": …}.
-- Merge rules: an insert of a row that exists is a no-op (append-only rows never conflict); an update merges
-- three-way per column against the laptop's old value (a column the server did not change since takes the
-- laptop's value; one it changed keeps the server's and the laptop's becomes a conflict); a change of a
-- transition column (status, owner) on a row whose version moved since the laptop saw it is refused whole.
-- SECURITY INVOKER: row-level security, column privileges and the decision triggers judge the pushing login.
CREATE OR REPLACE FUNCTION kam.sync_apply(
    p_op uuid, p_entity text, p_id uuid, p_operation text, p_base integer, p_changes jsonb
) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
    spec kam.sync_entities;
    answer jsonb;
BEGIN
    -- Two retries of one op racing each other: the second waits and then finds the first one's answer.
    PERFORM pg_advisory_xact_lock(hashtextextended(p_op::text, 7));
    SELECT a.answer INTO answer FROM kam.sync_applied_ops a WHERE a.op_id = p_op;
    IF FOUND THEN
        RETURN answer;
    END IF;
    SELECT * INTO spec FROM kam.sync_entities WHERE entity = p_entity;
    IF NOT FOUND THEN
        answer := jsonb_build_object('status', 'refused', 'reason', 'not a replicated table: ' || p_entity);
    ELSE
        BEGIN  -- a subtransaction: whatever the database refuses (RLS, privileges, constraints) is this op's answer
            IF p_operation = 'insert' THEN
                answer := kam.sync_insert(p_entity, p_changes -> 'new');
            ELSIF p_operation = 'update' AND NOT spec.append_only THEN
                answer := kam.sync_update(spec, p_id, p_base, p_changes -> 'old', p_changes -> 'new');
            ELSE
                answer := jsonb_build_object('status', 'refused', 'reason', p_entity || ' rows cannot be ' || p_operation || 'd');
            END IF;
        EXCEPTION
            WHEN sqlstate '40001' OR sqlstate '40P01' OR sqlstate '55P03' OR sqlstate '57014' THEN
                RAISE;  -- transient: the laptop retries the whole transaction, nothing is recorded
            WHEN OTHERS THEN
                answer := jsonb_build_object('status', 'refused', 'reason', SQLERRM, 'sqlstate', SQLSTATE);
        END;
    END IF;
    INSERT INTO kam.sync_applied_ops (op_id, entity, entity_id, answer) VALUES (p_op, p_entity, p_id, answer);
    RETURN answer;
END $$;

CREATE OR REPLACE FUNCTION kam.sync_insert(p_entity text, p_row jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
    inserted integer;
    stamped jsonb := p_row;
BEGIN
    -- The server records who really pushed the row, whatever the laptop wrote.
    IF stamped ? 'updated_by' THEN
        stamped := stamped || jsonb_build_object('updated_by', session_user::text);
    END IF;
    IF stamped ? 'created_by' THEN
        stamped := stamped || jsonb_build_object('created_by', session_user::text);
    END IF;
    EXECUTE format('INSERT INTO public.%I SELECT * FROM jsonb_populate_record(NULL::public.%I, $1) '
                   'ON CONFLICT (id) DO NOTHING', p_entity, p_entity) USING stamped;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    RETURN jsonb_build_object('status', CASE WHEN inserted = 1 THEN 'applied' ELSE 'duplicate' END);
END $$;

CREATE OR REPLACE FUNCTION kam.sync_update(
    spec kam.sync_entities, p_id uuid, p_base integer, p_old jsonb, p_new jsonb
) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
    current_row jsonb;
    old_typed jsonb;
    new_typed jsonb;
    column_name text;
    taken jsonb := '{}';
    lost jsonb := '{}';
    targets text;
    sources text;
BEGIN
    EXECUTE format('SELECT to_jsonb(t) FROM public.%I t WHERE t.id = $1 FOR UPDATE', spec.entity)
        INTO current_row USING p_id;
    IF current_row IS NULL THEN  -- gone, or no longer this login's to see (reassigned)
        RETURN jsonb_build_object('status', 'refused', 'reason', 'not found or not yours');
    END IF;
    IF (current_row ->> 'version')::integer IS DISTINCT FROM p_base
       AND EXISTS (SELECT 1 FROM jsonb_object_keys(p_new) k WHERE k = ANY (spec.transitions)) THEN
        RETURN jsonb_build_object('status', 'refused', 'reason', 'changed on the server meanwhile',
                                  'server', (SELECT jsonb_object_agg(k, current_row -> k) FROM jsonb_object_keys(p_new) k));
    END IF;
    -- Compare as the server spells values (numeric scale, time zone): both sides through the column types.
    EXECUTE format('SELECT to_jsonb(jsonb_populate_record(NULL::public.%I, $1)), '
                   'to_jsonb(jsonb_populate_record(NULL::public.%I, $2))', spec.entity, spec.entity)
        INTO old_typed, new_typed USING p_old, p_new;
    FOR column_name IN SELECT jsonb_object_keys(p_new) LOOP
        IF NOT current_row ? column_name THEN
            RAISE EXCEPTION 'no column % in %', column_name, spec.entity;
        ELSIF current_row -> column_name IS NOT DISTINCT FROM old_typed -> column_name
              OR current_row -> column_name IS NOT DISTINCT FROM new_typed -> column_name THEN
            taken := taken || jsonb_build_object(column_name, p_new -> column_name);
        ELSE
            lost := lost || jsonb_build_object(column_name, jsonb_build_object(
                'laptop', p_new -> column_name, 'server', current_row -> column_name));
        END IF;
    END LOOP;
    IF taken <> '{}' THEN
        SELECT string_agg(quote_ident(k), ', '), string_agg('r.' || quote_ident(k), ', ')
            INTO targets, sources FROM jsonb_object_keys(taken) k;
        EXECUTE format('UPDATE public.%I t SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::public.%I, $1) r), '
                       'version = t.version + 1, updated_at = now(), updated_by = session_user WHERE t.id = $2',
                       spec.entity, targets, sources, spec.entity)
            USING taken, p_id;
    END IF;
    RETURN jsonb_build_object(
        'status', CASE WHEN lost = '{}' THEN 'applied' WHEN taken = '{}' THEN 'conflict' ELSE 'merged' END,
        'conflicts', lost);
END $$;

REVOKE ALL ON FUNCTION kam.sync_apply(uuid, text, uuid, text, integer, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION kam.sync_insert(text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION kam.sync_update(kam.sync_entities, uuid, integer, jsonb, jsonb) FROM PUBLIC;
