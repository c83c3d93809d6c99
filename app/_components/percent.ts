// Shares travel over the API as fractions (0.235); people read them as "23.5%".
export function formatPercent(fraction: number | null | undefined): string {
  return fraction == null || !Number.isFinite(fraction) ? "—" : `${(fraction * 100).toFixed(1)}%`;
}

export function formatCount(count: number): string {
  return count.toLocaleString("zh-CN");
}
