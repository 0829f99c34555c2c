// Departments in the admin console (DESIGN §12): the widget's picker, the inbox's filter and
// who is alerted first, each optionally with its own Telegram supergroup.
import { z } from 'zod';
import {
  adminDepartmentSchema,
  departmentTelegramCheckSchema,
} from '../../contracts/console-responses';
import {
  createDepartmentSchema,
  reorderDepartmentsSchema,
  updateDepartmentSchema,
} from '../../contracts/departments';
import { byId, defineRoute } from '../define-route';

const department = z.object({ department: adminDepartmentSchema });
const departments = z.object({ departments: z.array(adminDepartmentSchema) });
const tag = 'Admin: departments';

export const departmentRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/departments',
    summary: 'Every department, inactive ones too, in their order',
    tag,
    auth: 'admin',
    responses: { 200: departments },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/departments',
    summary: 'Create a department, placed after the others',
    description: 'Blank optional texts mean none; an unknown member id is a 400.',
    tag,
    auth: 'admin',
    body: createDepartmentSchema,
    responses: { 201: department },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/v1/admin/departments/{id}',
    summary: 'Change a department: only the fields sent',
    description:
      '`memberIds` replaces the members. Conversations that have a topic keep it; only new topics go to a changed supergroup.',
    tag,
    auth: 'admin',
    params: byId,
    body: updateDepartmentSchema,
    responses: { 200: department },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/admin/departments/{id}',
    summary: 'Delete a department; its conversations stay, without a department',
    tag,
    auth: 'admin',
    params: byId,
    responses: { 204: null },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/departments/order',
    summary: 'Reorder departments: the listed ones first, the rest after them',
    tag,
    auth: 'admin',
    body: reorderDepartmentsSchema,
    responses: { 200: departments },
    errors: ['not_found'],
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/departments/{id}/telegram-check',
    summary: 'Check the department’s Telegram supergroup (a forum the bot may manage)',
    description: 'Without a group of its own the main support group is checked.',
    tag,
    auth: 'admin',
    params: byId,
    responses: { 200: z.object({ check: departmentTelegramCheckSchema }) },
  }),
];
