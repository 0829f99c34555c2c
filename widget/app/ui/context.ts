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
  useEffect(() => chat.subscribe(() => setVersion((version) => version + 1)), [chat]);
  return chat.state;
}
