ALTER TABLE "region_policy_settings" DROP CONSTRAINT "region_policy_settings_setting_check";--> statement-breakpoint
ALTER TABLE "region_policy_settings" ADD CONSTRAINT "region_policy_settings_setting_check" CHECK ("region_policy_settings"."setting" in ('reform_start', 'insurance_year_start', 'crediting_mode', 'contribution_base', 'retiree_allocation', 'employee_tiers', 'accountless_categories', 'monthly_deductions', 'overdraft', 'family_aid', 'member_hotline', 'issuer', 'notice_footer', 'office_hours', 'work_order_limits'));--> statement-breakpoint
-- National defaults for the hotline work orders' clock: the office's hours on a working day, and
-- the limits by the hotline's classification (examples from published hotline rules; each
-- region sets its own).
INSERT INTO "region_policy_settings" ("region_code", "setting", "value", "effective_from", "source_note", "verified") VALUES
  (NULL, 'office_hours', '{"periods": [{"from": "08:30", "to": "12:00"}, {"from": "13:30", "to": "17:30"}]}', '1900-01-01', '示例值：工作日上午8:30—12:00、下午13:30—17:30，以当地作息时间为准', false),
  (NULL, 'work_order_limits', '{"signForHours": 24, "consultDays": 3, "helpDays": 3, "complaintDays": 13, "suggestionDays": 7, "urgentSameDay": true, "warnDays": 1, "warnHours": 4}', '1900-01-01', '示例值：签收24个工作小时，咨询、求助3个工作日，投诉13个工作日，建议7个工作日，紧急件当日；以当地热线工单管理办法为准', false);
