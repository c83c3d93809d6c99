import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { insuranceLabel } from "@/db/constants";
import { maskIdNumber, maskPhone, type PiiCodec } from "@/db/pii";
import { members, regions, users } from "@/db/schema";
import { badRequest, DomainError, notFound } from "../errors";
import { shanghaiDay } from "../rules/calendar-day";
import { normaliseIdNumber, validateIdNumber } from "../rules/id-number";
import { tierIssue } from "../rules/policy-settings";
import {
  interpretQuery,
  MANAGER_NAME_ONLY_MESSAGE,
  type MemberMatch,
} from "../schemas/member-query";
import {
  CROSS_REGION_ID_NUMBER_MESSAGE,
  type CreateMemberData,
  DUPLICATE_ID_NUMBER_MESSAGE,
} from "../schemas/members";
import { type AuditContext, recordAudit } from "./audit";
import { loadPolicy } from "./policy-settings";
import { requestRegionReview } from "./region-reviews";
import { inScope, isWithinScope } from "./region-scope";
import { assertHandlingRegion, findRegion } from "./regions";
import { escapeLike } from "./sql";
import type { Actor } from "./users";

// A lookup is for finding one person, not for browsing: a term that matches more than this
// should be narrowed, and the page says so.
export const SEARCH_LIMIT = 20;

// Only masked values ever leave the domain; hashes and ciphertext stay in the database.
export const listedColumns = {
  id: members.id,
  name: members.name,
  idNumberMasked: members.idNumberMasked,
  phoneMasked: members.phoneMasked,
  insurance: {
    scheme: members.insuranceScheme,
    category: members.personCategory,
    tier: members.tier,
  },
  regionCode: members.regionCode,
  regionName: regions.name,
  employerName: members.employerName,
};

export function matchCondition(pii: PiiCodec, match: MemberMatch, term: string): SQL | null {
  switch (match) {
    case "id_number":
      return eq(members.idNumberHash, pii.hash(term));
    case "phone":
      // The last-four index narrows the rows; the keyed hash confirms the full number.
      return and(
        eq(members.phoneLast4, term.slice(-4)),
        eq(members.phoneHash, pii.hash(term)),
      ) as SQL;
    case "phone_last4":
      return eq(members.phoneLast4, term);
    case "name":
      // The GIN-indexed bigrams narrow the rows and ILIKE confirms the substring; a single
      // character has no bigram, so it matches the start of the name (the family name).
      return [...term].length >= 2
        ? sql`${members.searchTokens} @> bd_search_tokens(${term}) and ${members.name} ilike ${`%${escapeLike(term)}%`}`
        : sql`${members.name} like ${`${escapeLike(term)}%`}`;
    case "unrecognised":
      return null;
  }
}

// The search behind the lookup box and the member picker: names and the last four digits of a
// phone, listing masked rows of the caller's region scope. Full numbers are refused by its input
// schema and go through the audited exact lookup (./member-lookup.ts). Managers read figures,
// not identities, so they find members by name only.
export async function searchMembers(
  db: Database,
  pii: PiiCodec,
  actor: Actor,
  input: { query: string },
) {
  const { match, term } = interpretQuery(input.query);
  if (actor.role === "manager" && match !== "name") {
    throw new DomainError("FORBIDDEN", MANAGER_NAME_ONLY_MESSAGE);
  }
  const condition = matchCondition(pii, match, term);
  if (!condition) return { matchedBy: match, items: [], truncated: false };

  const rows = await db
    .select(listedColumns)
    .from(members)
    .innerJoin(regions, eq(regions.code, members.regionCode))
    .where(and(condition, inScope(members.regionCode, actor.regionScope)))
    .orderBy(
      ...(match === "name" ? [desc(sql`${members.name} = ${term}`), asc(members.name)] : []),
      desc(members.id),
    )
    .limit(SEARCH_LIMIT + 1);
  return {
    matchedBy: match,
    items: rows.slice(0, SEARCH_LIMIT),
    truncated: rows.length > SEARCH_LIMIT,
  };
}

export type MemberSearchResult = Awaited<ReturnType<typeof searchMembers>>;

const parentRegion = alias(regions, "parent_region");

// A member outside the actor's region scope does not exist for them: NOT_FOUND, as for
// enquiries, so ids cannot be probed across regions.
export async function getMember(db: Database, actor: Actor, id: number) {
  const [row] = await db
    .select({
      ...listedColumns,
      parentRegionName: parentRegion.name,
      createdAt: members.createdAt,
      createdByName: users.displayName,
    })
    .from(members)
    .innerJoin(regions, eq(regions.code, members.regionCode))
    .leftJoin(parentRegion, eq(parentRegion.code, regions.parentCode))
    .leftJoin(users, eq(users.id, members.createdBy))
    .where(and(eq(members.id, id), inScope(members.regionCode, actor.regionScope)));
  if (!row) throw notFound("参保人");
  return row;
}

export type MemberDetail = Awaited<ReturnType<typeof getMember>>;

// The ID number is checked in full here because its first six digits must be a known region,
// which only the database can say. Clear values are encrypted, hashed and masked before the
// insert and never written anywhere else, the audit trail included.
export async function createMember(
  db: Database,
  pii: PiiCodec,
  actor: Actor,
  input: CreateMemberData,
  now: Date,
  audit: Omit<AuditContext, "actorId"> = {},
): Promise<{ id: number; name: string; idNumberMasked: string }> {
  const registered = await db.transaction(async (tx) => {
    const prefix = normaliseIdNumber(input.idNumber).slice(0, 6);
    const knownPrefix = /^\d{6}$/.test(prefix) && (await findRegion(tx, prefix)) ? prefix : null;
    const check = validateIdNumber(input.idNumber, (code) => code === knownPrefix);
    if (!check.ok) throw badRequest(check.message, "idNumber");
    const idNumber = check.value;
    const idNumberHash = pii.hash(idNumber);

    const region = await assertHandlingRegion(tx, input.regionCode, actor.regionScope);
    // The shared check speaks of the enquiry's handling region; here it is where the member is
    // insured.
    if (!region.ok) throw badRequest(region.message.replace("受理地区", "参保地区"), "regionCode");

    const [existing] = await tx
      .select({ id: members.id, regionCode: members.regionCode })
      .from(members)
      .where(eq(members.idNumberHash, idNumberHash));
    // Insured elsewhere: the caseworker learns neither where nor who, and an administrator
    // decides whether the member moves here (参保地变更).
    if (existing && !isWithinScope(existing.regionCode, actor.regionScope)) {
      await requestRegionReview(
        tx,
        actor,
        { memberId: existing.id, requestedRegionCode: input.regionCode },
        audit,
      );
      return null;
    }
    if (existing) throw badRequest(DUPLICATE_ID_NUMBER_MESSAGE, "idNumber");
    // 档次 are the region's own (its 地区政策参数), so one typed elsewhere is refused here.
    if (input.insuranceScheme === "employee") {
      const policy = await loadPolicy(tx, input.regionCode, shanghaiDay(now));
      const issue = tierIssue(policy.employee_tiers.value, input.tier ?? null);
      if (issue) throw badRequest(issue, "tier");
    }

    const phone = input.phone ?? null;
    const idNumberMasked = maskIdNumber(idNumber);
    const phoneMasked = phone ? maskPhone(phone) : null;
    const [created] = await tx
      .insert(members)
      .values({
        name: input.name,
        idNumberHash,
        idNumberEncrypted: pii.encrypt(idNumber),
        idNumberMasked,
        phoneHash: phone ? pii.hash(phone) : null,
        phoneEncrypted: phone ? pii.encrypt(phone) : null,
        phoneMasked,
        phoneLast4: phone ? phone.slice(-4) : null,
        insuranceScheme: input.insuranceScheme,
        personCategory: input.personCategory ?? null,
        tier: input.tier ?? null,
        regionCode: input.regionCode,
        employerName: input.employerName ?? null,
        createdBy: actor.id,
      })
      // A concurrent registration of the same person loses here rather than with a 500.
      .onConflictDoNothing({ target: members.idNumberHash })
      .returning({ id: members.id });
    if (!created) throw badRequest(DUPLICATE_ID_NUMBER_MESSAGE, "idNumber");

    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "member.create",
        entity: "member",
        entityId: created.id,
        after: {
          name: input.name,
          idNumber: idNumberMasked,
          phone: phoneMasked,
          insurance: insuranceLabel({
            scheme: input.insuranceScheme,
            category: input.personCategory ?? null,
            tier: input.tier,
          }),
          region: region.region.name,
          employerName: input.employerName ?? null,
        },
      },
    );
    return { id: created.id, name: input.name, idNumberMasked };
  });
  // Thrown after the commit, so the review item and its audit row are kept.
  if (!registered) throw new DomainError("CONFLICT", CROSS_REGION_ID_NUMBER_MESSAGE);
  return registered;
}
