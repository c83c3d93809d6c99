"use client";

import { PrinterOutlined } from "@ant-design/icons";
import { LinkButton } from "../_components/link-button";
import { LeaveCalculator } from "./leave-calculator";
import type { EnquiryDetail } from "./types";

// The 离职减员 calculator and the printable member explanation sheet of the enquiry.
export function InsightActions({ detail, canEdit }: { detail: EnquiryDetail; canEdit: boolean }) {
  return (
    <>
      <LeaveCalculator detail={detail} canEdit={canEdit} />
      <LinkButton href={`/enquiries/${detail.enquiry.id}/notice`} icon={<PrinterOutlined />}>
        打印告知书
      </LinkButton>
    </>
  );
}
