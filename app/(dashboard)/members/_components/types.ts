import type { RouterOutputs } from "@/server/api/root";

export type MemberSearchResult = RouterOutputs["members"]["search"];
export type MemberSearchItem = MemberSearchResult["items"][number];
export type MemberDetail = RouterOutputs["members"]["byId"];

// What a form needs to show and submit a chosen member; never more than the masked ID.
export type PickedMember = { id: number; name: string; idNumberMasked: string };
