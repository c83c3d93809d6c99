"use client";

import { Col, DatePicker, type DatePickerProps, Form, Input, Radio, Row } from "antd";
import dayjs from "dayjs";
import { toOptions } from "@/app/_components/filter-controls";
import type { RegionOption } from "@/app/_components/region-trail";
import { PRIORITIES, WORK_ORDER_CLASSIFICATIONS, WORK_ORDER_PLATFORMS } from "@/db/constants";
import { RegionField } from "../_components/enquiry-fields";

// What the hotline platform's order itself says: where it came from, its number and
// classification, and its times. The classification and urgency choose the time limits.
export function OrderFields({
  regions,
  loading,
}: {
  regions: RegionOption[] | undefined;
  loading: boolean;
}) {
  return (
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
        <RegionField label="派单地市" name="dispatchingCity" options={regions} loading={loading} />
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
          <MinuteField notAfterToday />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="热线办理期限" name="externalDueAt" extra="工单上写明的期限，选填">
          <MinuteField />
        </Form.Item>
      </Col>
    </Row>
  );
}

// A day and time to the minute; Form.Item's id, value and onChange pass through.
function MinuteField({ notAfterToday, ...field }: DatePickerProps & { notAfterToday?: boolean }) {
  return (
    <DatePicker
      {...field}
      showTime={{ format: "HH:mm" }}
      format="YYYY-MM-DD HH:mm"
      disabledDate={notAfterToday ? (day) => day.isAfter(dayjs(), "day") : undefined}
      style={{ width: "100%" }}
    />
  );
}
