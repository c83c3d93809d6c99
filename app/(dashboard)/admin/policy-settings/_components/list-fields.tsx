"use client";

import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, Switch } from "antd";
import { yuanRule } from "@/app/_components/schema-rule";
import { TIER_MAX_LENGTH } from "@/db/constants";
import { at, YuanInput } from "./field-parts";

// The settings whose value is a list of rows: one line a row, each control named by its row
// number for screen readers, at most as many rows as the schema allows.

const MAX_TIERS = 8;
const MAX_DEDUCTIONS = 6;

export function TierFields() {
  return (
    <Form.List name={at("tiers")}>
      {(fields, { add, remove }, { errors }) => (
        <Form.Item
          label="档次"
          extra="由低到高或按当地名称填写；某档不设个人账户时关闭开关。没有档次时留空，表示不分档次。"
        >
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="baseline" wrap>
              <Form.Item
                name={[field.name, "name"]}
                rules={[{ required: true, whitespace: true, message: "请填写档次名称" }]}
                style={{ marginBottom: 8 }}
              >
                <Input
                  aria-label={`第${index + 1}个档次的名称`}
                  placeholder="如 一档"
                  maxLength={TIER_MAX_LENGTH}
                  style={{ width: 160 }}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, "personalAccount"]}
                valuePropName="checked"
                style={{ marginBottom: 8 }}
              >
                <Switch
                  aria-label={`第${index + 1}个档次设个人账户`}
                  checkedChildren="设个人账户"
                  unCheckedChildren="不设个人账户"
                />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`删除第${index + 1}个档次`}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_TIERS}
            onClick={() => add({ name: "", personalAccount: true })}
          >
            添加档次
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}

export function DeductionFields() {
  return (
    <Form.List name={at("items")}>
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label="扣缴项目" extra="每月从个人账户扣缴的项目，如大额医疗补助；没有时留空。">
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="baseline" wrap>
              <Form.Item
                name={[field.name, "name"]}
                rules={[{ required: true, whitespace: true, message: "请填写扣缴项目" }]}
                style={{ marginBottom: 8 }}
              >
                <Input
                  aria-label={`第${index + 1}项扣缴项目`}
                  placeholder="如 大额医疗补助"
                  maxLength={32}
                  style={{ width: 200 }}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, "monthlyYuan"]}
                rules={[
                  { required: true, message: "请填写每月扣缴金额" },
                  yuanRule("每月扣缴金额", { allowNegative: false }),
                ]}
                style={{ marginBottom: 8 }}
              >
                <YuanInput label={`第${index + 1}项每月扣缴金额`} />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`删除第${index + 1}项扣缴项目`}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_DEDUCTIONS}
            onClick={() => add({ name: "", monthlyYuan: "" })}
          >
            添加扣缴项目
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}

const MAX_PERIODS = 4;

export function OfficeHourFields() {
  return (
    <Form.List name={at("periods")}>
      {(fields, { add, remove }, { errors }) => (
        <Form.Item
          label="工作时段"
          extra="工作日的办公时段（北京时间，HH:MM），按先后填写；按小时计的工单时限只在这些时段内计算。"
        >
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="baseline" wrap>
              {(["from", "to"] as const).map((end) => (
                <Form.Item
                  key={end}
                  name={[field.name, end]}
                  rules={[{ required: true, whitespace: true, message: "请填写时间" }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input
                    aria-label={`第${index + 1}个时段的${end === "from" ? "开始" : "结束"}时间`}
                    placeholder={end === "from" ? "如 08:30" : "如 12:00"}
                    maxLength={5}
                    style={{ width: 100 }}
                  />
                </Form.Item>
              ))}
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`删除第${index + 1}个时段`}
                disabled={fields.length <= 1}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_PERIODS}
            onClick={() => add({ from: "", to: "" })}
          >
            添加时段
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
