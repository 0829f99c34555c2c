// Uploads against the real server: the size limit stops reading a body at the limit and
// answers 413 in the contract's shape while the server goes on answering, the widget's
// socket sends files, and the PostgreSQL and S3 storages serve what was uploaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Storage } from '../lib/attachments/storage/s3';
import { api, CustomerClient } from './customer-client';
import * as files from './files';
import { type LocalS3, startLocalS3 } from './s3';
import { type RunningServer, startServer } from './server';

const LIMIT = 1024 * 1024;

async function uploadBody(
  client: CustomerClient,
  body: BodyInit,
  headers: Record<string, string> = {},
) {
  const response = await fetch(
    `${client.base}/api/v1/conversations/${client.conversationId}/attachments`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, ...headers },
      body,
      duplex: 'half',
    } as RequestInit,
  );
  return { status: response.status, body: await response.json() };
}

/** A multipart body streamed in 64 KB chunks, counting how much the server pulled. */
function streamedUpload(totalBytes: number) {
  const boundary = 'parley-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const pulled = { bytes: 0 };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(head);
      if (sent >= totalBytes) {
        controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.length;
      pulled.bytes = sent;
    },
  });
  return { body, pulled, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('uploads on the real server (disk storage)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      env: {
        ATTACHMENT_MAX_BYTES: String(LIMIT),
        ATTACHMENT_QUOTA_FILES: '4',
        ATTACHMENT_QUOTA_BYTES: String(2.5 * LIMIT),
        RATE_LIMIT_UPLOADS_PER_MINUTE: '7',
      },
    });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('answers 413 too_large for a file over ATTACHMENT_MAX_BYTES and goes on answering', async () => {
    const client = await CustomerClient.start(server.url);
    const big = await uploadBody(
      client,
      files.multipart({ name: 'big.txt', bytes: Buffer.alloc(3 * LIMIT, 'a') }),
    );
    expect(big).toEqual({
      status: 413,
      body: { error: { code: 'too_large', message: 'The file is over the limit of 1 MB' } },
    });
    expect((await api(`${server.url}/healthz`)).status).toBe(200);
    const small = await client.upload({ name: 'ok.txt', bytes: Buffer.alloc(LIMIT, 'b') });
    expect(small.status).toBe(201);
    expect(small.body.attachment.size).toBe(LIMIT);
  });

  it('stops reading a chunked body without a length at the limit', async () => {
    const client = await CustomerClient.start(server.url);
    const upload = streamedUpload(200 * LIMIT);
    const answer = await uploadBody(client, upload.body, { 'content-type': upload.contentType });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('too_large');
    // The server gave up long before the 200 MB were sent.
    expect(upload.pulled.bytes).toBeLessThan(50 * LIMIT);
    expect((await api(`${server.url}/readyz`)).status).toBe(200);
  });

  it('keeps a conversation within its quota (bytes, then files) and its upload rate', async () => {
    const client = await CustomerClient.start(server.url);
    const megabyte = { name: 'mb.txt', bytes: Buffer.alloc(LIMIT, 'c') };
    const tiny = { name: 'tiny.txt', bytes: Buffer.from('tiny') };
    const statuses = [];
    for (const file of [megabyte, megabyte, megabyte, tiny, tiny, tiny]) {
      statuses.push((await client.upload(file)).status);
    }
    expect(statuses).toEqual([201, 201, 413, 201, 201, 413]);
    const overQuota = await client.upload(tiny);
    expect(overQuota.body).toEqual({
      error: { code: 'too_large', message: 'This conversation already has 4 files' },
    });
    const tooFast = await fetch(
      `${server.url}/api/v1/conversations/${client.conversationId}/attachments`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token}` },
        body: files.multipart(tiny),
      },
    );
    expect(tooFast.status).toBe(429);
    expect(Number(tooFast.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await tooFast.json()).error.code).toBe('rate_limited');
    // Another conversation is not held back by this one's quota or rate.
    const other = await CustomerClient.start(server.url);
    expect((await other.upload(tiny)).status).toBe(201);
  });

  it('sends files over the widget socket, and refuses another conversation’s upload', async () => {
    const client = await CustomerClient.start(server.url);
    await client.connect();
    const message = await client.sendFiles('Receipt attached', {
      name: 'receipt.pdf',
      bytes: files.pdf(),
    });
    expect(message.attachments.map((a) => a.name)).toEqual(['receipt.pdf']);
    const downloaded = await fetch(message.attachments[0]!.url);
    expect(downloaded.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(files.pdf())).toBe(true);

    const other = await CustomerClient.start(server.url);
    const { body } = await other.upload({ name: 'x.txt', bytes: Buffer.from('x') });
    const ack = await client.send('', undefined, [body.attachment.id]);
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    client.close();
  });
});

describe('uploads on the real server with PostgreSQL storage', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { ATTACHMENT_STORAGE: 'postgres' } });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('keeps the bytes in the database and serves them back', async () => {
    const client = await CustomerClient.start(server.url);
    const bytes = await files.png(300, 200);
    const { status, body } = await client.upload({ name: 'shot.png', bytes });
    expect(status).toBe(201);
    const postgres = (await import('postgres')).default(server.database.url!, { max: 1 });
    try {
      const rows = await postgres`select key, length(data) as size from attachment_blobs`;
      expect(rows.map((r) => r.key).sort()).toEqual(
        [
          `${client.conversationId}/${body.attachment.id}`,
          `${client.conversationId}/${body.attachment.id}.thumb`,
        ].sort(),
      );
    } finally {
      await postgres.end();
    }
    const served = Buffer.from(await (await fetch(body.attachment.url)).arrayBuffer());
    expect(served.length).toBe(body.attachment.size);
  });
});

describe('uploads on the real server with S3 storage', () => {
  let s3: LocalS3;
  let server: RunningServer;
  beforeAll(async () => {
    s3 = await startLocalS3();
    server = await startServer({ env: s3.env });
  });
  afterAll(async () => {
    await server?.dispose();
    await s3?.stop();
  });

  it('puts the bytes in the bucket and serves them back', async () => {
    const client = await CustomerClient.start(server.url);
    const { status, body } = await client.upload({ name: 'terms.pdf', bytes: files.pdf() });
    expect(status).toBe(201);
    const bucket = new S3Storage({
      endpoint: s3.endpoint,
      bucket: s3.bucket,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    const key = `${client.conversationId}/${body.attachment.id}`;
    expect((await bucket.read(key))?.equals(files.pdf())).toBe(true);
    const served = Buffer.from(await (await fetch(body.attachment.url)).arrayBuffer());
    expect(served.equals(files.pdf())).toBe(true);
  });
});
