"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Descriptions, Row, Space, Typography } from "antd";
import Link from "next/link";
import { PriorityTag, StatusTag } from "@/app/_components/enquiry-tags";
import { formatDateTime } from "@/app/_components/format";
import { useTRPC } from "@/app/_trpc/client";
import { CHANNEL_LABELS, insuranceLabel, SYMPTOM_LABELS } from "@/db/constants";
import { isOverdue } from "@/server/rules/enquiry-status";
import { formatFen } from "@/server/rules/money";
import { RevealIdNumber } from "../../members/_components/reveal-id-number";
import { RecheckDate } from "../_components/recheck-date";
import { AssigneeField } from "./assignee-field";
import { CausesCard } from "./causes-card";
import { HistoryCard } from "./history-card";
import { LeaveCalculator } from "./leave-calculator";
import { LettersCard } from "./letters-card";
import { LinkMember } from "./link-member";
import { LinkedEnquiriesCard } from "./linked-enquiries-card";
import { StepsCard } from "./steps-card";
import { TransitionActions } from "./transition-actions";
import { TriageCard } from "./triage-card";
import type { EnquiryDetail } from "./types";
import { WorkOrderCard } from "./work-order-card";

const money = (fen: number | null) => (fen === null ? "—" : formatFen(fen));

export function EnquiryDetailView({
  initial,
  canEdit,
  canRevealId = false,
}: {
  initial: EnquiryDetail;
  canEdit: boolean;
  canRevealId?: boolean;
}) {
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.enquiries.byId.queryOptions({ id: initial.enquiry.id }),
    initialData: initial,
  });
  const { enquiry, member } = data;
  // A region that handed a work order on by 转办 reads it and changes nothing.
  const editable = canEdit && !data.readOnly;
  const suspended = enquiry.status === "suspended";
  const overdue = isOverdue(enquiry.status, enquiry.dueAt, Date.now());

  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      {data.readOnly && <Alert type="info" showIcon title="本工单已转办至其他地区，仅可查看" />}
      {!member && <LinkMember detail={data} canEdit={editable} />}
      <Card>
        <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
          <Space align="center" wrap>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
              咨询工单 #{enquiry.id}
            </Typography.Title>
            <StatusTag status={enquiry.status} />
            <PriorityTag priority={enquiry.priority} />
          </Space>
          <Space wrap>
            <LeaveCalculator detail={data} canEdit={editable} />
            {!data.readOnly && data.allowedActions.length > 0 && (
              <TransitionActions detail={data} />
            )}
          </Space>
        </Space>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          style={{ marginTop: 16 }}
          bordered
          size="small"
        >
          {member && (
            <>
              <Descriptions.Item label="参保人">
                <Link href={`/members/${member.id}`}>{member.name}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="身份证号">
                {canRevealId ? (
                  <RevealIdNumber memberId={member.id} masked={member.idNumberMasked} />
                ) : (
                  member.idNumberMasked
                )}
              </Descriptions.Item>
              <Descriptions.Item label="手机号">{member.phoneMasked ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="险种">{insuranceLabel(member.insurance)}</Descriptions.Item>
              <Descriptions.Item label="参保单位">{member.employerName ?? "—"}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label="受理地区">{data.regionName}</Descriptions.Item>
          <Descriptions.Item label="受理渠道">{CHANNEL_LABELS[enquiry.channel]}</Descriptions.Item>
          <Descriptions.Item label="反映问题">{SYMPTOM_LABELS[enquiry.symptom]}</Descriptions.Item>
          <Descriptions.Item label="反映余额">
            {money(enquiry.reportedBalanceFen)}
          </Descriptions.Item>
          <Descriptions.Item label="涉及金额">{money(enquiry.disputedAmountFen)}</Descriptions.Item>
          <Descriptions.Item label="受理时间">{formatDateTime(enquiry.openedAt)}</Descriptions.Item>
          <Descriptions.Item label="办理期限">
            <Typography.Text type={overdue ? "danger" : undefined}>
              {formatDateTime(enquiry.dueAt)}
              {overdue ? "（已逾期）" : suspended ? "（挂起中，暂停计时）" : ""}
            </Typography.Text>
          </Descriptions.Item>
          {enquiry.recheckDueOn && (
            <Descriptions.Item label="复查日期">
              <RecheckDate day={enquiry.recheckDueOn} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label="经办人">
            <AssigneeField detail={data} canEdit={editable} />
          </Descriptions.Item>
          <Descriptions.Item label="问题描述" span="filled">
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>
              {enquiry.description}
            </Typography.Paragraph>
          </Descriptions.Item>
          {enquiry.resolutionSummary && (
            <Descriptions.Item label="办结说明" span="filled">
              {enquiry.resolutionSummary}（{formatDateTime(enquiry.resolvedAt)}）
            </Descriptions.Item>
          )}
          {enquiry.followUpResult && (
            <Descriptions.Item label="回访结果" span="filled">
              {enquiry.followUpResult}（{formatDateTime(enquiry.followedUpAt)}）
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {data.workOrder && <WorkOrderCard workOrder={data.workOrder} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size="large" style={{ width: "100%" }}>
            <CausesCard detail={data} canEdit={editable} />
            <StepsCard detail={data} canEdit={editable} />
            <TriageCard detail={data} canEdit={editable} />
            <LinkedEnquiriesCard detail={data} canEdit={editable} />
            <LettersCard detail={data} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <HistoryCard detail={data} />
        </Col>
      </Row>
    </Space>
  );
}
