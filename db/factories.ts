import type { Role } from "./constants";
import type { Executor } from "./index";
import { users } from "./schema";

// Test data builders: each call makes a new row with unique values; tests state only what
// matters to them.
let sequence = 0;
const next = () => ++sequence;

export async function createUser(
  db: Executor,
  overrides: Partial<typeof users.$inferInsert> & { role?: Role } = {},
) {
  const n = next();
  const [user] = await db
    .insert(users)
    .values({
      displayName: `测试用户${n}`,
      login: `user_${n}_${Date.now().toString(36)}`,
      passwordHash: "not-a-real-hash",
      role: "caseworker",
      ...overrides,
    })
    .returning();
  if (!user) throw new Error("user insert returned nothing");
  return user;
}
