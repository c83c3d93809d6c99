"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { EnquiryDetail } from "./types";
import { useEnquiryFeedback } from "./use-enquiry-mutation";

export function AssigneeField({ detail, canEdit }: { detail: EnquiryDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const { enquiry } = detail;
  const feedback = useEnquiryFeedback(enquiry.id);
  const assignees = useQuery({
    ...trpc.enquiries.assignees.queryOptions({ regionCode: enquiry.regionCode }),
    enabled: canEdit,
  });
  const assign = useMutation(
    trpc.enquiries.assign.mutationOptions({
      onSuccess: () => feedback.onSuccess("已更新经办人"),
      onError: feedback.onError,
    }),
  );
  if (!canEdit || enquiry.status === "followed_up") return <>{detail.assigneeName ?? "待分配"}</>;
  return (
    <Select<number | null>
      aria-label="指派经办人"
      style={{ minWidth: 160 }}
      value={enquiry.assigneeId}
      loading={assignees.isLoading || assign.isPending}
      onChange={(assigneeId) =>
        assign.mutate({ id: enquiry.id, version: enquiry.version, assigneeId })
      }
      options={[
        { value: null, label: "待分配" },
        ...(assignees.data ?? []).map((user) => ({
          value: user.id,
          label: `${user.displayName}（${user.regionScopeName ?? "全辖区"}）`,
        })),
        ...(enquiry.assigneeId && !assignees.data?.some((u) => u.id === enquiry.assigneeId)
          ? [{ value: enquiry.assigneeId, label: detail.assigneeName ?? "未知" }]
          : []),
      ]}
    />
  );
}
