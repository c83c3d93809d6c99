import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { text } from "./sheet";
import { xlsxStream, zipEntryInput } from "./xlsx-stream";

describe("xlsxStream", () => {
  it("still finds the zip entry's buffer inside exceljs, which its backpressure relies on", () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() });
    const worksheet = workbook.addWorksheet("a");
    worksheet.addRow(["x"]).commit();
    const entry = zipEntryInput(worksheet);
    expect(entry?._writableState).toBeDefined();
    expect(typeof entry?.once).toBe("function");
  });

  it("writes many rows through a slow reader and reads back every one", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`第${i}行`, i, "-356.20"]);
    const body = xlsxStream([
      {
        name: "表",
        columns: [
          text("文字"),
          { header: "数", kind: "integer" },
          { header: "额", kind: "amount" },
        ],
        rows,
      },
    ]);
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    for (let n = 0; ; n++) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      if (n % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
    const sheet = workbook.getWorksheet("表");
    expect(sheet?.rowCount).toBe(20_001);
    expect(sheet?.getRow(20_001).values).toEqual([undefined, "第19999行", 19_999, -356.2]);
  });
});
