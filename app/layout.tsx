import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AntdRegistry } from "./_components/antd-registry";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "个账咨询台", template: "%s · 个账咨询台" },
  description: "医保个人账户余额咨询受理、处理与统计分析",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="zh-CN">
      <body>
        <AntdRegistry nonce={nonce}>
          <Providers nonce={nonce}>{children}</Providers>
        </AntdRegistry>
      </body>
    </html>
  );
}
