"use client";

import { PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Cascader,
  Flex,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { regionTrail } from "@/app/_components/region-trail";
import { errorMessage } from "@/app/_components/trpc-error";
import { useUrlFilters } from "@/app/_components/use-url-filters";
import { useTRPC } from "@/app/_trpc/client";
import { UNVERIFIED_MARK } from "@/server/rules/policy-settings";
import { AddVersionDrawer, type PageRegion } from "./add-version-drawer";
import { SourceLevelTag, VerifiedTag } from "./marks";
import { parseRegionFilter, toRegionQuery } from "./region-param";
import type { SettingRow } from "./types";
import { VersionHistory } from "./version-history";

// Written as one string: Chinese sentences take no space between them, which JSX line breaks add.
const INTRODUCTION =
  "参数按版本保存：新增的版本自生效日期起适用，原有版本保留不变，已出具的告知书始终按出具时的版本，不会因此改变。" +
  `标为「${UNVERIFIED_MARK}」的值尚未按当地文件核对，告知书预览中同样会注明；` +
  "地市未设置的参数沿用所在省，省未设置的沿用全国默认。";

// The picker's entry for the national defaults; not a region code, never sent to the server.
const NATIONAL = "national";

function levelOf(code: string | null): PageRegion["level"] {
  if (code === null) return "national";
  return code.endsWith("0000") ? "province" : "city";
}

// 系统管理 → 地区政策参数: the value of each setting in force today at one level (the national
// default, a province or a city), where it comes from, and the versions stored at that level.
export function PolicySettingsAdmin({
  scope,
  scopeName,
}: {
  // The administrator's region scope; null is the whole jurisdiction.
  scope: string | null;
  scopeName: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { filters, apply } = useUrlFilters(parseRegionFilter, toRegionQuery);
  const regions = useQuery(trpc.regions.options.queryOptions());
  const list = useQuery(trpc.policySettings.list.queryOptions({ regionCode: filters.region }));
  const [adding, setAdding] = useState<SettingRow | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.policySettings.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.policySettings.forRegion.queryKey() }),
    ]);

  const levelName = list.data?.regionName ?? (filters.region === null ? "全国默认" : "本级");
  const region: PageRegion = {
    code: filters.region,
    name: levelName,
    level: levelOf(filters.region),
  };
  const today = list.data?.day ?? "";
  // A city-scoped administrator sees the province only as the way to their city.
  const provinceSelectable = scope === null || scope.endsWith("0000");

  const columns: TableColumnsType<SettingRow> = [
    { title: "参数", dataIndex: "label", width: 170 },
    {
      title: "现行值",
      key: "value",
      render: (_, row) => row.current.text,
    },
    {
      title: "来源",
      key: "level",
      width: 150,
      render: (_, row) => (
        <SourceLevelTag own={row.current.regionCode === filters.region} from={row.current.from} />
      ),
    },
    {
      title: "生效日期",
      key: "effectiveFrom",
      width: 130,
      render: (_, row) => {
        const next = row.versions.findLast((version) => version.effectiveFrom > today);
        return (
          <>
            <div>{row.current.effectiveFrom}</div>
            {next && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {next.effectiveFrom} 起另有新版本
              </Typography.Text>
            )}
          </>
        );
      },
    },
    {
      title: "来源说明",
      key: "sourceNote",
      width: 260,
      render: (_, row) => row.current.sourceNote,
    },
    {
      title: "核实",
      key: "verified",
      width: 130,
      render: (_, row) => <VerifiedTag verified={row.current.verified} />,
    },
    {
      title: "操作",
      key: "actions",
      width: 120,
      render: (_, row) => (
        <Button
          size="small"
          icon={<PlusOutlined />}
          aria-label={`新增版本：${row.label}`}
          onClick={() => setAdding(row)}
        >
          新增版本
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        地区政策参数
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {INTRODUCTION}
      </Typography.Paragraph>

      <Card size="small">
        <Flex vertical gap={8}>
          <Flex align="center" gap={8} wrap>
            <label htmlFor="policy-region">地区</label>
            <Cascader
              id="policy-region"
              style={{ width: 280 }}
              options={[{ value: NATIONAL, label: "全国默认" }, ...(regions.data ?? [])]}
              loading={regions.isPending}
              changeOnSelect={provinceSelectable}
              showSearch
              allowClear={false}
              value={
                filters.region === null
                  ? [NATIONAL]
                  : regions.data
                    ? regionTrail(regions.data, filters.region).map((step) => step.value)
                    : []
              }
              onChange={(path) => {
                const code = path?.at(-1);
                apply({ region: code && code !== NATIONAL ? String(code) : null });
              }}
            />
          </Flex>
          {filters.region === null && scope !== null && (
            <Typography.Text type="secondary">
              {`全国默认值只能由全辖区的系统管理员修改；您可以查看，或选择${scopeName ?? "管辖范围"}内的地区。`}
            </Typography.Text>
          )}
        </Flex>
      </Card>

      {list.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="地区政策参数加载失败"
          description={errorMessage(list.error)}
          action={
            <Space orientation="vertical">
              <Button size="small" onClick={() => void list.refetch()}>
                重试
              </Button>
              {filters.region !== null && (
                <Button size="small" onClick={() => apply({ region: null })}>
                  查看全国默认
                </Button>
              )}
            </Space>
          }
        />
      ) : (
        <Table<SettingRow>
          rowKey="setting"
          caption={
            list.data ? `${list.data.regionName}的地区政策参数（${list.data.day} 现行）` : undefined
          }
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.settings ?? []}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: list.isPending ? " " : "没有可显示的参数" }}
          expandable={{
            expandedRowRender: (row) => (
              <VersionHistory row={row} today={today} levelName={levelName} />
            ),
          }}
        />
      )}

      <AddVersionDrawer
        target={adding}
        region={region}
        onClose={() => setAdding(null)}
        onSaved={refresh}
      />
    </Flex>
  );
}
