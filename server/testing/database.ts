import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDb } from "@/db/index";
import { adminClient, databaseUrl } from "./urls";

// A fresh database for one test file, cloned from the migrated template.
export function createTestDatabase() {
  return createDatabase(inject("templateDatabase"));
}

// A database without any migration applied, for the tests of the migrations themselves.
export function createEmptyDatabase() {
  return createDatabase("template1");
}

async function createDatabase(template: string) {
  const serverUrl = inject("testServerUrl");
  const name = `bd_test_${randomBytes(6).toString("hex")}`;
  const admin = adminClient(serverUrl);
  await admin.unsafe(`create database ${name} template ${template}`);
  const url = databaseUrl(serverUrl, name);
  const { db, client } = createDb(url, { max: 5 });
  return {
    db,
    client,
    url,
    async drop() {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
