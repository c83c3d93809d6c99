// Writes the demo cities' 地区政策参数 (server/cli/seed/policy-values.ts) to the database.
import { and, inArray } from "drizzle-orm";
import type { Executor } from "@/db/index";
import { regionPolicySettings, regions } from "@/db/schema";
import { parsePolicyValue } from "../../rules/policy-settings";
import { DEMO_POLICY_SETTINGS, EXAMPLE } from "./policy-values";

// Writes the demo rows; the national defaults are already there (the migrations write them).
export async function seedPolicySettings(db: Executor): Promise<number> {
  const names = [...new Set(DEMO_POLICY_SETTINGS.map((row) => row.place))];
  const found = await db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(and(inArray(regions.name, names), inArray(regions.level, ["province", "city"])));
  const rows = DEMO_POLICY_SETTINGS.map((row) => {
    const matches = found.filter(
      (region) => region.name === row.place && region.level === row.level,
    );
    if (matches.length !== 1) {
      throw new Error(`regions table has ${matches.length} ${row.level} named ${row.place}`);
    }
    const parsed = parsePolicyValue(row.setting, row.value);
    if (!parsed.success) throw new Error(`demo ${row.setting} of ${row.place} does not fit`);
    return {
      regionCode: matches[0]?.code as string,
      setting: row.setting,
      value: parsed.data,
      effectiveFrom: row.effectiveFrom,
      sourceNote: row.source ?? EXAMPLE,
      verified: row.source !== null,
    };
  });
  await db.insert(regionPolicySettings).values(rows);
  return rows.length;
}
