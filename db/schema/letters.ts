import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { LETTER_STAGE_CODES } from "../constants";
import { inList } from "./code-lists";
import { enquiries } from "./enquiries";
import { regions } from "./regions";
import { users } from "./users";

// 告知书 as issued: the rendered text is stored, with the policy setting versions it was written
// from, so printing it again shows what the member was given, whatever changed since. A new
// version is stored only when the content differs from the enquiry's latest one.
export const enquiryLetters = pgTable(
  "enquiry_letters",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    enquiryId: bigint("enquiry_id", { mode: "number" })
      .notNull()
      .references(() => enquiries.id, { onDelete: "restrict" }),
    // 1, 2, … per enquiry.
    version: integer("version").notNull(),
    // 第 N 号: numbered per issuing city and year.
    numberingRegion: char("numbering_region", { length: 6 })
      .notNull()
      .references(() => regions.code, { onDelete: "restrict" }),
    numberYear: smallint("number_year").notNull(),
    serial: integer("serial").notNull(),
    stage: text("stage", { enum: LETTER_STAGE_CODES }).notNull(),
    // The letter's text as rendered (LetterContent in server/rules/letter.ts).
    content: jsonb("content").notNull(),
    contentHash: text("content_hash").notNull(),
    settingIds: bigint("setting_ids", { mode: "number" }).array().notNull(),
    issuedBy: bigint("issued_by", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("enquiry_letters_version_key").on(t.enquiryId, t.version),
    uniqueIndex("enquiry_letters_number_key").on(t.numberingRegion, t.numberYear, t.serial),
    index("enquiry_letters_enquiry_idx").on(t.enquiryId, t.issuedAt),
    inList(t.stage, LETTER_STAGE_CODES),
    check("enquiry_letters_version_check", sql`${t.version} > 0 and ${t.serial} > 0`),
  ],
);
