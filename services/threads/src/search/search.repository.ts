import { Database } from '@kern/database';
import { Injectable } from '@nestjs/common';
import { visiblePost } from '../posts/posts.repository';
import type { SearchQuery } from './search-query';
import { HEADLINE_OPTIONS, headlineText } from './snippet';

/** The text search queries of one search, one per language of the texts; null where nothing can match. */
export interface CompiledSearch {
  english: string | null;
  dutch: string | null;
  /** The database's clock, in milliseconds: the moment a search and all its pages see. */
  now: number;
}

export interface SearchScope {
  /** The user id, or null for anonymous readers. */
  viewer: string | null;
  /** Employees find internal notes. */
  employee: boolean;
  spaceIds: string[];
  asOf: number;
  limit: number;
  offset: number;
}

export interface SearchHit {
  threadId: string;
  spaceId: string;
  /** The matching reply, or null when the thread itself (its title or text) matched. */
  postId: string | null;
  /** ts_headline's output, encoded as `snippet.ts` describes. */
  snippet: string;
}

/*
 * A thread's own text (title and opening post) is one document, `threads.search`; each reply is one,
 * `posts.search`. Both are stemmed in their space's language. Dutch texts are full of English words
 * ("communities"), so each term of a Dutch query is (Dutch stem | English stem) and is matched against
 * both stems of a Dutch text (`threads.search` holds them, and `posts.search_bilingual`). Every match
 * below has the form of a GIN index, so a search reads only the rows that contain its words.
 * $1 and $2 are the English and Dutch tsqueries (null: that language cannot match).
 */
const REPLY_MATCHES = `((p.language = 'english'::regconfig AND p.search @@ $1::tsquery)
  OR (p.language = 'dutch'::regconfig AND p.search_bilingual @@ $2::tsquery))`;
const THREAD_MATCHES = `((t.language = 'english'::regconfig AND t.search @@ $1::tsquery) OR (t.language = 'dutch'::regconfig AND t.search @@ $2::tsquery))`;
/*
 * Weights {D, C, B, A}: a title (A) counts twice what text counts (a thread's text is B, a reply's
 * unweighted D). Every word of a Dutch text is in its document twice, once per stemmer: halved, it
 * ranks like English.
 */
const REPLY_RELEVANCE = `CASE WHEN p.language = 'dutch'::regconfig
  THEN ts_rank_cd('{0.5, 0.5, 0.5, 1}', p.search_bilingual, $2::tsquery) / 2
  ELSE ts_rank_cd('{0.5, 0.5, 0.5, 1}', p.search, $1::tsquery) END`;
const THREAD_RELEVANCE = `CASE WHEN t.language = 'dutch'::regconfig
  THEN ts_rank_cd('{0.5, 0.5, 0.5, 1}', t.search, $2::tsquery) / 2 ELSE ts_rank_cd('{0.5, 0.5, 0.5, 1}', t.search, $1::tsquery) END`;
/** Relevance halves at 30 days of age and keeps falling. */
const SECONDS_PER_30_DAYS = 30 * 24 * 60 * 60;

/*
 * One hit per thread: its best match, the thread itself or one of its replies.
 * $3 viewer, $4 employee, $5 readable spaces, $6 the search's moment, $7 limit, $8 offset, $9 headline options.
 * Posts are visible as to a reader who moderates nothing: nobody finds someone else's held or hidden
 * post; deleted posts are never found, and neither is a thread whose own text was deleted (its replies are).
 */
const SEARCH = `
WITH candidates AS (
  SELECT p.thread_id, p.id AS post_id, ${REPLY_RELEVANCE} AS relevance, p.created_at
  FROM threads.posts p
  WHERE ${REPLY_MATCHES} AND NOT p.opening AND p.status <> 'DELETED' AND p.created_at <= $6 AND ${visiblePost('$3', '$4', 'false')}
  UNION ALL
  SELECT t.id, NULL, ${THREAD_RELEVANCE}, t.created_at
  FROM threads.threads t
  WHERE ${THREAD_MATCHES} AND t.space_id = ANY($5::uuid[]) AND t.created_at <= $6
),
best AS (
  SELECT DISTINCT ON (c.thread_id) c.thread_id, t.space_id, c.post_id, coalesce(c.post_id, p.id) AS text_id,
    c.relevance / (1 + extract(epoch FROM $6::timestamptz - c.created_at)::float8 / ${SECONDS_PER_30_DAYS}) AS score
  FROM candidates c
  JOIN threads.threads t ON t.id = c.thread_id
  JOIN threads.posts p ON p.thread_id = c.thread_id AND p.opening
  WHERE t.space_id = ANY($5::uuid[]) AND ${visiblePost('$3', '$4', 'false')} AND (c.post_id IS NOT NULL OR p.status <> 'DELETED')
  ORDER BY c.thread_id, score DESC, c.post_id NULLS FIRST
),
page AS (
  SELECT * FROM best ORDER BY score DESC, thread_id LIMIT $7 OFFSET $8
)
SELECT page.thread_id AS "threadId", page.space_id AS "spaceId", page.post_id AS "postId",
  -- A Dutch text whose match is an English word is highlighted by the English stemmer.
  coalesce(CASE WHEN x.language = 'dutch'::regconfig AND strpos(own.headline, chr(2)) = 0
    THEN ts_headline('english'::regconfig, x.body, $2::tsquery, $9) ELSE own.headline END, '') AS snippet
FROM page
JOIN LATERAL (SELECT language, ${headlineText('body')} AS body FROM threads.posts WHERE id = page.text_id) x ON true
CROSS JOIN LATERAL (
  SELECT ts_headline(x.language, x.body, CASE WHEN x.language = 'dutch'::regconfig THEN $2::tsquery ELSE $1::tsquery END, $9) AS headline
) own
ORDER BY page.score DESC, page.thread_id`;

/** Searching is reading: the viewer's spaces and kind are parameters of every query here. */
@Injectable()
export class SearchRepository {
  constructor(private readonly db: Database) {}

  /**
   * The query as a tsquery per language. Each term is stemmed as a phrase (a word is a phrase of
   * one), so stop words inside quotes keep their distance, as `websearch_to_tsquery` does.
   * A language whose query has nothing an index can look up (only stop words, or only exclusions
   * once they are gone) gets null rather than a scan.
   */
  async compile(query: SearchQuery): Promise<CompiledSearch> {
    if (query.length === 0) throw new Error('An empty search query cannot be compiled');
    const texts = query.flat().map((term) => term.text);
    const english = tsquery(query, (p) => `phraseto_tsquery('english', ${p})`);
    const dutch = tsquery(query, (p) => `(phraseto_tsquery('dutch', ${p}) || phraseto_tsquery('english', ${p}))`);
    const [row]: Array<{ english: string; english_tree: string; dutch: string; dutch_tree: string; now: string }> =
      await this.db.query(
        `SELECT english::text, querytree(english) AS english_tree, dutch::text, querytree(dutch) AS dutch_tree,
         ceil(extract(epoch FROM now()) * 1000)::bigint AS now
       FROM (SELECT ${english} AS english, ${dutch} AS dutch) q`,
        texts,
      );
    const searchable = (text: string, tree: string) => (tree === '' || tree === 'T' ? null : text);
    return {
      english: searchable(row.english, row.english_tree),
      dutch: searchable(row.dutch, row.dutch_tree),
      now: Number(row.now),
    };
  }

  /** One page of hits, best first. */
  search(compiled: CompiledSearch, scope: SearchScope): Promise<SearchHit[]> {
    return this.db.query(SEARCH, [
      compiled.english,
      compiled.dutch,
      scope.viewer,
      scope.employee,
      scope.spaceIds,
      new Date(scope.asOf),
      scope.limit,
      scope.offset,
      HEADLINE_OPTIONS,
    ]);
  }
}

/** SQL for the whole query, with term i in parameter $(i+1): alternatives of terms that must all (not) match. */
function tsquery(query: SearchQuery, stem: (placeholder: string) => string): string {
  let index = 0;
  const alternatives = query.map((terms) => {
    const parts = terms.map((term) => {
      const sql = stem(`$${++index}`);
      return term.excluded ? `(!!${sql})` : sql;
    });
    return `(${parts.join(' && ')})`;
  });
  return alternatives.join(' || ');
}
