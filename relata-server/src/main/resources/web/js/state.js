// Who is signed in and for which case and purpose: kept for this browser tab only (sessionStorage), never the session
// cookie itself, which is HttpOnly.
const KEY = 'relata.state';

export const state = {
  user: null,      // the /api/me answer
  csrf: null,      // the session's CSRF token, sent back on every change
  caseId: null,
  caseName: null,
  purpose: null,
};

export function load() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || '{}');
    state.csrf = saved.csrf || null;
    state.caseId = saved.caseId || null;
    state.caseName = saved.caseName || null;
    state.purpose = saved.purpose || null;
  } catch (e) {
    sessionStorage.removeItem(KEY);
  }
}

export function save() {
  sessionStorage.setItem(KEY, JSON.stringify({
    csrf: state.csrf, caseId: state.caseId, caseName: state.caseName, purpose: state.purpose,
  }));
}

export function forget() {
  state.user = null;
  state.csrf = null;
  state.caseId = null;
  state.caseName = null;
  state.purpose = null;
  sessionStorage.removeItem(KEY);
}

export function hasRole(...roles) {
  return !!state.user && roles.some((r) => state.user.roles.includes(r));
}

/** Roles whose work is personal data: they declare a purpose (and, but for a privacy officer, a case). */
export function worksOnPersonalData() {
  return hasRole('ANALYST', 'SUPERVISOR', 'PRIVACY_OFFICER');
}

export function needsCase() {
  return hasRole('ANALYST', 'SUPERVISOR');
}
