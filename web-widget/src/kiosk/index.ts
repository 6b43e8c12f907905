/**
 * Entry of the hall screen (`/kiosk`, 数字人导服): a full-screen touch page with large buttons for the
 * zones and the most asked questions, a big input, voice input and read-aloud where the browser
 * offers them, the digital-human avatar, the hall map, and a reset to the home screen after idle time
 * (`data-idle-seconds` on the page's #kiosk element, 90 s by default) that also ends the session on
 * the server (its key can no longer resume the conversation) and forgets it: the next visitor
 * starts a new conversation and cannot see the last one. 找工作人员, 办不成事 and answers the bot
 * cannot give lead to the hand-over screen (consent, phone, case number and QR code; hand-over.ts).
 */
import type { Answer, EscalationCategory } from '../../../bot/types.ts';
import type { Hall } from '../../../knowledge/hall/schema.ts';
import { renderCitations, renderItemCard, whereToGo } from '../shared/answer-card.ts';
import { h, replaceChildren } from '../shared/dom.ts';
import { endConversationOverHttp } from '../shared/end-conversation.ts';
import { createAvatar } from './avatar.ts';
import { renderHandOver } from './hand-over.ts';
import { renderHallMap } from './hall-map.ts';
import { renderWayfinding } from './floor-plan.ts';
import { answerFocus, escalationFocus } from './route-focus.ts';
import { IDLE_RESET_MS, watchIdle } from './idle-reset.ts';
import { renderPrecheckScreen } from './precheck-screen.ts';
import { canRecognize, canSpeak, listenOnce, stopSpeaking } from './speech.ts';

/** Zone buttons before the hall answers; then only the zones this hall has, in this order. */
const ZONES = ['企业开办', '工程建设', '社会民生', '税务服务', '不动产', '出入境', '婚姻登记', '综合服务'];
const POPULAR = [
  '开饭店要办什么证',
  '结婚登记要带什么',
  '新生儿怎么上户口',
  '二手房过户怎么办',
  '补办社保卡',
  '办护照要什么材料',
  '个体户怎么注销',
  '办不成的事找哪里',
];

const root = document.getElementById('kiosk') ?? document.body;
const idleSeconds = Number(root.getAttribute('data-idle-seconds'));
const idleMs = Number.isFinite(idleSeconds) && idleSeconds > 0 ? idleSeconds * 1000 : IDLE_RESET_MS;
const avatar = createAvatar();
let hall: Hall | undefined;
let sessionId = newSession();
/** Whether this session asked anything, so that going home has a conversation to end. */
let sessionUsed = false;
let speakAloud = canSpeak();
let answerCount = 0;

function newSession(): string {
  return `kiosk-${crypto.randomUUID()}`;
}

const input = h('input', {
  class: 'ask-input',
  attrs: {
    type: 'text',
    maxlength: 200,
    placeholder: '请输入或说出您要办的事',
    'aria-label': '请输入您要办的事',
    enterkeyhint: 'search',
  },
});
const micButton = h('button', {
  class: 'mic',
  text: '语音',
  attrs: { type: 'button', 'aria-label': '语音提问', hidden: !canRecognize() },
});
const speakToggle = h('button', {
  class: 'speak-toggle',
  text: '朗读：开',
  attrs: { type: 'button', 'aria-pressed': String(speakAloud), hidden: !canSpeak() },
});
const askForm = h(
  'form',
  { class: 'ask', attrs: { role: 'search' } },
  input,
  micButton,
  h('button', { class: 'ask-submit', text: '查询', attrs: { type: 'submit' } }),
);
// Replaced by the hall's own name once `/api/v1/hall` answers.
const hallName = h('span', { class: 'hall-name', text: '政务服务中心' });
const stage = h('main', { class: 'stage', attrs: { id: 'stage', tabindex: -1 } });

function homeScreen(): HTMLElement {
  return h(
    'div',
    { class: 'home' },
    h('h2', { text: '按专区找' }),
    h(
      'div',
      { class: 'big-buttons zones' },
      ...hallZones().map((zone) =>
        h('button', {
          text: zone,
          attrs: { type: 'button', 'data-zone': zone },
          on: { click: () => showZone(zone) },
        }),
      ),
    ),
    h('h2', { text: '大家常问' }),
    h(
      'div',
      { class: 'big-buttons popular' },
      ...POPULAR.map((question) =>
        h('button', { text: question, attrs: { type: 'button' }, on: { click: () => void ask(question) } }),
      ),
    ),
    h('h2', { text: '需要人工帮助' }),
    h('div', { class: 'big-buttons help' }, ...helpButtons()),
    hall ? h('div', { class: 'map-block' }, h('h2', { text: '大厅导览' }), renderHallMap(hall)) : null,
  );
}

/** The two ways to a person, on the home screen and under every answer. */
function helpButtons(): HTMLButtonElement[] {
  const button = (text: string, category: EscalationCategory) =>
    h('button', {
      class: 'help-button',
      text,
      attrs: { type: 'button' },
      on: { click: () => showHandOver(category) },
    });
  return [button('找工作人员', '咨询转人工'), button('办不成事', '办不成事反映')];
}

function showHandOver(category: EscalationCategory, intro?: string): void {
  stopSpeaking();
  sessionUsed = true;
  replaceChildren(
    stage,
    renderHandOver({ sessionId, category, intro, windowHint: handOverHint, backButton, say }),
    hall ? renderWayfinding(hall, escalationFocus(category)) : null,
  );
  stage.focus();
}

function hallZones(): string[] {
  const known = hall;
  return known ? ZONES.filter((zone) => known.zones.some((entry) => entry.name === zone)) : ZONES;
}

/** Where staff take over, from the hall's own 办不成事反映 and 综合咨询 windows (found by role). */
function handOverHint(): string {
  const places = (['办不成事反映', '综合咨询'] as const).flatMap((kind) => {
    const window = hall?.windows.find((entry) => entry.special === kind);
    if (!window || !hall) return [];
    const floor = hall.floors.find((entry) => entry.floor === window.floor)?.name ?? '';
    return [`${floor}${window.name}（${window.id}）`];
  });
  return places.length > 0
    ? `这个问题需要工作人员帮您处理，请到${places.join('或')}。`
    : '这个问题需要工作人员帮您处理，请向大厅工作人员咨询。';
}

function goHome(): void {
  stopSpeaking();
  if (sessionUsed) endConversationOverHttp('', sessionId);
  sessionId = newSession();
  sessionUsed = false;
  input.value = '';
  avatar.setState('idle');
  replaceChildren(stage, homeScreen());
  document.body.dataset.screen = 'home';
}

function backButton(): HTMLButtonElement {
  return h('button', {
    class: 'home-button',
    text: '← 返回首页',
    attrs: { type: 'button' },
    on: { click: goHome },
  });
}

function showZone(zone: string): void {
  const info = hall?.zones.find((entry) => entry.name === zone);
  if (!info || !hall) {
    void ask(`${zone}专区在哪里`);
    return;
  }
  document.body.dataset.screen = 'zone';
  const text = `${zone}专区在${info.area}，窗口${info.windows.join('、')}。${info.description ?? ''}`;
  replaceChildren(
    stage,
    h(
      'div',
      { class: 'answer' },
      backButton(),
      h('p', { class: 'answer-text', text }),
      renderWayfinding(hall, { zone, specials: [] }),
    ),
  );
  say(text);
}

async function ask(question: string): Promise<void> {
  const text = question.trim();
  if (!text) return;
  document.body.dataset.screen = 'answer';
  avatar.setState('thinking');
  replaceChildren(
    stage,
    h(
      'div',
      { class: 'answer' },
      backButton(),
      h('h2', { class: 'question', text: `您问：${text}` }),
      h('p', { class: 'muted', text: '正在为您查询…' }),
    ),
  );
  sessionUsed = true;
  try {
    const response = await fetch('/api/v1/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: text, sessionId }),
    });
    const data = (await response.json()) as Answer & { error?: { message?: string } };
    if (!response.ok) throw new Error(data.error?.message ?? '查询失败');
    showAnswer(text, data);
  } catch (reason) {
    const message =
      reason instanceof Error && reason.message !== 'Failed to fetch'
        ? reason.message
        : '暂时无法查询，请到综合咨询窗口咨询工作人员。';
    replaceChildren(
      stage,
      h('div', { class: 'answer' }, backButton(), h('p', { class: 'answer-text', text: message })),
    );
    say(message);
  }
}

function showAnswer(question: string, answer: Answer): void {
  if (answer.escalate) {
    // A wish for a person or a hard case: the bot does not open a case itself, the visitor decides.
    showHandOver(answer.escalation?.category ?? '办不成事反映', answer.answer);
    return;
  }
  const index = answerCount++;
  const card = answer.card;
  const followUps = answer.quickReplies.filter((reply) => !/人工/.test(reply)).slice(0, 6);
  replaceChildren(
    stage,
    h(
      'div',
      { class: 'answer' },
      backButton(),
      h('h2', { class: 'question', text: `您问：${question}` }),
      h('p', { class: 'answer-text', text: answer.answer }),
      card ? h('p', { class: 'where-banner', text: `请前往：${whereToGo(card)}` }) : null,
      card
        ? h('button', {
            class: 'primary-action precheck-open',
            text: '预审我的材料',
            attrs: { type: 'button' },
            on: { click: () => showPrecheck(question, answer, card) },
          })
        : null,
      card ? renderItemCard(card, answer, { idPrefix: `k${index}` }) : renderCitations(answer),
      hall ? renderWayfinding(hall, answerFocus(answer)) : null,
      followUps.length
        ? h(
            'div',
            { class: 'big-buttons follow-ups' },
            ...followUps.map((reply) =>
              h('button', { text: reply, attrs: { type: 'button' }, on: { click: () => void ask(reply) } }),
            ),
          )
        : null,
      h('div', { class: 'big-buttons help' }, ...helpButtons()),
    ),
  );
  stage.focus();
  say(answer.answer);
}

/** 预审我的材料: the pre-check of the answer's item; leaving it shows the answer again. */
function showPrecheck(question: string, answer: Answer, card: NonNullable<Answer['card']>): void {
  stopSpeaking();
  replaceChildren(
    stage,
    renderPrecheckScreen({
      card,
      backButton,
      say,
      onClose: () => {
        document.body.dataset.screen = 'answer';
        showAnswer(question, answer);
      },
    }),
  );
}

function say(text: string): void {
  void avatar.say(text, { aloud: speakAloud });
}

askForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value;
  input.value = '';
  input.blur();
  void ask(text);
});

speakToggle.addEventListener('click', () => {
  speakAloud = !speakAloud;
  speakToggle.textContent = speakAloud ? '朗读：开' : '朗读：关';
  speakToggle.setAttribute('aria-pressed', String(speakAloud));
  if (!speakAloud) stopSpeaking();
});

micButton.addEventListener('click', () => {
  stopSpeaking();
  avatar.setState('listening');
  micButton.disabled = true;
  const listening = listenOnce();
  void listening.result.then((heard) => {
    micButton.disabled = false;
    if (heard) {
      input.value = heard;
      void ask(heard);
    } else avatar.setState('idle');
  });
});

replaceChildren(
  root,
  h(
    'div',
    { class: 'kiosk' },
    h(
      'header',
      { class: 'kiosk-header' },
      h('h1', {}, hallName, h('span', { class: 'kiosk-subtitle', text: '数字人导服' })),
      speakToggle,
    ),
    h('aside', { class: 'guide' }, avatar.element),
    h('div', { class: 'content' }, askForm, stage),
    h('footer', {
      class: 'kiosk-footer',
      text: `为保护您的隐私，页面无人操作${Math.round(idleMs / 1000)}秒后将自动回到首页并清除本次对话。`,
    }),
  ),
);
goHome();
watchIdle(goHome, idleMs);

void fetch('/api/v1/hall')
  .then((response) => (response.ok ? (response.json() as Promise<Hall | { hall: Hall }>) : undefined))
  .then((value) => {
    const loaded = value && 'hall' in value ? value.hall : value;
    if (loaded && Array.isArray(loaded.zones) && Array.isArray(loaded.floors)) {
      hall = loaded;
      if (loaded.guide) avatar.setPersona(loaded.guide);
      if (loaded.name) {
        hallName.textContent = loaded.name;
        document.title = `${loaded.name} · 数字人导服`;
      }
      if (document.body.dataset.screen === 'home') replaceChildren(stage, homeScreen());
    }
  })
  .catch(() => undefined);
