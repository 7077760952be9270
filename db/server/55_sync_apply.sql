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

-- A whole local transaction (or a slice of it) in one round trip: the ops in order, one answer each.
-- A run of consecutive inserts into one table goes in one INSERT … SELECT (a laptop's typical push: new rows);
-- if the database refuses that statement, the run is applied op by op, so each op gets its own answer.
CREATE OR REPLACE FUNCTION kam.sync_apply_many(p_ops jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
    ops jsonb[];
    total integer;
    answers jsonb[] := '{}';
    done jsonb;
    i integer := 1;
    j integer;
    op jsonb;
    only_entity text;
BEGIN
    -- The common push, new rows of one table (a day's contacts, an import): one statement for them all, straight
    -- from the ops as they came (no copy of them per run).
    SELECT min(o ->> 'entity') INTO only_entity FROM jsonb_array_elements(p_ops) o
        HAVING count(DISTINCT o ->> 'entity') = 1 AND bool_and(o ->> 'operation' = 'insert') AND count(*) > 1;
    IF only_entity IS NOT NULL AND EXISTS (SELECT 1 FROM kam.sync_entities WHERE entity = only_entity) THEN
        done := kam.sync_insert_run(only_entity, p_ops);
        IF done IS NOT NULL THEN
            RETURN done;
        END IF;
    END IF;
    -- an SQL array, not jsonb: indexing a large jsonb value would de-TOAST it on every access
    ops := ARRAY(SELECT value FROM jsonb_array_elements(p_ops) WITH ORDINALITY ORDER BY ordinality);
    total := coalesce(array_length(ops, 1), 0);
    WHILE i <= total LOOP
        op := ops[i];
        j := i;
        IF op ->> 'operation' = 'insert' THEN
            WHILE j < total AND ops[j + 1] ->> 'operation' = 'insert' AND ops[j + 1] ->> 'entity' = op ->> 'entity' LOOP
                j := j + 1;
            END LOOP;
        END IF;
        IF j > i AND EXISTS (SELECT 1 FROM kam.sync_entities WHERE entity = op ->> 'entity') THEN
            done := kam.sync_insert_run(op ->> 'entity', to_jsonb(ops[i:j]));
            IF done IS NOT NULL THEN
                answers := answers || ARRAY(SELECT value FROM jsonb_array_elements(done) WITH ORDINALITY
                                            ORDER BY ordinality);
                i := j + 1;
                CONTINUE;
            END IF;
        END IF;
        answers := answers || kam.sync_apply((op ->> 'op_id')::uuid, op ->> 'entity', (op ->> 'entity_id')::uuid,
                                             op ->> 'operation', (op ->> 'base_version')::integer, op -> 'changes');
        i := i + 1;
    END LOOP;
    RETURN to_jsonb(answers);
END $$;

-- Inserts of one table in one statement; NULL when any op was applied before, the statement is refused or two ops
-- insert the same row (the caller then goes op by op). Answers: applied, or duplicate for a row id already there. An op applied
-- before is found by the primary key of kam.sync_applied_ops: recording its answer again fails the statement,
-- which undoes the rows with it (a retried push is rare; a lookup of every op first cost each push a third).
CREATE OR REPLACE FUNCTION kam.sync_insert_run(p_entity text, p_ops jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
    answers jsonb;
    distinct_rows boolean;
BEGIN
    BEGIN
        -- one statement: the rows, their answers (hash-joined with what was inserted) and the answers recorded;
        -- the record is built in FROM (LATERAL): `(jsonb_populate_record(…)).*` would build it once per column
        EXECUTE format(
            'WITH ops AS (SELECT o, n, (o ->> ''op_id'')::uuid AS op_id, (o ->> ''entity_id'')::uuid AS entity_id '
            '             FROM jsonb_array_elements($1) WITH ORDINALITY AS e(o, n)), '
            'incoming AS (SELECT r.* FROM ops, LATERAL jsonb_populate_record(NULL::public.%I, o -> ''changes'' -> ''new'' '
            '  || CASE WHEN o -> ''changes'' -> ''new'' ? ''updated_by'' '
            '          THEN jsonb_build_object(''updated_by'', session_user::text) ELSE ''{}'' END '
            '  || CASE WHEN o -> ''changes'' -> ''new'' ? ''created_by'' '
            '          THEN jsonb_build_object(''created_by'', session_user::text) ELSE ''{}'' END) AS r), '
            'ins AS (INSERT INTO public.%I SELECT * FROM incoming ON CONFLICT (id) DO NOTHING RETURNING id), '
            'answered AS (SELECT ops.n, ops.op_id, ops.entity_id, jsonb_build_object(''status'', '
            '             CASE WHEN ins.id IS NULL THEN ''duplicate'' ELSE ''applied'' END) AS answer '
            '             FROM ops LEFT JOIN ins ON ins.id = ops.entity_id), '
            'recorded AS (INSERT INTO kam.sync_applied_ops (op_id, entity, entity_id, answer) '
            '             SELECT op_id, %L, entity_id, answer FROM answered) '
            'SELECT jsonb_agg(answer ORDER BY n), count(DISTINCT entity_id) = count(*) FROM answered',
            p_entity, p_entity, p_entity)
            INTO answers, distinct_rows USING p_ops;
        IF NOT distinct_rows THEN
            -- one row inserted twice in the run: both ops would find it inserted and answer "applied", where op by
            -- op the second is a duplicate; undo the statement and answer op by op
            RAISE EXCEPTION 'a row twice in one run';
        END IF;
        RETURN answers;
    EXCEPTION
        WHEN sqlstate '40001' OR sqlstate '40P01' OR sqlstate '55P03' OR sqlstate '57014' THEN
            RAISE;
        WHEN OTHERS THEN
            RETURN NULL;  -- one of them is refused: op by op, each with its own answer
    END;
END $$;
REVOKE ALL ON FUNCTION kam.sync_apply_many(jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION kam.sync_insert_run(text, jsonb) FROM PUBLIC;

-- New rows of one table, a laptop's common push, sent as the rows themselves: `p_rows` is a json array of the ops'
-- "new" objects and `p_ops`/`p_ids` their op and row ids, in the same order. The same answers as kam.sync_apply_many
-- gives those ops, for less: json (not jsonb) is read once, by json_populate_recordset, instead of a jsonb tree built
-- of every op and taken apart again per row (a slice of 2,000 contacts spent a third of its server time on that).
-- Anything out of the ordinary (a table not replicated, an op applied before, a refused row, a row twice, a row
-- already on the server, a row without its updated_by/created_by) goes op by op through kam.sync_apply, each op with
-- its own answer, as there (a plain INSERT, not ON CONFLICT DO NOTHING: a row already there fails the statement and
-- gets its "duplicate" op by op; the speculative insertion of every row cost a slice of 2,000 ~6 % of its server CPU).
CREATE OR REPLACE FUNCTION kam.sync_insert_many(p_entity text, p_ops uuid[], p_ids uuid[], p_rows json)
RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
    total integer := coalesce(array_length(p_ops, 1), 0);
    names text;
    picks text;
    unstamped text;
    answers jsonb;
    ok boolean;
    rows jsonb[];
BEGIN
    -- (the rows are counted by the statement that reads them: json_array_length would parse the json once more,
    -- a tenth of the function's time; a count that differs sends the ops below, where it is refused)
    IF total <> coalesce(array_length(p_ids, 1), 0) THEN
        RAISE EXCEPTION 'kam.sync_insert_many: % ops, % ids and % rows', total, array_length(p_ids, 1),
            json_array_length(p_rows);
    END IF;
    IF total > 1 AND EXISTS (SELECT 1 FROM kam.sync_entities WHERE entity = p_entity) THEN
        -- the table's columns; the server records who really pushed the row (kam.sync_insert stamps a present key)
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
               string_agg(CASE WHEN a.attname IN ('updated_by', 'created_by')
                               THEN 'session_user::text AS ' || quote_ident(a.attname)
                               ELSE 'r.' || quote_ident(a.attname) END, ', ' ORDER BY a.attnum),
               coalesce(string_agg('r.' || quote_ident(a.attname) || ' IS NULL', ' OR ')
                        FILTER (WHERE a.attname IN ('updated_by', 'created_by')), 'false')
            INTO names, picks, unstamped
            FROM pg_attribute a
            WHERE a.attrelid = to_regclass('public.' || quote_ident(p_entity)) AND a.attnum > 0 AND NOT a.attisdropped;
        BEGIN
            EXECUTE format(
                'WITH incoming AS (SELECT %s, %s AS unstamped FROM json_populate_recordset(NULL::public.%I, $1) r), '
                'ins AS (INSERT INTO public.%I (%s) SELECT %s FROM incoming RETURNING id), '
                'answered AS (SELECT o.n, o.op_id, o.entity_id, CASE WHEN ins.id IS NULL '
                '             THEN ''{"status": "duplicate"}''::jsonb ELSE ''{"status": "applied"}''::jsonb END AS answer '
                '             FROM unnest($2, $3) WITH ORDINALITY AS o(op_id, entity_id, n) '
                '             LEFT JOIN ins ON ins.id = o.entity_id), '
                'recorded AS (INSERT INTO kam.sync_applied_ops (op_id, entity, entity_id, answer) '
                '             SELECT op_id, %L, entity_id, answer FROM answered) '
                'SELECT jsonb_agg(answer ORDER BY n), count(DISTINCT entity_id) = count(*) '
                '       AND NOT EXISTS (SELECT FROM incoming WHERE unstamped) '
                '       AND (SELECT count(*) FROM incoming) = $4 FROM answered',
                picks, unstamped, p_entity, p_entity, names, names, p_entity)
                INTO answers, ok USING p_rows, p_ops, p_ids, total;
            IF NOT ok THEN
                -- a row twice (op by op the second is a duplicate), one without its stamp columns (op by op it is
                -- refused, or stamped when the key is there with null) or not one row an op: undo the statement,
                -- answer op by op
                RAISE EXCEPTION 'not one statement';
            END IF;
            RETURN answers;
        EXCEPTION
            WHEN sqlstate '40001' OR sqlstate '40P01' OR sqlstate '55P03' OR sqlstate '57014' THEN
                RAISE;
            WHEN OTHERS THEN
                NULL;  -- one of them is refused: op by op below, each with its own answer
        END;
    END IF;
    IF total <> json_array_length(p_rows) THEN
        RAISE EXCEPTION 'kam.sync_insert_many: % ops, % ids and % rows', total, array_length(p_ids, 1),
            json_array_length(p_rows);
    END IF;
    rows := ARRAY(SELECT value::jsonb FROM json_array_elements(p_rows) WITH ORDINALITY ORDER BY ordinality);
    answers := '[]';
    FOR i IN 1 .. total LOOP
        answers := answers || jsonb_build_array(kam.sync_apply(p_ops[i], p_entity, p_ids[i], 'insert', NULL,
                                                               jsonb_build_object('new', rows[i])));
    END LOOP;
    RETURN answers;
END $$;
REVOKE ALL ON FUNCTION kam.sync_insert_many(text, uuid[], uuid[], json) FROM PUBLIC;
