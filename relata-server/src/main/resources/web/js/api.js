// The one way the page talks to the server: its REST API, same origin, with the case, purpose and CSRF headers.
import { state } from './state.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.title = (problem && problem.title) || `HTTP ${status}`;
    this.problem = problem;
  }
}

let onSignedOut = () => {};
/** What to do when the server says the session is gone (401). */
export function whenSignedOut(fn) {
  onSignedOut = fn;
}

export async function api(method, path, { query, body } = {}) {
  const url = new URL(path, window.location.origin);
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && String(v).trim() !== '') url.searchParams.set(k, String(v).trim());
    }
  }
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  if (state.caseId) headers['X-Relata-Case'] = String(state.caseId);
  if (state.purpose) headers['X-Relata-Purpose'] = state.purpose;
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.status === 204) return null;
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = { title: `HTTP ${response.status}`, detail: text.slice(0, 200) };
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json);
    if (response.status === 401 && path !== '/api/session') onSignedOut(error);
    throw error;
  }
  return json;
}

export const get = (path, query) => api('GET', path, { query });
export const post = (path, body) => api('POST', path, { body: body || {} });
export const put = (path, body) => api('PUT', path, { body: body || {} });
