"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Tooltip, Typography } from "antd";
import type { ChartMarker } from "@/app/_components/cause-chart-markers";
import { useTRPC } from "@/app/_trpc/client";
import type { AnalyticsFilter } from "@/server/schemas/analytics";

// The policy changes inside the dashboard's months and region: drawn on the monthly chart and
// listed under it, so the reason for a jump is read next to the jump (and without the chart).
export function usePolicyMarkers(filter: AnalyticsFilter) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.analytics.policyMarkers.queryOptions(filter, { placeholderData: keepPreviousData }),
  );
  const markers: ChartMarker[] = (query.data ?? []).map((marker) => ({
    rowKey: marker.month,
    label: marker.label,
    detail: `${marker.effectiveOn} ${marker.label}（${marker.regionName}）${
      marker.description ? `：${marker.description}` : ""
    }`,
  }));
  return markers;
}

export function PolicyMarkerNote({ markers }: { markers: ChartMarker[] }) {
  if (markers.length === 0) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
      虚线为政策节点：
      {markers.map((marker, i) => (
        <span key={marker.detail}>
          {i > 0 && "；"}
          <Tooltip title={marker.detail}>
            <span style={{ textDecoration: "underline dotted" }}>
              {marker.rowKey} {marker.label}
            </span>
          </Tooltip>
        </span>
      ))}
    </Typography.Paragraph>
  );
}
