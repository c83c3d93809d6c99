import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type MemberSearchResult = Outputs["members"]["search"];
export type MemberSearchItem = MemberSearchResult["items"][number];
export type MemberDetail = Outputs["members"]["byId"];

// What a form needs to show and submit a chosen member; never more than the masked ID.
export type PickedMember = { id: number; name: string; idNumberMasked: string };
