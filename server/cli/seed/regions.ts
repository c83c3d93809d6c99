// The demo cities, looked up by name in the regions table (filled by the migrations from the
// GB/T 2260 data), never typed in as codes.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/index";
import { regions } from "@/db/schema";
import type { SeedCity } from "./enquiries";
import { SEED_CITY_WEIGHTS } from "./plan";
import { PRE_ALLOCATING } from "./policy-values";

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
      caseworkerId: null,
    };
  });
}
