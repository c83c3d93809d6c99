"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Col, Form, Row, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { applyFieldErrors, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import type { WorkOrderPlatform } from "@/db/constants";
import type { DispatchWorkOrderInput } from "@/server/schemas/work-orders";
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
import { CallerFields } from "./caller-fields";
import { OrderFields } from "./order-fields";

type FormValues = {
  platform: WorkOrderPlatform;
  externalNumber: string;
  dispatchingCity: string[];
  dispatchingUnit: string;
  dispatchedAt: Dayjs;
  externalDueAt?: Dayjs | null;
  classification: DispatchWorkOrderInput["classification"];
  priority: DispatchWorkOrderInput["priority"];
  regionCode: string[];
  assigneeId?: number | null;
  member: { id: number; name: string; idNumberMasked: string } | null;
  callerName?: string;
  callerPhone?: string;
  callerIdNumber?: string;
  symptom: DispatchWorkOrderInput["symptom"];
  reportedBalance?: string;
  description: string;
};

// The unit's usual name, prefilled and editable: 西安市12345市民服务热线, 12393医保服务热线.
function unitName(platform: WorkOrderPlatform, cityLabel: string | undefined) {
  if (platform === "hotline_12345") return `${cityLabel ?? ""}12345市民服务热线`;
  return "12393医保服务热线";
}

export function DispatchForm({ defaultCity }: { defaultCity: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [form] = Form.useForm<FormValues>();
  // One key per form: a double click or a retry after a lost response registers one order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [serverError, setServerError] = useState<string | null>(null);
  const region = Form.useWatch("regionCode", form);
  const member = Form.useWatch("member", form);
  const regionCode = region?.at(-1);

  const regions = useQuery(trpc.regions.options.queryOptions());
  const assignees = useQuery({
    ...trpc.enquiries.assignees.queryOptions({ regionCode: regionCode ?? null }),
    enabled: Boolean(regionCode),
  });
  const dispatch = useMutation(
    trpc.workOrders.dispatch.mutationOptions({
      onSuccess: ({ id }) => router.push(`/enquiries/${id}`),
      onError: (error) => {
        setServerError(errorMessage(error));
        applyFieldErrors(form, error);
      },
    }),
  );

  const cityLabel = (path?: string[]) => {
    const province = regions.data?.find((option) => option.value === path?.[0]);
    return province?.children?.find((option) => option.value === path?.[1])?.label;
  };

  const onFinish = (values: FormValues) => {
    setServerError(null);
    dispatch.mutate({
      idempotencyKey,
      platform: values.platform,
      externalNumber: values.externalNumber,
      dispatchingCity: values.dispatchingCity.at(-1) as string,
      dispatchingUnit: values.dispatchingUnit,
      dispatchedAt: values.dispatchedAt.toDate(),
      externalDueAt: values.externalDueAt?.toDate() ?? null,
      classification: values.classification,
      priority: values.priority,
      regionCode: values.regionCode.at(-1) as string,
      assigneeId: values.assigneeId ?? null,
      memberId: values.member?.id ?? null,
      caller: values.member
        ? null
        : {
            name: values.callerName?.trim() ?? "",
            phone: values.callerPhone?.trim() || null,
            idNumber: values.callerIdNumber?.trim() || null,
          },
      symptom: values.symptom,
      reportedBalanceFen: optionalFen(values.reportedBalance),
      description: values.description,
    });
  };

  return (
    <EnquiryFormCard title="登记派单" error={serverError}>
      <Typography.Paragraph type="secondary">
        按热线平台的工单登记并派至办理地区；签收与办理时限按办理地区的「热线工单办理时限」自派单时间起算。
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError
        initialValues={{
          platform: "hotline_12345",
          classification: "consult",
          priority: "normal",
          dispatchingCity: cityPath(defaultCity),
          regionCode: cityPath(defaultCity),
          dispatchedAt: dayjs(),
          member: null,
        }}
        onValuesChange={(changed: Partial<FormValues>, all) => {
          if ("platform" in changed || "dispatchingCity" in changed) {
            form.setFieldValue(
              "dispatchingUnit",
              unitName(all.platform, cityLabel(all.dispatchingCity)),
            );
          }
          // The caseworker belongs to the region: a new region clears the choice.
          if ("regionCode" in changed) form.setFieldValue("assigneeId", null);
        }}
      >
        <OrderFields regions={regions.data} loading={regions.isLoading} />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <RegionField
              label="办理地区"
              name="regionCode"
              options={regions.data}
              loading={regions.isLoading}
            />
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="派给经办人员" name="assigneeId" extra="不指定时由该地区经办人员签收">
              <Select
                allowClear
                placeholder={regionCode ? "不指定" : "请先选择办理地区"}
                disabled={!regionCode}
                loading={assignees.isFetching}
                options={assignees.data?.map((user) => ({
                  value: user.id,
                  label: user.displayName,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="参保人"
          name="member"
          extra="查不到或不能确定时，填写工单上的来电人信息：系统按身份证号、手机号或本地区姓名匹配，匹配不到的由经办人员回电核实后关联"
        >
          <MemberPicker byNameOnly />
        </Form.Item>
        {!member && <CallerFields />}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <SymptomField />
          </Col>
          <Col xs={24} md={8}>
            <ReportedBalanceField />
          </Col>
        </Row>
        <DescriptionField label="诉求内容" placeholder="按工单记录来电人的诉求" />
        <SubmitRow label="派单" pending={dispatch.isPending} />
      </Form>
    </EnquiryFormCard>
  );
}
