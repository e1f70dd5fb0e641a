// Draws the version and keeps the waiting counts on it current.
const diagram = document.getElementById('diagram');
if (diagram) {
  const viewer = new BpmnJS({ container: '#canvas' });
  const show = async () => {
    await viewer.importXML(await (await fetch(diagram.dataset.bpmn, { credentials: 'same-origin' })).text());
    viewer.get('canvas').zoom('fit-viewport');
    await refresh();
    setInterval(refresh, 5000);
  };
  const refresh = async () => {
    const counts = await (await fetch(diagram.dataset.counts, { credentials: 'same-origin' })).json();
    const overlays = viewer.get('overlays'), elements = viewer.get('elementRegistry');
    overlays.remove({ type: 'waiting' });
    const rows = [];
    for (const [id, count] of Object.entries(counts).sort()) {
      if (id === diagram.dataset.process) { document.getElementById('running').textContent = count; continue; }
      if (elements.get(id)) {
        overlays.add(id, 'waiting', { position: { top: -12, right: 12 }, html: '<span class="waiting" data-element="' + id + '">' + count + '</span>' });
      }
      const tr = document.createElement('tr');
      tr.dataset.element = id;
      for (const [value, cls] of [[id, ''], [count, 'num']]) { const td = document.createElement('td'); td.textContent = value; td.className = cls; tr.append(td); }
      rows.push(tr);
    }
    document.querySelector('#waiting tbody').replaceChildren(...rows);
  };
  show().catch(e => {
    const problem = Object.assign(document.createElement('p'), { className: 'problem', textContent: 'The diagram could not be drawn: ' + e.message });
    problem.setAttribute('role', 'alert');
    diagram.append(problem);
  });
}
