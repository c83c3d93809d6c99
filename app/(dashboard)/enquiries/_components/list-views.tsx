"use client";

import { Segmented } from "antd";
import type { EnquiryFilters } from "./search-params";

type View = "all" | "recheck" | "transferred";

// Views of the same list: the other filters and the paging stay. 复查 keeps the enquiries whose
// 系统延迟 re-check is due today or overdue; 已转出 shows the work orders this region handed to
// another by 转办, which it may still read but no longer handles.
export function ListViews({
  filters,
  onChange,
}: {
  filters: EnquiryFilters;
  onChange: (next: EnquiryFilters) => void;
}) {
  const view: View = filters.recheckDue
    ? "recheck"
    : filters.transferredOut
      ? "transferred"
      : "all";
  return (
    <Segmented<View>
      aria-label="工单视图"
      style={{ alignSelf: "flex-start" }}
      value={view}
      onChange={(next) =>
        onChange({
          ...filters,
          recheckDue: next === "recheck",
          transferredOut: next === "transferred",
        })
      }
      options={[
        { value: "all", label: "全部工单" },
        { value: "recheck", label: "今日待复查 / 已逾期" },
        { value: "transferred", label: "已转出" },
      ]}
    />
  );
}
