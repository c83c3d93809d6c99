"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import { FormError } from "@/app/_components/form-error";
import { schemaRule } from "@/app/_components/schema-rule";
import { applyFieldErrors, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { signOutAction } from "@/app/(dashboard)/actions";
import { type ChangePasswordInput, PASSWORD_POLICY_HINT, passwordFor } from "@/server/schemas/auth";
import { signOutAfterPasswordChange } from "./actions";

export function ChangePasswordForm({
  login,
  displayName,
  forced,
}: {
  login: string;
  displayName: string;
  forced: boolean;
}) {
  const trpc = useTRPC();
  const [form] = Form.useForm<ChangePasswordInput>();
  const [error, setError] = useState<string | null>(null);
  const [leaving, startLeaving] = useTransition();
  const policy = useMemo(() => passwordFor(login), [login]);

  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => startLeaving(() => signOutAfterPasswordChange()),
      onError: (failure) => {
        setError(applyFieldErrors(form, failure) ? null : errorMessage(failure));
      },
    }),
  );

  const onFinish = (values: ChangePasswordInput) => {
    setError(null);
    change.mutate(values);
  };

  const title = forced ? "设置新密码" : "修改密码";
  return (
    <Card style={{ width: 440, maxWidth: "100%" }}>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {displayName}（{login}）
      </Typography.Paragraph>
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先修改初始密码"
          description="您的密码由系统管理员设置。请设置只有您知道的新密码后再继续使用。"
        />
      )}
      <FormError message={error} />
      <Form<ChangePasswordInput>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        aria-label={title}
      >
        <Form.Item
          label={forced ? "当前密码（管理员设置的初始密码）" : "当前密码"}
          name="currentPassword"
          rules={[{ required: true, message: "请输入当前密码" }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={PASSWORD_POLICY_HINT}
          rules={[{ required: true, message: "请输入新密码" }, schemaRule(policy)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: "请再次输入新密码" },
            ({ getFieldValue }) => ({
              validator: async (_rule, value) => {
                if (value && value !== getFieldValue("newPassword")) {
                  throw new Error("两次输入的新密码不一致");
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          修改后所有已登录的页面都会退出，请使用新密码重新登录。
        </Typography.Paragraph>
        <Flex gap={12} justify="space-between" align="center">
          <Button type="primary" htmlType="submit" loading={change.isPending || leaving}>
            修改密码
          </Button>
          {forced ? (
            <Button onClick={() => void signOutAction()}>退出登录</Button>
          ) : (
            <Link href="/">返回工作台</Link>
          )}
        </Flex>
      </Form>
    </Card>
  );
}
