// The console's response schemas infer exactly the shapes its services and handlers return
// (checked by the type checker, `npm run typecheck`), and take whole what those services
// really produce against this file's database and the fake Bot API: a field the schema
// lacks, a wrong type or a Date where a string belongs fails here.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { FAKE_TOKEN, FakeTelegram } from '../../e2e/fake-telegram/fake-telegram';
import { createAgent, createConversation, nextClientId } from '../../test/factories';
import { serviceActor } from '../actor';
import { deleteAgent } from '../agents/delete-agent';
import { getInviteLink, reissueInvite } from '../agents/invites';
import { listTeam } from '../agents/list-team';
import { setAgentDepartments } from '../agents/set-agent-departments';
import { addAgent, resetAgentPassword, updateAgent } from '../agents/team';
import { addNote } from '../conversations/add-note';
import { countConversations } from '../conversations/count-conversations';
import { bulkDeleteConversations } from '../conversations/delete-conversations';
import { exportConversationJson } from '../conversations/export-conversation';
import { postAgentMessage } from '../conversations/post-agent-message';
import { postCustomerMessage } from '../conversations/post-customer-message';
import type { Template } from '../conversations/system-messages';
import { database } from '../db/client';
import { checkDepartmentTelegram } from '../departments/check-department-telegram';
import { createDepartment } from '../departments/create-department';
import { listDepartments } from '../departments/list-departments';
import { reorderDepartments } from '../departments/reorder-departments';
import { updateDepartment } from '../departments/update-department';
import { getWorkingHoursStatus } from '../settings/get-working-hours-status';
import { getTemplateCatalog, type TemplateCatalog } from '../settings/message-templates';
import { getAllSettings, updateSettings } from '../settings/update-settings';
import { TelegramManager } from '../telegram/manager';
import { checkBotToken } from '../telegram/setup/check-bot-token';
import { checkGroup } from '../telegram/setup/check-group';
import { createTestTopic } from '../telegram/setup/create-test-topic';
import { detectGroups } from '../telegram/setup/detect-groups';
import { disconnectTelegram } from '../telegram/setup/disconnect-telegram';
import { getTelegramState } from '../telegram/setup/get-telegram-state';
import { saveTelegram } from '../telegram/setup/save-telegram';
import {
  createVisitorBlock,
  liftVisitorBlock,
  listVisitorBlocks,
} from '../visitors/visitor-blocks';
import type { ConversationExport, VisitorBlock } from './admin';
import * as c from './console-responses';
import * as t from './console-responses-telegram';
import type { AdminDepartment, DepartmentTelegramCheck } from './departments';
import { adminSettingsSchema, inviteLinkSchema, teamAgentSchema } from './responses';
import type { SecretView, WorkingHoursStatus } from './settings';
import type {
  BotDto,
  GroupCheckResult,
  GroupDto,
  GroupsResult,
  SetupStepDto,
  TelegramStateDto,
  TestTopicResult,
  TokenCheckResult,
} from './telegram';

type Out<S extends z.ZodType> = z.output<S>;
type Returned<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

// Read when the environment is first loaded, which happens in the tests below.
const fake = new FakeTelegram();
await fake.start();
process.env.TELEGRAM_API_ROOT = fake.url;

afterAll(async () => {
  await fake.stop();
});

/** The handler sends the value as JSON: the schema must take all of it, and nothing else. */
function expectDocumented(schema: z.ZodType, value: unknown): void {
  const sent = JSON.parse(JSON.stringify(value));
  const result = schema.safeParse(sent);
  expect(result.error?.issues ?? []).toEqual([]);
  expect(result.data).toEqual(sent);
}

describe('console response schemas', () => {
  it('infer the shapes the services and handlers return', () => {
    expectTypeOf<Out<typeof c.addedAgentSchema>>().toEqualTypeOf<Returned<typeof addAgent>>();
    // Spelled as intersections on the code's side: `branded` compares them property by property.
    expectTypeOf<Out<typeof c.pendingInviteSchema>>().branded.toEqualTypeOf<
      Returned<typeof getInviteLink>
    >();
    expectTypeOf<Out<typeof c.deletedAgentSchema>>().branded.toEqualTypeOf<
      { deleted: true } & Returned<typeof deleteAgent>
    >();
    expectTypeOf<Out<typeof c.adminDepartmentSchema>>().toEqualTypeOf<AdminDepartment>();
    expectTypeOf<
      Out<typeof c.departmentTelegramCheckSchema>
    >().toEqualTypeOf<DepartmentTelegramCheck>();
    expectTypeOf<Out<typeof c.visitorBlockSchema>>().toEqualTypeOf<VisitorBlock>();
    expectTypeOf<Out<typeof c.conversationCountSchema>>().toEqualTypeOf<{
      count: Returned<typeof countConversations>;
    }>();
    expectTypeOf<Out<typeof c.bulkDeleteResultSchema>>().toEqualTypeOf<
      Returned<typeof bulkDeleteConversations>
    >();
    expectTypeOf<
      Out<typeof c.conversationExportSchema>
    >().branded.toEqualTypeOf<ConversationExport>();
    expectTypeOf<Out<typeof c.workingHoursStatusSchema>>().toEqualTypeOf<WorkingHoursStatus>();
    expectTypeOf<Out<typeof c.builtInTemplateSchema>>().toEqualTypeOf<Template>();
    expectTypeOf<Out<typeof c.templateCatalogSchema>>().toEqualTypeOf<TemplateCatalog>();
  });

  it('infer the Telegram setup’s shapes', () => {
    expectTypeOf<Out<typeof t.telegramBotSchema>>().toEqualTypeOf<BotDto>();
    expectTypeOf<Out<typeof t.tokenCheckResultSchema>>().branded.toEqualTypeOf<TokenCheckResult>();
    expectTypeOf<Out<typeof t.telegramGroupSchema>>().toEqualTypeOf<GroupDto>();
    expectTypeOf<Out<typeof t.groupsResultSchema>>().branded.toEqualTypeOf<GroupsResult>();
    expectTypeOf<Out<typeof t.setupStepSchema>>().toEqualTypeOf<SetupStepDto>();
    expectTypeOf<Out<typeof t.groupCheckResultSchema>>().toEqualTypeOf<GroupCheckResult>();
    expectTypeOf<Out<typeof t.testTopicResultSchema>>().branded.toEqualTypeOf<TestTopicResult>();
    expectTypeOf<Out<typeof t.secretViewSchema>>().toEqualTypeOf<SecretView>();
    expectTypeOf<Out<typeof t.telegramStateSchema>>().toEqualTypeOf<TelegramStateDto>();
  });
});

describe('what the console’s services return fits its schema', () => {
  it('the team: added, listed, invited, reset, moved, changed and deleted agents', async () => {
    const department = await createDepartment({ name: 'Team schemas' }, serviceActor);
    const invited = await addAgent(
      { name: 'Ines', email: 'ines@example.com', role: 'agent', departmentIds: [department.id] },
      serviceActor,
    );
    expect(invited.invite).not.toBeNull();
    expectDocumented(c.addedAgentSchema, invited);
    const withPassword = await addAgent(
      { name: 'Paul', email: 'paul@example.com', role: 'admin', password: 'a long password 1' },
      serviceActor,
    );
    expect(withPassword.invite).toBeNull();
    expectDocumented(c.addedAgentSchema, withPassword);

    const id = invited.agent.id;
    expectDocumented(c.pendingInviteSchema, await getInviteLink(id));
    expectDocumented(inviteLinkSchema, await reissueInvite(id, serviceActor));
    const reset = await resetAgentPassword(id, undefined, serviceActor);
    expectDocumented(inviteLinkSchema, reset.invite);
    expectDocumented(teamAgentSchema, await setAgentDepartments(id, [], serviceActor));
    expectDocumented(teamAgentSchema, await updateAgent(id, { name: 'Inès' }, serviceActor));
    for (const agent of await listTeam()) expectDocumented(teamAgentSchema, agent);

    const { conversation } = await createConversation();
    await postAgentMessage(conversation.id, id, 'I have it', serviceActor);
    const deleted = { deleted: true, ...(await deleteAgent(id, serviceActor)) };
    expect(deleted.unassignedConversations).toBe(1);
    expectDocumented(c.deletedAgentSchema, deleted);
  });

  it('departments: created, changed, reordered, listed and checked with Telegram off', async () => {
    const member = await createAgent();
    const full = await createDepartment(
      {
        name: 'Billing',
        description: 'Invoices',
        icon: '💳',
        color: '#aabbcc',
        greeting: 'Billing here',
        telegramChatId: -1001234500001,
        memberIds: [member.id],
      },
      serviceActor,
    );
    const bare = await createDepartment({ name: 'Bare' }, serviceActor);
    await createConversation({ departmentId: full.id });
    expectDocumented(c.adminDepartmentSchema, full);
    expectDocumented(c.adminDepartmentSchema, bare);
    expectDocumented(
      c.adminDepartmentSchema,
      await updateDepartment(full.id, { description: null, active: false }, serviceActor),
    );
    for (const department of await reorderDepartments({ ids: [bare.id] }, serviceActor)) {
      expectDocumented(c.adminDepartmentSchema, department);
    }
    const listed = await listDepartments();
    expect(listed.find((d) => d.id === full.id)?.openConversations).toBe(1);
    for (const department of listed) expectDocumented(c.adminDepartmentSchema, department);

    const off = await checkDepartmentTelegram(full.id);
    expect(off).toMatchObject({ enabled: false, usesMainChat: false });
    expectDocumented(c.departmentTelegramCheckSchema, off);
    // What a presenter never sends is refused: a Date instead of its ISO string.
    expect(c.adminDepartmentSchema.safeParse({ ...full, createdAt: new Date() }).success).toBe(
      false,
    );
  });

  it('visitor blocks: for a while, from a conversation until lifted, and lifted', async () => {
    const timed = await createVisitorBlock(
      { visitorId: 'visitor-schema-1', durationSeconds: 3600, reason: 'Spam' },
      serviceActor,
    );
    const { conversation } = await createConversation({ visitorId: 'visitor-schema-2' });
    const untilLifted = await createVisitorBlock({ conversationId: conversation.id }, serviceActor);
    expect(untilLifted.expiresAt).toBeNull();
    for (const block of [timed, untilLifted, ...(await listVisitorBlocks())]) {
      expectDocumented(c.visitorBlockSchema, block);
    }
    expectDocumented(c.visitorBlockSchema, await liftVisitorBlock(timed.id, serviceActor));
  });

  it('conversations: the JSON export, the count and bulk delete', async () => {
    const agent = await createAgent({ name: 'Exporter' });
    const { conversation } = await createConversation({ name: 'Ada', fields: { plan: 'pro' } });
    await postCustomerMessage(conversation.id, { text: 'Hello', clientId: nextClientId() });
    await postAgentMessage(conversation.id, agent.id, 'Hi Ada', serviceActor);
    await addNote(conversation.id, agent.id, 'Pro customer', serviceActor);
    const { body } = await exportConversationJson(conversation.id);
    expect(body.messages).toHaveLength(2);
    expect(body.audit.length).toBeGreaterThan(0);
    expectDocumented(c.conversationExportSchema, body);

    const count = await countConversations({ status: 'all' });
    expect(count).toBeGreaterThan(0);
    expectDocumented(c.conversationCountSchema, { count });
    const deleted = await bulkDeleteConversations({ ids: [conversation.id] }, serviceActor);
    expect(deleted).toEqual({ deleted: 1 });
    expectDocumented(c.bulkDeleteResultSchema, deleted);
  });

  it('settings: the working-hours status and the template catalog', async () => {
    expectDocumented(c.workingHoursStatusSchema, await getWorkingHoursStatus());
    await updateSettings(
      { workingHours: { enabled: true, holidays: ['2026-12-25'] } },
      serviceActor,
    );
    const holiday = await getWorkingHoursStatus(new Date('2026-12-25T12:00:00Z'));
    expect(holiday.reason).toBe('holiday');
    expectDocumented(c.workingHoursStatusSchema, holiday);
    expectDocumented(c.templateCatalogSchema, await getTemplateCatalog());
  });

  it('settings: every key as the admin API shows it, with the Telegram secrets masked', async () => {
    await updateSettings(
      {
        telegram: { botToken: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi', supportChatId: -1001 },
      },
      serviceActor,
    );
    const all = await getAllSettings();
    expect(all.telegram.botToken).toEqual({ set: true, last4: 'fghi' });
    expectDocumented(adminSettingsSchema, all);
  });
});

describe('what the Telegram setup returns fits its schema', () => {
  const GROUP = -1009876500001;
  const ann = { id: 5001, first_name: 'Ann' };
  let manager: TelegramManager;

  beforeAll(async () => {
    manager = new TelegramManager(database());
    await manager.start();
  });

  afterAll(async () => {
    await manager.stop();
  });

  it('each step, its problems included, and the state from off to saved and back', async () => {
    expectDocumented(t.telegramStateSchema, await getTelegramState());

    const valid = await checkBotToken({ botToken: FAKE_TOKEN });
    const rejected = await checkBotToken({ botToken: '123456:not-the-right-token' });
    expect([valid.ok, rejected.ok]).toEqual([true, false]);
    expectDocumented(t.tokenCheckResultSchema, valid);
    expectDocumented(t.tokenCheckResultSchema, rejected);

    fake.addBotToGroup(ann, { id: GROUP, title: 'Schema support' });
    fake.write(ann, GROUP, null, '/start');
    const found = await detectGroups({ botToken: FAKE_TOKEN });
    expect(found.groups.map((g) => g.id)).toEqual([GROUP]);
    const unreadable = await detectGroups({ botToken: '123456:not-the-right-token' });
    expect(unreadable.ok).toBe(false);
    expectDocumented(t.groupsResultSchema, found);
    expectDocumented(t.groupsResultSchema, unreadable);

    const notReady = await checkGroup({ botToken: FAKE_TOKEN, chatId: GROUP });
    expect(notReady.steps.some((step) => step.fix)).toBe(true);
    expectDocumented(t.groupCheckResultSchema, notReady);
    const refused = await createTestTopic({ botToken: FAKE_TOKEN, chatId: GROUP }, serviceActor);
    expect(refused.ok).toBe(false);
    expectDocumented(t.testTopicResultSchema, refused);

    fake.changeGroup(GROUP, {
      is_forum: true,
      botStatus: 'administrator',
      botCanManageTopics: true,
    });
    const ready = await checkGroup({ botToken: FAKE_TOKEN, chatId: GROUP });
    expect(ready.ok).toBe(true);
    expectDocumented(t.groupCheckResultSchema, ready);
    const opened = await createTestTopic({ botToken: FAKE_TOKEN, chatId: GROUP }, serviceActor);
    expect(opened).toMatchObject({ ok: true, removed: 'deleted' });
    expectDocumented(t.testTopicResultSchema, opened);

    const saved = await saveTelegram(
      { botToken: FAKE_TOKEN, supportChatId: GROUP, mode: 'polling' },
      serviceActor,
    );
    expect(saved).toMatchObject({ source: 'database', health: { status: 'ok' } });
    expectDocumented(t.telegramStateSchema, saved);
    const department = await createDepartment({ name: 'Checked in Telegram' }, serviceActor);
    const checked = await checkDepartmentTelegram(department.id);
    expect(checked).toMatchObject({ enabled: true, ok: true, usesMainChat: true });
    expectDocumented(c.departmentTelegramCheckSchema, checked);

    const disconnected = await disconnectTelegram(serviceActor);
    expect(disconnected.source).toBe('off');
    expectDocumented(t.telegramStateSchema, disconnected);
  });
});
