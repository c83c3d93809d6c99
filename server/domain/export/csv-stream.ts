import { BOM, CRLF, csvRow } from "./csv";
import type { Sheet } from "./sheet";

// Rows are joined into chunks of this many before they go to the socket: one chunk per row
// would spend more on stream bookkeeping than on the rows themselves.
const ROWS_PER_CHUNK = 500;

// The sheets one after another, each under its header row and separated by a blank line.
export async function* csvChunks(sheets: readonly Sheet[]): AsyncGenerator<string> {
  let chunk = BOM;
  for (const [index, sheet] of sheets.entries()) {
    if (index > 0) chunk += CRLF;
    chunk += csvRow(sheet.columns.map((column) => column.header));
    let pending = 0;
    for await (const row of sheet.rows) {
      chunk += csvRow(row);
      pending += 1;
      if (pending === ROWS_PER_CHUNK) {
        yield chunk;
        chunk = "";
        pending = 0;
      }
    }
  }
  if (chunk) yield chunk;
}
