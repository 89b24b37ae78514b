import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { watchServiceCalls } from '../foundation/service-calls';
import { Community, JOIN, SET_ROLE, type Person } from '../spaces/community';
import { EDIT, HISTORY, NODE, REPLY, START, THREAD } from './forum';

const ESCALATE = `mutation($input: EscalateThreadInput!) { escalateThread(input: $input) { id title body space { slug audience } } }`;
const LINKED = `query($id: ID!) { thread(id: $id) { linkedThreads { id title } } }`;
const MOVE = `mutation($threadId: ID!, $spaceId: ID!, $confirm: Boolean) { moveThread(threadId: $threadId, spaceId: $spaceId, confirmPublish: $confirm) { id space { slug } } }`;
const THREAD_ONLY = `query($id: ID!) { thread(id: $id) { id } }`;

const serviceId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

let community: Community;
let manager: Person;
let employee: Person;
let customer: Person;
let external: { id: string };
let internal: { id: string };
let otherInternal: { id: string };

beforeAll(async () => {
  community = await Community.start();
  await community.topic('billing');
  manager = await community.employee('olga', { manager: true });
  [employee, customer] = await Promise.all([community.employee('emil'), community.customer('cora')]);
  external = await community.space(manager, {
    slug: 'help',
    audience: 'EXTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
  internal = await community.space(manager, {
    slug: 'backoffice',
    audience: 'INTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
  otherInternal = await community.space(manager, {
    slug: 'finance',
    audience: 'INTERNAL',
    joinPolicy: 'OPEN',
    topics: ['billing'],
  });
});
afterAll(() => community?.stop());

const start = async (person: Person, spaceId: string, title: string, body = 'Body text') =>
  (await person.client.ok(START, { input: { spaceId, kind: 'QUESTION', title, body } })).startThread;

describe('escalation', () => {
  it('opens a linked internal thread that customers never learn of', async () => {
    const question = await start(customer, external.id, 'My refund never arrived');
    const { escalateThread } = await employee.client.ok(ESCALATE, {
      input: { threadId: question.id, spaceId: internal.id, note: 'Finance, can you check the refund run?' },
    });
    expect(escalateThread).toMatchObject({
      title: 'Escalated: My refund never arrived',
      body: 'Finance, can you check the refund run?',
      space: { slug: 'backoffice', audience: 'INTERNAL' },
    });

    expect((await employee.client.ok(LINKED, { id: question.id })).thread.linkedThreads).toEqual([
      { id: escalateThread.id, title: escalateThread.title },
    ]);
    expect((await employee.client.ok(LINKED, { id: escalateThread.id })).thread.linkedThreads).toEqual([
      { id: question.id, title: 'My refund never arrived' },
    ]);
    expect((await customer.client.ok(LINKED, { id: question.id })).thread.linkedThreads).toEqual([]);
    expect((await community.anonymous.ok(LINKED, { id: question.id })).thread.linkedThreads).toEqual([]);
    expect(await customer.client.errorCode(THREAD, { id: escalateThread.id })).toBe('NOT_FOUND');
  });

  it('is for employees, into INTERNAL spaces only', async () => {
    const question = await start(customer, external.id, 'Escalate me?');
    expect(
      await customer.client.errorCode(ESCALATE, { input: { threadId: question.id, spaceId: internal.id, note: 'x' } }),
    ).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(
      await employee.client.errorCode(ESCALATE, { input: { threadId: question.id, spaceId: external.id, note: 'x' } }),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('the leak guard', () => {
  const noteText =
    'Customer is on the legacy plan and we lose money on every invoice we send them, never offer a discount here.';

  it('stops a public reply that repeats an internal note, until it is confirmed', async () => {
    const question = await start(customer, external.id, 'Can I get a discount?');
    await employee.client.ok(REPLY, { input: { threadId: question.id, body: noteText, visibility: 'INTERNAL' } });
    const pasted = `Hi! ${noteText.slice(0, 90)}`;
    const refused = await employee.client.request(REPLY, { input: { threadId: question.id, body: pasted } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFIRMATION_REQUIRED', reason: 'REPEATS_INTERNAL' });
    expect((await customer.client.ok(THREAD, { id: question.id })).thread.replyCount).toBe(0);

    const sent = await employee.client.ok(REPLY, {
      input: { threadId: question.id, body: pasted, confirmPublic: true },
    });
    expect(sent.reply.visibility).toBe('EVERYONE');
    // An internal reply may repeat it freely.
    await employee.client.ok(REPLY, { input: { threadId: question.id, body: noteText, visibility: 'INTERNAL' } });
  });

  it('stops public text that repeats the internal thread it was escalated to', async () => {
    const question = await start(customer, external.id, 'Why was I charged twice?');
    const internalText =
      'The payment provider retried the charge after a timeout on the eleventh, all double charges are refunded on Friday.';
    const { escalateThread } = await employee.client.ok(ESCALATE, {
      input: { threadId: question.id, spaceId: internal.id, note: internalText },
    });
    expect(escalateThread.id).toBeTruthy();
    const refused = await employee.client.request(REPLY, { input: { threadId: question.id, body: internalText } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFIRMATION_REQUIRED', reason: 'REPEATS_INTERNAL' });
    expect(
      (
        await employee.client.ok(REPLY, {
          input: { threadId: question.id, body: 'You will get the double charge back on Friday.' },
        })
      ).reply.body,
    ).toContain('Friday');
  });

  it('stops public text that links to an internal thread or space', async () => {
    const secret = await start(employee, internal.id, 'Pricing strategy 2027');
    const question = await start(customer, external.id, 'What will prices be?');
    const link = `See https://kern.example/threads/${secret.id}`;
    const refused = await employee.client.request(REPLY, { input: { threadId: question.id, body: link } });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      reason: 'LINKS_TO_INTERNAL',
    });
    const bySlug = await employee.client.request(START, {
      input: { spaceId: external.id, kind: 'DISCUSSION', title: 'Announcement', body: 'Details in /spaces/backoffice' },
    });
    expect(bySlug.errors?.[0].extensions).toMatchObject({ code: 'CONFIRMATION_REQUIRED', reason: 'LINKS_TO_INTERNAL' });
    // Links to public places pass.
    expect(
      (
        await employee.client.ok(REPLY, {
          input: { threadId: question.id, body: `See https://kern.example/threads/${question.id} and /spaces/help` },
        })
      ).reply,
    ).toBeTruthy();
  });

  it('does not apply to customers or to internal spaces', async () => {
    const inside = await start(employee, internal.id, 'Inside');
    expect(
      (
        await employee.client.ok(REPLY, {
          input: { threadId: inside.id, body: `see /spaces/finance and ${inside.id}` },
        })
      ).reply,
    ).toBeTruthy();
  });

  describe('when a public reply repeats an internal note in disguise, then it is stopped', () => {
    const note =
      'RMA approved under INT-RMA-7781. Warehouse ships the replacement router on Monday; do not promise a date before the carrier confirms.';
    const pasted = 'Warehouse ships the replacement router on Monday; do not promise a date';
    const eachWord = (text: string, change: (word: string) => string) => text.replace(/\S+/g, change);
    const LOOK_ALIKES: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', s: 'ѕ', y: 'у' };
    let thread: { id: string };

    beforeAll(async () => {
      thread = await start(customer, external.id, 'My router died');
      await employee.client.ok(REPLY, { input: { threadId: thread.id, body: note, visibility: 'INTERNAL' } });
    });

    it.each([
      ['with HTML entities', 'W&#97;rehouse ships the repl&#x61;cement router on M&#111;nday; do not promise a date'],
      ['with zero-width spaces inside words', eachWord(pasted, (word) => [...word].join('\u200b'))],
      ['with soft hyphens inside words', eachWord(pasted, (word) => [...word].join('\u00ad'))],
      ['with Cyrillic look-alikes', pasted.replace(/[aceiopsy]/g, (char) => LOOK_ALIKES[char] ?? char)],
      ['in full-width letters', pasted.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))],
      [
        'with ** inside words',
        eachWord(pasted, (word) => (word.length > 3 ? `${word.slice(0, 2)}**${word.slice(2)}**` : word)),
      ],
      ['as its first 11 words only', note.split(' ').slice(0, 11).join(' ')],
    ])('%s', async (_how, body) => {
      const refused = await employee.client.request(REPLY, { input: { threadId: thread.id, body: `Hello! ${body}.` } });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFIRMATION_REQUIRED',
        reason: 'REPEATS_INTERNAL',
        match: 'PASSAGE',
      });
    });

    it('by its case number alone', async () => {
      const refused = await employee.client.request(REPLY, {
        input: { threadId: thread.id, body: 'Your case number is INT RMA 7781.' },
      });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFIRMATION_REQUIRED',
        reason: 'REPEATS_INTERNAL',
        match: 'IDENTIFIER',
      });
      expect((await customer.client.ok(THREAD, { id: thread.id })).thread.replyCount).toBe(0);
    });
  });

  it('lets an employee quote the customer back, though an internal note quoted the customer too', async () => {
    const asked =
      'My order ORD-2024-00042 never arrived and the credit check failed, what does that mean for my order?';
    const question = await start(customer, external.id, 'Where is my order?', asked);
    await employee.client.ok(REPLY, {
      input: {
        threadId: question.id,
        body: `Customer wrote: "${asked}" Risk team wants a prepayment first.`,
        visibility: 'INTERNAL',
      },
    });
    const answer = `You wrote: "${asked.slice(0, 70)}". Order ORD-2024-00042 is being checked, we will write again tomorrow.`;
    expect((await employee.client.ok(REPLY, { input: { threadId: question.id, body: answer } })).reply.body).toBe(
      answer,
    );
  });

  describe('on a new thread in an EXTERNAL space', () => {
    it('stops one that repeats an internal note of that space, until it is confirmed', async () => {
      const question = await start(customer, external.id, 'Wifi drops every evening');
      const note =
        'Known bug in firmware 7.57: the 5 GHz band drops after an update, the fix is planned but its release date is not public yet.';
      await employee.client.ok(REPLY, { input: { threadId: question.id, body: note, visibility: 'INTERNAL' } });
      const faq = {
        spaceId: external.id,
        kind: 'DISCUSSION',
        title: 'Wifi FAQ',
        body: `Known issue: ${note.slice(0, 90)}`,
      };
      const refused = await employee.client.request(START, { input: faq });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFIRMATION_REQUIRED',
        reason: 'REPEATS_INTERNAL',
        match: 'PASSAGE',
      });
      expect((await employee.client.ok(START, { input: { ...faq, confirmPublic: true } })).startThread.title).toBe(
        'Wifi FAQ',
      );
    });

    it('stops one that repeats the internal thread a thread of that space was escalated to', async () => {
      const question = await start(customer, external.id, 'My invoice export is empty');
      const escalated =
        'Finance moved the Benelux accounts to the new ledger on the first, exports stay empty until the March migration.';
      await employee.client.ok(ESCALATE, {
        input: { threadId: question.id, spaceId: otherInternal.id, note: escalated },
      });
      const refused = await employee.client.request(START, {
        input: { spaceId: external.id, kind: 'DISCUSSION', title: 'About exports', body: `Note: ${escalated}` },
      });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFIRMATION_REQUIRED',
        reason: 'REPEATS_INTERNAL',
      });
      // Its author's own words in other words pass.
      expect(
        (
          await employee.client.ok(START, {
            input: {
              spaceId: external.id,
              kind: 'DISCUSSION',
              title: 'About exports',
              body: 'Exports are being fixed.',
            },
          })
        ).startThread,
      ).toBeTruthy();
    });
  });
});

describe('moving threads', () => {
  it('into an EXTERNAL space needs confirmation, and internal notes stay internal', async () => {
    const thread = await start(employee, internal.id, 'Public FAQ draft');
    await employee.client.ok(REPLY, {
      input: { threadId: thread.id, body: 'keep this to ourselves', visibility: 'INTERNAL' },
    });
    await employee.client.ok(REPLY, { input: { threadId: thread.id, body: 'Answer for everyone' } });
    expect(await manager.client.errorCode(MOVE, { threadId: thread.id, spaceId: external.id })).toBe(
      'CONFIRMATION_REQUIRED',
    );
    expect(await employee.client.errorCode(MOVE, { threadId: thread.id, spaceId: external.id, confirm: true })).toBe(
      'FORBIDDEN',
    );
    expect(
      (await manager.client.ok(MOVE, { threadId: thread.id, spaceId: external.id, confirm: true })).moveThread.space
        .slug,
    ).toBe('help');

    const seen = (await customer.client.ok(THREAD, { id: thread.id })).thread;
    expect(seen.replyCount).toBe(1);
    expect(seen.posts.edges.map((edge: { node: { body: string } }) => edge.node.body)).toEqual(['Answer for everyone']);
  });

  it('never takes customer posts into an INTERNAL space; between internal spaces it just moves', async () => {
    const question = await start(customer, external.id, 'Customer question');
    const refused = await manager.client.request(MOVE, { threadId: question.id, spaceId: internal.id });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining('customers'),
    });
    expect((await customer.client.ok(THREAD, { id: question.id })).thread.title).toBe('Customer question');

    const staffOnly = await start(employee, internal.id, 'Staff only');
    expect(
      (await manager.client.ok(MOVE, { threadId: staffOnly.id, spaceId: otherInternal.id })).moveThread.space.slug,
    ).toBe('finance');
  });

  it('is refused to a customer moderator of an external space for internal targets they cannot see', async () => {
    const mod = await community.customer('mia');
    await mod.client.ok(JOIN, { spaceId: external.id });
    const thread = await start(mod, external.id, 'Mine');
    expect(await mod.client.errorCode(MOVE, { threadId: thread.id, spaceId: internal.id })).toBe('NOT_FOUND');
  });
});

describe('a move from an INTERNAL into an EXTERNAL space', () => {
  it('keeps the versions written while the thread was internal from customers, moderators or not', async () => {
    const moderator = await community.customer('mona');
    await moderator.client.ok(JOIN, { spaceId: external.id });
    await manager.client.ok(SET_ROLE, { spaceId: external.id, userId: moderator.id, role: 'MODERATOR' });
    const thread = await start(employee, internal.id, 'Router replacement answer');
    const draft = 'Draft: the carrier lost it again, we pay for the replacement.';
    const { reply } = await employee.client.ok(REPLY, { input: { threadId: thread.id, body: draft } });
    await employee.client.ok(EDIT, { postId: reply.id, body: 'Your replacement router ships on Monday.' });
    await manager.client.ok(MOVE, { threadId: thread.id, spaceId: external.id, confirm: true });
    await employee.client.ok(EDIT, {
      postId: reply.id,
      body: 'Your replacement router ships on Monday, with tracking.',
    });

    const history = async (person: Person) =>
      (await person.client.ok(HISTORY, { id: reply.id })).node.editHistory.map(
        (edit: { previousBody: string }) => edit.previousBody,
      );
    expect(await history(moderator)).toEqual(['Your replacement router ships on Monday.']);
    expect(await history(manager)).toEqual(['Your replacement router ships on Monday.', draft]);
    expect(await history(employee)).toEqual(['Your replacement router ships on Monday.', draft]);
  });
});

describe('a hidden id and one that does not exist', () => {
  it('cause the same calls to the spaces service', async () => {
    const secret = await start(employee, internal.id, 'Secret plans');
    const question = await start(customer, external.id, 'A plain question');
    const plain = await start(customer, external.id, 'Another plain question');
    const { reply: note } = await employee.client.ok(REPLY, {
      input: { threadId: question.id, body: 'just between us', visibility: 'INTERNAL' },
    });
    await employee.client.ok(ESCALATE, {
      input: { threadId: question.id, spaceId: internal.id, note: 'Looking into it inside' },
    });
    const calls = await watchServiceCalls(community.stack.nats.url, 'spaces.>');
    const callsOf = async (query: string, variables: Record<string, unknown>) => {
      const before = (await calls.calls()).length;
      await customer.client.request(query, variables);
      return (await calls.calls())
        .slice(before)
        .map(({ subject, payload }) => ({ subject, asked: Object.keys(payload), ids: payload.spaceIds?.length }));
    };
    try {
      const pairs: Array<[string, string, Record<string, unknown>, Record<string, unknown>]> = [
        ['node(thread)', NODE, { id: secret.id }, { id: globalId('Thread', randomUUID()) }],
        ['node(post)', NODE, { id: note.id }, { id: globalId('Post', randomUUID()) }],
        ['thread', THREAD_ONLY, { id: secret.id }, { id: globalId('Thread', randomUUID()) }],
        ['linkedThreads', LINKED, { id: question.id }, { id: plain.id }],
      ];
      for (const [what, query, hidden, missing] of pairs) {
        const [seenHidden, seenMissing] = [await callsOf(query, hidden), await callsOf(query, missing)];
        expect({ what, calls: seenHidden }).toEqual({ what, calls: seenMissing });
        expect(seenHidden.length).toBeGreaterThan(0);
      }
    } finally {
      await calls.stop();
    }
  });
});

describe('when the spaces service answers access checks but not space lookups', () => {
  it('an employee’s public reply that names a space fails closed, and nothing is posted', async () => {
    const question = await start(customer, external.id, 'Where do I ask about invoices?');
    const stack = community.stack;
    // A partial outage: the real service stops, and a stand-in answers only `spaces.access.check`,
    // for the one space this reply is written in, as the real one would for an employee.
    const standIn = await connect({ servers: stack.nats.url });
    const access = {
      spaceId: serviceId(external.id),
      audience: 'EXTERNAL',
      purpose: 'SERVICE',
      read: true,
      post: true,
      postDenial: null,
      moderate: false,
    };
    const checks = standIn.subscribe('spaces.access.check', {
      callback: (_error, message) => {
        const request = message.json<{ id: string; data: { payload: { spaceIds: string[] } } }>();
        const known = request.data.payload.spaceIds.includes(access.spaceId) ? [access] : [];
        message.respond(JSON.stringify({ id: request.id, response: { access: known }, isDisposed: true }));
      },
    });
    await standIn.flush();
    await Promise.all(stack.find('spaces').map((process) => process.stop()));
    try {
      const refused = await employee.client.request(REPLY, {
        input: { threadId: question.id, body: 'Ask in /spaces/billing-questions, they know.' },
      });
      expect(refused.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      checks.unsubscribe();
      await standIn.close();
      await stack.startProcess('spaces');
    }
    expect((await customer.client.ok(THREAD, { id: question.id })).thread.replyCount).toBe(0);
  });
});
