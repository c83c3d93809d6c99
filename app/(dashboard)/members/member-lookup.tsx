"use client";

import { UserAddOutlined } from "@ant-design/icons";
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
import { insuranceLabel } from "@/db/constants";
import { MANAGER_NAME_ONLY_MESSAGE } from "@/server/schemas/member-query";
import { errorMessage } from "../../_components/trpc-error";
import { RegisterMemberModal } from "./_components/register-member-modal";
import { matchLabel, SearchHint } from "./_components/search-hint";
import type { MemberSearchItem } from "./_components/types";
import { useMemberSearch } from "./_components/use-member-search";

const SEARCH_HINT = "输入完整身份证号、姓名或手机号后四位查询";
const NAME_ONLY_HINT = "输入姓名查询";

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
    title: "险种",
    dataIndex: "insurance",
    render: (insurance: MemberSearchItem["insurance"]) => insuranceLabel(insurance),
  },
  { title: "参保地区", dataIndex: "regionName" },
  {
    title: "参保单位",
    dataIndex: "employerName",
    render: (employer: string | null) => employer ?? "—",
  },
];

export function MemberLookup({
  canRegister,
  canLookUpExactly,
}: {
  canRegister: boolean;
  canLookUpExactly: boolean;
}) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const [registering, setRegistering] = useState(false);
  const search = useMemberSearch({ exactAllowed: canLookUpExactly });
  const hint = canLookUpExactly ? SEARCH_HINT : NAME_ONLY_HINT;

  const searchFor = (raw: string) => {
    setTyped(raw);
    search.searchFor(raw);
  };

  const registerButton = canRegister && (
    <Button type="primary" icon={<UserAddOutlined />} onClick={() => setRegistering(true)}>
      录入参保人
    </Button>
  );
  // An exact term is not repeated in the caption: it is in the box, and need not be on screen twice.
  const searched = search.exact ? "" : `「${search.term}」`;

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
              id="member-query"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              placeholder={hint}
              enterButton="查询"
              allowClear
              maxLength={32}
              autoComplete="off"
              loading={search.loading}
              onSearch={searchFor}
              style={{ maxWidth: 560 }}
            />
          </div>
          {!search.term ? (
            <Empty description={hint} />
          ) : search.nameOnly ? (
            <Alert type="info" showIcon title={MANAGER_NAME_ONLY_MESSAGE} />
          ) : search.error ? (
            <Alert type="error" showIcon role="alert" title={errorMessage(search.error)} />
          ) : (
            <>
              {search.data && <SearchHint result={search.data} />}
              <Table<MemberSearchItem>
                rowKey="id"
                caption={
                  search.data
                    ? `${matchLabel(search.data)}${searched}：${search.data.items.length} 条结果`
                    : "正在查询"
                }
                loading={search.loading}
                dataSource={search.data?.items ?? []}
                columns={columns}
                pagination={false}
                scroll={{ x: "max-content" }}
                locale={{
                  emptyText: search.loading ? (
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
        title="录入参保人"
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(member) => router.push(`/members/${member.id}`)}
        onDuplicate={(idNumber) => searchFor(idNumber)}
      />
    </Flex>
  );
}
