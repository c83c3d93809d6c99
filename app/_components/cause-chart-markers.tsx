import { ReferenceLine } from "recharts";

// Vertical markers on a series chart (policy changes on the monthly chart): one line per
// category that has any, labelled with their names; the tooltip of that category repeats them
// with their details, and the native SVG title gives the same text on hover over the label.

export type ChartMarker = {
  // The row (category) key the marker belongs to, e.g. "2025-07".
  rowKey: string;
  label: string;
  // One sentence for the tooltip: region, date and what changed.
  detail: string;
};

// Dark enough for its 12px label to pass WCAG AA contrast on white.
const MARKER_COLOR = "#ad4e00";

export function markersByRow(markers: readonly ChartMarker[] | undefined) {
  const byRow = new Map<string, ChartMarker[]>();
  for (const marker of markers ?? []) {
    byRow.set(marker.rowKey, [...(byRow.get(marker.rowKey) ?? []), marker]);
  }
  return byRow;
}

// Called as a function, not rendered as a component, so the chart receives ReferenceLine
// elements as its direct children.
export function markerLines(
  byRow: Map<string, ChartMarker[]>,
  rows: readonly { key: string; label: string }[],
) {
  return rows
    .filter((row) => byRow.has(row.key))
    .map((row) => {
      const markers = byRow.get(row.key) ?? [];
      const text = markers.map((marker) => marker.label).join(" / ");
      const title = markers.map((marker) => marker.detail).join("\n");
      return (
        <ReferenceLine
          key={`marker-${row.key}`}
          x={row.label}
          stroke={MARKER_COLOR}
          strokeDasharray="4 3"
          strokeWidth={1.5}
          ifOverflow="extendDomain"
          label={({ viewBox }: { viewBox?: { x?: number; y?: number } }) => (
            <text
              x={(viewBox?.x ?? 0) + 4}
              y={(viewBox?.y ?? 0) + 12}
              fill={MARKER_COLOR}
              fontSize={12}
              data-testid="policy-marker-label"
            >
              <title>{title}</title>
              {text}
            </text>
          )}
        />
      );
    });
}
