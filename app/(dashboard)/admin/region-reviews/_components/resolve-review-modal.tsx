"use client";

import { useMutation } from "@tanstack/react-query";
import { App, Descriptions, Form, Input, Modal, Radio } from "antd";
import { useState } from "react";
import { FormError } from "@/app/_components/form-error";
import { schemaRule } from "@/app/_components/schema-rule";
import { applyFieldErrors, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import type { RegionReviewResolution } from "@/db/constants";
import { RESOLUTION_NOTE_MAX, resolveRegionReviewInput } from "@/server/schemas/region-reviews";
import type { RegionReviewRow } from "./types";

type FormValues = { resolution: RegionReviewResolution; note: string };

// Closing one review: 参保地变更 moves the member to the region the caseworker asked for;
// declining leaves them where they are. Either way the note is kept and audited.
export function ResolveReviewModal({
  review,
  onClose,
  onDone,
}: {
  review: RegionReviewRow | null;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  const resolve = useMutation(
    trpc.regionReviews.resolve.mutationOptions({
      onSuccess: async (_result, input) => {
        await onDone();
        message.success(input.resolution === "moved" ? "已变更参保地" : "已处理，不予变更");
        setServerError(null);
        onClose();
      },
      onError: (error) =>
        setServerError(applyFieldErrors(form, error) ? null : errorMessage(error)),
    }),
  );

  return (
    <Modal
      open={review !== null}
      title={review ? `处理参保地核查：${review.memberName}` : "处理参保地核查"}
      okText="确定"
      cancelText="取消"
      confirmLoading={resolve.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setServerError(null);
        onClose();
      }}
      destroyOnHidden
    >
      {review && (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="身份证号">{review.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label="现参保地">{review.memberRegionName}</Descriptions.Item>
          <Descriptions.Item label="申请录入地">{review.requestedRegionName}</Descriptions.Item>
          <Descriptions.Item label="提交人">
            {review.requestedByName}（{review.requestedByLogin}）
          </Descriptions.Item>
        </Descriptions>
      )}
      <FormError message={serverError} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        aria-label="处理参保地核查"
        onFinish={(values) => {
          if (!review) return;
          setServerError(null);
          resolve.mutate({ id: review.id, ...values });
        }}
      >
        <Form.Item
          label="处理结果"
          name="resolution"
          rules={[{ required: true, message: "请选择处理结果" }]}
        >
          <Radio.Group
            options={[
              {
                value: "moved",
                label: `参保地变更至${review?.requestedRegionName ?? "申请录入地"}`,
              },
              { value: "declined", label: "不予变更" },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="处理说明"
          name="note"
          rules={[
            { required: true, whitespace: true, message: "请填写处理说明" },
            schemaRule(resolveRegionReviewInput.shape.note),
          ]}
        >
          <Input.TextArea rows={3} maxLength={RESOLUTION_NOTE_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
