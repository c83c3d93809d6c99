import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPiiCodec } from "@/db/pii";
import { enquiries, enquiryCauses } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createMember, createUser } from "@/server/testing/factories";
import type { Actor } from "../domain/users";
import { actorOf } from "../testing/actors";
import { type ExportContext, handleExport } from "./export";
import { createExportSlots } from "./export-slots";

// GB/T 2260: 四川省 and its 乐山市, 成都市; 西安市 in 陕西省.
const SICHUAN = "510000";
const LESHAN = "511100";
const CHENGDU = "510100";
const XIAN = "610100";
const WINTER = "from=2025-12&to=2026-02";
const BULK = 1_200;

const pii = createPiiCodec(process.env.PII_KEY as string);
let testDb: TestDatabase;
let context: ExportContext;
let admin: Actor;
let sichuanManager: Actor;
let caseworker: Actor;
const fullValues: string[] = [];

// Each call with slots of its own: the tests that read only the headers leave a download open.
const get = (actor: Actor | null, file: string, query = WINTER) =>
  handleExport({ ...context, slots: createExportSlots() }, actor, file, new URLSearchParams(query));

const decode = (bytes: ArrayBuffer) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(bytes));

async function lastAudit(actor: Actor) {
  const [row] = await testDb.client<{ action: string; entity: string; after: unknown }[]>`
    select action, entity, after from audit_events where actor_id = ${actor.id}
    order by id desc limit 1`;
  return row;
}

async function workbookOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  context = {
    db: testDb.db,
    sql: testDb.client,
    requestId: "req-export",
    now: new Date("2026-03-16T10:00:00+08:00"),
  };
  admin = actorOf(await createUser(testDb.db, { role: "admin", regionScope: null }));
  sichuanManager = actorOf(await createUser(testDb.db, { role: "manager", regionScope: SICHUAN }));
  caseworker = actorOf(await createUser(testDb.db, { role: "caseworker", regionScope: LESHAN }));

  const filings: [string, string, "resignation" | "system_delay"][] = [
    [LESHAN, "2026-01-05T03:00:00Z", "resignation"],
    [LESHAN, "2025-12-20T03:00:00Z", "system_delay"],
    [XIAN, "2026-02-10T03:00:00Z", "resignation"],
  ];
  for (const [regionCode, openedAt, cause] of filings) {
    const member = await createMember(testDb.db, pii, { regionCode, name: "=1+1" });
    fullValues.push(member.idNumber, member.phone ?? "");
    const [row] = await testDb.db
      .insert(enquiries)
      .values({
        memberId: member.id,
        regionCode,
        channel: "hotline_12393",
        symptom: "negative",
        reportedBalanceFen: -35_620,
        description: "不导出",
        createdBy: caseworker.id,
        openedAt: new Date(openedAt),
        dueAt: new Date(Date.parse(openedAt) + 86_400_000),
      })
      .returning({ id: enquiries.id });
    if (!row) throw new Error("no enquiry");
    await testDb.db.insert(enquiryCauses).values({ enquiryId: row.id, cause, isPrimary: true });
  }

  // More than one cursor batch, in a month of their own.
  const bulkMember = await createMember(testDb.db, pii, { regionCode: CHENGDU });
  fullValues.push(bulkMember.idNumber, bulkMember.phone ?? "");
  await testDb.client`
    insert into enquiries (member_id, region_code, channel, symptom, description, created_by,
      opened_at, due_at)
    select ${bulkMember.id}, ${CHENGDU}, 'online', 'zero', '批量', ${caseworker.id},
      timestamptz '2025-06-10 08:00+08' + g * interval '1 minute', timestamptz '2025-06-30 08:00+08'
    from generate_series(1, ${BULK}) g`;
});
afterAll(() => testDb.drop());

describe("access", () => {
  it("answers 401 without a session and 403 to a caseworker, as JSON", async () => {
    const signedOut = await get(null, "enquiries.csv");
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: "请先登录" });
    expect(signedOut.headers.get("cache-control")).toBe("no-store");

    const forbidden = await get(caseworker, "aggregate.xlsx");
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: "当前账号无权导出" });
  });

  it("answers 404 for a file it does not make", async () => {
    expect((await get(admin, "members.csv")).status).toBe(404);
  });

  it("answers 403 until an initial password is changed, as tRPC does", async () => {
    const response = await get({ ...admin, mustChangePassword: true }, "aggregate.csv");
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "请先修改初始密码" });
  });

  it("runs one export per user at a time and answers 429 to the next", async () => {
    const slots = createExportSlots();
    const start = (actor: Actor, file: string) =>
      handleExport({ ...context, slots }, actor, file, new URLSearchParams(WINTER));
    const running = await start(admin, "enquiries.csv");
    expect(running.status).toBe(200);
    const refused = await start(admin, "aggregate.csv");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: "已有导出正在进行，请稍后再试" });
    // Another user may export meanwhile; the first user again once the download is read.
    const other = await start(sichuanManager, "aggregate.csv");
    expect(other.status).toBe(200);
    await other.arrayBuffer();
    await running.arrayBuffer();
    const again = await start(admin, "aggregate.csv");
    expect(again.status).toBe(200);
    await again.arrayBuffer();
  });
});

describe("enquiries.csv", () => {
  it("streams every matching enquiry with download headers and audits the count", async () => {
    const response = await get(admin, "enquiries.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="enquiry-details_2025-12_2026-02.csv"; filename*=UTF-8''${encodeURIComponent("咨询工单明细_2025-12至2026-02.csv")}`,
    );
    const bytes = await response.arrayBuffer();
    expect([...new Uint8Array(bytes).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = decode(bytes).split("\r\n");
    expect(lines).toHaveLength(3 + 2);
    expect(lines.slice(1, 4).every((line) => line.includes(",'=1+1,"))).toBe(true);

    const audit = await lastAudit(admin);
    expect(audit).toEqual({
      action: "analytics.export",
      entity: "analytics",
      after: {
        file: "enquiries.csv",
        filter: { from: "2025-12", to: "2026-02" },
        rows: 3,
        completed: true,
      },
    });
  });

  it("keeps a province manager's file inside the province", async () => {
    const text = decode(await (await get(sichuanManager, "enquiries.csv")).arrayBuffer());
    expect(text).toContain("乐山市");
    expect(text).not.toContain("西安市");
    expect(text.split("\r\n")).toHaveLength(2 + 2);
    expect((await lastAudit(sichuanManager))?.after).toMatchObject({ rows: 2 });
  });

  it("falls back to the default period for invalid parameters", async () => {
    const response = await get(admin, "enquiries.csv", "from=2026-13&to=x&cause=nonsense");
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent("咨询工单明细_2025-04至2026-03.csv"),
    );
    await response.arrayBuffer();
    expect((await lastAudit(admin))?.after).toMatchObject({
      filter: { from: "2025-04", to: "2026-03" },
    });
  });

  it("reads past one cursor batch, and a cancelled download closes the cursor", async () => {
    const june = "from=2025-06&to=2025-06";
    const full = decode(await (await get(admin, "enquiries.csv", june)).arrayBuffer());
    expect(full.split("\r\n")).toHaveLength(BULK + 2);

    const response = await get(admin, "enquiries.csv", june);
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    await reader.read();
    await reader.cancel();
    const audit = await lastAudit(admin);
    expect(audit?.after).toMatchObject({ file: "enquiries.csv", completed: false });
    expect((audit?.after as { rows: number } | undefined)?.rows).toBeLessThan(BULK);
    const [busy] = await testDb.client<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and query like '%left join lateral%' and state <> 'idle'`;
    expect(busy?.n).toBe(0);
  });
});

describe("enquiries.xlsx", () => {
  it("streams a workbook with a bold, frozen header and no full personal data", async () => {
    const response = await get(admin, "enquiries.xlsx", "from=2025-01&to=2026-12");
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent("咨询工单明细_2025-01至2026-12.xlsx"),
    );
    const sheet = (await workbookOf(response)).getWorksheet("咨询工单");
    expect(sheet?.rowCount).toBe(3 + BULK + 1);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const cells: string[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    const all = cells.join("\n");
    for (const value of fullValues.filter(Boolean)) expect(all).not.toContain(value);
    expect((await lastAudit(admin))?.after).toMatchObject({ rows: 3 + BULK, completed: true });
  });
});

describe("aggregate", () => {
  const CAUSE_HEADERS = "离职减员,系统延迟,政策改革,家庭共济,其他,合计";

  it("aggregate.csv: regions, a blank line, then months", async () => {
    const response = await get(admin, "aggregate.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("咨询统计汇总_2025-12至2026-02.csv")}`,
    );
    const bytes = await response.arrayBuffer();
    expect([...new Uint8Array(bytes).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [regions, months] = decode(bytes).slice(1).split("\r\n\r\n") as [string, string];
    expect(regions.split("\r\n")[0]).toBe(`地区,${CAUSE_HEADERS}`);
    expect(regions).toContain("四川省,1,1,0,0,0,2");
    expect(regions).toContain("陕西省,1,0,0,0,0,1");
    expect(months.split("\r\n")[0]).toBe(`月份,${CAUSE_HEADERS}`);
    expect(months).toContain("2025-12,0,1,0,0,0,1");
    expect(months).toContain("2026-01,1,0,0,0,0,1");
    expect(months).toContain("2026-02,1,0,0,0,0,1");
    expect(months.endsWith("\r\n")).toBe(true);
    expect((await lastAudit(admin))?.after).toMatchObject({ file: "aggregate.csv" });
  });

  it("answers 400 with the analytics message for a district, which the rollups do not hold", async () => {
    const response = await get(admin, "aggregate.csv", `${WINTER}&region=511102`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "统计分析只能按省或地市筛选地区" });
  });

  it("aggregate.xlsx: 按地区 and 按月份 with bold, frozen headers, scoped", async () => {
    const workbook = await workbookOf(await get(sichuanManager, "aggregate.xlsx"));
    const byRegion = workbook.getWorksheet("按地区");
    const byMonth = workbook.getWorksheet("按月份");
    expect(byRegion?.getRow(1).values).toEqual([undefined, "地区", ...CAUSE_HEADERS.split(",")]);
    expect(byMonth?.getRow(1).values).toEqual([undefined, "月份", ...CAUSE_HEADERS.split(",")]);
    for (const sheet of [byRegion, byMonth]) {
      expect(sheet?.getRow(1).font?.bold).toBe(true);
      expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    const names: unknown[] = [];
    byRegion?.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(1).value);
    });
    expect(names).not.toContain("陕西省");
    expect(names).not.toContain("西安市");
  });
});
