"use client";

import { useMutation } from "@tanstack/react-query";
import { Button, Card, Empty, Form, Input, Select, Space, Timeline, Typography } from "antd";
import { formatDateTime } from "@/app/_components/format";
import { useTRPC } from "@/app/_trpc/client";
import { STEP_KIND_LABELS, type StepKind } from "@/db/constants";
import type { EnquiryDetail } from "./types";
import { useEnquiryFeedback } from "./use-enquiry-mutation";

type StepForm = { kind: StepKind; note?: string };

export function StepsCard({ detail, canEdit }: { detail: EnquiryDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const { enquiry } = detail;
  const [form] = Form.useForm<StepForm>();
  const kind = Form.useWatch("kind", form);
  const feedback = useEnquiryFeedback(enquiry.id);
  const add = useMutation(
    trpc.enquiries.addStep.mutationOptions({
      onSuccess: async () => {
        form.resetFields();
        await feedback.onSuccess("已记录处理步骤");
      },
      onError: feedback.onError,
    }),
  );
  const canAdd = canEdit && enquiry.status !== "followed_up";

  return (
    <Card title="处理步骤">
      {detail.steps.length === 0 ? (
        <Empty description="暂无处理步骤" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={detail.steps.map((step) => ({
            key: step.id,
            content: (
              <>
                <Typography.Text strong>{STEP_KIND_LABELS[step.kind]}</Typography.Text>
                <Typography.Text type="secondary">
                  {" "}
                  · {step.doneByName} · {formatDateTime(step.doneAt)}
                </Typography.Text>
                {step.note && (
                  <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>
                    {step.note}
                  </Typography.Paragraph>
                )}
              </>
            ),
          }))}
        />
      )}
      {canAdd && (
        <Form<StepForm>
          form={form}
          layout="vertical"
          aria-label="记录处理步骤"
          onFinish={(values) =>
            add.mutate({
              id: enquiry.id,
              version: enquiry.version,
              kind: values.kind,
              note: values.note?.trim() || null,
            })
          }
        >
          <Form.Item
            label="处理步骤"
            name="kind"
            rules={[{ required: true, message: "请选择处理步骤" }]}
            extra="可选步骤随已选原因分类变化"
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              placeholder="选择要记录的步骤，可输入关键字筛选"
              options={detail.stepKinds.map((code) => ({
                value: code,
                label: STEP_KIND_LABELS[code],
              }))}
            />
          </Form.Item>
          <Form.Item
            label="说明"
            name="note"
            rules={[
              { required: kind === "free_text", whitespace: true, message: "请填写处理说明" },
              { max: 2000, message: "说明不能超过2000个字" },
            ]}
          >
            <Input.TextArea rows={2} placeholder="如：已打印2025年7月至今的个人账户增减明细" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              记录步骤
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
