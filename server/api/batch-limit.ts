// The most calls one tRPC HTTP request may carry. The server refuses a longer batch (400) and
// the browser client splits its batches at the same size, so the app itself never hits it. A
// page makes fewer than ten calls at once.
export const MAX_BATCH_SIZE = 20;
