"""On PostgreSQL, append audit entries with one statement: audit_append(entries).

The function locks the chain head, numbers the entries, computes each hash over the previous
hash and the payload the application serialised (split where the sequence number goes), inserts
the rows read from that same payload and moves the head: the chain rules of audit/writer.py in one
round trip instead of five.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_append(entries jsonb)
RETURNS TABLE(entry_id bigint, entry_sequence bigint, entry_previous_hash text, entry_hash text)
AS $$
DECLARE
    head_sequence bigint;
    head_hash text;
    payload text;
    payloads text[];
    hashes text[];
BEGIN
    SELECT h.sequence, h.last_hash INTO head_sequence, head_hash
        FROM audit_auditchainhead h WHERE h.id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO audit_auditchainhead (id, sequence, last_hash)
            VALUES (1, 0, repeat('0', 64)) ON CONFLICT (id) DO NOTHING;
        SELECT h.sequence, h.last_hash INTO head_sequence, head_hash
            FROM audit_auditchainhead h WHERE h.id = 1 FOR UPDATE;
    END IF;
    -- entries: [[payload before the sequence number, payload after it], ...]
    SELECT array_agg((t.e->>0) || (head_sequence + t.n)::text || (t.e->>1) ORDER BY t.n)
        INTO payloads FROM jsonb_array_elements(entries) WITH ORDINALITY AS t(e, n);
    hashes := ARRAY[head_hash];
    FOREACH payload IN ARRAY coalesce(payloads, '{}') LOOP
        head_hash := encode(sha256(convert_to(head_hash || payload, 'UTF8')), 'hex');
        hashes := hashes || head_hash;
    END LOOP;
    -- Each row is read from the very payload that was hashed.
    RETURN QUERY
    INSERT INTO audit_auditentry AS a (
        sequence, "timestamp", user_id, user_label, responsible_user_id, organisation_label,
        role, network_id, child_id, action, object_type, object_id, grounds, consent_id,
        client_address, request_id, details, previous_hash, entry_hash
    )
    SELECT
        r.sequence, r."timestamp", r.user_id, r.user_label, r.responsible_user_id,
        r.organisation_label, r.role, r.network_id, r.child_id, r.action, r.object_type,
        r.object_id, r.grounds, r.consent_id, r.client_address, r.request_id, r.details,
        p.previous_hash, p.entry_hash
    FROM unnest(payloads, hashes[1:array_length(hashes, 1) - 1], hashes[2:])
            WITH ORDINALITY AS p(payload, previous_hash, entry_hash, n),
        LATERAL jsonb_populate_record(NULL::audit_auditentry, p.payload::jsonb) AS r
    ORDER BY p.n
    RETURNING a.id, a.sequence, a.previous_hash::text, a.entry_hash::text;
    UPDATE audit_auditchainhead SET sequence = head_sequence + coalesce(array_length(payloads, 1), 0),
        last_hash = head_hash WHERE id = 1;
END;
$$ LANGUAGE plpgsql;
"""

DROP = "DROP FUNCTION IF EXISTS audit_append(jsonb);"



def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_indexes_per_reading")]

    operations = [migrations.RunPython(create_function, drop_function)]
