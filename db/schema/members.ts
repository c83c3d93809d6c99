import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { INSURANCE_SCHEME_CODES, PERSON_CATEGORY_CODES, TIER_MAX_LENGTH } from "../constants";
import { inList } from "./code-lists";
import { regions } from "./regions";
import { users } from "./users";

// Personal data is never stored in the clear: the ID number and phone are kept as
// AES-256-GCM ciphertext (for the audited reveal), a keyed HMAC (for exact lookup) and a
// masked form (for display). See db/pii.ts.
export const members = pgTable(
  "members",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    idNumberHash: char("id_number_hash", { length: 64 }).notNull(),
    idNumberEncrypted: text("id_number_encrypted").notNull(),
    idNumberMasked: text("id_number_masked").notNull(),
    phoneHash: char("phone_hash", { length: 64 }),
    phoneEncrypted: text("phone_encrypted"),
    phoneMasked: text("phone_masked"),
    phoneLast4: char("phone_last4", { length: 4 }),
    insuranceScheme: text("insurance_scheme", { enum: INSURANCE_SCHEME_CODES }).notNull(),
    personCategory: text("person_category", { enum: PERSON_CATEGORY_CODES }),
    tier: text("tier"),
    regionCode: char("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code, { onDelete: "restrict" }),
    employerName: text("employer_name"),
    createdBy: bigint("created_by", { mode: "number" }).references(() => users.id, {
      onDelete: "set null",
    }),
    // Unigrams and bigrams of the name, kept by a trigger (migration 0002) for name search.
    searchTokens: text("search_tokens").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("members_id_number_hash_key").on(t.idNumberHash),
    index("members_phone_last4_idx").on(t.phoneLast4),
    index("members_name_idx").on(t.name),
    index("members_search_tokens_idx").using("gin", t.searchTokens),
    index("members_region_code_idx").on(t.regionCode),
    inList(t.insuranceScheme, INSURANCE_SCHEME_CODES),
    inList(t.personCategory, PERSON_CATEGORY_CODES),
    check(
      "members_person_category_for_employee",
      sql`(${t.insuranceScheme} = 'employee') = (${t.personCategory} is not null)`,
    ),
    check(
      "members_tier_for_employee",
      sql`${t.tier} is null or (${t.insuranceScheme} = 'employee' and char_length(${t.tier}) between 1 and ${sql.raw(String(TIER_MAX_LENGTH))})`,
    ),
  ],
);
