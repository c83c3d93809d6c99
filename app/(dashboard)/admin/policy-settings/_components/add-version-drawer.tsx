"use client";

import { useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  type FormInstance,
  Input,
  Space,
  Switch,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { confirmDateOnly } from "@/app/_components/date-field-keys";
import { FormError } from "@/app/_components/form-error";
import { schemaRule } from "@/app/_components/schema-rule";
import { errorData, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import type { PolicySetting } from "@/db/constants";
import { addPolicySettingInput } from "@/server/schemas/policy-settings";
import { VerifiedTag } from "./marks";
import type { SettingRow } from "./types";
import { ValueFields } from "./value-fields";
import {
  type FieldPath,
  fromValueForm,
  isValueField,
  toFormPath,
  toValueForm,
  type ValueForm,
} from "./value-form";

export type RegionLevel = "national" | "province" | "city";
export type PageRegion = { code: string | null; name: string; level: RegionLevel };

type Values = {
  value: ValueForm[PolicySetting];
  effectiveFrom?: Dayjs;
  sourceNote?: string;
  verified: boolean;
};

const COMMON_FIELDS = ["effectiveFrom", "sourceNote", "verified"];
type FieldError = { name: FieldPath; errors: string[] };

// Where the server's errors go: `value.<path>` onto the value's own field, the common fields
// onto theirs; anything else (the national default refused to a scoped administrator) is the
// form's message.
function serverFieldErrors(setting: PolicySetting, error: unknown): FieldError[] {
  const data = errorData(error);
  const fields: FieldError[] = [];
  const place = (name: string, errors: string[]) => {
    const [head, ...rest] = name.split(".");
    if (head === "value") {
      const path = toFormPath(rest);
      if (isValueField(setting, path)) fields.push({ name: ["value", ...path], errors });
    } else if (head && COMMON_FIELDS.includes(head) && rest.length === 0) {
      fields.push({ name: [head], errors });
    }
  };
  if (data.field) place(data.field, [errorMessage(error)]);
  for (const [name, errors] of Object.entries(data.fieldErrors ?? {})) {
    if (errors?.length) place(name, errors);
  }
  return fields;
}

// The paths are built at run time, so they are placed through the untyped instance.
function showFieldErrors(form: FormInstance, fields: FieldError[]) {
  if (fields.length > 0) form.setFields(fields);
}

function VersionForm({
  target,
  region,
  onClose,
  onSaved,
}: {
  target: SettingRow;
  region: PageRegion;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const add = useMutation(
    trpc.policySettings.add.mutationOptions({
      onSuccess: async (_created, input) => {
        await onSaved();
        message.success(`已新增「${target.label}」的版本，自 ${input.effectiveFrom} 起适用`);
        onClose();
      },
      onError: (error) => {
        const fields = serverFieldErrors(target.setting, error);
        showFieldErrors(form, fields);
        setFormError(fields.length > 0 ? null : errorMessage(error));
      },
    }),
  );

  const onFinish = (values: Values) => {
    setFormError(null);
    const checked = fromValueForm(target.setting, values.value);
    if (!checked.ok) {
      const placed = checked.issues.filter((issue) => isValueField(target.setting, issue.path));
      showFieldErrors(
        form,
        placed.map((issue) => ({ name: ["value", ...issue.path], errors: [issue.message] })),
      );
      if (placed.length === 0) setFormError(checked.issues[0]?.message ?? "参数值无效");
      return;
    }
    if (!values.effectiveFrom || !values.sourceNote) return;
    add.mutate({
      regionCode: region.code,
      setting: target.setting,
      value: checked.value,
      effectiveFrom: values.effectiveFrom.format("YYYY-MM-DD"),
      sourceNote: values.sourceNote,
      verified: values.verified,
    });
  };

  const { current } = target;
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: "region", label: "地区", children: region.name },
          {
            key: "current",
            label: "当前生效",
            children: (
              <>
                {current.text}（{current.from}，{current.effectiveFrom} 起）{" "}
                <VerifiedTag verified={current.verified} />
              </>
            ),
          },
        ]}
      />
      <FormError message={formError} />
      <Form<Values>
        form={form}
        name="policy-version"
        layout="vertical"
        aria-label={`新增版本：${target.label}`}
        initialValues={{
          value: toValueForm(target.setting, current.value),
          verified: false,
        }}
        onFinish={onFinish}
      >
        <ValueFields setting={target.setting} regionLevel={region.level} />
        <Form.Item
          name="effectiveFrom"
          label="生效日期"
          extra="自这一天起适用；此前出具的告知书不受影响"
          rules={[{ required: true, message: "请选择生效日期" }]}
        >
          <DatePicker placeholder="选择日期" onKeyDown={confirmDateOnly} />
        </Form.Item>
        <Form.Item
          name="sourceNote"
          label="来源说明"
          extra="文件名称和文号、公告网址或经办资料，便于日后核对"
          rules={[
            { required: true, whitespace: true, message: "请填写来源说明" },
            schemaRule(addPolicySettingInput.shape.sourceNote),
          ]}
        >
          <Input.TextArea rows={2} maxLength={300} showCount />
        </Form.Item>
        <Form.Item
          name="verified"
          label="已核实"
          valuePropName="checked"
          extra="已按当地文件核对时打开；未核实的值在本页和告知书预览中标为示例（未核实）"
        >
          <Switch checkedChildren="已核实" unCheckedChildren="未核实" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            保存
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </>
  );
}

// 新增版本 for one setting at the page's level. Versions are never edited: a correction is a
// new version, and the letters already issued keep naming the versions they were written from.
export function AddVersionDrawer({
  target,
  region,
  onClose,
  onSaved,
}: {
  target: SettingRow | null;
  region: PageRegion;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  return (
    <Drawer
      title={target ? `新增版本：${target.label}` : "新增版本"}
      open={target !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
    >
      {/* A form of its own per opening, so nothing typed for one setting shows for another. */}
      {target && (
        <VersionForm
          key={`${region.code}:${target.setting}`}
          target={target}
          region={region}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Drawer>
  );
}
