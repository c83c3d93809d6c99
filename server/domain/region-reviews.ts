import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Executor } from "@/db";
import { REGION_REVIEW_RESOLUTION_LABELS, type RegionReviewStatus } from "@/db/constants";
import { memberRegionReviews, members, regions, users } from "@/db/schema";
import { conflict, notFound } from "../errors";
import type { ResolveRegionReviewInput } from "../schemas/region-reviews";
import { type AuditContext, recordAudit } from "./audit";
import { inScope } from "./region-scope";
import type { Actor } from "./users";

// Review items for registrations refused because the ID number is insured in a region outside
// the caseworker's scope (see createMember). Only administrators list and close them; the
// caseworker who tried is told nothing about where the member is insured.

const REVIEW_ENTITY = "member_region_review";

async function regionName(db: Executor, code: string): Promise<string> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return row?.name ?? code;
}

// Written in the registration's transaction. A repeated attempt for the same member and region
// joins the open item; every attempt is audited.
export async function requestRegionReview(
  tx: Executor,
  actor: Actor,
  request: { memberId: number; requestedRegionCode: string },
  audit: Omit<AuditContext, "actorId">,
): Promise<number> {
  const [created] = await tx
    .insert(memberRegionReviews)
    .values({ ...request, requestedBy: actor.id })
    .onConflictDoNothing()
    .returning({ id: memberRegionReviews.id });
  const [open] = created
    ? [created]
    : await tx
        .select({ id: memberRegionReviews.id })
        .from(memberRegionReviews)
        .where(
          and(
            eq(memberRegionReviews.memberId, request.memberId),
            eq(memberRegionReviews.requestedRegionCode, request.requestedRegionCode),
            eq(memberRegionReviews.status, "open"),
          ),
        );
  if (!open) throw new Error("open region review vanished within its transaction");
  const [member] = await tx
    .select({ idNumberMasked: members.idNumberMasked })
    .from(members)
    .where(eq(members.id, request.memberId));
  await recordAudit(
    tx,
    { ...audit, actorId: actor.id },
    {
      action: "member.region_review",
      entity: REVIEW_ENTITY,
      entityId: open.id,
      after: {
        idNumber: member?.idNumberMasked ?? null,
        requestedRegion: await regionName(tx, request.requestedRegionCode),
      },
    },
  );
  return open.id;
}

const memberRegion = alias(regions, "member_region");
const requestedRegion = alias(regions, "requested_region");
const requester = alias(users, "requester");
const closer = alias(users, "closer");

// Masked data only, like every other list.
export async function listRegionReviews(
  db: Database,
  actor: Actor,
  input: { status: RegionReviewStatus },
) {
  return db
    .select({
      id: memberRegionReviews.id,
      memberId: members.id,
      memberName: members.name,
      idNumberMasked: members.idNumberMasked,
      memberRegionName: memberRegion.name,
      requestedRegionCode: memberRegionReviews.requestedRegionCode,
      requestedRegionName: requestedRegion.name,
      requestedByName: requester.displayName,
      requestedByLogin: requester.login,
      requestedAt: memberRegionReviews.requestedAt,
      status: memberRegionReviews.status,
      resolution: memberRegionReviews.resolution,
      resolutionNote: memberRegionReviews.resolutionNote,
      closedByName: closer.displayName,
      closedAt: memberRegionReviews.closedAt,
    })
    .from(memberRegionReviews)
    .innerJoin(members, eq(members.id, memberRegionReviews.memberId))
    .innerJoin(memberRegion, eq(memberRegion.code, members.regionCode))
    .innerJoin(requestedRegion, eq(requestedRegion.code, memberRegionReviews.requestedRegionCode))
    .innerJoin(requester, eq(requester.id, memberRegionReviews.requestedBy))
    .leftJoin(closer, eq(closer.id, memberRegionReviews.closedBy))
    .where(
      and(
        eq(memberRegionReviews.status, input.status),
        inScope(members.regionCode, actor.regionScope),
      ),
    )
    .orderBy(desc(memberRegionReviews.requestedAt), desc(memberRegionReviews.id))
    .limit(200);
}

export type RegionReviewRow = Awaited<ReturnType<typeof listRegionReviews>>[number];

// Closes an open review. `moved` is the 参保地变更: the member's region becomes the requested
// one, audited on the member; their enquiries keep the region that handled them.
export async function resolveRegionReview(
  db: Database,
  actor: Actor,
  input: ResolveRegionReviewInput,
  audit: Omit<AuditContext, "actorId"> = {},
  now = new Date(),
): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const [review] = await tx
      .select({
        id: memberRegionReviews.id,
        status: memberRegionReviews.status,
        memberId: memberRegionReviews.memberId,
        requestedRegionCode: memberRegionReviews.requestedRegionCode,
        memberRegionCode: members.regionCode,
        idNumberMasked: members.idNumberMasked,
      })
      .from(memberRegionReviews)
      .innerJoin(members, eq(members.id, memberRegionReviews.memberId))
      .where(
        and(eq(memberRegionReviews.id, input.id), inScope(members.regionCode, actor.regionScope)),
      )
      .for("update");
    if (!review) throw notFound("核查事项");
    if (review.status !== "open") throw conflict("该核查事项已处理，请刷新后查看");

    const requested = await regionName(tx, review.requestedRegionCode);
    if (input.resolution === "moved") {
      const before = await regionName(tx, review.memberRegionCode);
      await tx
        .update(members)
        .set({ regionCode: review.requestedRegionCode })
        .where(eq(members.id, review.memberId));
      await recordAudit(
        tx,
        { ...audit, actorId: actor.id },
        {
          action: "member.region_change",
          entity: "member",
          entityId: review.memberId,
          before: { region: before },
          after: { region: requested, note: input.note },
        },
      );
    }
    await tx
      .update(memberRegionReviews)
      .set({
        status: "closed",
        resolution: input.resolution,
        resolutionNote: input.note,
        closedBy: actor.id,
        closedAt: now,
      })
      .where(eq(memberRegionReviews.id, review.id));
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "member.region_review_close",
        entity: REVIEW_ENTITY,
        entityId: review.id,
        before: { status: "待处理" },
        after: {
          idNumber: review.idNumberMasked,
          requestedRegion: requested,
          resolution: REGION_REVIEW_RESOLUTION_LABELS[input.resolution],
          note: input.note,
        },
      },
    );
    return { id: review.id };
  });
}
