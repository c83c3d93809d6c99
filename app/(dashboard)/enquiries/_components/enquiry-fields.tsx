"use client";

import { Button, Card, Cascader, Form, Input, Select, Space, Typography } from "antd";
import Link from "next/link";
import type { ReactNode } from "react";
import { toOptions } from "@/app/_components/filter-controls";
import { FormError } from "@/app/_components/form-error";
import type { RegionOption } from "@/app/_components/region-trail";
import { yuanRule } from "@/app/_components/schema-rule";
import { SYMPTOMS } from "@/db/constants";
import { parseYuanToFen } from "@/server/rules/money";

// The fields a counter enquiry and a dispatched hotline order share, so both forms ask and
// check them in the same words.

// The cascader's path to a city: its province, then the city.
export const cityPath = (city: string | null) =>
  city ? [`${city.slice(0, 2)}0000`, city] : undefined;

// A sum typed in 元 as 分, or null when blank; the field's yuanRule has already refused the rest.
export function optionalFen(raw?: string) {
  if (!raw?.trim()) return null;
  const parsed = parseYuanToFen(raw);
  return parsed.ok ? parsed.fen : null;
}

export function EnquiryFormCard({
  title,
  error,
  children,
}: {
  title: string;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 16 }}>
          {title}
        </Typography.Title>
      }
    >
      <FormError message={error} />
      {children}
    </Card>
  );
}

export function RegionField({
  label,
  name,
  options,
  loading,
  showSearch,
}: {
  label: string;
  name: string;
  options: RegionOption[] | undefined;
  loading: boolean;
  showSearch?: boolean;
}) {
  return (
    <Form.Item label={label} name={name} rules={[{ required: true, message: `请选择${label}` }]}>
      <Cascader options={options} loading={loading} placeholder="省 / 市" showSearch={showSearch} />
    </Form.Item>
  );
}

export function SymptomField() {
  return (
    <Form.Item
      label="反映问题"
      name="symptom"
      rules={[{ required: true, message: "请选择反映的问题" }]}
    >
      <Select options={toOptions(SYMPTOMS)} />
    </Form.Item>
  );
}

export function ReportedBalanceField({ extra }: { extra?: string }) {
  return (
    <Form.Item
      label="反映余额（元）"
      name="reportedBalance"
      rules={[yuanRule("反映余额")]}
      extra={extra}
    >
      <Input inputMode="decimal" placeholder="如 -356.20" />
    </Form.Item>
  );
}

export function DescriptionField({ label, placeholder }: { label: string; placeholder: string }) {
  return (
    <Form.Item
      label={label}
      name="description"
      rules={[
        { required: true, whitespace: true, message: `请填写${label}` },
        { max: 2000, message: `${label}不能超过2000个字` },
      ]}
    >
      <Input.TextArea rows={4} placeholder={placeholder} />
    </Form.Item>
  );
}

export function SubmitRow({ label, pending }: { label: string; pending: boolean }) {
  return (
    <Space>
      <Button type="primary" htmlType="submit" loading={pending}>
        {label}
      </Button>
      <Link href="/enquiries">取消</Link>
    </Space>
  );
}
