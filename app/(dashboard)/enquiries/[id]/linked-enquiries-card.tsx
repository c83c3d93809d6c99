"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  InputNumber,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from "antd";
import Link from "next/link";
import { useState } from "react";
import { CauseTags, StatusTag } from "@/app/_components/enquiry-tags";
import { formatDate } from "@/app/_components/format";
import { errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import type { EnquiryDetail } from "./types";

// Repeat enquiries of the same member, from both ends: the earlier ones this enquiry follows
// and the later ones that point back to it.
export function LinkedEnquiriesCard({
  detail,
  canEdit,
}: {
  detail: EnquiryDetail;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const id = detail.enquiry.id;
  const insights = useQuery(trpc.insights.forEnquiry.queryOptions({ id }));
  const [relatedId, setRelatedId] = useState<number | null>(null);
  // Both change the links and both histories: reload the card and the enquiry.
  const refresh = (done: string) => async () => {
    setRelatedId(null);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.insights.forEnquiry.queryKey({ id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.enquiries.byId.queryKey({ id }) }),
    ]);
    message.success(done);
  };
  const onError = (error: Parameters<typeof errorMessage>[0]) => message.error(errorMessage(error));
  const link = useMutation(
    trpc.insights.link.mutationOptions({ onSuccess: refresh("已关联"), onError }),
  );
  const unlink = useMutation(
    trpc.insights.unlink.mutationOptions({ onSuccess: refresh("已取消关联"), onError }),
  );
  const links = insights.data?.links ?? [];

  return (
    <Card title="关联咨询" data-testid="linked-enquiries">
      {links.length === 0 ? (
        <Empty description="暂无关联咨询" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={8} role="list" aria-label="关联咨询">
          {links.map((item) => (
            <Flex key={item.id} gap={8} align="center" wrap role="listitem">
              <Link href={`/enquiries/${item.id}`}>#{item.id}</Link>
              <Tag>{item.direction === "earlier" ? "此前咨询" : "后续咨询"}</Tag>
              <Typography.Text>{formatDate(item.openedAt)}</Typography.Text>
              <StatusTag status={item.status} />
              <CauseTags causes={item.causes} />
              {item.resolutionSummary && (
                <Typography.Text type="secondary">办结：{item.resolutionSummary}</Typography.Text>
              )}
              {canEdit && (
                <Popconfirm
                  title={`取消与 #${item.id} 的关联？`}
                  description="两件工单的处理记录都会保留这次变更。"
                  okText="取消关联"
                  cancelText="保留"
                  onConfirm={() => unlink.mutateAsync({ id, relatedEnquiryId: item.id })}
                >
                  <Button size="small" type="link" aria-label={`取消与 #${item.id} 的关联`}>
                    取消关联
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          ))}
        </Flex>
      )}
      {canEdit && (
        <Space style={{ marginTop: 12 }}>
          <InputNumber
            aria-label="要关联的工单号"
            placeholder="工单号"
            min={1}
            precision={0}
            value={relatedId}
            onChange={(value) => setRelatedId(typeof value === "number" ? value : null)}
          />
          <Button
            disabled={!relatedId}
            loading={link.isPending}
            onClick={() => relatedId && link.mutate({ id, relatedEnquiryId: relatedId })}
          >
            关联
          </Button>
          <Typography.Text type="secondary">只能关联同一参保人的咨询</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
