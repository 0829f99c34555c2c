// A scripted widget: the customer API over fetch and the /customer namespace over
// socket.io-client, as the real widget uses them.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
  Attachment,
  ConversationHistoryResponse,
  Message,
  StartConversationResponse,
} from '../lib/contracts';
import { multipart, type TestFile } from './files';
import { TEST_SERVICE_TOKEN } from './server';

export async function api<T = unknown>(
  url: string,
  init: Omit<RequestInit, 'body'> & { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let body = init.body as BodyInit | undefined;
  if (init.body !== undefined && typeof init.body !== 'string') {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.body);
  }
  const response = await fetch(url, { ...init, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as T,
    headers: response.headers,
  };
}

export const admin = <T = unknown>(base: string, pathname: string, body?: unknown) =>
  api<T>(`${base}/api/v1/admin${pathname}`, {
    method: body === undefined ? 'GET' : 'POST',
    token: TEST_SERVICE_TOKEN,
    body,
  });

export class CustomerClient {
  readonly received: Message[] = [];
  /** Messages edited or deleted after they were received (`message:updated`). */
  readonly updated: Message[] = [];
  socket?: Socket;

  private constructor(
    readonly base: string,
    readonly conversationId: string,
    readonly token: string,
  ) {}

  static async start(base: string, body: Record<string, unknown> = {}): Promise<CustomerClient> {
    const { status, body: started } = await api<StartConversationResponse>(
      `${base}/api/v1/conversations`,
      { method: 'POST', body },
    );
    if (status !== 201) throw new Error(`start failed with ${status}: ${JSON.stringify(started)}`);
    return new CustomerClient(base, started.conversation.id, started.token);
  }

  /**
   * Connects the socket; resolves once the namespace accepted it. `selfSigned` accepts a
   * test certificate (a TLS proxy in front of the server).
   */
  async connect(options: { reconnection?: boolean; selfSigned?: boolean } = {}): Promise<Socket> {
    const socket = io(`${this.base}/customer`, {
      auth: { token: this.token },
      transports: ['websocket'],
      rejectUnauthorized: !options.selfSigned,
      reconnection: options.reconnection ?? true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    socket.on('message', (message: Message) => this.received.push(message));
    socket.on('message:updated', (message: Message) => this.updated.push(message));
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  async send(
    text: string,
    clientId: string = randomUUID(),
    attachmentIds?: string[],
    replyToId?: string,
  ) {
    if (!this.socket) throw new Error('not connected');
    return this.socket.emitWithAck('message:send', { clientId, text, attachmentIds, replyToId });
  }

  /** Uploads a file as the widget does (multipart, one `file` field). */
  async upload(file: TestFile): Promise<{ status: number; body: { attachment: Attachment } }> {
    const response = await fetch(
      `${this.base}/api/v1/conversations/${this.conversationId}/attachments`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}` },
        body: multipart(file),
      },
    );
    return { status: response.status, body: await response.json() };
  }

  /** Uploads the files and sends them with `text` over the socket; returns the message. */
  async sendFiles(text: string, ...uploads: TestFile[]): Promise<Message> {
    const ids: string[] = [];
    for (const file of uploads) {
      const { status, body } = await this.upload(file);
      if (status !== 201) throw new Error(`upload failed with ${status}: ${JSON.stringify(body)}`);
      ids.push(body.attachment.id);
    }
    const ack = await this.send(text, randomUUID(), ids);
    if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack)}`);
    return ack.message;
  }

  history(after?: number) {
    const query = after === undefined ? '' : `?after=${after}`;
    return api<ConversationHistoryResponse>(
      `${this.base}/api/v1/conversations/${this.conversationId}${query}`,
      { token: this.token },
    );
  }

  close(): void {
    this.socket?.close();
  }
}

type Falsy = undefined | false | null | 0 | '';

/** Waits until `check` holds (it may be async), polling; throws with `what` after the timeout. */
export async function eventually<T>(
  check: () => T | Falsy | Promise<T | Falsy>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
