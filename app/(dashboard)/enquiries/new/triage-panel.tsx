"use client";

import { useQuery } from "@tanstack/react-query";
import {
  Card,
  Col,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
} from "antd";
import { useMemo } from "react";
import { confirmDateOnly } from "@/app/_components/date-field-keys";
import { toOptions } from "@/app/_components/filter-controls";
import { yuanRule } from "@/app/_components/schema-rule";
import { SuggestionList, sameCause, withSuggestedCause } from "@/app/_components/suggestion-list";
import { useTRPC } from "@/app/_trpc/client";
import {
  BALANCE_QUERY_METHODS,
  insuranceLabel,
  type MemberInsurance,
  type Symptom,
} from "@/db/constants";
import { shanghaiDay } from "@/server/rules/calendar-day";
import { parseYuanToFen } from "@/server/rules/money";
import { reasonText, regionRulesOf, triage } from "@/server/rules/triage";
import type { CauseTag } from "@/server/schemas/enquiries";
import {
  INSURANCE_OPTIONS,
  type TriageFormValues,
  toTriageFacts,
  YES_NO_OPTIONS,
} from "./triage-facts";

type WatchedForm = {
  symptom?: Symptom;
  reportedBalance?: string;
  causes?: CauseTag[];
  triage?: TriageFormValues;
};

const half = { xs: 24, md: 12, xl: 8 };

type FieldProps = { label: string; field: keyof TriageFormValues };

// A 是 / 否 question, left empty when it was not asked.
function YesNoField({ label, field }: FieldProps) {
  return (
    <Col {...half}>
      <Form.Item label={label} name={["triage", field]}>
        <Select allowClear placeholder="未询问" options={YES_NO_OPTIONS} />
      </Form.Item>
    </Col>
  );
}

function DateField({ label, field }: FieldProps) {
  return (
    <Col {...half}>
      <Form.Item label={label} name={["triage", field]}>
        <DatePicker style={{ width: "100%" }} placeholder="选择日期" onKeyDown={confirmDateOnly} />
      </Form.Item>
    </Col>
  );
}

// 原因研判: optional questions beside the filing form. Suggestions follow every change; the
// caseworker tags a cause with "采纳", which only fills the cause field of the form.
export function TriagePanel({
  form,
  memberInsurance,
}: {
  form: FormInstance;
  memberInsurance: MemberInsurance | null;
}) {
  const symptom = Form.useWatch<WatchedForm["symptom"]>("symptom", form);
  const reportedBalance = Form.useWatch<WatchedForm["reportedBalance"]>("reportedBalance", form);
  const causes = Form.useWatch<CauseTag[] | undefined>("causes", form) ?? [];
  const values = Form.useWatch<TriageFormValues | undefined>("triage", form);
  const leftEmployer = values?.leftEmployer;
  const employerPaid = values?.employerPaid;

  // The rules of the handling region (its reform date, insurance year, crediting), from its
  // settings; suggestions wait until they are known.
  const regionCode = Form.useWatch<string[] | undefined>("region", form)?.at(-1);
  const trpc = useTRPC();
  const policy = useQuery({
    ...trpc.policySettings.forRegion.queryOptions({ regionCode: regionCode ?? "" }),
    enabled: Boolean(regionCode),
    staleTime: 10 * 60_000,
  });
  const region = useMemo(
    () => (policy.data ? regionRulesOf(policy.data.policy) : null),
    [policy.data],
  );

  const suggestions = useMemo(() => {
    if (!symptom || !region) return [];
    const { insurance, ...facts } = toTriageFacts(values);
    const balance = reportedBalance?.trim() ? parseYuanToFen(reportedBalance) : null;
    return triage({
      symptom,
      insurance: insurance ?? memberInsurance,
      balanceFen: balance?.ok ? balance.fen : null,
      facts,
      today: shanghaiDay(new Date()),
      region,
    }).map((s) => ({ ...s, reason: reasonText(s) }));
  }, [symptom, reportedBalance, values, memberInsurance, region]);

  return (
    <Card
      type="inner"
      title="原因研判"
      style={{ marginBottom: 16 }}
      extra={<span>以下均为选填，填得越多建议越准</span>}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="核实险种与人员类别" name={["triage", "insurance"]}>
            <Select
              allowClear
              placeholder={
                memberInsurance ? `按参保人信息：${insuranceLabel(memberInsurance)}` : "未询问"
              }
              options={INSURANCE_OPTIONS}
            />
          </Form.Item>
        </Col>
        <YesNoField label="近期是否离职" field="leftEmployer" />
        {leftEmployer === "yes" && (
          <>
            <DateField label="离职日期" field="leaveDate" />
            <YesNoField label="单位是否已办理减员" field="reductionFiled" />
          </>
        )}
        <YesNoField label="单位是否已缴费" field="employerPaid" />
        {employerPaid === "yes" && <DateField label="单位缴费日期" field="employerPaidOn" />}
        <YesNoField label="是否新参保或新激活社保卡" field="recentlyEnrolled" />
        <Col {...half}>
          <Form.Item label="家庭共济绑定亲属人数" name={["triage", "boundRelatives"]}>
            <InputNumber
              min={0}
              max={20}
              precision={0}
              style={{ width: "100%" }}
              placeholder="未询问"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label="预期余额（元）"
            name={["triage", "expectedBalance"]}
            rules={[yuanRule("预期余额")]}
            extra="参保人认为应有的金额，如按缴费估算"
          >
            <Input inputMode="decimal" placeholder="如 3000.00" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="余额查询方式" name={["triage", "queryMethod"]}>
            <Select allowClear placeholder="未询问" options={toOptions(BALANCE_QUERY_METHODS)} />
          </Form.Item>
        </Col>
      </Row>
      <SuggestionList
        suggestions={suggestions}
        adopted={(s) => causes.some((tag) => sameCause(tag, s))}
        onAdopt={(s) => form.setFieldValue("causes", withSuggestedCause(causes, s))}
        emptyText={symptom ? "暂无明确方向，请补充上面的情况" : "选择「反映问题」后显示研判建议"}
      />
    </Card>
  );
}
