// A customer's private chat: naming departments in `/start`, the name Parley takes from
// Telegram, what of a conversation reaches the chat, and first messages handled by two
// instances at once.
import { eq } from 'drizzle-orm';
import type { Message } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { conversations, messages } from '../db/schema';
import type { DomainEvent } from '../events/types';
import { createBot } from './api';
import { CustomerChats, matchDepartment, telegramCustomerName } from './customer-chat';
import { customerPosts } from './customer-mirror';

const departments = [
  { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: 'Sales' },
  { id: '16fd2706-8baf-433b-82eb-8c7fada847da', name: 'Billing desk' },
];

const event = (type: DomainEvent['type'], payload: unknown): DomainEvent =>
  ({
    id: 1,
    type,
    conversationId: departments[0]!.id,
    actor: 'customer',
    payload,
    createdAt: new Date(),
  }) as DomainEvent;

describe('Telegram customer chats', () => {
  it('finds the department a /start link names, by id or by name', () => {
    expect(matchDepartment(departments, 'sales')?.name).toBe('Sales');
    expect(matchDepartment(departments, 'Billing_desk')?.name).toBe('Billing desk');
    expect(matchDepartment(departments, 'billing-desk')?.name).toBe('Billing desk');
    expect(matchDepartment(departments, departments[1]!.id.toUpperCase())?.name).toBe(
      'Billing desk',
    );
    expect(matchDepartment(departments, 'support')).toBeUndefined();
  });

  it("takes the customer's Telegram name when it makes a valid name", () => {
    expect(telegramCustomerName({ first_name: 'Carla', last_name: 'Customer' })).toBe(
      'Carla Customer',
    );
    expect(telegramCustomerName({ first_name: 'A'.repeat(40) })).toBe('A'.repeat(32));
    expect(telegramCustomerName({ first_name: 'X' })).toBeNull();
  });

  it('sends the customer what the widget shows: replies, banners and bubbles, not reminders', () => {
    const message = (author: string) => ({
      message: { author, agentName: 'Ann', text: 'Hello', attachments: [{ id: 'f1' }] },
    });
    expect(customerPosts(event('message.posted', message('agent')))).toEqual([
      { text: 'Ann: Hello', attachmentIds: ['f1'] },
    ]);
    expect(customerPosts(event('message.posted', message('customer')))).toEqual([]);
    expect(customerPosts(event('message.posted', message('system')))).toEqual([]);
    const system = (notice: boolean, messageId: string | null) =>
      event('system_message.emitted', { text: 'Closed', notice, messageId, telegram: true });
    expect(customerPosts(system(true, null))).toEqual([{ text: 'Closed', attachmentIds: [] }]);
    expect(customerPosts(system(false, 'm1'))).toEqual([{ text: 'Closed', attachmentIds: [] }]);
    expect(customerPosts(system(false, null))).toEqual([]);
    expect(customerPosts(event('note.added', { note: { text: 'private' } }))).toEqual([]);
    // An agent's edit or deletion is told below the copy the chat keeps.
    expect(customerPosts(event('message.edited', message('agent')))).toEqual([
      { text: '✏️ Ann: Hello', attachmentIds: [] },
    ]);
    expect(customerPosts(event('message.deleted', message('agent')))).toEqual([
      { text: '🗑 Ann deleted a message.', attachmentIds: [] },
    ]);
    expect(customerPosts(event('message.edited', message('customer')))).toEqual([]);
  });

  it('keeps one conversation when two instances take the first messages of a chat at once', async () => {
    // Text needs no Bot API call; the client points at a closed port all the same.
    const { telegram } = createBot({ botToken: '1:unused', apiRoot: 'http://127.0.0.1:9' });
    const instances = [
      new CustomerChats(telegram, () => 'bot'),
      new CustomerChats(telegram, () => 'bot'),
    ];
    const chatId = 9_100_001;
    const from = { id: chatId, is_bot: false, first_name: 'Lea' };
    const line = (id: number, text: string) =>
      ({
        message_id: id,
        date: 1,
        chat: { id: chatId, type: 'private', first_name: 'Lea' },
        from,
        text,
      }) as Message;
    await Promise.all([
      instances[0]!.onMessage(line(1, 'Hello?')),
      instances[1]!.onMessage(line(2, 'Anyone there?')),
    ]);
    const started = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.customerTelegramChatId, chatId));
    expect(started).toHaveLength(1);
    const written = await db()
      .select({ text: messages.text })
      .from(messages)
      .where(eq(messages.conversationId, started[0]!.id));
    expect(written.map((m) => m.text).sort()).toEqual(['Anyone there?', 'Hello?']);
  });
});
