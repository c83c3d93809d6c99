// The demo cities, looked up by name in the regions table (filled by the migrations from the
// GB/T 2260 data), never typed in as codes.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/index";
import { regions } from "@/db/schema";
import type { DeductionVersion, SeedCity } from "./enquiries";
import { SEED_CITY_WEIGHTS } from "./plan";
import { DEMO_POLICY_SETTINGS, PRE_ALLOCATING } from "./policy-values";

// The month the city's insurance year starts in its demo settings; the calendar year elsewhere.
function insuranceYearStartMonth(name: string): number {
  for (const row of DEMO_POLICY_SETTINGS) {
    if (row.place === name && row.setting === "insurance_year_start") return row.value.month;
  }
  return 1;
}

// The city's monthly deductions, version by version.
function deductions(name: string): DeductionVersion[] {
  return DEMO_POLICY_SETTINGS.flatMap((row) =>
    row.place === name && row.setting === "monthly_deductions"
      ? [{ effectiveFrom: row.effectiveFrom, items: row.value.items }]
      : [],
  ).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

// The city's first 职工医保 tier with a personal account, where its demo settings list tiers.
function accountTier(name: string): string | null {
  for (const row of DEMO_POLICY_SETTINGS) {
    if (row.place === name && row.setting === "employee_tiers") {
      return row.value.tiers.find((tier) => tier.personalAccount)?.name ?? null;
    }
  }
  return null;
}

export async function loadSeedCities(db: Executor): Promise<SeedCity[]> {
  const names = SEED_CITY_WEIGHTS.map(([name]) => name);
  const cityRows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.level, "city"), inArray(regions.name, names)))
    .orderBy(asc(regions.code));
  const districtRows = await db
    .select({ code: regions.code, parentCode: regions.parentCode })
    .from(regions)
    .where(
      and(
        eq(regions.level, "district"),
        inArray(
          regions.parentCode,
          cityRows.map((row) => row.code),
        ),
      ),
    )
    .orderBy(asc(regions.code));

  return SEED_CITY_WEIGHTS.map(([name, weight]) => {
    const matches = cityRows.filter((row) => row.name === name);
    const city = matches[0];
    if (!city || matches.length > 1) {
      throw new Error(
        `regions table has ${matches.length} cities named ${name}; run the migrations`,
      );
    }
    const districts = districtRows.filter((row) => row.parentCode === city.code);
    return {
      code: city.code,
      name,
      shortName: name.replace(/[市盟]$/, ""),
      // A city without districts (东莞) issues ID numbers under its own code.
      districtCodes: districts.length > 0 ? districts.map((row) => row.code) : [city.code],
      weight,
      crediting: PRE_ALLOCATING.includes(name) ? "pre_allocation" : "monthly",
      insuranceYearStartMonth: insuranceYearStartMonth(name),
      accountTier: accountTier(name),
      deductions: deductions(name),
      caseworkerId: null,
    };
  });
}
