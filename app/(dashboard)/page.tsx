import { Card, Col, Row, Statistic, Typography } from "antd";
import type { Metadata } from "next";
import { ENQUIRY_STATUSES, ROLE_LABELS } from "@/db/constants";
import { serverCaller } from "../_trpc/server";

export const metadata: Metadata = { title: "工作台" };

export default async function HomePage() {
  const caller = await serverCaller();
  const [me, overview] = await Promise.all([caller.viewer.me(), caller.viewer.overview()]);
  const total = Object.values(overview.byStatus).reduce((sum, n) => sum + n, 0);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        您好，{me.displayName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {ROLE_LABELS[me.role]} · 管辖范围：{me.regionScopeName ?? "全辖区"} · 辖区内咨询工单共{" "}
        {total.toLocaleString("zh-CN")} 件
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {me.role === "caseworker" && (
          <Col xs={24} sm={12} lg={8} xl={4}>
            <Card>
              <Statistic title="指派给我的未办结工单" value={overview.assignedToMeOpen} />
            </Card>
          </Col>
        )}
        {ENQUIRY_STATUSES.map((status) => (
          <Col key={status.code} xs={24} sm={12} lg={8} xl={4}>
            <Card>
              <Statistic title={status.label} value={overview.byStatus[status.code]} />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
