// The pages' progressive enhancement, loaded with each page's CSP nonce: a form with data-api is sent with fetch as JSON
// to the Gatehouse API and its error (with the retry time of a rate limit) shown in place; without JavaScript the same
// form posts to the page. The form token is the page's own; the API checks the request's origin instead.
document.querySelectorAll('form[data-api]').forEach(function (form) {
  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    const body = {};
    new FormData(form).forEach(function (v, k) {
      if (k === 'csrf' || k === 'next') { return; } // the page's own fields, not the API's
      if (k === 'scopes') { body[k] = v.split(',').map(function (s) { return s.trim(); }).filter(Boolean); }
      else if (k === 'expiresInDays') { if (v !== '') body[k] = parseInt(v, 10); }
      else { body[k] = v; }
    });
    const res = await fetch(form.dataset.api, {method: form.dataset.method || 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'}, body: JSON.stringify(body)});
    let data = {};
    try { data = await res.json(); } catch (e) { data = {}; }
    const msg = document.getElementById('message');
    const ctx = document.body.dataset.ctx;
    if (data.code === 'mfa_required') {
      const methods = data.methods || [];
      window.location.href = ctx + '/login/code' + (!methods.includes('passkey') ? ''
        : methods.length === 1 ? '?passkey=only' : '?passkey=1');
      return;
    }
    if (data.code === 'reauth_required') {
      window.location.href = ctx + '/account/confirm?next='
        + encodeURIComponent(window.location.pathname.substring(ctx.length) + window.location.search);
      return;
    }
    if (data.mfaEnrolmentRequired) { window.location.href = ctx + '/account/security'; return; }
    if (!res.ok) {
      let text = data.error || ('Request failed (' + res.status + ')');
      if (res.status === 429 && res.headers.get('Retry-After')) {
        text += ' (retry in ' + res.headers.get('Retry-After') + ' s)';
      }
      msg.className = 'error'; msg.textContent = text; return;
    }
    if (data.location) { window.location.href = data.location; return; } // to a sign-in provider
    if (data.token) {
      msg.className = 'ok'; msg.innerHTML = '';
      const c = document.createElement('code'); c.id = 'new-token'; c.textContent = data.token;
      msg.append('New token (shown once): ', c); return;
    }
    window.location.href = form.dataset.next || window.location.href;
  });
});
