"use client";

import { useQuery } from "@tanstack/react-query";
import {
  Button,
  Cascader,
  DatePicker,
  Descriptions,
  Form,
  type FormInstance,
  Input,
  Radio,
  Select,
} from "antd";
import { confirmDateOnly } from "@/app/_components/date-field-keys";
import { formatDateTime } from "@/app/_components/format";
import { schemaRule } from "@/app/_components/schema-rule";
import { useTRPC } from "@/app/_trpc/client";
import {
  FOLLOW_UP_METHODS,
  RETURN_REASON_LABELS,
  RETURN_REASONS,
  SATISFACTIONS,
} from "@/db/constants";
import { shanghaiDay } from "@/server/rules/calendar-day";
import {
  FIELDS,
  type Field,
  reasonLabel,
  type TransitionAction,
} from "@/server/rules/enquiry-status";
import { isWorkingDay } from "@/server/rules/working-days";
import { transitionInput } from "@/server/schemas/enquiries";
import { type DialogValues, day } from "./transition-input";
import type { EnquiryDetail } from "./types";

// The fields of a transition's dialog, one per requirement in the course table, and what the
// dialog shows of the request being decided.

// What the dialog's decision is about: the request being decided, the supervision answered.
export function DialogContext({
  action,
  detail,
}: {
  action: TransitionAction;
  detail: EnquiryDetail;
}) {
  const order = detail.workOrder;
  if (!order) return null;
  const pending = (kind: "return" | "extension") =>
    order.reviews.find((review) => review.kind === kind && review.stage !== null);
  let items: { label: string; value: string }[] = [];
  if (action === "refuse_return" || action === "centre_refuse_return") {
    const review = pending("return");
    if (review?.returnReason) {
      items = [
        {
          label: "退单原因",
          value: `${RETURN_REASON_LABELS[review.returnReason]}${review.reason ? `：${review.reason}` : ""}`,
        },
      ];
    }
  } else if (action === "refuse_extension" || action === "centre_refuse_extension") {
    const review = pending("extension");
    if (review) {
      items = [
        {
          label: "延期至",
          value: `${review.extendTo ?? "—"}${review.extensionDays ? `（${review.extensionDays}个工作日）` : ""}`,
        },
        { label: "延期原因", value: review.reason ?? "—" },
      ];
    }
  } else if (action === "answer_supervision") {
    const open = order.supervisions.find((supervision) => supervision.answer === null);
    if (open) {
      items = [
        { label: "督办意见", value: open.comment },
        { label: "答复期限", value: formatDateTime(open.replyBy) },
      ];
    }
  } else if (action === "transfer") {
    items = [{ label: "现受理地区", value: detail.regionName }];
  }
  if (items.length === 0) return null;
  return (
    <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
      {items.map((item) => (
        <Descriptions.Item key={item.label} label={item.label}>
          <span style={{ whiteSpace: "pre-wrap" }}>{item.value}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

const { shape } = transitionInput;

export function DialogField({
  field,
  action,
  detail,
  form,
}: {
  field: Field;
  action: TransitionAction;
  detail: EnquiryDetail;
  form: FormInstance<DialogValues>;
}) {
  const today = shanghaiDay(new Date());
  switch (field) {
    case "reason": {
      const label = reasonLabel(action);
      return (
        <Form.Item
          label={label}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: `请填写${label}` },
            schemaRule(shape.reason),
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      );
    }
    case "resolutionSummary":
      return (
        <Form.Item
          label={FIELDS.resolutionSummary}
          name="resolutionSummary"
          rules={[
            { required: true, whitespace: true, message: "请填写处理结果说明" },
            schemaRule(shape.resolutionSummary),
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：单位已办理减员，负数部分由新单位划入资金抵扣" />
        </Form.Item>
      );
    case "followUp":
      return (
        <>
          <Form.Item
            label="回访方式"
            name="method"
            rules={[{ required: true, message: "请选择回访方式" }]}
          >
            <Select options={FOLLOW_UP_METHODS.map((m) => ({ value: m.code, label: m.label }))} />
          </Form.Item>
          <Form.Item
            label="回访结果"
            name="result"
            rules={[{ required: true, whitespace: true, message: "请填写回访结果" }]}
          >
            <Input.TextArea rows={2} placeholder="如：参保人表示已理解并认可处理结果" />
          </Form.Item>
          <Form.Item
            label="满意度"
            name="satisfaction"
            rules={[{ required: true, message: "请选择满意度" }]}
          >
            <Radio.Group options={SATISFACTIONS.map((s) => ({ value: s.code, label: s.label }))} />
          </Form.Item>
        </>
      );
    case "returnReason":
      return <ReturnReasonFields form={form} />;
    case "note":
      return (
        <Form.Item
          label={FIELDS.note}
          name="note"
          rules={[
            { required: true, whitespace: true, message: "请填写不同意的理由" },
            schemaRule(shape.note),
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      );
    case "toRegion":
      return <RegionField detail={detail} />;
    case "resumeOn":
      return (
        <Form.Item
          label={FIELDS.resumeOn}
          name="resumeOn"
          rules={[{ required: true, message: "请选择预计恢复日期" }]}
          extra="挂起期间办理时限暂停计算；恢复办理后继续计时"
        >
          <DatePicker
            style={{ width: "100%" }}
            placeholder="选择日期"
            disabledDate={(value) => day(value) <= today}
            onKeyDown={confirmDateOnly}
          />
        </Form.Item>
      );
    case "extendTo": {
      const dueDay = shanghaiDay(detail.enquiry.dueAt);
      return (
        <Form.Item
          label={FIELDS.extendTo}
          name="extendTo"
          rules={[{ required: true, message: "请选择延期至哪一天" }]}
          extra={`当前办理期限 ${formatDateTime(detail.enquiry.dueAt)}；延期至应为其后的工作日`}
        >
          <DatePicker
            style={{ width: "100%" }}
            placeholder="选择日期"
            disabledDate={(value) => {
              const picked = day(value);
              return picked <= dueDay || picked < today || !isWorkingDay(picked);
            }}
            onKeyDown={confirmDateOnly}
          />
        </Form.Item>
      );
    }
    case "comment":
      return (
        <Form.Item
          label={FIELDS.comment}
          name="comment"
          rules={[
            { required: true, whitespace: true, message: "请填写督办意见" },
            schemaRule(shape.comment),
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      );
    case "replyBy":
      return (
        <Form.Item
          label={FIELDS.replyBy}
          name="replyBy"
          rules={[{ required: true, message: "请选择答复期限" }]}
          extra="北京时间"
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: "100%" }}
            placeholder="选择日期和时间"
            disabledDate={(value) => day(value) < today}
            onKeyDown={confirmDateOnly}
          />
        </Form.Item>
      );
    case "answer":
      return (
        <Form.Item
          label={FIELDS.answer}
          name="answer"
          rules={[
            { required: true, whitespace: true, message: "请填写督办答复" },
            schemaRule(shape.answer),
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      );
  }
}

function ReturnReasonFields({ form }: { form: FormInstance<DialogValues> }) {
  const code = Form.useWatch("returnReason", form);
  return (
    <>
      <Form.Item
        label={FIELDS.returnReason}
        name="returnReason"
        rules={[{ required: true, message: "请选择退单原因" }]}
      >
        <Radio.Group options={RETURN_REASONS.map((r) => ({ value: r.code, label: r.label }))} />
      </Form.Item>
      {code === "other" && (
        <Form.Item
          label="具体原因"
          name="returnReasonText"
          rules={[
            { required: true, whitespace: true, message: "选择「其他」时请写明退单原因" },
            { max: 500, message: "退单原因不能超过500个字" },
          ]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
    </>
  );
}

// 转办 may go to any region: the picker lists every city but the order's present one.
function RegionField({ detail }: { detail: EnquiryDetail }) {
  const trpc = useTRPC();
  const regions = useQuery(trpc.regions.transferTargets.queryOptions());
  const here = detail.enquiry.regionCode;
  // A province is only a container: the order goes to a city.
  const options = (regions.data ?? []).map((province) => ({
    ...province,
    disabled: !province.children?.some((city) => city.value !== here),
    children: province.children?.map((city) => ({ ...city, disabled: city.value === here })),
  }));
  return (
    <Form.Item
      label={FIELDS.toRegion}
      name="toRegion"
      rules={[{ required: true, message: "请选择转办地区" }]}
      extra={
        regions.isError && (
          <span role="alert">
            地区列表未能加载。
            <Button type="link" size="small" onClick={() => regions.refetch()}>
              重新加载
            </Button>
          </span>
        )
      }
    >
      <Cascader
        options={options}
        loading={regions.isLoading}
        showSearch
        placeholder="请选择省 / 市"
      />
    </Form.Item>
  );
}
