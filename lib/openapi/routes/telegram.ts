// The console's Telegram setup (DESIGN §12): check a token, detect the group, check it, open
// a test topic, save (effective without a restart) or disconnect. The checks answer 200 with
// `ok: false` and the fix when Telegram says no: only bad input is an error.
import { z } from 'zod';
import {
  groupCheckResultSchema,
  groupsResultSchema,
  telegramStateSchema,
  testTopicResultSchema,
  tokenCheckResultSchema,
} from '../../contracts/console-responses-telegram';
import {
  telegramGroupRequestSchema,
  telegramGroupsRequestSchema,
  telegramSaveSchema,
  telegramTokenCheckSchema,
} from '../../contracts/telegram';
import { defineRoute } from '../define-route';

const state = z.object({ telegram: telegramStateSchema });
const tag = 'Admin: Telegram';
const SAVED_TOKEN =
  'Without `botToken` the token in effect is used (saved, or from the environment); with none at all, a 400.';
const ENVIRONMENT_WINS =
  'While TELEGRAM_BOT_TOKEN is set in the environment, it wins and this is refused with 409.';

export const telegramRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/telegram',
    summary: 'Where Telegram’s configuration comes from, the bot, the group and its health',
    tag,
    auth: 'admin',
    responses: { 200: state },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/telegram/token',
    summary: 'Check a pasted bot token with getMe, without saving it',
    tag,
    auth: 'admin',
    body: telegramTokenCheckSchema,
    responses: { 200: tokenCheckResultSchema },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/telegram/groups',
    summary: 'The groups the bot was added to or written in',
    description: SAVED_TOKEN,
    tag,
    auth: 'admin',
    body: telegramGroupsRequestSchema,
    responses: { 200: groupsResultSchema },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/telegram/check',
    summary: 'Check a group: reachable, topics on, the bot may manage topics',
    description: SAVED_TOKEN,
    tag,
    auth: 'admin',
    body: telegramGroupRequestSchema,
    responses: { 200: groupCheckResultSchema },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/telegram/test-topic',
    summary: 'Open a test topic, post in it and remove it again',
    description: SAVED_TOKEN,
    tag,
    auth: 'admin',
    body: telegramGroupRequestSchema,
    responses: { 200: testTopicResultSchema },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/telegram',
    summary: 'Save the bot, the group and the mode; effective at once',
    description: `${SAVED_TOKEN} In production webhook mode needs an https PUBLIC_URL (otherwise a 400) and gets a generated secret. ${ENVIRONMENT_WINS}`,
    tag,
    auth: 'admin',
    body: telegramSaveSchema,
    responses: { 200: state },
    errors: ['conflict'],
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/admin/telegram',
    summary: 'Disconnect: forget the saved bot and group, so Telegram stops at once',
    description: `Topics already in the group stay there. ${ENVIRONMENT_WINS}`,
    tag,
    auth: 'admin',
    responses: { 200: state },
    errors: ['conflict'],
  }),
];
