import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment against one schema per process and fails fast with a message that names
 * every bad variable and says what it is for (its `.describe()` text).
 */
export function parseEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(shape)) {
    // An empty variable means "not set", as in most shells' `VAR= cmd`.
    input[key] = env[key] === '' ? undefined : env[key];
  }
  const result = z.object(shape).safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const description = (shape[name] as z.ZodType | undefined)?.description;
    return `  ${name}: ${issue.message}${description ? ` (${description})` : ''}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
