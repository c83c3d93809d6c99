import type postgres from "postgres";
import type { Database } from "@/db";
import { recordAudit } from "../domain/audit";
import { aggregateSheets } from "../domain/export/aggregate";
import { streamFromChunks } from "../domain/export/byte-stream";
import { csvChunks } from "../domain/export/csv-stream";
import {
  ENQUIRY_EXPORT_COLUMNS,
  enquiryCells,
  exportEnquiryRows,
} from "../domain/export/enquiries";
import type { Cell, Sheet } from "../domain/export/sheet";
import { xlsxStream } from "../domain/export/xlsx-stream";
import type { Actor } from "../domain/users";
import { DomainError } from "../errors";
import { logError } from "../log";
import type { AnalyticsFilter } from "../schemas/analytics";
import { parseAnalyticsParams } from "../schemas/analytics-params";
import { createExportSlots, type ExportSlots, releasingWhenDone } from "./export-slots";

// The body of GET /api/export/[file], free of Next so that tests call it directly. Streamed
// downloads do not fit tRPC, so this is the one data path outside it; it applies the same
// rules: signed in, manager or admin, rows limited to the caller's region scope.

export const EXPORT_FILES = [
  "aggregate.csv",
  "aggregate.xlsx",
  "enquiries.csv",
  "enquiries.xlsx",
] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export type ExportContext = {
  db: Database;
  // The raw postgres.js client: drizzle has no server-side cursor.
  sql: postgres.Sql;
  requestId?: string | null;
  now?: Date;
  // Running exports; one per process unless a test brings its own.
  slots?: ExportSlots;
};

const instanceSlots = createExportSlots();

// Until AUDIT_ACTIONS lists it (label 导出统计数据); the column is plain text.
const EXPORT_ACTION = "analytics.export";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

const TITLES = {
  aggregate: { zh: "咨询统计汇总", ascii: "enquiry-summary" },
  enquiries: { zh: "咨询工单明细", ascii: "enquiry-details" },
} as const;

const isExportFile = (file: string): file is ExportFile =>
  (EXPORT_FILES as readonly string[]).includes(file);

function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "cache-control": "no-store" } });
}

// RFC 5987/6266: the Chinese name percent-encoded as UTF-8, an ASCII name for old clients.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function exportFilename(file: ExportFile, filter: AnalyticsFilter) {
  const [kind, extension] = file.split(".") as [keyof typeof TITLES, "csv" | "xlsx"];
  const title = TITLES[kind];
  return {
    zh: `${title.zh}_${filter.from}至${filter.to}.${extension}`,
    ascii: `${title.ascii}_${filter.from}_${filter.to}.${extension}`,
  };
}

function download(
  file: ExportFile,
  filter: AnalyticsFilter,
  body: ReadableStream<Uint8Array>,
): Response {
  const name = exportFilename(file, filter);
  const extension = file.endsWith(".csv") ? "csv" : "xlsx";
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[extension],
      "content-disposition": `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeRfc5987(name.zh)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

function body(file: ExportFile, sheets: readonly Sheet[]): ReadableStream<Uint8Array> {
  return file.endsWith(".csv") ? streamFromChunks(csvChunks(sheets)) : xlsxStream(sheets);
}

function audit(context: ExportContext, actor: Actor, details: Record<string, unknown>) {
  return recordAudit(
    context.db,
    { actorId: actor.id, requestId: context.requestId },
    { action: EXPORT_ACTION, entity: "analytics", entityId: null, after: details },
  );
}

// The detail rows, counted as they go; the audit event is written when the stream ends (the
// row count is known only then), also when the download is cancelled or fails part-way.
async function* auditedEnquiryCells(
  context: ExportContext,
  actor: Actor,
  file: ExportFile,
  filter: AnalyticsFilter,
): AsyncGenerator<Cell[]> {
  let rows = 0;
  let completed = false;
  try {
    for await (const row of exportEnquiryRows(context.sql, actor, filter)) {
      rows += 1;
      yield enquiryCells(row);
    }
    completed = true;
  } catch (error) {
    // The headers are already sent, so the download just breaks off; the log says why.
    logError("export", { requestId: context.requestId ?? undefined, error });
    throw error;
  } finally {
    await audit(context, actor, { file, filter, rows, completed }).catch((error: unknown) =>
      logError("export", { requestId: context.requestId ?? undefined, error }),
    );
  }
}

export async function handleExport(
  context: ExportContext,
  actor: Actor | null,
  file: string,
  params: URLSearchParams,
): Promise<Response> {
  if (!actor) return jsonError(401, "请先登录");
  if (actor.role !== "manager" && actor.role !== "admin") {
    return jsonError(403, "当前账号无权导出");
  }
  // As every tRPC procedure but the password change (server/api/trpc.ts).
  if (actor.mustChangePassword) return jsonError(403, "请先修改初始密码");
  if (!isExportFile(file)) return jsonError(404, "没有这个导出文件");
  const filter = parseAnalyticsParams(params, context.now);

  const release = (context.slots ?? instanceSlots).acquire(actor.id);
  if (!release) return jsonError(429, "已有导出正在进行，请稍后再试");
  try {
    const response = await exportResponse(context, actor, file, filter);
    // A refusal is answered at once; a download holds the slot until its last byte.
    if (response.status !== 200 || !response.body) {
      release();
      return response;
    }
    return new Response(releasingWhenDone(response.body, release), response);
  } catch (error) {
    release();
    throw error;
  }
}

async function exportResponse(
  context: ExportContext,
  actor: Actor,
  file: ExportFile,
  filter: AnalyticsFilter,
): Promise<Response> {
  if (file.startsWith("aggregate.")) {
    const sheets = await aggregateSheets(context.db, actor, filter).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === "BAD_REQUEST") return error;
      throw error;
    });
    if (sheets instanceof DomainError) return jsonError(400, sheets.message);
    const rows = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
    await audit(context, actor, { file, filter, rows, completed: true });
    return download(file, filter, body(file, sheets));
  }
  const sheet: Sheet = {
    name: "咨询工单",
    columns: ENQUIRY_EXPORT_COLUMNS,
    rows: auditedEnquiryCells(context, actor, file, filter),
  };
  return download(file, filter, body(file, [sheet]));
}
