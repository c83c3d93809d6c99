"use client";

import { Menu } from "antd";
import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/admin/users", label: "用户管理" },
  { href: "/admin/region-reviews", label: "参保地核查" },
  { href: "/admin/policy-settings", label: "地区政策参数" },
  { href: "/admin/audit", label: "审计日志" },
];

export function AdminTabs() {
  const pathname = usePathname();
  const active = SECTIONS.find((section) => pathname.startsWith(section.href))?.href;
  return (
    <nav aria-label="系统管理">
      <Menu
        mode="horizontal"
        selectedKeys={active ? [active] : []}
        items={SECTIONS.map((section) => ({
          key: section.href,
          label: <Link href={section.href}>{section.label}</Link>,
        }))}
        style={{ background: "transparent" }}
      />
    </nav>
  );
}
