/**
 * A typed client for the Dialoog API: one openapi-fetch client per service, typed by the types that
 * openapi-typescript generates from each service's OpenAPI document (src/generated, `npm run generate`).
 *
 *   const engagements = createEngagementClient({ baseUrl: "https://engagements.example.nl/api/v1", token });
 *   const created = expectData(await engagements.POST("/engagements", { body: { ... } }));
 *
 * Paths, path and query parameters, request bodies and response bodies are all checked by the compiler.
 */
import createClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type * as engagement from "./generated/engagement.js";
import type * as feedback from "./generated/feedback.js";
import type * as session from "./generated/session.js";

/**
 * A document's paths relative to the API root `/api/v1`, whether the document lists them with that prefix
 * or relative to a `/api/v1` server: clients are always created with the API root as base URL and called
 * with paths such as `/engagements/{engagementId}`.
 */
export type ApiPaths<Paths> = {
  [Path in keyof Paths as Path extends `/api/v1${infer Rest extends `/${string}`}` ? Rest : Path]: Paths[Path];
};

export type EngagementPaths = ApiPaths<engagement.paths>;
export type SessionPaths = ApiPaths<session.paths>;
export type FeedbackPaths = ApiPaths<feedback.paths>;

/** The schemas of each document, e.g. `EngagementSchemas["Engagement"]`, `SessionSchemas["Invitation"]`. */
export type EngagementSchemas = engagement.components["schemas"];
export type SessionSchemas = session.components["schemas"];
export type FeedbackSchemas = feedback.components["schemas"];

export type EngagementClient = Client<EngagementPaths>;
export type SessionClient = Client<SessionPaths>;
export type FeedbackClient = Client<FeedbackPaths>;

/** A bearer token, or a function that returns the current one (called before every request, so it may refresh). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface ServiceOptions {
  /** The service's API root, including `/api/v1`, e.g. `http://localhost:8081/api/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`. Leave it out for the public operations (responses, registrations). */
  token?: TokenSource | undefined;
  /** A fetch of your own (tests, SSR); defaults to globalThis.fetch. */
  fetch?: ((input: Request) => Promise<Response>) | undefined;
  /** Headers sent with every request, e.g. `Accept-Language`. */
  headers?: Record<string, string> | undefined;
}

/** Adds `Authorization: Bearer <token>` to every request that has none yet. */
export function bearerAuth(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      if (request.headers.has("Authorization")) {
        return request;
      }
      const value = typeof token === "function" ? await token() : token;
      if (value) {
        request.headers.set("Authorization", `Bearer ${value}`);
      }
      return request;
    },
  };
}

function create<Paths extends {}>(options: ServiceOptions): Client<Paths> {
  const clientOptions: ClientOptions = { baseUrl: options.baseUrl.replace(/\/+$/, "") };
  if (options.fetch) {
    clientOptions.fetch = options.fetch;
  }
  if (options.headers) {
    clientOptions.headers = options.headers;
  }
  const client = createClient<Paths>(clientOptions);
  if (options.token !== undefined) {
    client.use(bearerAuth(options.token));
  }
  return client;
}

/** engagement-service: engagements, parties, participants (default port 8081). */
export function createEngagementClient(options: ServiceOptions): EngagementClient {
  return create<EngagementPaths>(options);
}

/** session-service: sessions, invitations, registrations, attendance, calendars, scheduling polls (8082). */
export function createSessionClient(options: ServiceOptions): SessionClient {
  return create<SessionPaths>(options);
}

/** feedback-service: questionnaires, feedback rounds, tokens, responses, results, insights (8083). */
export function createFeedbackClient(options: ServiceOptions): FeedbackClient {
  return create<FeedbackPaths>(options);
}

export interface DialoogOptions {
  /** API roots including `/api/v1`. */
  engagementUrl: string;
  sessionUrl: string;
  feedbackUrl: string;
  token?: TokenSource | undefined;
  fetch?: ((input: Request) => Promise<Response>) | undefined;
  headers?: Record<string, string> | undefined;
}

export interface DialoogClients {
  engagement: EngagementClient;
  session: SessionClient;
  feedback: FeedbackClient;
}

/** The three clients with one token source. */
export function createDialoogClients(options: DialoogOptions): DialoogClients {
  const common = { token: options.token, fetch: options.fetch, headers: options.headers };
  return {
    engagement: createEngagementClient({ ...common, baseUrl: options.engagementUrl }),
    session: createSessionClient({ ...common, baseUrl: options.sessionUrl }),
    feedback: createFeedbackClient({ ...common, baseUrl: options.feedbackUrl }),
  };
}

/** The local stack's services (deploy/local/run). */
export const localUrls = {
  engagementUrl: "http://localhost:8081/api/v1",
  sessionUrl: "http://localhost:8082/api/v1",
  feedbackUrl: "http://localhost:8083/api/v1",
} satisfies Omit<DialoogOptions, "token" | "fetch" | "headers">;

/** An RFC 9457 problem as every Dialoog service answers errors (`application/problem+json`). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  invalidParams?: { name?: string; reason?: string }[];
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    "status" in value &&
    typeof value.status === "number" &&
    "title" in value &&
    typeof value.title === "string"
  );
}

/** A non-2xx answer, with its problem details when the service sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(url: string, status: number, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    const params = problem?.invalidParams?.map((p) => `${p.name ?? "?"}: ${p.reason ?? "?"}`).join("; ");
    super(
      `${url || "request"} answered ${status}` +
        (problem ? `: ${problem.title}${problem.detail ? ` — ${problem.detail}` : ""}` : "") +
        (params ? ` [${params}]` : ""),
    );
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }
}

/** What every openapi-fetch call resolves to: the success body, or the error body, and the response. */
export type ApiResult<Data, Err> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: Err; response: Response };

/**
 * The success body of a call, typed by the operation's 2xx response; throws an {@link ApiError} for an
 * error answer (or a success without a body).
 */
export function expectData<Data, Err>(result: ApiResult<Data, Err>): Data {
  if (result.error === undefined && result.data !== undefined) {
    return result.data;
  }
  throw new ApiError(result.response.url, result.response.status, result.error);
}

/** For operations answered without a body (a DELETE's 204): the response, or an {@link ApiError}. */
export function expectOk<Data, Err>(result: ApiResult<Data, Err>): Response {
  if (result.error === undefined && result.response.ok) {
    return result.response;
  }
  throw new ApiError(result.response.url, result.response.status, result.error);
}

/** The `If-Match` value for a resource's `version` (its strong ETag). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}
