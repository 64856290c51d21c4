// Media (docs/media.md): the lesson editor's "Insert image" and the branding page's colour preview.
(function () {
  'use strict';

  function csrf(element) {
    var form = element.closest('form');
    var input = form ? form.querySelector('input[name="_csrf"]') : document.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  // Lesson editor: uploads the chosen image and inserts ![description](address) at the cursor of the text.
  function lessonImages() {
    var block = document.getElementById('media-insert-image');
    var body = document.getElementById('body');
    if (!block || !body) {
      return;
    }
    block.hidden = false;
    var file = document.getElementById('media-insert-file');
    var alt = document.getElementById('media-insert-alt');
    var button = document.getElementById('media-insert-button');
    var status = document.getElementById('media-insert-status');

    function say(text, problem) {
      status.textContent = text;
      status.classList.toggle('text-danger', !!problem);
    }

    button.addEventListener('click', function () {
      if (!file.files || file.files.length === 0) {
        say(block.dataset.msgFile, true);
        file.focus();
        return;
      }
      var description = alt.value.replace(/[\[\]\r\n]/g, ' ').trim();
      if (description === '') {
        say(block.dataset.msgAlt, true);
        alt.focus();
        return;
      }
      var data = new FormData();
      data.append('image', file.files[0]);
      data.append('_csrf', csrf(block));
      button.disabled = true;
      say(block.dataset.msgBusy, false);
      fetch(block.dataset.uploadUrl, {
        method: 'POST',
        body: data,
        credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'X-CSRF-TOKEN': csrf(block) }
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok || !json.url) {
            throw new Error(json.message || block.dataset.msgFailed);
          }
          var markdown = '![' + description + '](' + json.url + ')';
          var start = body.selectionStart || 0;
          var end = body.selectionEnd || 0;
          var before = body.value.substring(0, start);
          var after = body.value.substring(end);
          var prefix = (before === '' || before.endsWith('\n\n')) ? '' : (before.endsWith('\n') ? '\n' : '\n\n');
          body.value = before + prefix + markdown + '\n\n' + after;
          var caret = (before + prefix + markdown).length;
          body.focus();
          body.setSelectionRange(caret, caret);
          file.value = '';
          alt.value = '';
          say(block.dataset.msgDone, false);
        });
      }).catch(function (error) {
        say(error.message || block.dataset.msgFailed, true);
      }).finally(function () {
        button.disabled = false;
      });
    });
  }

  // Branding page: keeps the colour picker and the hex field together and previews the colours.
  function luminance(hex) {
    var values = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * values[0] + 0.7152 * values[1] + 0.0722 * values[2];
  }

  function ratio(a, b) {
    var la = luminance(a);
    var lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  function darker(hex) {
    return '#' + [1, 3, 5].map(function (i) {
      var v = Math.floor(parseInt(hex.substr(i, 2), 16) * 0.9);
      return (v < 16 ? '0' : '') + v.toString(16);
    }).join('');
  }

  function branding() {
    var text = document.getElementById('brand-color');
    var picker = document.getElementById('brand-color-picker');
    var preview = document.getElementById('brand-preview');
    if (!text || !picker || !preview) {
      return;
    }
    picker.hidden = false;
    function normalised(value) {
      var v = value.trim();
      if (v.charAt(0) !== '#') {
        v = '#' + v;
      }
      return /^#[0-9a-fA-F]{6}$/.test(v) ? v.toLowerCase() : null;
    }
    function show(hex) {
      if (!hex) {
        return;
      }
      var contrast = ratio(hex, '#ffffff') >= ratio(hex, '#000000') ? '#ffffff' : '#000000';
      var accent = hex;
      var steps = 0;
      while (ratio(accent, '#ffffff') < 4.5 && steps < 60) {
        accent = darker(accent);
        steps++;
      }
      preview.style.setProperty('--atrium-brand', hex);
      preview.style.setProperty('--atrium-brand-contrast', contrast);
      preview.style.setProperty('--atrium-brand-accent', accent);
    }
    picker.addEventListener('input', function () {
      text.value = picker.value;
      show(picker.value);
    });
    text.addEventListener('input', function () {
      var hex = normalised(text.value);
      if (hex) {
        picker.value = hex;
        show(hex);
      }
    });
    var initial = normalised(text.value);
    if (initial) {
      picker.value = initial;
      show(initial);
    }
  }

  function start() {
    lessonImages();
    branding();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
})();
