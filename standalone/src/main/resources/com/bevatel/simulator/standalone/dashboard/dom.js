// Small DOM helpers: every text goes in through textContent, never as HTML.

/** el('li', {class: 'x', dataset: {id: 1}, onclick: fn}, 'text', childNode, …) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces a container's children. */
export function replace(container, ...children) {
  container.replaceChildren();
  append(container, children);
}

// Simulated time is UTC: shown as such, whatever the browser's zone.
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** "14:05:09", with the full date in the tooltip. */
export function time(iso) {
  if (!iso) return null;
  const at = new Date(iso);
  return el('time', { datetime: iso, title: DATE_TIME.format(at) + ' UTC' }, TIME.format(at));
}

export function dateTime(iso) {
  return iso ? DATE_TIME.format(new Date(iso)) + ' UTC' : '–';
}

/** A JSON text indented for reading; any other text as it is. */
export function pretty(text) {
  if (text === null || text === undefined || text === '') return '(empty)';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
