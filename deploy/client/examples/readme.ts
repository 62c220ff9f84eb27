/** The usage example of deploy/client/README.md, compiled by `check` so that the README stays true. */
import {
  ApiError,
  createEngagementClient,
  createFeedbackClient,
  expectData,
  ifMatch,
  type EngagementSchemas,
} from "../src/index.js";

export async function readmeExample(auth: { currentAccessToken(): string | undefined }): Promise<void> {
  // The base URL is the service's API root, including /api/v1. The token may be a string or a function
  // that returns the current one (called before every request, so a refreshed token is picked up).
  const engagements = createEngagementClient({
    baseUrl: "https://engagements.example.nl/api/v1",
    token: () => auth.currentAccessToken(),
  });

  // POST /engagements: the body is checked against EngagementRequest, the answer is an Engagement.
  const created: EngagementSchemas["Engagement"] = expectData(
    await engagements.POST("/engagements", {
      params: { header: { "Idempotency-Key": crypto.randomUUID() } },
      body: {
        title: "Samen verder in de wijk",
        kind: "CITIZEN_PARTICIPATION",
        objectives: ["BUILD_TRUST"],
        clientOrganisation: "Gemeente Utrecht",
      },
    }),
  );

  // Path parameters are typed too; If-Match carries the version we saw (412 when it is stale).
  try {
    const active = expectData(
      await engagements.POST("/engagements/{engagementId}/status", {
        params: { path: { engagementId: created.id }, header: { "If-Match": ifMatch(created.version) } },
        body: { status: "ACTIVE" },
      }),
    );
    console.log(active.status); // "DRAFT" | "ACTIVE" | "PAUSED" | "CONCLUDED" | "CANCELLED"
  } catch (e) {
    if (e instanceof ApiError && e.status === 412) {
      /* reload and retry */
    }
    throw e;
  }

  // Without expectData: openapi-fetch's own result, data or error (the RFC 9457 problem), typed per status.
  const { data, error, response } = await engagements.GET("/engagements", {
    params: { query: { status: "ACTIVE", pageSize: 50 } },
  });
  if (error !== undefined) console.error(response.status, error.title);
  else console.log(`${data.total} active engagements, first: ${data.items[0]?.title ?? "none"}`);

  // Public operations (a respondent with a token, a resident registering) need no bearer token:
  const anonymous = createFeedbackClient({ baseUrl: "https://feedback.example.nl/api/v1" });
  void anonymous;
}
