// The shape both writers share: a file is one or more sheets (a CSV writes them one after
// another, an XLSX as worksheets), each a header row and rows streamed from anywhere.

// "amount" holds 元 as decimal text ("-356.20"): exact in CSV, a number formatted 0.00 in XLSX.
export type ColumnKind = "text" | "integer" | "amount";

export type Column = { header: string; kind: ColumnKind; width?: number };

export type Cell = string | number | null;

export type Sheet = {
  name: string;
  columns: readonly Column[];
  rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>;
};

export const text = (header: string, width?: number): Column => ({ header, kind: "text", width });
