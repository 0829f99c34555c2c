// Which email card the panel shows, following the conversation: the address card while the
// visitor left none and may not be here for the answer (nobody is online, or they are
// leaving: the pointer heads out of the page, the tab goes to the background — watched by
// the app, which may have seen it before this chunk arrived), until they
// save one or say no; the transcript card once the conversation closed. A page opened from
// an email's link adopts its conversation first.
import type { Chat } from '../chat';
import type { Leaving } from '../email';
import { resumeConversation } from './requests';
import { AddressCard, declined, TranscriptCard } from './views';

const RESUME = /parley-resume=([\w.-]+)/;

export function startEmail(chat: Chat, leaving: Leaving): void {
  const token = RESUME.exec(location.hash)?.[1];
  if (token) {
    // The token stays out of the address bar, bookmarks and the site's analytics.
    history.replaceState(history.state, '', location.pathname + location.search);
    void resumeConversation(chat, token);
  }
  const follow = () => {
    const { conversation, cards, config } = chat.state;
    const closed = conversation?.status === 'closed';
    const shown = new Set(cards.map((card) => card.key));
    const unanswered = !!conversation && conversation.status.startsWith('open');
    const asks =
      !!config?.email &&
      unanswered &&
      !conversation.email &&
      !declined.has(conversation.id) &&
      (leaving.left || !config.online);
    // Once the address is saved the card stays to say where replies go, until the chat closes.
    if (asks && !shown.has('email')) {
      chat.showCard({ key: 'email', place: 'transcript', View: AddressCard });
    } else if ((closed || !conversation) && shown.has('email')) {
      chat.hideCard('email');
    }
    if (closed && config?.email && !shown.has('transcript')) {
      chat.showCard({ key: 'transcript', place: 'transcript', View: TranscriptCard });
    } else if (!closed && shown.has('transcript')) {
      chat.hideCard('transcript');
    }
  };
  leaving.on = follow;
  chat.subscribe(follow);
  follow();
}
