/**
 * The main flow of a facilitator's frontend, typed end to end against the three services:
 * engagement → parties and participants → activation → session → invitations → acceptance →
 * attendance and completion → an evaluation round whose tokens the frontend hands out itself →
 * anonymous responses → results. (With automatic session evaluation on, feedback-service opens that
 * round by itself and mails every attendee a personal answer link instead: deploy/local/smoke walks
 * that path, reading the mails from the local mail server.)
 *
 * Every step uses the typed response of the step before it. There is no cast, no `any` and no `!`:
 * where a value can really be missing (the first item of a page, a round that has not opened yet) the
 * code narrows or throws. `deploy/client/check` compiles it with `tsc --strict`; with
 * DIALOOG_CLIENT_RUN=1 it also runs it against a local stack (examples/run-flow.ts).
 */
import {
  createEngagementClient,
  createFeedbackClient,
  createSessionClient,
  expectData,
  ifMatch,
  type EngagementSchemas,
  type FeedbackSchemas,
  type SessionSchemas,
  type TokenSource,
} from "../src/index.js";

export interface FlowOptions {
  engagementUrl: string;
  sessionUrl: string;
  feedbackUrl: string;
  /** A facilitator's (or admin's) bearer token. */
  token: TokenSource;
  log?: ((line: string) => void) | undefined;
  /** How long to wait for another service to learn a fact from the event stream (ms). */
  patience?: number | undefined;
}

export interface FlowOutcome {
  engagement: EngagementSchemas["Engagement"];
  parties: EngagementSchemas["Party"][];
  participants: EngagementSchemas["Participant"][];
  session: SessionSchemas["Session"];
  attendance: SessionSchemas["Attendance"][];
  round: FeedbackSchemas["FeedbackRound"];
  results: FeedbackSchemas["Results"];
}

/** Answers per question type for one respondent; `seed` varies the scale answers a little. */
function answersFor(
  questions: FeedbackSchemas["Question"][],
  seed: number,
): FeedbackSchemas["ResponseRequest"]["answers"] {
  const answers: FeedbackSchemas["ResponseRequest"]["answers"] = {};
  for (const question of questions) {
    switch (question.type) {
      case "SCALE": {
        const min = question.min ?? 1;
        const max = question.max ?? 5;
        answers[question.key] = Math.max(min, max - (seed % 3));
        break;
      }
      case "SINGLE_CHOICE": {
        const first = question.options?.[0];
        if (first !== undefined) answers[question.key] = first;
        break;
      }
      case "MULTIPLE_CHOICE": {
        const first = question.options?.[0];
        if (first !== undefined) answers[question.key] = [first];
        break;
      }
      case "TEXT":
        if (question.required === true) answers[question.key] = "Goed gesprek, iedereen kwam aan het woord.";
        break;
    }
  }
  return answers;
}

/** The problem type of "this service does not know that yet" (its copy trails another service's events): retry. */
const NOT_YET_KNOWN = "urn:dialoog:problem:not-yet-known";

/** Tries `attempt` until it gives a value (undefined means "not yet"), for facts that travel as events. */
async function eventually<T>(what: string, patience: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + patience;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${patience} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function runFlow(options: FlowOptions): Promise<FlowOutcome> {
  const log = options.log ?? ((line: string) => console.log(line));
  const patience = options.patience ?? 15_000;
  const engagements = createEngagementClient({ baseUrl: options.engagementUrl, token: options.token });
  const sessions = createSessionClient({ baseUrl: options.sessionUrl, token: options.token });
  const feedback = createFeedbackClient({ baseUrl: options.feedbackUrl, token: options.token });
  // A respondent has no account: the public responses operation is called without a token.
  const respondent = createFeedbackClient({ baseUrl: options.feedbackUrl });
  const run = Math.random().toString(36).slice(2, 8);

  // 1. An engagement (starts as DRAFT in phase EXPLORATION). The Idempotency-Key makes a retry safe.
  const engagement = expectData(
    await engagements.POST("/engagements", {
      params: { header: { "Idempotency-Key": `flow-${run}-engagement` } },
      body: {
        title: "Samen verder in de wijk",
        kind: "CITIZEN_PARTICIPATION",
        objectives: ["BUILD_TRUST", "IMPROVE_COMMUNICATION"],
        clientOrganisation: "Gemeente Utrecht",
        description: "Bewoners en gemeente werken samen aan het plein.",
      },
    }),
  );
  log(`1. engagement ${engagement.reference} (${engagement.id}) created: ${engagement.status}, ${engagement.phase}`);

  // 2. Two parties.
  const partyRequests: EngagementSchemas["PartyRequest"][] = [
    { name: "Bewoners", type: "RESIDENTS", interests: "Een groen en rustig plein" },
    { name: "Gemeente", type: "MUNICIPALITY" },
  ];
  const parties: EngagementSchemas["Party"][] = [];
  for (const body of partyRequests) {
    const party = expectData(
      await engagements.POST("/engagements/{engagementId}/parties", {
        params: { path: { engagementId: engagement.id } },
        body,
      }),
    );
    parties.push(party);
  }
  log(`2. parties: ${parties.map((p) => `${p.name} (${p.type})`).join(", ")}`);

  // 3. Three participants per party.
  const participants: EngagementSchemas["Participant"][] = [];
  for (const party of parties) {
    for (let n = 1; n <= 3; n++) {
      const participant = expectData(
        await engagements.POST("/engagements/{engagementId}/participants", {
          params: { path: { engagementId: engagement.id } },
          body: {
            partyId: party.id,
            displayName: `${party.name} ${n}`,
            email: `${party.name.toLowerCase()}-${n}-${run}@example.nl`,
            role: n === 1 ? "REPRESENTATIVE" : "MEMBER",
          },
        }),
      );
      participants.push(participant);
    }
  }
  log(`3. ${participants.length} participants added`);

  // 4. Activate, naming the version we last saw (If-Match; a stale one would be a 412).
  const current = expectData(
    await engagements.GET("/engagements/{engagementId}", { params: { path: { engagementId: engagement.id } } }),
  );
  const active = expectData(
    await engagements.POST("/engagements/{engagementId}/status", {
      params: { path: { engagementId: current.id }, header: { "If-Match": ifMatch(current.version) } },
      body: { status: "ACTIVE", reason: "Beide partijen willen beginnen." },
    }),
  );
  if (active.status !== "ACTIVE") throw new Error(`engagement is ${active.status}, expected ACTIVE`);
  log(`4. engagement ${active.status} (version ${active.version})`);

  // 5. feedback-service: show a party from 3 responses on. This frontend hands the evaluation tokens out in the room
  //    (a QR code per attendee), so the automatic, mailed evaluation round stays off.
  //    feedback-service learns the engagement from its events: 404 until it has.
  const settings = await eventually("feedback-service learning the engagement", patience, async () => {
    const answer = await feedback.PUT("/engagements/{engagementId}/settings", {
      params: { path: { engagementId: active.id } },
      body: { autoSessionEvaluation: false, minGroupSize: 3 },
    });
    return answer.response.status === 404 ? undefined : expectData(answer);
  });
  log(`5. automatic session evaluation ${settings.autoSessionEvaluation ? "on" : "off"}, k = ${settings.minGroupSize}`);

  // 6. A session that started half an hour ago (it can only be completed once it has started).
  //    session-service learns the engagement and its activation from events: until then it answers the documented
  //    "not yet" problem (409 of type urn:dialoog:problem:not-yet-known) with Retry-After; any other error is final.
  const now = Date.now();
  const sessionRequest: SessionSchemas["SessionRequest"] = {
    engagementId: active.id,
    type: "DIALOGUE_SESSION",
    title: "Eerste dialoogsessie",
    startsAt: new Date(now - 30 * 60_000).toISOString(),
    endsAt: new Date(now + 90 * 60_000).toISOString(),
    timeZone: "Europe/Amsterdam",
    location: { mode: "ON_SITE", address: "Wijkcentrum De Pijler" },
    capacity: participants.length,
    facilitators: [`flow-facilitator-${run}`],
    agenda: [{ title: "Check-in", minutes: 15 }, { title: "Wat speelt er?", minutes: 60 }],
  };
  let lastRefusal = "";
  const session = await eventually("session-service learning the active engagement", patience, async () => {
    const answer = await sessions.POST("/sessions", { body: sessionRequest });
    if (answer.error !== undefined && answer.error.type === NOT_YET_KNOWN) {
      lastRefusal = `${answer.response.status} ${answer.error.title}: ${answer.error.detail}`;
      const seconds = Number(answer.response.headers.get("Retry-After") ?? "1");
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return undefined;
    }
    return expectData(answer);
  }).catch((e: unknown) => {
    throw new Error(`${e instanceof Error ? e.message : String(e)}; last answer ${lastRefusal}`);
  });
  log(`6. session ${session.id} ${session.status}: ${session.title}, ${session.startsAt} – ${session.endsAt}`);

  // 7. Invite every participant of both parties.
  const batch = expectData(
    await sessions.POST("/sessions/{sessionId}/invitations", {
      params: { path: { sessionId: session.id } },
      body: { partyIds: parties.map((party) => party.id) },
    }),
  );
  if (batch.invited.length !== participants.length) {
    throw new Error(`${batch.invited.length} invited, expected ${participants.length}`);
  }
  log(`7. ${batch.invited.length} invited (${batch.alreadyInvited.length} already were)`);

  // 8. Each participant accepts (what a participant app does with its personal link).
  const seated: SessionSchemas["Invitation"][] = [];
  for (const invitation of batch.invited) {
    const answered = expectData(
      await sessions.PUT("/sessions/{sessionId}/invitations/{participantId}", {
        params: { path: { sessionId: session.id, participantId: invitation.participantId } },
        body: { response: "ACCEPTED" },
      }),
    );
    if (answered.status === "ACCEPTED") seated.push(answered);
  }
  log(`8. ${seated.length} accepted and seated`);

  // 9. Attendance: everyone who accepted was there.
  const marks: SessionSchemas["AttendanceMark"][] = seated.map((invitation) => ({
    participantId: invitation.participantId,
    present: true,
  }));
  const attendance = expectData(
    await sessions.PUT("/sessions/{sessionId}/attendance", {
      params: { path: { sessionId: session.id } },
      body: marks,
    }),
  );
  const present = attendance.filter((mark) => mark.present);
  log(`9. attendance recorded: ${present.length} present`);

  // 10. Complete the session (If-Match with the version we read now).
  const planned = expectData(await sessions.GET("/sessions/{sessionId}", { params: { path: { sessionId: session.id } } }));
  const completed = expectData(
    await sessions.POST("/sessions/{sessionId}/complete", {
      params: { path: { sessionId: planned.id }, header: { "If-Match": ifMatch(planned.version) } },
    }),
  );
  if (completed.status !== "COMPLETED") throw new Error(`session is ${completed.status}, expected COMPLETED`);
  log(`10. session ${completed.status} at ${completed.completedAt ?? "?"}`);

  // 11. The facilitator opens the built-in session evaluation for the attendees, delivered by hand (MANUAL).
  //     feedback-service learns the session from its events (400 naming sessionId until it has) and the attendance
  //     from SessionCompleted (until then a token request finds nobody to issue to).
  const builtIns = expectData(
    await feedback.GET("/questionnaires", { params: { query: { purpose: "SESSION_EVALUATION", pageSize: 10 } } }),
  );
  const evaluation = builtIns.items.find((q) => q.builtIn === "session-evaluation");
  if (evaluation === undefined) throw new Error("no built-in session evaluation questionnaire");
  const round = await eventually("feedback-service learning the session", patience, async () => {
    const answer = await feedback.POST("/feedback-rounds", {
      body: {
        engagementId: active.id,
        sessionId: completed.id,
        questionnaireId: evaluation.id,
        audience: "ATTENDEES",
        delivery: "MANUAL",
      },
    });
    return answer.response.status === 400 ? undefined : expectData(answer);
  });
  if (round.state !== "OPEN") throw new Error(`round ${round.id} is ${round.state}, expected OPEN`);
  const questionnaire = expectData(
    await feedback.GET("/questionnaires/{questionnaireId}", {
      params: { path: { questionnaireId: round.questionnaireId }, header: { "Accept-Language": "nl" } },
    }),
  );
  log(`11. round ${round.id} ${round.state} for ${round.audience} until ${round.closesAt ?? "it is closed"}: "${questionnaire.title}", ${questionnaire.questions.length} questions`);

  // 12. One single-use respondent token per attendee, handed out by the frontend.
  const issued: FeedbackSchemas["RespondentTokens"]["issued"] = [];
  await eventually("feedback-service learning the attendance", patience, async () => {
    const batch = expectData(
      await feedback.POST("/feedback-rounds/{roundId}/tokens", { params: { path: { roundId: round.id } } }),
    );
    issued.push(...batch.issued);
    return issued.length >= present.length ? issued : undefined;
  });
  const tokens = { issued };
  if (tokens.issued.length !== present.length) {
    throw new Error(`${tokens.issued.length} tokens issued, expected ${present.length}`);
  }
  log(`12. ${tokens.issued.length} respondent tokens issued`);

  // 13. Each attendee answers anonymously, with the token and without an account.
  let received = 0;
  for (const [index, issued] of tokens.issued.entries()) {
    const receipt = expectData(
      await respondent.POST("/feedback-rounds/{roundId}/responses", {
        params: { path: { roundId: round.id } },
        body: { token: issued.token, answers: answersFor(questionnaire.questions, index) },
      }),
    );
    if (receipt.roundId === round.id) received++;
  }
  log(`13. ${received} anonymous responses received`);

  // 14. The results: counts, per dimension a mean on 0–100, per party only from k responses on.
  const results = expectData(await feedback.GET("/feedback-rounds/{roundId}/results", { params: { path: { roundId: round.id } } }));
  if (results.responses !== received) throw new Error(`results count ${results.responses}, expected ${received}`);
  const dimensions = results.dimensions.map((d) => `${d.dimension} ${typeof d.mean === "number" ? d.mean.toFixed(0) : "–"}`);
  const shownParties = results.parties.filter((p) => !p.suppressed).map((p) => `${p.name} (${p.responses})`);
  log(`14. results: ${results.responses} responses, ${results.withheld ? "withheld" : dimensions.join(", ")}; parties shown: ${shownParties.join(", ") || "none"}`);

  return { engagement: active, parties, participants, session: completed, attendance, round, results };
}
