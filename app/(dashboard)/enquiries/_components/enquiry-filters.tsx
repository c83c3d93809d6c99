"use client";

import { SearchOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Cascader, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select } from "antd";
import dayjs from "dayjs";
import { type ReactNode, useEffect, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { CAUSES, CHANNELS, ENQUIRY_STATUSES, type Role, SYMPTOMS } from "@/db/constants";
import type { EnquiryFilters, ListSort } from "./search-params";

const toOptions = (list: readonly { code: string; label: string }[]) =>
  list.map((item) => ({ value: item.code, label: item.label }));

const SORT_OPTIONS: { value: ListSort; label: string }[] = [
  { value: "newest", label: "最新受理" },
  { value: "oldest", label: "最早受理" },
  { value: "due", label: "最近到期" },
];

type RegionOption = { value: string; label: string; children?: RegionOption[] };

// The URL holds only the chosen code; the Cascader wants the province → city path to it.
function regionPath(options: RegionOption[], code: string): string[] {
  for (const province of options) {
    if (province.value === code) return [code];
    if (province.children?.some((city) => city.value === code)) return [province.value, code];
  }
  return [code];
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={6}>
      <Form.Item label={label} htmlFor={id} style={{ marginBottom: 12 }}>
        {children}
      </Form.Item>
    </Col>
  );
}

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
        <Field id="filter-region" label="地区">
          <Cascader
            id="filter-region"
            aria-label="地区"
            placeholder="全部地区"
            options={regions.data ?? []}
            changeOnSelect
            showSearch
            value={regions.data && filters.region ? regionPath(regions.data, filters.region) : []}
            onChange={(path) => set({ region: path?.at(-1) })}
          />
        </Field>
        <Field id="filter-status" label="状态">
          <Select
            id="filter-status"
            aria-label="状态"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部状态"
            options={toOptions(ENQUIRY_STATUSES)}
            value={filters.status}
            onChange={(status) => set({ status })}
          />
        </Field>
        <Field id="filter-cause" label="原因分类">
          <Select
            id="filter-cause"
            aria-label="原因分类"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部原因"
            options={toOptions(CAUSES)}
            value={filters.cause}
            onChange={(cause) => set({ cause })}
          />
        </Field>
        <Field id="filter-symptom" label="反映问题">
          <Select
            id="filter-symptom"
            aria-label="反映问题"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部问题"
            options={toOptions(SYMPTOMS)}
            value={filters.symptom}
            onChange={(symptom) => set({ symptom })}
          />
        </Field>
        <Field id="filter-channel" label="受理渠道">
          <Select
            id="filter-channel"
            aria-label="受理渠道"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部渠道"
            options={toOptions(CHANNELS)}
            value={filters.channel}
            onChange={(channel) => set({ channel })}
          />
        </Field>
        <Field id="filter-assignee" label="经办人">
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
        </Field>
        <Field id="filter-sort" label="排序">
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
        </Field>
      </Row>
    </Form>
  );
}
