"use client";

import { EyeOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from "antd";
import { useState } from "react";
import { applyFieldErrors, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import {
  REVEAL_ID_REASONS,
  REVEAL_REASON_MAX,
  REVEAL_REASON_MIN,
  revealReason,
} from "@/server/schemas/members";

const OTHER = "其他原因";

type ReasonForm = { preset?: string; detail?: string };

// The reason stored in the audit trail: the chosen one, with the typed detail after it; with
// "其他原因" the detail alone.
function composeReason({ preset, detail }: ReasonForm): string {
  const text = detail?.trim() ?? "";
  if (!preset || preset === OTHER) return text;
  return text ? `${preset}：${text}` : preset;
}

// The masked ID number with a way to see it in full: a stated reason first, then the number,
// which stays on screen only while the dialog is open. Every reveal is audited.
export function RevealIdNumber({ memberId, masked }: { memberId: number; masked: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReasonForm>();
  const preset = Form.useWatch("preset", form);
  const reveal = useMutation(trpc.members.revealIdNumber.mutationOptions());

  const close = () => {
    setOpen(false);
    reveal.reset();
    form.resetFields();
  };

  const submit = async () => {
    const values = await form.validateFields();
    reveal.mutate(
      { id: memberId, reason: composeReason(values) },
      { onError: (error) => applyFieldErrors(form, error) },
    );
  };

  const revealed = reveal.data?.idNumber;
  return (
    <Space wrap>
      <span>{masked}</span>
      <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)}>
        查看完整证件号
      </Button>
      <Modal
        title="查看完整证件号"
        open={open}
        onCancel={close}
        destroyOnHidden
        footer={
          revealed
            ? [
                <Button key="close" type="primary" onClick={close}>
                  关闭
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close}>
                  取消
                </Button>,
                <Button key="ok" type="primary" loading={reveal.isPending} onClick={submit}>
                  查看
                </Button>,
              ]
        }
      >
        {revealed ? (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Typography.Text type="secondary">身份证号</Typography.Text>
            <Typography.Text copyable strong style={{ fontSize: 18 }} data-testid="full-id-number">
              {revealed}
            </Typography.Text>
            <Typography.Text type="secondary">本次查看及原因已记入操作日志。</Typography.Text>
          </Space>
        ) : (
          <Form<ReasonForm> form={form} layout="vertical" requiredMark={false}>
            <Typography.Paragraph type="secondary">
              完整证件号属于个人敏感信息，查看将记入操作日志，请说明用途。
            </Typography.Paragraph>
            {reveal.error && !reveal.error.data?.fieldErrors && (
              <Alert type="error" showIcon title={errorMessage(reveal.error)} role="alert" />
            )}
            <Form.Item
              label="查看原因"
              name="preset"
              rules={[{ required: true, message: "请选择查看原因" }]}
            >
              <Select
                placeholder="请选择"
                options={[...REVEAL_ID_REASONS, OTHER].map((reason) => ({
                  value: reason,
                  label: reason,
                }))}
              />
            </Form.Item>
            <Form.Item
              label={preset === OTHER ? "具体原因" : "补充说明（选填）"}
              name="detail"
              dependencies={["preset"]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string | undefined) => {
                    const chosen = getFieldValue("preset") as string | undefined;
                    if (!chosen) return;
                    const composed = composeReason({ preset: chosen, detail: value });
                    const check = revealReason.safeParse(composed);
                    if (!check.success) throw new Error(check.error.issues[0]?.message);
                  },
                }),
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={REVEAL_REASON_MAX}
                showCount
                placeholder={`${REVEAL_REASON_MIN}–${REVEAL_REASON_MAX}个字，例如来电人所述事由`}
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Space>
  );
}
