// The response schemas infer exactly the DTO interfaces the code is written against, so the
// OpenAPI document built from them cannot drift from what the handlers send. These checks
// run in the type checker (`npm run typecheck`); the runtime cases parse real values.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Readiness } from '../health';
import type { TemplateView } from '../settings/message-templates';
import type {
  CannedResponse,
  Department,
  InboxConversation,
  InboxCounts,
  InboxPage,
  InviteLink,
  Profile,
  SessionAgent,
  TeamAgent,
  TranscriptPage,
} from './agent';
import type {
  AgentConversation,
  AgentSummary,
  Attachment,
  ConversationHistoryResponse,
  CustomerConversation,
  Message,
  Note,
  PreChatField,
  StartConversationResponse,
  UploadAttachmentResponse,
  WidgetConfig,
} from './dto';
import * as r from './responses';
import type { AdminSettings } from './settings';

type Out<S extends z.ZodType> = z.output<S>;

describe('response schemas', () => {
  it('infer the DTO types', () => {
    expectTypeOf<Out<typeof r.messageSchema>>().toEqualTypeOf<Message>();
    expectTypeOf<Out<typeof r.customerConversationSchema>>().toEqualTypeOf<CustomerConversation>();
    expectTypeOf<Out<typeof r.noteSchema>>().toEqualTypeOf<Note>();
    expectTypeOf<Out<typeof r.attachmentSchema>>().toEqualTypeOf<Attachment>();
    expectTypeOf<
      Out<typeof r.uploadAttachmentResponseSchema>
    >().toEqualTypeOf<UploadAttachmentResponse>();
    expectTypeOf<Out<typeof r.agentSummarySchema>>().toEqualTypeOf<AgentSummary>();
    expectTypeOf<Out<typeof r.agentConversationSchema>>().toEqualTypeOf<AgentConversation>();
    expectTypeOf<Out<typeof r.inboxConversationSchema>>().toEqualTypeOf<InboxConversation>();
    expectTypeOf<Out<typeof r.preChatFieldSchema>>().toEqualTypeOf<PreChatField>();
    expectTypeOf<Out<typeof r.widgetConfigSchema>>().toEqualTypeOf<WidgetConfig>();
    expectTypeOf<
      Out<typeof r.startConversationResponseSchema>
    >().toEqualTypeOf<StartConversationResponse>();
    expectTypeOf<
      Out<typeof r.conversationHistorySchema>
    >().toEqualTypeOf<ConversationHistoryResponse>();
    expectTypeOf<Out<typeof r.sessionAgentSchema>>().toEqualTypeOf<SessionAgent>();
    expectTypeOf<Out<typeof r.profileViewSchema>>().toEqualTypeOf<Profile>();
    expectTypeOf<Out<typeof r.teamAgentSchema>>().toEqualTypeOf<TeamAgent>();
    expectTypeOf<Out<typeof r.inviteLinkSchema>>().toEqualTypeOf<InviteLink>();
    expectTypeOf<Out<typeof r.inboxPageSchema>>().toEqualTypeOf<InboxPage>();
    // InboxCounts is spelled as an intersection: assignability both ways is the check.
    expectTypeOf<Out<typeof r.inboxCountsSchema>>().toExtend<InboxCounts>();
    expectTypeOf<InboxCounts>().toExtend<Out<typeof r.inboxCountsSchema>>();
    expectTypeOf<Out<typeof r.transcriptPageSchema>>().toEqualTypeOf<TranscriptPage>();
    expectTypeOf<Out<typeof r.cannedResponseViewSchema>>().toEqualTypeOf<CannedResponse>();
    expectTypeOf<Out<typeof r.departmentSchema>>().toEqualTypeOf<Department>();
    expectTypeOf<Out<typeof r.templateViewSchema>>().toEqualTypeOf<TemplateView>();
    // Both sides come from the same settings schemas; the mapped AllSettings type only
    // differs in how TypeScript spells it, so assignability both ways is the check.
    expectTypeOf<Out<typeof r.adminSettingsSchema>>().toExtend<AdminSettings>();
    expectTypeOf<AdminSettings>().toExtend<Out<typeof r.adminSettingsSchema>>();
    expectTypeOf<Out<typeof r.readinessSchema>>().toEqualTypeOf<Readiness>();
  });

  it('accept what a presenter sends and refuse what it never would', () => {
    const message: Message = {
      id: '00000000-0000-4000-8000-000000000001',
      conversationId: '00000000-0000-4000-8000-000000000002',
      seq: 1,
      author: 'customer',
      text: 'Hello',
      attachments: [
        {
          id: '00000000-0000-4000-8000-000000000003',
          name: 'photo.png',
          type: 'image/png',
          size: 1234,
          width: 640,
          height: 480,
          url: '/api/v1/conversations/00000000-0000-4000-8000-000000000002/attachments/00000000-0000-4000-8000-000000000003?sig=x',
        },
      ],
      createdAt: new Date().toISOString(),
    };
    expect(r.messageSchema.parse(message)).toEqual(message);
    expect(r.messageSchema.safeParse({ ...message, author: 'robot' }).success).toBe(false);
    expect(r.messageSchema.safeParse({ ...message, attachments: undefined }).success).toBe(false);
  });
});
