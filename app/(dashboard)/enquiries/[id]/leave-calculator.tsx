"use client";

import { CalculatorOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  type FormItemProps,
  Input,
  Row,
  Skeleton,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { type ReactNode, useState } from "react";
import { yuanRule } from "@/app/_components/schema-rule";
import { useSettled } from "@/app/_components/use-settled";
import { useTRPC } from "@/app/_trpc/client";
import type { LeaveCalculationInput } from "@/server/rules/leave-calculator";
import { fenToYuanString, parseYuanToFen } from "@/server/rules/money";
import { LeaveCalculationResult, LeavePolicySettings } from "./leave-calculation-result";
import type { EnquiryDetail } from "./types";
import { useEnquiryFeedback } from "./use-enquiry-mutation";

type CalculatorForm = {
  leaveDate?: Dayjs | null;
  reductionMonth?: Dayjs | null;
  creditStartMonth?: Dayjs | null;
  monthlyCredit?: string;
  yearlyTotal?: string;
  openingBalance?: string;
  cardSpending?: string;
  familyAid?: string;
  deductions?: string;
  reportedBalance?: string;
};

// Where the rule's message for one of its inputs is shown.
const FORM_FIELD: Record<keyof LeaveCalculationInput, keyof CalculatorForm> = {
  leaveDate: "leaveDate",
  reductionMonth: "reductionMonth",
  creditStartMonth: "creditStartMonth",
  monthlyCreditFen: "monthlyCredit",
  yearlyTotalFen: "yearlyTotal",
  openingBalanceFen: "openingBalance",
  cardSpendingFen: "cardSpending",
  familyAidFen: "familyAid",
  deductionsFen: "deductions",
  reportedBalanceFen: "reportedBalance",
};

// Blank → null; mistyped → undefined (the field shows its own message).
const fenOf = (raw?: string) => {
  if (!raw?.trim()) return null;
  const parsed = parseYuanToFen(raw);
  return parsed.ok ? parsed.fen : undefined;
};

// The pickers give back what was picked; only its calendar text travels, so no date arithmetic
// happens in the browser's time zone: the server works out the insurance year. A yearly total
// is sent only where the region pre-allocates.
function toInput(
  values: CalculatorForm | undefined,
  preAllocating: boolean,
): LeaveCalculationInput | null {
  if (!values?.leaveDate || !values.reductionMonth) return null;
  const amounts = {
    monthlyCreditFen: fenOf(values.monthlyCredit),
    yearlyTotalFen: preAllocating ? fenOf(values.yearlyTotal) : null,
    openingBalanceFen: fenOf(values.openingBalance),
    cardSpendingFen: fenOf(values.cardSpending),
    familyAidFen: fenOf(values.familyAid),
    deductionsFen: fenOf(values.deductions),
    reportedBalanceFen: fenOf(values.reportedBalance),
  };
  if (Object.values(amounts).includes(undefined)) return null;
  if (amounts.monthlyCreditFen === null && amounts.yearlyTotalFen === null) return null;
  return {
    leaveDate: values.leaveDate.format("YYYY-MM-DD"),
    reductionMonth: values.reductionMonth.format("YYYY-MM"),
    creditStartMonth: values.creditStartMonth?.format("YYYY-MM") ?? null,
    ...(amounts as { [K in keyof typeof amounts]: number | null }),
  };
}

function YuanField(props: {
  label: string;
  name: keyof CalculatorForm;
  rules: FormItemProps["rules"];
  placeholder: string;
  dependencies?: FormItemProps["dependencies"];
  extra?: ReactNode;
  fieldError: (name: keyof CalculatorForm) => FormItemProps;
}) {
  return (
    <Form.Item
      label={props.label}
      name={props.name}
      rules={props.rules}
      dependencies={props.dependencies}
      extra={props.extra}
      {...props.fieldError(props.name)}
    >
      <Input inputMode="decimal" placeholder={props.placeholder} />
    </Form.Item>
  );
}

export function LeaveCalculator({ detail, canEdit }: { detail: EnquiryDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const { enquiry } = detail;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CalculatorForm>();
  const values = Form.useWatch([], form) as CalculatorForm | undefined;
  // The region's settings first (what the form offers depends on them), then the result of
  // the figures as typed, from the same procedure.
  const settings = useQuery({
    ...trpc.insights.leaveCalculation.queryOptions({ id: enquiry.id }),
    enabled: open,
  });
  const preAllocating = settings.data?.creditingMode === "pre_allocation";
  const input = toInput(values, preAllocating);
  const settled = useSettled(input, 400);
  const answer = useQuery({
    ...trpc.insights.leaveCalculation.queryOptions({ id: enquiry.id, calculation: settled }),
    enabled: open && settled !== null,
    placeholderData: keepPreviousData,
  });
  // The last answer stays on screen, dimmed, while the next is on its way; only an answer to
  // the figures as they stand now can be saved or put messages next to fields.
  const shown = input === null ? null : (answer.data?.result ?? null);
  const current =
    shown !== null &&
    !answer.isPlaceholderData &&
    JSON.stringify(input) === JSON.stringify(settled);
  const result = current ? shown : null;
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
  const fieldError = (name: keyof CalculatorForm): FormItemProps =>
    result && !result.ok && FORM_FIELD[result.field] === name
      ? { validateStatus: "error", help: result.message }
      : {};
  const suggestion = result?.ok ? result.value.deductionSuggestion : null;

  return (
    <>
      <Button icon={<CalculatorOutlined />} onClick={() => setOpen(true)}>
        离职减员计算
      </Button>
      <Drawer
        title="离职减员计算"
        open={open}
        onClose={() => setOpen(false)}
        size={640}
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
        {settings.data ? (
          <LeavePolicySettings answer={settings.data} value={shown?.ok ? shown.value : null} />
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
        <Form<CalculatorForm>
          form={form}
          layout="vertical"
          initialValues={{
            reportedBalance:
              enquiry.reportedBalanceFen === null
                ? undefined
                : fenToYuanString(enquiry.reportedBalanceFen),
          }}
          onValuesChange={(changed: CalculatorForm) => {
            // The 减员 month follows the leave date until the caseworker picks one.
            if ("leaveDate" in changed && !form.isFieldTouched("reductionMonth")) {
              form.setFieldValue("reductionMonth", changed.leaveDate ?? null);
            }
          }}
        >
          <Row gutter={16}>
            <Col xs={24} sm={8}>
              <Form.Item
                label="离职日期"
                name="leaveDate"
                rules={[{ required: true, message: "请选择离职日期" }]}
                {...fieldError("leaveDate")}
              >
                <DatePicker style={{ width: "100%" }} placeholder="选择日期" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                label="减员生效月份"
                name="reductionMonth"
                tooltip="单位办理减员后最后一个缴费月份：该月仍划入，次月起至医保年度末不再划入；默认为离职当月"
                rules={[{ required: true, message: "请选择减员生效月份" }]}
                {...fieldError("reductionMonth")}
              >
                <DatePicker picker="month" style={{ width: "100%" }} placeholder="选择月份" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                label="本年度起划月份"
                name="creditStartMonth"
                tooltip="年度中途参保的填参保月份；不填按医保年度首月"
                {...fieldError("creditStartMonth")}
              >
                <DatePicker picker="month" style={{ width: "100%" }} placeholder="默认年度首月" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <YuanField
                label="每月划入金额（元）"
                name="monthlyCredit"
                dependencies={["yearlyTotal"]}
                rules={[
                  ({ getFieldValue }) => ({
                    required: !getFieldValue("yearlyTotal")?.trim(),
                    message: preAllocating
                      ? "请填写每月划入金额或全年预划总额"
                      : "请填写每月划入金额",
                  }),
                  yuanRule("每月划入金额", { allowNegative: false }),
                ]}
                placeholder="如 200.00"
                fieldError={fieldError}
              />
            </Col>
            {preAllocating && (
              <Col xs={24} sm={12}>
                <YuanField
                  label="全年预划总额（元）"
                  name="yearlyTotal"
                  rules={[yuanRule("全年预划总额", { allowNegative: false })]}
                  placeholder="选填，与每月金额核对"
                  fieldError={fieldError}
                />
              </Col>
            )}
          </Row>
          <YuanField
            label="上年结转余额（元）"
            name="openingBalance"
            rules={[yuanRule("上年结转余额")]}
            placeholder="不填按 0 计算"
            fieldError={fieldError}
          />
          <Typography.Text strong>离职前支出（选填，不填按 0 计算）</Typography.Text>
          <Row gutter={16} style={{ marginTop: 8 }}>
            <Col xs={24} sm={8}>
              <YuanField
                label="刷卡支出（元）"
                name="cardSpending"
                rules={[yuanRule("刷卡支出", { allowNegative: false })]}
                placeholder="门诊、购药等"
                fieldError={fieldError}
              />
            </Col>
            <Col xs={24} sm={8}>
              <YuanField
                label="家庭共济支出（元）"
                name="familyAid"
                rules={[yuanRule("家庭共济支出", { allowNegative: false })]}
                placeholder="绑定亲属使用"
                fieldError={fieldError}
              />
            </Col>
            <Col xs={24} sm={8}>
              <YuanField
                label="扣缴金额（元）"
                name="deductions"
                rules={[yuanRule("扣缴金额", { allowNegative: false })]}
                placeholder="大额医疗补助等"
                fieldError={fieldError}
                extra={
                  suggestion && (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0, height: "auto", whiteSpace: "normal" }}
                      onClick={() =>
                        form.setFieldValue("deductions", fenToYuanString(suggestion.fen))
                      }
                    >
                      按本地区标准填入：{suggestion.text}
                    </Button>
                  )
                }
              />
            </Col>
          </Row>
          <YuanField
            label="参保人反映余额（元）"
            name="reportedBalance"
            rules={[yuanRule("反映余额")]}
            placeholder="可为负数，如 -356.20"
            fieldError={fieldError}
          />
        </Form>
        {shown?.ok && (
          <div aria-busy={!current} style={{ opacity: current ? 1 : 0.6 }}>
            <LeaveCalculationResult value={shown.value} />
          </div>
        )}
      </Drawer>
    </>
  );
}
