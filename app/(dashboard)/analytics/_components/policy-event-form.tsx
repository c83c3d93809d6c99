"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert, Cascader, DatePicker, Form, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { schemaRule } from "@/app/_components/schema-rule";
import { applyFieldErrors, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { createPolicyEventInput } from "@/server/schemas/policy-events";

type RegionOption = { value: string; label: string; children?: RegionOption[] };
type Values = { effectiveOn: Dayjs; region?: string[]; label: string; description?: string };

const fields = createPolicyEventInput.shape;

export function PolicyEventFormModal({
  open,
  regions,
  onClose,
  onSaved,
}: {
  open: boolean;
  regions: RegionOption[] | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.policyEvents.create.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        onSaved();
      },
      onError: (failure) =>
        setError(applyFieldErrors(form, failure) ? null : errorMessage(failure)),
    }),
  );

  const submit = (values: Values) => {
    setError(null);
    create.mutate({
      effectiveOn: values.effectiveOn.format("YYYY-MM-DD"),
      regionCode: values.region?.at(-1) ?? null,
      label: values.label,
      description: values.description || null,
    });
  };

  return (
    <Modal
      title="添加政策节点"
      open={open}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="effectiveOn"
          label="生效日期"
          rules={[{ required: true, message: "请选择生效日期" }]}
        >
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="region" label="地区" extra="不选则为全国性政策">
          <Cascader
            options={regions}
            changeOnSelect
            allowClear
            placeholder="全国"
            showSearch={{
              filter: (input, path) => path.some((o) => String(o.label).includes(input)),
            }}
          />
        </Form.Item>
        <Form.Item
          name="label"
          label="节点名称"
          rules={[{ required: true, message: "请填写节点名称" }, schemaRule(fields.label)]}
        >
          <Input placeholder="如：缴费基数调整" maxLength={30} showCount />
        </Form.Item>
        <Form.Item name="description" label="说明" rules={[schemaRule(fields.description)]}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder="选填：调整内容、影响人群"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
