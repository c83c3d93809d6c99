"use client";

import { FileTextOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Card, Empty, List, Tag, Typography } from "antd";
import Link from "next/link";
import { formatDateTime } from "@/app/_components/format";
import { TAG_COLORS } from "@/app/_components/tag-colors";
import { useTRPC } from "@/app/_trpc/client";
import { LinkButton } from "../_components/link-button";
import type { EnquiryDetail } from "./types";

// The letters issued for this enquiry, newest first; each opens its stored text for printing.
// A region that handed the order on by 转办 reads the letters and issues none.
export function LettersCard({ detail }: { detail: EnquiryDetail }) {
  const trpc = useTRPC();
  const id = detail.enquiry.id;
  const letters = useQuery(trpc.letters.forEnquiry.queryOptions({ id }));
  return (
    <Card
      title="告知书"
      extra={
        detail.readOnly ? null : detail.member === null ? (
          // A letter is addressed to the member: an order whose caller is not identified has none.
          <Typography.Text type="secondary">关联参保人后可出具</Typography.Text>
        ) : (
          <LinkButton href={`/enquiries/${id}/letters/new`} icon={<FileTextOutlined />}>
            出具告知书
          </LinkButton>
        )
      }
    >
      {letters.data && letters.data.length === 0 ? (
        <Empty description="尚未出具告知书" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          loading={letters.isPending}
          dataSource={letters.data ?? []}
          renderItem={(letter) => (
            <List.Item>
              <Link href={`/enquiries/${id}/letters/${letter.id}`}>
                {letter.number} · 第{letter.version}版
              </Link>
              <span>
                <Tag color={letter.stage === "confirmed" ? TAG_COLORS.done : TAG_COLORS.warning}>
                  {letter.stageLabel}
                </Tag>
                {letter.issuedByName} {formatDateTime(letter.issuedAt)}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
