import {
  createCategory,
  createCategoryInput,
  createQueue,
  createQueueInput,
  listCategories,
  listQueues,
  listSlaTargets,
  queueMembersInput,
  setQueueMembers,
  updateSlaTargets,
  updateSlaTargetsInput,
} from '@chamados/core';
import { kib } from '../http/body.ts';
import { readJson, requireActor } from '../http/context.ts';
import type { Route } from '../http/router.ts';

const bodyLimit = 32 * kib;

export const helpdeskAdminRoutes: Route[] = [
  /** GET /api/queues – queues, with their members for staff. */
  {
    method: 'GET',
    path: '/api/queues',
    doc: {
      summary: 'List queues',
      tag: 'Queues',
      access: 'signed-in',
      success: { status: 200, description: '{ queues }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      return { status: 200, body: { queues: await listQueues(ctx.runtime.database.db, actor) } };
    },
  },
  /** POST /api/queues – create a queue (admins). */
  {
    method: 'POST',
    path: '/api/queues',
    doc: {
      summary: 'Create a queue',
      tag: 'Queues',
      access: 'admin',
      body: createQueueInput,
      success: { status: 201, description: '{ queue }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const input = await readJson(ctx, bodyLimit);
      const queue = await createQueue(ctx.runtime.database.db, actor, input);
      return { status: 201, body: { queue } };
    },
  },
  /** PUT /api/queues/:id/members – replace a queue's members (admins). */
  {
    method: 'PUT',
    path: '/api/queues/:id/members',
    doc: {
      summary: "Set a queue's members",
      tag: 'Queues',
      access: 'admin',
      body: queueMembersInput,
      success: { status: 200, description: '{ queue } with its members' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const input = await readJson(ctx, bodyLimit);
      const { db } = ctx.runtime.database;
      const queue = await setQueueMembers(db, actor, ctx.params.id ?? '', input);
      return { status: 200, body: { queue } };
    },
  },
  /** GET /api/categories – every category. */
  {
    method: 'GET',
    path: '/api/categories',
    doc: {
      summary: 'List categories',
      tag: 'Categories',
      access: 'signed-in',
      success: { status: 200, description: '{ categories }' },
    },
    async handler(ctx) {
      await requireActor(ctx);
      return { status: 200, body: { categories: await listCategories(ctx.runtime.database.db) } };
    },
  },
  /** POST /api/categories – create a category (admins). */
  {
    method: 'POST',
    path: '/api/categories',
    doc: {
      summary: 'Create a category',
      tag: 'Categories',
      access: 'admin',
      body: createCategoryInput,
      success: { status: 201, description: '{ category }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const input = await readJson(ctx, bodyLimit);
      const category = await createCategory(ctx.runtime.database.db, actor, input);
      return { status: 201, body: { category } };
    },
  },
  /** GET /api/sla-targets – first-response and resolution targets per priority. */
  {
    method: 'GET',
    path: '/api/sla-targets',
    doc: {
      summary: 'List SLA targets',
      tag: 'SLA',
      access: 'signed-in',
      success: { status: 200, description: '{ targets }' },
    },
    async handler(ctx) {
      await requireActor(ctx);
      return { status: 200, body: { targets: await listSlaTargets(ctx.runtime.database.db) } };
    },
  },
  /** PUT /api/sla-targets – change targets (admins); they apply to tickets from then on. */
  {
    method: 'PUT',
    path: '/api/sla-targets',
    doc: {
      summary: 'Change SLA targets',
      tag: 'SLA',
      access: 'admin',
      body: updateSlaTargetsInput,
      success: { status: 200, description: '{ targets }' },
    },
    async handler(ctx) {
      const actor = await requireActor(ctx);
      const input = await readJson(ctx, bodyLimit);
      const targets = await updateSlaTargets(ctx.runtime.database.db, actor, input);
      return { status: 200, body: { targets } };
    },
  },
];
