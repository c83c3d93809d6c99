import type { ZodType } from "zod";
import { parseYuanToFen } from "@/server/rules/money";

// An antd form rule that checks a field with the schema the router uses, so the message next
// to the field is the one the server would give. Blank values are left to `required`.
// Returned as a plain rule object so it can also come out of a rule function reading other fields.
export function schemaRule(schema: ZodType): {
  validator: (rule: unknown, value: unknown) => Promise<void>;
} {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === "") return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? "格式不正确");
    },
  };
}

// A sum of money typed in 元, checked as the money rules will parse it on submit; blank values
// are left to `required`.
export function yuanRule(label: string, { allowNegative = true } = {}) {
  return {
    validator: async (_rule: unknown, raw?: string) => {
      if (!raw?.trim()) return;
      const parsed = parseYuanToFen(raw);
      if (!parsed.ok) throw new Error(`${label}：${parsed.message}`);
      if (!allowNegative && parsed.fen < 0) throw new Error(`${label}不能为负数`);
    },
  };
}
