"use client";

import { useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Form, Input, Row, Select, Space } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { FilterField, SearchSelectFilter, toOptions } from "@/app/_components/filter-controls";
import { useTRPC } from "@/app/_trpc/client";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "@/db/constants";
import type { AuditFilters } from "./search-params";

const ACTION_OPTIONS = toOptions(AUDIT_ACTIONS);
const ENTITY_OPTIONS = toOptions(AUDIT_ENTITIES);

export function AuditFiltersBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (next: AuditFilters) => void;
}) {
  const trpc = useTRPC();
  const actors = useQuery(trpc.users.options.queryOptions());
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });
  // The id applies on Enter, not per keystroke; it follows the URL when that changes.
  const [idText, setIdText] = useState(filters.id ?? "");
  useEffect(() => setIdText(filters.id ?? ""), [filters.id]);

  return (
    <Form layout="vertical" component={false}>
      <Row gutter={16}>
        <FilterField id="audit-time" label="时间（北京时间）">
          <DatePicker.RangePicker
            id={{ start: "audit-time" }}
            aria-label="时间范围"
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
        </FilterField>
        <FilterField id="audit-actor" label="操作人">
          <SearchSelectFilter
            id="audit-actor"
            label="操作人"
            placeholder="全部操作人"
            loading={actors.isPending}
            options={actors.data?.map((user) => ({
              value: user.id,
              label: `${user.displayName}（${user.login}）`,
            }))}
            value={filters.actor}
            onChange={(actor) => set({ actor })}
          />
        </FilterField>
        <FilterField id="audit-action" label="操作">
          <SearchSelectFilter
            id="audit-action"
            label="操作"
            placeholder="全部操作"
            options={ACTION_OPTIONS}
            value={filters.action}
            onChange={(action) => set({ action })}
          />
        </FilterField>
        <FilterField id="audit-entity" label="对象">
          <Space.Compact block>
            <Select
              id="audit-entity"
              aria-label="对象类型"
              allowClear
              placeholder="全部对象"
              style={{ width: "50%" }}
              options={ENTITY_OPTIONS}
              value={filters.entity}
              onChange={(entity) => set({ entity })}
            />
            <Input.Search
              aria-label="对象编号"
              placeholder="编号"
              allowClear
              maxLength={64}
              style={{ width: "50%" }}
              value={idText}
              onChange={(event) => setIdText(event.target.value)}
              onSearch={(value) => set({ id: value.trim() || undefined })}
            />
          </Space.Compact>
        </FilterField>
      </Row>
      <Button autoInsertSpace={false} onClick={() => onChange({})}>
        重置
      </Button>
    </Form>
  );
}
