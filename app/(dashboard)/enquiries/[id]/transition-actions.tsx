"use client";

import { useMutation } from "@tanstack/react-query";
import { Button, Form, Input, Modal, Radio, Select, Space } from "antd";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { FOLLOW_UP_METHODS, SATISFACTIONS } from "@/db/constants";
import { TRANSITION_LABELS, type TransitionAction } from "@/server/rules/enquiry-status";
import type { TransitionInput } from "@/server/schemas/enquiries";
import type { EnquiryDetail } from "./types";
import { useEnquiryFeedback } from "./use-enquiry-mutation";

// Actions that need more than a click open a dialog for what they require.
const DIALOG_ACTIONS: readonly TransitionAction[] = [
  "resolve",
  "follow_up",
  "return_to_pool",
  "reopen",
];

type DialogValues = {
  resolutionSummary?: string;
  reason?: string;
  method?: NonNullable<TransitionInput["followUp"]>["method"];
  result?: string;
  satisfaction?: NonNullable<TransitionInput["followUp"]>["satisfaction"];
};

export function TransitionActions({ detail }: { detail: EnquiryDetail }) {
  const trpc = useTRPC();
  const { enquiry } = detail;
  const [dialog, setDialog] = useState<TransitionAction | null>(null);
  const [form] = Form.useForm<DialogValues>();
  const feedback = useEnquiryFeedback(enquiry.id);
  const transition = useMutation(
    trpc.enquiries.transition.mutationOptions({
      onSuccess: async (_, input) => {
        setDialog(null);
        form.resetFields();
        await feedback.onSuccess(`已${TRANSITION_LABELS[input.action]}`);
      },
      onError: feedback.onError,
    }),
  );

  const run = (action: TransitionAction, values: DialogValues = {}) =>
    transition.mutate({
      id: enquiry.id,
      version: enquiry.version,
      action,
      resolutionSummary: values.resolutionSummary ?? null,
      reason: values.reason ?? null,
      followUp:
        action === "follow_up" && values.method && values.result && values.satisfaction
          ? { method: values.method, result: values.result, satisfaction: values.satisfaction }
          : null,
    });

  return (
    <>
      <Space wrap>
        {detail.allowedActions.map((action) => (
          <Button
            key={action}
            type={action === "resolve" || action === "start" ? "primary" : "default"}
            danger={action === "return_to_pool"}
            loading={transition.isPending && transition.variables?.action === action}
            onClick={() => (DIALOG_ACTIONS.includes(action) ? setDialog(action) : run(action))}
          >
            {TRANSITION_LABELS[action]}
          </Button>
        ))}
      </Space>
      <Modal
        title={dialog ? TRANSITION_LABELS[dialog] : ""}
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText="确定"
        confirmLoading={transition.isPending}
        destroyOnHidden
      >
        <Form<DialogValues>
          form={form}
          layout="vertical"
          onFinish={(values) => dialog && run(dialog, values)}
        >
          {dialog === "resolve" && (
            <Form.Item
              label="处理结果说明"
              name="resolutionSummary"
              rules={[{ required: true, whitespace: true, message: "请填写处理结果说明" }]}
            >
              <Input.TextArea
                rows={3}
                placeholder="如：单位已办理减员，负数部分由新单位划入资金抵扣"
              />
            </Form.Item>
          )}
          {(dialog === "return_to_pool" || dialog === "reopen") && (
            <Form.Item
              label={dialog === "reopen" ? "重开原因" : "退回原因"}
              name="reason"
              rules={[{ required: true, whitespace: true, message: "请填写原因" }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {dialog === "follow_up" && (
            <>
              <Form.Item
                label="回访方式"
                name="method"
                rules={[{ required: true, message: "请选择回访方式" }]}
              >
                <Select
                  options={FOLLOW_UP_METHODS.map((m) => ({ value: m.code, label: m.label }))}
                />
              </Form.Item>
              <Form.Item
                label="回访结果"
                name="result"
                rules={[{ required: true, whitespace: true, message: "请填写回访结果" }]}
              >
                <Input.TextArea rows={2} placeholder="如：参保人表示已理解并认可处理结果" />
              </Form.Item>
              <Form.Item
                label="满意度"
                name="satisfaction"
                rules={[{ required: true, message: "请选择满意度" }]}
              >
                <Radio.Group
                  options={SATISFACTIONS.map((s) => ({ value: s.code, label: s.label }))}
                />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
