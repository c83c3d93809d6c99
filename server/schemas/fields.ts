import { z } from "zod";
import { text } from "./text";

// The fields many operations share, defined once: a row's id, the version an editor saw, a
// 6-digit region code and an amount in 分.

export const rowId = z.number().int().positive();
export const version = z.number().int().min(1);
export const regionCode = text().regex(/^\d{6}$/, "行政区划代码应为6位数字");

// Money travels as integer 分; the forms convert typed 元 with parseYuanToFen.
export const fen = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}最多保留两位小数`)
    .min(-10_000_000_000, `${label}超出范围`)
    .max(10_000_000_000, `${label}超出范围`);
