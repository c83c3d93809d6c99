"use client";

import type { TooltipContentProps } from "recharts";
import { CAUSE_COLORS, CAUSE_LABELS, type Cause } from "@/db/constants";
import type { CauseCounts, CauseShareResult } from "@/server/schemas/analytics";
import type { ChartMarker } from "./cause-chart-markers";
import { formatCount, formatPercent } from "./percent";

// CauseChart's tooltips: every figure with its share, e.g. "离职减员：120（占 23.5%）".

export function causeShareText(cause: Cause, count: number, share: number): string {
  return `${CAUSE_LABELS[cause]}：${formatCount(count)}（占 ${formatPercent(share)}）`;
}

const tooltipBox = {
  background: "#fff",
  border: "1px solid #d9d9d9",
  borderRadius: 6,
  padding: "8px 12px",
  boxShadow: "0 3px 6px rgba(0, 0, 0, 0.12)",
  fontSize: 13,
  lineHeight: 1.7,
};

function Swatch({ cause }: { cause: Cause }) {
  const style = { display: "inline-block", width: 10, height: 10, borderRadius: 2, marginRight: 6 };
  return <span aria-hidden style={{ ...style, background: CAUSE_COLORS[cause] }} />;
}

export type SeriesDatum = { key: string; label: string; total: number } & CauseCounts;

export function SeriesTooltip({
  active,
  payload,
  causes,
  markers,
}: Pick<TooltipContentProps, "active" | "payload"> & {
  causes: Cause[];
  markers?: Map<string, ChartMarker[]>;
}) {
  const datum = payload?.[0]?.payload as SeriesDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div style={tooltipBox}>
      <div style={{ fontWeight: 600 }}>
        {datum.label}（合计 {formatCount(datum.total)}）
      </div>
      {[...causes].reverse().map((cause) => (
        <div key={cause}>
          <Swatch cause={cause} />
          {causeShareText(cause, datum[cause], datum.total ? datum[cause] / datum.total : 0)}
        </div>
      ))}
      {markers?.get(datum.key)?.map((marker) => (
        <div key={marker.detail} style={{ color: "#ad4e00", maxWidth: 320 }}>
          政策节点：{marker.detail}
        </div>
      ))}
    </div>
  );
}

type ShareDatum = CauseShareResult[number] & { label: string };

export function ShareTooltip({ active, payload }: Pick<TooltipContentProps, "active" | "payload">) {
  const slice = payload?.[0]?.payload as ShareDatum | undefined;
  if (!active || !slice) return null;
  return (
    <div style={tooltipBox}>
      <Swatch cause={slice.cause} />
      {causeShareText(slice.cause, slice.count, slice.share)}
    </div>
  );
}
