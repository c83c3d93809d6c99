import { Alert } from "antd";
import type { MemberSearchResult } from "./types";

const MATCH_LABELS: Record<MemberSearchResult["matchedBy"], string> = {
  id_number: "按身份证号查询",
  phone: "按手机号查询",
  phone_last4: "按手机号后四位查询",
  name: "按姓名查询",
  unrecognised: "未能识别的查询内容",
};

export function matchLabel(result: MemberSearchResult): string {
  return MATCH_LABELS[result.matchedBy];
}

// Says why a lookup found nothing useful: digits that are no recognisable number, or a name
// term too short to narrow the list.
export function SearchHint({ result }: { result: MemberSearchResult }) {
  if (result.matchedBy === "unrecognised") {
    return (
      <Alert
        type="info"
        showIcon
        title="请输入完整的18位身份证号、11位手机号或手机号后四位；查询姓名请输入汉字"
      />
    );
  }
  if (result.truncated) {
    return (
      <Alert
        type="warning"
        showIcon
        title={`匹配的参保人较多，仅显示前 ${result.items.length} 条，请输入更完整的姓名或改用身份证号查询`}
      />
    );
  }
  return null;
}
