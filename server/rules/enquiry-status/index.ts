// The enquiry's course: the table (table.ts), its checks (checks.ts) and the README's rendering
// of it (readme-table.ts).
export * from "./checks";
export { courseMarkdown } from "./readme-table";
export * from "./table";
