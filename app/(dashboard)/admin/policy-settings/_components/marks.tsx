import { Tag } from "antd";
import { TAG_COLORS } from "@/app/_components/tag-colors";
import { UNVERIFIED_MARK } from "@/server/rules/policy-settings";

// The unverified mark is in the warning colour so it stands out in a column of 已核实.
const VERIFIED_COLOR = TAG_COLORS.done;
const UNVERIFIED_COLOR = TAG_COLORS.warning;
const IN_FORCE_COLOR = TAG_COLORS.info;

export function VerifiedTag({ verified }: { verified: boolean }) {
  return verified ? (
    <Tag color={VERIFIED_COLOR}>已核实</Tag>
  ) : (
    <Tag color={UNVERIFIED_COLOR}>{UNVERIFIED_MARK}</Tag>
  );
}

export function InForceTag() {
  return <Tag color={IN_FORCE_COLOR}>当前生效</Tag>;
}

// Where the value in force comes from, seen from the page's level: its own row, or the
// province's or the national default it inherits.
export function SourceLevelTag({ own, from }: { own: boolean; from: string }) {
  return own ? <Tag color={IN_FORCE_COLOR}>本级</Tag> : <Tag>继承自{from}</Tag>;
}
