"use client";

import { KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Layout, Menu, Space, Typography } from "antd";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import type { NavItem } from "../_components/nav";
import { signOutAction } from "./actions";

type ShellUser = { displayName: string; roleLabel: string; scopeLabel: string };

function activeKey(pathname: string, nav: NavItem[]): string {
  const match = nav
    .filter((item) => (item.href === "/" ? pathname === "/" : pathname.startsWith(item.href)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return match?.href ?? "/";
}

export function Shell({
  user,
  nav,
  children,
}: {
  user: ShellUser;
  nav: NavItem[];
  children: ReactNode;
}) {
  const pathname = usePathname();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 24, paddingInline: 24 }}>
        <Link
          href="/"
          style={{ color: "#fff", fontSize: 18, fontWeight: 600, whiteSpace: "nowrap" }}
        >
          个账咨询台
        </Link>
        <nav aria-label="主导航" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[activeKey(pathname, nav)]}
            items={nav.map((item) => ({
              key: item.href,
              label: <Link href={item.href}>{item.label}</Link>,
            }))}
          />
        </nav>
        <Dropdown
          trigger={["click"]}
          menu={{
            items: [
              { key: "role", label: `${user.roleLabel} · ${user.scopeLabel}`, disabled: true },
              { type: "divider" },
              {
                key: "password",
                icon: <KeyOutlined />,
                label: <Link href="/account/password">修改密码</Link>,
              },
              {
                key: "sign-out",
                icon: <LogoutOutlined />,
                label: "退出登录",
                onClick: () => void signOutAction(),
              },
            ],
          }}
        >
          <Button
            type="text"
            style={{ color: "#fff" }}
            aria-label={`用户菜单：${user.displayName}`}
          >
            <Space>
              <Avatar size="small" icon={<UserOutlined />} />
              <Typography.Text style={{ color: "#fff" }}>{user.displayName}</Typography.Text>
            </Space>
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
    </Layout>
  );
}
