// Trackly: a small project tracker that reports what its users do to wowpath, as a real
// SaaS app would. Its routes use the History API, like most single-page apps.
const view = document.getElementById('view');
const state = JSON.parse(localStorage.getItem('trackly') || '{"projects":[],"team":[],"shared":0}');
const save = () => localStorage.setItem('trackly', JSON.stringify(state));
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const pages = {
  '/': () => `
    <h1>Projects</h1>
    <form id="new-project"><input name="name" placeholder="Project name" required aria-label="Project name">
      <button class="primary" type="submit" id="create-project">Create project</button></form>
    <ul class="items" id="projects">${state.projects.map((p) => `<li>${esc(p)}</li>`).join('') || '<li class="empty">No projects yet.</li>'}</ul>`,
  '/team': () => `
    <h1>Team</h1>
    <form id="invite"><input name="email" type="email" placeholder="teammate@example.com" required aria-label="Email">
      <button class="primary" type="submit" id="invite-button">Send invite</button></form>
    <ul class="items">${state.team.map((t) => `<li>${esc(t)} (invited)</li>`).join('') || '<li class="empty">Only you so far.</li>'}</ul>`,
  '/reports': () => `
    <h1>Reports</h1>
    <p>Weekly progress: ${state.projects.length} projects, ${state.team.length} teammates.</p>
    <button class="primary" type="button" id="share-report">Share report</button>
    <p id="shared">${state.shared ? `Shared ${state.shared} time(s).` : ''}</p>`,
};

function render() {
  const path = pages[location.pathname] ? location.pathname : '/';
  view.innerHTML = pages[path]();
  for (const a of document.querySelectorAll('[data-link]')) {
    a.toggleAttribute('aria-current', a.getAttribute('href') === path);
    if (a.hasAttribute('aria-current')) a.setAttribute('aria-current', 'page');
  }
}

function navigate(path) {
  history.pushState({}, '', path);
  render();
  wowpath('page');
}

document.addEventListener('click', (e) => {
  const link = e.target.closest('a[data-link]');
  if (link) {
    e.preventDefault();
    navigate(link.getAttribute('href'));
  }
  if (e.target.id === 'share-report') {
    state.shared += 1;
    save();
    render();
    wowpath('track', 'Report Shared', { recipients: 1 });
  }
});

document.addEventListener('submit', (e) => {
  e.preventDefault();
  const data = new FormData(e.target);
  if (e.target.id === 'new-project') {
    state.projects.push(data.get('name'));
    save();
    render();
    wowpath('track', 'Project Created', { name: data.get('name') });
  } else if (e.target.id === 'invite') {
    state.team.push(data.get('email'));
    save();
    render();
    wowpath('track', 'Teammate Invited', { role: 'member' });
  }
});

window.addEventListener('popstate', render);

// Signing in tells wowpath who the user is; signing out forgets them on this browser.
const signIn = document.getElementById('sign-in');
const signOut = document.getElementById('sign-out');
const who = document.getElementById('signed-in');
function showUser() {
  const user = localStorage.getItem('trackly-user');
  signIn.hidden = !!user;
  signOut.hidden = who.hidden = !user;
  who.textContent = user ? `Signed in as ${user}` : '';
}
signIn.addEventListener('click', () => {
  localStorage.setItem('trackly-user', 'ada');
  wowpath('identify', 'ada', { name: 'Ada', plan: 'trial' });
  showUser();
});
// A help-menu item: the project tour, again, even for someone who closed or finished it.
// (The playground's copy of the app has no such button.)
document.getElementById('tour-again')?.addEventListener('click', () => {
  if (location.pathname !== '/') navigate('/');
  wowpath('start', 'project-tour', { replay: true });
});
signOut.addEventListener('click', () => {
  localStorage.removeItem('trackly-user');
  wowpath('reset');
  showUser();
});

showUser();
render();
