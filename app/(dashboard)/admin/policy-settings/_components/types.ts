import type { RouterOutputs } from "@/server/api/root";

export type PolicySettingsList = RouterOutputs["policySettings"]["list"];
export type SettingRow = PolicySettingsList["settings"][number];
export type VersionRow = SettingRow["versions"][number];
