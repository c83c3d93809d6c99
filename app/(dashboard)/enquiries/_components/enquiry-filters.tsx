"use client";

import { SearchOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { FilterField, MultiSelectFilter, RegionFilter } from "@/app/_components/filter-controls";
import { useTRPC } from "@/app/_trpc/client";
import {
  CAUSE_LABELS,
  CAUSES,
  CHANNELS,
  ENQUIRY_STATUSES,
  type Role,
  SYMPTOMS,
  subReasonFits,
  subReasonsOf,
} from "@/db/constants";
import type { EnquiryFilters, ListSort } from "./search-params";

const SORT_OPTIONS: { value: ListSort; label: string }[] = [
  { value: "newest", label: "最新受理" },
  { value: "oldest", label: "最早受理" },
  { value: "due", label: "最近到期" },
];

export function EnquiryFiltersBar({
  filters,
  role,
  onChange,
  onReset,
}: {
  filters: EnquiryFilters;
  role: Role;
  onChange: (next: EnquiryFilters) => void;
  onReset: () => void;
}) {
  const trpc = useTRPC();
  const regions = useQuery(trpc.regions.options.queryOptions());
  const assignees = useQuery(trpc.enquiries.assignees.queryOptions({}));
  const set = (patch: Partial<EnquiryFilters>) => onChange({ ...filters, ...patch });
  // The sub-reasons of the chosen causes that have any (政策改革, 其他), named with their cause.
  const subChoices = filters.cause.flatMap((cause) =>
    subReasonsOf(cause).map((option) => ({
      code: option.code,
      label: `${CAUSE_LABELS[cause]}·${option.label}`,
    })),
  );

  // The search box applies on Enter, not on each keystroke, so typing a Chinese word through an
  // input method does not fire a query per syllable. It follows the URL when that changes.
  const [searchText, setSearchText] = useState(filters.q ?? "");
  useEffect(() => setSearchText(filters.q ?? ""), [filters.q]);

  return (
    <Form layout="vertical" component={false}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item label="搜索" htmlFor="filter-q" style={{ marginBottom: 12 }}>
            <Input.Search
              id="filter-q"
              aria-label="搜索问题描述或参保人姓名"
              placeholder="搜索问题描述或参保人姓名，如：透支、负数"
              allowClear
              enterButton={<Button aria-label="搜索" icon={<SearchOutlined />} />}
              maxLength={50}
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
              onSearch={(value) => set({ q: value.trim() || undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label="受理日期" htmlFor="filter-opened" style={{ marginBottom: 12 }}>
            <DatePicker.RangePicker
              id={{ start: "filter-opened" }}
              aria-label="受理日期范围"
              style={{ width: "100%" }}
              allowEmpty={[true, true]}
              value={[
                filters.from ? dayjs(filters.from) : null,
                filters.to ? dayjs(filters.to) : null,
              ]}
              onChange={(range) =>
                set({
                  from: range?.[0]?.format("YYYY-MM-DD"),
                  to: range?.[1]?.format("YYYY-MM-DD"),
                })
              }
            />
          </Form.Item>
        </Col>
        <FilterField id="filter-region" label="地区">
          <RegionFilter
            id="filter-region"
            regions={regions.data}
            value={filters.region}
            onChange={(region) => set({ region })}
          />
        </FilterField>
        <FilterField id="filter-status" label="状态">
          <MultiSelectFilter
            id="filter-status"
            label="状态"
            placeholder="全部状态"
            choices={ENQUIRY_STATUSES}
            value={filters.status}
            onChange={(status) => set({ status })}
          />
        </FilterField>
        <FilterField id="filter-cause" label="原因分类">
          <MultiSelectFilter
            id="filter-cause"
            label="原因分类"
            placeholder="全部原因"
            choices={CAUSES}
            value={filters.cause}
            // A sub-reason belongs to its cause: dropping the cause drops its sub-reasons.
            onChange={(cause) =>
              set({
                cause,
                sub: filters.sub.filter((code) => cause.some((c) => subReasonFits(c, code))),
              })
            }
          />
        </FilterField>
        {subChoices.length > 0 && (
          <FilterField id="filter-sub" label="子原因">
            <MultiSelectFilter
              id="filter-sub"
              label="子原因"
              placeholder="全部子原因"
              choices={subChoices}
              value={filters.sub}
              onChange={(sub) => set({ sub })}
            />
          </FilterField>
        )}
        <FilterField id="filter-symptom" label="反映问题">
          <MultiSelectFilter
            id="filter-symptom"
            label="反映问题"
            placeholder="全部问题"
            choices={SYMPTOMS}
            value={filters.symptom}
            onChange={(symptom) => set({ symptom })}
          />
        </FilterField>
        <FilterField id="filter-channel" label="受理渠道">
          <MultiSelectFilter
            id="filter-channel"
            label="受理渠道"
            placeholder="全部渠道"
            choices={CHANNELS}
            value={filters.channel}
            onChange={(channel) => set({ channel })}
          />
        </FilterField>
        <FilterField id="filter-assignee" label="经办人">
          <Flex gap={8} align="center">
            <Select
              id="filter-assignee"
              aria-label="经办人"
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder="全部经办人"
              loading={assignees.isPending}
              // "只看我的" already names the assignee; both at once would contradict.
              disabled={filters.mine}
              style={{ flex: 1, minWidth: 0 }}
              options={assignees.data?.map((user) => ({
                value: user.id,
                label: user.regionScopeName
                  ? `${user.displayName}（${user.regionScopeName}）`
                  : user.displayName,
              }))}
              value={filters.assignee}
              onChange={(assignee) => set({ assignee })}
            />
            {(role === "caseworker" || filters.mine) && (
              <Checkbox
                checked={filters.mine}
                onChange={(event) => set({ mine: event.target.checked, assignee: undefined })}
                style={{ whiteSpace: "nowrap" }}
              >
                只看我的
              </Checkbox>
            )}
          </Flex>
        </FilterField>
        <FilterField id="filter-sort" label="排序">
          <Flex gap={8}>
            <Select
              id="filter-sort"
              aria-label="排序"
              style={{ flex: 1, minWidth: 0 }}
              options={SORT_OPTIONS}
              value={filters.sort}
              onChange={(sort) => set({ sort })}
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
