"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import Link from "next/link";
import { useState } from "react";
import { ChartFrame, chartState } from "@/app/_components/chart-frame";
import { formatCount } from "@/app/_components/percent";
import { useTRPC } from "@/app/_trpc/client";
import { CAUSE_COLORS, CAUSE_LABELS, CAUSES, type Cause } from "@/db/constants";
import type { AnalyticsFilter, HeatmapResult } from "@/server/schemas/analytics";
import { drillDownQueryString } from "@/server/schemas/analytics-params";
import { SectionCard } from "./section-card";

// A dark gold that is no cause's colour, so "all causes" is never mistaken for one of them.
const ALL_CAUSES_COLOR = "#874d00";

function mixWithWhite(hex: string, amount: number): [number, number, number] {
  const channel = (i: number) => Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
  const mix = (c: number) => Math.round(255 + (c - 255) * amount);
  return [mix(channel(0)), mix(channel(1)), mix(channel(2))];
}

// WCAG relative luminance; the figure in each cell takes whichever of black or white reads
// better on its shade, so every cell passes contrast whatever its intensity.
function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function cellColors(count: number, max: number, base: string) {
  // Even the smallest non-zero count gets a visible tint, apart from the empty cells.
  const amount = count > 0 && max > 0 ? 0.1 + 0.9 * (count / max) : 0;
  const rgb = mixWithWhite(base, amount);
  const light = luminance(rgb);
  const onWhite = 1.05 / (light + 0.05);
  const onBlack = (light + 0.05) / 0.05;
  return { background: `rgb(${rgb.join(",")})`, color: onWhite > onBlack ? "#fff" : "#000" };
}

function HeatmapTable({
  data,
  filter,
  cause,
}: {
  data: HeatmapResult;
  filter: AnalyticsFilter;
  cause: Cause | undefined;
}) {
  const counts = new Map(
    data.cells.map((cell) => [`${cell.regionCode}|${cell.month}`, cell.count]),
  );
  const base = cause ? CAUSE_COLORS[cause] : ALL_CAUSES_COLOR;
  const what = cause ? CAUSE_LABELS[cause] : "全部原因";
  const cellStyle = { padding: 0, textAlign: "center" as const, minWidth: 56, borderRadius: 4 };
  return (
    <div style={{ overflowX: "auto" }}>
      <table style={{ borderCollapse: "separate", borderSpacing: 2, width: "100%" }}>
        <caption style={{ captionSide: "top", textAlign: "start", paddingBottom: 8 }}>
          地区 × 月份咨询量（{what}）
        </caption>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: "start" }}>
              地区
            </th>
            {data.months.map((month) => (
              <th key={month} scope="col" style={{ fontWeight: 500, whiteSpace: "nowrap" }}>
                {month}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.regions.map((region) => (
            <tr key={region.code}>
              <th scope="row" style={{ textAlign: "start", whiteSpace: "nowrap", paddingRight: 8 }}>
                {region.name}
              </th>
              {data.months.map((month) => {
                const count = counts.get(`${region.code}|${month}`) ?? 0;
                const colors = cellColors(count, data.max, base);
                const figure = { display: "block", padding: "6px 4px", color: colors.color };
                const href = `/enquiries?${drillDownQueryString(filter, { regionCode: region.code, month, cause })}`;
                return (
                  <td key={month} style={{ ...cellStyle, background: colors.background }}>
                    {count > 0 ? (
                      <Link
                        href={href}
                        style={figure}
                        aria-label={`${region.name} ${month} ${what}：${formatCount(count)}，查看明细`}
                      >
                        {formatCount(count)}
                      </Link>
                    ) : (
                      <span style={figure}>0</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HeatmapCard({ filter }: { filter: AnalyticsFilter }) {
  const trpc = useTRPC();
  const [chosen, setChosen] = useState<Cause | undefined>();
  // A cause the page filter has since left out can no longer be shown.
  const allowed = CAUSES.filter((c) => !filter.causes?.length || filter.causes.includes(c.code));
  const cause = allowed.some((c) => c.code === chosen) ? chosen : undefined;
  const heatmap = useQuery(
    trpc.analytics.heatmap.queryOptions({ filter, cause }, { placeholderData: keepPreviousData }),
  );
  const data = heatmap.data;
  return (
    <SectionCard
      testId="chart-heatmap"
      title="地区 × 月份热力图"
      hint="颜色越深，该地区当月咨询越多，便于发现某地突增（如系统延迟集中出现，多为当地数据同步故障）。按原因计数：未选原因时为各原因合计，同一工单有多个原因时分别计入。点击数字可查看对应工单。"
      extra={
        <Select<Cause | "all">
          aria-label="热力图原因"
          size="small"
          style={{ width: 128 }}
          value={cause ?? "all"}
          onChange={(value) => setChosen(value === "all" ? undefined : value)}
          options={[
            { value: "all", label: "全部原因" },
            ...allowed.map((c) => ({ value: c.code, label: c.label })),
          ]}
        />
      }
    >
      <ChartFrame
        state={chartState(heatmap)}
        ready={data !== undefined}
        empty={!data || data.max === 0 || data.regions.length === 0}
        chart={data && <HeatmapTable data={data} filter={filter} cause={cause} />}
      />
    </SectionCard>
  );
}
