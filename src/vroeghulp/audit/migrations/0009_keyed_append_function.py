"""On PostgreSQL, audit_append chains with HMAC-SHA-256 instead of plain SHA-256, and TRUNCATE is
refused to every role but the table's owner.

The key never reaches the database: the application passes the two HMAC pads of the current key
(key XOR ipad, key XOR opad) with each call, as bound parameters, and the function computes
sha256(outer_pad || sha256(inner_pad || message)) with the built-in sha256(): RFC 2104's HMAC,
still in one round trip. The function stores the key id with each entry.
"""

import importlib

from django.db import migrations

CREATE = """
DROP FUNCTION IF EXISTS audit_append(jsonb);
CREATE OR REPLACE FUNCTION audit_append(
    entries jsonb, append_key_id text, inner_pad bytea, outer_pad bytea
)
RETURNS TABLE(entry_id bigint, entry_sequence bigint, entry_previous_hash text, entry_hash text)
AS $$
DECLARE
    head_sequence bigint;
    head_hash text;
    payload text;
    payloads text[];
    hashes text[];
BEGIN
    IF coalesce(append_key_id, '') = '' OR length(inner_pad) IS DISTINCT FROM 64
            OR length(outer_pad) IS DISTINCT FROM 64 THEN
        RAISE EXCEPTION 'audit_append needs a key id and the two 64-byte HMAC pads of its key';
    END IF;
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
        head_hash := encode(
            sha256(outer_pad || sha256(inner_pad || convert_to(head_hash || payload, 'UTF8'))),
            'hex'
        );
        hashes := hashes || head_hash;
    END LOOP;
    -- Each row is read from the very payload that was hashed.
    RETURN QUERY
    INSERT INTO audit_auditentry AS a (
        sequence, "timestamp", user_id, user_label, responsible_user_id, organisation_label,
        role, network_id, child_id, action, object_type, object_id, grounds, consent_id,
        client_address, request_id, details, key_id, previous_hash, entry_hash
    )
    SELECT
        r.sequence, r."timestamp", r.user_id, r.user_label, r.responsible_user_id,
        r.organisation_label, r.role, r.network_id, r.child_id, r.action, r.object_type,
        r.object_id, r.grounds, r.consent_id, r.client_address, r.request_id, r.details,
        append_key_id, p.previous_hash, p.entry_hash
    FROM unnest(payloads, hashes[1:array_length(hashes, 1) - 1], hashes[2:])
            WITH ORDINALITY AS p(payload, previous_hash, entry_hash, n),
        LATERAL jsonb_populate_record(NULL::audit_auditentry, p.payload::jsonb) AS r
    ORDER BY p.n
    RETURNING a.id, a.sequence, a.previous_hash::text, a.entry_hash::text;
    UPDATE audit_auditchainhead SET sequence = head_sequence + coalesce(array_length(payloads, 1), 0),
        last_hash = head_hash WHERE id = 1;
END;
$$ LANGUAGE plpgsql;

-- The owner may empty the table (test databases are flushed so; the owner could disable any
-- trigger anyway); every other role is refused, even one that was granted TRUNCATE by mistake.
CREATE OR REPLACE FUNCTION audit_entry_no_truncate() RETURNS trigger AS $$
BEGIN
    IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE')
    THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit_auditentry is append-only: TRUNCATE refused';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_no_truncate();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_entry_no_truncate();
DROP FUNCTION IF EXISTS audit_append(jsonb, text, bytea, bytea);
"""


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def restore_plain_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)
        plain = importlib.import_module("vroeghulp.audit.migrations.0005_append_function")
        schema_editor.execute(plain.CREATE, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0008_entry_key_id")]

    operations = [migrations.RunPython(create_function, restore_plain_function)]
