// Passkeys in the Gatehouse example: served as /static/passkeys.js and loaded with the page's CSP nonce.
// Every button and field it drives is marked in the HTML (ids and data-* attributes); it talks to the
// Gatehouse JSON API only (same origin, JSON, so the API's Origin check is the CSRF defence).
(function () {
  'use strict';
  const ctx = document.body.dataset.ctx || '';
  const msg = document.getElementById('message');

  function say(text, ok) {
    if (!msg) { return; }
    msg.className = ok ? 'ok' : 'error';
    msg.textContent = text;
  }

  function supported() {
    return !!(window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON
      && PublicKeyCredential.parseCreationOptionsFromJSON && navigator.credentials);
  }

  async function api(path, body, method) {
    const res = await fetch(ctx + path, {method: method || 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: body === undefined ? '{}' : JSON.stringify(body)});
    let data = {};
    try { data = await res.json(); } catch (e) { data = {}; }
    return {res: res, data: data};
  }

  // An API refusal: to "confirm it's you" when the session is not recent, else its message in place.
  function refused(r, back) {
    if (r.data.code === 'reauth_required') {
      window.location.href = ctx + '/account/confirm?next=' + encodeURIComponent(back);
      return;
    }
    let text = r.data.error || ('Request failed (' + r.res.status + ')');
    if (r.res.status === 429 && r.res.headers.get('Retry-After')) {
      text += ' (retry in ' + r.res.headers.get('Retry-After') + ' s)';
    }
    say(text, false);
  }

  // What the browser said when the user closed the dialog, had no passkey, or the authenticator refused.
  function browserError(e, creating) {
    if (e && e.name === 'AbortError') { return; }
    if (e && e.name === 'NotAllowedError' && creating) {
      say('No passkey was created: the request was cancelled or timed out, or this authenticator cannot verify you. '
        + 'Passkeys here need user verification (a PIN, fingerprint, face or screen lock).', false);
    } else if (e && e.name === 'NotAllowedError') {
      say('The passkey request was cancelled or timed out, or no passkey for this site was chosen.', false);
    } else if (e && e.name === 'InvalidStateError') {
      say('This authenticator already holds a passkey for your account.', false);
    } else {
      say('Your browser could not use a passkey' + (e && e.message ? ': ' + e.message : '.'), false);
    }
  }

  // ---- sign-in: the button, and conditional UI (autofill) on the email field
  let conditional = null; // AbortController of the pending autofill request

  async function signIn(mediation) {
    const o = await api('/auth/passkeys/login/options', {});
    if (!o.res.ok) { if (!mediation) { refused(o, window.location.pathname); } return; }
    const request = {publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(o.data)};
    if (mediation) {
      conditional = new AbortController();
      request.mediation = mediation;
      request.signal = conditional.signal;
    }
    const cred = await navigator.credentials.get(request);
    if (!cred) { return; }
    const r = await api('/auth/passkeys/login', {credential: cred.toJSON()});
    if (!r.res.ok) { refused(r, window.location.pathname); return; }
    window.location.href = ctx + '/dashboard';
  }

  const signInButton = document.getElementById('passkey-signin');
  if (signInButton) {
    if (!supported()) {
      signInButton.disabled = true;
      signInButton.title = 'This browser does not support passkeys';
    }
    signInButton.addEventListener('click', async function (ev) {
      ev.preventDefault();
      if (conditional) { conditional.abort(); conditional = null; } // one WebAuthn request at a time
      try { await signIn(null); } catch (e) { browserError(e); }
    });
  }

  const autofill = document.querySelector('input[autocomplete~="webauthn"]');
  if (autofill && supported() && PublicKeyCredential.isConditionalMediationAvailable) {
    PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
      if (!available) { return; }
      document.body.dataset.conditional = 'waiting'; // for tests and curious readers
      // The browser's own failures stay silent here (nobody pressed anything); the server's refusal is shown.
      signIn('conditional').catch(function () { document.body.dataset.conditional = 'ended'; });
    });
  }

  // ---- registration on the security page (name field + button), and sign-up with a passkey
  async function create(optionsPath, optionsBody, registerPath, name, back) {
    const o = await api(optionsPath, optionsBody);
    if (!o.res.ok) { refused(o, back); return null; }
    const cred = await navigator.credentials.create({publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(o.data)});
    const body = {credential: cred.toJSON()};
    if (name) { body.name = name; }
    const r = await api(registerPath, body);
    if (!r.res.ok) { refused(r, back); return null; }
    return r;
  }

  const addButton = document.getElementById('passkey-add');
  if (addButton) {
    addButton.disabled = !supported();
    addButton.addEventListener('click', async function (ev) {
      ev.preventDefault();
      const name = (document.getElementById('passkey-name') || {}).value || '';
      try {
        const r = await create('/auth/passkeys/register/options', {}, '/auth/passkeys/register', name.trim(),
          window.location.pathname.substring(ctx.length));
        if (r) { window.location.href = addButton.dataset.next || window.location.href; }
      } catch (e) { browserError(e, true); }
    });
  }

  const signUpButton = document.getElementById('passkey-signup');
  if (signUpButton) {
    signUpButton.disabled = !supported();
    signUpButton.addEventListener('click', async function (ev) {
      ev.preventDefault();
      const email = document.getElementById('passkey-email').value.trim();
      try {
        const r = await create('/auth/passkeys/signup/options', {email: email}, '/auth/passkeys/signup', '', '/signup');
        if (!r) { return; }
        if (r.res.status === 202) {
          say('We sent a link to ' + email + '. Open it to confirm your address, then sign in with your passkey.', true);
          return;
        }
        window.location.href = ctx + '/dashboard';
      } catch (e) { browserError(e, true); }
    });
  }

  // ---- "confirm it's you" with a passkey
  const reauthButton = document.getElementById('reauth-passkey');
  if (reauthButton) {
    reauthButton.disabled = !supported();
    reauthButton.addEventListener('click', async function (ev) {
      ev.preventDefault();
      try {
        const o = await api('/auth/passkeys/reauth/options', {});
        if (!o.res.ok) { refused(o, '/dashboard'); return; }
        const cred = await navigator.credentials.get({publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(o.data)});
        const r = await api('/auth/reauth', {method: 'passkey', credential: cred.toJSON()});
        if (!r.res.ok) { refused(r, '/dashboard'); return; }
        window.location.href = ctx + (reauthButton.dataset.next || '/dashboard');
      } catch (e) { browserError(e); }
    });
  }
})();
