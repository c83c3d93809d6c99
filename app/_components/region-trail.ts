import type { RouterOutputs } from "@/server/api/root";

export type RegionOption = RouterOutputs["regions"]["options"][number];

// The province → city path to a region code, for the Cascader and the breadcrumb. A code the
// options do not know (outside the viewer's scope, or not loaded yet) yields its code alone.
export function regionTrail(
  options: RegionOption[] | undefined,
  code: string | undefined,
): { value: string; label: string }[] {
  if (!code) return [];
  for (const province of options ?? []) {
    const head = { value: province.value, label: province.label };
    if (province.value === code) return [head];
    const city = province.children?.find((child) => child.value === code);
    if (city) return [head, { value: city.value, label: city.label }];
  }
  return [{ value: code, label: code }];
}
