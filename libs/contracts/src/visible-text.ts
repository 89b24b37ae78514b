import { z } from 'zod';

/**
 * Characters nobody sees: format characters (zero-width space and joiners, soft hyphen, bidi marks,
 * U+FEFF), default-ignorables (variation selectors, Hangul fillers) and control characters other
 * than line breaks and tabs.
 */
const INVISIBLE = '\\p{Cf}\\p{Default_Ignorable_Code_Point}\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
/** Text made only of these says nothing: whitespace, invisible characters and the blank braille cell. */
const HAS_CONTENT = new RegExp(`[^\\s${INVISIBLE}\\u2800]`, 'u');
const ONLY_INVISIBLE = new RegExp(`^[${INVISIBLE}]+$`, 'u');
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * How many characters a person sees in `text`, counting up to `stopAt`: grapheme clusters (an emoji
 * with a skin tone, a letter with its accents), leaving out those that are only invisible.
 */
export function visibleLength(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (!ONLY_INVISIBLE.test(segment) && ++count >= stopAt) break;
  }
  return count;
}

export interface TextLimits {
  /** Characters a person sees, at least; with `min` >= 1 text of only whitespace and invisible characters is empty. */
  min?: number;
  /** Characters a person sees, at most. */
  max: number;
  /**
   * UTF-16 code units, at most, to bound what is stored: one letter under 10,000 accents is one
   * character. By default 16 times `max`, enough for the longest emoji sequences.
   */
  maxUnits?: number;
  /** Replaces the default messages for too short and too long. */
  message?: string;
}

/** Text people read (titles, names, posts): trimmed, its lengths counted as a person sees them. */
export function visibleText({ min = 0, max, maxUnits = 16 * max, message }: TextLimits) {
  const tooShort = message ?? (min <= 1 ? 'must not be empty' : `must be ${min}-${max} characters`);
  const tooLong = message ?? (min > 1 ? `must be ${min}-${max} characters` : `must be at most ${max} characters`);
  return z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      if (text.length > maxUnits) {
        ctx.addIssue({ code: 'custom', message: `must be at most ${maxUnits} UTF-16 code units` });
      } else if (min > 0 && (!HAS_CONTENT.test(text) || visibleLength(text, min) < min)) {
        ctx.addIssue({ code: 'custom', message: tooShort });
      } else if (text.length > max && visibleLength(text, max + 1) > max) {
        // Never more characters than code units: only a longer text needs counting.
        ctx.addIssue({ code: 'custom', message: tooLong });
      }
    });
}
