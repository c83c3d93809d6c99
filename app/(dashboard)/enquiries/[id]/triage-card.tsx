"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Skeleton } from "antd";
import { SuggestionList, sameCause, withSuggestedCause } from "@/app/_components/suggestion-list";
import { useTRPC } from "@/app/_trpc/client";
import {
  ACCOUNT_PART_LABELS,
  BALANCE_QUERY_METHOD_LABELS,
  CARD_STATE_LABELS,
  insuranceLabel,
} from "@/db/constants";
import { formatFen } from "@/server/rules/money";
import type { TriageFacts } from "@/server/rules/triage";
import type { EnquiryDetail } from "./types";
import { useEnquiryFeedback } from "./use-enquiry-mutation";

const yesNo = (value: boolean | null | undefined) =>
  value === true ? "是" : value === false ? "否" : null;

// The facts the rules used at filing (the answers, and what the description said), in words;
// unanswered questions are left out.
function factItems(facts: TriageFacts) {
  const items: { key: string; label: string; children: string }[] = [];
  const add = (key: string, label: string, value: string | null | undefined) => {
    if (value) items.push({ key, label, children: value });
  };
  add("leftEmployer", "近期离职", yesNo(facts.leftEmployer));
  add("leaveDate", "离职日期", facts.leaveDate);
  add("reductionFiled", "已办理减员", yesNo(facts.reductionFiled));
  add("employerPaid", "单位已缴费", yesNo(facts.employerPaid));
  add("employerPaidOn", "单位缴费日期", facts.employerPaidOn);
  add("recentlyEnrolled", "新参保或新激活", yesNo(facts.recentlyEnrolled));
  add(
    "boundRelatives",
    "绑定亲属",
    facts.boundRelatives == null ? null : `${facts.boundRelatives} 人`,
  );
  add(
    "expectedBalance",
    "预期余额",
    facts.expectedBalanceFen == null ? null : formatFen(facts.expectedBalanceFen),
  );
  add(
    "queryMethod",
    "查询方式",
    facts.queryMethod && BALANCE_QUERY_METHOD_LABELS[facts.queryMethod],
  );
  add("reductionMonth", "减员生效月份", facts.reductionMonth);
  add("relativeRecentUse", "亲属近期使用", yesNo(facts.relativeRecentUse));
  add("card", "社保卡状态", facts.card && CARD_STATE_LABELS[facts.card]);
  add("cardChangedOn", "激活或补换卡日期", facts.cardChangedOn);
  add("identityChanged", "变更过姓名或证件号", yesNo(facts.identityChanged));
  add("relocated", "变更过参保地", yesNo(facts.relocated));
  add(
    "contributionGapMonths",
    "本人断缴",
    facts.contributionGapMonths == null ? null : `${facts.contributionGapMonths} 个月`,
  );
  add("lastCreditOn", "最近一次划入日期", facts.lastCreditOn);
  add(
    "lastCredit",
    "最近一次划入金额",
    facts.lastCreditFen == null ? null : formatFen(facts.lastCreditFen),
  );
  add("firstNoticedMonth", "首次发现月份", facts.firstNoticedMonth);
  add("accountPart", "账户类别", facts.accountPart && ACCOUNT_PART_LABELS[facts.accountPart]);
  add("outOfAreaOrExpired", "异地使用或卡过期", yesNo(facts.outOfAreaOrExpired));
  add("bankAccountFrozen", "银行账户冻结", yesNo(facts.bankAccountFrozen));
  add("commercialInsurance", "购买商业健康保险", yesNo(facts.commercialInsurance));
  add(
    "sameSymptomNearby",
    "近3个工作日本市同类咨询",
    facts.sameSymptomNearby ? `${facts.sameSymptomNearby} 件` : null,
  );
  return items;
}

export function TriageCard({ detail, canEdit }: { detail: EnquiryDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { enquiry } = detail;
  const insights = useQuery(trpc.insights.forEnquiry.queryOptions({ id: enquiry.id }));
  const feedback = useEnquiryFeedback(enquiry.id);
  const adopt = useMutation(
    trpc.enquiries.setCauses.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({
          queryKey: trpc.insights.forEnquiry.queryKey({ id: enquiry.id }),
        });
        await feedback.onSuccess("已采纳该原因");
      },
      onError: feedback.onError,
    }),
  );
  const data = insights.data;

  return (
    <Card title="原因研判" data-testid="triage-card">
      {!data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          {data.stored ? (
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              style={{ marginBottom: 12 }}
              items={[
                {
                  key: "insurance",
                  label: "险种",
                  children: data.insurance ? insuranceLabel(data.insurance) : "—",
                },
                ...factItems(data.facts),
              ]}
            />
          ) : (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="受理时未记录研判情况，以下建议根据反映问题、险种和余额推算"
            />
          )}
          <SuggestionList
            suggestions={data.suggestions}
            adopted={(s) => detail.causes.some((tag) => sameCause(tag, s))}
            onAdopt={
              canEdit
                ? (s) =>
                    adopt.mutate({
                      id: enquiry.id,
                      version: enquiry.version,
                      causes: withSuggestedCause(detail.causes, s),
                    })
                : undefined
            }
            adopting={adopt.isPending}
            emptyText="暂无研判建议"
          />
        </>
      )}
    </Card>
  );
}
