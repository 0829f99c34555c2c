// Setup step 5: proves the bot can do its job in the group — opens a "Parley test" topic,
// posts in it, and removes it again (deleted, or closed when deleting is not allowed).
import type { Actor } from '../../actor';
import { writeAudit } from '../../audit/write-audit';
import type { TelegramGroupRequest, TestTopicResult } from '../../contracts/telegram';
import { db } from '../../db/client';
import { setupBot, setupProblem } from './setup-bot';

export const TEST_TOPIC_TITLE = 'Parley test';

async function removeTopic(
  telegram: Awaited<ReturnType<typeof setupBot>>['telegram'],
  chatId: number,
  threadId: number,
): Promise<'deleted' | 'closed' | 'kept'> {
  try {
    await telegram.deleteForumTopic(chatId, threadId);
    return 'deleted';
  } catch {
    try {
      await telegram.closeForumTopic(chatId, threadId);
      return 'closed';
    } catch {
      return 'kept';
    }
  }
}

export async function createTestTopic(
  input: TelegramGroupRequest,
  actor: Actor,
): Promise<TestTopicResult> {
  const { telegram } = await setupBot(input.botToken);
  let result: TestTopicResult;
  try {
    const topic = await telegram.createForumTopic(input.chatId, TEST_TOPIC_TITLE);
    const threadId = topic.message_thread_id;
    try {
      await telegram.sendMessage(
        input.chatId,
        '✅ Parley can open topics and post here. This test topic is removed right away.',
        { message_thread_id: threadId, disable_notification: true },
      );
    } catch (error) {
      await removeTopic(telegram, input.chatId, threadId);
      throw error;
    }
    result = {
      ok: true,
      title: TEST_TOPIC_TITLE,
      threadId,
      removed: await removeTopic(telegram, input.chatId, threadId),
    };
  } catch (error) {
    result = {
      ok: false,
      title: TEST_TOPIC_TITLE,
      ...setupProblem(error),
      fix: 'Run the group check again and fix what it shows (topics on, the bot an administrator with “Manage topics”).',
    };
  }
  await writeAudit(db(), actor, 'telegram.test_topic', null, {
    chatId: input.chatId,
    ok: result.ok,
  });
  return result;
}
