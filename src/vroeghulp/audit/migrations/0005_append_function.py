"""On PostgreSQL, append audit entries with one statement: audit_append(entries jsonb).

The function locks the chain head, numbers the entries, computes each hash over the previous
hash and the payload the application built (split where the sequence number goes), inserts them
and moves the head: the chain rules of audit/writer.py in one round trip instead of five.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_append(entries jsonb)
RETURNS TABLE(entry_id bigint, entry_sequence bigint, entry_previous_hash text, entry_hash text)
AS $$
DECLARE
    head_sequence bigint;
    head_hash text;
    e jsonb;
    r audit_auditentry;
BEGIN
    SELECT h.sequence, h.last_hash INTO head_sequence, head_hash
        FROM audit_auditchainhead h WHERE h.id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO audit_auditchainhead (id, sequence, last_hash)
            VALUES (1, 0, repeat('0', 64)) ON CONFLICT (id) DO NOTHING;
        SELECT h.sequence, h.last_hash INTO head_sequence, head_hash
            FROM audit_auditchainhead h WHERE h.id = 1 FOR UPDATE;
    END IF;
    FOR e IN SELECT value FROM jsonb_array_elements(entries) LOOP
        r := jsonb_populate_record(NULL::audit_auditentry, e);
        head_sequence := head_sequence + 1;
        entry_previous_hash := head_hash;
        head_hash := encode(sha256(convert_to(
            head_hash || (e->>'payload_before') || head_sequence::text || (e->>'payload_after'),
            'UTF8')), 'hex');
        INSERT INTO audit_auditentry (
            sequence, "timestamp", user_id, user_label, responsible_user_id, organisation_label,
            role, network_id, child_id, action, object_type, object_id, grounds, consent_id,
            client_address, request_id, details, previous_hash, entry_hash
        ) VALUES (
            head_sequence, r."timestamp", r.user_id, r.user_label, r.responsible_user_id,
            r.organisation_label, r.role, r.network_id, r.child_id, r.action, r.object_type,
            r.object_id, r.grounds, r.consent_id, r.client_address, r.request_id, r.details,
            entry_previous_hash, head_hash
        ) RETURNING id INTO entry_id;
        entry_sequence := head_sequence;
        entry_hash := head_hash;
        RETURN NEXT;
    END LOOP;
    UPDATE audit_auditchainhead SET sequence = head_sequence, last_hash = head_hash WHERE id = 1;
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
