import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import type { PiiCodec } from "@/db/pii";
import { members } from "@/db/schema";
import { DomainError, notFound } from "../errors";
import { type AuditContext, recordAudit } from "./audit";
import { countLastHourForActor } from "./hourly-limit";
import { inScope } from "./region-scope";
import type { Actor } from "./users";

// A counter or hotline caseworker checks a few identities an hour; a run of reveals far past
// that looks like harvesting, so it is stopped and the audit trail shows the attempts.
export const REVEALS_PER_HOUR = 20;

// The full ID number of one member in the actor's region scope, for a stated reason. The audit
// row holds the reason and the masked number: the trail records who looked, never the number.
export async function revealIdNumber(
  db: Database,
  pii: PiiCodec,
  actor: Actor,
  input: { id: number; reason: string },
  audit: Omit<AuditContext, "actorId"> = {},
  now = new Date(),
): Promise<{ idNumber: string; idNumberMasked: string }> {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({
        id: members.id,
        idNumberEncrypted: members.idNumberEncrypted,
        idNumberMasked: members.idNumberMasked,
      })
      .from(members)
      .where(and(eq(members.id, input.id), inScope(members.regionCode, actor.regionScope)));
    if (!member) throw notFound("参保人");

    const recent = await countLastHourForActor(tx, actor.id, "member.reveal_id", now);
    if (recent >= REVEALS_PER_HOUR) {
      throw new DomainError(
        "TOO_MANY_REQUESTS",
        `一小时内最多查看 ${REVEALS_PER_HOUR} 次完整证件号，请稍后再试`,
      );
    }

    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "member.reveal_id",
        entity: "member",
        entityId: member.id,
        after: { reason: input.reason, idNumber: member.idNumberMasked },
      },
    );
    return {
      idNumber: pii.decrypt(member.idNumberEncrypted),
      idNumberMasked: member.idNumberMasked,
    };
  });
}
