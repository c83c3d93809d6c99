import type { RouterOutputs } from "@/server/api/root";

export type EnquiryDetail = RouterOutputs["enquiries"]["byId"];
