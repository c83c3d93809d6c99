import type { Readable } from "node:stream";

// A web ReadableStream (the Response body) pulled chunk by chunk from an async iterator, so a
// slow download holds the producer (and its database cursor) instead of buffering the file.
// Cancelling the download returns the iterator, which closes the cursor.
export function streamFromChunks(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

const BUFFERED_BYTES = 256 * 1024;

// Node's Readable as a web stream that pauses the source while the consumer is behind.
export function streamFromReadable(source: Readable): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        source.on("data", (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) source.pause();
        });
        source.once("end", () => controller.close());
        source.once("error", (error) => controller.error(error));
        source.pause();
      },
      pull() {
        source.resume();
      },
      cancel() {
        source.destroy();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: BUFFERED_BYTES }),
  );
}
