-- Relata store, version 8: retention and legal hold. Portable SQL (H2 2.x and PostgreSQL).

-- Who put a case under legal hold (case_file.legal_hold), when and why. Only the hold in force is kept here; every
-- hold set and released is in the audit trail.
ALTER TABLE case_file ADD COLUMN legal_hold_by VARCHAR(200);
ALTER TABLE case_file ADD COLUMN legal_hold_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_file ADD COLUMN legal_hold_reason VARCHAR;

-- A retention run finds a source's expired records by load date, and then every row that names one of them: these
-- are the references that had no index yet.
CREATE INDEX record_source_loaded ON record (source, loaded_at);
CREATE INDEX entity_event_trigger ON entity_event (trigger_source, trigger_id);
CREATE INDEX alert_trigger ON alert (trigger_source, trigger_id);
CREATE INDEX review_item_second ON review_item (second_source, second_id);
CREATE INDEX match_decision_second ON match_decision (second_source, second_id);
