import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cause, Channel, SubReason, Symptom } from "@/db/constants";
import { createPiiCodec } from "@/db/pii";
import { enquiries, enquiryCauses } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createMember, createUser } from "@/server/testing/factories";
import type { AnalyticsFilter } from "../../schemas/analytics";
import { actorOf } from "../../testing/actors";
import type { Actor } from "../users";
import { BOM, csvRow } from "./csv";
import { csvChunks } from "./csv-stream";
import { ENQUIRY_EXPORT_COLUMNS, enquiryCells, exportEnquiryRows } from "./enquiries";
import { xlsxStream } from "./xlsx-stream";

// GB/T 2260: 四川省, 乐山市, 成都市; 西安市 in 陕西省.
const SICHUAN = "510000";
const LESHAN = "511100";
const CHENGDU = "510100";
const XIAN = "610100";

const pii = createPiiCodec(process.env.PII_KEY as string);
let testDb: TestDatabase;
let admin: Actor;
let sichuanManager: Actor;
let creatorId: number;
const fullIdNumbers: string[] = [];
const fullPhones: string[] = [];

type Tag = { cause: Cause; subReason?: SubReason; isPrimary?: boolean };

async function fileEnquiry(
  memberId: number,
  values: {
    openedAt: string;
    regionCode: string;
    symptom?: Symptom;
    channel?: Channel;
    reportedBalanceFen?: number | null;
    causes?: Tag[];
  },
) {
  const openedAt = new Date(values.openedAt);
  const [row] = await testDb.db
    .insert(enquiries)
    .values({
      memberId,
      regionCode: values.regionCode,
      channel: values.channel ?? "counter",
      symptom: values.symptom ?? "negative",
      reportedBalanceFen: values.reportedBalanceFen ?? null,
      description: '=HYPERLINK("http://evil") 不导出',
      createdBy: creatorId,
      openedAt,
      dueAt: new Date(openedAt.getTime() + 3 * 86_400_000),
    })
    .returning({ id: enquiries.id });
  if (!row) throw new Error("enquiry insert returned nothing");
  for (const tag of values.causes ?? []) {
    await testDb.db.insert(enquiryCauses).values({
      enquiryId: row.id,
      cause: tag.cause,
      subReason: tag.subReason ?? null,
      isPrimary: tag.isPrimary ?? false,
    });
  }
  return row.id;
}

async function member(
  regionCode: string,
  name?: string,
  extra: Pick<Parameters<typeof createMember>[2] & object, "insurance" | "tier"> = {},
) {
  const created = await createMember(testDb.db, pii, { regionCode, name, ...extra });
  fullIdNumbers.push(created.idNumber);
  if (created.phone) fullPhones.push(created.phone);
  return created.id;
}

async function collect(filter: AnalyticsFilter, actor = admin) {
  const rows = [];
  for await (const row of exportEnquiryRows(testDb.client, actor, filter)) rows.push(row);
  return rows;
}

// The same filter written independently of the export's query: months by their Beijing label.
async function directCount(filter: AnalyticsFilter, scopePrefix: string | null) {
  const sql = testDb.client;
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from enquiries e
    where to_char(e.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') between ${filter.from} and ${filter.to}
      and (${scopePrefix}::text is null or e.region_code like ${`${scopePrefix ?? ""}%`})
      and (${filter.symptoms ?? null}::text[] is null or e.symptom::text = any(${filter.symptoms ?? null}::text[]))
      and (${filter.causes ?? null}::text[] is null or e.id in (
        select enquiry_id from enquiry_causes where cause::text = any(${filter.causes ?? null}::text[])))`;
  return row?.n ?? 0;
}

async function csvOf(filter: AnalyticsFilter, actor = admin): Promise<Uint8Array> {
  const sheet = {
    name: "咨询工单",
    columns: ENQUIRY_EXPORT_COLUMNS,
    rows: (async function* () {
      for await (const row of exportEnquiryRows(testDb.client, actor, filter)) {
        yield enquiryCells(row);
      }
    })(),
  };
  let text = "";
  for await (const chunk of csvChunks([sheet])) text += chunk;
  return new TextEncoder().encode(text);
}

async function xlsxOf(filter: AnalyticsFilter, actor = admin): Promise<ExcelJS.Workbook> {
  const sheet = {
    name: "咨询工单",
    columns: ENQUIRY_EXPORT_COLUMNS,
    rows: (async function* () {
      for await (const row of exportEnquiryRows(testDb.client, actor, filter)) {
        yield enquiryCells(row);
      }
    })(),
  };
  const bytes = await new Response(xlsxStream([sheet])).arrayBuffer();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook;
}

function allCellText(workbook: ExcelJS.Workbook): string {
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        parts.push(String(cell.value));
      });
    });
  });
  return parts.join("\n");
}

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
const WINTER: AnalyticsFilter = { from: "2025-12", to: "2026-02" };
let taggedId: number;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const creator = await createUser(testDb.db, { role: "caseworker", regionScope: LESHAN });
  creatorId = creator.id;
  admin = actorOf(await createUser(testDb.db, { role: "admin", regionScope: null }));
  sichuanManager = actorOf(await createUser(testDb.db, { role: "manager", regionScope: SICHUAN }));

  const leshan = await member(LESHAN, "陈建国", {
    insurance: { scheme: "employee", category: "retired" },
    tier: "二档",
  });
  const xian = await member(XIAN, "王秀英", { insurance: { scheme: "resident", category: null } });
  taggedId = await fileEnquiry(leshan, {
    // 2026-02-01 00:30 in Beijing: February, not January.
    openedAt: "2026-01-31T16:30:00Z",
    regionCode: LESHAN,
    reportedBalanceFen: -35_620,
    causes: [
      { cause: "resignation" },
      { cause: "other", subReason: "contribution_gap", isPrimary: true },
    ],
  });
  await fileEnquiry(leshan, {
    openedAt: "2025-12-15T02:00:00Z",
    regionCode: LESHAN,
    symptom: "sudden_drop",
    reportedBalanceFen: 123_456,
    causes: [{ cause: "family_aid", isPrimary: true }],
  });
  await fileEnquiry(xian, {
    openedAt: "2026-01-10T02:00:00Z",
    regionCode: XIAN,
    causes: [{ cause: "system_delay", isPrimary: true }],
  });
  await fileEnquiry(xian, { openedAt: "2026-02-20T02:00:00Z", regionCode: XIAN });
  // Outside the winter months: the day before and the day after, in Beijing time.
  await fileEnquiry(leshan, { openedAt: "2025-11-30T15:59:00Z", regionCode: LESHAN });
  await fileEnquiry(leshan, { openedAt: "2026-02-28T16:00:00Z", regionCode: LESHAN });
  for (const name of ["=1+1", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-2+3"]) {
    await fileEnquiry(await member(LESHAN, name), {
      openedAt: "2026-01-05T03:00:00Z",
      regionCode: LESHAN,
      causes: [{ cause: "policy_reform", subReason: "deduction", isPrimary: true }],
    });
  }
});
afterAll(() => testDb.drop());

describe("exportEnquiryRows", () => {
  it("writes one row per enquiry with labels, Beijing times, masked PII and 元 amounts", async () => {
    const rows = await collect(WINTER);
    const row = rows.find((r) => r.id === taggedId);
    expect(row).toEqual({
      id: taggedId,
      openedAt: "2026-02-01 00:30",
      regionName: "乐山市",
      channel: "窗口",
      symptom: "余额为负数",
      causes: "其他·断缴、离职减员",
      primaryCause: "其他",
      status: "待处理",
      priority: "普通",
      memberName: "陈建国",
      idNumberMasked: expect.stringMatching(/^511100\*{8}\d{3}[\dX]$/),
      phoneMasked: expect.stringMatching(/^139\*{4}\d{4}$/),
      insuranceScheme: "职工医保",
      personCategory: "退休",
      tier: "二档",
      reportedBalanceYuan: "-356.20",
      disputedAmountYuan: null,
      dueAt: "2026-02-04 00:30",
      resolvedAt: null,
      satisfaction: null,
    });
    expect(rows.map((r) => r.openedAt)).toEqual([...rows.map((r) => r.openedAt)].sort());
    const resident = rows.find((r) => r.memberName === "王秀英");
    expect(resident).toMatchObject({
      insuranceScheme: "城乡居民医保",
      personCategory: null,
      tier: null,
    });
  });

  it.each<[string, AnalyticsFilter]>([
    ["the whole period", WINTER],
    ["one month", { from: "2026-01", to: "2026-01" }],
    ["a cause (ANY of the tags)", { ...WINTER, causes: ["resignation", "system_delay"] }],
    ["the other cause, not primary-only", { ...WINTER, causes: ["other"] }],
    ["a symptom", { ...WINTER, symptoms: ["sudden_drop"] }],
    ["a wide period", { from: "2025-01", to: "2026-12" }],
  ])("matches a direct count for %s", async (_, filter) => {
    const rows = await collect(filter);
    expect(rows.length).toBe(await directCount(filter, null));
    expect(rows.length).toBeGreaterThan(0);
  });

  it("keeps a province manager inside the province", async () => {
    const rows = await collect(WINTER, sichuanManager);
    expect(rows.length).toBe(await directCount(WINTER, "51"));
    expect(rows.map((r) => r.regionName)).not.toContain("西安市");
    expect(await collect({ ...WINTER, regionCode: XIAN }, sichuanManager)).toEqual([]);
    const adminXian = await collect({ ...WINTER, regionCode: XIAN });
    expect(adminXian.map((r) => r.regionName)).toEqual(["西安市", "西安市"]);
  });

  it("narrows to the filter's region within the scope", async () => {
    const rows = await collect({ ...WINTER, regionCode: CHENGDU }, sichuanManager);
    expect(rows).toEqual([]);
    const leshan = await collect({ ...WINTER, regionCode: LESHAN }, sichuanManager);
    expect(leshan.length).toBe(await directCount(WINTER, "5111"));
  });
});

describe("the enquiry files", () => {
  it("CSV: BOM, CRLF, header, neutralised formulas, plain negative amounts", async () => {
    const bytes = await csvOf(WINTER);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(csvRow(ENQUIRY_EXPORT_COLUMNS.map((c) => c.header)).trimEnd());
    expect(lines[0]).toBe(
      "工单编号,受理时间,地区,渠道,反映问题,原因分类,主要原因,状态,优先级,参保人,身份证号,手机号,险种,人员类别,档次,反映余额（元）,涉及金额（元）,到期时间,办结时间,满意度",
    );
    expect(lines).toHaveLength((await directCount(WINTER, null)) + 2);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain(",'=1+1,");
    expect(text).toContain(",'+cmd|' /C calc'!A0,");
    expect(text).toContain(",'@SUM(A1:A9),");
    expect(text).toContain(",'-2+3,");
    expect(text).toContain(",-356.20,");
    expect(text).toContain(",1234.56,");
    expect(text).not.toContain("HYPERLINK");
    for (const cell of lines.flatMap((line) => line.split(","))) {
      expect(cell).not.toMatch(/^[=+@\t\r]/);
      if (cell.startsWith("-")) expect(cell).toMatch(/^-\d+(\.\d+)?$/);
    }
  });

  it("XLSX: bold frozen header, typed cells, formulas kept as plain text", async () => {
    const workbook = await xlsxOf(WINTER);
    const sheet = workbook.getWorksheet("咨询工单");
    if (!sheet) throw new Error("no worksheet");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe("工单编号");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe((await directCount(WINTER, null)) + 1);
    let formulas = 0;
    let negative: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
        if (cell.value === -356.2) negative = cell;
      });
    });
    expect(formulas).toBe(0);
    expect(negative?.numFmt).toBe("0.00");
    const names: unknown[] = [];
    sheet.eachRow((row) => {
      names.push(row.getCell(10).value);
    });
    expect(names).toEqual(expect.arrayContaining(["=1+1", "@SUM(A1:A9)", "-2+3"]));
  });

  it("never contains a full ID number or phone number", async () => {
    const everything: AnalyticsFilter = { from: "2025-01", to: "2026-12" };
    const csv = decode(await csvOf(everything));
    const xlsx = allCellText(await xlsxOf(everything));
    expect(fullIdNumbers.length).toBeGreaterThan(5);
    for (const output of [csv, xlsx]) {
      for (const id of fullIdNumbers) expect(output).not.toContain(id);
      for (const phone of fullPhones) expect(output).not.toContain(phone);
      expect(output).not.toMatch(/\d{17}[\dXx]/);
      expect(output).not.toMatch(/(?<!\d)1\d{10}(?!\d)/);
    }
  });
});
