"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Cascader,
  Col,
  Form,
  type FormRule,
  Input,
  Radio,
  Row,
  Space,
} from "antd";
import { useEffect, useState } from "react";
import type { ZodType } from "zod";
import { toOptions } from "@/app/_components/filter-controls";
import { FormError } from "@/app/_components/form-error";
import { applyFieldErrors, errorData, errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import {
  INSURANCE_SCHEMES,
  type InsuranceScheme,
  PERSON_CATEGORIES,
  type PersonCategory,
} from "@/db/constants";
import {
  createMemberInput,
  DUPLICATE_ID_NUMBER_MESSAGE,
  idNumberShape,
  memberName,
  phoneNumber,
} from "@/server/schemas/members";
import type { PickedMember } from "./types";

type FormValues = {
  name: string;
  idNumber: string;
  phone?: string;
  insuranceScheme: InsuranceScheme;
  // Asked only for 职工医保.
  personCategory?: PersonCategory;
  tier?: string;
  // The Cascader path [province, city]; named after the input field so server errors land here.
  regionCode: string[];
  employerName?: string;
};

// The form checks each field with the schema the router uses, so the message next to a field
// is the one the server would give; blank optional fields are left to `required`.
function schemaRule(schema: ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === "") return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? "格式不正确");
    },
  };
}

const SCHEME_OPTIONS = toOptions(INSURANCE_SCHEMES);
const CATEGORY_OPTIONS = toOptions(PERSON_CATEGORIES);

export type RegisterMemberFormProps = {
  onRegistered: (member: PickedMember) => void;
  // Offered when the ID number is already registered: typically "search for that member".
  onDuplicate?: (idNumber: string) => void;
  onCancel?: () => void;
};

export function RegisterMemberForm({
  onRegistered,
  onDuplicate,
  onCancel,
}: RegisterMemberFormProps) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const idNumber = Form.useWatch("idNumber", form);
  const scheme = Form.useWatch("insuranceScheme", form);
  const regionPath = Form.useWatch("regionCode", form);
  const regionCode = regionPath?.at(-1);
  const regions = useQuery(trpc.regions.options.queryOptions());
  // 档次 are the region's own (地区政策参数): offered only where its 职工医保 has tiers.
  const policy = useQuery({
    ...trpc.policySettings.forRegion.queryOptions({ regionCode: regionCode ?? "" }),
    enabled: scheme === "employee" && Boolean(regionCode),
  });
  const tiers = regionCode ? (policy.data?.policy.employee_tiers.value.tiers ?? []) : [];
  const tierOptions = tiers.map((one) => ({
    value: one.name,
    label: one.personalAccount ? one.name : `${one.name}（不设个人账户）`,
  }));

  // A tier chosen for one region means nothing in another.
  useEffect(() => {
    const chosen = form.getFieldValue("tier");
    if (chosen && !tiers.some((one) => one.name === chosen)) form.setFieldValue("tier", undefined);
  }, [tiers, form]);

  // A caseworker responsible for a single city registers members there; preselect it.
  useEffect(() => {
    const only = regions.data?.length === 1 ? regions.data[0] : undefined;
    const city = only?.children?.length === 1 ? only.children[0] : undefined;
    if (only && city && !form.getFieldValue("regionCode")) {
      form.setFieldValue("regionCode", [only.value, city.value]);
    }
  }, [regions.data, form]);

  const create = useMutation(
    trpc.members.create.mutationOptions({
      onSuccess: (member) => {
        message.success(`已录入参保人 ${member.name}`);
        form.resetFields();
        onRegistered(member);
      },
      onError: (error, input) => {
        const shownOnField = applyFieldErrors(form, error);
        const duplicate =
          errorData(error).field === "idNumber" &&
          errorMessage(error) === DUPLICATE_ID_NUMBER_MESSAGE;
        setDuplicateOf(duplicate ? input.idNumber : null);
        setServerError(shownOnField ? null : errorMessage(error));
      },
    }),
  );

  const onFinish = (values: FormValues) => {
    setServerError(null);
    setDuplicateOf(null);
    create.mutate({
      name: values.name,
      idNumber: values.idNumber,
      phone: values.phone ?? null,
      insuranceScheme: values.insuranceScheme,
      // A category or tier picked before switching to 城乡居民医保 stays in the form, hidden.
      personCategory: values.insuranceScheme === "employee" ? values.personCategory : null,
      tier: values.insuranceScheme === "employee" ? (values.tier ?? null) : null,
      regionCode: values.regionCode.at(-1) ?? "",
      employerName: values.employerName ?? null,
    });
  };

  const idCheck = idNumber ? idNumberShape.safeParse(idNumber) : null;

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMark
      scrollToFirstError
      aria-label="录入参保人"
    >
      <FormError message={serverError} />
      {regions.isError && (
        <Alert
          type="error"
          showIcon
          title={`地区列表加载失败：${errorMessage(regions.error)}`}
          style={{ marginBottom: 16 }}
        />
      )}
      {duplicateOf && onDuplicate && (
        <Alert
          type="warning"
          showIcon
          title="该身份证号已录入，无需重复录入"
          action={
            <Button size="small" onClick={() => onDuplicate(duplicateOf)}>
              查找该参保人
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label="姓名"
            name="name"
            rules={[
              { required: true, whitespace: true, message: "请输入姓名" },
              schemaRule(memberName),
            ]}
          >
            <Input autoComplete="off" maxLength={30} placeholder="与身份证一致" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="身份证号"
            name="idNumber"
            validateTrigger="onBlur"
            rules={[
              { required: true, whitespace: true, message: "请输入身份证号" },
              schemaRule(idNumberShape),
            ]}
            extra={idCheck?.success ? `出生日期：${idCheck.data.birthDate}` : undefined}
          >
            <Input autoComplete="off" maxLength={32} placeholder="18位，末位可为X" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="手机号"
            name="phone"
            validateTrigger="onBlur"
            rules={[schemaRule(phoneNumber)]}
          >
            <Input autoComplete="off" inputMode="tel" maxLength={20} placeholder="选填，11位" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="险种"
            name="insuranceScheme"
            rules={[{ required: true, message: "请选择险种" }]}
          >
            <Radio.Group options={SCHEME_OPTIONS} />
          </Form.Item>
        </Col>
        {scheme === "employee" && (
          <>
            <Col xs={24} sm={12}>
              <Form.Item
                label="人员类别"
                name="personCategory"
                rules={[{ required: true, message: "请选择人员类别" }]}
              >
                <Radio.Group options={CATEGORY_OPTIONS} />
              </Form.Item>
            </Col>
            {tierOptions.length > 0 && (
              <Col xs={24} sm={12}>
                <Form.Item
                  label="档次"
                  name="tier"
                  extra="按参保地区设置的职工医保档次；不清楚可不选"
                >
                  <Radio.Group options={tierOptions} />
                </Form.Item>
              </Col>
            )}
          </>
        )}
        <Col xs={24} sm={12}>
          <Form.Item
            label="参保地区"
            name="regionCode"
            rules={[{ required: true, message: "请选择参保地区" }]}
          >
            <Cascader
              options={regions.data}
              loading={regions.isLoading}
              showSearch
              placeholder="请选择省 / 市"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="参保单位"
            name="employerName"
            rules={[schemaRule(createMemberInput.shape.employerName)]}
          >
            <Input autoComplete="off" maxLength={100} placeholder="选填，灵活就业或居民可不填" />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          录入
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}
