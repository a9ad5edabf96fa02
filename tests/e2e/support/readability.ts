/**
 * What a reader cannot read or tap on a phone page (DESIGN.md, 长辈版), as a script to run in the page:
 * a string, so the test's compiler adds nothing to it. It answers the problems found, none when the
 * page is fine. Text cut off at the edge and a page wider than the screen always count; the rest as
 * the page's rule says.
 */
export interface ReadabilityRule {
  /** Text smaller than this many px (17.95 holds older readers to 18px, allowing for rounding). */
  textUnder: number;
  /** Headings (these selectors) smaller than 30px. */
  headings?: string;
  /** Tap targets (these selectors) shorter than 60px. */
  tapTargets?: string;
  /** Typed text (inputs and text areas) smaller than this many px. */
  typingUnder?: number;
}

export const readabilityCheck = (rule: ReadabilityRule): string => `(() => {
  const out = [];
  const app = document.querySelector('#app');
  const width = window.innerWidth;
  const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = (n.textContent || '').trim();
    if (!text || !el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < ${rule.textUnder}) out.push('small text ' + size.toFixed(1) + 'px: ' + text.slice(0, 20));
    ${rule.headings ? `if (el.closest(${JSON.stringify(rule.headings)}) && size < 30) out.push('small heading ' + size.toFixed(1) + 'px: ' + text.slice(0, 20));` : ''}
    const range = document.createRange();
    range.selectNodeContents(n);
    const box = range.getBoundingClientRect();
    if (box.right > width + 0.5 || box.left < -0.5) out.push('cut off at the edge: ' + text.slice(0, 20));
  }
  ${
    rule.tapTargets
      ? `for (const el of app.querySelectorAll(${JSON.stringify(rule.tapTargets)})) {
    const h = el.getBoundingClientRect().height;
    if (h && h < 59.5) out.push('short tap target ' + h.toFixed(1) + 'px: ' + (el.textContent || el.className).trim().slice(0, 20));
  }`
      : ''
  }
  ${
    rule.typingUnder
      ? `for (const el of app.querySelectorAll('input, textarea')) {
    if (!el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < ${rule.typingUnder}) out.push('small typing ' + size.toFixed(1) + 'px: ' + (el.getAttribute('placeholder') || el.name));
  }`
      : ''
  }
  if (document.documentElement.scrollWidth > width) out.push('page wider than the screen');
  return out;
})()`;
