"use client";

import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Popconfirm, Table } from "antd";
import { useState } from "react";
import { errorMessage } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { PolicyEventFormModal } from "./policy-event-form";
import { SectionCard } from "./section-card";

// 政策节点 kept by administrators: local changes (a base adjustment, a new retiree allocation)
// drawn on the monthly chart next to the built-in nationwide ones.
export function PolicyEventsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const regions = useQuery(trpc.regions.options.queryOptions());
  const events = useQuery(trpc.policyEvents.list.queryOptions());
  const [adding, setAdding] = useState(false);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.policyEvents.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.analytics.policyMarkers.queryKey() }),
    ]);
  const remove = useMutation(
    trpc.policyEvents.delete.mutationOptions({
      onSuccess: () => {
        message.success("已删除政策节点");
        void refresh();
      },
      onError: (failure) => message.error(errorMessage(failure)),
    }),
  );

  return (
    <SectionCard
      testId="policy-events"
      title="政策节点"
      hint="在原因分类月度趋势图上以虚线标出的政策变化。各地门诊共济改革的实施日期和医保年度切换取自「地区政策参数」，自动标出；其他地方政策可在此添加。"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          添加政策节点
        </Button>
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={events.isFetching}
        dataSource={events.data ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: events.isError ? errorMessage(events.error) : "尚未添加地方政策节点" }}
        columns={[
          { title: "生效日期", dataIndex: "effectiveOn" },
          { title: "地区", dataIndex: "regionName" },
          { title: "名称", dataIndex: "label" },
          { title: "说明", dataIndex: "description", render: (text: string | null) => text ?? "—" },
          { title: "添加人", dataIndex: "createdByName" },
          {
            title: "操作",
            key: "actions",
            render: (_, row) => (
              <Popconfirm
                title={`删除政策节点「${row.label}」？`}
                okText="删除"
                cancelText="取消"
                onConfirm={() => remove.mutate({ id: row.id })}
              >
                <Button type="link" danger size="small">
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <PolicyEventFormModal
        open={adding}
        regions={regions.data}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          message.success("已添加政策节点");
          void refresh();
        }}
      />
    </SectionCard>
  );
}
