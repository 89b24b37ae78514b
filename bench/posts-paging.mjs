// Keyset paging must cost the same on page 1 and on page 500 of a 100,000-post thread.
// Against a running Kern (npm start): writes a thread through the API, puts 100,000 replies straight
// into the database (the benchmark is about reading them), then times pages 1, 100 and 500 over
// GraphQL, walking the cursors, and prints the numbers.
//   node bench/posts-paging.mjs [posts=100000] [url=http://127.0.0.1:4000/graphql]
// Needs the admin's credentials: KERN_ADMIN_EMAIL / KERN_ADMIN_PASSWORD (as given to npm start).
import pg from 'pg';

const posts = Number(process.argv[2] ?? 100_000);
const url = process.argv[3] ?? process.env.KERN_GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql';
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kern';
const PAGE = 100;
const run = Date.now().toString(36);

async function graphql(query, variables, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const { login } = await graphql(
  `
    mutation ($e: String!, $p: String!) {
      login(input: { email: $e, password: $p }) {
        accessToken
      }
    }
  `,
  {
    e: process.env.KERN_ADMIN_EMAIL,
    p: process.env.KERN_ADMIN_PASSWORD,
  },
);
const token = login.accessToken;
await graphql(
  `
    mutation ($s: String!) {
      createTopic(input: { slug: $s, name: $s }) {
        id
      }
    }
  `,
  { s: `bench-${run}` },
  token,
);
const { createSpace } = await graphql(
  `
    mutation ($i: CreateSpaceInput!) {
      createSpace(input: $i) {
        id
      }
    }
  `,
  {
    i: {
      slug: `bench-${run}`,
      name: 'Bench',
      description: '',
      audience: 'INTERNAL',
      joinPolicy: 'OPEN',
      topics: [`bench-${run}`],
    },
  },
  token,
);
const { startThread } = await graphql(
  `
    mutation ($i: StartThreadInput!) {
      startThread(input: $i) {
        id
      }
    }
  `,
  { i: { spaceId: createSpace.id, kind: 'DISCUSSION', title: 'A very long thread', body: 'Bench' } },
  token,
);
const threadId = Buffer.from(startThread.id, 'base64url').toString().split(':')[1];

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const author = (await db.query(`SELECT author_id FROM threads.threads WHERE id = $1`, [threadId])).rows[0].author_id;
console.log(`writing ${posts} replies ...`);
await db.query(
  `INSERT INTO threads.posts (id, thread_id, author_id, body, body_html, visibility, status)
   SELECT gen_random_uuid(), $1, $2, 'post ' || n, '<p>post ' || n || '</p>', 'EVERYONE', 'VISIBLE' FROM generate_series(1, $3) AS n`,
  [threadId, author, posts],
);
await db.query('ANALYZE threads.posts');
await db.end();

const PAGE_QUERY = `query($id: ID!, $after: String) { thread(id: $id) { posts(first: ${PAGE}, after: $after) { edges { node { id } } pageInfo { endCursor } } } }`;
const timings = {};
let after = null;
const targets = new Set([1, 100, Math.min(500, Math.floor(posts / PAGE))]);
for (let page = 1; page <= Math.max(...targets); page += 1) {
  const samples = targets.has(page) ? 20 : 1;
  const times = [];
  let result;
  for (let sample = 0; sample < samples; sample += 1) {
    const started = process.hrtime.bigint();
    result = await graphql(PAGE_QUERY, { id: startThread.id, after }, token);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  if (targets.has(page)) {
    times.sort((a, b) => a - b);
    timings[`page ${page}`] = {
      p50: times[10].toFixed(1),
      p90: times[18].toFixed(1),
      posts: result.thread.posts.edges.length,
    };
  }
  after = result.thread.posts.pageInfo.endCursor;
}
console.table(timings);
