"use client";

import { Input, type InputProps } from "antd";

// Every field of a setting's value sits under `value` in the form.
export const at = (...path: (string | number)[]) => ["value", ...path];

// A sum typed in 元 as text, so the money rules parse exactly what was typed.
export function YuanInput({ label, ...rest }: InputProps & { label?: string }) {
  return (
    <Input
      inputMode="decimal"
      suffix="元"
      aria-label={label}
      style={{ maxWidth: 240 }}
      placeholder="如 13.00"
      {...rest}
    />
  );
}
