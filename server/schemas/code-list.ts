import { z } from "zod";

// A filter over one enum: a list of its codes, capped at the enum's size so that choosing every
// code stays valid when a code is added.
export function codeList<const T extends readonly [string, ...string[]]>(codes: T) {
  return z.array(z.enum(codes)).max(codes.length);
}
