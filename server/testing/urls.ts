import postgres from "postgres";

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function adminClient(serverUrl: string) {
  return postgres(databaseUrl(serverUrl, "postgres"), { max: 1, onnotice: () => {} });
}
