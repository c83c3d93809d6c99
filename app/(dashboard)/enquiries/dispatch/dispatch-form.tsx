"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Cascader,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toOptions } from "@/app/_components/filter-controls";
import { yuanRule } from "@/app/_components/schema-rule";
import { applyFieldErrors, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import {
  PRIORITIES,
  SYMPTOMS,
  WORK_ORDER_CLASSIFICATIONS,
  WORK_ORDER_PLATFORMS,
  type WorkOrderPlatform,
} from "@/db/constants";
import { parseYuanToFen } from "@/server/rules/money";
import type { DispatchWorkOrderInput } from "@/server/schemas/work-orders";
import { MemberPicker } from "../../members/_components/member-picker";

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

const cityPath = (city: string | null) => (city ? [`${city.slice(0, 2)}0000`, city] : undefined);

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
    const balance = values.reportedBalance?.trim() ? parseYuanToFen(values.reportedBalance) : null;
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
      reportedBalanceFen: balance?.ok ? balance.fen : null,
      description: values.description,
    });
  };

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 16 }}>
          登记派单
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">
        按热线平台的工单登记并派至办理地区；签收与办理时限按办理地区的「热线工单办理时限」自派单时间起算。
      </Typography.Paragraph>
      {serverError && (
        <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} />
      )}
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
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="来源平台" name="platform" rules={[{ required: true }]}>
              <Radio.Group options={toOptions(WORK_ORDER_PLATFORMS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="工单编号"
              name="externalNumber"
              rules={[
                { required: true, whitespace: true, message: "请填写工单编号" },
                { max: 40, message: "工单编号不能超过40个字符" },
                { pattern: /^[0-9A-Za-z-]+$/, message: "工单编号只能包含数字、字母和连字符" },
              ]}
            >
              <Input placeholder="热线平台上的工单编号" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="工单分类" name="classification" rules={[{ required: true }]}>
              <Radio.Group options={toOptions(WORK_ORDER_CLASSIFICATIONS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="派单地市"
              name="dispatchingCity"
              rules={[{ required: true, message: "请选择派单的地市" }]}
            >
              <Cascader options={regions.data} loading={regions.isLoading} placeholder="省 / 市" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="派单单位"
              name="dispatchingUnit"
              rules={[
                { required: true, whitespace: true, message: "请填写派单单位" },
                { max: 60, message: "派单单位不能超过60个字" },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="紧急程度" name="priority" rules={[{ required: true }]}>
              <Radio.Group options={toOptions(PRIORITIES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="派单时间"
              name="dispatchedAt"
              rules={[{ required: true, message: "请选择派单时间" }]}
              extra="热线平台派单的时间，时限自此起算"
            >
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(day) => day.isAfter(dayjs(), "day")}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="热线办理期限" name="externalDueAt" extra="工单上写明的期限，选填">
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label="办理地区"
              name="regionCode"
              rules={[{ required: true, message: "请选择办理地区" }]}
            >
              <Cascader options={regions.data} loading={regions.isLoading} placeholder="省 / 市" />
            </Form.Item>
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
        {!member && (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label="来电人姓名"
                name="callerName"
                rules={[
                  { required: true, whitespace: true, message: "请选择参保人，或填写来电人姓名" },
                ]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="来电人手机号"
                name="callerPhone"
                rules={[{ pattern: /^\s*1[3-9]\d{9}\s*$/, message: "手机号应为1开头的11位数字" }]}
              >
                <Input inputMode="tel" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="来电人身份证号" name="callerIdNumber">
                <Input autoComplete="off" maxLength={18} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label="反映问题"
              name="symptom"
              rules={[{ required: true, message: "请选择反映的问题" }]}
            >
              <Select options={toOptions(SYMPTOMS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="反映余额（元）" name="reportedBalance" rules={[yuanRule("反映余额")]}>
              <Input inputMode="decimal" placeholder="如 -356.20" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="诉求内容"
          name="description"
          rules={[
            { required: true, whitespace: true, message: "请填写诉求内容" },
            { max: 2000, message: "诉求内容不能超过2000个字" },
          ]}
        >
          <Input.TextArea rows={4} placeholder="按工单记录来电人的诉求" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={dispatch.isPending}>
            派单
          </Button>
          <Link href="/enquiries">取消</Link>
        </Space>
      </Form>
    </Card>
  );
}
