import { Database, initializeAndMigrate } from '@kern/database';
import { throwawayDatabase } from '@kern/testing';
import type { DataSource } from 'typeorm';
import { migrations } from '../database/migrations';
import { parseSearchQuery } from './search-query';
import { SearchRepository } from './search.repository';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
const SPACE = '00000000-0000-4000-8000-000000000001';

/** Real PostgreSQL, the service's migrations, the repository's own SQL; 20,000 threads of 5 posts. */
describe('SearchRepository against real PostgreSQL', () => {
  const database = throwawayDatabase();
  let dataSource: DataSource;
  let repository: SearchRepository;

  beforeAll(async () => {
    dataSource = await initializeAndMigrate({
      type: 'postgres',
      url: database.url,
      schema: 'threads',
      migrations,
      migrationsTableName: 'migrations',
    });
    repository = new SearchRepository(new Database(dataSource));
    await dataSource.query(
      `
      INSERT INTO threads.threads (id, space_id, author_id, kind, title, language)
      SELECT gen_random_uuid(), $1, gen_random_uuid(), 'DISCUSSION', 'Thread ' || n || ' about ' || (ARRAY['billing', 'exports', 'leningen'])[1 + n % 3],
        CASE WHEN n % 4 = 0 THEN 'dutch' ELSE 'english' END::regconfig
      FROM generate_series(1, 20000) n`,
      [SPACE],
    );
    await dataSource.query(`
      INSERT INTO threads.posts (id, thread_id, author_id, opening, body, body_html, visibility, status, language)
      SELECT gen_random_uuid(), t.id, gen_random_uuid(), g = 0, b.body, '', 'EVERYONE', 'VISIBLE', t.language
      FROM threads.threads t, generate_series(0, 4) g,
        LATERAL (SELECT 'Post ' || g || ' on ' || md5(t.id::text || g) || CASE WHEN g = 3 AND t.title ~ '^Thread [0-9]*(250|500|750|000) ' THEN ' zeppelin communities' ELSE ' weather' END AS body) b`);
    await dataSource.query(`ANALYZE threads.threads, threads.posts`);
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  it('keeps a thread document of title and opening post, in both stems for Dutch threads', async () => {
    const [english] = await dataSource.query(
      `SELECT t.search::text FROM threads.threads t WHERE t.language = 'english'::regconfig LIMIT 1`,
    );
    const [dutch] = await dataSource.query(
      `SELECT t.search::text FROM threads.threads t WHERE t.title LIKE '% leningen' AND t.language = 'dutch'::regconfig LIMIT 1`,
    );
    expect(english.search).toMatch(/'thread':\d+A/);
    expect(english.search).toMatch(/'post':\d+B/);
    expect(dutch.search).toMatch(/'lening':\d+A/);
    expect(dutch.search).toMatch(/'leningen':\d+A/);
  });

  it('compiles phrases, exclusions and alternatives per language, and nothing to look up as null', async () => {
    const compiled = await repository.compile(parseSearchQuery('"reset the password" -link or community'));
    expect(compiled.english).toBe(`'reset' <2> 'password' & !'link' | 'communiti'`);
    // A Dutch text may say it in Dutch or in English: each term in both stems ("the" is no Dutch stop word).
    expect(compiled.dutch).toBe(
      `( 'reset' <-> 'the' <-> 'password' | 'reset' <2> 'password' ) & !( 'link' | 'link' ) | 'community' | 'communiti'`,
    );
    expect(await repository.compile(parseSearchQuery('the -link'))).toMatchObject({
      english: null,
      dutch: expect.any(String),
    });
  });

  it('reads only rows that contain the words: GIN index scans, no sequential scan of posts or threads', async () => {
    const explaining = {
      query: (sql: string, parameters: unknown[]) => dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters),
    } as unknown as Database;
    const compiled = await repository.compile(parseSearchQuery('zeppelin community'));
    const [
      {
        'QUERY PLAN': [plan],
      },
    ] = (await new SearchRepository(explaining).search(compiled, {
      viewer: null,
      employee: false,
      spaceIds: [SPACE],
      asOf: compiled.now,
      limit: 21,
      offset: 0,
    })) as unknown as Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>;
    const nodes = nodesOf(plan.Plan);
    const scans = nodes.filter((node) => node['Relation Name'] === 'posts' || node['Relation Name'] === 'threads');
    expect(scans.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
    expect(nodes.map((node) => node['Index Name'])).toEqual(
      expect.arrayContaining(['posts_search_idx', 'posts_search_bilingual_idx', 'threads_search_idx']),
    );
  });

  it('finds the rare word in English and Dutch texts alike', async () => {
    const compiled = await repository.compile(parseSearchQuery('zeppelin community'));
    const expected = await dataSource.query(
      `SELECT count(DISTINCT thread_id)::int AS count FROM threads.posts WHERE body LIKE '%zeppelin%'`,
    );
    const hits = await repository.search(compiled, {
      viewer: null,
      employee: false,
      spaceIds: [SPACE],
      asOf: compiled.now,
      limit: 100,
      offset: 0,
    });
    expect(hits).toHaveLength(expected[0].count);
    expect(hits.every((hit) => hit.snippet.includes('\u0002zeppelin\u0003'))).toBe(true);
  });
});
