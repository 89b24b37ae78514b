import { decodeTarget } from './find-leak';
import { visibleText } from './visible-text';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const GLOBAL_ID = /\b[A-Za-z0-9_-]{40,80}\b/g;
const SPACE_LINK = /\/spaces\/([a-z0-9]+(?:-[a-z0-9]+)*)/gi;
const FORMAT = /\p{Cf}/gu;

/**
 * Where a body may point: the text as typed, the text as shown and its link targets (percent-escapes
 * decoded), each NFKC with format characters removed. So an entity (`&#47;spaces`), a zero-width
 * space inside an id, a full-width slash or a link that shows other text than its target hides no
 * link. Case is kept: global ids are base64url.
 */
function linkText(body: string): string {
  const { text, linkTargets } = visibleText(body);
  return [body, text, ...linkTargets.map(decodeTarget)]
    .map((part) => part.normalize('NFKC').replace(FORMAT, ''))
    .join('\n');
}

/**
 * The thread and space ids a text refers to: raw UUIDs, and the API's global ids (base64url of
 * `Type:uuid`) as they appear in links a client builds.
 */
export function referencedIds(text: string): { threadIds: string[]; spaceIds: string[]; unknownIds: string[] } {
  const searched = linkText(text);
  const threadIds = new Set<string>();
  const spaceIds = new Set<string>();
  const unknownIds = new Set<string>();
  for (const token of searched.match(GLOBAL_ID) ?? []) {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    const match = /^(Thread|Space|Post):([0-9a-f-]{36})$/i.exec(decoded);
    if (match?.[1] === 'Space') spaceIds.add(match[2].toLowerCase());
    else if (match) threadIds.add(match[2].toLowerCase());
  }
  for (const id of searched.match(UUID) ?? []) unknownIds.add(id.toLowerCase());
  return { threadIds: [...threadIds], spaceIds: [...spaceIds], unknownIds: [...unknownIds] };
}

/** Space slugs in links such as `/spaces/backoffice` or `https://kern.example/spaces/backoffice/...`. */
export function referencedSpaceSlugs(text: string): string[] {
  return [...new Set([...linkText(text).matchAll(SPACE_LINK)].map((match) => match[1].toLowerCase()))];
}
