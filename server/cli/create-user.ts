import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createDb, type Database } from "@/db";
import { ROLE_CODES, ROLE_LABELS, type Role } from "@/db/constants";
import { createUser } from "../domain/user-admin";
import { DomainError } from "../errors";
import { createUserInput } from "../schemas/users";
import { prepareDatabase } from "./database";
import { loadLocalConfig } from "./local-config";

// `npm run user:create -- --role admin --login <login> [--name <名>] [--region <code>]`: an
// account made from the command line, above all the first administrator of a database without
// demo data. The password is typed at the prompt or, left empty, generated and printed once;
// either way it is temporary: the account must change it at its first sign-in. The creation
// is audited like one made on the 用户管理 page, with no acting user.
export const CREATE_USER_USAGE =
  "用法 / usage: npm run user:create -- --role admin --login <登录名> [--name <姓名>] [--region <地区代码>]";

export type CreateUserRequest = {
  role: Role;
  login: string;
  displayName: string;
  regionScope: string | null;
};

// The request, or the one line that says what is wrong with the arguments.
export function parseCreateUserArgs(args: string[]): CreateUserRequest | string {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        role: { type: "string" },
        login: { type: "string" },
        name: { type: "string" },
        region: { type: "string" },
      },
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    return `${(error as Error).message}\n${CREATE_USER_USAGE}`;
  }
  const role = values.role as Role | undefined;
  if (!role || !ROLE_CODES.includes(role)) {
    return `--role 须为 ${ROLE_CODES.join(" / ")}\n${CREATE_USER_USAGE}`;
  }
  if (!values.login) return `缺少 --login\n${CREATE_USER_USAGE}`;
  return {
    role,
    login: values.login.trim().toLowerCase(),
    displayName: values.name?.trim() || values.login.trim(),
    regionScope: values.region?.trim() || null,
  };
}

// 18 random bytes: 24 characters of base64url, far from any common password.
export const generatePassword = () => randomBytes(18).toString("base64url");

export type CreatedUser =
  | { ok: true; id: number; login: string; password: string; generated: boolean }
  | { ok: false; problem: string };

export async function createUserFromCommandLine(
  db: Database,
  request: CreateUserRequest,
  typedPassword: string | null,
): Promise<CreatedUser> {
  const generated = !typedPassword;
  const password = typedPassword || generatePassword();
  const parsed = createUserInput.safeParse({ ...request, password });
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? "输入有误" };
  try {
    const created = await createUser(db, null, parsed.data, { requestId: "cli:user:create" });
    return { ok: true, ...created, password, generated };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, problem: error.message };
    throw error;
  }
}

// Asks for the password without echoing it; an empty answer means "generate one".
async function promptPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  process.stdout.write("初始密码（直接回车则自动生成）/ initial password (Enter to generate): ");
  muted = true;
  const answer = await prompt.question("");
  muted = false;
  prompt.close();
  process.stdout.write("\n");
  return answer || null;
}

async function main() {
  const request = parseCreateUserArgs(process.argv.slice(2));
  if (typeof request === "string") {
    console.error(request);
    process.exit(2);
  }
  const log = (line: string) => console.log(`[user:create] ${line}`);
  const database = await prepareDatabase(loadLocalConfig(), log);
  const { db, client } = createDb(database.url, { max: 2 });
  try {
    const created = await createUserFromCommandLine(db, request, await promptPassword());
    if (!created.ok) {
      console.error(`[user:create] 未创建：${created.problem}`);
      process.exitCode = 1;
      return;
    }
    log(`已创建 ${ROLE_LABELS[request.role]} ${created.login}（首次登录须修改密码）。`);
    if (created.generated) {
      // Shown this once; only its hash is stored.
      log(`初始密码 / initial password: ${created.password}`);
    }
  } finally {
    await client.end();
    await database.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`[user:create] 失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
