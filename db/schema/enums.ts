import { pgEnum } from "drizzle-orm/pg-core";
import {
  CAUSE_CODES,
  CHANNEL_CODES,
  ENQUIRY_STATUS_CODES,
  FOLLOW_UP_METHOD_CODES,
  INSURANCE_TYPE_CODES,
  OTHER_SUB_REASON_CODES,
  PRIORITY_CODES,
  REGION_LEVEL_CODES,
  ROLE_CODES,
  SATISFACTION_CODES,
  SESSION_END_REASON_CODES,
  STEP_KIND_CODES,
  SYMPTOM_CODES,
} from "../constants";

export const roleEnum = pgEnum("role", ROLE_CODES);
export const regionLevelEnum = pgEnum("region_level", REGION_LEVEL_CODES);
export const insuranceTypeEnum = pgEnum("insurance_type", INSURANCE_TYPE_CODES);
export const channelEnum = pgEnum("channel", CHANNEL_CODES);
export const symptomEnum = pgEnum("symptom", SYMPTOM_CODES);
export const causeEnum = pgEnum("cause", CAUSE_CODES);
export const otherSubReasonEnum = pgEnum("other_sub_reason", OTHER_SUB_REASON_CODES);
export const enquiryStatusEnum = pgEnum("enquiry_status", ENQUIRY_STATUS_CODES);
export const priorityEnum = pgEnum("priority", PRIORITY_CODES);
export const satisfactionEnum = pgEnum("satisfaction", SATISFACTION_CODES);
export const followUpMethodEnum = pgEnum("follow_up_method", FOLLOW_UP_METHOD_CODES);
export const stepKindEnum = pgEnum("step_kind", STEP_KIND_CODES);
export const sessionEndReasonEnum = pgEnum("session_end_reason", SESSION_END_REASON_CODES);
