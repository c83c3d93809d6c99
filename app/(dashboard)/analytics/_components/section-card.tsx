import { Card, Typography } from "antd";
import type { ReactNode } from "react";

// A dashboard section: a title, one plain sentence saying how to read it, and the figures.
export function SectionCard({
  testId,
  title,
  hint,
  extra,
  children,
}: {
  testId: string;
  title: string;
  hint: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      data-testid={testId}
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
          {title}
        </Typography.Title>
      }
      extra={extra}
      style={{ height: "100%" }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {hint}
      </Typography.Paragraph>
      {children}
    </Card>
  );
}
