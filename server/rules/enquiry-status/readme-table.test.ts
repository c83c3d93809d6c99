import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { courseMarkdown } from "./readme-table";

// Cells compared without the padding the formatter adds to line the columns up.
const cells = (table: string) =>
  table
    .trim()
    .split("\n")
    .map((line) =>
      line
        .split("|")
        .map((cell) => cell.trim().replace(/^:?-+:?$/, "---"))
        .join("|"),
    );

// The README's table of the course is the code's, so reading it never misleads.
it("the README shows the course table as the code has it", () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../../README.md"), "utf8");
  const start = readme.indexOf("<!-- course-table:start -->\n");
  const end = readme.indexOf("\n<!-- course-table:end -->");
  expect(start).toBeGreaterThan(0);
  const copy = readme.slice(start + "<!-- course-table:start -->\n".length, end);
  // On failure, paste courseMarkdown() between the markers in README.md and run `npm run format`.
  expect(cells(copy)).toEqual(cells(courseMarkdown()));
});
