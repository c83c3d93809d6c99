// The tRPC fetch adapter reads the whole body into memory with no limit of its own. The
// largest legitimate call (a batch of a new enquiry with its description and steps) is a few
// kilobytes; 256 KB leaves room and stops a client from making the server buffer megabytes.
export const MAX_BODY_BYTES = 256 * 1024;
export const BODY_TOO_LARGE_MESSAGE = "请求内容过大";

function tooLarge(): Response {
  return Response.json(
    { error: BODY_TOO_LARGE_MESSAGE },
    { status: 413, headers: { "cache-control": "no-store" } },
  );
}

// The request with its body read (at most maxBytes), or a 413 answer. The declared length is
// checked first, and the body is counted as it arrives too, since a chunked upload has none.
export async function withCappedBody(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<Request | Response> {
  if (!request.body) return request;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body.cancel();
    return tooLarge();
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: Buffer.concat(chunks),
  });
}
