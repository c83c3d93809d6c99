import { and, eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { maskIdNumber, maskPhone, type PiiCodec } from "@/db/pii";
import { members } from "@/db/schema";
import { normaliseIdNumber } from "../../rules/id-number";
import { inScope } from "../region-scope";
import type { Actor } from "../users";

export type Caller = { name: string; phone?: string | null; idNumber?: string | null };
export type CallerMatch = {
  memberId: number | null;
  matchedBy: "身份证号" | "手机号" | "姓名" | null;
};

// A hotline order names its caller, not always with an ID number. The member is the one record
// the caller's ID number, phone (inside the actor's scope) or name (inside the handling city)
// points to; two candidates are as good as none, so the order then waits as 待识别参保人 for a
// caseworker to call back and link the right one.
export async function matchCaller(
  db: Executor,
  pii: PiiCodec,
  actor: Actor,
  caller: Caller,
  regionCode: string,
): Promise<CallerMatch> {
  const idNumber = caller.idNumber ? normaliseIdNumber(caller.idNumber) : null;
  const tries: [CallerMatch["matchedBy"], SQL | null][] = [
    ["身份证号", idNumber ? eq(members.idNumberHash, pii.hash(idNumber)) : null],
    ["手机号", caller.phone ? eq(members.phoneHash, pii.hash(caller.phone)) : null],
    ["姓名", and(eq(members.name, caller.name), inScope(members.regionCode, regionCode)) as SQL],
  ];
  for (const [matchedBy, condition] of tries) {
    if (!condition) continue;
    const found = await db
      .select({ id: members.id })
      .from(members)
      .where(and(condition, inScope(members.regionCode, actor.regionScope)))
      .limit(2);
    if (found.length === 1) return { memberId: found[0]?.id ?? null, matchedBy };
  }
  return { memberId: null, matchedBy: null };
}

// The caller's details as a work order keeps them: encrypted for the audited reveal, hashed to
// match a member recorded later, masked to show.
export function callerColumns(pii: PiiCodec, caller: Caller | null | undefined) {
  if (!caller) return { callerName: null };
  const idNumber = caller.idNumber ? normaliseIdNumber(caller.idNumber) : null;
  return {
    callerName: caller.name,
    callerPhoneHash: caller.phone ? pii.hash(caller.phone) : null,
    callerPhoneEncrypted: caller.phone ? pii.encrypt(caller.phone) : null,
    callerPhoneMasked: caller.phone ? maskPhone(caller.phone) : null,
    callerIdNumberHash: idNumber ? pii.hash(idNumber) : null,
    callerIdNumberEncrypted: idNumber ? pii.encrypt(idNumber) : null,
    callerIdNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
  };
}
