"use client";

import { Alert } from "antd";

// The error a form's submission came back with, above its fields; nothing when there is none.
// Field-level errors sit on the fields themselves, not here.
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return <Alert type="error" showIcon role="alert" title={message} style={{ marginBottom: 16 }} />;
}
