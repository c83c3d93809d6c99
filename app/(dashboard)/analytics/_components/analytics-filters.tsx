"use client";

import { Button, Col, DatePicker, Flex, Form, Row } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { FilterField, MultiSelectFilter, RegionFilter } from "@/app/_components/filter-controls";
import type { RegionOption } from "@/app/_components/region-trail";
import { CAUSES, CHANNELS, SYMPTOMS } from "@/db/constants";
import { type AnalyticsFilter, monthsBetween } from "@/server/schemas/analytics";

// The contract caps a period at 60 months; longer picks are greyed out rather than refused.
const MAX_MONTHS = 60;

function tooFarFrom(current: Dayjs, from: Dayjs | undefined): boolean {
  if (!from) return false;
  const [a, b] = [from.format("YYYY-MM"), current.format("YYYY-MM")].sort() as [string, string];
  return monthsBetween(a, b) > MAX_MONTHS;
}

const FIFTH = { xs: 24, sm: 12, lg: 8, xl: 4 };

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
        <FilterField id="analytics-region" label="地区" cols={FIFTH}>
          <RegionFilter
            id="analytics-region"
            regions={regions}
            value={filter.regionCode}
            onChange={(regionCode) => set({ regionCode })}
          />
        </FilterField>
        <FilterField id="analytics-cause" label="原因分类" cols={FIFTH}>
          <MultiSelectFilter
            id="analytics-cause"
            label="原因分类"
            placeholder="全部原因"
            choices={CAUSES}
            value={filter.causes}
            onChange={(causes) => set({ causes: nonEmpty(causes) })}
          />
        </FilterField>
        <FilterField id="analytics-symptom" label="反映问题" cols={FIFTH}>
          <MultiSelectFilter
            id="analytics-symptom"
            label="反映问题"
            placeholder="全部问题"
            choices={SYMPTOMS}
            value={filter.symptoms}
            onChange={(symptoms) => set({ symptoms: nonEmpty(symptoms) })}
          />
        </FilterField>
        <FilterField
          id="analytics-channel"
          label="受理渠道"
          cols={{ xs: 24, sm: 12, lg: 8, xl: 6 }}
        >
          <Flex gap={8}>
            <MultiSelectFilter
              id="analytics-channel"
              label="受理渠道"
              placeholder="全部渠道"
              style={{ flex: 1, minWidth: 0 }}
              choices={CHANNELS}
              value={filter.channels}
              onChange={(channels) => set({ channels: nonEmpty(channels) })}
            />
            {/* Without autoInsertSpace antd would render "重 置", and that becomes its name. */}
            <Button autoInsertSpace={false} onClick={onReset}>
              重置
            </Button>
          </Flex>
        </FilterField>
      </Row>
    </Form>
  );
}
