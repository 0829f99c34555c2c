// Health, readiness, the Telegram webhook and this document itself.
import { z } from 'zod';
import { readinessSchema } from '../../contracts/responses';
import { telegramUpdateSchema } from '../../contracts/telegram';
import { defineRoute } from '../define-route';

export const operationRoutes = [
  defineRoute({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process answers',
    tag: 'Operations',
    auth: 'none',
    responses: { 200: z.object({ status: z.literal('ok') }) },
  }),
  defineRoute({
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: database and migrations (503 when not ready); Telegram only degrades',
    tag: 'Operations',
    auth: 'none',
    responses: { 200: readinessSchema, 503: readinessSchema },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tag: 'Operations',
    auth: 'none',
    responses: {
      200: z
        .looseObject({
          openapi: z.literal('3.1.0'),
          info: z.looseObject({ title: z.string(), version: z.string() }),
          paths: z.record(z.string(), z.unknown()),
          components: z.record(z.string(), z.unknown()),
        })
        .describe('The OpenAPI 3.1 document: see https://spec.openapis.org/oas/v3.1.0'),
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/telegram/webhook',
    summary: 'Telegram Bot API updates (webhook mode)',
    description:
      'Only when TELEGRAM_WEBHOOK_SECRET is set (404 otherwise). An update that fails ' +
      'validation is acknowledged, so Telegram does not redeliver it forever.',
    tag: 'Telegram',
    auth: 'telegram',
    body: telegramUpdateSchema,
    responses: {
      200: z.object({ ok: z.literal(true), outcome: z.enum(['processed', 'duplicate', 'off']) }),
    },
    errors: ['not_found'],
  }),
];
