// The molscreen web page: a few views over the public API (api.js), switched by the URL's hash.
import * as api from './api.js';

const main = document.getElementById('main');
let me = null;          // {user, role, authenticated}
let models = null;      // name -> summary (kind, endpoints, target)
let leaving = [];       // what the current view must stop when another is shown (timers, event streams)

// ---------- small helpers ----------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function fromTemplate(id) {
  main.replaceChildren(document.getElementById(id).content.cloneNode(true));
}

const $ = id => document.getElementById(id);

function say(message, info = false) {
  $('message-text').textContent = message;
  $('message').classList.toggle('info', info);
  $('message').hidden = false;
}

function quiet() {
  $('message').hidden = true;
}

/** Shows an API (or any) error as a message: never a blank page. */
function problem(error) {
  if (error && error.status === 401) {
    api.setToken(null);
    me = null;
    say('Your token was not accepted (or has expired): sign in again.');
    location.hash = '#/signin';
    return;
  }
  let text = error && error.message ? error.message : String(error);
  if (error && error.details && error.details.field) text += ` (field: ${error.details.field})`;
  say(`Error: ${text}`);
}

function guard(fn) {
  return async (...args) => {
    try {
      await fn(...args);
    } catch (e) {
      problem(e);
    }
  };
}

const fmt = (value, digits = 2) => (value === null || value === undefined || value === '' ? '' : Number(value).toFixed(digits));
const when = iso => (iso ? new Date(iso).toLocaleString() : '');
const stateText = s => el('span', { class: `state state-${s}`, text: s });

function progressOf(job) {
  const p = job.progress || { processed: 0, total: 0 };
  const fraction = p.total > 0 ? p.processed / p.total : (job.state === 'done' ? 1 : 0);
  return { fraction, text: `${p.processed.toLocaleString()} / ${p.total.toLocaleString()} compounds` };
}

async function loadModels() {
  if (!models) {
    const list = await api.get('/models');
    models = Object.fromEntries(list.items.map(m => [m.name, m]));
  }
  return models;
}

const isClassifier = m => m && m.kind && m.kind.includes('classification');

// ---------- sign in ----------

async function whoAmI() {
  me = await api.get('/me');
  $('nav').hidden = false;
  $('who').hidden = false;
  $('who-name').textContent = me.authenticated ? `${me.user} (${me.role})` : 'local (no tokens on this server)';
  $('nav-cluster').hidden = me.role !== 'admin';
  $('sign-out').hidden = !me.authenticated;
}

function showSignIn() {
  fromTemplate('tpl-signin');
  $('nav').hidden = true;
  $('who').hidden = true;
  $('token').focus();
  $('signin-form').addEventListener('submit', guard(async e => {
    e.preventDefault();
    api.setToken($('token').value.trim());
    try {
      await whoAmI();
    } catch (err) {
      api.setToken(null);
      if (err.status === 401) { say('That token was not accepted: check it and try again.'); return; }
      throw err;
    }
    quiet();
    location.hash = '#/libraries';
  }));
}

// ---------- libraries ----------

async function showLibraries() {
  fromTemplate('tpl-libraries');
  let chosen = null;
  let suggested = '';   // the name taken from the last file, replaced when another file is chosen
  const drop = $('drop');
  const choose = file => {
    chosen = file;
    $('drop-file').textContent = file ? `${file.name} (${(file.size / 1024).toFixed(1)} KiB)` : 'No file chosen';
    const name = $('lib-name');
    if (file && (!name.value || name.value === suggested)) {
      suggested = file.name.replace(/\.gz$/i, '').replace(/\.[^.]+$/, '');
      name.value = suggested;
    }
  };
  drop.addEventListener('click', () => $('file').click());
  drop.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('file').click(); } });
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); choose(e.dataTransfer.files[0]); });
  $('file').addEventListener('change', () => choose($('file').files[0]));
  $('upload-form').addEventListener('submit', guard(async e => {
    e.preventDefault();
    if (!chosen) { say('Choose a file to upload first.'); return; }
    const max = me.limits && me.limits.max_upload_bytes;
    if (max && chosen.size > max) {
      say(`Error: ${chosen.name} is ${(chosen.size / 2 ** 20).toFixed(1)} MiB; this server accepts uploads up to ${(max / 2 ** 20).toFixed(0)} MiB (gzip it, or ask the admin for serve --max-upload-mb).`);
      return;
    }
    quiet();
    const bar = $('upload-progress');
    bar.hidden = false;
    $('upload').disabled = true;
    try {
      const library = await api.upload(chosen, { name: $('lib-name').value.trim(), format: $('format').value, smiles_col: $('smiles-col').value.trim(), id_col: $('id-col').value.trim() },
        f => { bar.value = Math.round(f * 100); });
      say(`Uploaded ${chosen.name} as library ${library.id}; ingesting in the cluster.`, true);
      choose(null);
      $('upload-form').reset();
      await poll();
    } finally {
      bar.hidden = true;
      $('upload').disabled = false;
    }
  }));

  const refresh = async () => {
    const page = await api.get('/libraries?limit=1000');
    const body = $('libraries').tBodies[0];
    body.replaceChildren(...page.items.map(lib => el('tr', { 'data-library': lib.id },
      el('td', { text: lib.name }), el('td', {}, el('code', { text: lib.id })), el('td', { text: lib.source_file }),
      el('td', {}, stateText(lib.state), lib.failure ? el('div', { class: 'muted', text: lib.failure }) : null),
      el('td', { class: 'num', text: lib.records.toLocaleString() }),
      el('td', { class: 'num', text: lib.errors.toLocaleString() }),
      el('td', { text: when(lib.created) }),
      el('td', {},
        lib.errors > 0 ? el('button', { type: 'button', class: 'secondary', onclick: guard(() => showErrors(lib)) }, `Show ${lib.errors} bad records`) : null, ' ',
        lib.state === 'ready' ? el('button', { type: 'button', class: 'secondary', onclick: () => { location.hash = `#/screen?library=${encodeURIComponent(lib.id)}`; } }, 'Screen') : null, ' ',
        me.role !== 'pipeline' ? el('button', { type: 'button', class: 'danger', onclick: guard(async () => {
          if (!confirm(`Delete library ${lib.name} and its ${lib.records} records?`)) return;
          await api.del(`/libraries/${encodeURIComponent(lib.id)}`);
          await refresh();
        }) }, 'Delete') : null))));
    $('libraries-empty').hidden = page.items.length > 0;
    return page.items.some(l => l.state === 'ingesting');
  };
  // redrawn only while something is ingesting, so keyboard focus is not lost on an idle page
  let timer = null;
  const poll = async () => {
    clearTimeout(timer);
    if (await refresh()) timer = setTimeout(guard(poll), 1000);
  };
  leaving.push(() => clearTimeout(timer));
  await poll();
}

async function showErrors(lib) {
  const card = $('errors-card');
  card.hidden = false;
  $('errors-title').textContent = `Rejected records of ${lib.name}`;
  const list = $('errors-list');
  list.replaceChildren();
  let offset = 0;
  const more = async () => {
    const page = await api.get(`/libraries/${encodeURIComponent(lib.id)}/errors?offset=${offset}&limit=200`);
    page.items.forEach(item => list.append(el('li', { text: item })));
    offset += page.items.length;
    $('errors-more').hidden = offset >= page.total;
  };
  $('errors-more').onclick = guard(more);
  await more();
  card.scrollIntoView({ behavior: 'smooth' });
}

// ---------- new screen ----------

function cardView(name, card) {
  const part = card.metrics && (card.metrics.test ? 'test' : card.metrics.leaderboard ? 'leaderboard' : card.metrics.validation ? 'validation' : null);
  const wanted = /(^|\/)(roc_auc|pr_auc|rmse|r2|spearman)$/;
  const metricText = part ? Object.entries(card.metrics[part])
    .filter(([k, v]) => typeof v === 'number' && wanted.test(k) && (k.includes('/') || !Object.keys(card.metrics[part]).some(o => o.endsWith('/' + k))))
    .slice(0, 8).map(([k, v]) => `${k} ${Number(v).toFixed(3)}`).join(', ') + ` (${part} set)` : 'not recorded';
  const enrichment = card.metrics && card.metrics.enrichment;
  return el('article', { class: 'model-card' },
    el('h3', { text: name }),
    el('dl', {},
      el('dt', { text: 'Kind' }), el('dd', { text: card.kind }),
      el('dt', { text: 'Target' }), el('dd', { text: card.target || '—' }),
      el('dt', { text: 'Endpoints' }), el('dd', { text: card.endpoints.map(e => e.unit ? `${e.name} (${e.unit})` : e.name).join(', ') }),
      el('dt', { text: 'Training data' }), el('dd', { text: card.trainingData ? `${card.trainingData.file} (${card.trainingData.used.toLocaleString()} rows used)` : '—' }),
      el('dt', { text: 'Metrics' }), el('dd', { text: metricText }),
      enrichment && enrichment['model/ef1'] !== undefined ? el('dt', { text: 'Enrichment' }) : null,
      enrichment && enrichment['model/ef1'] !== undefined ? el('dd', { text: `EF1% ${enrichment['model/ef1'].toFixed(1)}, ROC-AUC ${enrichment['model/roc_auc'].toFixed(3)} (held-out actives among ${enrichment.decoys.toLocaleString()} library compounds)` }) : null,
      el('dt', { text: 'Version' }), el('dd', { text: card.version })));
}

async function showScreen(params) {
  fromTemplate('tpl-screen');
  const [libraries, all] = await Promise.all([api.get('/libraries?limit=1000'), loadModels()]);
  if (me.limits) $('top').max = me.limits.max_top;
  const ready = libraries.items.filter(l => l.state === 'ready');
  $('library').replaceChildren(...ready.map(l => el('option', { value: l.id, selected: l.id === params.get('library') }, `${l.name} (${l.records - l.errors} compounds)`)));
  if (ready.length === 0) say('No library is ready yet: upload one on the Libraries page first.');
  const names = Object.keys(all);
  const targets = names.filter(n => !isClassifier(all[n])).concat(names.filter(n => isClassifier(all[n])));
  $('rank-model').replaceChildren(...targets.map(n => el('option', { value: n }, `${n}${all[n].target ? ' — ' + all[n].target : ''} (${all[n].kind})`)));
  const endpoints = () => {
    const m = all[$('rank-model').value];
    $('rank-endpoint').replaceChildren(...m.endpoints.map(e => el('option', { value: e.name }, e.unit ? `${e.name} (${e.unit})` : e.name)));
    $('tox-models').replaceChildren(...names.filter(n => isClassifier(all[n]) && n !== $('rank-model').value).map(n =>
      el('label', {}, el('input', { type: 'checkbox', name: 'tox', value: n, checked: n === 'tox21' || n === 'herg' }), `${n} — ${all[n].target || all[n].kind} (${all[n].endpoints.length} endpoints)`)));
  };
  $('rank-model').addEventListener('change', endpoints);
  endpoints();
  const cards = await Promise.all(names.map(n => api.get(`/models/${encodeURIComponent(n)}`)));
  $('cards').replaceChildren(...cards.map((c, i) => cardView(names[i], c)));

  $('screen-form').addEventListener('submit', guard(async e => {
    e.preventDefault();
    quiet();
    const rank = $('rank-model').value;
    const tox = [...document.querySelectorAll('input[name=tox]:checked')].map(i => i.value);
    const request = {
      library: $('library').value,
      models: [rank, ...tox],
      rank_by: `${rank}:${$('rank-endpoint').value}`,
      filters: [...document.querySelectorAll('input[name=filter]:checked')].map(i => i.value),
      top: Number($('top').value),
      keep_filtered: $('keep-filtered').checked,
    };
    if ($('max-tox').value !== '') request.max_tox = Number($('max-tox').value);
    if ($('similar-to').value.trim()) {
      request.similar_to = $('similar-to').value.trim();
      request.min_sim = Number($('min-sim').value);
    }
    const job = await api.post('/jobs', request);
    location.hash = `#/jobs/${job.id}`;
  }));
}

// ---------- jobs ----------

async function showJobs() {
  fromTemplate('tpl-jobs');
  const refresh = async () => {
    const page = await api.get('/jobs?limit=200');
    $('jobs').tBodies[0].replaceChildren(...page.items.map(job => {
      const p = progressOf(job);
      return el('tr', { 'data-job': job.id },
        el('td', {}, el('a', { href: `#/jobs/${job.id}` }, when(job.submitted))),
        el('td', { text: job.library }),
        el('td', { text: job.request.models.join(', ') }),
        el('td', {}, stateText(job.state), job.error ? el('div', { class: 'muted', text: job.error }) : null),
        el('td', {}, el('progress', { max: 1, value: p.fraction, 'aria-label': `progress of job ${job.id}` }), ' ', p.text),
        el('td', {}, ['queued', 'running'].includes(job.state)
          ? el('button', { type: 'button', class: 'danger', onclick: guard(async () => { await api.del(`/jobs/${job.id}`); await refresh(); }) }, 'Cancel')
          : null));
    }));
    $('jobs-empty').hidden = page.items.length > 0;
    return page.items.some(j => ['queued', 'running'].includes(j.state));
  };
  let timer = null;
  const poll = guard(async () => { if (await refresh()) timer = setTimeout(poll, 1000); });
  leaving.push(() => clearTimeout(timer));
  await poll();
}

async function showJob(id) {
  fromTemplate('tpl-job');
  const render = job => {
    $('job-title').textContent = `Job on ${job.library}`;
    const r = job.request;
    $('job-summary').textContent = `Ranked by ${r.rank_by}; models ${r.models.join(', ')}; top ${r.top}`
      + (r.filters.length ? `; filters ${r.filters.join(', ')}` : '') + (r.max_tox !== null ? `; max toxicity ${r.max_tox}` : '')
      + (r.similar_to ? `; similar to ${r.similar_to} ≥ ${r.min_sim}` : '') + `. Submitted ${when(job.submitted)}.`;
    const p = progressOf(job);
    $('job-progress').value = p.fraction;
    $('job-progress-text').replaceChildren(stateText(job.state), ` — ${p.text}`, job.error ? ` — ${job.error}` : '');
    $('job-cancel').hidden = !['queued', 'running'].includes(job.state);
  };
  let job = await api.get(`/jobs/${id}`);
  render(job);
  $('job-cancel').addEventListener('click', guard(async () => {
    job = await api.del(`/jobs/${id}`);
    render(job);
    say('Job cancelled.', true);
  }));
  if (['queued', 'running'].includes(job.state)) {
    const stream = api.follow(id, update => { job = update; render(job); });
    leaving.push(stream.abort);
    await stream.done;
    job = await api.get(`/jobs/${id}`);
    render(job);
  }
  if (job.state === 'done') {
    await Promise.all([showHistogram(id), showHits(job)]);
  }
}

async function showHistogram(id) {
  const h = await api.get(`/jobs/${id}/histogram`);
  if (!h.bins.length) return;
  $('histogram-card').hidden = false;
  const width = 900, height = 260, left = 56, bottom = 36, top = 30, right = 12;
  const max = Math.max(...h.bins.map(b => b.count));
  const lo = h.bins[0].from, hi = h.bins[h.bins.length - 1].to;
  const x = v => left + (v - lo) / (hi - lo) * (width - left - right);
  const y = c => height - bottom - (c / max) * (height - bottom - top);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  const label = `Histogram of ${h.rank_by} over ${h.scored.toLocaleString()} scored compounds; the ${h.hits} hits lie at or above ${fmt(h.threshold, 3)}.`;
  svg.setAttribute('aria-label', label);
  const add = (tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  for (const b of h.bins) {
    const isHit = h.threshold !== null && b.to > h.threshold;
    const bar = add('rect', { x: x(b.from) + 0.5, y: y(b.count), width: Math.max(1, x(b.to) - x(b.from) - 1), height: height - bottom - y(b.count),
      fill: isHit ? '#1f5fbf' : '#a9b6c8' });
    const tip = document.createElementNS(ns, 'title');
    tip.textContent = `${fmt(b.from, 2)}–${fmt(b.to, 2)}: ${b.count.toLocaleString()} compounds`;
    bar.append(tip);
  }
  add('line', { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, stroke: '#333' });
  add('line', { x1: left, y1: top, x2: left, y2: height - bottom, stroke: '#333' });
  const ticks = 8;
  for (let i = 0; i <= ticks; i++) {
    const v = lo + (hi - lo) * i / ticks;
    add('text', { x: x(v), y: height - bottom + 16, 'text-anchor': 'middle', 'font-size': 12 }, fmt(v, h.classification ? 2 : 1));
  }
  add('text', { x: left - 6, y: top + 10, 'text-anchor': 'end', 'font-size': 12 }, max.toLocaleString());
  add('text', { x: left - 6, y: height - bottom, 'text-anchor': 'end', 'font-size': 12 }, '0');
  add('text', { x: (left + width) / 2, y: height - 4, 'text-anchor': 'middle', 'font-size': 13 }, `ranking score: ${h.rank_by}`);
  if (h.threshold !== null) {
    add('line', { x1: x(h.threshold), y1: top, x2: x(h.threshold), y2: height - bottom, stroke: '#a3231f', 'stroke-width': 2, 'stroke-dasharray': '6 3' });
    add('text', { x: Math.min(x(h.threshold) + 4, width - 230), y: top - 10, 'font-size': 12, fill: '#a3231f' }, `hit threshold ${fmt(h.threshold, 3)} (dashed)`);
  }
  $('histogram').replaceChildren(svg);
  $('histogram-caption').textContent = label + ' Hits are the dark bars right of the dashed line.';
}

// The hit table: the whole list is read once (at most 10,000 hits), then sorted and paged here.
async function showHits(job) {
  const [list, all] = await Promise.all([api.get(`/jobs/${job.id}/hits`), loadModels()]);
  $('hits-card').hidden = false;
  $('hits-title').textContent = `Hits: ${list.hits.length.toLocaleString()} of ${list.records.toLocaleString()} records`
    + ` (${list.errors} unreadable, ${list.filtered} filtered)`;
  const cols = new Set(list.columns);
  const rankModel = job.request.rank_by.split(':')[0];
  const rankEndpoint = job.request.rank_by.split(':')[1];
  const columns = [
    { key: 'rank', label: 'Rank', num: true, value: h => h.rank, show: h => h.rank },
    { key: 'structure', label: 'Structure', sortable: false, cell: h => structureCell(h) },
    { key: 'id', label: 'ID', value: h => h.id, cell: h => el('td', { class: 'id', text: h.id }) },
    { key: 'score', label: 'Score', num: true, value: h => h.score, show: h => fmt(h.score, 3) },
  ];
  for (const name of job.request.models) {
    const m = all[name] || { kind: '', endpoints: [] };
    if (!isClassifier(m)) {
      for (const e of m.endpoints) {
        const k = `${name}.${e.name}`;
        if (!cols.has(k)) continue;
        columns.push({ key: k, label: `${name} ${e.name}${e.unit && e.unit !== e.name ? ' (' + e.unit + ')' : ''} ± sd`, num: true, value: h => h[k],
          cell: h => el('td', { class: 'num' }, `${fmt(h[k], 2)} ± ${fmt(h[k + '_std'], 2)}`) });
      }
      columns.push({ key: `${name}_in_domain`, label: `${name} domain`, value: h => (h[`${name}_in_domain`] ? 1 : 0),
        cell: h => el('td', {}, h[`${name}_in_domain`] ? 'in domain' : el('span', { class: 'flag-out', title: `nearest training compound: Tanimoto ${fmt(h[`${name}_nearest_training`], 2)}` }, '⚠ out of domain')) });
    } else {
      const keys = m.endpoints.map(e => `${name}.${e.name}`).filter(k => cols.has(k));
      const worst = h => keys.reduce((best, k) => (h[k] > best.p ? { p: h[k], k } : best), { p: -1, k: null });
      columns.push({ key: `${name}.max`, label: name === rankModel ? `${name} ${rankEndpoint}` : `${name} (worst endpoint)`, num: true,
        value: h => (name === rankModel ? h[`${name}.${rankEndpoint}`] : worst(h).p),
        cell: h => {
          const w = name === rankModel ? { p: h[`${name}.${rankEndpoint}`], k: `${name}.${rankEndpoint}` } : worst(h);
          return el('td', { class: 'num' }, risk(w.p), keys.length > 1 ? el('div', { class: 'muted', text: w.k ? w.k.slice(name.length + 1) : '' }) : null);
        } });
    }
  }
  for (const [k, label, digits] of [['mw', 'MW', 1], ['clogp', 'cLogP', 2], ['tpsa', 'TPSA', 1], ['qed', 'QED', 2], ['ro5_violations', 'Ro5 viol.', 0]]) {
    columns.push({ key: k, label, num: true, value: h => h[k], show: h => fmt(h[k], digits) });
  }
  columns.push({ key: 'pains', label: 'PAINS alerts', value: h => h.pains || '', show: h => h.pains || '—' });
  if (cols.has('similarity')) columns.push({ key: 'similarity', label: 'Similarity', num: true, value: h => h.similarity, show: h => fmt(h.similarity, 2) });
  if (cols.has('filtered')) columns.push({ key: 'filtered', label: 'Filtered because', value: h => h.filtered || '', show: h => h.filtered || '' });
  columns.push({ key: 'details', label: 'Details', sortable: false, cell: h => el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => openCompound(h, list.columns) }, 'Open')) });

  let order = { key: 'rank', dir: 1 };
  let page = 0;
  let rows = list.hits.slice();
  const pageSize = () => Number($('page-size').value);
  const head = el('tr', {}, columns.map(c => {
    const th = el('th', { scope: 'col', class: c.num ? 'num' : null, 'data-key': c.key });
    if (c.sortable === false) th.textContent = c.label;
    else {
      th.setAttribute('aria-sort', c.key === 'rank' ? 'ascending' : 'none');
      th.append(el('button', { type: 'button', class: 'sort', onclick: () => sortBy(c) }, c.label));
    }
    return th;
  }));
  $('hits').tHead.replaceChildren(head);
  const sortBy = c => {
    order = { key: c.key, dir: order.key === c.key ? -order.dir : (c.num ? -1 : 1) };
    rows = list.hits.slice().sort((a, b) => {
      const va = c.value(a), vb = c.value(b);
      const cmp = (typeof va === 'number' && typeof vb === 'number') ? va - vb : String(va).localeCompare(String(vb));
      return cmp * order.dir || a.rank - b.rank;
    });
    head.querySelectorAll('th[aria-sort]').forEach(th => th.setAttribute('aria-sort', th.dataset.key === c.key ? (order.dir > 0 ? 'ascending' : 'descending') : 'none'));
    page = 0;
    draw();
  };
  const draw = () => {
    const size = pageSize();
    const pages = Math.max(1, Math.ceil(rows.length / size));
    page = Math.min(page, pages - 1);
    const shown = rows.slice(page * size, (page + 1) * size);
    $('hits').tBodies[0].replaceChildren(...shown.map(h => el('tr', { 'data-id': h.id },
      columns.map(c => (c.cell ? c.cell(h) : el('td', { class: c.num ? 'num' : null, text: c.show(h) }))))));
    $('page-text').textContent = `Page ${page + 1} of ${pages} (hits ${rows.length ? page * size + 1 : 0}–${Math.min(rows.length, (page + 1) * size)} of ${rows.length})`;
    $('page-prev').disabled = page === 0;
    $('page-next').disabled = page >= pages - 1;
  };
  $('page-prev').onclick = () => { page--; draw(); };
  $('page-next').onclick = () => { page++; draw(); };
  $('page-size').onchange = () => { page = 0; draw(); };
  $('download-csv').onclick = guard(() => api.download(`/jobs/${job.id}/hits?format=csv`, `hits-${job.id}.csv`));
  $('download-sdf').onclick = guard(() => api.download(`/jobs/${job.id}/hits?format=sdf`, `hits-${job.id}.sdf`));
  draw();
}

function risk(p) {
  if (p === null || p === undefined) return '';
  if (p >= 0.5) return el('span', { class: 'risk high', title: 'high toxicity probability' }, `▲ ${fmt(p, 2)}`);
  if (p >= 0.3) return el('span', { class: 'risk medium', title: 'medium toxicity probability' }, `● ${fmt(p, 2)}`);
  return el('span', { class: 'risk low' }, fmt(p, 2));
}

function structureCell(h) {
  const img = el('img', { class: 'structure', alt: `structure of ${h.id}: ${h.smiles}`, width: 110, height: 88 });
  api.depiction(h.smiles).then(url => { img.src = url; }).catch(() => { img.alt = `${h.id}: could not be drawn`; });
  return el('td', {}, img);
}

function openCompound(h, columns) {
  const dialog = $('compound');
  $('compound-title').textContent = `Rank ${h.rank}: ${h.id}`;
  const img = $('compound-image');
  img.alt = `structure of ${h.id}: ${h.smiles}`;
  api.depiction(h.smiles).then(url => { img.src = url; }).catch(problem);
  $('compound-values').replaceChildren(...columns.flatMap(c => [el('dt', { text: c }),
    el('dd', { text: h[c] === null || h[c] === undefined ? '' : String(h[c]) })]));
  dialog.showModal();
}

// ---------- cluster ----------

async function showCluster() {
  fromTemplate('tpl-cluster');
  const refresh = async () => {
    const c = await api.get('/cluster');
    $('cluster-summary').textContent = `State ${c.state}; ${c.nodes.length} server node(s); ${c.libraries} libraries. Workers join with: molscreen worker --join ${c.join_address}`;
    $('nodes').tBodies[0].replaceChildren(...c.nodes.map(n => el('tr', {},
      el('td', { text: n.name + (n.local ? ' (this node)' : '') }), el('td', { text: n.addresses.join(', ') }),
      el('td', { class: 'num', text: `${(n.heap_used_bytes / 2 ** 20).toFixed(0)} / ${(n.heap_max_bytes / 2 ** 20).toFixed(0)} MiB` }),
      el('td', { class: 'num', text: `${(n.cpu_load * 100).toFixed(0)} % of ${n.cpus} cores` }),
      el('td', { class: 'num', text: n.primary_partitions }), el('td', { class: 'num', text: n.backup_partitions }))));
    $('running').tBodies[0].replaceChildren(...c.jobs_running.map(j => el('tr', {},
      el('td', {}, el('code', { text: j.id })), el('td', { text: j.owner || '' }), el('td', { text: j.library }), el('td', {}, stateText(j.state)),
      el('td', { text: `${j.processed.toLocaleString()} / ${j.total.toLocaleString()}` }), el('td', { text: j.coordinator || '' }))));
  };
  await refresh();
  const timer = setInterval(guard(refresh), 2000);
  leaving.push(() => clearInterval(timer));
}

// ---------- routing ----------

async function route() {
  leaving.forEach(stop => stop());
  leaving = [];
  const [path, query] = (location.hash.slice(1) || '/libraries').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'signin') { showSignIn(); return; }
  if (!me) {
    try {
      await whoAmI();
    } catch (e) {
      if (e.status === 401) { location.hash = '#/signin'; return; }
      problem(e);
      return;
    }
  }
  document.querySelectorAll('#nav a').forEach(a => a.toggleAttribute('aria-current', a.dataset.view === parts[0]));
  document.querySelectorAll('#nav a[aria-current]').forEach(a => a.setAttribute('aria-current', 'page'));
  const views = {
    libraries: () => showLibraries(),
    screen: () => showScreen(params),
    jobs: () => (parts[1] ? showJob(parts[1]) : showJobs()),
    cluster: () => showCluster(),
  };
  try {
    await (views[parts[0]] || views.libraries)();
  } catch (e) {
    problem(e);
  }
}

$('message-close').addEventListener('click', quiet);
$('sign-out').addEventListener('click', () => { api.setToken(null); me = null; models = null; quiet(); location.hash = '#/signin'; });
// after a navigation, keyboard and screen-reader users start at the new view, not at the old link
window.addEventListener('hashchange', () => { quiet(); route().then(() => { if (!main.contains(document.activeElement)) main.focus({ preventScroll: true }); }); });
route();
