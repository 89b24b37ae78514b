import { KernStack, waitFor, type KernProcess } from '@kern/testing';
import { register } from '../identity/operations';
import { watchServiceCalls } from './service-calls';

const TIMEOUT_MS = 1500;
const TOPICS = `{ topics { slug } }`;

let stack: KernStack;

beforeAll(async () => {
  stack = await KernStack.start({ env: { SERVICE_TIMEOUT_MS: String(TIMEOUT_MS) } });
});
afterAll(() => stack?.stop());

async function health() {
  const response = await fetch(`${stack.gatewayUrl}/health`);
  return {
    status: response.status,
    body: (await response.json()) as {
      status: string;
      nats: string;
      services: Record<string, { status: string; instance?: string }>;
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

describe('GET /health', () => {
  it('reports the gateway, NATS and every service, with applied migrations', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', gateway: 'ok', nats: 'ok' });
    for (const service of ['identity', 'spaces', 'threads', 'expertise']) {
      expect(body.services[service]).toMatchObject({
        status: 'ok',
        database: { reachable: true, pendingMigrations: 0 },
      });
    }
  });
});

describe('GraphQL requests a client gets wrong', () => {
  it('answers malformed GraphQL with 400 and the parser message', async () => {
    const response = await stack.graphql.request(`{ topics { slug `);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Syntax Error: Expected Name, found <EOF>/),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('answers a field that does not exist with 400 and GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await stack.graphql.request(`{ topics { colour } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await stack.graphql.post('{ this is not json');
    expect(response.status).toBe(400);
  });

  it('refuses a query nested deeper than the limit before running it', async () => {
    const deep = `{ topics { ${'parent { '.repeat(12)}slug${' }'.repeat(12)} } }`;
    const response = await stack.graphql.request(deep);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: 'Query is 14 levels deep; the limit is 10',
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'DEPTH', max: 10, actual: 14 },
    });
  });

  it('refuses a body larger than the limit with 413', async () => {
    const response = await stack.graphql.post(
      JSON.stringify({ query: `{ topics { slug } }`, variables: { padding: 'x'.repeat(200_000) } }),
    );
    expect(response.status).toBe(413);
  });
});

const aliased = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const NESTED_PAGES = `query($threads: Int, $posts: Int) {
  space(slug: "nowhere") { threads(first: $threads) { edges { node { posts(first: $posts) { edges { node { body } } } } } } }
}`;

describe('queries built to make the services work hard', () => {
  it('refuses more aliases than the limit before running anything', async () => {
    const response = await stack.graphql.request(aliased(31, 'topics { slug }'));
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'Aliases limit of 30 exceeded, found 31.',
        extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'ALIASES', max: 30 },
      }),
    ]);
    expect((await stack.graphql.ok(aliased(30, 'topics { slug }'))).a29).toEqual([]);
  });

  it('refuses more directives than the limit', async () => {
    const response = await stack.graphql.request(`{ topics { slug ${'@include(if: true) '.repeat(51)} } }`);
    expect(response.errors?.[0].extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'DIRECTIVES', max: 50 });
  });

  it('refuses a query whose pages multiply past the cost limit, saying what it costs', async () => {
    const response = await stack.graphql.request(NESTED_PAGES, { threads: 100, posts: 100 });
    expect(response.status).toBe(400);
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'Query costs 20302; the limit is 10000',
        extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'COST', max: 10000, actual: 20302 },
      }),
    ]);
    // The same document with smaller pages runs (and finds no such space).
    expect(await stack.graphql.errorCode(NESTED_PAGES, { threads: 20, posts: 20 })).toBe('NOT_FOUND');
  });

  it('answers `me` asked many times in one request with one identity call, and refuses 4,500 of them unparsed', async () => {
    const ann = stack.graphql.withToken((await register(stack.graphql, 'aliasedann')).accessToken);
    const calls = await watchServiceCalls(stack.nats.url, 'identity.user.get');
    try {
      const answers = await ann.ok(aliased(30, 'me { handle }'));
      expect(Object.values(answers)).toEqual(Array.from({ length: 30 }, () => ({ handle: 'aliasedann' })));
      expect(await calls.payloads()).toHaveLength(1);

      const flood = await ann.request(aliased(4500, 'me { handle }'));
      expect(flood.status).toBe(400);
      expect(flood.errors?.[0]).toMatchObject({
        message: expect.stringContaining('more that 5000 tokens'),
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      });
      expect(await calls.payloads()).toHaveLength(1);
    } finally {
      await calls.stop();
    }
  });
});

describe('when a service is down or stuck', () => {
  it('answers SERVICE_UNAVAILABLE at once for a stopped service, not after the timeout', async () => {
    const [expertise] = stack.find('expertise');
    await expertise.stop();
    try {
      const { result, ms } = await timed(() => stack.graphql.request(TOPICS));
      expect(result.errors?.[0]).toMatchObject({
        message: 'The expertise service is not available',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      expect(ms).toBeLessThan(TIMEOUT_MS);
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.services.expertise.status).toBe('down');
    } finally {
      await stack.startProcess('expertise');
    }
    expect((await stack.graphql.ok(TOPICS)).topics).toEqual([]);
  });

  it('answers SERVICE_UNAVAILABLE after the timeout for a service that takes requests but never answers', async () => {
    const [expertise] = stack.find('expertise');
    expertise.signal('SIGSTOP');
    try {
      const { result, ms } = await timed(() => stack.graphql.request(TOPICS));
      expect(result.errors?.[0]).toMatchObject({
        message: `The expertise service did not answer within ${TIMEOUT_MS} ms`,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS);
    } finally {
      expertise.signal('SIGCONT');
    }
    await waitFor(async () => !(await stack.graphql.request(TOPICS)).errors, { what: 'expertise to answer again' });
  });
});

describe('replicas', () => {
  let second: KernProcess;

  beforeAll(async () => {
    second = await stack.startProcess('identity');
  });

  it('share the requests of their service (each request answered by one of them)', async () => {
    const instances = new Set<string>();
    await waitFor(
      async () => {
        const { body } = await health();
        instances.add(body.services.identity.instance!);
        return instances.size === 2;
      },
      { what: 'both identity replicas to answer', intervalMs: 10 },
    );
    expect(instances.size).toBe(2);
  });

  it('finish the requests in flight when one is stopped with SIGTERM, and none is lost', async () => {
    const register = (i: number) =>
      stack.graphql.request(`mutation($input: RegisterInput!) { register(input: $input) { user { handle } } }`, {
        input: {
          email: `replica${i}@example.com`,
          password: 'correct horse battery',
          displayName: `Replica ${i}`,
          handle: `replica${i}`,
        },
      });
    const requests = Array.from({ length: 30 }, (_, i) => register(i));
    // Argon2 keeps each request busy for tens of milliseconds: once the first answer is back, the
    // rest are being hashed on both replicas, so this one stops with requests in flight.
    await Promise.race(requests);
    const exit = await second.stop('SIGTERM');
    const responses = await Promise.all(requests);

    expect(exit).toEqual({ code: 0, signal: null });
    const shutdown = second.lines.find((line) => /finishing \d+ request\(s\) in flight/.test(line.msg ?? ''));
    expect(Number(/finishing (\d+)/.exec(shutdown?.msg ?? '')?.[1])).toBeGreaterThan(0);
    expect(responses.filter((response) => response.errors)).toEqual([]);
    expect(responses.map((response) => response.data?.register.user.handle).sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `replica${i}`).sort(),
    );
  });
});
