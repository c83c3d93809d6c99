// COPY's text format for the bulk loader: one tab-separated line per row, in chunks of a few
// hundred kilobytes (one stream write per line would be slow).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
import type { PiiCodec } from "@/db/pii";
import type { EnquiryDraft } from "./enquiries";
import type { MemberDraft } from "./members";
import { protectPerson } from "./people";

type CopyValue = string | number | boolean | Date | null;

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

// Null is \N; backslash, tab and line breaks in text are escaped.
function copyLine(values: readonly CopyValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    if (i > 0) line += "\t";
    if (value === null) line += "\\N";
    else if (value instanceof Date) line += value.toISOString();
    else if (typeof value === "boolean") line += value ? "t" : "f";
    else if (typeof value === "number") line += String(value);
    else line += value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c);
  }
  return `${line}\n`;
}

export function* chunked(lines: Iterable<string>, size = 256 * 1024): Generator<string> {
  let chunk = "";
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= size) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

// Streams ready-made chunks of COPY lines into a table.
export async function copyInto(
  tx: postgres.TransactionSql,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string>,
) {
  const writable = await tx.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  await pipeline(Readable.from(chunks), writable);
}

export const MEMBER_COLUMNS = [
  "id",
  "name",
  "id_number_hash",
  "id_number_encrypted",
  "id_number_masked",
  "phone_hash",
  "phone_encrypted",
  "phone_masked",
  "phone_last4",
  "insurance_scheme",
  "person_category",
  "tier",
  "region_code",
  "employer_name",
  "created_by",
  "created_at",
] as const;

export function* memberLines(codec: PiiCodec, members: Iterable<MemberDraft>, firstId: number) {
  let id = firstId;
  for (const m of members) {
    const p = protectPerson(codec, m);
    yield copyLine([
      id++,
      m.name,
      p.idNumberHash,
      p.idNumberEncrypted,
      p.idNumberMasked,
      p.phoneHash,
      p.phoneEncrypted,
      p.phoneMasked,
      p.phoneLast4,
      m.insurance.scheme,
      m.insurance.category,
      m.tier,
      m.regionCode,
      m.employerName,
      m.createdBy,
      m.createdAt,
    ]);
  }
}

export const ENQUIRY_COLUMNS = [
  "id",
  "member_id",
  "region_code",
  "channel",
  "symptom",
  "reported_balance_fen",
  "disputed_amount_fen",
  "description",
  "status",
  "priority",
  "assignee_id",
  "created_by",
  "opened_at",
  "due_at",
  "recheck_due_on",
  "resolved_at",
  "resolution_summary",
  "follow_up_method",
  "follow_up_result",
  "satisfaction",
  "followed_up_at",
  "updated_at",
] as const;

export function* enquiryLines(drafts: EnquiryDraft[], ids: number[], memberIds: number[]) {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i] as EnquiryDraft;
    yield copyLine([
      ids[i] ?? null,
      memberIds[i] ?? null,
      d.regionCode,
      d.channel,
      d.symptom,
      d.reportedBalanceFen,
      d.disputedAmountFen,
      d.description,
      d.status,
      d.priority,
      d.assigneeId,
      d.createdBy,
      d.openedAt,
      d.dueAt,
      d.recheckDueOn,
      d.resolvedAt,
      d.resolutionSummary,
      d.followUpMethod,
      d.followUpResult,
      d.satisfaction,
      d.followedUpAt,
      d.updatedAt,
    ]);
  }
}

export const CAUSE_COLUMNS = ["enquiry_id", "cause", "sub_reason", "is_primary"] as const;

export function* causeLines(drafts: EnquiryDraft[], ids: number[]) {
  for (let i = 0; i < drafts.length; i++) {
    for (const tag of (drafts[i] as EnquiryDraft).causes) {
      yield copyLine([ids[i] ?? null, tag.cause, tag.subReason, tag.isPrimary]);
    }
  }
}

export const STEP_COLUMNS = ["enquiry_id", "kind", "note", "done_by", "done_at", "due_at"] as const;

export function* stepLines(drafts: EnquiryDraft[], ids: number[]) {
  for (let i = 0; i < drafts.length; i++) {
    for (const step of (drafts[i] as EnquiryDraft).steps) {
      yield copyLine([ids[i] ?? null, step.kind, step.note, step.doneBy, step.doneAt, step.dueAt]);
    }
  }
}
