"use client";

import { SearchOutlined, UserAddOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Input, Table, Typography } from "antd";
import Link from "next/link";
import { useEffect, useState } from "react";
import { errorMessage } from "@/app/_components/trpc-error";
import { insuranceLabel } from "@/db/constants";
import { RegisterMemberModal } from "./register-member-modal";
import { matchLabel, SearchHint } from "./search-hint";
import type { MemberSearchItem, PickedMember } from "./types";
import { useMemberSearch } from "./use-member-search";

const SEARCH_DELAY_MS = 300;

const toPicked = (member: MemberSearchItem): PickedMember => ({
  id: member.id,
  name: member.name,
  idNumberMasked: member.idNumberMasked,
});

export type MemberPickerProps = {
  // Set by Form.Item so that the field's label points at the search input.
  id?: string;
  value?: PickedMember | null;
  onChange?: (member: PickedMember | null) => void;
  // Managers find members by name only and do not record them (派单 by a manager).
  byNameOnly?: boolean;
};

// A form control: find a member by ID number, name or phone, or register a new one, and hand
// the chosen member to the form. Works inside antd Form.Item (value/onChange) or on its own.
export function MemberPicker({ id, value, onChange, byNameOnly = false }: MemberPickerProps) {
  const [term, setTerm] = useState("");
  const [registering, setRegistering] = useState(false);
  // Caseworkers may look up by full numbers; managers by name.
  const search = useMemberSearch({ exactAllowed: !byNameOnly });
  const { searchFor } = search;
  const query = search.term;
  // Searches as the caseworker types, once they pause; a full number is looked up once.
  useEffect(() => {
    if (value) return;
    const timer = setTimeout(() => searchFor(term), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term, value, searchFor]);
  const items = search.data?.items ?? [];

  const pick = (member: PickedMember) => {
    setTerm("");
    onChange?.(member);
  };

  if (value) {
    return (
      <Card size="small">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <span>
            <Link href={`/members/${value.id}`} target="_blank">
              <Typography.Text strong>{value.name}</Typography.Text>
            </Link>
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
              身份证号 {value.idNumberMasked}
            </Typography.Text>
          </span>
          <Button onClick={() => onChange?.(null)}>更换参保人</Button>
        </Flex>
      </Card>
    );
  }

  return (
    <Flex vertical gap={8}>
      <Input
        id={id}
        value={term}
        onChange={(event) => setTerm(event.target.value)}
        // Enter must not submit the surrounding form; with a single match it picks it.
        onPressEnter={(event) => {
          event.preventDefault();
          const only = items.length === 1 ? items[0] : undefined;
          if (only) pick(toPicked(only));
        }}
        prefix={<SearchOutlined aria-hidden />}
        placeholder={byNameOnly ? "输入参保人姓名查询" : "输入完整身份证号、姓名或手机号后四位查询"}
        maxLength={32}
        allowClear
        autoComplete="off"
      />
      {search.error && <Alert type="error" showIcon title={errorMessage(search.error)} />}
      {search.data && query && <SearchHint result={search.data} />}
      {query && search.data?.matchedBy !== "unrecognised" && (
        <Table<MemberSearchItem>
          size="small"
          rowKey="id"
          caption={search.data ? `${matchLabel(search.data)}：${items.length} 条结果` : "查询结果"}
          loading={search.loading}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: search.loading ? "正在查询…" : "未找到匹配的参保人" }}
          onRow={(member) => ({ onDoubleClick: () => pick(toPicked(member)) })}
          columns={[
            { title: "姓名", dataIndex: "name" },
            { title: "身份证号", dataIndex: "idNumberMasked" },
            { title: "手机号", dataIndex: "phoneMasked", render: (phone) => phone ?? "—" },
            {
              title: "险种",
              dataIndex: "insurance",
              render: (insurance: MemberSearchItem["insurance"]) => insuranceLabel(insurance),
            },
            { title: "参保地区", dataIndex: "regionName" },
            {
              title: "操作",
              key: "pick",
              render: (_, member) => (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => pick(toPicked(member))}
                  aria-label={`选择参保人 ${member.name}`}
                >
                  选择
                </Button>
              ),
            },
          ]}
        />
      )}
      {!byNameOnly && (
        <>
          <div>
            <Button type="link" icon={<UserAddOutlined />} onClick={() => setRegistering(true)}>
              录入新参保人
            </Button>
          </div>
          <RegisterMemberModal
            title="录入新参保人"
            open={registering}
            onClose={() => setRegistering(false)}
            onRegistered={(member) => pick(member)}
            onDuplicate={(idNumber) => setTerm(idNumber)}
          />
        </>
      )}
    </Flex>
  );
}
