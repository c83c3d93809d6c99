"use client";

import { Card, Descriptions, Space, Tag, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import { formatDateTime } from "@/app/_components/format";
import { TAG_COLORS } from "@/app/_components/tag-colors";
import {
  CENTRE_DECISION_LABELS,
  REMINDER_KIND_LABELS,
  RETURN_REASON_LABELS,
  REVIEW_DECISION_LABELS,
  REVIEW_KIND_LABELS,
} from "@/db/constants";
import type { EnquiryDetail } from "./types";

type WorkOrder = NonNullable<EnquiryDetail["workOrder"]>;
type Clock = NonNullable<WorkOrder["handling"]>;
type Review = WorkOrder["reviews"][number];

const GREY = "#595959";

// A clock's colour repeats what its words say: the words (剩余 / 已超时 / 已挂起, and 即将到时
// for a warning) are always there.
const CLOCK_COLORS: Record<Clock["state"], string> = {
  ok: TAG_COLORS.info,
  warning: TAG_COLORS.warning,
  overdue: TAG_COLORS.alert,
  paused: GREY,
};

function ClockTag({ clock }: { clock: Clock }) {
  return (
    <Space size={4} wrap>
      <Tag color={CLOCK_COLORS[clock.state]} style={{ marginInlineEnd: 0 }}>
        {clock.text}
        {clock.state === "warning" ? "（即将到时）" : ""}
      </Tag>
      {clock.dueAt ? (
        <Typography.Text type="secondary">截止 {formatDateTime(clock.dueAt)}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">恢复办理后继续计时</Typography.Text>
      )}
    </Space>
  );
}

// Where a 退单 or 延期 stands: waiting for the manager or the hotline centre, or decided.
function reviewOutcome(review: Review): { text: string; color: string } {
  if (review.stage === "manager") return { text: "待科室审核", color: TAG_COLORS.warning };
  if (review.stage === "centre") return { text: "待热线中心答复", color: TAG_COLORS.warning };
  if (review.decision === "refused") {
    return { text: REVIEW_DECISION_LABELS.refused, color: TAG_COLORS.alert };
  }
  if (review.centreDecision) {
    return {
      text: CENTRE_DECISION_LABELS[review.centreDecision],
      color: review.centreDecision === "accepted" ? TAG_COLORS.done : TAG_COLORS.alert,
    };
  }
  return { text: REVIEW_DECISION_LABELS.approved, color: TAG_COLORS.done };
}

const byWhom = (name: string | null, at: Date | null) =>
  [name, at ? formatDateTime(at) : null].filter(Boolean).join(" · ");

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      <span style={{ whiteSpace: "pre-wrap" }}>{children}</span>
    </div>
  );
}

function ReviewItem({ review }: { review: Review }) {
  const outcome = reviewOutcome(review);
  return (
    <>
      <Space size={4} wrap>
        <Typography.Text strong>{REVIEW_KIND_LABELS[review.kind]}申请</Typography.Text>
        <Tag color={outcome.color}>{outcome.text}</Tag>
      </Space>
      <Typography.Text type="secondary" style={{ display: "block" }}>
        {byWhom(review.requestedByName, review.requestedAt)}
      </Typography.Text>
      {review.kind === "return" && review.returnReason && (
        <Line label="退单原因">
          {RETURN_REASON_LABELS[review.returnReason]}
          {review.reason ? `：${review.reason}` : ""}
        </Line>
      )}
      {review.kind === "extension" && (
        <>
          {review.extendTo && (
            <Line label="延期至">
              {review.extendTo}
              {review.extensionDays ? `（${review.extensionDays}个工作日）` : ""}
            </Line>
          )}
          {review.reason && <Line label="延期原因">{review.reason}</Line>}
        </>
      )}
      {review.decision && (
        <Line label="科室审核">
          {`${REVIEW_DECISION_LABELS[review.decision]}（${byWhom(review.decidedByName, review.decidedAt)}）`}
          {review.decisionNote ? `，理由：${review.decisionNote}` : ""}
        </Line>
      )}
      {review.centreDecision && (
        <div style={{ whiteSpace: "pre-wrap" }}>
          {`${CENTRE_DECISION_LABELS[review.centreDecision]}（${formatDateTime(review.centreRecordedAt)}）`}
          {review.centreNote ? `，理由：${review.centreNote}` : ""}
        </div>
      )}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginTop: 16 }}>
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0, marginBottom: 12 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

// The hotline's side of a dispatched order: where it came from, the time left to 签收 and to
// 办结, and every 退单, 延期, 挂起, 转办, 督办 and 催办 on it.
export function WorkOrderCard({ workOrder }: { workOrder: WorkOrder }) {
  const now = Date.now();
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          热线工单
        </Typography.Title>
      }
      extra={workOrder.returnRefused ? <Tag color={TAG_COLORS.alert}>退单被驳回</Tag> : null}
      data-testid="work-order-card"
    >
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small">
        <Descriptions.Item label="来源平台">{workOrder.platformLabel}</Descriptions.Item>
        <Descriptions.Item label="工单编号">
          <Typography.Text copyable={{ tooltips: ["复制", "已复制"] }}>
            {workOrder.externalNumber}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="派单单位">
          {workOrder.dispatchingCityName} {workOrder.dispatchingUnit}
        </Descriptions.Item>
        <Descriptions.Item label="工单分类">{workOrder.classificationLabel}</Descriptions.Item>
        <Descriptions.Item label="派单时间">
          {formatDateTime(workOrder.dispatchedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="热线办理期限">
          {formatDateTime(workOrder.externalDueAt)}
        </Descriptions.Item>
        <Descriptions.Item label="签收">
          {workOrder.signedAt ? formatDateTime(workOrder.signedAt) : "待签收"}
        </Descriptions.Item>
        {workOrder.sign && (
          <Descriptions.Item label="签收时限">
            <ClockTag clock={workOrder.sign} />
          </Descriptions.Item>
        )}
        {workOrder.handling && (
          <Descriptions.Item label="办理时限">
            <ClockTag clock={workOrder.handling} />
          </Descriptions.Item>
        )}
      </Descriptions>

      {workOrder.reviews.length > 0 && (
        <Section title="退单与延期">
          <Timeline
            items={workOrder.reviews.map((review) => ({
              key: review.id,
              content: <ReviewItem review={review} />,
            }))}
          />
        </Section>
      )}

      {workOrder.pauses.length > 0 && (
        <Section title="挂起">
          <Timeline
            items={workOrder.pauses.map((pause) => ({
              key: new Date(pause.from).getTime(),
              content: (
                <>
                  <Typography.Text strong>
                    {formatDateTime(pause.from)} 至{" "}
                    {pause.to ? formatDateTime(pause.to) : "今（挂起中）"}
                  </Typography.Text>
                  <Line label="挂起原因">{pause.reason}</Line>
                  <Line label="预计恢复日期">{pause.resumeOn}</Line>
                </>
              ),
            }))}
          />
        </Section>
      )}

      {workOrder.transfers.length > 0 && (
        <Section title="转办">
          <Timeline
            items={workOrder.transfers.map((transfer) => ({
              key: transfer.id,
              content: (
                <>
                  <Typography.Text strong>
                    {transfer.from} → {transfer.to}
                  </Typography.Text>
                  <Typography.Text type="secondary">{` · ${formatDateTime(transfer.at)}`}</Typography.Text>
                  <Line label="转办原因">{transfer.reason}</Line>
                </>
              ),
            }))}
          />
        </Section>
      )}

      {workOrder.supervisions.length > 0 && (
        <Section title="督办">
          <Timeline
            items={workOrder.supervisions.map((supervision) => {
              const late = !supervision.answer && new Date(supervision.replyBy).getTime() < now;
              return {
                key: supervision.id,
                content: (
                  <>
                    <Typography.Text type="secondary" style={{ display: "block" }}>
                      {byWhom(supervision.supervisedByName, supervision.supervisedAt)}
                    </Typography.Text>
                    <Line label="督办意见">{supervision.comment}</Line>
                    <Line label="答复期限">{formatDateTime(supervision.replyBy)}</Line>
                    {supervision.answer ? (
                      <Line label="答复">
                        {supervision.answer}
                        <Typography.Text type="secondary">
                          {" "}
                          （{byWhom(supervision.answeredByName, supervision.answeredAt)}）
                        </Typography.Text>
                      </Line>
                    ) : (
                      <Line label="答复">
                        <Typography.Text type={late ? "danger" : undefined} strong={late}>
                          {late ? "待答复（已超过答复期限）" : "待答复"}
                        </Typography.Text>
                      </Line>
                    )}
                  </>
                ),
              };
            })}
          />
        </Section>
      )}

      {workOrder.reminders.length > 0 && (
        <Section title="催办">
          <Timeline
            items={workOrder.reminders.map((reminder) => ({
              key: reminder.id,
              content: (
                <>
                  <Typography.Text strong>{REMINDER_KIND_LABELS[reminder.kind]}</Typography.Text>
                  <Typography.Text type="secondary">{` · ${formatDateTime(reminder.at)}`}</Typography.Text>
                  <Line label="时限">{formatDateTime(reminder.dueAt)}</Line>
                </>
              ),
            }))}
          />
        </Section>
      )}
    </Card>
  );
}
