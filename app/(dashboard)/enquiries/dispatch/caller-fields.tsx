"use client";

import { Col, Form, Input, Row } from "antd";

// The caller as the order names them, asked for only when no member was chosen: the desk
// matches them by ID number, phone, then name in the handling city.
export function CallerFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          label="来电人姓名"
          name="callerName"
          rules={[{ required: true, whitespace: true, message: "请选择参保人，或填写来电人姓名" }]}
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
  );
}
