import { Button, Result } from "antd";

export default function MemberNotFound() {
  return (
    <Result
      status="404"
      title="参保人不存在或无权查看"
      subTitle="该参保人可能不在您的管辖范围内，或编号有误。"
      extra={
        <Button type="primary" href="/members">
          返回参保人查询
        </Button>
      }
    />
  );
}
