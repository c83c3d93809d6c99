"use client";

import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Switch, Typography } from "antd";
import { confirmDateOnly } from "@/app/_components/date-field-keys";
import { toOptions } from "@/app/_components/filter-controls";
import { yuanRule } from "@/app/_components/schema-rule";
import { PERSON_CATEGORIES, type PolicySetting } from "@/db/constants";
import { at, YuanInput } from "./field-parts";
import { DeductionFields, OfficeHourFields, TierFields } from "./list-fields";

// The fields of one setting's value, under `value` in the form. Each shape gets the control it
// needs (a date, a choice, sums in 元, a list of rows), never a box of JSON.

// A sum in 元; blank is refused unless `optional` says what blank means.
function YuanItem({
  path,
  label,
  optional,
}: {
  path: (string | number)[];
  label: string;
  optional?: string;
}) {
  return (
    <Form.Item
      name={at(...path)}
      label={label}
      extra={optional && `留空表示${optional}`}
      rules={[
        ...(optional ? [] : [{ required: true, message: `请填写${label}` }]),
        yuanRule(label, { allowNegative: false }),
      ]}
    >
      <YuanInput placeholder={optional ? optional : "如 13.00"} />
    </Form.Item>
  );
}

// A whole number of working days or hours, required.
function CountItem({ path, label, unit }: { path: string; label: string; unit: string }) {
  return (
    <Form.Item
      name={at(path)}
      label={label}
      rules={[{ required: true, message: `请填写${label}` }]}
    >
      <InputNumber min={0} precision={0} suffix={unit} style={{ width: 180 }} />
    </Form.Item>
  );
}

function SwitchItem({ path, label }: { path: string[]; label: string }) {
  return (
    <Form.Item name={at(...path)} label={label} valuePropName="checked">
      <Switch checkedChildren="是" unCheckedChildren="否" />
    </Form.Item>
  );
}

function ReformStartFields() {
  const known = Form.useWatch(at("known"));
  return (
    <>
      <Form.Item name={at("known")} label="改革实施日期">
        <Radio.Group
          options={[
            { value: "date", label: "指定日期" },
            { value: "unknown", label: "未知（以当地实施时间为准）" },
          ]}
        />
      </Form.Item>
      {known === "date" && (
        <Form.Item
          name={at("date")}
          label="实施日期"
          rules={[{ required: true, message: "请选择实施日期" }]}
        >
          <DatePicker placeholder="选择日期" onKeyDown={confirmDateOnly} />
        </Form.Item>
      )}
    </>
  );
}

function RetireeAllocationFields() {
  const kind = Form.useWatch(at("kind"));
  return (
    <>
      <Form.Item
        name={at("kind")}
        label="划入方式"
        rules={[{ required: true, message: "请选择退休人员划入方式" }]}
      >
        <Radio.Group
          options={[
            { value: "fixed", label: "定额划入" },
            { value: "pension_share", label: "按养老金比例" },
            { value: "local", label: "按当地规定（未知具体标准）" },
          ]}
        />
      </Form.Item>
      {kind === "fixed" && <YuanItem path={["monthlyYuan"]} label="每月划入金额" />}
      {kind === "pension_share" && (
        <Form.Item
          name={at("percent")}
          label="上年度基本养老金的比例"
          rules={[{ required: true, message: "请填写比例" }]}
        >
          <InputNumber min={0} max={10} step={0.1} suffix="%" style={{ width: 160 }} />
        </Form.Item>
      )}
    </>
  );
}

function OverdraftFields() {
  const allowed = Form.useWatch(at("allowed"));
  return (
    <>
      <SwitchItem path={["allowed"]} label="允许历年余额透支" />
      {allowed && <YuanItem path={["limitYuan"]} label="透支额度" optional="按当地规定" />}
    </>
  );
}

export function ValueFields({
  setting,
  regionLevel,
}: {
  setting: PolicySetting;
  // The issuer's `{地市}` placeholder is for the rows that stand for many cities.
  regionLevel: "national" | "province" | "city";
}) {
  switch (setting) {
    case "reform_start":
      return <ReformStartFields />;
    case "insurance_year_start":
      return (
        <Form.Item
          name={at("month")}
          label="医保年度起始月"
          rules={[{ required: true, message: "请选择医保年度起始月" }]}
        >
          <Radio.Group
            options={[
              { value: 1, label: "1月（自然年度）" },
              { value: 4, label: "4月" },
              { value: 7, label: "7月" },
            ]}
          />
        </Form.Item>
      );
    case "crediting_mode":
      return (
        <Form.Item
          name={at("mode")}
          label="划入方式"
          rules={[{ required: true, message: "请选择划入方式" }]}
        >
          <Radio.Group
            options={[
              { value: "monthly", label: "按月划入" },
              { value: "pre_allocation", label: "按医保年度预划" },
            ]}
          />
        </Form.Item>
      );
    case "contribution_base":
      return (
        <>
          <YuanItem path={["floorYuan"]} label="缴费基数下限（每月）" />
          <YuanItem path={["ceilingYuan"]} label="缴费基数上限（每月）" />
          <Form.Item
            name={at("accountPercent")}
            label="个人缴费划入个人账户的比例"
            rules={[{ required: true, message: "请填写划入比例" }]}
          >
            <InputNumber min={0} max={12} step={0.1} suffix="%" style={{ width: 160 }} />
          </Form.Item>
        </>
      );
    case "retiree_allocation":
      return <RetireeAllocationFields />;
    case "employee_tiers":
      return <TierFields />;
    case "accountless_categories":
      return (
        <Form.Item
          name={at("categories")}
          label="不设个人账户的人员类别"
          extra="都不勾选表示各类人员均设个人账户。"
        >
          <Checkbox.Group options={toOptions(PERSON_CATEGORIES)} />
        </Form.Item>
      );
    case "monthly_deductions":
      return <DeductionFields />;
    case "overdraft":
      return <OverdraftFields />;
    case "family_aid":
      return (
        <>
          <YuanItem
            path={["minimumBalanceYuan"]}
            label="共济所需最低余额"
            optional="不设最低余额"
          />
          <SwitchItem path={["carriedOverOnly"]} label="仅历年余额可共济" />
          <SwitchItem path={["counterOnly"]} label="仅限窗口办理" />
          <Form.Item name={at("note")} label="补充说明">
            <Input.TextArea rows={2} maxLength={200} showCount placeholder="选填" />
          </Form.Item>
        </>
      );
    case "office_hours":
      return <OfficeHourFields />;
    case "work_order_limits":
      return (
        <>
          <CountItem path="signForHours" label="签收时限" unit="工作小时" />
          <CountItem path="consultDays" label="咨询类办理时限" unit="工作日" />
          <CountItem path="helpDays" label="求助类办理时限" unit="工作日" />
          <CountItem path="complaintDays" label="投诉类办理时限" unit="工作日" />
          <CountItem path="suggestionDays" label="建议类办理时限" unit="工作日" />
          <SwitchItem path={["urgentSameDay"]} label="紧急件当日办结" />
          <CountItem path="warnDays" label="到期前提醒（按工作日计的时限）" unit="工作日" />
          <CountItem path="warnHours" label="到期前提醒（按小时计的时限）" unit="工作小时" />
        </>
      );
    case "member_hotline":
      return (
        <Form.Item
          name={at("text")}
          label="咨询电话"
          rules={[{ required: true, whitespace: true, message: "请填写咨询电话" }]}
          extra="告知书上印出的咨询方式，如 0551-12345（转医保）"
        >
          <Input maxLength={60} />
        </Form.Item>
      );
    case "issuer": {
      const placeholderHint =
        regionLevel === "city" ? undefined : (
          <>
            可用 <Typography.Text code>{"{地市}"}</Typography.Text>{" "}
            代表参保人所在地市，出具时替换为地市名称
          </>
        );
      return (
        <>
          <Form.Item
            name={at("name")}
            label="出具机构名称"
            rules={[{ required: true, whitespace: true, message: "请填写出具机构名称" }]}
            extra={placeholderHint}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name={at("sealLine")}
            label="落款"
            rules={[{ required: true, whitespace: true, message: "请填写落款" }]}
            extra={placeholderHint}
          >
            <Input maxLength={60} />
          </Form.Item>
        </>
      );
    }
    case "notice_footer":
      return (
        <Form.Item
          name={at("text")}
          label="告知书页脚"
          rules={[{ required: true, whitespace: true, message: "请填写页脚" }]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      );
  }
}
