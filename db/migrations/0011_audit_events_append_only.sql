-- The audit trail is evidence: once written, a row may be read but never changed or removed,
-- whatever the application code does. Row triggers refuse UPDATE and DELETE, a statement
-- trigger refuses TRUNCATE (which fires no row triggers). The demo reset (npm run db:seed --
-- --reset) is the one path that empties the table; it disables the TRUNCATE trigger for its
-- own transaction only, which needs the table owner's rights.
CREATE OR REPLACE FUNCTION audit_events_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed (审计日志只能追加，不能修改或删除)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint

CREATE TRIGGER audit_events_append_only
BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change();--> statement-breakpoint

CREATE TRIGGER audit_events_no_truncate
BEFORE TRUNCATE ON audit_events
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change();
