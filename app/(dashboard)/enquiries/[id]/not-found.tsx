import { Button, Result } from "antd";
import Link from "next/link";

export default function EnquiryNotFound() {
  return (
    <Result
      status="404"
      title="咨询工单不存在或无权查看"
      subTitle="该工单可能不在您的管辖范围内，或编号有误。"
      extra={
        <Link href="/enquiries">
          <Button type="primary">返回咨询工单列表</Button>
        </Link>
      }
    />
  );
}
