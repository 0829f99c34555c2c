// Departments in the admin console (DESIGN §12): what an admin may send, and what the
// console gets back. Shared by the admin API (validation) and the console (types).
import { z } from 'zod';
import { boundedString, lineString, uuidSchema as uuid, wideNumbers } from './fields';

export const departmentIdSchema = uuid;

/** Optional text an admin may clear: trimmed and cleaned, and blank means "none". */
const optionalText = (max: number, what: string) =>
  boundedString(max, what)
    .transform((value) => value || null)
    .nullable();

const nameSchema = lineString(60, 'Name').min(1, 'Name is required');

// An emoji, or a few letters such as "EU": it sits in a small badge.
const iconSchema = lineString(64, 'Icon')
  .refine((icon) => [...icon].length <= 8, 'Icon must be an emoji or at most 8 characters')
  .transform((value) => value || null)
  .nullable();

const colorSchema = z
  .string()
  .max(7, 'Colour must look like #rrggbb')
  .regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #rrggbb')
  .transform((color) => color.toLowerCase())
  .nullable();

/** A forum supergroup's id: Telegram gives them as negative numbers starting with -100. */
export const telegramChatIdSchema = z
  .number('Telegram group id must be a number such as -1001234567890')
  .int('Telegram group id must be a whole number')
  .max(-1, 'Telegram group id is negative (a supergroup id starts with -100)')
  .min(-9_999_999_999_999, 'Telegram group id is too long')
  .register(wideNumbers, { reason: 'Telegram ids are bigint' })
  .nullable();

const memberIdsSchema = z
  .array(uuid)
  .max(500, 'At most 500 members')
  .transform((ids) => [...new Set(ids)]);

const fields = {
  name: nameSchema,
  description: optionalText(200, 'Description'),
  icon: iconSchema,
  color: colorSchema,
  greeting: optionalText(500, 'Greeting'),
  active: z.boolean(),
  telegramChatId: telegramChatIdSchema,
  memberIds: memberIdsSchema,
};

export const createDepartmentSchema = z.strictObject({
  name: fields.name,
  description: fields.description.optional(),
  icon: fields.icon.optional(),
  color: fields.color.optional(),
  greeting: fields.greeting.optional(),
  active: fields.active.optional(),
  telegramChatId: fields.telegramChatId.optional(),
  memberIds: fields.memberIds.optional(),
});

/** A partial update: only the fields sent change. */
export const updateDepartmentSchema = z
  .strictObject({
    name: fields.name.optional(),
    description: fields.description.optional(),
    icon: fields.icon.optional(),
    color: fields.color.optional(),
    greeting: fields.greeting.optional(),
    active: fields.active.optional(),
    telegramChatId: fields.telegramChatId.optional(),
    memberIds: fields.memberIds.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change');

export const reorderDepartmentsSchema = z.strictObject({
  ids: z
    .array(uuid)
    .min(1, 'ids is empty')
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, 'ids lists a department twice'),
});

export type CreateDepartmentInput = z.output<typeof createDepartmentSchema>;
export type UpdateDepartmentInput = z.output<typeof updateDepartmentSchema>;
export type ReorderDepartmentsInput = z.output<typeof reorderDepartmentsSchema>;

/** A department as the console shows it. */
export interface AdminDepartment {
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  color: string | null;
  greeting: string | null;
  sortOrder: number;
  active: boolean;
  telegramChatId: number | null;
  memberIds: string[];
  openConversations: number;
  createdAt: string;
  updatedAt: string;
}

/** The outcome of checking a department's own Telegram supergroup. */
export interface DepartmentTelegramCheck {
  /** False when Telegram is off for this server: nothing could be checked. */
  enabled: boolean;
  ok: boolean;
  /** The chat that was checked (the department's own, or the main support chat). */
  chatId: number | null;
  usesMainChat: boolean;
  /** 'ok', or what is wrong. */
  state: string;
  fix?: string;
  botUsername?: string;
}

/** A department as the inbox sees it: for the filter and for whom new work alerts first. */
export interface InboxDepartment {
  id: string;
  name: string;
  active: boolean;
  memberCount: number;
  /** Whether the agent asking belongs to it. */
  isMember: boolean;
}
