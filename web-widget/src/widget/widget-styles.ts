/**
 * The widget's CSS, inlined into its shadow root. Host pages theme it only through the documented
 * custom properties (--daoban-primary, --daoban-font-size, --daoban-radius, --daoban-z-index,
 * --daoban-offset) and `::part()`; the 适老化 mode switches to large text and high contrast.
 */
import { CARD_CSS } from '../shared/answer-card.ts';

export const WIDGET_CSS = `
:host{--db-primary:var(--daoban-primary,#1c5bb8);--db-primary-strong:var(--daoban-primary-strong,#12407f);--db-on-primary:#fff;
--db-surface:#fff;--db-background:#f3f6fa;--db-text:#1d2530;--db-muted:#5a6575;--db-border:#d4dbe5;--db-warn:#a25a00;--db-ok:#1c7a3c;--db-danger:#b3261e;
--db-radius:var(--daoban-radius,14px);--db-radius-small:8px;--db-font-size:var(--daoban-font-size,15px);--db-focus:#f5a300;
all:initial;position:fixed;right:var(--daoban-offset,20px);bottom:var(--daoban-offset,20px);z-index:var(--daoban-z-index,2147483000);
font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;font-size:var(--db-font-size);line-height:1.6;color:var(--db-text)}
:host([elder]){--db-font-size:20px;--db-text:#000;--db-muted:#222;--db-border:#000;--db-primary:#0b3a8c;--db-primary-strong:#002266;--db-background:#fff;--db-focus:#ff9d00}
*{box-sizing:border-box}
[hidden]{display:none!important}
button,input,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--db-focus);outline-offset:2px}
.launcher{display:flex;align-items:center;gap:8px;border:0;border-radius:999px;padding:12px 20px;background:var(--db-primary);color:var(--db-on-primary);font-size:1.05em;font-weight:600;box-shadow:0 6px 20px rgba(16,42,90,.3)}
.launcher svg{width:22px;height:22px;fill:currentColor}
.panel{position:absolute;right:0;bottom:0;width:380px;height:min(640px,calc(100vh - 40px));display:flex;flex-direction:column;background:var(--db-background);border-radius:var(--db-radius);box-shadow:0 12px 40px rgba(16,42,90,.28);overflow:hidden;border:1px solid var(--db-border)}
:host([elder]) .panel{width:460px;border:2px solid #000}
header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--db-primary);color:var(--db-on-primary)}
header h2{flex:1;min-width:0;margin:0;font-size:1.05em;line-height:1.3}
header h2>*{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
header small{font-weight:400;font-size:.75em;opacity:.9}
header button{flex:none;white-space:nowrap}
header button{border:1px solid rgba(255,255,255,.7);background:transparent;color:inherit;border-radius:6px;padding:2px 8px;font-size:.85em}
header button[aria-pressed=true]{background:#fff;color:var(--db-primary-strong)}
.case-banner{padding:6px 12px;background:#fff4d6;color:#5b3c00;font-size:.9em;border-bottom:1px solid #e8d49a}
.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px}
.earlier{align-self:center;border:1px solid var(--db-border);background:var(--db-surface);color:var(--db-primary-strong);border-radius:999px;padding:2px 12px;font-size:.88em}
.earlier[aria-busy=true]{cursor:progress;color:var(--db-muted)}
.message{max-width:92%;padding:8px 12px;border-radius:var(--db-radius-small);white-space:pre-wrap;word-break:break-word}
.from-citizen{align-self:flex-end;background:var(--db-primary);color:var(--db-on-primary)}
.from-bot{align-self:flex-start;background:var(--db-surface);border:1px solid var(--db-border)}
.from-staff{align-self:flex-start;background:#eaf6ee;border:1px solid #9fd0ae}
.from-system{align-self:center;background:transparent;color:var(--db-muted);font-size:.9em;text-align:center}
.sender{display:block;font-size:.78em;color:var(--db-muted);margin-bottom:2px}
.from-citizen .sender{color:rgba(255,255,255,.85)}
.case-number{white-space:nowrap;font-weight:700;font-size:1.1em;letter-spacing:.03em;color:var(--db-primary-strong)}
.quick-replies{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start}
.quick-replies button,.choices button{border:1px solid var(--db-primary);background:var(--db-surface);color:var(--db-primary-strong);border-radius:999px;padding:4px 12px;font-size:.9em}
.choices{display:flex;flex-direction:column;gap:6px;align-self:stretch}
.choices button{border-radius:var(--db-radius-small);text-align:left;padding:8px 12px}
.link{display:block;margin:4px auto 0;border:0;background:none;padding:2px 4px;color:var(--db-primary-strong);text-decoration:underline;font-size:inherit}
.lookup input{border:1px solid var(--db-border);border-radius:6px;padding:6px 8px}
.lookup-result:empty{display:none}
.lookup-facts{margin:6px 0 0}
.lookup-facts div{display:flex;gap:8px}
.lookup-facts dt{color:var(--db-muted);flex:none;width:5em}
.lookup-facts dd{margin:0;font-weight:600}
.lookup-heading{margin:6px 0 2px}
.lookup-replies{margin:0;padding-left:1.4em;white-space:pre-wrap}
.mode-status,.connection-status{padding:6px 12px;font-size:.9em;border-bottom:1px solid var(--db-border)}
.mode-status{background:#eaf6ee;color:#14532d}
.connection-status{background:#fdecea;color:var(--db-danger);font-weight:600}
.staff-typing{padding:0 14px 6px;color:#14532d;font-size:.88em;font-weight:600}
.staff-typing:empty{display:none}
.delivery{display:block;font-size:.75em;text-align:right;opacity:.9}
.delivery.pending{font-weight:700}
.lookup-code-note{display:block;margin-top:4px}
.lookup-code{display:inline-block;font-family:ui-monospace,monospace;font-size:1.3em;font-weight:700;letter-spacing:.15em;color:var(--db-primary-strong);background:#fff;border:1px dashed var(--db-primary);padding:0 6px;margin:0 2px}
.lookup-code-note strong{display:block;color:var(--db-warn)}
.hint{color:var(--db-muted);font-size:.82em}
.shared,.expected-reply,.escalation-reason{margin:0;font-size:.9em}
.expected-reply{font-weight:600}
.typing{padding:0 14px 6px;color:var(--db-muted);font-size:.88em}
.typing span{display:inline-block;animation:blink 1.2s infinite}
@keyframes blink{50%{opacity:.3}}
@media (prefers-reduced-motion:reduce){.typing span{animation:none}}
.actions{display:flex;gap:6px;padding:6px 10px;border-top:1px solid var(--db-border);background:var(--db-surface);flex-wrap:wrap}
.actions button{border:1px solid var(--db-border);background:var(--db-background);border-radius:6px;padding:3px 10px;font-size:.88em}
.actions .escalate{border-color:var(--db-danger);color:var(--db-danger);font-weight:600}
.composer{display:flex;gap:8px;padding:10px;background:var(--db-surface);border-top:1px solid var(--db-border)}
.composer-input{flex:1;resize:none;border:1px solid var(--db-border);border-radius:var(--db-radius-small);padding:8px 10px;min-height:42px;max-height:120px;background:#fff}
.send,.primary{border:0;border-radius:var(--db-radius-small);padding:8px 16px;background:var(--db-primary);color:var(--db-on-primary);font-weight:600}
.rating{align-self:stretch;background:var(--db-surface);border:1px dashed var(--db-border);border-radius:var(--db-radius-small);padding:8px 10px}
.rating-prompt,.rating-thanks{margin:0 0 6px;font-size:.9em}
.rating-thanks{margin:0}
.rating-levels{display:flex;flex-wrap:wrap;gap:4px}
.rating-level{border:1px solid var(--db-border);background:#fff;border-radius:6px;padding:2px 8px;font-size:.85em}
.rating-level.poor{color:var(--db-danger)}
.rating-comment{width:100%;margin-bottom:6px;border:1px solid var(--db-border);border-radius:6px;padding:4px 8px}
.escalation{align-self:stretch;background:var(--db-surface);border:2px solid var(--db-primary);border-radius:var(--db-radius-small);padding:10px 12px;display:flex;flex-direction:column;gap:4px}
.escalation h3{margin:0;font-size:1em}
.escalation fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px}
.escalation legend{padding:0;margin-bottom:2px}
.escalation input[type=tel],.escalation textarea{border:1px solid var(--db-border);border-radius:6px;padding:6px 8px}
.consent{display:flex;gap:6px;align-items:flex-start;font-size:.88em}
.form-error{margin:0;color:var(--db-danger);font-size:.88em;min-height:0}
.form-error:empty{display:none}
.form-actions{display:flex;gap:8px}
.form-actions button:not(.primary){border:1px solid var(--db-border);background:#fff;border-radius:var(--db-radius-small);padding:8px 16px}
.precheck-open{display:block;margin-top:8px}
.precheck-slot{align-self:stretch}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
:host([elder]) .message{border-width:2px}
:host([elder]) .from-citizen{background:#002266}
input,textarea{font-size:max(16px,1em)}
@media (max-width:600px),(pointer:coarse){button,.composer-input,.escalation input:not([type=radio]):not([type=checkbox]),.escalation textarea,.rating-comment{min-height:44px;min-width:44px}
.choice,.consent{min-height:44px;align-items:center}.choice{display:inline-flex;gap:6px}input[type=radio],input[type=checkbox]{width:24px;height:24px;margin:0;flex:none}
:host([elder]) button,:host([elder]) .composer-input,:host([elder]) .escalation input:not([type=radio]):not([type=checkbox]),:host([elder]) .choice,:host([elder]) .consent{min-height:56px;min-width:56px}}
@media (max-width:600px){:host{right:12px;bottom:12px}.panel,:host([elder]) .panel{position:fixed;inset:0;width:100%;height:100%;border-radius:0;border:0}}
@media (max-width:420px){:host([elder]) header small{display:none}:host([elder]) header{padding:8px}}
${CARD_CSS}
`;
