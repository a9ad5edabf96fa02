/**
 * What the elder-mode test measures on a page, in the browser, and the figures it fails below
 * (DESIGN.md "Residents of every age", MIIT 移动互联网应用适老化通用设计规范).
 *
 * Measured inside #app (the page and, on tab pages, the browser build's tab bar):
 * - Text: every visible text node — its computed font size, line height (`normal` counts as 1.2) and
 *   contrast against its effective background: the background colours of the element and its
 *   ancestors, composited from the first opaque one (white when none is), a gradient counted by its
 *   worst stop. Text made only of emoji and symbols (📷 🔊 ›) is a picture: its size counts, its
 *   contrast does not. Text in a disabled control is exempt from contrast (WCAG 1.4.3: inactive
 *   components). A photo behind text is not seen: the colour under it is (the strip on a photo is
 *   60 % black over the cell's own colour).
 * - Typing: every input and textarea's font size, and its placeholder's size and contrast.
 * - Main headings: elements with the class `page-title` (each page's one main heading).
 * - Tap targets: what a finger can act on — Taro's buttons, inputs and textareas (taro-button-core,
 *   taro-input-core, taro-textarea-core), native buttons, links (`a`), inputs, textareas, elements
 *   with an ARIA role a person acts on (button, switch, tab, link, checkbox, radio, option), and every
 *   element Taro has a tap listener on (its `__events` names click, tap, longpress or a touch event:
 *   how Taro's browser components keep the handlers React gives them, e.g. a View with onClick). A
 *   target inside another target is part of that one (a Button's inner text). Its box is its
 *   bounding rectangle.
 * - Wrapping: a text of three or more characters laid out on several lines none of which is two
 *   characters wide ("one character a line"; two characters broken where a line ends is ordinary
 *   wrapping), text cut off at the screen's edge, and text partly hidden by a box too small for it
 *   (a clamp to a few lines with an ellipsis is meant, and not counted).
 */

export type Mode = 'normal' | 'elder';

export interface Minimums {
  /** Smallest font size of any visible text, CSS px. */
  text: number;
  /** Smallest font size of a main heading (.page-title). */
  heading: number;
  /** Smallest line height, as a multiple of the font size (0: not checked). */
  lineHeight: number;
  /** Smallest contrast ratio of text against its background. */
  contrast: number;
  /** Smallest width and height of a tap target, CSS px. */
  target: number;
}

/**
 * Elder mode: the figures. Normal mode: the issue names no text size; 14 px is the floor we
 * hold it to (the pages are drawn at 16 px and up); targets and contrast as WCAG / MIIT ask in both.
 */
export const MINIMUMS: Record<Mode, Minimums> = {
  normal: { text: 14, heading: 20, lineHeight: 0, contrast: 4.5, target: 44 },
  elder: { text: 18, heading: 30, lineHeight: 1.3, contrast: 4.5, target: 60 },
};

export interface TextSample {
  text: string;
  size: number;
  lineHeight: number;
  /** null: a picture (emoji) or a disabled control, not checked for contrast. */
  contrast: number | null;
  chars: number;
}

export interface Target {
  label: string;
  width: number;
  height: number;
}

export interface Measured {
  texts: TextSample[];
  headings: { text: string; size: number }[];
  typing: { label: string; size: number; placeholderSize: number | null; placeholderContrast: number | null }[];
  targets: Target[];
  oneCharLines: string[];
  cutOff: string[];
  /** Text partly hidden by a box too small for it (the tab bar's words under its bottom edge). */
  clipped: string[];
  wider: boolean;
}

/** Run in the page (a string, so the test's compiler adds nothing to it). */
export const MEASURE = `(() => {
  const app = document.querySelector('#app');
  const width = window.innerWidth;
  const short = (s) => s.replace(/\\s+/g, ' ').trim().slice(0, 24);

  const parse = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const WHITE = { r: 255, g: 255, b: 255, a: 1 };

  /** The colours the element's text may sit on: one, or one per stop of a gradient. */
  const backgrounds = (el) => {
    const layers = [];
    let bottom = [WHITE];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      const stops = cs.backgroundImage && cs.backgroundImage.indexOf('gradient') >= 0
        ? (cs.backgroundImage.match(/rgba?\\([^)]+\\)/g) || []).map(parse).filter(Boolean)
        : [];
      const bg = parse(cs.backgroundColor);
      if (stops.length && stops.every((s) => s.a >= 1)) { bottom = stops; break; }
      if (bg && bg.a > 0) {
        if (bg.a >= 1) { bottom = [bg]; break; }
        layers.push(bg);
      }
    }
    return bottom.map((b) => layers.reduceRight((acc, l) => over(l, acc), b));
  };
  const contrastOf = (el, color) => {
    const fg = parse(color);
    if (!fg) return null;
    return Math.min(...backgrounds(el).map((bg) => ratio(fg.a < 1 ? over(fg, bg) : fg, bg)));
  };

  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    let opacity = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.visibility === 'hidden' || cs.display === 'none') return false;
      opacity *= Number(cs.opacity);
    }
    return opacity > 0.1;
  };
  const picture = (t) => !/[\\p{L}\\p{N}]/u.test(t);
  const disabled = (el) => !!el.closest('[disabled], .nut-button-disabled, [aria-disabled="true"]');

  /**
   * An ancestor that hides what overflows it, and hides part of this text (a clamp to two lines with …
   * is meant). The walk stops at a scrolling box: what lies beyond it is scrolled to, not hidden.
   */
  const clippedBy = (el, box) => {
    for (let e = el; e && e !== app; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (/auto|scroll/.test(cs.overflowX + cs.overflowY)) return false;
      if (!/hidden|clip/.test(cs.overflowX + cs.overflowY)) continue;
      if (cs.textOverflow === 'ellipsis' || (cs.webkitLineClamp && cs.webkitLineClamp !== 'none')) return false;
      const r = e.getBoundingClientRect();
      if (box.bottom > r.bottom + 1 || box.top < r.top - 1 || box.right > r.right + 1 || box.left < r.left - 1) return true;
    }
    return false;
  };

  const texts = [];
  const oneCharLines = [];
  const cutOff = [];
  const clipped = [];
  const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = (n.textContent || '').trim();
    if (!text || !el || !visible(el)) continue;
    const cs = getComputedStyle(el);
    const size = parseFloat(cs.fontSize);
    const lineHeight = cs.lineHeight === 'normal' ? 1.2 : parseFloat(cs.lineHeight) / size;
    const chars = text.replace(/\\s/g, '').length;
    texts.push({
      text: short(text),
      size,
      lineHeight,
      contrast: picture(text) || disabled(el) ? null : contrastOf(el, cs.color),
      chars,
    });
    const range = document.createRange();
    range.selectNodeContents(n);
    const box = range.getBoundingClientRect();
    if (box.width && (box.right > width + 0.5 || box.left < -0.5)) cutOff.push(short(text));
    else if (box.width && clippedBy(el, box)) clipped.push(short(text));
    if ([...text.replace(/\\s/g, '')].length >= 3) {
      const lines = new Map();
      for (const r of range.getClientRects()) {
        if (!r.width) continue;
        const key = Math.round(r.top);
        lines.set(key, (lines.get(key) || 0) + r.width);
      }
      if (lines.size > 1 && Math.max(...lines.values()) < size * 1.9) oneCharLines.push(short(text));
    }
  }

  const headings = [...app.querySelectorAll('.page-title')].filter(visible).map((e) => ({ text: short(e.textContent || ''), size: parseFloat(getComputedStyle(e).fontSize) }));

  const typing = [...app.querySelectorAll('input:not([type=hidden]):not([type=file]), textarea')].filter(visible).map((e) => {
    const ph = e.getAttribute('placeholder');
    const pcs = ph ? getComputedStyle(e, '::placeholder') : null;
    return {
      label: ph || e.name || e.className,
      size: parseFloat(getComputedStyle(e).fontSize),
      placeholderSize: pcs ? parseFloat(pcs.fontSize) : null,
      placeholderContrast: pcs ? contrastOf(e, pcs.color) : null,
    };
  });

  const ROLE = 'taro-button-core, taro-input-core, taro-textarea-core, button, a, input:not([type=hidden]):not([type=file]), textarea, select, '
    + '[role=button], [role=switch], [role=tab], [role=link], [role=checkbox], [role=radio], [role=option]';
  const TAP = /^(click|tap|longpress|touchstart|touchend)$/i;
  const listens = (e) => !!e.__events && Object.keys(e.__events).some((k) => TAP.test(k) && e.__events[k] && (e.__events[k].length === undefined || e.__events[k].length > 0));
  const tappable = (e) => e.matches(ROLE) || listens(e);
  const targets = [];
  for (const e of app.querySelectorAll('*')) {
    if (!tappable(e) || !visible(e)) continue;
    let inside = false;
    for (let p = e.parentElement; p && p !== app; p = p.parentElement) if (tappable(p)) { inside = true; break; }
    if (inside) continue;
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    targets.push({ label: short(e.getAttribute('aria-label') || e.textContent || e.getAttribute('placeholder') || e.className), width: r.width, height: r.height });
  }

  return { texts, headings, typing, targets, oneCharLines, cutOff, clipped, wider: document.documentElement.scrollWidth > width + 0.5 };
})()`;

/** What falls below the figures, one line each ("small text 16.0px: 删除"). */
export function problemsOf(m: Measured, mode: Mode): string[] {
  const min = MINIMUMS[mode];
  const out: string[] = [];
  const px = (n: number) => `${n.toFixed(1)}px`;
  for (const t of m.texts) {
    if (t.size < min.text - 0.05) out.push(`small text ${px(t.size)}: ${t.text}`);
    if (min.lineHeight && t.lineHeight < min.lineHeight - 0.005) out.push(`tight lines ${t.lineHeight.toFixed(2)}: ${t.text}`);
    if (t.contrast !== null && t.contrast < min.contrast) out.push(`low contrast ${t.contrast.toFixed(2)}: ${t.text}`);
  }
  for (const h of m.headings) if (h.size < min.heading - 0.05) out.push(`small heading ${px(h.size)}: ${h.text}`);
  for (const i of m.typing) {
    if (i.size < min.text - 0.05) out.push(`small typing ${px(i.size)}: ${i.label}`);
    if (i.placeholderSize !== null && i.placeholderSize < min.text - 0.05) out.push(`small placeholder ${px(i.placeholderSize)}: ${i.label}`);
    if (i.placeholderContrast !== null && i.placeholderContrast < min.contrast) out.push(`low placeholder contrast ${i.placeholderContrast.toFixed(2)}: ${i.label}`);
  }
  for (const t of m.targets) {
    if (t.width < min.target - 0.5 || t.height < min.target - 0.5) out.push(`small target ${Math.round(t.width)}×${Math.round(t.height)}: ${t.label}`);
  }
  for (const t of m.oneCharLines) out.push(`one character a line: ${t}`);
  for (const t of m.cutOff) out.push(`cut off at the edge: ${t}`);
  for (const t of m.clipped) out.push(`clipped by its box: ${t}`);
  if (m.wider) out.push('page wider than the screen');
  return out;
}

export interface Figures {
  textElements: number;
  textUnder18: number;
  chars: number;
  charsUnder18: number;
  smallestText: { size: number; text: string } | null;
  targets: number;
  smallTargets: string[];
  lowestContrast: { ratio: number; text: string } | null;
}

/** The figures for a set of measured pages: share of text under 18 px, smallest text, small targets, lowest contrast. */
export function figuresOf(pages: Measured[], mode: Mode): Figures {
  const texts = pages.flatMap((p) => p.texts);
  const under = texts.filter((t) => t.size < 17.95);
  const smallest = texts.reduce<TextSample | null>((a, t) => (!a || t.size < a.size ? t : a), null);
  const withContrast = texts.filter((t) => t.contrast !== null);
  const lowest = withContrast.reduce<TextSample | null>((a, t) => (!a || t.contrast! < a.contrast! ? t : a), null);
  const min = MINIMUMS[mode].target;
  const targets = pages.flatMap((p) => p.targets);
  return {
    textElements: texts.length,
    textUnder18: under.length,
    chars: texts.reduce((n, t) => n + t.chars, 0),
    charsUnder18: under.reduce((n, t) => n + t.chars, 0),
    smallestText: smallest && { size: Math.round(smallest.size * 10) / 10, text: smallest.text },
    targets: targets.length,
    smallTargets: targets.filter((t) => t.width < min - 0.5 || t.height < min - 0.5).map((t) => `${Math.round(t.width)}×${Math.round(t.height)} ${t.label}`),
    lowestContrast: lowest && { ratio: Math.round(lowest.contrast! * 100) / 100, text: lowest.text },
  };
}
