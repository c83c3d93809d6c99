"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Modal } from "antd";
import { useState } from "react";
import { CauseEditor, causeEditorError } from "@/app/_components/cause-editor";
import { CauseTags } from "@/app/_components/enquiry-tags";
import { useTRPC } from "@/app/_trpc/client";
import type { CauseTag } from "@/server/schemas/enquiries";
import type { EnquiryDetail } from "./types";
import { useEnquiryFeedback } from "./use-enquiry-mutation";

export function CausesCard({ detail, canEdit }: { detail: EnquiryDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const { enquiry } = detail;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ causes: CauseTag[] }>();
  const feedback = useEnquiryFeedback(enquiry.id);
  const save = useMutation(
    trpc.enquiries.setCauses.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await feedback.onSuccess("原因分类已更新");
      },
      onError: feedback.onError,
    }),
  );
  const closed = enquiry.status === "resolved" || enquiry.status === "followed_up";

  return (
    <Card
      title="原因分类"
      extra={
        canEdit && (
          <Button
            onClick={() => {
              form.setFieldsValue({ causes: detail.causes });
              setOpen(true);
            }}
          >
            修改原因分类
          </Button>
        )
      }
    >
      <CauseTags causes={detail.causes} />
      {detail.causes.length === 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title="尚未确定原因。办结前需至少选择一个原因分类。"
        />
      )}
      <Modal
        title="修改原因分类"
        open={open}
        onCancel={() => setOpen(false)}
        okText="保存"
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ causes }) =>
            save.mutate({ id: enquiry.id, version: enquiry.version, causes: causes ?? [] })
          }
        >
          <Form.Item
            name="causes"
            label="原因分类"
            rules={[
              {
                validator: async (_: unknown, tags?: CauseTag[]) => {
                  const problem = causeEditorError(tags, closed);
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            <CauseEditor />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
