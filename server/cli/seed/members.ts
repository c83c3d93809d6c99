// Who makes each demo enquiry. The demo registers members as they first call and lets some call
// again (about one member per 2.5 enquiries); the bulk loader draws from a prepared pool. Either
// way the member's 险种 and 人员类别 fit the enquiry (城乡居民医保 has no personal account, a
// retiree's allocation is what a retiree asks about).
import type { MemberInsurance } from "@/db/constants";
import { DAY_MS, MINUTE_MS } from "./calendar";
import type { EnquiryDraft, SeedCity } from "./enquiries";
import { makePerson, type Person } from "./people";
import type { Random, Weighted } from "./random";
import { ACTIVE, FLEXIBLE, RESIDENT, RETIRED, sameInsurance } from "./scenarios";

export type MemberDraft = Person & {
  regionCode: string;
  createdBy: number;
  createdAt: Date;
};

// A new caller rather than someone calling again.
const NEW_MEMBER_CHANCE = 0.37;

export function attachDemoMembers(
  random: Random,
  drafts: readonly EnquiryDraft[],
  cities: readonly SeedCity[],
): { members: MemberDraft[]; memberIndexes: number[] } {
  const members: MemberDraft[] = [];
  const byCity = cities.map((): number[] => []);
  const taken = new Set<string>();
  const isTaken = (idNumber: string) => taken.has(idNumber);

  const memberIndexes = drafts.map((draft) => {
    const city = cities[draft.cityIndex] as SeedCity;
    const local = byCity[draft.cityIndex] as number[];
    const candidates = local.filter((index) => {
      const member = members[index] as MemberDraft;
      return draft.memberTypes.some(([type]) => sameInsurance(type, member.insurance));
    });
    if (candidates.length > 0 && !random.chance(NEW_MEMBER_CHANCE)) return random.pick(candidates);

    const person = makePerson(
      random,
      city,
      random.weighted(draft.memberTypes),
      isTaken,
      draft.openedAt,
    );
    taken.add(person.idNumber);
    members.push({
      ...person,
      regionCode: city.code,
      createdBy: draft.createdBy,
      createdAt: new Date(draft.openedAt.getTime() - random.int(3, 20) * MINUTE_MS),
    });
    local.push(members.length - 1);
    return members.length - 1;
  });
  return { members, memberIndexes };
}

const POOL_TYPES: Weighted<MemberInsurance> = [
  [ACTIVE, 66],
  [RETIRED, 16],
  [FLEXIBLE, 10],
  [RESIDENT, 8],
];
const poolKey = (insurance: MemberInsurance) => `${insurance.scheme}:${insurance.category}`;

export type MemberPool = {
  size: number;
  // The members, drafted one at a time as they are read (the bulk loader streams them into
  // COPY and keeps none); read them all, once, before the first pick.
  members: Generator<MemberDraft>;
  // Index of a member who fits the enquiry, in the order `members` yields them.
  pick(random: Random, draft: EnquiryDraft): number;
};

// `size` members spread over the cities by weight, registered before `registeredBefore`. Only
// their indexes by city and type are kept, and the ID numbers already used.
export function createMemberPool(
  random: Random,
  cities: readonly SeedCity[],
  size: number,
  registeredBefore: Date,
  fallbackCreatorId: number,
  isTaken: (idNumber: string) => boolean,
): MemberPool {
  const buckets = cities.map(() => new Map<string, number[]>());
  const weightSum = cities.reduce((sum, city) => sum + city.weight, 0);
  const counts = cities.map((city) => Math.max(1, Math.round((size * city.weight) / weightSum)));
  const poolSize = counts.reduce((a, b) => a + b, 0);
  let drafted = 0;
  function* draftMembers(): Generator<MemberDraft> {
    const taken = new Set<string>();
    for (const [cityIndex, city] of cities.entries()) {
      for (let i = 0; i < (counts[cityIndex] ?? 0); i++) {
        const type = random.weighted(POOL_TYPES);
        const createdAt = new Date(registeredBefore.getTime() - random.int(1, 700) * DAY_MS);
        const person = makePerson(
          random,
          city,
          type,
          (idNumber) => taken.has(idNumber) || isTaken(idNumber),
          createdAt,
        );
        taken.add(person.idNumber);
        const bucket = buckets[cityIndex]?.get(poolKey(type)) ?? [];
        bucket.push(drafted++);
        buckets[cityIndex]?.set(poolKey(type), bucket);
        yield {
          ...person,
          regionCode: city.code,
          createdBy: city.caseworkerId ?? fallbackCreatorId,
          createdAt,
        };
      }
    }
  }

  return {
    size: poolSize,
    members: draftMembers(),
    pick(random, draft) {
      if (drafted < poolSize) throw new Error("pick before all pool members were drafted");
      const bucketsOfCity = buckets[draft.cityIndex] as Map<string, number[]>;
      const preferred = bucketsOfCity.get(poolKey(random.weighted(draft.memberTypes)));
      if (preferred && preferred.length > 0) return random.pick(preferred);
      for (const [type] of draft.memberTypes) {
        const bucket = bucketsOfCity.get(poolKey(type));
        if (bucket && bucket.length > 0) return random.pick(bucket);
      }
      return random.pick([...bucketsOfCity.values()].flat());
    },
  };
}
