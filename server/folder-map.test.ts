import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README's folder map is how a newcomer learns the layout, so it must name every folder
// under server/ and db/, and nothing that is gone.
const ROOT = path.resolve(import.meta.dirname, "..");

function foldersUnder(top: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    found.push(`${relative}/`);
    for (const entry of readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${relative}/${entry.name}`);
    }
  };
  walk(top);
  return found;
}

function mappedFolders(): string[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Folders"));
  const block = section.slice(
    section.indexOf("```") + 3,
    section.indexOf("```", section.indexOf("```") + 3),
  );
  return block
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[0] ?? "")
    .filter((entry) => /^(server|db)\//.test(entry));
}

describe("README folder map", () => {
  it("lists every folder under server/ and db/, and no folder that is gone", () => {
    const actual = [...foldersUnder("server"), ...foldersUnder("db")].sort();
    expect(mappedFolders().sort()).toEqual(actual);
  });
});
