import { describe, expect, it } from 'vitest';
import { call } from '../../../../test/support/api-client.ts';
import { setupApiServer } from '../../../../test/support/api-server.ts';

const fixture = setupApiServer({ signInAsAdmin: false });

describe('GET /api/openapi.json', () => {
  it('describes every route, with the request schemas the handlers parse', async () => {
    const response = await call(fixture.server.baseUrl, '/api/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/auth/sign-in/email',
      '/api/auth/sign-out',
      '/api/categories',
      '/api/companies',
      '/api/enrollment-secrets',
      '/api/enrollment-secrets/{id}/revoke',
      '/api/events',
      '/api/health',
      '/api/machines',
      '/api/machines/heartbeat',
      '/api/machines/inventory',
      '/api/machines/me',
      '/api/machines/register',
      '/api/machines/sessions',
      '/api/machines/{id}',
      '/api/machines/{id}/revoke-token',
      '/api/queues',
      '/api/queues/{id}/members',
      '/api/sla-targets',
      '/api/tickets',
      '/api/tickets/{id}',
      '/api/tickets/{id}/comments',
      '/api/users',
    ]);

    const create = document.paths['/api/tickets']?.post as {
      requestBody: { content: { 'application/json': { schema: { properties: object } } } };
      responses: Record<string, unknown>;
    };
    const schema = create.requestBody.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['subject', 'description', 'priority']),
    );
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '413', '415']),
    );
    const list = document.paths['/api/tickets']?.get as { parameters: { name: string }[] };
    expect(list.parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['status', 'priority', 'q', 'sort', 'page', 'pageSize']),
    );
  });
});
