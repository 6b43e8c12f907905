/**
 * A throwaway stand-in for the real server (docs/http-api.md), used only while developing the web UIs
 * (`DAOBAN_E2E_MOCK=1`). It serves web-widget/dist and answers with fixed data in the same shapes as
 * the real API; the end-to-end tests run against the real `startServer`.
 */
import express from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { Answer } from '../../bot/types.ts';

interface MockMessage {
  messageId?: number;
  role: 'citizen' | 'assistant' | 'staff' | 'system';
  text: string;
  at: string;
  answer?: Answer;
  caseNumber?: string;
}

const card: NonNullable<Answer['card']> = {
  id: 'QYKB-006',
  name: '食品经营许可',
  department: '行政审批服务局',
  zone: '企业开办',
  floor: 1,
  area: '一楼东区',
  window: 'A05-A06',
  kind: '承诺件',
  legalDays: 20,
  promisedDays: 5,
  commitment: true,
  visits: 1,
  online: '网上预审',
  onlineUrl: 'https://example.gov.cn/apply',
  fee: '不收费',
  hours: '周一至周五 9:00-17:00',
  conditions: [],
  process: [],
  materials: [
    { name: '食品经营许可申请书', form: '原件', copies: 1, required: '必要' },
    {
      name: '营业执照',
      form: '电子证照',
      copies: 0,
      required: '必要',
      exempt: true,
      exemptNote: '通过数据共享获取，无需提交',
    },
    { name: '经营场所平面图', form: '原件', copies: 1, required: '容缺' },
    { name: '委托书', form: '原件', copies: 1, required: '情形', when: '委托他人办理的' },
  ],
};

function answerFor(question: string): Answer {
  if (question.includes('投诉')) {
    return {
      answer: '很抱歉给您带来不便。如需工作人员处理，请在下方确认后转人工。',
      intent: 'escalate',
      items: [],
      escalate: true,
      escalation: { category: '投诉', reason: '您的投诉需要工作人员处理。' },
      citations: [],
      latencyMs: 2,
      quickReplies: [],
    } as unknown as Answer;
  }
  return {
    answer: `关于“${question}”：办理食品经营许可需要以下材料。`,
    intent: 'materials',
    items: [{ id: card.id, name: card.name, score: 1 }],
    escalate: false,
    citations: [{ source: 'catalog', title: '食品经营许可', locator: '申请材料' }],
    latencyMs: 3,
    quickReplies: ['要多久', '在哪办', '转人工'],
    aspect: 'materials',
    card,
  };
}

const EXPECTED_REPLY = '预计 15 分钟内回复';
const WINDOW_TEXT = '您可以到一楼大厅东侧的“办不成事”反映窗口当面反映，工作时间周一至周五 9:00-17:00。';

export async function startMockServer(options: { distDir: string }) {
  const app = express();
  app.use(express.json());
  let nextMessageId = 1;
  type Mode = 'bot' | 'waiting' | 'staff';
  const modes = new Map<string, Mode>();
  /** Per conversation: clientId → messageId, so a resent message is only acknowledged again. */
  const seen = new Map<string, Map<string, number>>();
  let refuseConnections = false;
  let dropBeforeAck = false;
  /** How many resent copies were only acknowledged again. */
  let duplicates = 0;
  /** Citizen typing frames, forwarded to staff by the real server. */
  let citizenTyping = 0;
  const sessions = new Map<string, MockMessage[]>();
  const sockets = new Map<string, WebSocket>();
  const cases: {
    number: string;
    sessionId: string;
    status: string;
    category: string;
    createdAt: string;
    deadline: string;
    phone?: string;
    description?: string;
    lookupCode?: string;
  }[] = [];
  const ratings: { id: number; level: string; target: string; createdAt: string; comment?: string }[] = [];
  const now = () => new Date().toISOString();
  const log = (sessionId: string) =>
    sessions.get(sessionId) ?? (sessions.set(sessionId, []), sessions.get(sessionId)!);

  app.get('/api/v1/hall', (_request, response) => {
    response.sendFile(new URL('../../knowledge/data/hall.json', import.meta.url).pathname);
  });
  app.get('/api/v1/handover', (_request, response) => {
    response.json({
      expectedReply: EXPECTED_REPLY,
      replyBy: new Date(Date.now() + 15 * 60_000).toISOString(),
      shared: '您与智能导办的全部对话、您填写的说明和联系电话（如填写）',
    });
  });
  app.get('/api/v1/cases/lookup', (request, response) => {
    const entry = cases.find((candidate) => candidate.number === request.query.number);
    const last4 = request.query.phoneLast4;
    const code = request.query.code;
    const ok =
      entry &&
      ((last4 !== undefined && entry.phone?.endsWith(String(last4))) ||
        (code !== undefined && entry.lookupCode === String(code)));
    if (!ok) {
      response.status(404).json({ error: { code: 'CASE_NOT_FOUND', message: '未找到该件。' } });
      return;
    }
    response.json({ ...entry, phone: undefined, lookupCode: undefined, replies: [] });
  });
  app.post('/api/v1/ask', (request, response) => {
    response.json({
      ...answerFor(String(request.body.question)),
      sessionId: request.body.sessionId ?? 'mock',
    });
  });
  let loggedIn = false;
  app.post('/api/v1/staff/login', (request, response) => {
    if (request.body.username !== 'admin' || request.body.password !== 'service-hall-key-7') {
      response.status(401).json({ error: { code: 'BAD_LOGIN', message: '用户名或密码不正确。' } });
      return;
    }
    loggedIn = true;
    response.json({ user: { username: 'admin', role: 'admin' }, csrfToken: 't' });
  });
  app.get('/api/v1/staff/me', (_request, response) => {
    if (!loggedIn) response.status(401).json({ error: { code: 'UNAUTHENTICATED', message: '请先登录。' } });
    else response.json({ user: { username: 'admin', role: 'admin' }, csrfToken: 't' });
  });
  app.get('/api/v1/staff/cases', (request, response) => {
    const q = String(request.query.q ?? '');
    response.json({
      cases: cases
        .filter((entry) => !q || entry.number.includes(q))
        .map((entry) => ({ ...entry, workingDaysLeft: 5, overdue: false })),
    });
  });
  app.get('/api/v1/staff/cases/:number', (request, response) => {
    const entry = cases.find((candidate) => candidate.number === request.params.number);
    if (!entry) {
      response.status(404).json({ error: { code: 'CASE_NOT_FOUND', message: '未找到该工单。' } });
      return;
    }
    response.json({
      case: { ...entry, workingDaysLeft: 5 },
      transcript: log(entry.sessionId),
      history: [{ at: entry.createdAt, actor: 'citizen', action: '受理' }],
    });
  });
  app.post('/api/v1/staff/cases/:number/reply', (request, response) => {
    const entry = cases.find((candidate) => candidate.number === request.params.number)!;
    const message: MockMessage = {
      role: 'staff',
      text: String(request.body.text),
      at: now(),
      caseNumber: entry.number,
    };
    log(entry.sessionId).push(message);
    setMode(entry.sessionId, 'staff');
    sockets.get(entry.sessionId)?.send(
      JSON.stringify({
        type: 'message',
        from: 'staff',
        text: message.text,
        case: { number: entry.number },
        messageId: nextMessageId++,
      }),
    );
    entry.status = '办理中';
    response.json({ delivered: true });
  });
  app.get('/api/v1/staff/analytics.csv', (_request, response) => {
    response.type('text/csv').send('date,conversations\n');
  });
  app.get('/api/v1/staff/ratings', (_request, response) => response.json({ ratings }));
  app.get('/api/v1/staff/gaps', (_request, response) =>
    response.json({ gaps: [{ question: '停车场在哪里', count: 3, lastAt: now() }] }),
  );
  app.post('/api/v1/staff/knowledge', (_request, response) => response.json({ ok: true }));
  app.get('/api/v1/staff/analytics', (_request, response) =>
    response.json({
      totals: { conversations: 60 },
      dailyVolume: Array.from({ length: 7 }, (_, index) => ({
        date: `2024-05-0${index + 1}`,
        conversations: 10 + index * 3,
        casesOpened: index,
      })),
      escalationRate: 0.12,
      satisfaction: {
        byItem: [],
        byZone: [
          { name: '企业开办', count: 20, poor: 1 },
          { name: '社会民生', count: 10, poor: 1 },
        ],
      },
      topItems: [
        { itemName: '食品经营许可', count: 12 },
        { itemName: '企业设立登记', count: 9 },
      ],
      gaps: [{ question: '停车场在哪里', count: 3 }],
    }),
  );
  app.use(express.static(options.distDir, { extensions: ['html'] }));

  const caseOf = (user: string) => cases.findLast((entry) => entry.sessionId === user);
  const modeFrame = (user: string) => {
    const mode = modes.get(user) ?? 'bot';
    const number = caseOf(user)?.number;
    return JSON.stringify({
      type: 'mode',
      mode,
      ...(mode === 'bot' ? {} : { case: { number }, expectedReply: EXPECTED_REPLY }),
      ...(mode === 'waiting' ? { queuePosition: 2 } : {}),
    });
  };
  function setMode(user: string, mode: Mode): void {
    if ((modes.get(user) ?? 'bot') === mode) return;
    modes.set(user, mode);
    sockets.get(user)?.send(modeFrame(user));
  }

  const server = createServer(app);
  const wss = new WebSocketServer({
    server,
    path: '/ws',
    // Lets a test keep the citizen offline for a while (the browser's retries are refused).
    verifyClient: () => !refuseConnections,
  });
  wss.on('connection', (socket) => {
    let user = '';
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as {
        type: string;
        user: string;
        clientId?: string;
        consent?: boolean;
        text?: string;
        category?: string;
        phone?: string;
        description?: string;
        level?: string;
        target?: string;
      };
      user = frame.user;
      sockets.set(user, socket);
      if (frame.type === 'typing') citizenTyping += 1;
      if (frame.type === 'hello') {
        socket.send(
          JSON.stringify({ type: 'message', text: '您好！我是政务服务大厅智能导办。', quick_replies: [] }),
        );
      }
      if (frame.type === 'welcome_back') {
        socket.send(JSON.stringify({ type: 'history', messages: log(user) }));
      }
      if ((frame.type === 'hello' || frame.type === 'welcome_back') && (modes.get(user) ?? 'bot') !== 'bot') {
        socket.send(modeFrame(user));
      }
      if (frame.type === 'message' && frame.text) {
        // As the contract says: a clientId seen before is acknowledged again and nothing else.
        const ids = seen.get(user) ?? (seen.set(user, new Map()), seen.get(user)!);
        const known = frame.clientId ? ids.get(frame.clientId) : undefined;
        if (known !== undefined) {
          duplicates += 1;
          socket.send(JSON.stringify({ type: 'ack', clientId: frame.clientId, messageId: known }));
          return;
        }
        const messageId = nextMessageId++;
        if (frame.clientId) ids.set(frame.clientId, messageId);
        log(user).push({ messageId, role: 'citizen', text: frame.text, at: now() });
        const answerIt = (modes.get(user) ?? 'bot') === 'bot';
        const answer = answerFor(frame.text);
        const answerId = nextMessageId++;
        if (answerIt) {
          log(user).push({ messageId: answerId, role: 'assistant', text: answer.answer, at: now(), answer });
        }
        if (dropBeforeAck) {
          // Stored (and answered), but the connection is lost before the ack reaches the browser.
          dropBeforeAck = false;
          socket.terminate();
          return;
        }
        if (frame.clientId) socket.send(JSON.stringify({ type: 'ack', clientId: frame.clientId, messageId }));
        if (!answerIt) return;
        socket.send(JSON.stringify({ type: 'typing' }));
        socket.send(
          JSON.stringify({
            type: 'message',
            text: answer.answer,
            quick_replies: answer.quickReplies.map((title) => ({ title, payload: title })),
            answer,
            messageId: answerId,
          }),
        );
      }
      if (frame.type === 'escalate' && frame.consent !== true) {
        socket.send(
          JSON.stringify({
            type: 'message',
            from: 'system',
            text: WINDOW_TEXT,
            messageId: nextMessageId++,
            quick_replies: [],
          }),
        );
        return;
      }
      if (frame.type === 'escalate') {
        const number = `BBC${String(cases.length + 1).padStart(4, '0')}`;
        cases.push({
          number,
          sessionId: user,
          status: '受理',
          category: frame.category ?? '咨询转人工',
          createdAt: now(),
          deadline: new Date(Date.now() + 7 * 86400_000).toISOString(),
          phone: frame.phone,
          description: frame.description,
          lookupCode: frame.phone ? undefined : 'K7P3QX',
        });
        const phone = frame.phone;
        socket.send(
          JSON.stringify({
            type: 'case_opened',
            case: {
              number,
              status: '受理',
              deadline: cases.at(-1)!.deadline,
              category: cases.at(-1)!.category,
              lookup: phone ? 'phone' : 'code',
              ...(phone
                ? { phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` }
                : { lookupCode: 'K7P3QX' }),
              expectedReply: EXPECTED_REPLY,
            },
          }),
        );
        setMode(user, 'waiting');
      }
      if (frame.type === 'rate') {
        ratings.push({
          id: ratings.length + 1,
          level: frame.level ?? '',
          target: frame.target ?? '',
          createdAt: now(),
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** What the tests do as staff or as the network. */
    control: {
      messages: (user: string) => log(user),
      caseOf,
      setMode,
      staffTyping: (user: string) =>
        sockets.get(user)?.send(JSON.stringify({ type: 'typing', from: 'staff' })),
      /** Cuts every connection; with `refuse`, new ones are refused until `allowConnections`. */
      dropConnections: (refuse: boolean) => {
        refuseConnections = refuse;
        for (const client of wss.clients) client.terminate();
      },
      allowConnections: () => (refuseConnections = false),
      duplicates: () => duplicates,
      citizenTyping: () => citizenTyping,
      /** The next message is stored and answered, then the connection drops before its ack. */
      dropNextBeforeAck: () => (dropBeforeAck = true),
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
