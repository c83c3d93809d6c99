"use client";

import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "./_trpc/client";

dayjs.locale("zh-cn");

// Ant Design's default greys, link blue, error red and warning gold fall short of WCAG AA
// contrast (4.5:1) for text such as 待识别参保人 in the enquiry list; these
// shades pass on both white cards and the grey page background.
const THEME = {
  token: {
    colorPrimary: "#0958d9",
    colorLink: "#0958d9",
    colorInfo: "#0958d9",
    colorError: "#cf1322",
    colorWarning: "#ad4e00",
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.58)",
    colorTextQuaternary: "rgba(0, 0, 0, 0.58)",
    borderRadius: 6,
  },
};

export function Providers({ nonce, children }: { nonce?: string; children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      csp={{ nonce }}
      // Two-character labels such as 登录 keep their natural spacing for people and tests alike.
      button={{ autoInsertSpace: false }}
      // Option lists here are short; unvirtualised they are fully in the DOM for screen readers.
      virtual={false}
      theme={THEME}
    >
      <App>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </App>
    </ConfigProvider>
  );
}
