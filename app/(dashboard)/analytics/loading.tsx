import { Card, Col, Flex, Row, Skeleton } from "antd";

// A server component: only plain Skeletons, as antd's compound members are not available here
// through the client boundary.
export default function AnalyticsLoading() {
  const chartCard = (
    <Card>
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
  return (
    <Flex vertical gap={16} aria-busy="true" aria-label="统计分析加载中">
      <Skeleton active title={{ width: 160 }} paragraph={false} />
      <Card size="small">
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      </Card>
      <Card>
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24}>{chartCard}</Col>
        <Col xs={24} xl={10}>
          {chartCard}
        </Col>
        <Col xs={24} xl={14}>
          {chartCard}
        </Col>
      </Row>
    </Flex>
  );
}
