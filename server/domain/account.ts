import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "../auth/password";
import { badRequest } from "../errors";
import { type ChangePasswordInput, passwordLoginProblem } from "../schemas/auth";
import { type AuditContext, recordAudit } from "./audit";
import type { Actor } from "./users";

// The signed-in user replaces their own password, forced after an administrator set it or
// by choice. The new password ends every open session, this one included: the caller signs
// in again with it.
export async function changeOwnPassword(
  db: Database,
  actor: Actor,
  input: ChangePasswordInput,
  audit: Omit<AuditContext, "actorId"> = {},
): Promise<void> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw badRequest("当前密码不正确", "currentPassword");
  }
  if (input.newPassword === input.currentPassword) {
    throw badRequest("新密码不能与当前密码相同", "newPassword");
  }
  const problem = passwordLoginProblem(input.newPassword, actor.login);
  if (problem) throw badRequest(problem, "newPassword");

  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, actor.id));
    await recordAudit(
      tx,
      { ...audit, actorId: actor.id },
      {
        action: "user.change_password",
        entity: "user",
        entityId: actor.id,
        after: { password: actor.mustChangePassword ? "已修改初始密码" : "本人修改密码" },
      },
    );
  });
}
