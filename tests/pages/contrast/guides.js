// The contrast test page: one surface (`?surface=checklist|tooltip|hotspot|modal`) in one theme
// (`?theme=brand|low|night`, none by default), right to left with `?rtl`. Every kind of text
// a surface can show is here: done and open checklist items, the wow star, bodies with bold,
// italics and links, primary and secondary buttons, the close button, progress.
(function (w, d) {
  var params = new URLSearchParams(location.search);
  var surface = params.get('surface') || 'tooltip';
  var rtl = params.has('rtl');
  if (rtl) { d.documentElement.dir = 'rtl'; d.documentElement.lang = 'ar'; }
  !function(w,u){if(w.wowpath)return;var q=[],c=function(p){p.catch(function(){});return p},f=w.wowpath=function(){var a=arguments,o=a[1];if(a[0]=="init"&&!("g"in f))try{f.g=w.fetch&&o&&o.guides===void 0&&typeof o.guidesUrl=="string"&&o.guidesUrl?[o.guidesUrl,c(fetch(o.guidesUrl,{cache:"no-cache"}))]:0}catch(e){}return c(new Promise(function(r,j){q.push([a,r,j])}))};f.q=q;if(w.fetch)try{f.w=c(fetch(u+"wowpath_bg.wasm"))}catch(e){}import(u+"loader.js").catch(function(e){e=Error("wowpath: could not load "+u+"loader.js: "+e);console.error(e.message);q.push=function(c){c[2](e)};q.splice(0).forEach(q.push)})}(w,"/pkg/");
  var themes = {
    // The README's example: fine on white, too dark for links on the dark-mode surface.
    brand: { accent: '#5b5bd6', radius: 10 },
    // Deliberately unreadable as written: grey on grey, white on yellow.
    low: { accent: '#ffd400', background: '#f4f4f4', text: '#9a9a9a' },
    // A dark brand surface, whatever the page's scheme.
    night: { accent: '#7c3aed', background: '#101828', text: '#e4e7ec' }
  };
  var guides = {
    checklist: { id: 'setup', title: 'Get started', steps: [
      { id: 'one', title: 'Create a project', body: 'Projects hold **everything**.', complete_when: { event: 'Project Created' } },
      { id: 'two', title: 'Invite a teammate', body: 'Work *together*.', buttons: [{ label: 'Go to Team', action: 'go_to_url', url: '/team' }], complete_when: { event: 'Teammate Invited' } },
      { id: 'three', title: 'Share a report', body: 'See [how](https://example.com/share).', complete_when: { event: 'Report Shared' } }
    ] },
    tooltip: { id: 'tour', title: 'Tour', steps: [
      { id: 'first', kind: 'tooltip', anchor: '#target', title: 'Tour step 1', body: 'This is **your** target. [Learn more](https://example.com/more).',
        buttons: [{ label: 'Skip', action: 'dismiss' }, { label: 'Next', action: 'next' }] },
      { id: 'second', kind: 'tooltip', anchor: '#target', title: 'Tour step 2', body: 'And *this* one.' }
    ] },
    hotspot: { id: 'tips', title: 'Tips', steps: [
      { id: 'dot', kind: 'hotspot', anchor: '#target', title: 'A hidden gem', body: 'Open it *when* you like.' }
    ] },
    modal: { id: 'news', title: 'News', steps: [
      { id: 'hello', kind: 'modal', title: 'Welcome', body: 'Welcome. [Read more](https://example.com/news).',
        buttons: [{ label: 'Later', action: 'dismiss' }, { label: 'Got it', action: 'complete' }] },
      { id: 'bye', kind: 'modal', title: 'Goodbye', body: 'That is all.' }
    ] }
  };
  var ar = {
    'setup.title': 'ابدأ هنا', 'setup.one.title': 'أنشئ مشروعا', 'setup.two.title': 'ادع زميلا', 'setup.three.title': 'شارك تقريرا',
    'setup.two.buttons.0': 'اذهب إلى الفريق',
    'tour.first.title': 'الخطوة الأولى', 'tour.first.body': 'هذا هو **الهدف**.', 'tour.first.buttons.0': 'تخطى', 'tour.first.buttons.1': 'التالي',
    'tour.second.title': 'الخطوة الثانية',
    'tips.dot.title': 'نصيحة', 'tips.dot.body': 'افتحها *متى* شئت.',
    'news.hello.title': 'مرحبا', 'news.hello.body': 'أهلا بك. [المزيد](https://example.com/news).', 'news.hello.buttons.0': 'لاحقا', 'news.hello.buttons.1': 'فهمت',
    'news.bye.title': 'وداعا'
  };
  var guide = guides[surface];
  var file = { version: 1, guides: [guide] };
  if (surface === 'checklist') file.wow = { step: 'setup/three' };
  if (themes[params.get('theme')]) file.theme = themes[params.get('theme')];
  if (rtl) {
    var mine = {};
    for (var k in ar) if (k.indexOf(guide.id + '.') === 0) mine[k] = ar[k];
    file.locales = { ar: mine };
  }
  w.wowpath('init', { writeKey: 'contrast-' + surface, flushAfterMs: 60000, guides: file, locale: rtl ? 'ar' : undefined });
  // One item done, so the panel shows a done item beside open ones.
  if (surface === 'checklist') w.wowpath('track', 'Project Created');
})(window, document);
