-- Vroeghulp on PostgreSQL: the owner role owns the tables and runs the migrations; the
-- application role reads and writes data, but can never change, delete or empty audit entries,
-- nor switch off the triggers that refuse it (only an owner may).
--
-- Create the two roles once (docs/operations.md), for example:
--   CREATE ROLE vroeghulp_owner LOGIN PASSWORD '...';   -- migrate runs with this one
--   CREATE ROLE vroeghulp_app LOGIN PASSWORD '...';     -- the application runs with this one
-- Then run this script as a superuser in the application's database, after every migrate:
--   psql --single-transaction -v ON_ERROR_STOP=1 -d vroeghulp -f deploy/postgres-roles.sql
-- It is idempotent. Other role names: replace vroeghulp_owner and vroeghulp_app throughout.
-- (audit/tests/test_database_roles.py runs this file with its own role names.)

-- Only the owner creates objects in the schema (PostgreSQL 15 and newer do so by default).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO vroeghulp_owner;
GRANT USAGE ON SCHEMA public TO vroeghulp_app;

-- The owner owns every table (with its indexes and id sequences) and function of the schema.
DO $$
DECLARE
    item record;
BEGIN
    FOR item IN
        SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format(
            'ALTER %s %s OWNER TO vroeghulp_owner',
            CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                ELSE 'TABLE' END,
            item.name
        );
    END LOOP;
    FOR item IN
        SELECT p.oid::regprocedure AS name FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO vroeghulp_owner', item.name);
    END LOOP;
END
$$;

-- The application: read and write data in every table (never TRUNCATE), and draw new ids.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO vroeghulp_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO vroeghulp_app;
ALTER DEFAULT PRIVILEGES FOR ROLE vroeghulp_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO vroeghulp_app;
ALTER DEFAULT PRIVILEGES FOR ROLE vroeghulp_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO vroeghulp_app;

-- The audit log: entries are appended (audit_append, which runs with the application's rights)
-- and read, never changed, deleted or emptied. The chain head is read, created and moved on.
REVOKE ALL ON audit_auditentry FROM PUBLIC, vroeghulp_app;
GRANT SELECT, INSERT ON audit_auditentry TO vroeghulp_app;
REVOKE ALL ON audit_auditchainhead FROM PUBLIC, vroeghulp_app;
GRANT SELECT, INSERT, UPDATE ON audit_auditchainhead TO vroeghulp_app;

-- audit_append receives the HMAC pads of the audit key as parameters: the server never writes
-- the application's statement parameters to its log, also not for slow or failed statements.
ALTER ROLE vroeghulp_app SET log_parameter_max_length = 0;
ALTER ROLE vroeghulp_app SET log_parameter_max_length_on_error = 0;
