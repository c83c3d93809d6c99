import type { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { streamFromReadable } from "./byte-stream";
import type { Cell, Column, Sheet } from "./sheet";

const DEFAULT_WIDTH = 14;

function xlsxValue(column: Column, value: Cell): ExcelJS.CellValue {
  if (value === null) return null;
  // Amounts go in as numbers (sortable, summable); the column format keeps the two decimals.
  if (column.kind === "amount") return Number(value);
  return value;
}

type Buffered = EventEmitter & { _writableState?: { needDrain?: boolean } };

// exceljs hands each worksheet's XML to the zip through a PassThrough and ignores its
// backpressure: rows are made faster than they are deflated, and without a check the whole
// sheet piles up there (about 0.7 MB per 1,000 rows). This reaches that PassThrough through
// exceljs internals (pinned at 4.4.0; xlsx-stream.test.ts fails if they move).
export function zipEntryInput(worksheet: ExcelJS.Worksheet): Buffered | undefined {
  const stream = (worksheet as unknown as { stream?: { pipes?: Buffered[] } }).stream;
  return stream?.pipes?.[0];
}

const needsDrain = (stream: Buffered | undefined) => Boolean(stream?._writableState?.needDrain);

// Resolves when `stream` drains, or when the download ends (then nothing will drain again).
function drained(stream: EventEmitter, output: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      output.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    output.on("close", done);
  });
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  output: PassThrough,
  sheet: Sheet,
): Promise<boolean> {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((column) => ({
    header: column.header,
    width: column.width ?? DEFAULT_WIDTH,
    style: column.kind === "amount" ? { numFmt: "0.00" } : {},
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for await (const values of sheet.rows) {
    worksheet
      .addRow(values.map((value, i) => xlsxValue(sheet.columns[i] as Column, value)))
      .commit();
    // The download was cancelled: leaving the loop returns the rows, which closes the cursor.
    if (output.destroyed) return false;
    const entry = zipEntryInput(worksheet);
    if (needsDrain(entry)) await drained(entry as Buffered, output);
    // A slow download fills the output in turn and holds the zip, which holds the entry.
    if (output.writableNeedDrain) await drained(output, output);
    if (output.destroyed) return false;
  }
  worksheet.commit();
  return true;
}

// Text goes in as typed string cells, which Excel shows as written and never evaluates, so
// XLSX needs no apostrophe against formula injection (CSV does: see csv.ts).
export function xlsxStream(sheets: readonly Sheet[]): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const write = async () => {
    for (const sheet of sheets) {
      if (!(await writeSheet(workbook, output, sheet))) return;
    }
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error as Error));
  return streamFromReadable(output);
}
