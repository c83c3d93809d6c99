import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import { regions } from "@/db/schema";
import { inScope, isWithinScope } from "./region-scope";

// The names of regions by code, in one query; a null code (the national level) is skipped.
export async function regionNames(
  db: Executor,
  codes: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((code): code is string => code !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, wanted));
  return new Map(rows.map((row) => [row.code, row.name]));
}

export type RegionOption = { value: string; label: string; children?: RegionOption[] };

export async function findRegion(db: Executor, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row ?? null;
}

// Province → city options for the region pickers, limited to the actor's scope.
export async function regionOptions(db: Executor, scope: string | null): Promise<RegionOption[]> {
  const rows = await db
    .select()
    .from(regions)
    .where(and(inArray(regions.level, ["province", "city"]), inScope(regions.code, scope)))
    .orderBy(asc(regions.code));
  const provinces = new Map<string, RegionOption>();
  for (const row of rows) {
    if (row.level === "province")
      provinces.set(row.code, { value: row.code, label: row.name, children: [] });
  }
  for (const row of rows) {
    if (row.level !== "city" || !row.parentCode) continue;
    let province = provinces.get(row.parentCode);
    if (!province) {
      // A city-scoped actor sees its province as a container even though the province itself
      // is outside its scope.
      const parent = await findRegion(db, row.parentCode);
      province = { value: row.parentCode, label: parent?.name ?? row.parentCode, children: [] };
      provinces.set(row.parentCode, province);
    }
    province.children?.push({ value: row.code, label: row.name });
  }
  return [...provinces.values()];
}

// A handling region must be a city or district inside the actor's scope.
export async function assertHandlingRegion(db: Executor, code: string, scope: string | null) {
  const region = await findRegion(db, code);
  if (!region || region.level === "province")
    return { ok: false as const, message: "请选择具体到地市的受理地区" };
  if (!isWithinScope(code, scope))
    return { ok: false as const, message: "受理地区不在您的管辖范围内" };
  return { ok: true as const, region };
}
