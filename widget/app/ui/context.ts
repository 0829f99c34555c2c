// Hands the Chat to every component without threading it through props.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Chat, ChatState } from '../chat';

export const ChatContext = createContext<Chat | null>(null);

export function useChat(): Chat {
  return useContext(ChatContext)!;
}

/** Re-renders the component whenever the chat's state changes. */
export function useChatState(): ChatState {
  const chat = useChat();
  const [, setVersion] = useState(0);
  const rendered = chat.state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the state of the first render matters
  useEffect(() => {
    const unsubscribe = chat.subscribe(() => setVersion((version) => version + 1));
    // Effects run after paint: a change made before that (the app's first commands, a
    // preview's config) would otherwise never be rendered.
    if (chat.state !== rendered) setVersion((version) => version + 1);
    return unsubscribe;
  }, [chat]);
  return chat.state;
}
