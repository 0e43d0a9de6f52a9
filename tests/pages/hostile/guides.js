// Shared by the hostile host pages: pastes the wowpath snippet and starts it with inline guides
// for the surface named in `?surface=` (checklist, tooltip, hotspot, modal, inject; `none`
// loads no widget at all, the baseline the tests compare the host page's styles against).
// The page names its anchor `#target` (a second step uses `#target2` when the page has one) and
// may set `window.HOSTILE = { placement, locale }` before this script.
(function (w, d) {
  var params = new URLSearchParams(location.search);
  var surface = params.get('surface') || 'tooltip';
  if (surface === 'none') return;
  !function(w,u){if(w.wowpath)return;var q=[],c=function(p){p.catch(function(){});return p},f=w.wowpath=function(){var a=arguments,o=a[1];if(a[0]=="init"&&!("g"in f))try{f.g=w.fetch&&o&&o.guides===void 0&&typeof o.guidesUrl=="string"&&o.guidesUrl?[o.guidesUrl,c(fetch(o.guidesUrl,{cache:"no-cache"}))]:0}catch(e){}return c(new Promise(function(r,j){q.push([a,r,j])}))};f.q=q;if(w.fetch)try{f.w=c(fetch(u+"wowpath_bg.wasm"))}catch(e){}import(u+"loader.js").catch(function(e){e=Error("wowpath: could not load "+u+"loader.js: "+e);console.error(e.message);q.push=function(c){c[2](e)};q.splice(0).forEach(q.push)})}(w,"/pkg/");
  var page = w.HOSTILE || {};
  var placement = params.get('placement') || page.placement || 'bottom';
  var second = page.second || '#target';
  // Payloads that would run if any text were ever parsed as HTML. (A `javascript:` link is
  // refused by the validator before anything renders.)
  var PAYLOAD = '<img src=x onerror="window.__pwned=\'img\'"><script>window.__pwned=\'script\'</' + 'script><b>bold?</b>';
  var guides = {
    checklist: { id: 'setup', title: 'Get started', steps: [
      { id: 'one', title: 'Create a project', body: 'Projects hold **everything**.', complete_when: { event: 'Project Created' } },
      { id: 'two', title: 'Invite a teammate', body: 'Work is better together.', buttons: [{ label: 'Go to Team', action: 'go_to_url', url: '/team' }], complete_when: { event: 'Teammate Invited' } },
      { id: 'three', title: 'Share a report', complete_when: { event: 'Report Shared' } }
    ] },
    tooltip: { id: 'tour', title: 'Tour', steps: [
      { id: 'first', kind: 'tooltip', anchor: '#target', placement: placement, title: 'Tour step 1', body: 'This is *your* target.' },
      { id: 'second', kind: 'tooltip', anchor: second, placement: placement, title: 'Tour step 2', body: 'And this one.' }
    ] },
    hotspot: { id: 'tips', title: 'Tips', steps: [
      { id: 'dot', kind: 'hotspot', anchor: '#target', placement: placement, title: 'A hidden gem', body: 'Open it when you like.' }
    ] },
    modal: { id: 'news', title: 'News', steps: [
      { id: 'hello', kind: 'modal', title: 'Tour step 1', body: 'Welcome. [Read more](https://example.com/news).' },
      { id: 'bye', kind: 'modal', title: 'Tour step 2', body: 'That is all.' }
    ] },
    inject: { id: 'evil', title: PAYLOAD, steps: [
      { id: 'tip', kind: 'tooltip', anchor: '#target', title: PAYLOAD, body: PAYLOAD + ' and **markdown**' },
      { id: 'item', title: PAYLOAD, body: PAYLOAD, complete_when: { event: 'Never' } }
    ] }
  };
  var guide = guides[surface];
  // `?manual`: the guide waits for wowpath('start', id), so a test can focus a host element first.
  if (params.has('manual')) guide.start = { manual: true };
  var file = { version: 1, guides: [guide] };
  if (page.locales) {
    // Only this guide's texts and the widget's words: keys naming guides the file lacks are errors.
    var mine = {};
    for (var l in page.locales) {
      mine[l] = {};
      for (var k in page.locales[l]) if (k.indexOf(guide.id + '.') === 0 || k.indexOf('ui.') === 0) mine[l][k] = page.locales[l][k];
    }
    file.locales = mine;
  }
  w.HOSTILE_PAYLOAD = PAYLOAD;
  w.wowpath('init', { writeKey: 'hostile-' + surface, flushAfterMs: 60000, guides: file, locale: page.locale });
})(window, document);
