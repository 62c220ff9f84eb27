// Validates rendered overlays (multi-document YAML files named on the command line, <overlay>.yaml):
// every object against the Kubernetes schemas (kubernetes-models), CRDs (Strimzi KafkaTopic, Prometheus Operator
// ServiceMonitor/PrometheusRule) for apiVersion, kind and required fields, every pod template against Pod Security
// "restricted", and Dialoog's own rules (probes, shutdown budget, resources, selectors, policies, topics).
// Prints every failure with the object it is in; exits 1 if there is any.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseAllDocuments } from "yaml";

const [brokerSource, ...files] = process.argv.slice(2);
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);

// Topics and partitions as the test kit creates them (deploy/local KafkaBroker.TOPICS): the manifests must agree.
const expectedTopics = new Map(
  [...readFileSync(brokerSource, "utf8").matchAll(/"(dialoog\.[a-z.-]+)",\s*(\d+)/g)].map((m) => [m[1], Number(m[2])]));

const crds = {
  "kafka.strimzi.io/v1beta2/KafkaTopic": (o, at) => {
    if (!o.metadata?.labels?.["strimzi.io/cluster"]) fail(at, "no strimzi.io/cluster label: no Topic Operator will see it");
    const s = o.spec ?? {};
    if (!Number.isInteger(s.partitions) || s.partitions < 1) fail(at, "spec.partitions must be a positive integer");
    if (!Number.isInteger(s.replicas) || s.replicas < 1) fail(at, "spec.replicas must be a positive integer");
    if (typeof s.topicName !== "string") fail(at, "spec.topicName missing");
  },
  "monitoring.coreos.com/v1/ServiceMonitor": (o, at) => {
    if (!o.spec?.selector) fail(at, "spec.selector missing");
    if (!Array.isArray(o.spec?.endpoints) || o.spec.endpoints.length === 0) fail(at, "spec.endpoints missing");
  },
  "monitoring.coreos.com/v1/PrometheusRule": (o, at) => {
    if (!Array.isArray(o.spec?.groups) || o.spec.groups.some((g) => !g.name || !Array.isArray(g.rules)))
      fail(at, "spec.groups must list groups with name and rules");
  },
};

async function schemaCheck(o, at) {
  const key = `${o.apiVersion}/${o.kind}`;
  if (crds[key]) return crds[key](o, at);
  let models;
  try {
    models = await import(`kubernetes-models/${o.apiVersion}`);
  } catch {
    return fail(at, `unknown apiVersion ${o.apiVersion}`);
  }
  const Model = models[o.kind];
  if (!Model) return fail(at, `unknown kind ${o.kind} in ${o.apiVersion}`);
  // kustomize folds long base64 values over lines; the API server's decoder skips line breaks, the "byte" format does not
  if (o.kind === "Secret" && o.data) o = { ...o, data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, String(v).replace(/\s+/g, "")])) };
  try {
    new Model(o).validate();
  } catch (e) {
    fail(at, `schema: ${e.message}`);
  }
}

const duration = (s) => {
  const m = /^(\d+)(ms|s|m)?$/i.exec(String(s ?? "").trim());
  if (!m) return NaN;
  return Number(m[1]) * ({ ms: 0.001, s: 1, m: 60 }[(m[2] ?? "s").toLowerCase()]);
};
const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v) && Object.keys(selector ?? {}).length > 0;

// Pod Security Standards, "restricted" profile (https://kubernetes.io/docs/concepts/security/pod-security-standards/)
const allowedVolumes = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];
function restricted(pod, at) {
  const psc = pod.securityContext ?? {};
  for (const f of ["hostNetwork", "hostPID", "hostIPC"]) if (pod[f]) fail(at, `${f} is set`);
  for (const v of pod.volumes ?? []) {
    const type = Object.keys(v).find((k) => k !== "name");
    if (!allowedVolumes.includes(type)) fail(at, `volume ${v.name} is ${type} (restricted allows ${allowedVolumes.join(", ")})`);
  }
  if (psc.runAsUser === 0) fail(at, "pod runAsUser 0");
  if ((psc.sysctls ?? []).length) fail(at, "sysctls are set");
  const containers = [...(pod.initContainers ?? []), ...pod.containers, ...(pod.ephemeralContainers ?? [])];
  for (const c of containers) {
    const cat = `${at} container ${c.name}`;
    const sc = c.securityContext ?? {};
    if (sc.privileged) fail(cat, "privileged");
    if (sc.allowPrivilegeEscalation !== false) fail(cat, "allowPrivilegeEscalation must be false");
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) fail(cat, "capabilities must drop ALL");
    for (const cap of sc.capabilities?.add ?? []) if (cap !== "NET_BIND_SERVICE") fail(cat, `adds capability ${cap}`);
    if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) fail(cat, "runAsNonRoot must be true");
    if (sc.runAsUser === 0) fail(cat, "runAsUser 0");
    const seccomp = (sc.seccompProfile ?? psc.seccompProfile)?.type;
    if (!["RuntimeDefault", "Localhost"].includes(seccomp)) fail(cat, `seccompProfile ${seccomp ?? "unset"}, must be RuntimeDefault or Localhost`);
    if (sc.procMount && sc.procMount !== "Default") fail(cat, "procMount");
    if ((c.ports ?? []).some((p) => p.hostPort)) fail(cat, "hostPort");
    for (const o of [sc.seLinuxOptions, psc.seLinuxOptions]) if (o?.user || o?.role) fail(cat, "seLinuxOptions user/role");
    if ([sc.appArmorProfile?.type, psc.appArmorProfile?.type].includes("Unconfined")) fail(cat, "AppArmor Unconfined");
  }
}

// Dialoog's own rules for a service's Deployment
function service(d, objects, config, overlay, at) {
  const pod = d.spec.template.spec;
  const labels = d.spec.template.metadata?.labels ?? {};
  const name = d.metadata.name;
  if (!matches(d.spec.selector?.matchLabels, labels)) fail(at, "selector does not match the pod labels");
  if (pod.automountServiceAccountToken !== false) fail(at, "automountServiceAccountToken must be false");
  const c = pod.containers.find((x) => x.name === name);
  if (!c) return fail(at, `no container named ${name}`);
  if (!new RegExp(`(^|/)dialoog/${name}(:[\\w.-]+|@sha256:[0-9a-f]{64})$`).test(c.image)) fail(at, `image ${c.image} is not dialoog/${name}`);
  const http = (c.ports ?? []).find((p) => p.name === "http");
  if (!http) fail(at, "no port named http");
  const probe = (p, path) => {
    if (p?.httpGet?.path !== path || p?.httpGet?.port !== "http") fail(at, `probe must GET ${path} on port http`);
  };
  probe(c.startupProbe, "/q/health/started");
  probe(c.readinessProbe, "/q/health/ready");
  probe(c.livenessProbe, "/q/health/live");
  if (!c.securityContext?.readOnlyRootFilesystem) fail(at, "readOnlyRootFilesystem must be true");
  const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
  if (!tmp || !(pod.volumes ?? []).some((v) => v.name === tmp.name && v.emptyDir)) fail(at, "/tmp must be an emptyDir");
  const r = c.resources ?? {};
  if (!r.requests?.cpu || !r.requests?.memory || !r.limits?.memory) fail(at, "resources: cpu and memory requests and a memory limit");
  if (r.limits?.cpu) fail(at, "a CPU limit throttles start-up (ADR 0007): leave it out");
  // shutdown budget: preStop sleep + quarkus.shutdown.timeout < terminationGracePeriodSeconds
  const sleep = c.lifecycle?.preStop?.sleep?.seconds;
  if (!Number.isInteger(sleep)) fail(at, "preStop must sleep (the image has no shell)");
  const timeout = duration(config?.data?.QUARKUS_SHUTDOWN_TIMEOUT);
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  if (!(sleep + timeout < grace)) fail(at, `preStop ${sleep}s + QUARKUS_SHUTDOWN_TIMEOUT ${timeout}s must stay below terminationGracePeriodSeconds ${grace}`);
  if (!(c.envFrom ?? []).some((e) => e.configMapRef?.name === config?.metadata?.name)) fail(at, "does not read dialoog-config");
  if (!(c.env ?? []).some((e) => e.name === "DIALOOG_PUBLIC_BASE_URL" && e.value)) fail(at, "DIALOOG_PUBLIC_BASE_URL unset (required in production)");
  for (const t of pod.topologySpreadConstraints ?? []) if (!matches(t.labelSelector?.matchLabels, labels)) fail(at, "topology spread selects other pods");
  if (!(pod.topologySpreadConstraints ?? []).some((t) => t.topologyKey === "kubernetes.io/hostname")) fail(at, "no spread over nodes");
  const replicas = d.spec.replicas ?? 1;
  if (overlay === "production" && replicas < 2) fail(at, `production runs ${replicas} replica(s), needs at least 2`);
  if (overlay === "local" && replicas !== 1) fail(at, `local runs ${replicas} replicas, expected 1`);

  const of = (kind) => objects.filter((o) => o.kind === kind && o.metadata?.namespace === d.metadata.namespace);
  if (!of("Service").some((s) => matches(s.spec?.selector, labels) && s.spec.ports.some((p) => p.targetPort === "http")))
    fail(at, "no Service reaches port http");
  if (!of("PodDisruptionBudget").some((p) => matches(p.spec?.selector?.matchLabels, labels))) fail(at, "no PodDisruptionBudget");
  const hpa = of("HorizontalPodAutoscaler").find((h) => h.spec?.scaleTargetRef?.kind === "Deployment" && h.spec.scaleTargetRef.name === name);
  if (replicas > 1 && !hpa) fail(at, "no HorizontalPodAutoscaler");
  if (hpa && hpa.spec.maxReplicas > Math.min(...[...expectedTopics.values()].filter((n) => n > 1)))
    fail(at, "HorizontalPodAutoscaler scales past the topics' partitions: the extra consumers would idle");
  const policies = of("NetworkPolicy");
  if (!policies.some((p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && ["Ingress", "Egress"].every((t) => p.spec.policyTypes?.includes(t))))
    fail(at, "no default-deny NetworkPolicy in its namespace");
  for (const p of policies.filter((p) => matches(p.spec?.podSelector?.matchLabels, labels))) {
    for (const rule of p.spec.ingress ?? []) {
      if (!(rule.from ?? []).length) fail(`${at} ${p.metadata.name}`, "an ingress rule without from admits everyone");
      if (!(rule.ports ?? []).length || rule.ports.some((x) => x.port !== "http" && x.port !== http?.containerPort))
        fail(`${at} ${p.metadata.name}`, "ingress must be limited to the http port");
    }
    for (const rule of p.spec.egress ?? []) {
      if (!(rule.to ?? []).length || !(rule.ports ?? []).length) fail(`${at} ${p.metadata.name}`, "an egress rule must name its destination and ports");
      // SMTP (587, 25) only for the services that send mail, and only by a policy naming that service's pods
      const sender = ["engagement-service", "session-service"].includes(p.spec?.podSelector?.matchLabels?.["app.kubernetes.io/name"]);
      const allowed = [53, 5432, 9092, 443, 8080, 8443, ...(sender ? [587, 25] : [])];
      for (const x of rule.ports ?? []) if (!allowed.includes(x.port)) fail(`${at} ${p.metadata.name}`, `egress to port ${x.port} (only DNS, PostgreSQL, Kafka, the identity provider; SMTP for the senders)`);
    }
  }
  // every Secret and ConfigMap it reads: rendered here, or (production) made outside and listed in the README
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef?.name;
    if (ref && overlay === "local" && !of("Secret").some((s) => s.metadata.name === ref)) fail(at, `reads Secret ${ref}, which the overlay does not generate`);
    if (ref) externalSecrets.add(ref);
  }
}

const externalSecrets = new Set();
for (const file of files) {
  const overlay = basename(file, ".yaml");
  const objects = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
  const before = failures.length;
  externalSecrets.clear();
  const config = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith("dialoog-config"));
  for (const o of objects) {
    const at = `${overlay} ${o.kind}/${o.metadata?.namespace ?? "-"}/${o.metadata?.name}`;
    if (!o.metadata?.namespace && !["Namespace"].includes(o.kind)) fail(at, "no namespace");
    await schemaCheck(o, at);
    const pod = o.kind === "Deployment" || o.kind === "StatefulSet" || o.kind === "DaemonSet" || o.kind === "Job" ? o.spec?.template?.spec
      : o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template?.spec : o.kind === "Pod" ? o.spec : undefined;
    if (pod) restricted(pod, at);
    if (o.kind === "Deployment") service(o, objects, config, overlay, at);
    if (o.kind === "Namespace" && o.metadata.labels?.["pod-security.kubernetes.io/enforce"] !== "restricted")
      fail(at, "Pod Security admission must enforce restricted");
  }
  const topics = new Map(objects.filter((o) => o.kind === "KafkaTopic").map((t) => [t.spec?.topicName, t.spec?.partitions]));
  for (const [topic, partitions] of expectedTopics)
    if (topics.get(topic) !== partitions) fail(`${overlay} KafkaTopic ${topic}`, `expected with ${partitions} partition(s), found ${topics.get(topic) ?? "none"}`);
  for (const topic of topics.keys()) if (!expectedTopics.has(topic)) fail(`${overlay} KafkaTopic ${topic}`, "not a topic the services use");
  const kinds = objects.reduce((m, o) => m.set(o.kind, (m.get(o.kind) ?? 0) + 1), new Map());
  console.log(`${overlay}: ${objects.length} objects (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}), ${failures.length - before} failure(s)`);
  if (overlay !== "local" && externalSecrets.size) console.log(`  Secrets to create before applying: ${[...externalSecrets].sort().join(", ")}`);
}
for (const f of failures) console.error(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);
