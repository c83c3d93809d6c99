"use client";

import { useMutation } from "@tanstack/react-query";
import { App, Button, Form, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { FormError } from "@/app/_components/form-error";
import { schemaRule } from "@/app/_components/schema-rule";
import { applyFieldErrors, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { PASSWORD_POLICY_HINT, passwordFor } from "@/server/schemas/auth";
import type { UserRow } from "./types";

// Letters and digits without the look-alikes (0/O, 1/l/I), so a password read out over the
// phone is typed right the first time.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function randomPassword(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (n) => ALPHABET[n % ALPHABET.length]).join("");
}

export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: UserRow | null;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [serverError, setServerError] = useState<string | null>(null);
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: async () => {
        await onDone();
        message.success("已重置密码，该用户下次登录时须修改");
        setServerError(null);
        onClose();
      },
      onError: (error) =>
        setServerError(applyFieldErrors(form, error) ? null : errorMessage(error)),
    }),
  );

  const title = user ? `重置密码：${user.displayName}（${user.login}）` : "重置密码";
  return (
    <Modal
      open={user !== null}
      title={title}
      okText="重置密码"
      cancelText="取消"
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setServerError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        设置一个临时密码并告知该用户。重置后该用户已登录的页面立即失效，下次登录时须修改密码。
      </Typography.Paragraph>
      <FormError message={serverError} />
      <Form<{ password: string }>
        form={form}
        layout="vertical"
        aria-label="重置密码"
        onFinish={(values) => {
          if (!user) return;
          setServerError(null);
          reset.mutate({ id: user.id, password: values.password });
        }}
      >
        <Form.Item label="临时密码" required extra={PASSWORD_POLICY_HINT}>
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item
              name="password"
              noStyle
              rules={[
                { required: true, message: "请输入临时密码" },
                schemaRule(passwordFor(user?.login ?? "")),
              ]}
            >
              <Input aria-label="临时密码" autoComplete="off" maxLength={128} />
            </Form.Item>
            <Button onClick={() => form.setFieldsValue({ password: randomPassword() })}>
              随机生成
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
