"use client";

import { Alert, Descriptions, Table, Tag, Typography } from "antd";
import type { RouterOutputs } from "@/server/api/root";
import { chineseDay, chineseMonth } from "@/server/rules/calendar-day";
import type { LeaveCalculation, LeaveMonth } from "@/server/rules/leave-calculator";
import { formatFen } from "@/server/rules/money";

type LeaveCalculationAnswer = RouterOutputs["insights"]["leaveCalculation"];

// The warning colour of the 地区政策参数 page's mark, dark enough for AA contrast on its tint
// (antd's preset orange is not).
const UNVERIFIED_COLOR = "#ad4e00";

// The regional settings the server calculated with, each marked when it is only an example.
export function LeavePolicySettings({
  answer,
  value,
}: {
  answer: LeaveCalculationAnswer;
  value: LeaveCalculation | null;
}) {
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      style={{ marginBottom: 16 }}
      title={`地区政策参数（按受理日 ${chineseDay(answer.policyDay)} 适用）`}
      items={[
        ...answer.settings.map((setting) => ({
          key: setting.setting,
          label: setting.label,
          children: (
            <>
              {setting.text}
              {setting.mark && (
                <Tag color={UNVERIFIED_COLOR} style={{ marginInlineStart: 8 }}>
                  {setting.mark}
                </Tag>
              )}
            </>
          ),
        })),
        ...(value
          ? [
              {
                key: "year",
                label: "本次计算的医保年度",
                children: `${chineseDay(value.insuranceYear.start)}至${chineseDay(value.insuranceYear.end)}`,
              },
            ]
          : []),
      ]}
    />
  );
}

const money = (fen: number) => (fen === 0 ? "—" : formatFen(fen));

function summaryItems(value: LeaveCalculation) {
  const preAllocated = value.preAllocatedFen;
  const credit =
    preAllocated === null
      ? [
          {
            key: "credited",
            label: `本年度已划入（${value.creditedMonths.length}个月）`,
            children: formatFen(value.realCreditFen),
          },
          { key: "removed", label: "减员扣回", children: "不扣回（按月划入）" },
        ]
      : [
          { key: "pre", label: "预划资金", children: formatFen(preAllocated) },
          {
            key: "removed",
            label: `减员后至医保年度末扣回（${value.removedMonths.length}个月）`,
            children: formatFen(value.removedFen),
          },
          { key: "real", label: "实际划入资金", children: formatFen(value.realCreditFen) },
        ];
  return [
    ...credit,
    { key: "opening", label: "上年结转余额", children: formatFen(value.openingBalanceFen) },
    { key: "spent", label: "离职前支出", children: formatFen(value.spentBeforeLeaveFen) },
    { key: "expected", label: "减员后应有余额", children: formatFen(value.expectedBalanceFen) },
    { key: "shortfall", label: "可解释的负数金额", children: formatFen(value.shortfallFen) },
  ];
}

export function LeaveCalculationResult({ value }: { value: LeaveCalculation }) {
  return (
    <section aria-label="计算结果">
      {value.warnings.map((warning) => (
        <Alert key={warning} type="warning" showIcon style={{ marginBottom: 12 }} title={warning} />
      ))}
      <Descriptions bordered size="small" column={1} items={summaryItems(value)} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        逐月明细
      </Typography.Title>
      <Table<LeaveMonth>
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={value.months}
        columns={[
          { title: "月份", dataIndex: "month", render: (month: string) => chineseMonth(month) },
          { title: "划入", dataIndex: "creditedFen", align: "right", render: money },
          { title: "扣回", dataIndex: "takenBackFen", align: "right", render: money },
          { title: "说明", dataIndex: "note" },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        计算说明
      </Typography.Title>
      <ol style={{ paddingLeft: 20 }}>
        {value.lines.map((line) => (
          <li key={line}>
            <Typography.Text>{line}</Typography.Text>
          </li>
        ))}
      </ol>
    </section>
  );
}
