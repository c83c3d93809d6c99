"use client";

import { CalculatorOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  type FormItemProps,
  Input,
  Radio,
  Space,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { yuanRule } from "@/app/_components/schema-rule";
import { useTRPC } from "@/app/_trpc/client";
import { calculateLeave, type LeaveCalculationInput } from "@/server/rules/leave-calculator";
import { fenToYuanString, formatFen, parseYuanToFen } from "@/server/rules/money";
import type { EnquiryDetail } from "./types";
import { useEnquiryFeedback } from "./use-enquiry-mutation";

type CalculatorForm = {
  periodStart?: Dayjs | null;
  leaveDate?: Dayjs | null;
  amountKind: "year" | "month";
  amount?: string;
  spentBeforeLeave?: string;
  reportedBalance?: string;
};

const fenOf = (raw?: string) => {
  if (!raw?.trim()) return null;
  const parsed = parseYuanToFen(raw);
  return parsed.ok ? parsed.fen : undefined;
};

// A sum in 元, typed as text so the money rules parse it exactly.
function YuanField({
  label,
  name,
  rules,
  placeholder,
}: {
  label: string;
  name: keyof CalculatorForm;
  rules: FormItemProps["rules"];
  placeholder: string;
}) {
  return (
    <Form.Item label={label} name={name} rules={rules}>
      <Input inputMode="decimal" placeholder={placeholder} />
    </Form.Item>
  );
}

// The calculator's input from the form, or null while something needed is missing or mistyped.
function toInput(values: CalculatorForm | undefined): LeaveCalculationInput | null {
  if (!values?.periodStart || !values.leaveDate) return null;
  const amount = fenOf(values.amount);
  const spent = fenOf(values.spentBeforeLeave);
  const reported = fenOf(values.reportedBalance);
  if (amount == null || spent === undefined || reported === undefined) return null;
  return {
    periodStart: values.periodStart.format("YYYY-MM"),
    leaveDate: values.leaveDate.format("YYYY-MM-DD"),
    preAllocatedFen: values.amountKind === "year" ? amount : null,
    monthlyCreditFen: values.amountKind === "month" ? amount : null,
    spentBeforeLeaveFen: spent ?? 0,
    reportedBalanceFen: reported,
  };
}

// The insurance year (July to June) the enquiry was filed in.
const insuranceYearStart = (at: Date) => {
  const opened = dayjs(at);
  return opened.month() >= 6
    ? opened.month(6).startOf("month")
    : opened.subtract(1, "year").month(6).startOf("month");
};

export function LeaveCalculator({ detail, canEdit }: { detail: EnquiryDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const { enquiry } = detail;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CalculatorForm>();
  const values = Form.useWatch([], form) as CalculatorForm | undefined;
  const input = toInput(values);
  const result = input ? calculateLeave(input) : null;
  const tagged = detail.causes.some((tag) => tag.cause === "resignation");
  const feedback = useEnquiryFeedback(enquiry.id);
  const save = useMutation(
    trpc.insights.saveLeaveCalculation.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await feedback.onSuccess("计算结果已保存为处理步骤");
      },
      onError: feedback.onError,
    }),
  );
  const canSave = canEdit && tagged && enquiry.status !== "followed_up" && result?.ok === true;

  return (
    <>
      <Button icon={<CalculatorOutlined />} onClick={() => setOpen(true)}>
        离职减员计算
      </Button>
      <Drawer
        title="离职减员计算"
        open={open}
        onClose={() => setOpen(false)}
        size={560}
        destroyOnHidden
        extra={
          canEdit && (
            <Button
              type="primary"
              disabled={!canSave}
              loading={save.isPending}
              onClick={() =>
                input &&
                save.mutate({ id: enquiry.id, version: enquiry.version, calculation: input })
              }
            >
              保存为处理步骤
            </Button>
          )
        }
      >
        {canEdit && enquiry.status === "followed_up" && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="该工单已回访结案，计算结果仅供查看；如需保存请先重开工单"
          />
        )}
        {canEdit && !tagged && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="保存前请先将原因分类设为「离职减员」"
          />
        )}
        <Form<CalculatorForm>
          form={form}
          layout="vertical"
          initialValues={{
            amountKind: "year",
            periodStart: insuranceYearStart(enquiry.openedAt),
            reportedBalance:
              enquiry.reportedBalanceFen === null
                ? undefined
                : fenToYuanString(enquiry.reportedBalanceFen),
          }}
        >
          <Space wrap align="start">
            <Form.Item
              label="预划起始月份"
              name="periodStart"
              tooltip="参保当月，或参保年度开始的7月"
              rules={[{ required: true, message: "请选择预划起始月份" }]}
            >
              <DatePicker picker="month" placeholder="选择月份" />
            </Form.Item>
            <Form.Item
              label="离职日期"
              name="leaveDate"
              rules={[{ required: true, message: "请选择离职日期" }]}
            >
              <DatePicker placeholder="选择日期" />
            </Form.Item>
          </Space>
          <Form.Item label="预划金额填写方式" name="amountKind">
            <Radio.Group
              options={[
                { value: "year", label: "本年度预划资金" },
                { value: "month", label: "每月划入金额" },
              ]}
            />
          </Form.Item>
          <YuanField
            label={values?.amountKind === "month" ? "每月划入金额（元）" : "本年度预划资金（元）"}
            name="amount"
            rules={[{ required: true, message: "请填写预划金额" }, yuanRule("预划金额")]}
            placeholder="如 2400.00"
          />
          <YuanField
            label="离职前刷卡支出（元）"
            name="spentBeforeLeave"
            rules={[yuanRule("离职前支出")]}
            placeholder="不填按 0 计算"
          />
          <YuanField
            label="参保人反映余额（元）"
            name="reportedBalance"
            rules={[yuanRule("反映余额")]}
            placeholder="可为负数，如 -356.20"
          />
        </Form>
        {result && !result.ok && <Alert type="error" showIcon title={result.message} />}
        {result?.ok && (
          <section aria-label="计算结果">
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                {
                  key: "pre",
                  label: "预划资金",
                  children: formatFen(result.value.preAllocatedFen),
                },
                {
                  key: "removed",
                  label: `离职后至6月底预划资金（${result.value.removedMonths}个月）`,
                  children: formatFen(result.value.removedFen),
                },
                {
                  key: "real",
                  label: "实际划入资金",
                  children: formatFen(result.value.realCreditFen),
                },
                {
                  key: "spent",
                  label: "离职前支出",
                  children: formatFen(result.value.spentBeforeLeaveFen),
                },
                {
                  key: "expected",
                  label: "减员后应有余额",
                  children: formatFen(result.value.expectedBalanceFen),
                },
                {
                  key: "shortfall",
                  label: "可解释的负数金额",
                  children: formatFen(result.value.shortfallFen),
                },
              ]}
            />
            <ol style={{ paddingLeft: 20, marginTop: 12 }}>
              {result.value.lines.map((line) => (
                <li key={line}>
                  <Typography.Text>{line}</Typography.Text>
                </li>
              ))}
            </ol>
          </section>
        )}
      </Drawer>
    </>
  );
}
