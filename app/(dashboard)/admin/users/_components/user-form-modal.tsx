"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { App, Cascader, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { toOptions } from "@/app/_components/filter-controls";
import { FormError } from "@/app/_components/form-error";
import { schemaRule } from "@/app/_components/schema-rule";
import { applyFieldErrors, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { ROLES, type Role } from "@/db/constants";
import { PASSWORD_POLICY_HINT, passwordFor } from "@/server/schemas/auth";
import { SCOPE_REQUIRED_MESSAGE, userDisplayName, userLogin } from "@/server/schemas/users";
import { scopePath, type UserRow } from "./types";

type Values = {
  login: string;
  displayName: string;
  role: Role;
  // The Cascader path [province] or [province, city]; empty is the whole jurisdiction.
  regionScope?: string[];
  password: string;
};

const ROLE_OPTIONS = toOptions(ROLES);

// Creates an account, or edits an existing one's name, role and region scope. The login of an
// existing account is fixed: it names the person in the audit trail.
export function UserFormModal({
  open,
  user,
  isSelf,
  onClose,
  onSaved,
}: {
  open: boolean;
  user: UserRow | null;
  isSelf: boolean;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [serverError, setServerError] = useState<string | null>(null);
  const regions = useQuery({ ...trpc.regions.options.queryOptions(), enabled: open });

  const onError = (error: unknown) =>
    setServerError(applyFieldErrors(form, error) ? null : errorMessage(error));
  const done = async (text: string) => {
    await onSaved();
    message.success(text);
    setServerError(null);
    onClose();
  };
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (created) => done(`已创建用户 ${created.login}，首次登录时须修改密码`),
      onError,
    }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: (result) => done(result.changed ? "已保存修改" : "没有需要保存的修改"),
      onError,
    }),
  );

  const onFinish = (values: Values) => {
    setServerError(null);
    const regionScope = values.regionScope?.at(-1) ?? null;
    if (user) {
      update.mutate({
        id: user.id,
        displayName: values.displayName,
        role: values.role,
        regionScope,
      });
    } else {
      create.mutate({
        login: values.login,
        displayName: values.displayName,
        role: values.role,
        regionScope,
        password: values.password,
      });
    }
  };

  const title = user ? `编辑用户 ${user.login}` : "新建用户";
  return (
    <Modal
      open={open}
      title={title}
      okText={user ? "保存" : "创建"}
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setServerError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <FormError message={serverError} />
      <Form<Values>
        form={form}
        layout="vertical"
        aria-label={title}
        onFinish={onFinish}
        initialValues={
          user
            ? {
                displayName: user.displayName,
                role: user.role,
                regionScope: scopePath(user.regionScope),
              }
            : { role: "caseworker" }
        }
      >
        {!user && (
          <Form.Item
            label="用户名"
            name="login"
            extra="登录时使用，3–32位，以字母开头；创建后不能修改"
            rules={[{ required: true, message: "请输入用户名" }, schemaRule(userLogin)]}
          >
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, message: "请输入姓名" }, schemaRule(userDisplayName)]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          label="角色"
          name="role"
          rules={[{ required: true, message: "请选择角色" }]}
          extra={isSelf ? "不能修改自己的角色或管辖地区，请由其他系统管理员操作" : undefined}
        >
          <Select options={ROLE_OPTIONS} disabled={isSelf} />
        </Form.Item>
        <Form.Item
          label="管辖地区"
          name="regionScope"
          dependencies={["role"]}
          extra="经办人员只能查看和处理管辖地区内的工单；留空为全辖区"
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value?: string[]) => {
                if (getFieldValue("role") === "caseworker" && !value?.length) {
                  throw new Error(SCOPE_REQUIRED_MESSAGE);
                }
              },
            }),
          ]}
        >
          <Cascader
            options={regions.data ?? []}
            loading={regions.isPending}
            changeOnSelect
            showSearch
            allowClear
            placeholder="全辖区"
            disabled={isSelf}
          />
        </Form.Item>
        {!user && (
          <Form.Item
            label="初始密码"
            name="password"
            dependencies={["login"]}
            extra={`${PASSWORD_POLICY_HINT}。请当面或电话告知用户，首次登录时须修改`}
            rules={[
              { required: true, message: "请输入初始密码" },
              ({ getFieldValue }) => schemaRule(passwordFor(getFieldValue("login") ?? "")),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
