"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Flex, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { MemberPicker } from "../../members/_components/member-picker";
import type { PickedMember } from "../../members/_components/types";
import type { EnquiryDetail } from "./types";

// 待识别参保人: the hotline order came without a member the desk could match. The caseworker calls
// the caller back, finds or records the member, and links them; the order cannot close before.
export function LinkMember({ detail, canEdit }: { detail: EnquiryDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<PickedMember | null>(null);
  const link = useMutation(
    trpc.workOrders.linkMember.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.enquiries.byId.queryKey({ id: detail.enquiry.id }),
        }),
    }),
  );
  const caller = detail.workOrder?.caller;
  const callerText = caller
    ? [
        `来电人 ${caller.name}`,
        caller.phoneMasked && `手机号 ${caller.phoneMasked}`,
        caller.idNumberMasked && `身份证号 ${caller.idNumberMasked}`,
      ]
        .filter(Boolean)
        .join("，")
    : "工单未写明来电人";

  return (
    <Alert
      type="warning"
      showIcon
      title="待识别参保人"
      description={
        <Flex vertical gap={8}>
          <Typography.Text>
            {callerText}。工单派来时未能匹配到参保人，请回电核实身份后关联；关联前不能办结。
          </Typography.Text>
          {canEdit && (
            <>
              <MemberPicker value={picked} onChange={setPicked} />
              {link.error && <Alert type="error" showIcon title={errorMessage(link.error)} />}
              <div>
                <Button
                  type="primary"
                  disabled={!picked}
                  loading={link.isPending}
                  onClick={() =>
                    picked &&
                    link.mutate({
                      id: detail.enquiry.id,
                      version: detail.enquiry.version,
                      memberId: picked.id,
                    })
                  }
                >
                  关联该参保人
                </Button>
              </div>
            </>
          )}
        </Flex>
      }
    />
  );
}
