"use client";

import { UserAddOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { INSURANCE_TYPE_LABELS } from "@/db/constants";
import { errorMessage } from "../../_components/trpc-error";
import { useTRPC } from "../../_trpc/client";
import { RegisterMemberModal } from "./_components/register-member-modal";
import { matchLabel, SearchHint } from "./_components/search-hint";
import type { MemberSearchItem } from "./_components/types";

const SEARCH_HINT = "输入完整身份证号、姓名或手机号后四位查询";

const columns: TableColumnsType<MemberSearchItem> = [
  {
    title: "姓名",
    dataIndex: "name",
    render: (name: string, member) => <Link href={`/members/${member.id}`}>{name}</Link>,
  },
  { title: "身份证号", dataIndex: "idNumberMasked" },
  {
    title: "手机号",
    dataIndex: "phoneMasked",
    render: (phone: string | null) => phone ?? "—",
  },
  {
    title: "参保类型",
    dataIndex: "insuranceType",
    render: (type: MemberSearchItem["insuranceType"]) => INSURANCE_TYPE_LABELS[type],
  },
  { title: "参保地区", dataIndex: "regionName" },
  {
    title: "参保单位",
    dataIndex: "employerName",
    render: (employer: string | null) => employer ?? "—",
  },
];

export function MemberLookup({ query, canRegister }: { query: string; canRegister: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [registering, setRegistering] = useState(false);
  const search = useQuery({
    ...trpc.members.search.queryOptions({ query }),
    enabled: query.length > 0,
  });

  const searchFor = (raw: string) => {
    const next = raw.trim();
    router.push(next ? `/members?q=${encodeURIComponent(next)}` : "/members");
  };

  const registerButton = canRegister && (
    <Button type="primary" icon={<UserAddOutlined />} onClick={() => setRegistering(true)}>
      登记参保人
    </Button>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          参保人
        </Typography.Title>
        {registerButton}
      </Flex>
      <Card>
        <Flex vertical gap={16}>
          <div>
            <label htmlFor="member-query" style={{ display: "block", marginBottom: 8 }}>
              查询参保人
            </label>
            <Input.Search
              // Remounted when the URL changes, so back and forward show the query searched.
              key={query}
              id="member-query"
              defaultValue={query}
              placeholder={SEARCH_HINT}
              enterButton="查询"
              allowClear
              maxLength={32}
              autoComplete="off"
              loading={search.isFetching}
              onSearch={searchFor}
              style={{ maxWidth: 560 }}
            />
          </div>
          {!query ? (
            <Empty description={SEARCH_HINT} />
          ) : search.isError ? (
            <Alert type="error" showIcon role="alert" title={errorMessage(search.error)} />
          ) : (
            <>
              {search.data && <SearchHint result={search.data} />}
              <Table<MemberSearchItem>
                rowKey="id"
                caption={
                  search.data
                    ? `${matchLabel(search.data)}「${query}」：${search.data.items.length} 条结果`
                    : `查询「${query}」`
                }
                loading={search.isLoading}
                dataSource={search.data?.items ?? []}
                columns={columns}
                pagination={false}
                scroll={{ x: "max-content" }}
                locale={{
                  emptyText: search.isLoading ? (
                    " "
                  ) : (
                    <Empty description="未找到匹配的参保人">{registerButton}</Empty>
                  ),
                }}
              />
            </>
          )}
        </Flex>
      </Card>
      <RegisterMemberModal
        title="登记参保人"
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(member) => router.push(`/members/${member.id}`)}
        onDuplicate={(idNumber) => searchFor(idNumber)}
      />
    </Flex>
  );
}
