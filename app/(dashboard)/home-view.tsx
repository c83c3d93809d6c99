"use client";

import { Card, Col, Row, Statistic, Typography } from "antd";
import Link from "next/link";
import { ENQUIRY_STATUSES, type EnquiryStatus, OPEN_STATUSES, ROLE_LABELS } from "@/db/constants";
import type { RouterOutputs } from "@/server/api/root";

type Viewer = RouterOutputs["viewer"];

// The counter course's statuses always have a tile; the hotline work orders' own statuses
// (待签收, 挂起, the 退单 reviews, 已退单) only when some enquiry is in them.
const ALWAYS_SHOWN: readonly EnquiryStatus[] = [
  "open",
  "in_progress",
  "awaiting_recheck",
  "resolved",
  "followed_up",
];

export function HomeView({ me, overview }: { me: Viewer["me"]; overview: Viewer["overview"] }) {
  const total = Object.values(overview.byStatus).reduce((sum, n) => sum + n, 0);
  const tiles = ENQUIRY_STATUSES.filter(
    (status) => ALWAYS_SHOWN.includes(status.code) || overview.byStatus[status.code] > 0,
  );
  return (
    <>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        您好，{me.displayName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {ROLE_LABELS[me.role]} · 管辖范围：{me.regionScopeName ?? "全辖区"} · 辖区内咨询工单共{" "}
        {total.toLocaleString("zh-CN")} 件
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {me.role === "caseworker" && (
          <Col xs={24} sm={12} lg={8} xl={4}>
            <Link href={`/enquiries?mine=1&status=${OPEN_STATUSES.join(",")}`}>
              <Card hoverable>
                <Statistic title="指派给我的未办结工单" value={overview.assignedToMeOpen} />
              </Card>
            </Link>
          </Col>
        )}
        <Col xs={24} sm={12} lg={8} xl={4}>
          <Link href="/enquiries?recheck=due">
            <Card hoverable data-testid="recheck-due-tile">
              <Statistic title="今日待复查 / 已逾期" value={overview.recheckDue} />
            </Card>
          </Link>
        </Col>
        {tiles.map((status) => (
          <Col key={status.code} xs={24} sm={12} lg={8} xl={4}>
            <Link href={`/enquiries?status=${status.code}`}>
              <Card hoverable>
                <Statistic title={status.label} value={overview.byStatus[status.code]} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
