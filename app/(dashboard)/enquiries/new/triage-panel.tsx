"use client";

import { CloseOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Tag,
  Typography,
} from "antd";
import { useEffect, useMemo } from "react";
import { confirmDateOnly } from "@/app/_components/date-field-keys";
import { toOptions } from "@/app/_components/filter-controls";
import { yuanRule } from "@/app/_components/schema-rule";
import { SuggestionList, sameCause, withSuggestedCause } from "@/app/_components/suggestion-list";
import { errorMessage } from "@/app/_components/trpc-error";
import { useSettled } from "@/app/_components/use-settled";
import { useTRPC } from "@/app/_trpc/client";
import {
  ACCOUNT_PARTS,
  BALANCE_QUERY_METHODS,
  CARD_STATES,
  insuranceLabel,
  type MemberInsurance,
  type Symptom,
} from "@/db/constants";
import { shanghaiDay } from "@/server/rules/calendar-day";
import { assessCauses } from "@/server/rules/cause-assessment";
import type { CueKey } from "@/server/rules/description/cues";
import { parseYuanToFen } from "@/server/rules/money";
import { reasonText } from "@/server/rules/triage";
import type { CauseTag } from "@/server/schemas/enquiries";
import {
  INSURANCE_OPTIONS,
  type Question,
  questionsFor,
  type TriageFormValues,
  toTriageFacts,
  verifiedInsurance,
  YES_NO_OPTIONS,
} from "./triage-facts";

const half = { xs: 24, md: 12, xl: 8 };

const CHOICES = {
  yesNo: YES_NO_OPTIONS,
  card: toOptions(CARD_STATES),
  accountPart: toOptions(ACCOUNT_PARTS),
  queryMethod: toOptions(BALANCE_QUERY_METHODS),
} as const;

// One question, left empty when it was not asked.
function QuestionField({ question }: { question: Question }) {
  const name = ["triage", question.field];
  const { kind, label } = question;
  const input =
    kind === "day" || kind === "month" ? (
      <DatePicker
        picker={kind === "month" ? "month" : "date"}
        style={{ width: "100%" }}
        placeholder={kind === "month" ? "选择月份" : "选择日期"}
        onKeyDown={confirmDateOnly}
      />
    ) : kind === "count" ? (
      <InputNumber min={0} max={600} precision={0} style={{ width: "100%" }} placeholder="未询问" />
    ) : kind === "yuan" ? (
      <Input inputMode="decimal" placeholder="如 3000.00" />
    ) : (
      <Select allowClear placeholder="未询问" options={CHOICES[kind]} />
    );
  return (
    <Col {...half}>
      <Form.Item label={label} name={name} rules={kind === "yuan" ? [yuanRule(label)] : undefined}>
        {input}
      </Form.Item>
    </Col>
  );
}

// Holds a form value nothing edits directly (the struck-out cues), so the form submits it.
function Kept(_: { value?: unknown }) {
  return null;
}

type WatchedForm = {
  symptom?: Symptom;
  reportedBalance?: string;
  description?: string;
};

// 原因研判: what the description says (as chips the caseworker can strike out), the questions
// the symptom calls for, and the suggestions, which follow every change. The caseworker tags a
// cause with "采纳", which only fills the cause field of the form.
export function TriagePanel({
  form,
  memberInsurance,
}: {
  form: FormInstance;
  memberInsurance: MemberInsurance | null;
}) {
  const symptom = Form.useWatch<WatchedForm["symptom"]>("symptom", form);
  const reportedBalance = Form.useWatch<WatchedForm["reportedBalance"]>("reportedBalance", form);
  const description = useSettled(
    Form.useWatch<WatchedForm["description"]>("description", form) ?? "",
    300,
  );
  const causes = Form.useWatch<CauseTag[] | undefined>("causes", form) ?? [];
  const values = Form.useWatch<TriageFormValues | undefined>("triage", form);
  const removed = values?.removedCues ?? [];
  const insurance = verifiedInsurance(values?.insurance) ?? memberInsurance;
  // Kept between renders, so the assessment below reruns only when an input changes.
  const questions = useMemo(
    () => questionsFor(symptom, insurance, values),
    [symptom, insurance, values],
  );

  // The rules of the handling region (its reform date, insurance year, crediting, deductions),
  // from its settings; suggestions wait until they are known.
  const regionCode = Form.useWatch<string[] | undefined>("region", form)?.at(-1);
  const trpc = useTRPC();
  const policy = useQuery({
    ...trpc.policySettings.forRegion.queryOptions({ regionCode: regionCode ?? "" }),
    enabled: Boolean(regionCode),
    staleTime: 10 * 60_000,
  });

  // Like enquiries of this city in the last 3 working days: a burst reads as an incident.
  const nearby = useQuery({
    ...trpc.insights.sameSymptomNearby.queryOptions({
      regionCode: regionCode ?? "",
      symptom: symptom ?? "negative",
    }),
    enabled: Boolean(regionCode && symptom),
    staleTime: 60_000,
  });

  // 档次 are the region's own; asked of 职工医保 members where it has tiers.
  const tierNames = useMemo(
    () =>
      insurance?.scheme === "employee"
        ? (policy.data?.policy.employee_tiers.value.tiers ?? []).map((tier) => tier.name)
        : [],
    [insurance?.scheme, policy.data],
  );

  // A tier of another region (the handling region changed) is no answer here.
  useEffect(() => {
    const chosen = form.getFieldValue(["triage", "tier"]);
    if (chosen && !tierNames.includes(chosen)) form.setFieldValue(["triage", "tier"], undefined);
  }, [tierNames, form]);

  const assessment = useMemo(() => {
    if (!symptom || !policy.data) return null;
    const {
      insurance: _verified,
      removedCues,
      ...answers
    } = toTriageFacts(values, questions, tierNames);
    const facts = nearby.data ? { ...answers, sameSymptomNearby: nearby.data } : answers;
    const balance = reportedBalance?.trim() ? parseYuanToFen(reportedBalance) : null;
    return assessCauses({
      description,
      removedCues,
      symptom,
      insurance,
      balanceFen: balance?.ok ? balance.fen : null,
      facts,
      today: shanghaiDay(new Date()),
      policy: policy.data.policy,
    });
  }, [
    symptom,
    reportedBalance,
    description,
    values,
    questions,
    insurance,
    policy.data,
    nearby.data,
    tierNames,
  ]);
  const suggestions = (assessment?.suggestions ?? []).map((s) => ({ ...s, reason: reasonText(s) }));
  const cues = assessment?.cues ?? [];
  const strike = (key: CueKey) =>
    form.setFieldValue(["triage", "removedCues"], [...new Set([...removed, key])]);

  return (
    <Card
      type="inner"
      title="原因研判"
      style={{ marginBottom: 16 }}
      extra={<span>以下均为选填，填得越多建议越准</span>}
    >
      <Form.Item name={["triage", "removedCues"]} hidden>
        <Kept />
      </Form.Item>
      {cues.length > 0 && (
        <Flex wrap gap={6} align="center" style={{ marginBottom: 16 }} aria-label="从描述识别">
          <Typography.Text type="secondary">从描述识别：</Typography.Text>
          {cues.map((cue) => (
            <Tag key={`${cue.key}-${cue.negated}`} title={`原文：${cue.text}`}>
              {/* The member only asked or guessed: a topic, not a fact. */}
              {cue.asked ? `${cue.label}（疑问）` : cue.label}
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined />}
                aria-label={`删除识别项 ${cue.label}`}
                onClick={() => strike(cue.key)}
                style={{ marginInlineStart: 2, height: 18, width: 18, minWidth: 18 }}
              />
            </Tag>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            识别有误可删除；下面的回答优先于描述
          </Typography.Text>
        </Flex>
      )}
      {removed.length > 0 && (
        <Typography.Link
          style={{ display: "block", marginTop: -8, marginBottom: 12 }}
          onClick={() => form.setFieldValue(["triage", "removedCues"], [])}
        >
          恢复已删除的识别项（{removed.length}）
        </Typography.Link>
      )}
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
        {tierNames.length > 0 && (
          <Col {...half}>
            <Form.Item label="档次" name={["triage", "tier"]}>
              <Select
                allowClear
                placeholder="未询问"
                options={tierNames.map((name) => ({ value: name, label: name }))}
              />
            </Form.Item>
          </Col>
        )}
        {questions.map((question) => (
          <QuestionField key={question.field} question={question} />
        ))}
      </Row>
      {policy.isError && (
        <Alert
          type="error"
          showIcon
          title={`受理地区的政策参数加载失败，暂不能给出研判建议：${errorMessage(policy.error)}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <SuggestionList
        suggestions={suggestions}
        adopted={(s) => causes.some((tag) => sameCause(tag, s))}
        onAdopt={(s) => form.setFieldValue("causes", withSuggestedCause(causes, s))}
        emptyText={symptom ? "暂无明确方向，请补充上面的情况" : "选择「反映问题」后显示研判建议"}
      />
    </Card>
  );
}
