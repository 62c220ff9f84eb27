// Lists what in the three OpenAPI documents keeps a generated client from being strictly typed:
// operations without an operationId, 2xx JSON bodies without a schema (`{}` → unknown), Jackson's JsonNode
// where a JSON value is meant, response objects without a `required` list, untyped page items, and more than
// one security scheme, error responses without a problem body. Informational: exits 0 (deploy/client/check runs it; `tsc` is what fails the check).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const methods = ["get", "put", "post", "delete", "patch"];
let total = 0;

for (const service of ["engagement", "session", "feedback"]) {
  const override = process.env[`DIALOOG_${service.toUpperCase()}_OPENAPI`];
  const file = override && !/^https?:/.test(override) ? resolve(override) : join(root, `${service}-service/target/openapi/openapi.json`);
  if (!existsSync(file)) continue;
  const doc = JSON.parse(readFileSync(file, "utf8"));
  const schemas = doc.components?.schemas ?? {};
  const findings = [];
  const deref = (s) => (s && s.$ref ? schemas[s.$ref.split("/").pop()] : s);
  const refName = (s) => (s && s.$ref ? s.$ref.split("/").pop() : undefined);
  const usesJsonNode = (s, seen = new Set()) => {
    if (!s || typeof s !== "object") return false;
    if (s.$ref) {
      const n = refName(s);
      if (n === "JsonNode") return true;
      if (seen.has(n)) return false;
      seen.add(n);
      return usesJsonNode(schemas[n], seen);
    }
    return Object.values(s).some((v) => typeof v === "object" && usesJsonNode(v, seen));
  };
  const responseObjects = new Set();
  const withoutId = [];
  const bareErrors = [];

  const schemeNames = Object.keys(doc.components?.securitySchemes ?? {});
  if (schemeNames.length > 1) findings.push(`security schemes: ${schemeNames.join(", ")} (one bearer scheme expected)`);

  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      const op = item[method];
      if (!op) continue;
      const name = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) withoutId.push(name);
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        if (usesJsonNode(media.schema)) findings.push(`${name}: request body ${type} uses JsonNode (${refName(media.schema) ?? "inline"})`);
      }
      for (const [code, response] of Object.entries(op.responses ?? {})) {
        if (/^[45]/.test(code) && !Object.keys(response.content ?? {}).some((t) => t.includes("json"))) {
          bareErrors.push(`${name} ${code}`);
        }
        if (!code.startsWith("2")) continue;
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!type.includes("json")) continue;
          const s = media.schema ?? {};
          const target = deref(s);
          if (!target || Object.keys(target).length === 0) {
            if (method === "delete") continue; // reported below
            findings.push(`${name}: ${code} ${type} has no schema ({} → unknown)`);
            continue;
          }
          const items = target.type === "array" ? target.items : undefined;
          const object = items ? deref(items) : target;
          if (refName(items ?? s)) responseObjects.add(refName(items ?? s));
          if (target.properties?.items && target.properties?.total !== undefined) {
            const pageItems = deref(target.properties.items.items);
            if (!pageItems || Object.keys(pageItems).length === 0) findings.push(`${name}: ${code} page items untyped`);
            else if (refName(target.properties.items.items)) responseObjects.add(refName(target.properties.items.items));
          }
          if (object?.type === "object" && object.properties && !object.required && !refName(items ?? s)) {
            findings.push(`${name}: ${code} inline response object without required`);
          }
          if (usesJsonNode(s)) findings.push(`${name}: ${code} response uses JsonNode`);
        }
        if (method === "delete" && code === "200" && response.content) {
          const only = Object.values(response.content)[0]?.schema ?? {};
          if (Object.keys(only).length === 0) findings.push(`${name}: documented as 200 with an empty schema (a DELETE answering 204 has no body)`);
        }
      }
    }
  }
  if (withoutId.length > 0) {
    findings.unshift(`${withoutId.length} of the operations have no operationId (generated types are keyed by path only)`);
  }
  if (bareErrors.length > 0) {
    findings.unshift(
      `${bareErrors.length} error responses without an application/problem+json body (the client's error type becomes never), e.g. ${bareErrors.slice(0, 3).join(", ")}`,
    );
  }
  // Response object schemas (and the objects they reference) without a `required` list.
  const queue = [...responseObjects];
  const seen = new Set();
  while (queue.length > 0) {
    const n = queue.pop();
    if (seen.has(n) || n === "JsonNode") continue;
    seen.add(n);
    const s = schemas[n];
    if (!s || s.type !== "object" || !s.properties) continue;
    if (!s.required || s.required.length === 0) findings.push(`schema ${n} (in responses): no required list; every property is optional`);
    for (const p of Object.values(s.properties)) {
      const r = refName(p) ?? refName(p.items);
      if (r) queue.push(r);
    }
  }
  console.log(`== ${service}-service: ${findings.length} finding(s)`);
  for (const f of findings) console.log(`  ${f}`);
  total += findings.length;
}
console.log(`OpenAPI audit: ${total} finding(s) that weaken the generated types`);
