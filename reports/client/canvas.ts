/** A canvas's 2D context in CSS pixels, and its size. */
export interface CanvasBox {
  g: CanvasRenderingContext2D;
  w: number;
  h: number;
}

/** Sizes a canvas to its parent's width at device resolution; returns its context in CSS pixels. */
export function setupCanvas(canvas: HTMLCanvasElement, height: number): CanvasBox {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.parentElement?.clientWidth ?? 600;
  canvas.style.width = `${w}px`;
  canvas.style.height = `${height}px`;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(height * dpr);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('this browser has no 2D canvas');
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.font = '11px system-ui, sans-serif';
  return { g, w, h: height };
}

/** The element with this id, or null when it is not a `type` (e.g. the report has no such part). */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T | null {
  const e = document.getElementById(id);
  return e instanceof type ? e : null;
}

/** An element with a class and text (always textContent: values from the database stay text). */
export function el(tag: string, cls: string | null, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
