"use client";

import { Button, Cascader, Col, DatePicker, Flex, Form, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ReactNode } from "react";
import { CAUSES, CHANNELS, SYMPTOMS } from "@/db/constants";
import { type AnalyticsFilter, monthsBetween } from "@/server/schemas/analytics";
import { type RegionOption, regionTrail } from "./region-trail";

const toOptions = (list: readonly { code: string; label: string }[]) =>
  list.map((item) => ({ value: item.code, label: item.label }));

// The contract caps a period at 60 months; longer picks are greyed out rather than refused.
const MAX_MONTHS = 60;

function tooFarFrom(current: Dayjs, from: Dayjs | undefined): boolean {
  if (!from) return false;
  const [a, b] = [from.format("YYYY-MM"), current.format("YYYY-MM")].sort() as [string, string];
  return monthsBetween(a, b) > MAX_MONTHS;
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={8} xl={4}>
      <Form.Item label={label} htmlFor={id} style={{ marginBottom: 12 }}>
        {children}
      </Form.Item>
    </Col>
  );
}

export function AnalyticsFilters({
  filter,
  regions,
  onChange,
  onReset,
}: {
  filter: AnalyticsFilter;
  regions: RegionOption[] | undefined;
  onChange: (next: AnalyticsFilter) => void;
  onReset: () => void;
}) {
  const set = (patch: Partial<AnalyticsFilter>) => onChange({ ...filter, ...patch });
  const nonEmpty = <T,>(list: T[]) => (list.length ? list : undefined);

  return (
    <Form layout="vertical" component={false}>
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item label="统计月份" htmlFor="analytics-period" style={{ marginBottom: 12 }}>
            <DatePicker.RangePicker
              id={{ start: "analytics-period" }}
              aria-label="统计月份范围"
              picker="month"
              allowClear={false}
              style={{ width: "100%" }}
              value={[dayjs(`${filter.from}-01`), dayjs(`${filter.to}-01`)]}
              disabledDate={(current, info) => tooFarFrom(current, info.from)}
              onChange={(range) => {
                const [from, to] = range ?? [];
                if (from && to) set({ from: from.format("YYYY-MM"), to: to.format("YYYY-MM") });
              }}
            />
          </Form.Item>
        </Col>
        <Field id="analytics-region" label="地区">
          <Cascader
            id="analytics-region"
            aria-label="地区"
            placeholder="全部地区"
            options={regions ?? []}
            changeOnSelect
            showSearch
            value={regions ? regionTrail(regions, filter.regionCode).map((r) => r.value) : []}
            onChange={(path) => set({ regionCode: path?.at(-1) })}
          />
        </Field>
        <Field id="analytics-cause" label="原因分类">
          <Select
            id="analytics-cause"
            aria-label="原因分类"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部原因"
            options={toOptions(CAUSES)}
            value={filter.causes ?? []}
            onChange={(causes) => set({ causes: nonEmpty(causes) })}
          />
        </Field>
        <Field id="analytics-symptom" label="反映问题">
          <Select
            id="analytics-symptom"
            aria-label="反映问题"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部问题"
            options={toOptions(SYMPTOMS)}
            value={filter.symptoms ?? []}
            onChange={(symptoms) => set({ symptoms: nonEmpty(symptoms) })}
          />
        </Field>
        <Col xs={24} sm={12} lg={8} xl={6}>
          <Form.Item label="受理渠道" htmlFor="analytics-channel" style={{ marginBottom: 12 }}>
            <Flex gap={8}>
              <Select
                id="analytics-channel"
                aria-label="受理渠道"
                mode="multiple"
                allowClear
                maxTagCount="responsive"
                placeholder="全部渠道"
                style={{ flex: 1, minWidth: 0 }}
                options={toOptions(CHANNELS)}
                value={filter.channels ?? []}
                onChange={(channels) => set({ channels: nonEmpty(channels) })}
              />
              {/* Without autoInsertSpace antd would render "重 置", and that becomes its name. */}
              <Button autoInsertSpace={false} onClick={onReset}>
                重置
              </Button>
            </Flex>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
