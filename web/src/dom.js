// DOM helpers that never parse markup: every piece of text goes in as a
// text node, so report text (untrusted) cannot become HTML or script.

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(node, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'href') node.setAttribute('href', safeUrl(value) || '#');
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// el('li', {class: 'x'}, 'text', otherNode)
export function el(tag, props, ...children) {
  return fill(document.createElement(tag), props, children);
}

export function svg(tag, props, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

// Only http(s) links are made clickable; anything else (javascript:, data:)
// is refused.
export function safeUrl(text) {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const url = new URL(text, window.location.href);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // not a URL
  }
  return null;
}

// An outlet name, linked to the report when the URL is a web address.
export function sourceLink(outlet, url) {
  const label = outlet || url || 'source';
  const href = safeUrl(url);
  if (!href) return el('span', {class: 'outlet'}, label);
  return el('a', {class: 'outlet', href, target: '_blank', rel: 'noopener noreferrer'}, label);
}
