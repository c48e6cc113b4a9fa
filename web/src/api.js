// The page's only way to the server: GET and JSON, with the access token
// when the server protects reads (kept for this tab only).

import {byId} from './dom.js';

const TOKEN_KEY = 'sitrep.token';

export class ApiError extends Error {
  constructor(status, body) {
    const err = body && body.error ? body.error : {};
    super(err.message || `HTTP ${status}`);
    this.status = status;
    this.kind = err.kind || 'http';
    this.input = err.input || '';
  }
}

function askToken() {
  const dialog = byId('token-dialog');
  const input = byId('token-input');
  return new Promise((resolve) => {
    if (!dialog || typeof dialog.showModal !== 'function') return resolve(null);
    dialog.addEventListener('close', () => resolve(input.value.trim() || null), {once: true});
    input.value = '';
    dialog.showModal();
  });
}

export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  for (let attempt = 0; attempt < 3; ++attempt) {
    const headers = {Accept: 'application/json'};
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(url, {headers, credentials: 'omit', cache: 'no-cache'});
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (response.ok) return body;
    if (response.status === 401) {
      const fresh = await askToken();
      if (fresh) {
        sessionStorage.setItem(TOKEN_KEY, fresh);
        continue;
      }
    }
    throw new ApiError(response.status, body);
  }
  throw new ApiError(401, null);
}
