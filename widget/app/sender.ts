// Sends the outbox one message at a time, so the server stores messages in the order they
// were typed: over the socket when it is live, else by POST. Transient failures wait with
// backoff (or `Retry-After`); refusals a retry cannot fix mark the message failed.
import type { Message } from '../../lib/contracts/dto';
import { type Api, asRequestError, isRejected, isTransient, RequestError } from './api';
import type { CustomerSocket } from './link';
import { backoff } from './link';
import type { Pending } from './outbox';

export interface Conversation {
  conversationId: string;
  token: string;
}

export interface SenderContext {
  api: Api;
  /** The next message to send, if any. */
  next(): Pending | undefined;
  /** The conversation to send into, started on the first message. */
  conversation(): Promise<Conversation>;
  /** The live socket, if there is or shortly will be one. */
  socket(): Promise<CustomerSocket | null>;
  /** Uploads the message's files (those not uploaded yet) and resolves to their ids. */
  upload(entry: Pending, conversation: Conversation): Promise<string[]>;
  sent(message: Message): void;
  failed(clientId: string, code: string): void;
  /** The server refused the conversation's token (or to start one). */
  rejected(clientId: string, code: string): void;
  unreachable(): void;
}

export class Sender {
  private running = false;
  private again = false;
  private failures = 0;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly context: SenderContext) {}

  /** Forgets the backoff: the visitor asked, or the network came back. */
  resetBackoff(): void {
    this.failures = 0;
  }

  async flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    clearTimeout(this.timer);
    const { context } = this;
    try {
      for (let next = context.next(); next; next = context.next()) {
        try {
          const message = await this.deliver(await context.conversation(), next);
          this.failures = 0;
          context.sent(message);
        } catch (error) {
          const failure = asRequestError(error);
          if (isRejected(failure.code)) {
            context.rejected(next.clientId, failure.code);
            break;
          }
          if (failure.code === 'rate_limited' || isTransient(failure)) {
            const wait = failure.retryAfter ? failure.retryAfter * 1000 : backoff(++this.failures);
            this.timer = setTimeout(() => void this.flush(), wait);
            if (failure.code === 'network') context.unreachable();
            break;
          }
          context.failed(next.clientId, failure.code);
        }
      }
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    }
  }

  private async deliver(conversation: Conversation, entry: Pending): Promise<Message> {
    const payload = {
      clientId: entry.clientId,
      text: entry.text,
      attachmentIds: entry.files && (await this.context.upload(entry, conversation)),
      replyToId: entry.replyTo?.id,
    };
    const socket = await this.context.socket();
    if (!socket) {
      return this.context.api
        .send(conversation.conversationId, conversation.token, payload)
        .then((response) => response.message);
    }
    return new Promise((resolve, reject) => {
      socket.emit('message:send', payload, (error, ack) => {
        if (error || !ack) reject(new RequestError(0, error ?? 'network', 'No acknowledgement'));
        else if (ack.ok) resolve(ack.message);
        else reject(new RequestError(0, ack.error.code, ack.error.message));
      });
    });
  }
}
