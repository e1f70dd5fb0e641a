// The inbox as a work queue: filter, search, sort and saved views in the browser; one panel per row,
// loaded when opened; keyboard shortcuts; rows refreshed live when the server says tasks changed.
(function () {
  const $ = id => document.getElementById(id);
  const tbody = () => $('rows');
  const rows = () => [...tbody().querySelectorAll('tr.task')];
  const panelOf = row => $('panel-' + row.dataset.task);
  const controls = { q: $('q'), show: $('show'), stage: $('stage'), overdue: $('overdue'), hot: $('hot'), sort: $('sort') };
  const VIEWS = 'leadjourney.inbox.views';

  function state() {
    return { q: controls.q.value, show: controls.show.value, stage: controls.stage.value, overdue: controls.overdue.checked,
      hot: controls.hot.checked, sort: controls.sort.value };
  }

  function when(row, name) {
    const at = Date.parse(row.dataset[name]);
    return isNaN(at) ? Infinity : at;
  }

  const orders = {
    due: (a, b) => when(a, 'due') - when(b, 'due'),
    priority: (a, b) => (b.dataset.hot === 'true') - (a.dataset.hot === 'true') || when(a, 'due') - when(b, 'due'),
    age: (a, b) => when(a, 'created') - when(b, 'created'),
  };

  function matches(row, s, q) {
    return (!q || row.dataset.search.includes(q))
      && (s.show === 'all' || (s.show === 'mine' ? row.dataset.mine === 'true' : row.dataset.queue === 'true'))
      && (!s.stage || row.dataset.stage === s.stage)
      && (!s.overdue || row.dataset.overdue === 'true')
      && (!s.hot || row.dataset.hot === 'true');
  }

  function refresh() {
    const s = state(), q = s.q.trim().toLowerCase(), list = rows().sort(orders[s.sort] || orders.due);
    let shown = 0;
    for (const row of list) {
      tbody().append(row, panelOf(row)); // a row's panel stays right below it
      row.hidden = !matches(row, s, q);
      if (row.hidden) panelOf(row).hidden = true; else shown++;
    }
    $('count').textContent = shown + ' of ' + list.length + ' tasks shown';
  }

  // Panels: one task's contact card and forms, fetched when first opened.
  async function open(row, shortcut) {
    const panel = panelOf(row), body = panel.querySelector('.panel-body');
    panel.hidden = false;
    row.querySelector('button.open').setAttribute('aria-expanded', 'true');
    if (!body.children.length) {
      const answer = await fetch('/inbox/' + row.dataset.task + '/panel', { headers: { Accept: 'text/html' } });
      body.innerHTML = answer.ok ? await answer.text()
        : '<p class="problem" role="alert">' + (answer.status === 409 || answer.status === 404
          ? 'This task was just closed or moved; the list refreshes by itself.' : 'This task could not be opened (' + answer.status + ').') + '</p>';
      if (window.localiseTimes) window.localiseTimes(body);
    }
    const target = shortcut && body.querySelector('[data-key="' + shortcut + '"]');
    if (target) shortcut === 't' ? target.click() : target.focus();
  }

  function close(row) {
    panelOf(row).hidden = true;
    row.querySelector('button.open').setAttribute('aria-expanded', 'false');
  }

  function select(row) {
    if (!row) return;
    rows().forEach(r => r.classList.toggle('selected', r === row));
    row.focus();
  }

  const current = () => rows().find(r => r.classList.contains('selected')) || rows().find(r => !r.hidden);

  tbody().addEventListener('click', e => {
    const button = e.target.closest('button.open');
    if (!button) return;
    const row = button.closest('tr.task');
    select(row);
    panelOf(row).hidden ? open(row) : close(row);
  });

  document.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest('input, select, textarea')) {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    const visible = rows().filter(r => !r.hidden), row = current(), i = visible.indexOf(row);
    const keys = {
      j: () => select(visible[Math.min(i + 1, visible.length - 1)]),
      k: () => select(visible[Math.max(i - 1, 0)]),
      o: () => row && (panelOf(row).hidden ? open(row) : close(row)),
      t: () => row && open(row, 't'),
      l: () => row && open(row, 'l'),
      c: () => row && open(row, 'c'),
      '/': () => controls.q.focus(),
      Escape: () => row && close(row),
    };
    const action = keys[e.key] || (e.key === 'Enter' && e.target.matches('tr.task') ? keys.o : null);
    if (action) {
      e.preventDefault();
      action();
    }
  });

  // Saved views: named filter, search and sort, kept in this browser.
  const saved = () => JSON.parse(localStorage.getItem(VIEWS) || '{}');
  function listViews() {
    const select = $('views'), views = saved();
    select.replaceChildren(new Option('—', ''), ...Object.keys(views).sort().map(name => new Option(name, name)));
  }
  $('views').addEventListener('change', e => {
    const view = saved()[e.target.value];
    if (!view) return;
    for (const [name, value] of Object.entries(view)) {
      if (!controls[name]) continue;
      controls[name].type === 'checkbox' ? controls[name].checked = value : controls[name].value = value;
    }
    refresh();
  });
  $('save-view').addEventListener('click', () => {
    const name = prompt('Name this view (filters, search and sort as they are now)');
    if (!name) return;
    localStorage.setItem(VIEWS, JSON.stringify({ ...saved(), [name]: state() }));
    listViews();
    $('views').value = name;
  });
  $('delete-view').addEventListener('click', () => {
    const views = saved();
    delete views[$('views').value];
    localStorage.setItem(VIEWS, JSON.stringify(views));
    listViews();
  });
  Object.values(controls).forEach(c => c.addEventListener(c.type === 'search' ? 'input' : 'change', refresh));

  const all = $('select-all');
  if (all) all.addEventListener('change', () => rows().filter(r => !r.hidden)
    .forEach(r => { const box = r.querySelector('input[type=checkbox]'); if (box) box.checked = all.checked; }));

  // Browser alerts for new hot leads, when the person allows them.
  const alerts = $('allow-alerts');
  if ('Notification' in window && Notification.permission === 'default') {
    alerts.hidden = false;
    alerts.addEventListener('click', () => Notification.requestPermission().then(() => { alerts.hidden = true; }));
  }
  function announce(row) {
    if (row.dataset.hot !== 'true' || !('Notification' in window) || Notification.permission !== 'granted') return;
    new Notification('Hot lead: ' + row.querySelector('button.open').textContent, { body: 'First touch due soon. Open the inbox to take it.' });
  }

  // Live: the server says "tasks changed"; the rows are fetched again (scoped to this person) and
  // merged, so an open panel and what is typed in it stay.
  // At most one refresh a second however busy the journeys are; the last change always gets one.
  let reloading = null, lastReload = 0, queued = null;
  function changed() {
    const wait = lastReload + 1000 - Date.now();
    if (wait <= 0) return reload();
    if (!queued) queued = setTimeout(() => { queued = null; reload(); }, wait);
  }
  async function reload() {
    if (reloading) return reloading;
    lastReload = Date.now();
    reloading = (async () => {
      const answer = await fetch('/inbox/rows', { headers: { Accept: 'text/html' } });
      if (!answer.ok) return;
      const table = document.createElement('table');
      table.innerHTML = await answer.text();
      const fresh = new Map([...table.querySelectorAll('tr.task')].map(r => [r.dataset.task, r]));
      for (const row of rows()) {
        const next = fresh.get(row.dataset.task);
        if (!next) {
          const panel = panelOf(row);
          if (!panel.hidden) panel.querySelector('.panel-body').innerHTML = '<p class="meta" role="status">This task was completed or moved.</p>';
          else panel.remove();
          row.remove();
          continue;
        }
        const box = row.querySelector('input[type=checkbox]'), checked = box && box.checked;
        row.innerHTML = next.innerHTML;
        Object.assign(row.dataset, next.dataset);
        const again = row.querySelector('input[type=checkbox]');
        if (again) again.checked = checked;
        if (!panelOf(row).hidden) row.querySelector('button.open').setAttribute('aria-expanded', 'true');
        fresh.delete(row.dataset.task);
      }
      for (const row of fresh.values()) {
        tbody().append(row, table.querySelector('#panel-' + row.dataset.task));
        row.classList.add('arrived');
        announce(row);
      }
      if ($('empty')) $('empty').hidden = rows().length > 0;
      if (window.tick) window.tick();
      if (window.localiseTimes) window.localiseTimes(tbody());
      refresh();
    })().finally(() => { reloading = null; });
    return reloading;
  }

  document.addEventListener('live:tasks', changed); // live.js
  setInterval(reload, 60000); // what another app instance changed, and a missed event

  listViews();
  refresh();
  const opened = document.querySelector('tr.panel:not([hidden])');
  if (opened) select(document.getElementById(opened.id.replace('panel-', 'task-')));
})();
