import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAUSE_CODES, type MemberInsurance, type Symptom } from "@/db/constants";
import type { SeedSummary } from "@/server/cli/seed/demo";
import type { TestDatabase } from "@/server/testing/database";
import { seedTwoDemos } from "@/server/testing/demo";
import { createSignedInUser } from "@/server/testing/factories";
import { assessCauses } from "../../rules/cause-assessment";
import type { CueKey } from "../../rules/description/cues";
import type { TriageFacts } from "../../rules/triage";
import { callerWith } from "../../testing/callers";
import { policyByDay } from "./triage-record";

// The demo's triage data: facts for the enquiries of the last six months, suggestions from the
// real rules, `accepted` as filing sets it.

// The six months the triage panel has been live in the demo, Beijing time.
const LIVE_FROM = "2025-10";
let first: TestDatabase;
let second: TestDatabase;
let summary: SeedSummary;

beforeAll(async () => {
  ({ first, second, summary } = await seedTwoDemos("demo seed with triage", {}));
});
afterAll(() => Promise.all([first?.drop(), second?.drop()]));

type Stored = {
  id: number;
  month: string;
  regionCode: string;
  symptom: string;
  balance: number | null;
  description: string;
  // Null for a work order whose caller is still to be identified.
  memberInsurance: MemberInsurance | null;
  primaryCause: string;
  primarySub: string | null;
  facts: Record<string, unknown> | null;
  insurance: MemberInsurance | null;
  triageDay: string | null;
  suggestions: { rank: number; cause: string; sub: string | null; accepted: boolean }[] | null;
};

// Each enquiry with its facts and suggestions, in id order.
function stored(database: TestDatabase) {
  return database.client<Stored[]>`
    select e.id::int, to_char(e.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
      e.region_code as "regionCode",
      e.symptom::text, e.description, e.reported_balance_fen::int as balance,
      case when m.id is not null then
        json_build_object('scheme', m.insurance_scheme, 'category', m.person_category)
      end as "memberInsurance",
      p.cause::text as "primaryCause", p.sub_reason::text as "primarySub",
      f.facts,
      case when f.insurance_scheme is not null then
        json_build_object('scheme', f.insurance_scheme, 'category', f.person_category)
      end as insurance,
      f.triage_day::text as "triageDay",
      (select json_agg(json_build_object('rank', s.rank, 'cause', s.cause, 'sub', s.sub_reason,
          'score', s.score, 'reason', s.reason, 'accepted', s.accepted) order by s.rank)
        from enquiry_suggestions s where s.enquiry_id = e.id) as suggestions
    from enquiries e
    left join members m on m.id = e.member_id
    join enquiry_causes p on p.enquiry_id = e.id and p.is_primary
    left join enquiry_triage_facts f on f.enquiry_id = e.id
    order by e.id`;
}

const recentOf = (rows: Stored[]) => rows.filter((row) => row.month >= LIVE_FROM);

describe("demo triage data", () => {
  it("gives facts to every enquiry filed since the panel went live and to no older one", async () => {
    const rows = await stored(first);
    const recent = recentOf(rows);
    expect(summary.triaged).toBe(recent.length);
    expect(recent.length).toBeGreaterThan(400);
    for (const row of recent) {
      expect(row.facts).not.toBeNull();
      // Recorded as filed, from the member the enquiry was drafted for.
      if (row.memberInsurance) expect(row.insurance).toEqual(row.memberInsurance);
    }
    expect(rows.filter((row) => row.month < LIVE_FROM).every((row) => row.facts === null)).toBe(
      true,
    );
    const withSuggestions = recent.filter((row) => row.suggestions?.length);
    expect(withSuggestions.length / recent.length).toBeGreaterThan(0.85);
  });

  it("stores the facts each scenario gives and what the rules make of them", async () => {
    const recent = recentOf(await stored(first));
    const resignations = recent.filter(
      (r) => r.primaryCause === "resignation" && r.facts?.leaveDate,
    );
    expect(resignations.length).toBeGreaterThan(20);
    for (const row of resignations) {
      expect(row.facts?.leftEmployer).toBe(true);
      expect(String(row.facts?.leaveDate) < String(row.triageDay)).toBe(true);
    }
    const bank = recent.filter(
      (r) => r.primarySub === "wrong_query_channel" && r.facts?.queryMethod,
    );
    expect(bank.length).toBeGreaterThan(0);
    for (const row of bank) {
      expect(row.facts?.queryMethod).toBe("bank");
      expect(row.suggestions?.[0]).toMatchObject({ cause: "other", sub: "wrong_query_channel" });
    }
    const residents = recent.filter(
      (r) => r.memberInsurance?.scheme === "resident" && r.symptom === "zero",
    );
    expect(residents.length).toBeGreaterThan(0);
    for (const row of residents) {
      expect(row.suggestions?.[0]).toMatchObject({ cause: "other", sub: "no_personal_account" });
    }
    // Stored as the assessment ranks them today for the same description and facts and the
    // region's settings of the day, with no rows made up by hand.
    const policyOf = await policyByDay(
      first.db,
      recent.map((row) => row.regionCode),
    );
    for (const row of recent) {
      const { removedCues, ...facts } = (row.facts ?? {}) as TriageFacts & {
        removedCues?: CueKey[];
      };
      const { suggestions: expected } = assessCauses({
        description: row.description,
        removedCues,
        symptom: row.symptom as Symptom,
        insurance: row.insurance,
        balanceFen: row.balance,
        facts,
        today: row.triageDay as string,
        policy: policyOf(row.regionCode, row.triageDay as string),
      });
      expect((row.suggestions ?? []).map((s) => [s.cause, s.sub])).toEqual(
        expected.map((s) => [s.cause, s.subReason]),
      );
    }
  });

  it("marks suggestions accepted exactly where the enquiry carries their cause", async () => {
    const [mismatch] = await first.client<{ n: number }[]>`
      select count(*)::int as n from enquiry_suggestions s
      where s.accepted <> exists (select 1 from enquiry_causes c
        where c.enquiry_id = s.enquiry_id and c.cause = s.cause
          and c.sub_reason is not distinct from s.sub_reason)`;
    expect(mismatch?.n).toBe(0);
    const recent = recentOf(await stored(first));
    const topAccepted = recent.filter((r) => r.suggestions?.[0]?.accepted).length;
    expect(topAccepted / recent.length).toBeGreaterThan(0.5);
    expect(topAccepted / recent.length).toBeLessThan(0.95);
  });

  it("writes the same facts and suggestions for the same `now`", async () => {
    const [a, b] = await Promise.all([stored(first), stored(second)]);
    expect(b).toEqual(a);
  });

  it("answers managers with an acceptance rate per cause that is neither empty nor perfect", async () => {
    const manager = await createSignedInUser(first.db, { role: "manager" });
    const caller = callerWith(first.db, manager.session);
    const rows = await caller.analytics.triageAcceptance({ from: LIVE_FROM, to: summary.toMonth });
    expect(rows.map((row) => row.cause)).toEqual([...CAUSE_CODES]);
    for (const row of rows) {
      expect(row.suggested).toBeGreaterThan(0);
      expect(row.rate).not.toBeNull();
      expect(row.rate).toBeGreaterThan(0);
      expect(row.rate).toBeLessThanOrEqual(1);
    }
    expect(rows.some((row) => (row.rate ?? 1) < 1)).toBe(true);
    expect(rows.filter((row) => row.rate === 1).length).toBeLessThan(rows.length);
    // Before the panel went live there is nothing to count.
    const before = await caller.analytics.triageAcceptance({ from: "2024-04", to: "2025-09" });
    expect(before.every((row) => row.suggested === 0 && row.rate === null)).toBe(true);
  });
});
