"use client";

import { useMutation } from "@tanstack/react-query";
import { Button, Form, type FormInstance, Modal, Popconfirm, Space } from "antd";
import { useState } from "react";
import { errorData, errorMessage, isConflict } from "@/app/_components/trpc-error";
import { useTRPC } from "@/app/_trpc/client";
import { ENQUIRY_STATUS_LABELS } from "@/db/constants";
import { TRANSITION_LABELS, type TransitionAction } from "@/server/rules/enquiry-status";
import { DialogContext, DialogField } from "./transition-fields";
import { type DialogValues, formFieldOf, inputOf, requiresOf } from "./transition-input";
import type { EnquiryDetail } from "./types";
import { useEnquiryFeedback } from "./use-enquiry-mutation";

// Each action's dialog asks for what the course table says it requires; an action that
// requires nothing is taken at the click, or after a confirmation for the manager's decisions.

// The manager's decisions that need no words still ask once before they are recorded.
function confirmationOf(
  action: TransitionAction,
  dispatched: boolean,
): { title: string; description: string } | null {
  switch (action) {
    case "approve_return":
      return {
        title: "同意退单并报热线中心？",
        description: `工单将转为「${ENQUIRY_STATUS_LABELS.return_submitted}」，等待热线中心答复。`,
      };
    case "centre_accept_return":
      return {
        title: "确认热线中心已同意退单？",
        description: `工单将转为「${ENQUIRY_STATUS_LABELS.withdrawn}」，不再由本机构办理。`,
      };
    case "approve_extension":
      return {
        title: "同意延期？",
        description: dispatched
          ? "同意后报热线中心答复，热线中心同意后办理期限才顺延。"
          : "同意后办理期限顺延至申请的日期。",
      };
    case "centre_accept_extension":
      return {
        title: "确认热线中心已同意延期？",
        description: "办理期限将按申请的工作日顺延。",
      };
    default:
      return null;
  }
}

const successText = (action: TransitionAction) =>
  action.startsWith("centre_")
    ? `已记录：${TRANSITION_LABELS[action]}`
    : `已${TRANSITION_LABELS[action]}`;

// Puts the server's objection next to the field it is about; false when it is about none.
function placeFieldErrors(
  form: FormInstance<DialogValues>,
  error: unknown,
  action: TransitionAction,
): boolean {
  const data = errorData(error);
  const values = form.getFieldsValue();
  const found = new Map<keyof DialogValues, string[]>();
  if (data.field) {
    const name = formFieldOf(data.field, action, values);
    if (name) found.set(name, [errorMessage(error)]);
  }
  for (const [field, errors] of Object.entries(data.fieldErrors ?? {})) {
    const name = formFieldOf(field, action, values);
    if (name && errors?.length) found.set(name, errors);
  }
  if (found.size === 0) return false;
  form.setFields([...found].map(([name, errors]) => ({ name, errors })));
  return true;
}

export function TransitionActions({ detail }: { detail: EnquiryDetail }) {
  const trpc = useTRPC();
  const { enquiry } = detail;
  const [dialog, setDialog] = useState<TransitionAction | null>(null);
  const [form] = Form.useForm<DialogValues>();
  const feedback = useEnquiryFeedback(enquiry.id);
  const transition = useMutation(
    trpc.enquiries.transition.mutationOptions({
      onSuccess: async (_, input) => {
        setDialog(null);
        form.resetFields();
        await feedback.onSuccess(successText(input.action));
      },
      onError: (error, input) => {
        const fromDialog = requiresOf(input.action).length > 0;
        if (fromDialog && !isConflict(error) && placeFieldErrors(form, error, input.action)) return;
        feedback.onError(error);
      },
    }),
  );

  const run = (action: TransitionAction, values: DialogValues = {}) =>
    transition.mutate({
      id: enquiry.id,
      version: enquiry.version,
      action,
      ...inputOf(action, values),
    });

  const dispatched = detail.workOrder !== null;

  return (
    <>
      <Space wrap>
        {detail.allowedActions.map((action) => {
          const hasDialog = requiresOf(action).length > 0;
          const confirmation = hasDialog ? null : confirmationOf(action, dispatched);
          const button = (
            <Button
              key={action}
              type={
                action === "resolve" || action === "start" || action === "sign"
                  ? "primary"
                  : "default"
              }
              danger={action === "return_to_pool" || action === "request_return"}
              loading={transition.isPending && transition.variables?.action === action}
              onClick={
                confirmation ? undefined : () => (hasDialog ? setDialog(action) : run(action))
              }
            >
              {TRANSITION_LABELS[action]}
            </Button>
          );
          return confirmation ? (
            <Popconfirm
              key={action}
              title={confirmation.title}
              description={confirmation.description}
              okText="确定"
              cancelText="取消"
              onConfirm={() => run(action)}
            >
              {button}
            </Popconfirm>
          ) : (
            button
          );
        })}
      </Space>
      <Modal
        title={dialog ? TRANSITION_LABELS[dialog] : ""}
        open={dialog !== null}
        onCancel={() => {
          form.resetFields();
          setDialog(null);
        }}
        onOk={() => form.submit()}
        okText="确定"
        cancelText="取消"
        confirmLoading={transition.isPending}
        destroyOnHidden
      >
        {dialog && <DialogContext action={dialog} detail={detail} />}
        <Form<DialogValues>
          form={form}
          layout="vertical"
          aria-label={dialog ? TRANSITION_LABELS[dialog] : undefined}
          onFinish={(values) => dialog && run(dialog, values)}
        >
          {dialog &&
            requiresOf(dialog).map((field) => (
              <DialogField key={field} field={field} action={dialog} detail={detail} form={form} />
            ))}
        </Form>
      </Modal>
    </>
  );
}
