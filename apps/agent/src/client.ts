import { AgentError, exitCodes } from './errors.ts';
import { type HttpReply, httpRequest } from './http-request.ts';

/** Every call to the server gives up after this long; the service loop then backs off. */
const requestTimeoutMs = 30_000;

/** The server refused the machine's token (unknown, expired, revoked): enrol again. */
export class UnauthorizedError extends AgentError {
  constructor(message: string) {
    super(
      message,
      exitCodes.unauthorized,
      'Enrol the machine again: chamados-agent enroll --server URL --secret SECRET',
    );
    this.name = 'UnauthorizedError';
  }
}

/** The server could not be reached, or answered with a server-side failure: try later. */
export class UnreachableError extends AgentError {
  constructor(message: string) {
    super(message, exitCodes.unreachable, 'Check the server address and the network.');
    this.name = 'UnreachableError';
  }
}

export interface RegisterRequest {
  enrollmentSecret: string;
  companySlug?: string;
  hostname: string;
  os: { name: string; version: string; build?: string; arch: string };
  hardware: { systemUuid?: string; serial?: string; machineId?: string; macs: string[] };
  agentVersion: string;
  inventory?: object;
}

export interface Registration {
  machineId: string;
  machineToken: string;
  expiresAt: string;
  heartbeatIntervalSeconds: number;
}

export interface HeartbeatRequest {
  metrics: {
    cpuPercent: number;
    load?: number[];
    memory: { usedBytes: number; totalBytes: number };
    disks: { mount: string; usedBytes: number; totalBytes: number }[];
    uptimeSeconds: number;
  };
  loggedInUser?: string | null;
  agentVersion: string;
  inventoryHash?: string;
}

export interface HeartbeatReply {
  nextHeartbeatInSeconds: number;
  inventoryWanted: boolean;
}

export interface MachineSession {
  loginUrl: string;
  loginCode: string;
  loginCodeExpiresAt: string;
}

/** The server's view of this machine. */
export interface MachineView {
  id: string;
  hostname: string;
  company: { id: string; name: string };
  status: 'online' | 'offline' | 'never-seen';
  lastSeenAt: string | null;
  inventoryReceivedAt: string | null;
  inventoryHash: string | null;
  tokenExpiresAt: string;
}

/**
 * The machine API as the agent speaks it. Failures come back as typed errors: a 401 as
 * `UnauthorizedError`, no answer or a 5xx as `UnreachableError`, anything else (a 4xx that
 * means the agent sent something wrong) as a plain `AgentError` carrying the server's message.
 */
export function createClient(serverUrl: string) {
  const base = serverUrl.replace(/\/+$/, '');

  async function call<T>(method: string, route: string, token?: string, body?: unknown) {
    let response: HttpReply;
    try {
      response = await httpRequest(`${base}${route}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        timeoutMs: requestTimeoutMs,
      });
    } catch (error) {
      const detail =
        error instanceof Error
          ? error.message || (error as NodeJS.ErrnoException).code
          : String(error);
      throw new UnreachableError(`Cannot reach ${base}: ${detail}`);
    }
    const payload = parseJson(response.body);
    if (response.status >= 200 && response.status < 300) return payload as T;

    const message = errorMessageOf(payload) ?? `HTTP ${response.status}`;
    if (response.status === 401) throw new UnauthorizedError(`The server refused: ${message}`);
    if (response.status >= 500 || response.status === 429) {
      throw new UnreachableError(`The server answered ${response.status}: ${message}`);
    }
    throw new AgentError(`The server refused: ${message}`, exitCodes.failed);
  }

  return {
    register: (request: RegisterRequest) =>
      call<Registration>('POST', '/api/machines/register', undefined, request),
    heartbeat: (token: string, request: HeartbeatRequest) =>
      call<HeartbeatReply>('POST', '/api/machines/heartbeat', token, request),
    sendInventory: (token: string, inventory: object) =>
      call<{ hash: string }>('POST', '/api/machines/inventory', token, { inventory }),
    me: (token: string) => call<MachineView>('GET', '/api/machines/me', token),
    openSession: (token: string) =>
      call<MachineSession>('POST', '/api/machines/sessions', token, {}),
  };
}

export type AgentClient = ReturnType<typeof createClient>;

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorMessageOf(payload: unknown): string | undefined {
  if (!payload || typeof payload !== 'object' || !('error' in payload)) return undefined;
  const { error } = payload as { error?: { code?: unknown; message?: unknown } };
  if (typeof error?.message !== 'string') return undefined;
  return typeof error.code === 'string' ? `${error.message} (${error.code})` : error.message;
}
