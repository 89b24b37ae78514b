/** How many words in a row count as "a sizeable passage" of another text. */
export const PASSAGE_WORDS = 12;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function runs(text: string, size: number): Set<string> {
  const list = words(text);
  const found = new Set<string>();
  for (let start = 0; start + size <= list.length; start += 1) found.add(list.slice(start, start + size).join(' '));
  return found;
}

/**
 * Whether `text` repeats `PASSAGE_WORDS` or more words in a row from any of `sources`, ignoring case,
 * punctuation and spacing: what pasting part of an internal note into a public reply looks like.
 */
export function repeatsPassage(text: string, sources: string[], size = PASSAGE_WORDS): boolean {
  const candidate = runs(text, size);
  if (candidate.size === 0) return false;
  return sources.some((source) => [...runs(source, size)].some((run) => candidate.has(run)));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const GLOBAL_ID = /\b[A-Za-z0-9_-]{40,80}\b/g;

/**
 * The thread and space ids a text refers to: raw UUIDs, and the API's global ids (base64url of
 * `Type:uuid`) as they appear in links a client builds.
 */
export function referencedIds(text: string): { threadIds: string[]; spaceIds: string[]; unknownIds: string[] } {
  const threadIds = new Set<string>();
  const spaceIds = new Set<string>();
  const unknownIds = new Set<string>();
  for (const token of text.match(GLOBAL_ID) ?? []) {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    const match = /^(Thread|Space|Post):([0-9a-f-]{36})$/i.exec(decoded);
    if (match?.[1] === 'Space') spaceIds.add(match[2].toLowerCase());
    else if (match) threadIds.add(match[2].toLowerCase());
  }
  for (const id of text.match(UUID) ?? []) unknownIds.add(id.toLowerCase());
  return { threadIds: [...threadIds], spaceIds: [...spaceIds], unknownIds: [...unknownIds] };
}

/** Space slugs in links such as `/spaces/backoffice` or `https://kern.example/spaces/backoffice/...`. */
export function referencedSpaceSlugs(text: string): string[] {
  return [...new Set([...text.matchAll(/\/spaces\/([a-z0-9]+(?:-[a-z0-9]+)*)/gi)].map((match) => match[1].toLowerCase()))];
}
