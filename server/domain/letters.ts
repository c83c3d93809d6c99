import { createHash } from "node:crypto";
import { and, desc, eq, max, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { insuranceLabel, LETTER_STAGE_LABELS, type LetterStage } from "@/db/constants";
import { enquiries, enquiryLetters, regions, users } from "@/db/schema";
import { badRequest, notFound } from "../errors";
import { shanghaiDay } from "../rules/calendar-day";
import { isClosed } from "../rules/enquiry-status";
import { type LetterContent, renderLetter } from "../rules/letter";
import { policySettingIds } from "../rules/policy-settings";
import type { IssueLetterInput } from "../schemas/letters";
import { type AuditContext, recordAudit } from "./audit";
import { getEnquiryDetail } from "./enquiries/detail";
import { loadPolicy } from "./policy-settings";
import { enquiryReadable, loadEnquiryInScope } from "./scoped-rows";
import type { Actor } from "./users";

// Letters to the member (告知书) are issued, not printed from live data: the text is rendered
// once from the enquiry and the region's settings on the day, stored with the setting versions
// it used and a number, and every later print shows that stored text. Issuing again stores a
// new version only when the text would differ from the latest one.

const cityOf = (regionCode: string) => `${regionCode.slice(0, 4)}00`;

async function cityName(db: Executor, regionCode: string) {
  const [row] = await db
    .select({ name: regions.name })
    .from(regions)
    .where(eq(regions.code, cityOf(regionCode)));
  return row?.name ?? "";
}

// The letter as it would be issued now, with the caseworker's rewording of step sentences.
async function renderFor(
  db: Executor,
  actor: Actor,
  enquiryId: number,
  now: Date,
  stepTexts: Record<number, string> = {},
) {
  const detail = await getEnquiryDetail(db, actor, enquiryId, now);
  // A letter speaks for the region handling the enquiry, never for one that handed it on.
  if (detail.readOnly) throw notFound("咨询工单");
  const member = detail.member;
  if (!member) throw badRequest("该工单尚未关联参保人，请先关联参保人再出具告知书");
  const day = shanghaiDay(now);
  const [policy, city] = await Promise.all([
    loadPolicy(db, detail.enquiry.regionCode, day),
    cityName(db, detail.enquiry.regionCode),
  ]);
  const rendered = renderLetter({
    enquiry: {
      openedOn: shanghaiDay(detail.enquiry.openedAt),
      symptom: detail.enquiry.symptom,
      reportedBalanceFen: detail.enquiry.reportedBalanceFen,
      disputedAmountFen: detail.enquiry.disputedAmountFen,
      closed: isClosed(detail.enquiry.status),
    },
    member: {
      name: member.name,
      idNumberMasked: member.idNumberMasked,
      insuranceLabel: insuranceLabel(member.insurance),
      retired: member.insurance.category === "retired",
    },
    causes: detail.causes,
    steps: detail.steps.map((step) => ({
      id: step.id,
      kind: step.kind,
      doneOn: shanghaiDay(step.doneAt),
      dueOn: step.dueAt ? shanghaiDay(step.dueAt) : null,
      facts: step.facts,
    })),
    stepTexts,
    policy,
    cityName: city,
    // Signed by the caseworker handling the enquiry; one not yet assigned, by whoever issues it.
    caseworkerName: detail.assigneeName ?? actor.displayName,
  });
  const stage: LetterStage = rendered.content.draft ? "checking" : "confirmed";
  return { detail, policy, rendered, stage, day };
}

const hashOf = (content: LetterContent) =>
  createHash("sha256").update(JSON.stringify(content)).digest("hex");

async function latestLetter(db: Executor, enquiryId: number) {
  const [row] = await db
    .select({
      id: enquiryLetters.id,
      version: enquiryLetters.version,
      contentHash: enquiryLetters.contentHash,
    })
    .from(enquiryLetters)
    .where(eq(enquiryLetters.enquiryId, enquiryId))
    .orderBy(desc(enquiryLetters.version))
    .limit(1);
  return row ?? null;
}

export async function previewLetter(
  db: Database,
  actor: Actor,
  input: { id: number; stepTexts?: Record<number, string> },
  now: Date,
) {
  const { rendered, stage, day } = await renderFor(db, actor, input.id, now, input.stepTexts);
  const latest = await latestLetter(db, input.id);
  return {
    ...rendered,
    stage,
    stageLabel: LETTER_STAGE_LABELS[stage],
    issuedOn: day,
    latest: latest && { id: latest.id, version: latest.version },
    // False when issuing now would give back the latest letter unchanged.
    changed: !latest || latest.contentHash !== hashOf(rendered.content),
  };
}

export async function issueLetter(
  db: Database,
  actor: Actor,
  input: IssueLetterInput,
  audit: Omit<AuditContext, "actorId">,
  now: Date,
): Promise<{ id: number; created: boolean }> {
  return db.transaction(async (tx) => {
    // The row lock orders two issues of the same enquiry, so versions do not collide.
    const enquiry = await loadEnquiryInScope(tx, actor, input.id, { lock: true });
    const { rendered, stage, policy, day } = await renderFor(
      tx,
      actor,
      input.id,
      now,
      input.stepTexts,
    );
    const contentHash = hashOf(rendered.content);
    const latest = await latestLetter(tx, input.id);
    if (latest && latest.contentHash === contentHash) return { id: latest.id, created: false };

    const numberingRegion = cityOf(enquiry.regionCode);
    const numberYear = Number(day.slice(0, 4));
    // Numbers run per city and year; the lock makes two issues in one city wait for each other.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`letters:${numberingRegion}:${numberYear}`}))`,
    );
    const [last] = await tx
      .select({ serial: max(enquiryLetters.serial) })
      .from(enquiryLetters)
      .where(
        and(
          eq(enquiryLetters.numberingRegion, numberingRegion),
          eq(enquiryLetters.numberYear, numberYear),
        ),
      );
    const serial = (last?.serial ?? 0) + 1;
    const version = (latest?.version ?? 0) + 1;
    const [created] = await tx
      .insert(enquiryLetters)
      .values({
        enquiryId: input.id,
        version,
        numberingRegion,
        numberYear,
        serial,
        stage,
        content: rendered.content,
        contentHash,
        settingIds: policySettingIds(policy),
        issuedBy: actor.id,
        issuedAt: now,
      })
      .returning({ id: enquiryLetters.id });
    if (!created) throw new Error("letter insert returned nothing");
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "letter.issue",
        entity: "enquiry",
        entityId: input.id,
        after: {
          number: letterNumber(numberYear, serial),
          version: `第${version}版`,
          stage: LETTER_STAGE_LABELS[stage],
          issuer: rendered.content.issuer,
        },
      },
    );
    return { id: created.id, created: true };
  });
}

export const letterNumber = (year: number, serial: number) => `${year}年第${serial}号`;

const letterColumns = {
  id: enquiryLetters.id,
  enquiryId: enquiryLetters.enquiryId,
  version: enquiryLetters.version,
  numberYear: enquiryLetters.numberYear,
  serial: enquiryLetters.serial,
  stage: enquiryLetters.stage,
  issuedAt: enquiryLetters.issuedAt,
  issuedByName: users.displayName,
};

const withLabels = <T extends { numberYear: number; serial: number; stage: LetterStage }>(
  row: T,
) => ({
  ...row,
  number: letterNumber(row.numberYear, row.serial),
  stageLabel: LETTER_STAGE_LABELS[row.stage],
});

// The letters issued for an enquiry, newest first.
export async function listLetters(db: Database, actor: Actor, enquiryId: number) {
  // Read scope: a region that handed the order on by 转办 still sees the letters it issued.
  await loadEnquiryInScope(db, actor, enquiryId, { read: true });
  const rows = await db
    .select(letterColumns)
    .from(enquiryLetters)
    .innerJoin(users, eq(users.id, enquiryLetters.issuedBy))
    .where(eq(enquiryLetters.enquiryId, enquiryId))
    .orderBy(desc(enquiryLetters.version));
  return rows.map(withLabels);
}

// One issued letter as stored, for printing. Its enquiry's reach decides who may see it: its
// region, and a region that handed the order on by 转办.
export async function getLetter(db: Database, actor: Actor, id: number) {
  const [row] = await db
    .select({ ...letterColumns, content: enquiryLetters.content })
    .from(enquiryLetters)
    .innerJoin(enquiries, eq(enquiries.id, enquiryLetters.enquiryId))
    .innerJoin(users, eq(users.id, enquiryLetters.issuedBy))
    .where(and(eq(enquiryLetters.id, id), enquiryReadable(actor.regionScope)));
  if (!row) throw notFound("告知书");
  return {
    ...withLabels(row),
    issuedOn: shanghaiDay(row.issuedAt),
    content: row.content as LetterContent,
  };
}
