// Zod schemas of the console's Telegram setup answers (`/api/v1/admin/telegram/…`), for the
// OpenAPI document; console-responses-telegram.test.ts checks each infers exactly the shape
// in telegram.ts and parses what the setup really returns against the fake Bot API.
import { z } from 'zod';
import { TELEGRAM_MODES } from './settings';

const chatId = z.number().int();

/** A check that failed: what is wrong, and what the admin can do about it. */
const problem = {
  problem: z.string(),
  fix: z.string().optional(),
};

export const telegramBotSchema = z
  .object({ id: z.number().int(), username: z.string(), name: z.string() })
  .meta({ id: 'TelegramBot' });

export const tokenCheckResultSchema = z.discriminatedUnion('ok', [
  z
    .object({ ok: z.literal(true), bot: telegramBotSchema })
    .meta({ id: 'TelegramTokenValid', description: 'getMe answered: the bot it belongs to' }),
  z.object({ ok: z.literal(false), ...problem }).meta({ id: 'TelegramTokenProblem' }),
]);

export const telegramGroupSchema = z
  .object({
    id: chatId,
    title: z.string(),
    type: z.enum(['group', 'supergroup']),
    isForum: z.boolean(),
  })
  .meta({ id: 'TelegramGroup' });

const groupsShape = {
  source: z
    .enum(['updates', 'running_bot'])
    .describe('updates: read with getUpdates; running_bot: what the running bot received'),
  groups: z.array(telegramGroupSchema),
};

export const groupsResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), ...groupsShape }).meta({ id: 'TelegramGroupsFound' }),
  z.object({ ok: z.literal(false), ...groupsShape, ...problem }).meta({
    id: 'TelegramGroupsProblem',
  }),
]);

export const setupStepSchema = z
  .object({
    id: z.enum(['token', 'group', 'forum', 'admin']),
    ok: z.boolean(),
    label: z.string().describe('What was checked, and when it failed, what is wrong'),
    problem: z.string().optional(),
    fix: z.string().optional(),
  })
  .meta({ id: 'TelegramSetupStep' });

export const groupCheckResultSchema = z
  .object({
    ok: z.boolean(),
    chat: z.object({ id: chatId, title: z.string(), isForum: z.boolean() }).nullable(),
    steps: z
      .array(setupStepSchema)
      .describe('In order; a step whose precondition failed is left out'),
  })
  .meta({ id: 'TelegramGroupCheck' });

export const testTopicResultSchema = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      title: z.string(),
      threadId: z.number().int(),
      removed: z.enum(['deleted', 'closed', 'kept']).describe('What became of the test topic'),
    })
    .meta({ id: 'TelegramTestTopicOpened' }),
  z
    .object({ ok: z.literal(false), title: z.string(), ...problem })
    .meta({ id: 'TelegramTestTopicProblem' }),
]);

export const secretViewSchema = z.object({ set: z.boolean(), last4: z.string().nullable() }).meta({
  id: 'SecretView',
  description: 'A write-only secret: whether it is set, never its value',
});

export const telegramStateSchema = z
  .object({
    source: z
      .enum(['env', 'database', 'off'])
      .describe('env: TELEGRAM_BOT_TOKEN is set and wins; database: saved in the console'),
    bot: z.object({ username: z.string(), name: z.string() }).nullable(),
    chat: z.object({ id: chatId, title: z.string().nullable() }).nullable(),
    mode: z.enum(TELEGRAM_MODES).nullable(),
    silent: z.boolean(),
    botToken: secretViewSchema,
    webhookSecret: secretViewSchema,
    health: z.object({
      status: z.enum(['off', 'ok', 'degraded']),
      state: z.string().describe('"off", "ok", or what is wrong'),
      fix: z.string().optional(),
      checkedAt: z.iso.datetime({ offset: true }),
    }),
    webhook: z
      .object({ url: z.string(), allowed: z.boolean(), reason: z.string().optional() })
      .describe('What webhook mode would register with Telegram, and whether it may'),
  })
  .meta({ id: 'TelegramState' });
