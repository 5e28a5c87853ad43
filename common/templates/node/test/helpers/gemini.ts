// A local stand-in for the Gemini API, reached by the real @google/genai SDK through GEMINI_BASE_URL.
// It answers `POST /v1beta/models/<model>:generateContent`, checks `x-goog-api-key`, records every call,
// and can be told to fail (any status) or to answer late.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GeminiCall {
  model: string;
  apiKey: string | undefined;
  body: { contents?: { parts?: { text?: string }[] }[]; systemInstruction?: unknown; [key: string]: unknown };
  /** Every text part the request carried, joined. */
  text: string;
}

type Behaviour = { kind: 'answer'; text: string } | { kind: 'fail'; status: number } | { kind: 'late'; delayMs: number; text: string };

export interface FakeGemini {
  url: string;
  apiKey: string;
  calls: GeminiCall[];
  answer(text: string): void;
  fail(status: number): void;
  late(delayMs: number, text?: string): void;
  /** Resolves when every late answer has been sent (or its caller hung up). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const ROUTE = /^\/v1beta\/models\/([^/:]+):generateContent(\?.*)?$/;

export async function startFakeGemini(apiKey: string): Promise<FakeGemini> {
  let behaviour: Behaviour = { kind: 'answer', text: 'Summary: fine.' };
  const calls: GeminiCall[] = [];
  const pending = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();

  const json = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const success = (text: string) => ({
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
    if (!match) return json(res, 404, { error: { code: 404, message: `no route ${req.method} ${req.url}`, status: 'NOT_FOUND' } });
    const header = req.headers['x-goog-api-key'];
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as GeminiCall['body'];
    const text = (body.contents ?? []).flatMap((c) => c.parts ?? []).map((p) => p.text ?? '').join('\n');
    calls.push({ model: decodeURIComponent(match[1]!), apiKey: typeof header === 'string' ? header : undefined, body, text });
    if (header !== apiKey) {
      return json(res, 400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } });
    }
    const now = behaviour;
    if (now.kind === 'fail') return json(res, now.status, { error: { code: now.status, message: 'the fake was told to fail', status: 'INTERNAL' } });
    if (now.kind === 'answer') return json(res, 200, success(now.text));
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        json(res, 200, success(now.text));
        resolve();
      }, now.delayMs);
      timers.add(timer);
      res.on('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve();
      });
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => json(res, 500, { error: { code: 500, message: 'the fake failed', status: 'INTERNAL' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    calls,
    answer: (text) => void (behaviour = { kind: 'answer', text }),
    fail: (status) => void (behaviour = { kind: 'fail', status }),
    late: (delayMs, text = 'Summary: late.') => void (behaviour = { kind: 'late', delayMs, text }),
    idle: async () => void (await Promise.all([...pending])),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
