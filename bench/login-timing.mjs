// Login timing must not reveal whether an e-mail address has an account: a wrong password for an
// existing account and any password for an unknown address should take the same time (identity
// verifies against a dummy hash when there is no account).
//
// Measures both against a running Kern, interleaved, one request at a time, and prints the numbers.
// Start Kern with limits that let the benchmark through, e.g.:
//   REGISTRATIONS_PER_ADDRESS_PER_HOUR=100000 LOGIN_MAX_FAILURES_PER_ADDRESS_PER_HOUR=100000 npm start
//   node bench/login-timing.mjs [samples=40] [url=http://127.0.0.1:4000/graphql]
const samples = Number(process.argv[2] ?? 40);
const url = process.argv[3] ?? process.env.KERN_GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql';
const run = Date.now().toString(36);

async function graphql(query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const LOGIN = `mutation($email: String!) { login(input: { email: $email, password: "not the password at all" }) { accessToken } }`;

async function timedLogin(email) {
  const started = process.hrtime.bigint();
  const result = await graphql(LOGIN, { email });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const code = result.errors?.[0]?.extensions?.code;
  if (code !== 'UNAUTHENTICATED')
    throw new Error(
      `expected UNAUTHENTICATED, got ${JSON.stringify(result.errors ?? result.data)} (raise the login limits, see the header)`,
    );
  return ms;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    n: values.length,
    mean: mean.toFixed(1),
    p50: at(0.5).toFixed(1),
    p90: at(0.9).toFixed(1),
    min: sorted[0].toFixed(1),
    max: sorted.at(-1).toFixed(1),
  };
}

console.log(`registering ${samples} accounts at ${url} ...`);
const existing = [];
for (let i = 0; i < samples; i += 1) {
  const email = `bench-${run}-${i}@bench.test`;
  const result = await graphql(REGISTER, {
    input: { email, password: 'bench password 12345', displayName: 'Bench', handle: `b${run}${i}` },
  });
  if (result.errors)
    throw new Error(`could not register: ${JSON.stringify(result.errors)} (raise REGISTRATIONS_PER_ADDRESS_PER_HOUR)`);
  existing.push(email);
}

// One warm-up each, then interleave so that drift in machine load hits both sides alike.
await timedLogin(`warmup-${run}@bench.test`).catch(() => undefined);
const times = { 'existing account, wrong password': [], 'unknown address': [] };
for (let i = 0; i < samples; i += 1) {
  times['existing account, wrong password'].push(await timedLogin(existing[i]));
  times['unknown address'].push(await timedLogin(`nobody-${run}-${i}@bench.test`));
}

console.table(Object.fromEntries(Object.entries(times).map(([name, values]) => [name, stats(values)])));
const [a, b] = Object.values(times).map((values) => values.reduce((sum, value) => sum + value, 0) / values.length);
console.log(
  `difference of means: ${(a - b).toFixed(1)} ms (${((Math.abs(a - b) / Math.max(a, b)) * 100).toFixed(1)}% of the slower side)`,
);
