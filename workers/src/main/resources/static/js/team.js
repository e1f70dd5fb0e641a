// The team page says when tasks changed since it was drawn (live.js), instead of going stale silently.
document.addEventListener('live:tasks', () => { document.getElementById('stale').hidden = false; });
