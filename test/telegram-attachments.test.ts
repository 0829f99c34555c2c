// Files both ways between the widget and the Telegram topic, through the fake Bot API: the
// real server in webhook mode, customers on the widget API, agents in the group.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../lib/contracts';
import { api, CustomerClient, eventually } from './customer-client';
import { createAgent } from './factories';
import * as files from './files';
import { TEST_SERVICE_TOKEN } from './server';
import {
  ann,
  botSays,
  customerWithTopic,
  delivered,
  fileDatabase,
  SUPPORT_CHAT,
  startTelegramStack,
  type TelegramStack,
  topicOf,
} from './telegram';

let stack: TelegramStack;

beforeAll(async () => {
  stack = await startTelegramStack({
    mode: 'webhook',
    database: fileDatabase(),
    env: { ATTACHMENT_MAX_BYTES: String(5 * 1024 * 1024) },
  });
});

afterAll(async () => {
  await stack?.dispose();
});

const withTopic = (name: string, first?: string) => customerWithTopic(stack, name, first);

const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
const mediaIn = (thread: number) =>
  stack.fake.botMessages(SUPPORT_CHAT, thread).filter((m) => m.media);

describe('customer files in the topic', () => {
  it('posts an image as a photo, uploaded by multipart with the stored bytes, captioned', async () => {
    const { customer, thread } = await withTopic('Pia');
    const uploadsBefore = stack.fake.world.uploads.length;
    const message = await customer.sendFiles('Is this broken?', {
      name: 'cable.jpg',
      bytes: await files.jpegWithGps(),
    });
    const [post] = await eventually(() => {
      const found = mediaIn(thread);
      return found.length ? found : undefined;
    }, 'the photo in the topic');
    expect(post!.media!.kind).toBe('photo');
    expect(post!.caption).toBe('👤 Pia:\nIs this broken?');
    // What Telegram got is exactly what Parley stored (the re-encoded image, no EXIF).
    const stored = await download(message.attachments[0]!.url);
    expect(post!.media!.file.bytes.equals(stored)).toBe(true);
    expect(stack.fake.world.uploads.length).toBe(uploadsBefore + 1);
    customer.close();
  });

  it('groups several images into an album and keeps texts around them in order', async () => {
    const { customer, thread } = await withTopic('Quinn');
    await customer.send('Here are the photos');
    await customer.sendFiles(
      '',
      { name: 'a.png', bytes: await files.png(40, 40, '#ff0000') },
      { name: 'b.png', bytes: await files.png(40, 40, '#00ff00') },
      { name: 'c.png', bytes: await files.png(40, 40, '#0000ff') },
    );
    await customer.sendFiles('and the receipt', { name: 'receipt.pdf', bytes: files.pdf() });
    await customer.send('Thanks!');
    await botSays(stack.fake, thread, 'Thanks!');

    const posts = stack.fake.botMessages(SUPPORT_CHAT, thread).slice(2); // header, hello
    expect(
      posts.map((m) => [m.media?.kind ?? 'text', m.caption ?? m.text, m.media_group_id ?? null]),
    ).toEqual([
      ['text', '👤 Quinn:\nHere are the photos', null],
      ['photo', '👤 Quinn:', expect.stringMatching(/^fake-group-/)],
      ['photo', '', posts[1]!.media_group_id],
      ['photo', '', posts[1]!.media_group_id],
      ['document', '👤 Quinn:\nand the receipt', null],
      ['text', '👤 Quinn:\nThanks!', null],
    ]);
    expect(posts[4]!.media!.file.bytes.equals(files.pdf())).toBe(true);
    expect(stack.fake.world.calls.filter((c) => c.method === 'sendMediaGroup').length).toBe(1);
    customer.close();
  });

  it('sends nothing again after a restart once it was sent', async () => {
    const { customer, thread } = await withTopic('Rae');
    await customer.sendFiles('', { name: 'one.pdf', bytes: files.pdf() });
    await eventually(() => mediaIn(thread).length === 1, 'the document in the topic');
    customer.close();
    const uploads = stack.fake.world.uploads.length;
    await stack.server.restart();
    const again = await CustomerClient.start(stack.server.url, { name: 'Sam' });
    await again.connect();
    await again.send('after the restart');
    const { codename } = (await again.history()).body.conversation;
    const topic = await topicOf(stack.fake, codename);
    await botSays(stack.fake, topic.thread_id, 'after the restart');
    expect(mediaIn(thread)).toHaveLength(1);
    expect(stack.fake.world.uploads.length).toBe(uploads);
    again.close();
  });
});

describe('a note’s files in the topic', () => {
  it('posts them as a note for the team; the customer gets nothing', async () => {
    const { customer, thread } = await withTopic('Vic');
    const agent = await createAgent({ name: 'Wren', email: 'wren@example.com' });
    const admin = `${stack.server.url}/api/v1/admin/conversations/${customer.conversationId}`;
    const uploaded = await fetch(`${admin}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_SERVICE_TOKEN}` },
      body: files.multipart({ name: 'call-log.pdf', bytes: files.pdf() }),
    });
    expect(uploaded.status).toBe(201);
    const { attachment } = (await uploaded.json()) as { attachment: { id: string } };
    const note = await api(`${admin}/notes`, {
      method: 'POST',
      token: TEST_SERVICE_TOKEN,
      body: { agentEmail: agent.email, text: 'From the call', attachmentIds: [attachment.id] },
    });
    expect(note.status).toBe(201);
    const [post] = await eventually(() => {
      const found = mediaIn(thread);
      return found.length ? found : undefined;
    }, 'the note’s file in the topic');
    expect(post!.media!.kind).toBe('document');
    expect(post!.caption).toBe('📝 Note by Wren: From the call');
    expect(post!.media!.file.bytes.equals(files.pdf())).toBe(true);
    expect(customer.received.some((m) => m.attachments.length > 0)).toBe(false);
    customer.close();
  });
});

describe('agent files from the topic', () => {
  it('a photo, a document and a voice note reach the customer as attachments', async () => {
    const { customer, thread } = await withTopic('Tess');
    const photo = await files.png(120, 80);
    await delivered(
      stack.fake.sendFile(ann, SUPPORT_CHAT, thread, {
        kind: 'photo',
        bytes: photo,
        caption: 'Like this one?',
        width: 120,
        height: 80,
      }),
    );
    const reply = await eventually(
      () => customer.received.find((m) => m.author === 'agent' && m.attachments.length),
      'the photo on the customer socket',
    );
    expect(reply).toMatchObject({ text: 'Like this one?', agentName: 'Ann Agent' });
    expect(reply.attachments[0]).toMatchObject({ type: 'image/png', width: 120, height: 80 });
    const received = await download(reply.attachments[0]!.url);
    expect(await sharp(received).metadata()).toMatchObject({ format: 'png', width: 120 });

    await delivered(
      stack.fake.sendFile(ann, SUPPORT_CHAT, thread, {
        kind: 'document',
        bytes: files.pdf(),
        name: 'manual.pdf',
        mimeType: 'application/pdf',
      }),
    );
    const document = await eventually(
      () => customer.received.find((m) => m.attachments[0]?.name === 'manual.pdf'),
      'the document on the customer socket',
    );
    expect(document.text).toBe('');
    expect((await download(document.attachments[0]!.url)).equals(files.pdf())).toBe(true);

    // Telegram voice notes are Ogg Opus; the fake keeps the bytes it is given.
    const ogg = Buffer.concat([
      Buffer.from('OggS'),
      Buffer.from([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
      Buffer.from([0, 0, 0, 0, 1, 19]),
      Buffer.from('OpusHead'),
      Buffer.alloc(11, 1),
    ]);
    await delivered(stack.fake.sendFile(ann, SUPPORT_CHAT, thread, { kind: 'voice', bytes: ogg }));
    const voice = await eventually(
      () => customer.received.find((m) => m.attachments[0]?.name.startsWith('voice-')),
      'the voice note on the customer socket',
    );
    expect(voice.attachments[0]!.type).toBe('audio/ogg');
    // Nothing comes back into the topic as a mirror of the agent's own files.
    expect(mediaIn(thread)).toHaveLength(0);
    customer.close();
  });

  it('refuses a file over the limit with a notice in the topic and sends the customer nothing', async () => {
    const { customer, thread } = await withTopic('Uma');
    await delivered(
      stack.fake.sendFile(ann, SUPPORT_CHAT, thread, {
        kind: 'video',
        bytes: Buffer.alloc(1024),
        name: 'screen.mp4',
        caption: 'Watch this',
        declaredSize: 25 * 1024 * 1024,
      }),
    );
    const notice = await botSays(stack.fake, thread, 'screen.mp4 is over 5 MB');
    expect(notice.text).toMatch(/^⚠️ Ann Agent: not sent — .*nothing was sent/);
    const { body } = await customer.history();
    expect(body.messages.filter((m: Message) => m.author === 'agent')).toEqual([]);
    customer.close();
  });
});
