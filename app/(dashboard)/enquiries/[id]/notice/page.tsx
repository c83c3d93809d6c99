import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { serverCaller } from "@/app/_trpc/server";
import { INSURANCE_TYPE_LABELS, SYMPTOM_LABELS } from "@/db/constants";
import type { RouterOutputs } from "@/server/api/root";
import { chineseDay } from "@/server/rules/calendar-day";
import { formatFen } from "@/server/rules/money";
import { PrintButton } from "./print-button";
import "./notice.css";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  return { title: `告知书 · 咨询工单 #${(await params).id}` };
}

type EnquiryNotice = RouterOutputs["insights"]["notice"];

// 告知书: what the member is handed at the counter or sent after a call. The same procedure
// checks as the enquiry page decide who may open it; it shows masked numbers only.
export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const caller = await serverCaller();
  let notice: EnquiryNotice;
  try {
    notice = await caller.insights.notice({ id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <>
      <div className="notice-toolbar">
        <Link href={`/enquiries/${id}`}>← 返回工单</Link>
        <PrintButton />
      </div>
      <NoticeSheet notice={notice} />
    </>
  );
}

function NoticeSheet({ notice }: { notice: EnquiryNotice }) {
  const { enquiry, member } = notice;
  return (
    <article className="notice-sheet" aria-label="告知书">
      <h1>{notice.agencyName}</h1>
      <h2>医保个人账户余额咨询告知书</h2>
      <p className="notice-meta">编号：第 {enquiry.id} 号</p>
      <p>{member.name}：</p>
      <p>
        您于{chineseDay(enquiry.openedOn)}反映的医保个人账户“{SYMPTOM_LABELS[enquiry.symptom]}
        ”问题，我们已经核查，现将情况告知如下。
      </p>
      <table>
        <tbody>
          <tr>
            <th scope="row">参保人</th>
            <td>{member.name}</td>
            <th scope="row">参保类型</th>
            <td>{INSURANCE_TYPE_LABELS[member.insuranceType]}</td>
          </tr>
          <tr>
            <th scope="row">身份证号</th>
            <td>{member.idNumberMasked}</td>
            <th scope="row">联系电话</th>
            <td>{member.phoneMasked ?? "—"}</td>
          </tr>
          <tr>
            <th scope="row">反映问题</th>
            <td>{SYMPTOM_LABELS[enquiry.symptom]}</td>
            <th scope="row">反映余额</th>
            <td>
              {enquiry.reportedBalanceFen === null ? "—" : formatFen(enquiry.reportedBalanceFen)}
            </td>
          </tr>
        </tbody>
      </table>

      <section>
        <h3>一、余额变化的原因</h3>
        {notice.causes.length === 0 ? (
          <p>经办人员正在核查原因，核查结果将另行告知您。</p>
        ) : (
          notice.causes.map((cause, index) => (
            <div key={cause.cause}>
              <p>
                <strong>
                  {index + 1}. {cause.title}
                </strong>
              </p>
              <p>{cause.why}</p>
              {cause.specific && <p>经核实，您的情况是：{cause.specific}</p>}
            </div>
          ))
        )}
      </section>

      <section>
        <h3>二、我们已为您办理</h3>
        {notice.steps.length === 0 ? (
          <p>已受理您的咨询，正在办理中。</p>
        ) : (
          <ol>
            {notice.steps.map((step) => (
              <li key={step.id}>
                {chineseDay(step.doneOn)}　{step.label}
                {step.note && <div style={{ whiteSpace: "pre-wrap" }}>{step.note}</div>}
              </li>
            ))}
          </ol>
        )}
        {enquiry.resolutionSummary && <p>处理结果：{enquiry.resolutionSummary}</p>}
      </section>

      <section>
        <h3>三、您可以这样做</h3>
        {notice.causes.length === 0 ? (
          <p>请保持电话畅通，我们核查清楚后会及时联系您。</p>
        ) : (
          notice.causes.map((cause) => <p key={cause.cause}>{cause.next}</p>)
        )}
        <p>如有疑问，可拨打12393医保服务热线，或携带本告知书到经办窗口咨询。</p>
      </section>

      <div className="notice-signature">
        <p>经办人：{notice.caseworkerName}</p>
        <p>{notice.agencyName}</p>
        <p>{chineseDay(notice.issuedOn)}</p>
      </div>
    </article>
  );
}
