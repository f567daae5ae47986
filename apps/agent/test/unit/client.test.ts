import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  type HeartbeatRequest,
  type RegisterRequest,
  UnauthorizedError,
  UnreachableError,
} from '../../src/client.ts';
import { AgentError, exitCodes } from '../../src/errors.ts';

/**
 * A real HTTP server on a free local port stands in for the Chamados API: each test says what
 * it answers next and reads back the requests the client sent.
 */
interface Reply {
  status: number;
  body?: string;
}

interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let serverUrl: string;
let reply: Reply;
let received: ReceivedRequest[];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
});

beforeEach(() => {
  received = [];
  reply = { status: 200, body: '{}' };
});

const token = 'mt_0123456789abcdef';

const registerRequest: RegisterRequest = {
  enrollmentSecret: 'es_secret',
  hostname: 'recepcao-01',
  os: { name: 'Debian GNU/Linux', version: '12', arch: 'x64' },
  hardware: { machineId: '3d1219c7c4c5404aaa1f6d2a48adfda4', macs: [] },
  agentVersion: '0.1.0',
};

const heartbeatRequest: HeartbeatRequest = {
  metrics: {
    cpuPercent: 12.5,
    memory: { usedBytes: 1_000, totalBytes: 4_000 },
    disks: [{ mount: '/', usedBytes: 10, totalBytes: 100 }],
    uptimeSeconds: 3_600,
  },
  agentVersion: '0.1.0',
};

async function rejection(work: Promise<unknown>): Promise<AgentError> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AgentError);
  return error as AgentError;
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

describe('createClient', () => {
  describe('requests', () => {
    const calls: {
      call: string;
      send: (client: ReturnType<typeof createClient>) => Promise<unknown>;
      method: string;
      url: string;
      authorized: boolean;
      body: unknown;
    }[] = [
      {
        call: 'register',
        send: (client) => client.register(registerRequest),
        method: 'POST',
        url: '/api/machines/register',
        authorized: false,
        body: registerRequest,
      },
      {
        call: 'heartbeat',
        send: (client) => client.heartbeat(token, heartbeatRequest),
        method: 'POST',
        url: '/api/machines/heartbeat',
        authorized: true,
        body: heartbeatRequest,
      },
      {
        call: 'sendInventory',
        send: (client) => client.sendInventory(token, { hostname: 'recepcao-01' }),
        method: 'POST',
        url: '/api/machines/inventory',
        authorized: true,
        body: { inventory: { hostname: 'recepcao-01' } },
      },
      {
        call: 'openSession',
        send: (client) => client.openSession(token),
        method: 'POST',
        url: '/api/machines/sessions',
        authorized: true,
        body: {},
      },
      {
        call: 'me',
        send: (client) => client.me(token),
        method: 'GET',
        url: '/api/machines/me',
        authorized: true,
        body: undefined,
      },
    ];

    it.each(calls)('$call is $method $url', async ({ send, method, url, authorized, body }) => {
      await send(createClient(serverUrl));

      expect(received).toHaveLength(1);
      const [request] = received;
      expect(request?.method).toBe(method);
      expect(request?.url).toBe(url);
      expect(request?.headers.accept).toBe('application/json');
      expect(request?.headers.authorization).toBe(authorized ? `Bearer ${token}` : undefined);
      if (body === undefined) {
        expect(request?.headers['content-type']).toBeUndefined();
        expect(request?.body).toBe('');
      } else {
        expect(request?.headers['content-type']).toBe('application/json');
        expect(JSON.parse(request?.body ?? '')).toEqual(body);
      }
    });

    it('joins routes to a server address given with trailing slashes', async () => {
      await createClient(`${serverUrl}//`).me(token);

      expect(received.map((request) => request.url)).toEqual(['/api/machines/me']);
    });
  });

  it('returns the parsed body of a 200', async () => {
    const registration = {
      machineId: '0b6f6c1e-8f55-4d3a-9a43-6a1f3c2d9e10',
      machineToken: token,
      expiresAt: '2027-06-01T00:00:00.000Z',
      heartbeatIntervalSeconds: 60,
    };
    reply = { status: 200, body: JSON.stringify(registration) };

    expect(await createClient(serverUrl).register(registerRequest)).toEqual(registration);
  });

  const failures: {
    what: string;
    reply: Reply;
    type: typeof AgentError;
    exitCode: number;
    message: string;
  }[] = [
    {
      what: 'a 401 as UnauthorizedError',
      reply: { status: 401, body: errorBody('machine_unauthorized', 'Token expired') },
      type: UnauthorizedError,
      exitCode: exitCodes.unauthorized,
      message: 'The server refused: Token expired (machine_unauthorized)',
    },
    {
      what: 'a 500 as UnreachableError',
      reply: { status: 500, body: errorBody('internal', 'Something went wrong') },
      type: UnreachableError,
      exitCode: exitCodes.unreachable,
      message: 'The server answered 500: Something went wrong (internal)',
    },
    {
      what: 'a 502 without a JSON body as UnreachableError',
      reply: { status: 502, body: '<html>Bad Gateway</html>' },
      type: UnreachableError,
      exitCode: exitCodes.unreachable,
      message: 'The server answered 502: HTTP 502',
    },
    {
      what: 'a 429 as UnreachableError, to be tried later',
      reply: { status: 429, body: errorBody('rate_limited', 'Too many requests') },
      type: UnreachableError,
      exitCode: exitCodes.unreachable,
      message: 'The server answered 429: Too many requests (rate_limited)',
    },
    {
      what: "a 400 as an AgentError carrying the server's message",
      reply: { status: 400, body: errorBody('invalid_request', 'hostname is required') },
      type: AgentError,
      exitCode: exitCodes.failed,
      message: 'The server refused: hostname is required (invalid_request)',
    },
    {
      what: 'a 404 without a body as an AgentError naming the status',
      reply: { status: 404 },
      type: AgentError,
      exitCode: exitCodes.failed,
      message: 'The server refused: HTTP 404',
    },
    {
      what: 'an error without a code by its message alone',
      reply: { status: 403, body: JSON.stringify({ error: { message: 'Company is disabled' } }) },
      type: AgentError,
      exitCode: exitCodes.failed,
      message: 'The server refused: Company is disabled',
    },
  ];

  it.each(failures)('fails on $what', async ({ reply: answer, type, exitCode, message }) => {
    reply = answer;

    const error = await rejection(createClient(serverUrl).heartbeat(token, heartbeatRequest));

    expect(error).toBeInstanceOf(type);
    expect(error.constructor).toBe(type);
    expect(error.exitCode).toBe(exitCode);
    expect(error.message).toBe(message);
  });

  it('tells an unauthorized machine to enrol again', async () => {
    reply = { status: 401, body: errorBody('machine_unauthorized', 'Token revoked') };

    const error = await rejection(createClient(serverUrl).me(token));

    expect(error.name).toBe('UnauthorizedError');
    expect(error.hint).toBe(
      'Enrol the machine again: chamados-agent enroll --server URL --secret SECRET',
    );
  });

  it('fails with UnreachableError when the connection drops mid-answer', async () => {
    const dropping = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      // Headers and a first piece of the body reach the agent; the rest never comes.
      response.write('{"nextHeartbeatInSeconds":', () => response.socket?.destroy());
    });
    await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
    const address = `http://127.0.0.1:${(dropping.address() as AddressInfo).port}`;

    try {
      const error = await rejection(createClient(address).heartbeat(token, heartbeatRequest));

      expect(error).toBeInstanceOf(UnreachableError);
      expect(error.exitCode).toBe(exitCodes.unreachable);
      expect(error.message.startsWith(`Cannot reach ${address}: `)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => dropping.close(() => resolve()));
    }
  });

  it('fails with UnreachableError when nothing listens on the port', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const address = `http://127.0.0.1:${port}`;

    const error = await rejection(createClient(address).me(token));

    expect(error).toBeInstanceOf(UnreachableError);
    expect(error.exitCode).toBe(exitCodes.unreachable);
    expect(error.message).toBe(`Cannot reach ${address}: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(error.hint).toBe('Check the server address and the network.');
  });
});
