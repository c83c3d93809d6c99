-- Enquiries still open when the re-check date arrived as a column: take the due date of their
-- latest 设定复查日期 step, unless a 复查 was recorded after it. New enquiries get the date from
-- the application (working days need the holiday calendar, which SQL does not have).
UPDATE "enquiries" AS e
SET "recheck_due_on" = (s."due_at" AT TIME ZONE 'Asia/Shanghai')::date
FROM (
  SELECT DISTINCT ON ("enquiry_id") "enquiry_id", "due_at", "done_at"
  FROM "resolution_steps"
  WHERE "kind" = 'schedule_recheck' AND "due_at" IS NOT NULL
  ORDER BY "enquiry_id", "done_at" DESC
) AS s
WHERE s."enquiry_id" = e."id"
  AND e."status" IN ('open', 'in_progress', 'awaiting_recheck')
  AND NOT EXISTS (
    SELECT 1 FROM "resolution_steps" AS r
    WHERE r."enquiry_id" = e."id" AND r."kind" = 'recheck' AND r."done_at" >= s."done_at"
  );
