// Exports stream up to tens of thousands of rows from a server-side cursor and hold a database
// connection while they run. A user gets one at a time and an instance two, so repeated
// clicks or a script cannot take the pool from everyone else; the rest answer 429.
export const EXPORTS_PER_USER = 1;
export const EXPORTS_PER_INSTANCE = 2;

export type ExportSlots = {
  // A release function, or null when the user or the instance is at the limit.
  acquire(userId: number): (() => void) | null;
};

export function createExportSlots(
  perUser = EXPORTS_PER_USER,
  perInstance = EXPORTS_PER_INSTANCE,
): ExportSlots {
  const running = new Map<number, number>();
  let total = 0;
  return {
    acquire(userId) {
      const mine = running.get(userId) ?? 0;
      if (mine >= perUser || total >= perInstance) return null;
      running.set(userId, mine + 1);
      total += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= 1;
        const left = (running.get(userId) ?? 1) - 1;
        if (left > 0) running.set(userId, left);
        else running.delete(userId);
      };
    },
  };
}

// The body, releasing the slot when it has been read to the end, failed or was cancelled
// (the browser closed the download).
export function releasingWhenDone(
  body: ReadableStream<Uint8Array>,
  release: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}
