import { commonEnv, databaseEnv, natsServers } from './common.env';
import { ConfigError, parseEnv } from './parse-env';

describe('parseEnv', () => {
  it('gives the defaults that work on a development machine when nothing is set', () => {
    const config = parseEnv({ ...commonEnv, ...databaseEnv }, {});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/kern');
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.SERVICE_TIMEOUT_MS).toBe(5000);
  });

  it('names every bad variable and says what it is for', () => {
    const parse = () =>
      parseEnv({ ...commonEnv, ...databaseEnv }, { DATABASE_URL: 'mysql://x', SERVICE_TIMEOUT_MS: 'soon' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/DATABASE_URL: must be a URL like postgres:\/\/.*\(PostgreSQL database/);
    expect(parse).toThrow(/SERVICE_TIMEOUT_MS: .*\(how long a call to another service may take/);
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv(commonEnv, { NATS_URL: '' }).NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('accepts a comma-separated list of NATS servers', () => {
    const config = parseEnv(commonEnv, { NATS_URL: 'nats://a:4222, nats://b:4222' });
    expect(natsServers(config.NATS_URL)).toEqual(['nats://a:4222', 'nats://b:4222']);
  });
});
