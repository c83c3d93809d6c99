import { Card, Flex, Skeleton } from "antd";

// A server component: antd's compound members (Skeleton.Input and the like) are not available
// here through the client boundary, so only plain Skeletons are used.
export default function EnquiriesLoading() {
  return (
    <Flex vertical gap={16} aria-busy="true" aria-label="咨询工单加载中">
      <Skeleton active title={{ width: 160 }} paragraph={false} />
      <Card size="small">
        <Skeleton active title={false} paragraph={{ rows: 3 }} />
      </Card>
      <Skeleton active title={false} paragraph={{ rows: 10 }} />
    </Flex>
  );
}
