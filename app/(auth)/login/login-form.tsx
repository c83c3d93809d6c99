"use client";

import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState, useTransition } from "react";
import { FormError } from "@/app/_components/form-error";
import type { SignInInput } from "@/server/schemas/auth";
import { signInAction } from "./actions";

export function LoginForm({
  callbackUrl,
  initialError,
  notice,
}: {
  callbackUrl?: string;
  initialError?: string;
  // Why the user is here, e.g. after changing their password.
  notice?: { type: "success" | "info"; text: string };
}) {
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, startTransition] = useTransition();

  const onFinish = (values: SignInInput) => {
    setError(null);
    startTransition(async () => {
      const result = await signInAction(values, callbackUrl);
      if (result?.error) setError(result.error);
    });
  };

  return (
    <Card style={{ width: 380, maxWidth: "100%" }}>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24, textAlign: "center" }}>
        个账咨询台
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
        医保个人账户余额咨询受理与分析
      </Typography.Paragraph>
      {notice && !error && (
        <Alert
          type={notice.type}
          title={notice.text}
          showIcon
          style={{ marginBottom: 16 }}
          role="status"
        />
      )}
      <FormError message={error} />
      <Form<SignInInput> layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          label="用户名"
          name="login"
          rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending}>
          登录
        </Button>
      </Form>
    </Card>
  );
}
