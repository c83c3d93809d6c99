// How many demo enquiries fall in each month, city and primary cause. The shapes are the ones a
// manager should see in the analytics: each cause's share and seasonal pattern come from its
// module (政策改革 peaks every July, 离职减员 around the year end and June, 家庭共济 grows), and
// one city has a burst of 系统延迟 (a data-sync incident) in one month.
import { CAUSE_MODULES } from "../../causes";
import { type CauseRegistry, causesOf } from "../../causes/cause-module";
import type { SeedMonth } from "./calendar";
import type { Random } from "./random";

// The cities named in the domain brief, with their relative enquiry volume.
export const SEED_CITY_WEIGHTS = [
  ["上海市", 1.8],
  ["西安市", 1.6],
  ["深圳市", 1.5],
  ["苏州市", 1.3],
  ["合肥市", 1.2],
  ["乐山市", 1.2],
  ["无锡市", 1.0],
  ["东莞市", 1.0],
  ["厦门市", 0.9],
  ["贵阳市", 0.9],
  ["宜昌市", 0.7],
  ["扬州市", 0.6],
  ["德阳市", 0.6],
  ["岳阳市", 0.6],
  ["宿州市", 0.5],
  ["盘锦市", 0.4],
  ["雅安市", 0.4],
  ["兴安盟", 0.3],
  ["锡林郭勒盟", 0.3],
] as const satisfies readonly (readonly [string, number])[];

export const SEED_CITY_NAMES = SEED_CITY_WEIGHTS.map(([name]) => name);

// The data-sync incident the spike detection should find: 无锡, five months before `now`, about
// twenty times the city's usual monthly count of 系统延迟 enquiries.
export const BURST = {
  cause: "system_delay",
  cityName: "无锡市",
  monthsAgo: 5,
  factor: 20,
} as const;

// What the allocation knows of a city: its volume and when its insurance year starts (年度结转
// brings its own enquiries).
export type PlannedCity = { weight: number; insuranceYearStartMonth: number };

export type MonthAllocation = {
  month: SeedMonth;
  // counts[cityIndex][causeIndex], causes in the registry's order.
  counts: number[][];
};

// Spreads `total` enquiries over the cells by their weights. Largest remainders (rather than
// sampling each enquiry) keep the quiet cells smooth, so the burst is the only spike.
export function allocateEnquiries(
  random: Random,
  months: readonly SeedMonth[],
  cities: readonly PlannedCity[],
  burstCityIndex: number,
  total: number,
  registry: CauseRegistry = CAUSE_MODULES,
): MonthAllocation[] {
  const codes = causesOf(registry);
  const burstMonthIndex = months.length - 1 - BURST.monthsAgo;
  const cells: { weight: number; count: number; order: number }[] = [];
  let weightSum = 0;
  for (const month of months) {
    cities.forEach((city, cityIndex) => {
      for (const cause of codes) {
        const { share, seasonality } = registry[cause].demo;
        const burst =
          cause === BURST.cause && cityIndex === burstCityIndex && month.index === burstMonthIndex
            ? BURST.factor
            : 1;
        const noise = 0.85 + 0.3 * random.next();
        const weight =
          share *
          (seasonality?.(month, months.length, city) ?? 1) *
          city.weight *
          month.coverage *
          burst *
          noise;
        cells.push({ weight, count: 0, order: cells.length });
        weightSum += weight;
      }
    });
  }
  if (weightSum === 0) throw new Error("no working day before `now` to place demo enquiries on");

  let placed = 0;
  const remainders = cells.map((cell) => {
    const expected = (total * cell.weight) / weightSum;
    cell.count = Math.floor(expected);
    placed += cell.count;
    return { cell, remainder: expected - cell.count };
  });
  remainders.sort((a, b) => b.remainder - a.remainder || a.cell.order - b.cell.order);
  for (let i = 0; i < total - placed; i++) {
    const entry = remainders[i % remainders.length];
    if (entry) entry.cell.count++;
  }

  const perMonth = cities.length * codes.length;
  return months.map((month, monthIndex) => ({
    month,
    counts: cities.map((_, cityIndex) =>
      codes.map(
        (_, causeIndex) =>
          cells[monthIndex * perMonth + cityIndex * codes.length + causeIndex]?.count ?? 0,
      ),
    ),
  }));
}
