// Types of bevatel-simulator (hand-written; the package has no build step).

/** A duration: a number of milliseconds, or the jar's form (`1s`, `250ms`, `PT1S`). */
export type Duration = number | string;

export interface Member {
  name: string;
  email: string;
  /** Its api_access_token (derived from the seed when omitted). */
  token?: string;
}

export interface AgentBotOption {
  name: string;
  token?: string;
  /** Where its events are posted (its outgoing_url). */
  url?: string;
  /** Or the built-in sink of that name. */
  sink?: string;
  /** It serves the API inbox: new conversations start pending, assigned to it. */
  servesApiInbox?: boolean;
}

export interface SimulatorOptions {
  /** The jar; default: $BEVATEL_SIMULATOR_JAR, else the one bundled in this package. */
  jar?: string;
  /** The java executable; default: $JAVA_HOME/bin/java, else `java` on the PATH. */
  java?: string;
  /** JVM options, before -jar. */
  javaOptions?: string[];
  /** Use the class-data archive next to the jar (bevatel-simulator.jsa) when there is one (default true). */
  classDataArchive?: boolean;
  /** Default 0: a free port. */
  port?: number;
  host?: string;
  seed?: number;
  accessToken?: string;
  startTime?: Date | string;
  clockStep?: Duration;
  /** The API inbox's webhook_url. */
  webhookUrl?: string;
  /** The API inbox's webhook_url is the built-in sink of that name. */
  webhookSink?: string;
  webhookTimeout?: Duration;
  webhookAttempts?: number;
  webhookBackoff?: Duration;
  journalCapacity?: number;
  messagesPerMinute?: number;
  inboxEvents?: boolean;
  agents?: Member[];
  administrators?: Member[];
  teams?: { name: string; members: string[] }[];
  agentBots?: AgentBotOption[];
  agentBotRetryWait?: Duration;
  keepPendingOnBotFailure?: boolean;
  /** A fixtures file (JSON or YAML), or the fixtures as an object (written to a temporary JSON file). */
  fixtures?: string | Record<string, unknown>;
  /** A state file: loaded at start when it exists, saved on stop. */
  state?: string;
  /** Every /_simulator/ route then needs it; this package sends it. */
  adminToken?: string;
  /** More flags, as they are. */
  args?: string[];
  /** The environment of the java process (default: this process's). */
  env?: Record<string, string | undefined>;
  /** How long to wait for the simulator to be ready (default 60 000 ms). */
  startTimeoutMs?: number;
}

export interface DeliveryFilter {
  event?: string;
  /** The conversation's display id. */
  conversationId?: number;
  /** `api_inbox:1`, `account_webhook:ID` or `agent_bot:ID`. */
  receiver?: string;
  status?: 'success' | 'failure';
  /** Only deliveries recorded after this id. */
  sinceId?: number;
  limit?: number;
  order?: 'asc' | 'desc';
  /** Headers, request body, payload and response body (default true). */
  bodies?: boolean;
}

/** One delivery attempt, as the admin API's journal shows it. */
export interface Delivery {
  id: number;
  event: string;
  url: string;
  receiver: { kind: 'account_webhook' | 'api_inbox' | 'agent_bot'; id: number };
  account_id: number;
  conversation_id: number | null;
  delivery_id: string;
  attempt: number;
  succeeded: boolean;
  response_status: number | null;
  failure: string | null;
  duration_ms: number;
  simulated_time: string;
  /** With bodies (the default here). */
  request_headers?: Record<string, string>;
  request_body?: string;
  payload?: any;
  response_body?: string | null;
}

export interface ReadyDocument {
  ready: true;
  version: string;
  base_url: string;
  host: string;
  port: number;
  access_token: string;
  account_id: number;
  api_inbox: { id: number; inbox_identifier: string };
  seed: number;
  clock: string;
  fixtures_file: string | null;
  state_file: string | null;
  admin_token_required: boolean;
  pid: number;
  admin_token?: string;
}

export interface FaultRule {
  method?: string;
  /** `*` within a segment, `**` across segments. */
  path?: string;
  status?: number;
  retry_after?: number;
  body?: unknown;
  drop?: boolean;
  delay_ms?: number;
  times?: number;
  probability?: number;
  seed?: number;
}

export interface Agent {
  reply(conversationId: number, content: string): Promise<any>;
  note(conversationId: number, content: string): Promise<any>;
  resolve(conversationId: number): Promise<any>;
  reopen(conversationId: number): Promise<any>;
  pending(conversationId: number): Promise<any>;
  snooze(conversationId: number, until?: Date | string): Promise<any>;
  assign(conversationId: number, assignee: string): Promise<any>;
  unassign(conversationId: number): Promise<any>;
  assignTeam(conversationId: number, team: string | null): Promise<any>;
  priority(conversationId: number, priority: 'urgent' | 'high' | 'medium' | 'low' | null): Promise<any>;
  labels(conversationId: number, labels: string[]): Promise<any>;
  typing(conversationId: number, typingStatus: 'on' | 'off'): Promise<any>;
  messageStatus(conversationId: number, messageId: number, status: string, externalError?: string): Promise<any>;
}

export declare class Simulator {
  readonly baseUrl: string;
  readonly port: number;
  readonly accessToken: string;
  readonly accountId: number;
  readonly apiInbox: { id: number; identifier: string };
  readonly pid: number;
  readonly version: string;
  /** The --ready-file document as the jar wrote it. */
  readonly ready: ReadyDocument;
  readonly adminToken?: string;

  reset(options?: { keep?: ('faults' | 'sinks')[] }): Promise<any>;
  deliveries(filter?: DeliveryFilter): Promise<Delivery[]>;
  /** Rejects with a DeliveryTimeoutError (its `deliveries`: what matched) after timeoutMs (default 10 000). */
  waitForDeliveries(filter?: DeliveryFilter & { count?: number }, timeoutMs?: number): Promise<Delivery[]>;
  waitForDelivery(filter?: DeliveryFilter, timeoutMs?: number): Promise<Delivery>;
  verifySignature(delivery: Delivery, secret: string): boolean;

  readonly faults: {
    inject(rule: FaultRule): Promise<any>;
    list(): Promise<any[]>;
    remove(id: number): Promise<any>;
    clear(): Promise<any>;
    log(options?: { sinceId?: number }): Promise<any[]>;
    clearLog(): Promise<any>;
  };
  readonly sinks: {
    url(name: string): string;
    set(name: string, answer: { status?: number; delayMs?: number }): Promise<any>;
    get(name: string): Promise<any>;
    list(): Promise<any[]>;
    reset(name: string): Promise<any>;
  };
  readonly clock: {
    now(): Promise<string>;
    /** Seconds, or an ISO-8601 duration (`PT1H`). */
    advance(by: number | string): Promise<string>;
    set(instant: Date | string): Promise<string>;
  };
  /** The dashboard's actions as a member (name or email; the administrator when omitted). */
  agent(nameOrEmail?: string): Agent;

  /** The API with the administrator's token (or `token`): the parsed JSON, or a SimulatorError. */
  api<T = any>(path: string, init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> }): Promise<T>;
  /** fetch() on the simulator with the administrator's api_access_token (or `token`); an object body is sent as JSON. */
  fetch(path: string, init?: Omit<RequestInit, 'body'> & { body?: unknown; token?: string }): Promise<Response>;
  /** The admin API: `/_simulator` + path. */
  admin<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  /** What the process printed lately. */
  output(): string;
  /** SIGTERM, then SIGKILL after graceMs (default 10 000); idempotent. */
  stop(options?: { graceMs?: number }): Promise<{ code: number | null; signal: string | null }>;
}

export declare function startSimulator(options?: SimulatorOptions): Promise<Simulator>;

export declare class SimulatorError extends Error {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The answer's JSON (its `error` is in the message), or its text. */
  readonly body: any;
}

export declare class DeliveryTimeoutError extends SimulatorError {
  readonly status: 408;
  /** What matched when the wait ended. */
  readonly deliveries: Delivery[];
}

export declare class SimulatorStartError extends Error {
  /** What the process printed (its reason on the last lines). */
  readonly output: string;
  readonly exitCode: number | null;
}

/** `sha256=` + hex HMAC-SHA256(secret, "<timestamp>.<body>"): Chatwoot's X-Chatwoot-Signature. */
export declare function signatureOf(secret: string, timestamp: string | number, body: string): string;
export declare function verifySignature(delivery: Delivery, secret: string): boolean;
