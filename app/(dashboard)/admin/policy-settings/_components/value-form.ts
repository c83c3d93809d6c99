import dayjs, { type Dayjs } from "dayjs";
import type { PolicySetting } from "@/db/constants";
import { fenToYuanString, parseYuanToFen } from "@/server/rules/money";
import { POLICY_VALUE_SCHEMAS, type PolicyValue } from "@/server/rules/policy-settings";

// A setting's value as the form holds it, and back. Sums are typed in 元 as text and stored as
// 分: a field the value calls `…Fen` is called `…Yuan` in the form, so an error the schema or the
// server reports on `value.items.0.monthlyFen` lands on the form's `value.items.0.monthlyYuan`.
// Blank optional sums and notes mean "not set" (null).

export type ValueForm = {
  reform_start: { known: "date" | "unknown"; date?: Dayjs | null };
  insurance_year_start: { month?: 1 | 4 | 7 };
  crediting_mode: { mode?: "monthly" | "pre_allocation" };
  contribution_base: { floorYuan?: string; ceilingYuan?: string; accountPercent?: number | null };
  retiree_allocation: {
    kind?: "fixed" | "pension_share" | "local";
    monthlyYuan?: string;
    percent?: number | null;
  };
  employee_tiers: { tiers?: { name?: string; personalAccount?: boolean }[] };
  accountless_categories: { categories?: ("active" | "retired" | "flexible")[] };
  monthly_deductions: { items?: { name?: string; monthlyYuan?: string }[] };
  overdraft: { allowed?: boolean; limitYuan?: string };
  family_aid: {
    minimumBalanceYuan?: string;
    carriedOverOnly?: boolean;
    counterOnly?: boolean;
    note?: string;
  };
  member_hotline: { text?: string };
  issuer: { name?: string; sealLine?: string };
  notice_footer: { text?: string };
  office_hours: { periods?: { from?: string; to?: string }[] };
  work_order_limits: {
    signForHours?: number | null;
    consultDays?: number | null;
    helpDays?: number | null;
    complaintDays?: number | null;
    suggestionDays?: number | null;
    urgentSameDay?: boolean;
    warnDays?: number | null;
    warnHours?: number | null;
  };
};

export type FieldPath = (string | number)[];
export type ValueIssue = { path: FieldPath; message: string };
export type ValueResult<K extends PolicySetting> =
  | { ok: true; value: PolicyValue<K> }
  | { ok: false; issues: ValueIssue[] };

// The fields each setting's form has, under `value`; an error on any other path belongs to the
// form as a whole.
const FORM_FIELDS: { [K in PolicySetting]: readonly (keyof ValueForm[K])[] } = {
  reform_start: ["known", "date"],
  insurance_year_start: ["month"],
  crediting_mode: ["mode"],
  contribution_base: ["floorYuan", "ceilingYuan", "accountPercent"],
  retiree_allocation: ["kind", "monthlyYuan", "percent"],
  employee_tiers: ["tiers"],
  accountless_categories: ["categories"],
  monthly_deductions: ["items"],
  overdraft: ["allowed", "limitYuan"],
  family_aid: ["minimumBalanceYuan", "carriedOverOnly", "counterOnly", "note"],
  member_hotline: ["text"],
  issuer: ["name", "sealLine"],
  notice_footer: ["text"],
  office_hours: ["periods"],
  work_order_limits: [
    "signForHours",
    "consultDays",
    "helpDays",
    "complaintDays",
    "suggestionDays",
    "urgentSameDay",
    "warnDays",
    "warnHours",
  ],
};

const yuan = (fen: number | null | undefined) => (fen == null ? undefined : fenToYuanString(fen));

// The value in force as the form's starting point, so a new version changes only what differs.
export function toValueForm<K extends PolicySetting>(
  setting: K,
  value: PolicyValue<K>,
): ValueForm[K] {
  const v = value as PolicyValue<PolicySetting>;
  const form = (() => {
    switch (setting) {
      case "reform_start": {
        const { date } = v as PolicyValue<"reform_start">;
        return { known: date ? "date" : "unknown", date: date ? dayjs(date) : null };
      }
      case "contribution_base": {
        const base = v as PolicyValue<"contribution_base">;
        return {
          floorYuan: yuan(base.floorFen),
          ceilingYuan: yuan(base.ceilingFen),
          accountPercent: base.accountPercent,
        };
      }
      case "retiree_allocation": {
        const allocation = v as PolicyValue<"retiree_allocation">;
        return {
          kind: allocation.kind,
          monthlyYuan: allocation.kind === "fixed" ? yuan(allocation.monthlyFen) : undefined,
          percent: allocation.kind === "pension_share" ? allocation.percent : null,
        };
      }
      case "monthly_deductions":
        return {
          items: (v as PolicyValue<"monthly_deductions">).items.map((item) => ({
            name: item.name,
            monthlyYuan: yuan(item.monthlyFen),
          })),
        };
      case "overdraft": {
        const overdraft = v as PolicyValue<"overdraft">;
        return { allowed: overdraft.allowed, limitYuan: yuan(overdraft.limitFen) };
      }
      case "family_aid": {
        const aid = v as PolicyValue<"family_aid">;
        return {
          minimumBalanceYuan: yuan(aid.minimumBalanceFen),
          carriedOverOnly: aid.carriedOverOnly,
          counterOnly: aid.counterOnly,
          note: aid.note ?? undefined,
        };
      }
      default:
        // The other shapes hold no money or dates: the form edits them as they are.
        return structuredClone(v);
    }
  })();
  return form as ValueForm[K];
}

class MoneyIssue extends Error {
  constructor(
    readonly path: FieldPath,
    message: string,
  ) {
    super(message);
  }
}

// 分 from a sum typed in 元: blank is null when the field may be left open, and undefined
// otherwise so the schema names what is missing.
function fen(raw: string | undefined, path: FieldPath, nullable: boolean) {
  if (!raw?.trim()) return nullable ? null : undefined;
  const parsed = parseYuanToFen(raw);
  if (!parsed.ok) throw new MoneyIssue(path, parsed.message);
  return parsed.fen;
}

const blankToNull = (text: string | undefined) => (text?.trim() ? text : null);

function candidate(setting: PolicySetting, form: ValueForm[PolicySetting]): unknown {
  switch (setting) {
    case "reform_start": {
      const f = form as ValueForm["reform_start"];
      return { date: f.known === "unknown" ? null : (f.date?.format("YYYY-MM-DD") ?? undefined) };
    }
    case "contribution_base": {
      const f = form as ValueForm["contribution_base"];
      return {
        floorFen: fen(f.floorYuan, ["floorYuan"], false),
        ceilingFen: fen(f.ceilingYuan, ["ceilingYuan"], false),
        accountPercent: f.accountPercent ?? undefined,
      };
    }
    case "retiree_allocation": {
      const f = form as ValueForm["retiree_allocation"];
      if (f.kind === "fixed") {
        return { kind: f.kind, monthlyFen: fen(f.monthlyYuan, ["monthlyYuan"], false) };
      }
      if (f.kind === "pension_share") return { kind: f.kind, percent: f.percent ?? undefined };
      return { kind: f.kind };
    }
    case "employee_tiers": {
      const f = form as ValueForm["employee_tiers"];
      return {
        tiers: (f.tiers ?? []).map((tier) => ({
          name: tier.name ?? "",
          personalAccount: tier.personalAccount ?? false,
        })),
      };
    }
    case "accountless_categories":
      return { categories: (form as ValueForm["accountless_categories"]).categories ?? [] };
    case "monthly_deductions": {
      const f = form as ValueForm["monthly_deductions"];
      return {
        items: (f.items ?? []).map((item, index) => ({
          name: item.name ?? "",
          monthlyFen: fen(item.monthlyYuan, ["items", index, "monthlyYuan"], false),
        })),
      };
    }
    case "overdraft": {
      const f = form as ValueForm["overdraft"];
      const allowed = f.allowed ?? false;
      return { allowed, limitFen: allowed ? fen(f.limitYuan, ["limitYuan"], true) : null };
    }
    case "family_aid": {
      const f = form as ValueForm["family_aid"];
      return {
        minimumBalanceFen: fen(f.minimumBalanceYuan, ["minimumBalanceYuan"], true),
        carriedOverOnly: f.carriedOverOnly ?? false,
        counterOnly: f.counterOnly ?? false,
        note: blankToNull(f.note),
      };
    }
    case "office_hours":
      return {
        periods: ((form as ValueForm["office_hours"]).periods ?? []).map((period) => ({
          from: period.from?.trim() ?? "",
          to: period.to?.trim() ?? "",
        })),
      };
    case "work_order_limits": {
      const f = form as ValueForm["work_order_limits"];
      return { ...f, urgentSameDay: f.urgentSameDay ?? false };
    }
    default:
      return form;
  }
}

// The value the form describes, checked with the schema the server applies; the issues name
// form fields.
export function fromValueForm<K extends PolicySetting>(
  setting: K,
  form: ValueForm[K],
): ValueResult<K> {
  let raw: unknown;
  try {
    raw = candidate(setting, form);
  } catch (error) {
    if (error instanceof MoneyIssue) {
      return { ok: false, issues: [{ path: error.path, message: error.message }] };
    }
    throw error;
  }
  const parsed = POLICY_VALUE_SCHEMAS[setting].safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data as PolicyValue<K> };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: toFormPath(issue.path.filter((key) => typeof key !== "symbol")),
      message: issue.message,
    })),
  };
}

// A path inside the stored value (from the schema, or the server's `value.a.0.b` split on dots)
// as the path of the form field under `value`.
export function toFormPath(path: readonly (string | number)[]): FieldPath {
  return path.map((key) => {
    if (typeof key === "number") return key;
    if (/^\d+$/.test(key)) return Number(key);
    return key.endsWith("Fen") ? `${key.slice(0, -3)}Yuan` : key;
  });
}

// Whether the form of this setting has a field at this path (under `value`).
export function isValueField(setting: PolicySetting, path: FieldPath): boolean {
  const head = path[0];
  return typeof head === "string" && (FORM_FIELDS[setting] as readonly string[]).includes(head);
}
