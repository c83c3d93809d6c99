import type { ZodType } from "zod";

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
