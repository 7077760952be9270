-- The team server, part 7: document and exception numbers. Every laptop (and every person working online) is a
-- numbering device; the server hands each one blocks of consecutive numbers per (prefix, year) that never overlap,
-- so laptops issuing offline never produce the same number (the scheme: kam_desktop/domain/numbering.py).
-- Devices and leases are written only by the two functions below: no app role inserts, updates or deletes them.
-- Idempotent: `kamctl server init` runs it again after every upgrade; a lease, once given, is never changed.

-- The caller's own device: a laptop registers once (a new device number each time it asks: a laptop asks once and
-- keeps the answer); `p_label` names it (the host). A device belongs to the login that registered it.
CREATE OR REPLACE FUNCTION kam.register_device(p_label text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    device numbering_devices%ROWTYPE;
BEGIN
    IF NOT kam.may_number() THEN
        RAISE EXCEPTION '%: not a person of this team server', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- one registration at a time: device numbers are handed out in order and never reused
    PERFORM pg_advisory_xact_lock(hashtextextended('kam.numbering_devices', 0));
    INSERT INTO numbering_devices (id, device_no, label, registered_by, version, created_at, updated_at, updated_by)
    SELECT gen_random_uuid(), n, left(coalesce(nullif(btrim(p_label), ''), 'laptop'), 200), session_user, 1, now(),
           now(), session_user
      FROM generate_series(1, 199) n
     WHERE n NOT IN (SELECT device_no FROM numbering_devices)
     ORDER BY n LIMIT 1
    RETURNING * INTO device;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'all 199 device numbers are taken' USING ERRCODE = 'program_limit_exceeded';
    END IF;
    RETURN to_jsonb(device);
END $$;

-- The device of a person working online (straight against the server): one per login, made on first use.
CREATE OR REPLACE FUNCTION kam.online_device() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    online_label text := 'online: ' || session_user;
    known integer;
BEGIN
    SELECT d.device_no INTO known FROM numbering_devices d
     WHERE d.registered_by = session_user AND d.label = online_label AND d.deleted_at IS NULL;
    IF FOUND THEN
        RETURN known;
    END IF;
    RETURN (kam.register_device(online_label) ->> 'device_no')::integer;
END $$;

-- The next free block of (prefix, year) for the caller's device `p_device`, recorded before it is returned.
-- Serialised per (prefix, year) by an advisory lock, so two callers never read the same highest block; the unique
-- (prefix, year, first_seq) is the backstop if a caller's snapshot is older than the lock (REPEATABLE READ).
-- Numbers from 90,000 on are the devices' offline reserve slices: never leased.
CREATE OR REPLACE FUNCTION kam.lease_number_block(p_device integer, p_prefix text, p_year integer,
                                                  p_size integer DEFAULT 200) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    reserve_start constant integer := 90000;
    first_free integer;
    lease number_block_leases%ROWTYPE;
BEGIN
    IF NOT kam.may_number() THEN
        RAISE EXCEPTION '%: not a person of this team server', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT FROM numbering_devices WHERE device_no = p_device AND registered_by = session_user
                                                   AND deleted_at IS NULL) THEN
        RAISE EXCEPTION '%: device % is not yours; numbers are leased only to the caller''s own device',
            session_user, p_device USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_prefix !~ '^[A-Z]{3}$' OR p_year NOT BETWEEN 1000 AND 9999 OR p_size NOT BETWEEN 1 AND 5000 THEN
        RAISE EXCEPTION 'no block of % numbers for %-%', p_size, p_prefix, p_year USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('kam.number_block:' || p_prefix || ':' || p_year, 0));
    -- after the highest lease, and after the highest number a record carries (history numbered without leases:
    -- the demo's generator, an import), so no block can hold a number that is already taken
    SELECT greatest(coalesce(max(last_seq), 0), kam.highest_issued(p_prefix, p_year, reserve_start)) + 1
      INTO first_free
      FROM number_block_leases WHERE prefix = p_prefix AND year = p_year AND first_seq < reserve_start;
    IF first_free > reserve_start - 1 THEN
        RAISE EXCEPTION 'no % numbers left to lease for %; devices fall back to their reserve', p_prefix, p_year
            USING ERRCODE = 'program_limit_exceeded';
    END IF;
    INSERT INTO number_block_leases (id, prefix, year, first_seq, last_seq, device_no, created_at, created_by)
    VALUES (gen_random_uuid(), p_prefix, p_year, first_free, least(first_free + p_size - 1, reserve_start - 1),
            p_device, now(), session_user)
    RETURNING * INTO lease;
    RETURN to_jsonb(lease);
END $$;

-- Who may number: a person's login (a member of kam_app with an active `users` row), or the server's owner.
CREATE OR REPLACE FUNCTION kam.may_number() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT kam.current_person_id() IS NOT NULL
        OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
$$;

-- Every number a record of the store carries, as (prefix, year, sequence): what a solo lease really used.
CREATE OR REPLACE FUNCTION kam.issued_numbers() RETURNS TABLE (prefix text, year integer, seq integer)
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT split_part(n, '-', 1), split_part(n, '-', 2)::integer, split_part(n, '-', 3)::integer
      FROM (SELECT number FROM documents UNION ALL SELECT number FROM exception_requests
            UNION ALL SELECT number FROM payout_documents UNION ALL SELECT number FROM ledger_adjustments
            UNION ALL SELECT number FROM mdf_claims) AS numbered(n)
     WHERE n ~ '^[A-Z]{3}-[0-9]{4}-[0-9]{5}$'
$$;

-- The highest sequence below `p_below` that a record carries in (prefix, year); 0 when none. Each table is
-- narrowed by the number's prefix first (a lease is rare, but the tables of a team's history are not small).
CREATE OR REPLACE FUNCTION kam.highest_issued(p_prefix text, p_year integer, p_below integer) RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    WITH head AS (SELECT p_prefix || '-' || lpad(p_year::text, 4, '0') || '-' AS text),
    numbered AS (
        SELECT number FROM documents, head WHERE number LIKE head.text || '%'
        UNION ALL SELECT number FROM exception_requests, head WHERE number LIKE head.text || '%'
        UNION ALL SELECT number FROM payout_documents, head WHERE number LIKE head.text || '%'
        UNION ALL SELECT number FROM ledger_adjustments, head WHERE number LIKE head.text || '%'
        UNION ALL SELECT number FROM mdf_claims, head WHERE number LIKE head.text || '%')
    SELECT coalesce(max(seq), 0) FROM (
        SELECT CASE WHEN number ~ '^[A-Z]{3}-[0-9]{4}-[0-9]{5}$' THEN split_part(number, '-', 3)::integer END AS seq
          FROM numbered) n
     WHERE seq < p_below
$$;

-- A store that numbered alone before it became the server (the team demo, a solo PostgreSQL store) leased itself
-- the whole range of each (prefix, year) it used. Keep of those solo leases only the numbers its records carry, and
-- forget that the server is a device: from now on the server's own sessions number through kam.online_device().
-- Runs once: the local_device row is gone afterwards, and team leases are never touched.
DO $$
DECLARE
    solo integer;
    l record;
    highest integer;
BEGIN
    SELECT device_no INTO solo FROM local_device WHERE mode = 'solo';
    IF NOT FOUND THEN
        RETURN;
    END IF;
    FOR l IN SELECT * FROM number_block_leases WHERE device_no = solo AND first_seq < 90000 LOOP
        SELECT max(i.seq) INTO highest FROM kam.issued_numbers() i
         WHERE i.prefix = l.prefix AND i.year = l.year AND i.seq BETWEEN l.first_seq AND l.last_seq;
        IF highest IS NULL THEN
            DELETE FROM number_block_leases WHERE id = l.id;
        ELSIF highest < l.last_seq THEN
            UPDATE number_block_leases SET last_seq = highest WHERE id = l.id;
        END IF;
    END LOOP;
    DELETE FROM local_device;
END $$;

ALTER FUNCTION kam.register_device(text) OWNER TO kam_definer;
ALTER FUNCTION kam.online_device() OWNER TO kam_definer;
ALTER FUNCTION kam.lease_number_block(integer, text, integer, integer) OWNER TO kam_definer;
ALTER FUNCTION kam.may_number() OWNER TO kam_definer;
REVOKE ALL ON FUNCTION kam.register_device(text), kam.online_device(),
    kam.lease_number_block(integer, text, integer, integer), kam.may_number(), kam.issued_numbers(),
    kam.highest_issued(text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kam.issued_numbers(), kam.highest_issued(text, integer, integer) TO kam_definer;
GRANT EXECUTE ON FUNCTION kam.register_device(text), kam.online_device(),
    kam.lease_number_block(integer, text, integer, integer), kam.may_number() TO kam_app;
GRANT INSERT ON numbering_devices, number_block_leases TO kam_definer;
-- people read the registry (a laptop pulls it); only the functions above write it (RLS has no write policy either)
REVOKE INSERT, UPDATE, DELETE ON numbering_devices, number_block_leases FROM kam_app;
