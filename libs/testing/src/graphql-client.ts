/**
 * The data of an answer a test does not type. Tests read GraphQL answers as an integrator does, by
 * field name; typing every answer would only restate its query.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read untyped on purpose, see above
export type UntypedData = Record<string, any>;

export interface GraphQLResponse<Data = UntypedData> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
}

/** Talks to the gateway over real HTTP, as any client would. */
export class GraphQLClient {
  constructor(
    readonly baseUrl: string,
    /** The access or API token it sends, for a WebSocket that sends it differently. */
    readonly token?: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  withToken(token: string | undefined): GraphQLClient {
    return new GraphQLClient(this.baseUrl, token, this.headers);
  }

  /** E.g. `X-Forwarded-For`, as a trusted proxy would send it. */
  withHeaders(headers: Record<string, string>): GraphQLClient {
    return new GraphQLClient(this.baseUrl, this.token, { ...this.headers, ...headers });
  }

  async request<Data = UntypedData>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>> {
    return this.post(JSON.stringify({ query, variables }));
  }

  /** Posts a raw body, for requests a well-behaved client would not send. */
  async post<Data>(body: string, headers: Record<string, string> = {}): Promise<GraphQLResponse<Data>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...this.headers,
        ...headers,
      },
      body,
    });
    const text = await response.text();
    try {
      return { status: response.status, ...(JSON.parse(text) as object) };
    } catch {
      return { status: response.status, errors: [{ message: text }] };
    }
  }

  /** The data of a request that must succeed; a GraphQL error fails the test with its message. */
  async ok<Data = UntypedData>(query: string, variables?: Record<string, unknown>): Promise<Data> {
    const response = await this.request<Data>(query, variables);
    if (response.errors?.length || !response.data)
      throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(response.errors)}`);
    return response.data;
  }

  /** The error code of a request that must fail. */
  async errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    const response = await this.request(query, variables);
    return response.errors?.[0]?.extensions?.code;
  }
}
