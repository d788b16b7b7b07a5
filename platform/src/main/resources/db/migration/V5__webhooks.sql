-- Webhook deliveries from source systems are signed with the source's secret (Standard Webhooks). The previous
-- secret keeps working for a grace period after a rotation, so a source can switch over without losing events.

ALTER TABLE source_systems
    ADD COLUMN webhook_secret text,
    ADD COLUMN previous_webhook_secret text,
    ADD COLUMN previous_secret_expires_at timestamptz,
    ADD COLUMN secret_rotated_at timestamptz,
    ADD COLUMN description text;

-- Every accepted delivery, by its webhook-id: a replay of the same id is refused.
CREATE TABLE webhook_deliveries (
    tenant_id    text NOT NULL,
    source       text NOT NULL,
    webhook_id   text NOT NULL,
    event_type   text NOT NULL,
    batch_id     uuid NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source, webhook_id),
    FOREIGN KEY (tenant_id, source) REFERENCES source_systems,
    FOREIGN KEY (tenant_id, batch_id) REFERENCES ingest_batches
);

CALL protect_tenant_table('webhook_deliveries', '${app_role}');
