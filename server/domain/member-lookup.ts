import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { maskIdNumber, maskPhone, type PiiCodec } from "@/db/pii";
import { auditEvents, members, regions } from "@/db/schema";
import { DomainError } from "../errors";
import {
  EXACT_LOOKUP_LIMIT_MESSAGE,
  type ExactMatch,
  interpretQuery,
  isExactMatch,
  NOT_EXACT_LOOKUP_MESSAGE,
} from "../schemas/member-query";
import { type AuditContext, recordAudit } from "./audit";
import { countLastHourForActor } from "./hourly-limit";
import { listedColumns, matchCondition, SEARCH_LIMIT } from "./members";
import { inScope } from "./region-scope";
import type { Actor } from "./users";

const LOOKUP_BY_LABELS: Record<ExactMatch, string> = { id_number: "身份证号", phone: "手机号" };

// The exact lookup by a full ID number or phone number. Every call leaves an audit row (who,
// when, the masked term, found or not), and a user whose lookups found nobody `limitPerHour`
// times within the last hour is refused until the hour has passed: with the masked form of a
// number on screen, unlimited exact lookups would recover the full number by trying the
// missing digits (a few thousand tries for an ID number, 10⁴ for a phone).
export async function lookupMember(
  db: Database,
  pii: PiiCodec,
  actor: Actor,
  input: { term: string },
  options: { limitPerHour: number; now?: Date },
  audit: Omit<AuditContext, "actorId"> = {},
) {
  const { match, term } = interpretQuery(input.term);
  if (!isExactMatch(match)) throw new DomainError("BAD_REQUEST", NOT_EXACT_LOOKUP_MESSAGE);
  const masked = {
    lookupBy: LOOKUP_BY_LABELS[match],
    term: match === "id_number" ? maskIdNumber(term) : maskPhone(term),
  };
  const now = options.now ?? new Date();

  const outcome = await db.transaction(async (tx) => {
    const failures = await countLastHourForActor(
      tx,
      actor.id,
      "member.lookup",
      now,
      sql`${auditEvents.after} ->> 'found' = 'false'`,
    );
    if (failures >= options.limitPerHour) {
      await recordAudit(
        tx,
        { ...audit, actorId: actor.id },
        { action: "member.lookup_blocked", entity: "member", after: masked },
      );
      return null;
    }
    const condition = matchCondition(pii, match, term);
    const rows = await tx
      .select(listedColumns)
      .from(members)
      .innerJoin(regions, eq(regions.code, members.regionCode))
      .where(and(condition ?? sql`false`, inScope(members.regionCode, actor.regionScope)))
      .orderBy(desc(members.id))
      .limit(SEARCH_LIMIT + 1);
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "member.lookup",
        entity: "member",
        entityId: rows.length === 1 ? rows[0]?.id : null,
        after: { ...masked, found: rows.length > 0 },
      },
    );
    return {
      matchedBy: match,
      items: rows.slice(0, SEARCH_LIMIT),
      truncated: rows.length > SEARCH_LIMIT,
    };
  });
  // Thrown after the commit, so the refusal stays in the audit trail.
  if (!outcome) throw new DomainError("TOO_MANY_REQUESTS", EXACT_LOOKUP_LIMIT_MESSAGE);
  return outcome;
}
