"use client";

import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { toOptions } from "@/app/_components/filter-controls";
import { formatDateTime } from "@/app/_components/format";
import { errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { ROLE_LABELS, ROLES, type Role } from "@/db/constants";
import type { ListUsersInput } from "@/server/schemas/users";
import { ResetPasswordModal } from "./reset-password-modal";
import type { UserRow } from "./types";
import { UserFormModal } from "./user-form-modal";

type Filters = Pick<ListUsersInput, "q" | "role" | "status">;
type Dialog =
  | { kind: "create" }
  | { kind: "edit"; user: UserRow }
  | { kind: "reset"; user: UserRow }
  | null;

const ROLE_OPTIONS = toOptions(ROLES);
const STATUS_OPTIONS = [
  { value: "active", label: "启用" },
  { value: "disabled", label: "停用" },
] as const;
const PAGE_SIZE = 20;
// Dark enough that tag text on its light tint passes WCAG AA contrast (antd's presets do not).
const ACTIVE_COLOR = "#237804";
const PENDING_COLOR = "#ad4e00";

export function UserAdmin({ currentUserId }: { currentUserId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [searchText, setSearchText] = useState("");

  const list = useQuery({
    ...trpc.users.list.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const filterBy = (patch: Filters) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
  };

  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: async (_, input) => {
        await refresh();
        message.success(input.active ? "已启用该用户" : "已停用该用户，其登录已失效");
      },
      onError: (error) => message.error(errorMessage(error)),
    }),
  );

  const columns: TableColumnsType<UserRow> = [
    { title: "用户名", dataIndex: "login", width: 150 },
    { title: "姓名", dataIndex: "displayName", width: 120 },
    {
      title: "角色",
      dataIndex: "role",
      width: 110,
      render: (role: Role) => ROLE_LABELS[role],
    },
    {
      title: "管辖地区",
      dataIndex: "regionScopeName",
      width: 120,
      render: (name: string | null) => name ?? "全辖区",
    },
    {
      title: "状态",
      key: "status",
      width: 150,
      render: (_, user) => (
        <>
          {user.active ? <Tag color={ACTIVE_COLOR}>启用</Tag> : <Tag>停用</Tag>}
          {user.mustChangePassword && <Tag color={PENDING_COLOR}>待修改密码</Tag>}
        </>
      ),
    },
    {
      title: "更新时间",
      dataIndex: "updatedAt",
      width: 150,
      render: (at: Date) => formatDateTime(at),
    },
    {
      title: "操作",
      key: "actions",
      width: 220,
      render: (_, user) => {
        const self = user.id === currentUserId;
        return (
          <Space size={0} wrap>
            <Button type="link" onClick={() => setDialog({ kind: "edit", user })}>
              编辑
            </Button>
            {!self && (
              <Button type="link" onClick={() => setDialog({ kind: "reset", user })}>
                重置密码
              </Button>
            )}
            {!self &&
              (user.active ? (
                <Popconfirm
                  title={`停用 ${user.displayName}？`}
                  description="停用后该用户立即退出登录，且不能再登录。"
                  okText="停用"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => setActive.mutateAsync({ id: user.id, active: false })}
                >
                  <Button type="link" danger>
                    停用
                  </Button>
                </Popconfirm>
              ) : (
                <Button type="link" onClick={() => setActive.mutate({ id: user.id, active: true })}>
                  启用
                </Button>
              ))}
          </Space>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          用户管理
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ kind: "create" })}
        >
          新建用户
        </Button>
      </Flex>

      <Card size="small">
        <Flex gap={12} wrap>
          <Input.Search
            aria-label="搜索用户名或姓名"
            placeholder="搜索用户名或姓名"
            allowClear
            maxLength={32}
            style={{ width: 260 }}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => filterBy({ q: value.trim() || undefined })}
          />
          <Select
            aria-label="角色"
            placeholder="全部角色"
            allowClear
            style={{ width: 160 }}
            options={ROLE_OPTIONS}
            value={filters.role}
            onChange={(role) => filterBy({ role })}
          />
          <Select
            aria-label="状态"
            placeholder="全部状态"
            allowClear
            style={{ width: 140 }}
            options={[...STATUS_OPTIONS]}
            value={filters.status}
            onChange={(status) => filterBy({ status })}
          />
        </Flex>
      </Card>

      {list.isError && (
        <Alert type="error" showIcon title="用户列表加载失败" description={list.error.message} />
      )}
      <Table<UserRow>
        aria-label="用户列表"
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1000 }}
        locale={{ emptyText: "没有符合条件的用户" }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 个用户`,
          onChange: setPage,
        }}
      />

      <UserFormModal
        open={dialog?.kind === "create" || dialog?.kind === "edit"}
        user={dialog?.kind === "edit" ? dialog.user : null}
        isSelf={dialog?.kind === "edit" && dialog.user.id === currentUserId}
        onClose={() => setDialog(null)}
        onSaved={refresh}
      />
      <ResetPasswordModal
        user={dialog?.kind === "reset" ? dialog.user : null}
        onClose={() => setDialog(null)}
        onDone={refresh}
      />
    </Flex>
  );
}
