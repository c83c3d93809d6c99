"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Breadcrumb } from "antd";
import Link from "next/link";
import { CauseChart } from "@/app/_components/cause-chart";
import { chartState } from "@/app/_components/chart-frame";
import { type RegionOption, regionTrail } from "@/app/_components/region-trail";
import { useTRPC } from "@/app/_trpc/client";
import type { AnalyticsFilter } from "@/server/schemas/analytics";
import { analyticsQueryString, drillDownQueryString } from "@/server/schemas/analytics-params";
import { SectionCard } from "./section-card";

// Provinces first; a click on a province narrows the whole dashboard to it (its cities appear
// here), and a click on a city opens that city's enquiries. The breadcrumb climbs back up.
export function ByRegionCard({
  filter,
  regions,
  onRegion,
}: {
  filter: AnalyticsFilter;
  regions: RegionOption[] | undefined;
  onRegion: (regionCode: string | undefined) => void;
}) {
  const trpc = useTRPC();
  const byRegion = useQuery(
    trpc.analytics.byRegion.queryOptions(filter, { placeholderData: keepPreviousData }),
  );
  const atProvinces = byRegion.data?.level !== "city";
  const dashboardFor = (regionCode: string | undefined) =>
    `/analytics?${analyticsQueryString({ ...filter, regionCode })}`;
  const trail = regionTrail(regions, filter.regionCode);

  const crumbs = [{ value: undefined, label: "全部地区" }, ...trail].map((crumb, index, all) => ({
    key: crumb.value ?? "all",
    title:
      index < all.length - 1 ? (
        <Link href={dashboardFor(crumb.value)} replace scroll={false}>
          {crumb.label}
        </Link>
      ) : (
        <span aria-current="location">{crumb.label}</span>
      ),
  }));

  return (
    <SectionCard
      testId="chart-by-region"
      title="地区分布"
      hint={
        atProvinces
          ? "各省份的咨询数量（按原因计数）。点击省份查看其下各地市。"
          : "各地市的咨询数量（按原因计数）。点击柱形可查看对应工单。"
      }
    >
      <Breadcrumb aria-label="地区层级" items={crumbs} style={{ marginBottom: 12 }} />
      <CauseChart
        kind="bar"
        horizontal
        caption={`地区分布：${trail.at(-1)?.label ?? "全部地区"}（按原因计数）`}
        categoryLabel={atProvinces ? "省份" : "地市"}
        causes={filter.causes}
        state={chartState(byRegion)}
        rows={byRegion.data?.rows.map((row) => ({
          key: row.regionCode,
          label: row.regionName,
          counts: row.counts,
        }))}
        linkFor={({ rowKey, cause }) =>
          atProvinces
            ? dashboardFor(rowKey)
            : `/enquiries?${drillDownQueryString(filter, { regionCode: rowKey, cause })}`
        }
        onSelect={atProvinces ? ({ rowKey }) => onRegion(rowKey) : undefined}
      />
    </SectionCard>
  );
}
