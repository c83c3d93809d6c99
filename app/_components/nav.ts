import type { Role } from "@/db/constants";

// The navigation, by role. Only pages that exist are listed.
export type NavItem = { href: string; label: string; roles: readonly Role[] };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "工作台", roles: ["caseworker", "manager", "admin"] },
  { href: "/enquiries", label: "咨询工单", roles: ["caseworker", "manager", "admin"] },
  { href: "/members", label: "参保人", roles: ["caseworker", "manager", "admin"] },
  { href: "/analytics", label: "统计分析", roles: ["manager", "admin"] },
  { href: "/admin", label: "系统管理", roles: ["admin"] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
