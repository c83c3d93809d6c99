"use client";

import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "./_trpc/client";

dayjs.locale("zh-cn");

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      // Two-character labels such as 登录 keep their natural spacing for people and tests alike.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: "#0958d9", borderRadius: 6 } }}
    >
      <App>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </App>
    </ConfigProvider>
  );
}
