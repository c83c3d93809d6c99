import { TRPCError } from "@trpc/server";
import { Card, Descriptions, Flex } from "antd";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/app/_components/format";
import { serverCaller } from "@/app/_trpc/server";
import { insuranceLabel } from "@/db/constants";
import { currentActor } from "@/server/auth/current-actor";
import { RevealIdNumber } from "../_components/reveal-id-number";
import { MemberEnquiries } from "./member-enquiries";

// A member's history is short; past this the page says how many more there are.
const ENQUIRY_LIMIT = 100;

export const metadata: Metadata = { title: "参保人" };

export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const caller = await serverCaller();
  const [member, enquiries, count] = await Promise.all([
    caller.members.byId({ id }),
    caller.enquiries.list({ memberId: id, limit: ENQUIRY_LIMIT }),
    caller.enquiries.count({ memberId: id }),
  ]).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });

  // Managers read figures, not identities; caseworkers and admins may see the full number.
  const actor = await currentActor();
  const canRevealId = actor?.role === "caseworker" || actor?.role === "admin";
  const region = member.parentRegionName
    ? `${member.parentRegionName} ${member.regionName}`
    : member.regionName;
  return (
    <Flex vertical gap={16}>
      {/* A server component: antd's compound members (Typography.Title) do not cross the
          client boundary, so the heading is plain HTML. */}
      <h1 style={{ fontSize: 24, fontWeight: 600, margin: 0 }}>参保人：{member.name}</h1>
      <Card>
        <Descriptions
          title="基本信息"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "name", label: "姓名", children: member.name },
            {
              key: "idNumber",
              label: "身份证号",
              children: canRevealId ? (
                <RevealIdNumber memberId={member.id} masked={member.idNumberMasked} />
              ) : (
                member.idNumberMasked
              ),
            },
            { key: "phone", label: "手机号", children: member.phoneMasked ?? "未录入" },
            { key: "insurance", label: "险种", children: insuranceLabel(member.insurance) },
            { key: "region", label: "参保地区", children: region },
            { key: "employer", label: "参保单位", children: member.employerName ?? "—" },
            { key: "createdAt", label: "录入时间", children: formatDateTime(member.createdAt) },
            { key: "createdBy", label: "录入人", children: member.createdByName ?? "—" },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>咨询记录</h2>}>
        <MemberEnquiries items={enquiries.items} total={count.total} totalIsCapped={count.capped} />
      </Card>
    </Flex>
  );
}
