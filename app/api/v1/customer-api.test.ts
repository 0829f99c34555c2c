// The customer (widget) API through its route handlers: the contract of DESIGN §6.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceActor } from '@/lib/actor';
import type { ConversationHistoryResponse, StartConversationResponse } from '@/lib/contracts/dto';
import { blockConversation } from '@/lib/conversations/block-conversation';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { DEFAULT_TEMPLATES } from '@/lib/conversations/system-messages';
import { db } from '@/lib/db/client';
import { conversations, messages, settings } from '@/lib/db/schema';
import { invalidateSettingsCache } from '@/lib/settings/cache';
import { apiRequest, expectError, routeParams } from '@/test/api-requests';
import { createAgent, createDepartment, nextClientId } from '@/test/factories';
import * as messagesRoute from './conversations/[id]/messages/route';
import * as conversationRoute from './conversations/[id]/route';
import * as conversationsRoute from './conversations/route';
import * as widgetConfigRoute from './widget/config/route';

const SITE = 'https://shop.example';

const params = (id: string) => routeParams({ id });

// Settings a test writes (the pre-chat form above all) would hold for the tests after it.
afterEach(async () => {
  await db().delete(settings);
  invalidateSettingsCache();
});

const start = (body: unknown = {}, headers?: Record<string, string>) =>
  conversationsRoute.POST(apiRequest('POST', '/conversations', { body, headers }));

async function started(body: unknown = {}): Promise<StartConversationResponse> {
  const response = await start(body);
  expect(response.status).toBe(201);
  return response.json();
}

const getHistory = (id: string, token?: string, query = '') =>
  conversationRoute.GET(apiRequest('GET', `/conversations/${id}${query}`, { token }), params(id));

async function history(id: string, token: string, query = '') {
  const response = await getHistory(id, token, query);
  expect(response.status).toBe(200);
  return (await response.json()) as ConversationHistoryResponse;
}

const send = (id: string, token: string | undefined, body: unknown) =>
  messagesRoute.POST(
    apiRequest('POST', `/conversations/${id}/messages`, { token, body }),
    params(id),
  );

const rename = (id: string, token: string | undefined, body: unknown) =>
  conversationRoute.PATCH(apiRequest('PATCH', `/conversations/${id}`, { token, body }), params(id));

describe('GET /api/v1/widget/config', () => {
  it('answers the look, the active departments in order, the pre-chat form and the upload limits', async () => {
    await db()
      .insert(settings)
      .values([
        { key: 'widget', value: { title: 'Talk to Acme', teamName: 'Acme support' } },
        {
          key: 'preChatFields',
          value: {
            fields: [
              { id: 'email', label: 'Email', type: 'email', required: true },
              { id: 'topic', label: 'Topic', type: 'select', options: ['Sales', 'Support'] },
            ],
          },
        },
      ]);
    invalidateSettingsCache();
    const second = await createDepartment({ name: 'Billing', sortOrder: 2, icon: '💳' });
    const first = await createDepartment({ name: 'Sales', sortOrder: 1, description: 'Buy' });
    const hidden = await createDepartment({ sortOrder: 0, active: false });
    const response = await widgetConfigRoute.GET(apiRequest('GET', '/widget/config'));
    const config = await response.json();

    expect(response.status).toBe(200);
    expect(config).toEqual({
      title: 'Talk to Acme',
      subtitle: expect.any(String),
      color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      position: 'right',
      greeting: expect.any(String),
      locale: 'en',
      strings: {},
      teamName: 'Acme support',
      agents: expect.any(Array),
      online: expect.any(Boolean),
      // No working hours set: never "back at …".
      nextOpenAt: null,
      departments: expect.any(Array),
      preChatFields: [
        { id: 'email', label: 'Email', type: 'email', required: true },
        {
          id: 'topic',
          label: 'Topic',
          type: 'select',
          required: false,
          options: ['Sales', 'Support'],
        },
      ],
      // ATTACHMENT_MAX_BYTES unset: DESIGN §13's 10 MB.
      attachments: { maxBytes: 10 * 1024 * 1024, maxFiles: 10 },
      email: false,
    });
    const ours = [first.id, second.id, hidden.id];
    expect(config.departments.filter((d: { id: string }) => ours.includes(d.id))).toEqual([
      { id: first.id, name: 'Sales', description: 'Buy', icon: null, color: null, greeting: null },
      {
        id: second.id,
        name: 'Billing',
        description: null,
        icon: '💳',
        color: null,
        greeting: null,
      },
    ]);
  });

  it('shows online once an agent was active recently', async () => {
    await createAgent({ lastSeenAt: new Date() });
    const config = await (await widgetConfigRoute.GET(apiRequest('GET', '/widget/config'))).json();
    expect(config.online).toBe(true);
  });
});

describe('POST /api/v1/conversations', () => {
  it('starts a conversation and answers 201 with its token', async () => {
    const department = await createDepartment();
    const response = await start(
      {
        departmentId: department.id,
        name: 'Maria',
        fields: { email: 'maria@example.com', vip: true },
        visitorId: 'visitor-1',
        page: { url: 'https://shop.example/cart', title: 'Cart', referrer: '' },
        locale: 'en-GB',
      },
      { 'user-agent': 'Mozilla/5.0 (test)' },
    );
    const body = await response.json();

    expect(response.status).toBe(201);
    expect(body).toEqual({
      conversation: {
        id: expect.any(String),
        codename: expect.stringMatching(/^\w+ \w+ #[0-9A-F]{4}$/),
        status: 'open_unclaimed',
        name: 'Maria',
        departmentId: department.id,
        agent: null,
        email: null,
        createdAt: expect.any(String),
      },
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, body.conversation.id));
    expect(row).toMatchObject({
      fields: { email: 'maria@example.com', vip: true },
      visitorId: 'visitor-1',
      pageUrl: 'https://shop.example/cart',
      referrer: null,
      locale: 'en-GB',
      userAgent: 'Mozilla/5.0 (test)',
    });
    expect((await history(body.conversation.id, body.token)).conversation.name).toBe('Maria');
  });

  it('takes the visitor name from a pre-chat field with id name when none is given', async () => {
    const response = await start({ fields: { name: '  Kim   Lee ', plan: 'pro' } });
    const body = await response.json();

    expect(response.status).toBe(201);
    expect(body.conversation.name).toBe('Kim Lee');
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, body.conversation.id));
    expect(row).toMatchObject({ customerName: 'Kim Lee', fields: { plan: 'pro' } });
  });

  it('keeps an explicit name, and a name field that is no valid name as a field', async () => {
    const explicit = await (await start({ name: 'Maria', fields: { name: 'Kim' } })).json();
    const invalid = await (await start({ fields: { name: 'x' } })).json();

    expect(explicit.conversation.name).toBe('Maria');
    expect(invalid.conversation.name).toBeNull();
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, invalid.conversation.id));
    expect(row?.fields).toEqual({ name: 'x' });
  });

  it('answers CORS headers for a site origin, and the preflight with 204', async () => {
    const response = await start({}, { origin: SITE });
    const preflight = await conversationsRoute.OPTIONS(
      apiRequest('OPTIONS', '/conversations', {
        headers: { origin: SITE, 'access-control-request-method': 'POST' },
      }),
    );

    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(response.headers.get('vary')).toBe('Origin');
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('refuses a body that is not JSON with 400', async () => {
    await expectError(await start('{"name": "Maria"'), 400, 'invalid_request');
  });

  it.each([
    ['a name of the wrong type', { name: 42 }],
    ['an unknown key', { name: 'Maria', admin: true }],
    ['a department id that is no uuid', { departmentId: 'sales' }],
    ['a nested field value', { fields: { address: { city: 'Paris' } } }],
    ['an unknown page key', { page: { url: 'https://x.example', html: '<b>' } }],
    ['a locale that is no language tag', { locale: 'english please' }],
    ['a JSON array', []],
    ['a name with a link', { name: 'visit https://spam.example' }],
    ['a name with a bare domain', { name: 'cheap-pills.com' }],
    ['a one-character name', { name: 'M' }],
    ['a 33-character name', { name: 'M'.repeat(33) }],
  ])('refuses %s with 400', async (_, body) => {
    await expectError(await start(body), 400, 'invalid_request');
  });

  it('answers 404 for an unknown or inactive department', async () => {
    const inactive = await createDepartment({ active: false });
    const unknown = { departmentId: '00000000-0000-4000-8000-000000000000' };

    await expectError(await start(unknown), 404, 'not_found');
    await expectError(await start({ departmentId: inactive.id }), 404, 'not_found');
  });

  it('holds the pre-chat form: required answers, emails and select options', async () => {
    await db()
      .insert(settings)
      .values({
        key: 'preChatFields',
        value: {
          fields: [
            { id: 'name', label: 'Your name', type: 'text', required: true },
            { id: 'email', label: 'Email', type: 'email', required: true },
            { id: 'topic', label: 'Topic', type: 'select', options: ['Sales', 'Support'] },
            { id: 'terms', label: 'Terms', type: 'checkbox', required: true },
          ],
        },
      });
    invalidateSettingsCache();
    const answers = { email: 'kim@shop.example', topic: 'Sales', terms: true };

    const refusals = await Promise.all([
      start({ fields: answers }),
      start({ name: 'Kim', fields: { ...answers, email: '   ' } }),
      start({ name: 'Kim', fields: { ...answers, email: 'kim at shop' } }),
      start({ name: 'Kim', fields: { ...answers, topic: 'Jobs' } }),
      start({ name: 'Kim', fields: { ...answers, terms: false } }),
    ]);
    const messages = await Promise.all(refusals.map((r) => r.json()));

    expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(messages.map((body) => body.error.message)).toEqual([
      'Your name: this field is required',
      'Email: this field is required',
      'Email: expected an email address',
      'Topic: expected one of the listed options',
      'Terms: this box must be ticked',
    ]);
    const named = await started({ fields: { ...answers, name: 'Kim Lee' } });
    const untouched = await started({
      name: 'Ann',
      fields: { email: 'ann@x.example', terms: true },
    });
    expect(named.conversation.name).toBe('Kim Lee');
    expect(untouched.conversation.name).toBe('Ann');
  });
});

describe('GET /api/v1/conversations/:id', () => {
  it('answers the whole transcript, or the part after ?after=', async () => {
    const { conversation, token } = await started();
    for (const text of ['One', 'Two', 'Three']) {
      expect((await send(conversation.id, token, { text, clientId: nextClientId() })).status).toBe(
        201,
      );
    }
    const whole = await history(conversation.id, token);
    const tail = await history(conversation.id, token, '?after=2');

    expect(whole.conversation).toEqual(conversation);
    expect(whole.messages.map((m) => [m.seq, m.author, m.text])).toEqual([
      [1, 'customer', 'One'],
      [2, 'customer', 'Two'],
      [3, 'customer', 'Three'],
    ]);
    expect(tail.messages.map((m) => m.text)).toEqual(['Three']);
    expect(await history(conversation.id, token, '?after=3')).toMatchObject({ messages: [] });
    expect(whole).not.toHaveProperty('closedNote');
  });

  it('adds the closed note only once the conversation is closed', async () => {
    const { conversation, token } = await started();
    await closeConversation(conversation.id, serviceActor);
    const closed = await history(conversation.id, token);

    expect(closed.conversation.status).toBe('closed');
    expect(closed.closedNote).toBe(DEFAULT_TEMPLATES.closed_history_note.text);
    expect(closed.messages.at(-1)).toMatchObject({ author: 'system', seq: 1 });
  });

  it.each(['?after=-1', '?after=two', '?after=1.5'])('refuses %s with 400', async (query) => {
    const { conversation, token } = await started();
    await expectError(await getHistory(conversation.id, token, query), 400, 'invalid_request');
  });
});

describe('POST /api/v1/conversations/:id/messages', () => {
  it('answers 201 with the message, then 200 with the same message for the same clientId', async () => {
    const { conversation, token } = await started();
    const clientId = nextClientId();
    const first = await send(conversation.id, token, { text: 'Hello', clientId });
    const again = await send(conversation.id, token, { text: 'Hello', clientId });
    const firstBody = await first.json();

    expect(first.status).toBe(201);
    expect(firstBody).toEqual({
      message: {
        id: expect.any(String),
        conversationId: conversation.id,
        seq: 1,
        author: 'customer',
        text: 'Hello',
        clientId,
        attachments: [],
        createdAt: expect.any(String),
      },
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(firstBody);
    expect((await history(conversation.id, token)).messages).toHaveLength(1);
  });

  it('accepts 4000 characters and refuses 4001 with 413 too_large', async () => {
    const { conversation, token } = await started();
    const longest = await send(conversation.id, token, {
      text: 'a'.repeat(4000),
      clientId: nextClientId(),
    });
    const tooLong = await send(conversation.id, token, {
      text: 'a'.repeat(4001),
      clientId: nextClientId(),
    });

    expect(longest.status).toBe(201);
    await expectError(tooLong, 413, 'too_large');
  });

  it('refuses text that is only whitespace and control characters with 400', async () => {
    const { conversation, token } = await started();
    const body = { text: ' \r\n\t\u0000\u0007\u001b\u007f\u0085 ', clientId: nextClientId() };

    await expectError(await send(conversation.id, token, body), 400, 'invalid_request');
    expect((await history(conversation.id, token)).messages).toEqual([]);
  });

  it('stores CRLF as LF and drops control characters other than newline and tab', async () => {
    const { conversation, token } = await started();
    const text = '  Line one\r\nLine two\rLine\u0000 three\u0007\tend\u009b  ';
    const response = await send(conversation.id, token, { text, clientId: nextClientId() });
    const { message } = await response.json();

    expect(message.text).toBe('Line one\nLine two\nLine three\tend');
    const [row] = await db().select().from(messages).where(eq(messages.id, message.id));
    expect(row!.text).toBe('Line one\nLine two\nLine three\tend');
  });

  it.each([
    ['a missing clientId', { text: 'Hi' }],
    ['a clientId with spaces', { text: 'Hi', clientId: 'two words' }],
    ['text of the wrong type', { text: ['Hi'], clientId: 'c1' }],
    ['an unknown key', { text: 'Hi', clientId: 'c1', html: '<b>Hi</b>' }],
  ])('refuses %s with 400', async (_, body) => {
    const { conversation, token } = await started();
    await expectError(await send(conversation.id, token, body), 400, 'invalid_request');
  });

  it('refuses a body over 64 KB with 413', async () => {
    const { conversation, token } = await started();
    const body = JSON.stringify({ text: 'Hi', clientId: nextClientId(), pad: 'x'.repeat(70_000) });

    await expectError(await send(conversation.id, token, body), 413, 'too_large');
  });

  it('stops reading a body without Content-Length once it passes 64 KB', async () => {
    const { conversation, token } = await started();
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${'x'.repeat(16 * 1024)}",`);
    // A chunked upload that never ends, as a client may send it.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(pulled === 1 ? new TextEncoder().encode('[') : chunk);
      },
    });
    const request = new Request(
      `http://localhost:3000/api/v1/conversations/${conversation.id}/messages`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: endless,
        duplex: 'half',
      } as RequestInit,
    );

    await expectError(await messagesRoute.POST(request, params(conversation.id)), 413, 'too_large');
    expect(pulled).toBeLessThan(10);
  });

  it('revokes the token of a blocked conversation: its writes and reads get 401', async () => {
    const { conversation, token } = await started();
    await blockConversation(conversation.id, serviceActor);
    const response = await send(conversation.id, token, { text: 'Hi', clientId: nextClientId() });

    await expectError(response, 401, 'unauthorized');
    await expectError(await getHistory(conversation.id, token), 401, 'unauthorized');
  });
});

describe('PATCH /api/v1/conversations/:id', () => {
  it('renames the conversation and answers 200 with it', async () => {
    const { conversation, token } = await started();
    const response = await rename(conversation.id, token, { name: '  Maria \n Lopez ' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      conversation: { ...conversation, name: 'Maria Lopez' },
    });
    const [row] = await db()
      .select({ name: conversations.customerName })
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row!.name).toBe('Maria Lopez');
  });

  it('refuses a name with a link with 400, and a blocked conversation’s token with 401', async () => {
    const { conversation, token } = await started();
    await expectError(
      await rename(conversation.id, token, { name: 'www.spam' }),
      400,
      'invalid_request',
    );
    await blockConversation(conversation.id, serviceActor);
    await expectError(await rename(conversation.id, token, { name: 'Maria' }), 401, 'unauthorized');
  });
});
