/** Small DOM builders the page's views share. */

/** A span with a class and text, and its language when it is not the page's. */
export function span(className: string, text: string, lang?: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  if (lang) s.lang = lang;
  return s;
}
