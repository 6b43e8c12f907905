/**
 * The pre-check's CSS: the flow and the result card (themed by the same --db-* custom properties as
 * the answer card), the hall screen's larger touch sizes, and the print stylesheets that print the
 * result card alone — nothing of the chat, the host page or the hall screen around it.
 */

export const PRECHECK_CSS = `
.precheck{display:flex;flex-direction:column;gap:8px;background:var(--db-surface,#fff);border:2px solid var(--db-primary,#1c5bb8);border-radius:var(--db-radius-small,8px);padding:12px;color:inherit;line-height:1.6}
.precheck *{box-sizing:border-box}
.precheck [hidden]{display:none!important}
.precheck button,.precheck input,.precheck a.precheck-secondary{font:inherit}
.precheck :focus-visible{outline:3px solid var(--db-focus,#f5a300);outline-offset:2px}
.precheck-kicker{margin:0;color:var(--db-muted,#5a6575);font-size:.88em}
.precheck-progress{margin:0;color:var(--db-muted,#5a6575);font-size:.88em}
.precheck-heading{margin:0 0 4px;font-size:1.1em;line-height:1.4}
.precheck-heading:focus{outline:none}
.precheck-heading:focus-visible{outline:3px solid var(--db-focus,#f5a300)}
.precheck-hint{margin:0 0 6px;color:var(--db-muted,#5a6575);font-size:.92em}
.precheck-question{border:0;margin:0 0 10px;padding:0}
.precheck-question legend{padding:0;margin-bottom:4px;font-weight:600}
.precheck-choices{display:flex;flex-wrap:wrap;gap:8px}
.precheck-choice{min-width:5em;min-height:44px;padding:6px 16px;border:2px solid var(--db-primary,#1c5bb8);border-radius:var(--db-radius-small,8px);background:#fff;color:var(--db-primary-strong,#12407f);font-weight:600;cursor:pointer}
.precheck-choice[aria-pressed=true]{background:var(--db-primary,#1c5bb8);color:#fff}
.precheck-choice[aria-pressed=true]::before{content:"✓ " / ""}
.precheck-checklist,.precheck-block ul,.precheck-block ol{margin:0;padding:0;list-style:none}
.precheck-block ol{padding-left:1.6em;list-style:decimal}
.precheck-material{padding:4px 0;border-top:1px dashed var(--db-border,#d4dbe5)}
.precheck-material:first-child{border-top:0}
.precheck-material label{display:flex;gap:10px;align-items:flex-start;min-height:44px;padding:4px 0;cursor:pointer}
.precheck-material input{width:24px;height:24px;margin:2px 0 0;flex:none;accent-color:var(--db-primary,#1c5bb8)}
.precheck-material-text{display:flex;flex-direction:column;gap:2px}
.precheck-name{font-weight:600;word-break:break-word}
.precheck-note{display:block;color:var(--db-muted,#5a6575);font-size:.88em}
.precheck-tag{align-self:flex-start;font-size:.8em;border:1px solid currentColor;border-radius:4px;padding:0 5px;color:var(--db-warn,#a25a00)}
.precheck-block{margin-top:8px;padding-top:8px;border-top:1px solid var(--db-border,#d4dbe5)}
.precheck-block h3,.precheck-block h4{margin:0 0 4px;font-size:1em}
.precheck-block li{padding:3px 0}
.precheck-spared .precheck-name,.precheck-exempt .precheck-name{color:var(--db-ok,#1c7a3c)}
.precheck-upload-buttons{display:flex;flex-wrap:wrap;gap:8px}
.precheck-file-label{position:relative;display:inline-flex;align-items:center;min-height:44px;padding:6px 14px;border:1px solid var(--db-primary,#1c5bb8);border-radius:var(--db-radius-small,8px);color:var(--db-primary-strong,#12407f);background:#fff;cursor:pointer}
.precheck-file-label:focus-within{outline:3px solid var(--db-focus,#f5a300);outline-offset:2px}
.precheck-file{position:absolute;inset:0;width:100%;height:100%;opacity:0;cursor:pointer}
.precheck-uploads li{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;padding:6px 0;border-top:1px dashed var(--db-border,#d4dbe5)}
.precheck-upload .precheck-name{flex:1 1 8em;font-weight:400}
.precheck-reading{flex-basis:100%;font-size:.92em}
.precheck-upload .precheck-reading,.precheck-upload .precheck-note{order:2;flex-basis:100%}
.precheck-upload .precheck-remove{order:1}
.precheck-upload.read .precheck-reading{color:var(--db-ok,#1c7a3c);font-weight:600}
.precheck-upload.unread .precheck-reading{color:var(--db-warn,#a25a00)}
.precheck-remove{border:1px solid var(--db-danger,#b3261e);color:var(--db-danger,#b3261e);background:#fff;border-radius:6px;padding:2px 10px;min-height:36px;cursor:pointer}
.precheck-field{display:flex;flex-direction:column;gap:2px;margin-bottom:8px}
.precheck-field label{font-weight:600}
.precheck-field input{width:100%;max-width:18em;min-height:44px;border:1px solid var(--db-border,#d4dbe5);border-radius:6px;padding:6px 8px;font-size:max(16px,1em);letter-spacing:.05em;background:#fff;color:inherit}
.precheck-actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}
.precheck-primary,.precheck-secondary{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:8px 18px;border-radius:var(--db-radius-small,8px);font-weight:600;cursor:pointer;text-decoration:none}
.precheck-primary{border:0;background:var(--db-primary,#1c5bb8);color:#fff}
.precheck-secondary{border:1px solid var(--db-border,#d4dbe5);background:#fff;color:var(--db-primary-strong,#12407f)}
.precheck-error{margin:0;color:var(--db-danger,#b3261e);font-weight:600}
.precheck-error:empty,.precheck-status:empty{display:none}
.precheck-status{margin:0;color:var(--db-muted,#5a6575);font-size:.92em}
.precheck-item{margin:0;font-weight:600}
.precheck-verdict{margin:6px 0;padding:8px 10px;border-radius:6px;font-weight:700;font-size:1.05em}
.precheck-verdict.complete{background:#e7f5ec;color:#14532d;border:1px solid #9fd0ae}
.precheck-verdict.incomplete{background:#fff4e0;color:#6b3d00;border:1px solid #e8c27a}
.precheck-invalid .precheck-reason{color:var(--db-danger,#b3261e)}
.precheck-where{margin:0;display:grid;gap:2px}
.precheck-where div{display:grid;grid-template-columns:5em 1fr;gap:6px}
.precheck-where dt{color:var(--db-muted,#5a6575)}
.precheck-where dd{margin:0;font-weight:600}
.precheck-number{margin:0;font-size:1.8em;font-weight:800;letter-spacing:.06em;font-family:ui-monospace,monospace;color:var(--db-primary-strong,#12407f);word-break:break-all}
.precheck-qr{display:block;width:160px;height:160px;margin:6px 0}
.precheck-notice{margin-top:8px}
.precheck-notice summary{cursor:pointer;color:var(--db-primary-strong,#12407f);font-weight:600}
.precheck-notice-text{white-space:pre-wrap;margin:4px 0 0;font-size:.92em}
.precheck-disclaimer{margin:8px 0 0;color:var(--db-muted,#5a6575);font-size:.85em}
@media print{
.precheck{border:0;padding:0;color:#000}
.precheck>:not(.precheck-body),.precheck-actions{display:none!important}
.precheck-notice{display:none}
.precheck-result{font-size:12pt}
.precheck-qr{width:3.5cm;height:3.5cm}
.precheck-block{break-inside:avoid}
}
`;

/** The hall screen: the same flow for standing and touch, every target at least 56 px. */
export const KIOSK_PRECHECK_CSS = `
.precheck{font-size:24px;padding:24px;gap:12px;max-width:1100px}
.precheck-heading,.stage .precheck-heading{font-size:30px}
.precheck-choice,.precheck-primary,.precheck-secondary,.precheck-file-label{min-height:64px;min-width:120px;padding:10px 28px;font-size:26px}
.precheck-choices{gap:16px}
.precheck-material input{width:44px;height:44px;margin:0}
.precheck-material label{min-height:72px;align-items:center;padding:8px 0}
.precheck-remove{min-height:56px;min-width:96px}
.precheck-number{font-size:48px}
.precheck-qr{width:240px;height:240px}
.precheck-result{display:flex;flex-direction:column}
.precheck-result>*{order:2}
.precheck-result>.precheck-heading,.precheck-result>.precheck-item,.precheck-result>.precheck-verdict{order:0}
.precheck-result>.precheck-number-block{order:1}
.precheck-number-block{display:grid;grid-template-columns:auto 1fr;column-gap:24px;align-items:center}
.precheck-number-block h3,.precheck-number-block .precheck-number{grid-column:1/-1}
.precheck-actions{gap:20px}
.precheck-notice summary{min-height:56px;display:flex;align-items:center}
`;

/**
 * The hall page's print stylesheet, for documents: only the pre-check's result card is printed
 * (the header, guide, input and footer around it are not), and the page is not cut at the screen.
 */
export const KIOSK_PRINT_CSS = `
@media print{
body:has(.precheck-result){background:#fff!important;overflow:visible!important;height:auto!important}
body:has(.precheck-result) .kiosk{display:block!important;height:auto!important}
body:has(.precheck-result) .kiosk-header,body:has(.precheck-result) .guide,body:has(.precheck-result) .ask,body:has(.precheck-result) .kiosk-footer,body:has(.precheck-result) .home-button,body:has(.precheck-result) .precheck-screen>:not(.precheck){display:none!important}
body:has(.precheck-result) .content,body:has(.precheck-result) .stage{overflow:visible!important;height:auto!important;padding:0!important}
body:has(.precheck-result) .precheck{font-size:12pt;max-width:none}
body:has(.precheck-result) .precheck-heading{font-size:18pt}
body:has(.precheck-result) .precheck-number{font-size:22pt}
body:has(.precheck-result) .precheck-qr{width:3.5cm;height:3.5cm}
}
`;

/**
 * The host page's print stylesheet while a result card is shown in the widget: everything of the
 * page but the widget (and the elements that contain it, marked `data-daoban-print`) is hidden.
 */
export const HOST_PRINT_CSS = `
@media print{
body :not([data-daoban-print]):not(daoban-widget){display:none!important}
body [data-daoban-print]{display:block!important;position:static!important;overflow:visible!important;height:auto!important}
}
`;

/**
 * The widget's own print rules while a result card is shown (`data-precheck-print` on its host): the
 * panel prints in place of the page, with only the log entry that holds the card.
 */
export const WIDGET_PRINT_CSS = `
@media print{
:host([data-precheck-print]){position:static!important;display:block!important;inset:auto!important}
:host([data-precheck-print]) .launcher,:host([data-precheck-print]) .panel>:not(.log),:host([data-precheck-print]) .log>:not(.precheck-slot){display:none!important}
:host([data-precheck-print]) .panel{position:static!important;display:block!important;width:auto!important;height:auto!important;box-shadow:none!important;border:0!important;overflow:visible!important;background:#fff!important}
:host([data-precheck-print]) .log{overflow:visible!important;padding:0!important}
}
`;
