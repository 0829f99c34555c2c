// The email chunk's calls to the customer API: the visitor's address, the transcript, and
// trading an email's reopen link for the conversation's token.
import type { CustomerConversation } from '../../../lib/contracts/dto';
import type { Chat } from '../chat';

async function call<T>(chat: Chat, path: string, method: string, body: unknown): Promise<T> {
  const session = chat.state.session;
  const response = await fetch(`${chat.host.options.base}/api/v1${path}`, {
    method,
    credentials: 'omit',
    headers: {
      'content-type': 'application/json',
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    throw Object.assign(new Error(answer?.error?.message ?? 'failed'), {
      code: (answer?.error?.code as string | undefined) ?? 'error',
    });
  }
  return answer as T;
}

/** Saves the address replies go to; the conversation event then updates the panel. */
export function saveAddress(chat: Chat, email: string): Promise<unknown> {
  return call(chat, `/conversations/${chat.state.session!.conversationId}`, 'PATCH', { email });
}

export function sendTranscript(chat: Chat, email?: string): Promise<{ email: string }> {
  const id = chat.state.session!.conversationId;
  return call(chat, `/conversations/${id}/transcript`, 'POST', email ? { email } : {});
}

/** The link from an email: this conversation, in this browser, open. */
export async function resumeConversation(chat: Chat, token: string): Promise<void> {
  try {
    const resumed = await call<{ conversation: CustomerConversation; token: string }>(
      chat,
      '/email/resume',
      'POST',
      { token },
    );
    const session = { conversationId: resumed.conversation.id, token: resumed.token };
    if (chat.state.session?.conversationId !== session.conversationId) {
      chat.sessions.drop(false);
      chat.sessions.adopt(session);
    }
  } catch {
    // An expired or revoked link: the widget stays as it was, open.
  }
  chat.setOpen(true);
}
