import { errorStatus } from '@chamados/core';
import { z } from 'zod';
import type { Route } from '../http/router.ts';

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorStatus) },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** `/api/tickets/:id` → `/api/tickets/{id}` and its path parameters. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:(\w+)/g, (_match, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function queryParameters(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

function operation(route: Route) {
  const doc = route.doc;
  if (!doc) return null;
  const { params } = openApiPath(route.path);
  const responses: Record<string, unknown> = {
    [doc.success.status]: {
      description: doc.success.description,
      content: { [doc.success.contentType ?? 'application/json']: {} },
    },
    400: errorResponse('Malformed JSON or invalid fields (details name them)'),
  };
  if (doc.access !== 'public') responses[401] = errorResponse('Not signed in');
  if (doc.access === 'staff' || doc.access === 'admin')
    responses[403] = errorResponse('Not allowed');
  if (params.length > 0) responses[404] = errorResponse('Not found, or not visible to the caller');
  if (doc.body) {
    responses[409] = errorResponse('Conflicts with the current state');
    responses[413] = errorResponse('Body over the route limit');
    responses[415] = errorResponse('Body is not application/json');
  }
  responses[500] = errorResponse('Unexpected failure; the body reveals nothing');

  return {
    summary: doc.summary,
    tags: [doc.tag],
    security: doc.access === 'public' ? [] : [{ session: [] }, { bearer: [] }],
    parameters: [
      ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(doc.query ? queryParameters(doc.query) : []),
    ],
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: z.toJSONSchema(doc.body, { io: 'input', unrepresentable: 'any' }),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the routes and the zod schemas they parse. */
export function openApiDocument(routes: Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const op = operation(route);
    if (!op) continue;
    const { path } = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: op };
  }
  paths['/api/auth/sign-in/email'] = {
    post: {
      summary: 'Sign in with email and password',
      tags: ['Auth'],
      description:
        'Sets the session cookie and returns the bearer token in the set-auth-token header. ' +
        'A wrong password and an unknown email answer the same 401; bursts answer 429.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['email', 'password'],
              properties: { email: { type: 'string' }, password: { type: 'string' } },
            },
          },
        },
      },
      responses: {
        200: { description: 'Signed in' },
        401: errorResponse('Invalid email or password'),
        429: errorResponse('Too many attempts; see Retry-After'),
      },
    },
  };
  paths['/api/auth/sign-out'] = {
    post: {
      summary: 'Sign out',
      tags: ['Auth'],
      responses: { 200: { description: 'Signed out' } },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Chamados API',
      version: '1',
      description: 'Every error answers {"error":{"code","message","details"?}}.',
    },
    paths,
    components: {
      schemas: { Error: errorBody },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'chamados.session_token' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}

export function openApiRoute(routes: () => Route[]): Route {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return {
    method: 'GET',
    path: '/api/openapi.json',
    async handler() {
      document ??= openApiDocument(routes());
      return { status: 200, body: document };
    },
  };
}
