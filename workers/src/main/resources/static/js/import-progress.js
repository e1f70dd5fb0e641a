// Polls the import until it is done, then lists every bad row with its reason.
function row(p) {
  const tr = document.createElement('tr');
  for (const value of [p.row, p.column, p.reason]) { const td = document.createElement('td'); td.textContent = value; tr.append(td); }
  return tr;
}

async function poll() {
  const job = await (await fetch(document.body.dataset.progress, {credentials: 'same-origin'})).json();
  const bar = document.getElementById('bar');
  bar.max = Math.max(job.totalRows, 1);
  bar.value = job.processedRows;
  document.getElementById('counts').textContent = job.processedRows + ' of ' + job.totalRows + ' rows: ' + job.created + ' new, '
      + job.duplicates + ' already known, ' + job.rejected + ' not imported' + (job.noted ? ', ' + job.noted + ' with a remark' : '') + (job.state === 'done' ? ' — done.' : job.state === 'failed' ? ' — failed: ' + job.failure : '');
  document.querySelector('#problems tbody').replaceChildren(...job.problems.map(row));
  document.querySelector('#notes tbody').replaceChildren(...job.notes.map(row));
  document.getElementById('notes-section').hidden = job.notes.length === 0;
  document.getElementById('problems').hidden = job.problems.length === 0;
  document.getElementById('none').hidden = job.problems.length > 0;
  if (job.state === 'running') setTimeout(poll, 400);
}
poll();
