import path from "node:path";
import type { TestProject } from "vitest/node";
import { type EmbeddedServer, startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { adminClient, databaseUrl } from "./urls";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}

// Tests run against a real PostgreSQL: TEST_DATABASE_URL when set, otherwise an embedded
// cluster of its own. One migrated template database is made per run; every test file clones
// it (CREATE DATABASE … TEMPLATE), which takes milliseconds and isolates files completely.
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".data/test-pg"),
      port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54331),
      password: "balance-desk-test",
    });
    serverUrl = embedded.url("postgres");
  }
  const templateDatabase = `bd_template_${process.pid}`;
  const admin = adminClient(serverUrl);
  await admin.unsafe(`drop database if exists ${templateDatabase}`);
  await admin.unsafe(`create database ${templateDatabase}`);
  await migrateDatabase(databaseUrl(serverUrl, templateDatabase));

  project.provide("testServerUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    await admin.unsafe(`drop database if exists ${templateDatabase} with (force)`);
    await admin.end();
    await embedded?.stop();
  };
}
