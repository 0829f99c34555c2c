'use client';
// The inbox's live connection (`/agent`): pushes into the query cache, keeps the
// ephemeral state (who is online, viewing, typing) and raises attention for new work.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  AgentClientEvents,
  AgentServerEvents,
  InboxConversation,
  PresenceEntry,
  Viewer,
} from '@/lib/contracts/agent';
import type { InboxDepartment } from '@/lib/contracts/departments';
import { alertAgent, alertsNow, type DepartmentAttention } from './attention';
import { appendToTranscript, applyConversations, keys, replaceInTranscript } from './cache';

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

export interface LiveState {
  socket: AgentSocket | null;
  connected: boolean;
  presence: PresenceEntry[];
  viewers: Record<string, Viewer[]>;
  customerTyping: Record<string, boolean>;
}

const HEARTBEAT_MS = 60_000;
const COUNTS_DEBOUNCE_MS = 400;

export function useAgentSocket(
  meId: string,
  openConversationId: string | null,
  onOpen: (id: string) => void,
): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>({
    socket: null,
    connected: false,
    presence: [],
    viewers: {},
    customerTyping: {},
  });
  const openRef = useRef(openConversationId);
  openRef.current = openConversationId;
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  useEffect(() => {
    const socket: AgentSocket = io('/agent', {
      transports: ['websocket'],
      withCredentials: true,
      reconnectionDelayMax: 5000,
    });
    setState((s) => ({ ...s, socket }));
    let countsTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshCounts = () => {
      countsTimer ??= setTimeout(() => {
        countsTimer = undefined;
        void client.invalidateQueries({ queryKey: keys.counts });
      }, COUNTS_DEBOUNCE_MS);
    };
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
    // Unclaimed work this inbox has heard of, so a customer's message can be judged before
    // its conversation reaches the cache.
    const unclaimed = new Map<string, { departmentId: string | null; reminderLevel: number }>();
    const departmentAttention = (): DepartmentAttention | null => {
      const departments = client.getQueryData<InboxDepartment[]>(keys.departments);
      if (!departments) return null;
      return {
        myDepartmentIds: departments.filter((d) => d.isMember).map((d) => d.id),
        staffedDepartmentIds: departments.filter((d) => d.memberCount > 0).map((d) => d.id),
      };
    };
    const status = () => (document.visibilityState === 'visible' ? 'online' : 'away');

    socket.on('connect', () => {
      setState((s) => ({ ...s, connected: true }));
      socket.emit('presence', { status: status() });
      if (openRef.current) socket.emit('viewing', { conversationId: openRef.current });
      // Whatever happened while disconnected: read it again.
      void client.invalidateQueries({ queryKey: ['inbox'] });
    });
    socket.on('disconnect', async (reason) => {
      setState((s) => ({ ...s, connected: false, viewers: {}, customerTyping: {} }));
      if (reason !== 'io server disconnect') return; // socket.io reconnects by itself
      // The server let go on purpose: either this agent was disabled (the session is gone
      // too) or the server is restarting, and then we come back once it is up.
      const session = await fetch('/api/v1/agent/me').catch(() => null);
      if (session?.status === 401) window.location.assign('/login');
      else setTimeout(() => socket.connect(), 1000);
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') window.location.assign('/login');
    });

    socket.on('conversations', ({ conversations }) => {
      for (const c of conversations) {
        unclaimed.set(c.id, { departmentId: c.departmentId, reminderLevel: c.reminderLevel });
      }
      // Only recent work matters; an inbox left open for weeks need not remember it all.
      for (const id of unclaimed.keys()) {
        if (unclaimed.size <= 5000) break;
        unclaimed.delete(id);
      }
      applyConversations(client, meId, conversations);
      refreshCounts();
    });
    socket.on('conversation:started', ({ conversationId, codename, departmentId = null }) => {
      unclaimed.set(conversationId, { departmentId, reminderLevel: 0 });
      if (!alertsNow({ departmentId, reminderLevel: 0 }, departmentAttention())) return;
      alertAgent('New conversation', codename, () => onOpenRef.current(conversationId));
    });
    socket.on('message', (message) => {
      appendToTranscript(client, message.conversationId, { message });
      if (message.author !== 'customer') return;
      const conversation = client.getQueryData<InboxConversation>(
        keys.conversation(message.conversationId),
      );
      const assignee = conversation?.assignee?.id;
      const heard = unclaimed.get(message.conversationId);
      const work = conversation
        ? {
            departmentId: conversation.departmentId,
            reminderLevel: Math.max(conversation.reminderLevel, heard?.reminderLevel ?? 0),
          }
        : heard;
      const forMe = assignee ? assignee === meId : !work || alertsNow(work, departmentAttention());
      const looking =
        openRef.current === message.conversationId && document.visibilityState === 'visible';
      if (forMe && !looking) {
        alertAgent('New message', message.text, () => onOpenRef.current(message.conversationId));
      }
    });
    socket.on('message:updated', (message) => replaceInTranscript(client, message));
    socket.on('note', (note) => appendToTranscript(client, note.conversationId, { note }));
    socket.on('customer:seen', ({ conversationId, seq }) => {
      client.setQueryData<InboxConversation>(keys.conversation(conversationId), (old) =>
        old ? { ...old, customerSeenSeq: Math.max(old.customerSeenSeq, seq) } : old,
      );
    });
    socket.on('customer:typing', ({ conversationId, typing }) => {
      setState((s) => ({
        ...s,
        customerTyping: { ...s.customerTyping, [conversationId]: typing },
      }));
      clearTimeout(typingTimers.get(conversationId));
      // A customer who closes the tab mid-word never sends "stopped".
      if (typing) {
        typingTimers.set(
          conversationId,
          setTimeout(() => {
            setState((s) => ({
              ...s,
              customerTyping: { ...s.customerTyping, [conversationId]: false },
            }));
          }, 6000),
        );
      }
    });
    socket.on('viewers', ({ conversationId, viewers }) => {
      setState((s) => ({ ...s, viewers: { ...s.viewers, [conversationId]: viewers } }));
    });
    socket.on('presence', ({ agents }) => setState((s) => ({ ...s, presence: agents })));
    socket.on('reminder', ({ conversationId, text }) => {
      // From the first reminder on, the conversation is everyone's business.
      const known = unclaimed.get(conversationId);
      unclaimed.set(conversationId, {
        departmentId: known?.departmentId ?? null,
        reminderLevel: Math.max(1, known?.reminderLevel ?? 0),
      });
      alertAgent('Waiting for an agent', text, () => onOpenRef.current(conversationId));
    });
    socket.on('team', () => {
      void client.invalidateQueries({ queryKey: keys.team });
      void client.invalidateQueries({ queryKey: keys.me });
    });

    const onVisibility = () => socket.emit('presence', { status: status() });
    document.addEventListener('visibilitychange', onVisibility);
    const heartbeat = setInterval(() => {
      if (status() === 'online') socket.emit('presence', { status: 'online' });
    }, HEARTBEAT_MS);

    return () => {
      clearInterval(heartbeat);
      clearTimeout(countsTimer);
      for (const timer of typingTimers.values()) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      socket.close();
    };
  }, [client, meId]);

  useEffect(() => {
    if (state.socket?.connected)
      state.socket.emit('viewing', { conversationId: openConversationId });
  }, [state.socket, openConversationId]);

  return state;
}
