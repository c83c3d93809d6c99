"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Dot,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CAUSE_COLORS, CAUSE_LABELS, CAUSES, type Cause } from "@/db/constants";
import type { CauseCounts, CauseShareResult } from "@/server/schemas/analytics";
import { type ChartMarker, markerLines, markersByRow } from "./cause-chart-markers";
import { CauseSeriesTable, CauseShareTable } from "./cause-chart-table";
import { type SeriesDatum, SeriesTooltip, ShareTooltip } from "./cause-chart-tooltip";
import { ChartFrame, type ChartState } from "./chart-frame";
import { formatPercent } from "./percent";

// The one way Balance Desk draws cause figures: every chart gets the same colour and Chinese
// label per cause, the same "离职减员：120（占 23.5%）" tooltip, the same loading, empty and
// error states, and a table view whose numbers are links, so each drill-down a mouse user gets
// by clicking a bar or slice is also a link a keyboard or screen-reader user can follow.

export type CauseChartRow = { key: string; label: string; counts: CauseCounts };
export type CauseTarget = { rowKey: string; cause: Cause };

type CommonProps = {
  // Names the chart for assistive technology and captions its table.
  caption: string;
  state: ChartState;
  // The series to draw; the dashboard passes the causes its filter keeps.
  causes?: readonly Cause[];
  height?: number;
};

export type CauseSeriesChartProps = CommonProps & {
  kind: "bar" | "line";
  rows: CauseChartRow[] | undefined;
  // Heads the table's first column: 月份, 地区.
  categoryLabel: string;
  // Bars run left to right with the categories down the side (long region names).
  horizontal?: boolean;
  linkFor?: (target: CauseTarget) => string;
  // A click on a bar or point; without it the click opens linkFor.
  onSelect?: (target: CauseTarget) => void;
  // Dashed vertical lines at categories (policy changes on the monthly chart).
  markers?: readonly ChartMarker[];
};

export type CauseShareChartProps = CommonProps & {
  kind: "pie";
  shares: CauseShareResult | undefined;
  linkFor?: (cause: Cause) => string;
  onSelect?: (cause: Cause) => void;
};

export type CauseChartProps = CauseSeriesChartProps | CauseShareChartProps;

export function CauseChart(props: CauseChartProps) {
  return props.kind === "pie" ? <CauseShareChart {...props} /> : <CauseSeriesChart {...props} />;
}

const ALL_CAUSES = CAUSES.map((c) => c.code);

function shownCauses(causes: readonly Cause[] | undefined): Cause[] {
  return causes?.length ? ALL_CAUSES.filter((c) => causes.includes(c)) : ALL_CAUSES;
}

function useSelect<T>(linkFor?: (target: T) => string, onSelect?: (target: T) => void) {
  const router = useRouter();
  if (onSelect) return onSelect;
  if (linkFor) return (target: T) => router.push(linkFor(target));
  return undefined;
}

function CauseSeriesChart(props: CauseSeriesChartProps) {
  const { rows, state, caption, kind, horizontal, linkFor } = props;
  const causes = shownCauses(props.causes);
  const select = useSelect(linkFor, props.onSelect);
  const data: SeriesDatum[] = (rows ?? []).map((row) => ({
    key: row.key,
    label: row.label,
    ...row.counts,
    total: causes.reduce((sum, cause) => sum + row.counts[cause], 0),
  }));
  const height = props.height ?? (horizontal ? Math.max(240, data.length * 34 + 80) : 320);
  const cursor = select ? "pointer" : undefined;

  const byRow = markersByRow(props.markers);
  const lines = horizontal ? [] : markerLines(byRow, data);
  const tooltip = (
    <Tooltip content={(tip) => <SeriesTooltip {...tip} causes={causes} markers={byRow} />} />
  );
  const valueAxis = <YAxis allowDecimals={false} width={48} />;
  const chart =
    kind === "line" ? (
      <LineChart data={data} title={caption} margin={{ top: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        {valueAxis}
        {tooltip}
        <Legend />
        {lines}
        {causes.map((cause) => (
          <Line
            key={cause}
            type="monotone"
            dataKey={cause}
            name={CAUSE_LABELS[cause]}
            stroke={CAUSE_COLORS[cause]}
            strokeWidth={2}
            activeDot={(dot) => (
              <Dot
                key={`${cause}-${dot.index}`}
                cx={dot.cx}
                cy={dot.cy}
                r={6}
                fill={CAUSE_COLORS[cause]}
                stroke="#fff"
                cursor={cursor}
                onClick={() => select?.({ rowKey: dot.payload.key, cause })}
              />
            )}
          />
        ))}
      </LineChart>
    ) : (
      <BarChart
        data={data}
        title={caption}
        layout={horizontal ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 16 }}
      >
        <CartesianGrid
          strokeDasharray="3 3"
          vertical={Boolean(horizontal)}
          horizontal={!horizontal}
        />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={96} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" />
            {valueAxis}
          </>
        )}
        {tooltip}
        <Legend />
        {lines}
        {causes.map((cause) => (
          <Bar
            key={cause}
            dataKey={cause}
            name={CAUSE_LABELS[cause]}
            stackId="causes"
            fill={CAUSE_COLORS[cause]}
            maxBarSize={horizontal ? 24 : 48}
            cursor={cursor}
            onClick={(item) => select?.({ rowKey: (item.payload as SeriesDatum).key, cause })}
          />
        ))}
      </BarChart>
    );

  return (
    <ChartFrame
      state={state}
      ready={rows !== undefined}
      empty={data.every((datum) => datum.total === 0)}
      chart={
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      }
      table={() => (
        <CauseSeriesTable
          caption={caption}
          categoryLabel={props.categoryLabel}
          causes={causes}
          rows={rows ?? []}
          linkFor={linkFor}
        />
      )}
    />
  );
}

function CauseShareChart(props: CauseShareChartProps) {
  const { shares, state, caption, linkFor } = props;
  const causes = shownCauses(props.causes);
  const select = useSelect(linkFor, props.onSelect);
  const data = (shares ?? [])
    .filter((slice) => causes.includes(slice.cause) && slice.count > 0)
    .map((slice) => ({ ...slice, label: CAUSE_LABELS[slice.cause] }));

  const chart = (
    <ResponsiveContainer width="100%" height={props.height ?? 320}>
      <PieChart title={caption}>
        <Pie
          data={data}
          dataKey="count"
          nameKey="label"
          innerRadius="45%"
          outerRadius="75%"
          paddingAngle={1}
          label={({ payload }) => `${payload.label} ${formatPercent(payload.share)}`}
          cursor={select ? "pointer" : undefined}
          onClick={(slice) => select?.(slice.payload.cause)}
        >
          {data.map((slice) => (
            <Cell key={slice.cause} fill={CAUSE_COLORS[slice.cause]} />
          ))}
        </Pie>
        <Tooltip content={ShareTooltip} />
        <Legend />
      </PieChart>
    </ResponsiveContainer>
  );

  return (
    <ChartFrame
      state={state}
      ready={shares !== undefined}
      empty={data.length === 0}
      chart={chart}
      table={() => (
        <CauseShareTable
          caption={caption}
          shares={shares ?? []}
          causes={causes}
          linkFor={linkFor}
        />
      )}
    />
  );
}
