"use client";

import { Cascader, Col, type ColProps, Form, Select } from "antd";
import type { ReactNode } from "react";
import { type RegionOption, regionTrail } from "./region-trail";

// The labelled controls of the filter bars (enquiry list, analytics, audit log): one label
// bound to one control by id, so screen readers and e2e tests find each by its name.

const QUARTER: ColProps = { xs: 24, sm: 12, lg: 6 };

export function FilterField({
  id,
  label,
  cols = QUARTER,
  children,
}: {
  id: string;
  label: string;
  cols?: ColProps;
  children: ReactNode;
}) {
  return (
    <Col {...cols}>
      <Form.Item label={label} htmlFor={id} style={{ marginBottom: 12 }}>
        {children}
      </Form.Item>
    </Col>
  );
}

export const toOptions = <T extends string>(list: readonly { code: T; label: string }[]) =>
  list.map((item) => ({ value: item.code, label: item.label }));

// Several codes of one enum (causes, symptoms, channels, statuses); an empty choice is "all".
export function MultiSelectFilter<T extends string>({
  id,
  label,
  placeholder,
  choices,
  value,
  onChange,
  style,
}: {
  id: string;
  label: string;
  placeholder: string;
  choices: readonly { code: T; label: string }[];
  value: T[] | undefined;
  onChange: (next: T[]) => void;
  style?: React.CSSProperties;
}) {
  return (
    <Select<T[]>
      id={id}
      aria-label={label}
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={placeholder}
      style={style}
      options={toOptions(choices) as { value: T; label: string }[]}
      value={value ?? []}
      onChange={onChange}
    />
  );
}

// One value from a list long enough to search by typing; an empty choice is "all".
export function SearchSelectFilter<T extends string | number>({
  id,
  label,
  placeholder,
  options,
  loading,
  value,
  onChange,
}: {
  id: string;
  label: string;
  placeholder: string;
  options: { value: T; label: string }[] | undefined;
  loading?: boolean;
  value: T | undefined;
  onChange: (next: T | undefined) => void;
}) {
  return (
    <Select<T>
      id={id}
      aria-label={label}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      placeholder={placeholder}
      loading={loading}
      options={options}
      value={value}
      onChange={onChange}
    />
  );
}

// A province or a city; the URL holds only the chosen code, the Cascader wants its path.
export function RegionFilter({
  id,
  regions,
  value,
  onChange,
}: {
  id: string;
  regions: RegionOption[] | undefined;
  value: string | undefined;
  onChange: (code: string | undefined) => void;
}) {
  return (
    <Cascader
      id={id}
      aria-label="地区"
      placeholder="全部地区"
      options={regions ?? []}
      changeOnSelect
      showSearch
      value={regions ? regionTrail(regions, value).map((step) => step.value) : []}
      onChange={(path) => onChange(path?.at(-1))}
    />
  );
}
