"use client";

import { useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback } from "react";
import { errorMessage, isConflict } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";

// Every change on the detail page goes through here: success refreshes the enquiry; a
// version conflict (someone else saved first) asks the user to reload instead of overwriting.
export function useEnquiryFeedback(id: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.enquiries.byId.queryKey({ id }) }),
    [queryClient, trpc, id],
  );

  const onSuccess = useCallback(
    async (text: string) => {
      await refresh();
      message.success(text);
    },
    [refresh, message],
  );

  const onError = useCallback(
    (error: unknown) => {
      if (isConflict(error)) {
        modal.confirm({
          title: "工单已被他人修改",
          content: "在您编辑期间，其他人保存了这张工单。为避免覆盖对方的修改，请刷新后再操作。",
          okText: "刷新",
          cancelText: "取消",
          onOk: refresh,
        });
        return;
      }
      message.error(errorMessage(error));
    },
    [modal, message, refresh],
  );

  return { onSuccess, onError, refresh };
}
