// The molscreen API as the page uses it: every call carries the user's token; every failure becomes an
// ApiError with the server's message, so the page can always say what went wrong.

const BASE = '/api/v1';
const TOKEN_KEY = 'molscreen.token';

export class ApiError extends Error {
  constructor(status, error, message, details) {
    super(message);
    this.status = status;
    this.error = error;
    this.details = details || {};
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(extra = {}) {
  const h = { ...extra };
  const t = token();
  if (t) h.Authorization = `Bearer ${t}`;
  return h;
}

async function failure(response) {
  let body = null;
  try { body = await response.json(); } catch (ignored) { /* not JSON: say what we know */ }
  if (body && body.message) {
    return new ApiError(response.status, body.error, body.message, body.details);
  }
  return new ApiError(response.status, 'http_' + response.status, `the server answered ${response.status} ${response.statusText}`, {});
}

export async function raw(path, options = {}) {
  let response;
  try {
    response = await fetch(BASE + path, { ...options, headers: headers(options.headers) });
  } catch (e) {
    throw new ApiError(0, 'unreachable', 'the molscreen server cannot be reached; is it running?', {});
  }
  if (!response.ok) throw await failure(response);
  return response;
}

export async function get(path) {
  return (await raw(path)).json();
}

export async function post(path, body, extraHeaders = {}) {
  return (await raw(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...extraHeaders }, body: JSON.stringify(body) })).json();
}

export async function del(path) {
  const response = await raw(path, { method: 'DELETE' });
  return response.status === 204 ? null : response.json();
}

/** Uploads a file as multipart/form-data, reporting upload progress (fetch cannot). */
export function upload(file, fields, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    Object.entries(fields).forEach(([k, v]) => { if (v) form.append(k, v); });
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + '/libraries');
    const t = token();
    if (t) xhr.setRequestHeader('Authorization', `Bearer ${t}`);
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* handled below */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(body && body.message ? new ApiError(xhr.status, body.error, body.message, body.details)
        : new ApiError(xhr.status, 'http_' + xhr.status, `the upload failed (${xhr.status})`, {}));
    };
    xhr.onerror = () => reject(new ApiError(0, 'unreachable', 'the upload was interrupted: the server cannot be reached', {}));
    xhr.send(form);
  });
}

/**
 * Follows a job's server-sent events (fetch, not EventSource: EventSource cannot send the token).
 * Calls onJob with the job at each event; resolves when the stream ends. Returns an abort function too.
 */
export function follow(jobId, onJob) {
  const controller = new AbortController();
  const done = (async () => {
    const response = await raw(`/jobs/${jobId}/events`, { signal: controller.signal });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += value;
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block.split('\n').filter(l => l.startsWith('data: ')).map(l => l.slice(6)).join('\n');
        if (data) onJob(JSON.parse(data));
      }
    }
  })().catch(e => { if (e.name !== 'AbortError') throw e; });
  return { done, abort: () => controller.abort() };
}

/** Fetches a drawing (with the token) as an object URL for an img element; cached for the page's life. */
const drawings = new Map();
export function depiction(smiles) {
  if (!drawings.has(smiles)) {
    drawings.set(smiles, raw('/depict?smiles=' + encodeURIComponent(smiles))
      .then(r => r.blob()).then(b => URL.createObjectURL(b))
      .catch(e => { drawings.delete(smiles); throw e; }));
  }
  return drawings.get(smiles);
}

/** Downloads a response body as a file. */
export async function download(path, fileName) {
  const blob = await (await raw(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
