/**
 * Runs examples/flow.ts against running services:
 *   DIALOOG_TOKEN=<facilitator token> node dist/examples/run-flow.js
 * Base URLs default to the local stack (deploy/local/run); override with DIALOOG_ENGAGEMENT_URL,
 * DIALOOG_SESSION_URL, DIALOOG_FEEDBACK_URL (each including /api/v1).
 */
import { localUrls } from "../src/index.js";
import { runFlow } from "./flow.js";

const token = process.env["DIALOOG_TOKEN"] ?? process.env["FACILITATOR_TOKEN"];
if (token === undefined || token === "") {
  console.error("Set DIALOOG_TOKEN to a facilitator's token (deploy/local/run writes target/local/tokens.env).");
  process.exit(2);
}

const started = Date.now();
const outcome = await runFlow({
  engagementUrl: process.env["DIALOOG_ENGAGEMENT_URL"] ?? localUrls.engagementUrl,
  sessionUrl: process.env["DIALOOG_SESSION_URL"] ?? localUrls.sessionUrl,
  feedbackUrl: process.env["DIALOOG_FEEDBACK_URL"] ?? localUrls.feedbackUrl,
  token,
});
console.log(`Flow passed in ${Date.now() - started} ms: engagement ${outcome.engagement.id}, round ${outcome.round.id}.`);
