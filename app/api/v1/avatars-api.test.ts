// Agents' profile photos through the route handlers: what an upload may be, what is kept of
// it (pixels only, a 256 px square), the public URL that names neither the agent nor their
// email, and where customers see it (the widget config, replies, the assignee).
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Profile } from '@/lib/contracts/agent';
import type {
  ConversationHistoryResponse,
  StartConversationResponse,
  WidgetConfig,
} from '@/lib/contracts/dto';
import { db } from '@/lib/db/client';
import { settings } from '@/lib/db/schema';
import { invalidateSettingsCache } from '@/lib/settings/cache';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError, routeParams } from '@/test/api-requests';
import { createAgent } from '@/test/factories';
import * as files from '@/test/files';
import * as agentMessagesRoute from './agent/conversations/[id]/messages/route';
import * as avatarRoute from './agent/me/avatar/route';
import * as meRoute from './agent/me/route';
import * as avatarFileRoute from './avatars/[file]/route';
import * as conversationRoute from './conversations/[id]/route';
import * as conversationsRoute from './conversations/route';
import * as widgetConfigRoute from './widget/config/route';

const AVATAR_URL = /^http:\/\/localhost:3000\/api\/v1\/avatars\/([0-9a-f]{32})\.webp$/;

function putAvatar(cookie: string, file: files.TestFile) {
  return avatarRoute.PUT(
    new Request('http://localhost:3000/api/v1/agent/me/avatar', {
      method: 'PUT',
      headers: { 'x-parley-client-ip': '203.0.113.7', cookie },
      body: files.multipart(file),
    }),
  );
}

async function setAvatar(cookie: string, file: files.TestFile): Promise<Profile> {
  const response = await putAvatar(cookie, file);
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.profile;
}

function fetchAvatar(url: string) {
  const file = new URL(url).pathname.split('/').pop()!;
  return avatarFileRoute.GET(apiRequest('GET', `/avatars/${file}`), routeParams({ file }));
}

async function widgetConfig(): Promise<WidgetConfig> {
  return (await widgetConfigRoute.GET(apiRequest('GET', '/widget/config'))).json();
}

describe('agent avatars', () => {
  it('keeps only the pixels of a photo, as a 256 px WebP square under a content hash', async () => {
    const agent = await createAgent({ name: 'Ann Example', email: 'ann@example.com' });
    const cookie = await sessionCookie(agent.id);
    const original = await files.jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const profile = await setAvatar(cookie, { name: 'me.jpg', bytes: original });
    expect(profile.avatarUrl).toMatch(AVATAR_URL);
    expect(profile.avatarUrl).not.toContain(agent.id);
    expect(profile.avatarUrl).not.toContain('ann');

    const response = await fetchAvatar(profile.avatarUrl!);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/webp',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'public, max-age=31536000, immutable',
      'cross-origin-resource-policy': 'cross-origin',
    });
    const stored = Buffer.from(await response.arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Parley Test Camera'))).toBe(false);

    const me = await meRoute.GET(apiRequest('GET', '/agent/me', { headers: { cookie } }));
    expect(((await me.json()) as { profile: Profile }).profile.avatarUrl).toBe(profile.avatarUrl);
  });

  it('refuses what is not a PNG, JPEG, GIF or WebP image, and keeps the photo there was', async () => {
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const before = await setAvatar(cookie, { name: 'a.png', bytes: await files.png() });
    const impostors: files.TestFile[] = [
      { name: 'face.svg', bytes: files.svg() },
      { name: 'face.png', bytes: files.html() },
      { name: 'face.png', bytes: files.windowsExecutable() },
      { name: 'face.pdf', bytes: files.pdf() },
      { name: 'face.txt', bytes: Buffer.from('just some text') },
    ];
    for (const file of impostors) {
      await expectError(await putAvatar(cookie, file), 415, 'unsupported_media_type');
    }
    await expectError(
      await putAvatar(cookie, { name: 'big.png', bytes: Buffer.alloc(6 * 1024 * 1024, 1) }),
      413,
      'too_large',
    );
    await expectError(
      await putAvatar(cookie, { name: 'broken.png', bytes: (await files.png()).subarray(0, 60) }),
      400,
      'invalid_request',
    );
    const me = await meRoute.GET(apiRequest('GET', '/agent/me', { headers: { cookie } }));
    expect(((await me.json()) as { profile: Profile }).profile.avatarUrl).toBe(before.avatarUrl);
    expect((await fetchAvatar(before.avatarUrl!)).status).toBe(200);
  });

  it('needs a signed-in agent; a replaced or removed photo is no longer served', async () => {
    await expectError(
      await avatarRoute.PUT(
        new Request('http://localhost:3000/api/v1/agent/me/avatar', { method: 'PUT' }),
      ),
      401,
      'unauthorized',
    );
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const first = await setAvatar(cookie, { name: 'a.png', bytes: await files.png() });
    const second = await setAvatar(cookie, { name: 'b.gif', bytes: await files.gif() });
    expect(second.avatarUrl).not.toBe(first.avatarUrl);
    await expectError(await fetchAvatar(first.avatarUrl!), 404, 'not_found');

    const removed = await avatarRoute.DELETE(
      apiRequest('DELETE', '/agent/me/avatar', { headers: { cookie } }),
    );
    expect(((await removed.json()) as { profile: Profile }).profile.avatarUrl).toBeNull();
    await expectError(await fetchAvatar(second.avatarUrl!), 404, 'not_found');
    await expectError(
      await avatarFileRoute.GET(
        apiRequest('GET', '/avatars/..%2Fsecret'),
        routeParams({ file: '../secret' }),
      ),
      400,
      'invalid_request',
    );
  });

  it('shows customers the faces of the team, of the agent replying and of the assignee', async () => {
    await db()
      .insert(settings)
      .values({ key: 'widget', value: { title: 'Talk to Acme' } });
    invalidateSettingsCache();
    const shown = await createAgent({ name: 'Bea Shown', email: 'bea@example.com' });
    const hidden = await createAgent({ name: 'Cy Hidden', shownInWidget: false });
    await createAgent({ name: 'Dee Disabled', active: false });
    const cookie = await sessionCookie(shown.id);
    const { avatarUrl } = await setAvatar(cookie, { name: 'b.webp', bytes: await files.webp() });
    await setAvatar(await sessionCookie(hidden.id), { name: 'c.png', bytes: await files.png() });

    const config = await widgetConfig();
    // No team name set: the title says who answers.
    expect(config.teamName).toBe('Talk to Acme');
    const names = config.agents.map((face) => face.name);
    expect(names).toContain('Bea Shown');
    expect(names).not.toContain('Cy Hidden');
    expect(names).not.toContain('Dee Disabled');
    expect(config.agents.find((face) => face.name === 'Bea Shown')).toEqual({
      name: 'Bea Shown',
      avatarUrl,
    });
    expect(JSON.stringify(config.agents)).not.toMatch(/@example\.com|[0-9a-f]{8}-[0-9a-f]{4}-/);

    // An agent who hides themselves leaves the list at once.
    const hide = await meRoute.PATCH(
      apiRequest('PATCH', '/agent/me', { headers: { cookie }, body: { shownInWidget: false } }),
    );
    expect(((await hide.json()) as { profile: Profile }).profile.shownInWidget).toBe(false);
    expect((await widgetConfig()).agents.map((face) => face.name)).not.toContain('Bea Shown');

    const started = (await (
      await conversationsRoute.POST(apiRequest('POST', '/conversations', { body: {} }))
    ).json()) as StartConversationResponse;
    const id = started.conversation.id;
    const reply = await agentMessagesRoute.POST(
      apiRequest('POST', `/agent/conversations/${id}/messages`, {
        headers: { cookie },
        body: { text: 'Hello from Bea' },
      }),
      routeParams({ id }),
    );
    expect(reply.status).toBe(201);
    expect((await reply.json()).message.agentAvatarUrl).toBe(avatarUrl);

    const history = (await (
      await conversationRoute.GET(
        apiRequest('GET', `/conversations/${id}`, { token: started.token }),
        routeParams({ id }),
      )
    ).json()) as ConversationHistoryResponse;
    expect(history.conversation.agent).toEqual({ name: 'Bea Shown', avatarUrl });
    const agentMessage = history.messages.find((message) => message.author === 'agent');
    expect(agentMessage?.agentAvatarUrl).toBe(avatarUrl);
    for (const message of history.messages.filter((m) => m.author !== 'agent')) {
      expect(message.agentAvatarUrl).toBeUndefined();
    }
  });
});
