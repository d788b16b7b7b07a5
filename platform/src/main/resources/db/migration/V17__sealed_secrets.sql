-- Secrets at rest (source_systems.webhook_secret and previous_webhook_secret; header_value, client_secret and
-- password in connectors.config) are sealed with AES-256-GCM by the ingest service, as enc:v1:<key id>:<base64>.
--
-- Why no SQL or Java migration encrypts the existing values: the key lives in the services' configuration (a
-- Kubernetes Secret), not in the database, and the same step is needed again whenever the key is rotated. So the
-- ingest service seals, at start-up and then hourly, every value that is not yet sealed under the current key
-- (plaintext written before this version included), tenant by tenant; until then it reads plaintext as it is.
-- This migration only gives that step the tenants to visit, as the scheduler's functions do.
CREATE FUNCTION tenants_with_secrets() RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    -- Opens the owner's bypass policy of V18 for this call only (the SET clause gives the call its own setting level).
    SELECT set_config('app.bypass_tenant', 'on', true);
    SELECT tenant_id FROM source_systems WHERE webhook_secret IS NOT NULL OR previous_webhook_secret IS NOT NULL
    UNION
    SELECT tenant_id FROM connectors
$$;

REVOKE ALL ON FUNCTION tenants_with_secrets() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenants_with_secrets() TO ${app_role};
