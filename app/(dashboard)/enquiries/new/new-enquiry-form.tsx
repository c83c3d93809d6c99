"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Col, Form, Input, Row, Select, Space } from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CauseEditor, causeEditorError } from "@/app/_components/cause-editor";
import { toOptions } from "@/app/_components/filter-controls";
import { formatDateTime } from "@/app/_components/format";
import { yuanRule } from "@/app/_components/schema-rule";
import { applyFieldErrors, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { CHANNELS, OPEN_STATUSES } from "@/db/constants";
import type { CauseTag, CreateEnquiryInput } from "@/server/schemas/enquiries";
import { MemberPicker } from "../../members/_components/member-picker";
import {
  cityPath,
  DescriptionField,
  EnquiryFormCard,
  optionalFen,
  RegionField,
  ReportedBalanceField,
  SubmitRow,
  SymptomField,
} from "../_components/enquiry-fields";
import { RecentEnquiries } from "./recent-enquiries";
import {
  questionsFor,
  type TriageFormValues,
  toTriageFacts,
  verifiedInsurance,
} from "./triage-facts";
import { TriagePanel } from "./triage-panel";

type PickedMember = { id: number; name: string; idNumberMasked: string };

type FormValues = {
  member: PickedMember | null;
  region: string[] | undefined;
  channel: CreateEnquiryInput["channel"];
  symptom: CreateEnquiryInput["symptom"];
  reportedBalance?: string;
  disputedAmount?: string;
  description: string;
  causes: CauseTag[];
  triage?: TriageFormValues;
  relatedEnquiryIds?: number[];
};

export function NewEnquiryForm({ defaultRegion }: { defaultRegion: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [form] = Form.useForm<FormValues>();
  // One key per form: a double click or a retry after a lost response files one enquiry.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [serverError, setServerError] = useState<string | null>(null);
  const member = Form.useWatch("member", form);

  const regions = useQuery(trpc.regions.options.queryOptions());
  // The recorded 险种 and 人员类别 feed the triage rules.
  const memberDetail = useQuery({
    ...trpc.members.byId.queryOptions({ id: member?.id ?? 0 }),
    enabled: Boolean(member?.id),
  });
  const openOnes = useQuery({
    ...trpc.enquiries.list.queryOptions({
      memberId: member?.id ?? 0,
      status: [...OPEN_STATUSES],
      limit: 5,
    }),
    enabled: Boolean(member?.id),
  });
  const create = useMutation(
    trpc.enquiries.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/enquiries/${id}`),
      onError: (error) => {
        setServerError(errorMessage(error));
        applyFieldErrors(form, error);
      },
    }),
  );

  const onFinish = (values: FormValues) => {
    setServerError(null);
    if (!values.member) return;
    create.mutate({
      idempotencyKey,
      memberId: values.member.id,
      regionCode: values.region?.at(-1),
      channel: values.channel,
      symptom: values.symptom,
      reportedBalanceFen: optionalFen(values.reportedBalance),
      disputedAmountFen: optionalFen(values.disputedAmount),
      description: values.description,
      causes: values.causes ?? [],
      triage: toTriageFacts(
        values.triage,
        questionsFor(
          values.symptom,
          verifiedInsurance(values.triage?.insurance) ?? memberDetail.data?.insurance ?? null,
          values.triage,
        ),
      ),
      relatedEnquiryIds: values.relatedEnquiryIds ?? [],
    });
  };

  return (
    <EnquiryFormCard title="新建咨询" error={serverError}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<FormValues>) => {
          // Links belong to the member they were chosen for.
          if ("member" in changed) form.setFieldValue("relatedEnquiryIds", []);
        }}
        initialValues={{ causes: [], region: cityPath(defaultRegion), member: null }}
        scrollToFirstError
      >
        <Form.Item
          label="参保人"
          name="member"
          rules={[{ required: true, message: "请查询并选择参保人，或录入新参保人" }]}
        >
          <MemberPicker />
        </Form.Item>
        {openOnes.data && openOnes.data.items.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="该参保人已有未办结的咨询，请确认是否为同一问题"
            description={
              <Space direction="vertical" size={0}>
                {openOnes.data.items.map((item) => (
                  <Link key={item.id} href={`/enquiries/${item.id}`}>
                    #{item.id} · {formatDateTime(item.openedAt)} · {item.description}
                  </Link>
                ))}
              </Space>
            }
          />
        )}
        <Form.Item name="relatedEnquiryIds" noStyle>
          <RecentEnquiries memberId={member?.id ?? null} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label="受理渠道"
              name="channel"
              rules={[{ required: true, message: "请选择受理渠道" }]}
            >
              <Select options={toOptions(CHANNELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <SymptomField />
          </Col>
          <Col xs={24} md={8}>
            <RegionField
              label="受理地区"
              name="region"
              options={regions.data}
              loading={regions.isLoading}
              showSearch
            />
          </Col>
          <Col xs={24} md={8}>
            <ReportedBalanceField extra="可为负数，如 -356.20" />
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="涉及金额（元）"
              name="disputedAmount"
              rules={[yuanRule("涉及金额", { allowNegative: false })]}
            >
              <Input inputMode="decimal" placeholder="如 500.00" />
            </Form.Item>
          </Col>
        </Row>
        <DescriptionField
          label="问题描述"
          placeholder="用参保人的话记录问题，如：离职后个账显示负数 -356.20 元"
        />
        <TriagePanel form={form} memberInsurance={memberDetail.data?.insurance ?? null} />
        <Form.Item
          label="原因分类"
          name="causes"
          extra="可多选，并指定一个主要原因；暂不能确定时可稍后在工单中补充"
          rules={[
            {
              validator: async (_: unknown, tags?: CauseTag[]) => {
                const problem = causeEditorError(tags, false);
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <CauseEditor />
        </Form.Item>
        <SubmitRow label="提交" pending={create.isPending} />
      </Form>
    </EnquiryFormCard>
  );
}
