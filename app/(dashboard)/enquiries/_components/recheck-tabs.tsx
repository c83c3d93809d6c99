"use client";

import { Segmented } from "antd";
import type { EnquiryFilters } from "./search-params";

type View = "all" | "recheck";

// The caseworker's 复查 queue as a view of the same list: the other filters and the paging stay,
// only enquiries whose 系统延迟 re-check is due today or overdue remain.
export function RecheckTabs({
  filters,
  onChange,
}: {
  filters: EnquiryFilters;
  onChange: (next: EnquiryFilters) => void;
}) {
  return (
    <Segmented<View>
      aria-label="工单视图"
      style={{ alignSelf: "flex-start" }}
      value={filters.recheckDue ? "recheck" : "all"}
      onChange={(view) => onChange({ ...filters, recheckDue: view === "recheck" })}
      options={[
        { value: "all", label: "全部工单" },
        { value: "recheck", label: "今日待复查 / 已逾期" },
      ]}
    />
  );
}
