"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Input, Space, Typography } from "antd";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useSettled } from "@/app/_components/use-settled";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/server/api/root";
import { STEP_TEXT_MAX } from "@/server/rules/letter";
import { issueLetterAction } from "../actions";
import { LetterSheet } from "../letter-sheet";

type Preview = RouterOutputs["letters"]["preview"];

// 出具告知书: the caseworker reads the letter as the member will, rewords the step sentences if
// needed, and issues it. The preview follows the edits; the server renders both.
export function LetterComposer({
  enquiryId,
  initial,
  canIssue,
}: {
  enquiryId: number;
  initial: Preview;
  canIssue: boolean;
}) {
  const trpc = useTRPC();
  const [stepTexts, setStepTexts] = useState<Record<string, string>>({});
  // Rendered by the server once typing pauses, not on every keystroke.
  const deferred = useSettled(stepTexts, 400);
  const preview = useQuery({
    ...trpc.letters.preview.queryOptions({ id: enquiryId, stepTexts: deferred }),
    placeholderData: (previous) => previous ?? initial,
    initialData: Object.keys(deferred).length === 0 ? initial : undefined,
  });
  const current = preview.data ?? initial;
  const [issuing, startIssuing] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const issue = () =>
    startIssuing(async () => {
      setError(null);
      const result = await issueLetterAction(enquiryId, stepTexts);
      if (result?.error) setError(result.error);
    });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200, margin: "0 auto" }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          出具告知书 · 咨询工单 #{enquiryId}
        </Typography.Title>
        <Link href={`/enquiries/${enquiryId}`}>← 返回工单</Link>
      </Flex>
      {current.stage === "checking" && (
        <Alert
          type="info"
          showIcon
          message="工单尚未办结：告知书写明“正在核查”，并带有“草稿”标记；办结后出具的告知书才写“经核实”。"
        />
      )}
      {current.unverified.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`示例（未核实）：本告知书用到的地区政策参数“${current.unverified.join("、")}”尚未核实，出具前请核对或请管理员在「地区政策参数」中更新。`}
        />
      )}
      <Flex gap={16} wrap align="flex-start">
        <Card title="办理情况（面向参保人的表述）" style={{ flex: "1 1 340px" }}>
          {current.stepSentences.length === 0 ? (
            <Typography.Text type="secondary">尚未记录处理步骤。</Typography.Text>
          ) : (
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Typography.Text type="secondary">
                按处理步骤自动生成，可修改措辞；内部备注不会出现在告知书中。
              </Typography.Text>
              {current.stepSentences.map((step, index) => (
                <div key={step.id}>
                  <label htmlFor={`step-text-${step.id}`}>第 {index + 1} 项</label>
                  <Input.TextArea
                    id={`step-text-${step.id}`}
                    autoSize={{ minRows: 2 }}
                    maxLength={STEP_TEXT_MAX}
                    showCount
                    disabled={!canIssue}
                    value={stepTexts[step.id] ?? step.text}
                    onChange={(event) =>
                      setStepTexts((texts) => ({ ...texts, [step.id]: event.target.value }))
                    }
                  />
                </div>
              ))}
            </Space>
          )}
          {canIssue && (
            <Space orientation="vertical" style={{ width: "100%", marginTop: 16 }}>
              {error && <Alert type="error" showIcon message={error} />}
              {!current.changed && current.latest && (
                <Typography.Text type="secondary">
                  内容与已出具的第{current.latest.version}版相同，出具将直接打开该版本。
                </Typography.Text>
              )}
              <Button type="primary" loading={issuing} onClick={issue} block>
                出具告知书
              </Button>
            </Space>
          )}
        </Card>
        <div style={{ flex: "2 1 560px" }} aria-live="polite">
          <LetterSheet content={current.content} number={null} issuedOn={current.issuedOn} />
        </div>
      </Flex>
    </Flex>
  );
}
