"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Checkbox, Flex, Typography } from "antd";
import Link from "next/link";
import { useState } from "react";
import { CauseTags, StatusTag } from "@/app/_components/enquiry-tags";
import { formatDate } from "@/app/_components/format";
import { useTRPC } from "@/app/_trpc/client";

const REPEAT_WINDOW_DAYS = 90;

// A member calling again within 90 days is usually about the same problem: the earlier
// enquiries are shown with what was found, and the caseworker may link the new one to them.
// Works as an antd form field holding the chosen enquiry ids.
export function RecentEnquiries({
  memberId,
  value = [],
  onChange,
}: {
  memberId: number | null;
  value?: number[];
  onChange?: (ids: number[]) => void;
}) {
  const trpc = useTRPC();
  // Fixed when the member is chosen, so the query key does not change on every render.
  const [since] = useState(() => new Date(Date.now() - REPEAT_WINDOW_DAYS * 86_400_000));
  const recent = useQuery({
    ...trpc.enquiries.list.queryOptions({ memberId: memberId ?? 0, openedFrom: since, limit: 10 }),
    enabled: Boolean(memberId),
  });
  const items = recent.data?.items ?? [];
  if (!memberId || items.length === 0) return null;

  const toggle = (id: number, checked: boolean) =>
    onChange?.(checked ? [...value, id] : value.filter((other) => other !== id));

  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`该参保人近${REPEAT_WINDOW_DAYS}天内有 ${items.length} 次咨询，如为同一问题请勾选「关联」`}
      description={
        <Flex vertical gap={6} role="list" aria-label="近期咨询">
          {items.map((item) => (
            <Flex key={item.id} gap={8} align="center" wrap role="listitem">
              <Checkbox
                checked={value.includes(item.id)}
                onChange={(event) => toggle(item.id, event.target.checked)}
                aria-label={`关联 #${item.id}`}
              >
                关联
              </Checkbox>
              <Link href={`/enquiries/${item.id}`} target="_blank">
                #{item.id}
              </Link>
              <Typography.Text>{formatDate(item.openedAt)}</Typography.Text>
              <StatusTag status={item.status} />
              <CauseTags causes={item.causes} />
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                {item.description}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
