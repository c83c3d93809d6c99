import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../../api/root";

// The app's tRPC client for everything that calls it from Node: the benchmark, the load
// generator, the tests that go through the HTTP handler and the two-instance e2e checks. One
// request per call (httpLink, no batching) with superjson, as the server expects.

export type AppClient = TRPCClient<AppRouter>;

// `fetch` decides where the requests go: the network, or straight into the handler in a test.
export function createAppClient(baseUrl: string, fetch: typeof globalThis.fetch): AppClient {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, fetch })],
  });
}

// One call as httpLink puts it on the wire, for load tools that send raw requests: a query is
// GET with the superjson envelope in `?input=`, a mutation POSTs it as the body. Synchronous,
// because the load tool builds each request in a synchronous hook; http.test.ts checks it
// against what httpLink itself sends.
export function encodeCall(
  type: "query" | "mutation",
  procedure: string,
  input: unknown,
): { method: "GET" | "POST"; path: string; body: string | undefined } {
  const envelope = JSON.stringify(superjson.serialize(input));
  const path = `/api/trpc/${procedure}`;
  return type === "mutation"
    ? { method: "POST", path, body: envelope }
    : { method: "GET", path: `${path}?input=${encodeURIComponent(envelope)}`, body: undefined };
}

// The data of a successful raw answer (superjson decoded), or undefined.
export function decodeAnswer(body: string): unknown {
  try {
    const data = (JSON.parse(body) as { result?: { data?: unknown } }).result?.data;
    return data === undefined ? undefined : superjson.deserialize(data as never);
  } catch {
    return undefined;
  }
}

// A signed-in browser, as far as the server can tell: Auth.js v5's CSRF round trip and
// credentials callback, then tRPC calls with its cookies. Node's fetch keeps connections alive,
// so the requests reuse one socket as a browser tab would.
export class BrowserSession {
  readonly trpc: AppClient;
  // The last answer's body, so the benchmark can report response sizes (calls are sequential).
  private lastBody = "";

  constructor(
    readonly baseUrl: string,
    private readonly cookies = new Map<string, string>(),
  ) {
    this.trpc = createAppClient(baseUrl, async (url, init) => {
      const response = await this.request(String(url), init);
      this.lastBody = await response.text();
      return new Response(this.lastBody, response);
    });
  }

  // The same browser talking to another instance of the app: cookies belong to the host, not
  // the port, so a session issued by one instance is sent to the other.
  at(baseUrl: string): BrowserSession {
    return new BrowserSession(baseUrl, this.cookies);
  }

  async signIn(login: string, password: string): Promise<void> {
    const csrfResponse = await this.request(`${this.baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
    if (!csrfToken) throw new Error("no csrfToken from /api/auth/csrf");

    const form = new URLSearchParams({ csrfToken, login, password, callbackUrl: "/" });
    const response = await this.request(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    await response.arrayBuffer();
    const location = response.headers.get("location") ?? "";
    // In production the cookie carries the __Secure- prefix (server/auth/config.ts).
    const hasSession = [...this.cookies.keys()].some((name) =>
      name.endsWith("authjs.session-token"),
    );
    if (!hasSession || location.includes("error")) {
      throw new Error(`sign-in as ${login} failed (${response.status} ${location})`);
    }
  }

  // A tRPC call with its answer's body, whose size the benchmark reports.
  async call<T>(run: (trpc: AppClient) => Promise<T>): Promise<{ data: T; body: string }> {
    const data = await run(this.trpc);
    return { data, body: this.lastBody };
  }

  // Any path other than tRPC, with the session's cookies (for the baseline rows of the report).
  async get(path: string): Promise<{ status: number; body: string }> {
    const response = await this.request(`${this.baseUrl}${path}`);
    return { status: response.status, body: await response.text() };
  }

  // The Cookie header this browser sends, for load tools that make their own requests.
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    headers.set("origin", this.baseUrl);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const separator = pair.indexOf("=");
      if (separator > 0) this.cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return response;
  }
}
