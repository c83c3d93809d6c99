// Up to `parallel` transactions at once for the bulk loader: the search-token triggers and the
// indexes keep one backend busy per transaction, and a second one uses the other core. `submit`
// waits for a free writer, so the batches waiting in memory are bounded too. After a failure no
// further batch starts, and `drain` throws it.
import type postgres from "postgres";

export type Writers = {
  submit(write: (tx: postgres.TransactionSql) => Promise<void>, done: () => void): Promise<void>;
  drain(): Promise<void>;
};

export function createWriters(client: postgres.Sql, parallel: number): Writers {
  const running = new Set<Promise<void>>();
  let failure: unknown;
  return {
    async submit(write, done) {
      while (running.size >= parallel) await Promise.race(running);
      if (failure) throw failure;
      const writing: Promise<void> = client
        .begin(async (tx) => {
          await tx`set local statement_timeout = 0`;
          await write(tx);
        })
        .then(done)
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => running.delete(writing));
      running.add(writing);
    },
    async drain() {
      await Promise.all(running);
      if (failure) throw failure;
    },
  };
}
