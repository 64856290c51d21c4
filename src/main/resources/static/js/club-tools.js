// Producer club tools (issue 12). Every part works without JavaScript; this file only adds:
// - the student picker: a WAI-ARIA combobox (list autocomplete) over a plain search field;
// - the Users tab's "select every student on this page" box;
// - the module rules grid: a cell's value fields follow the chosen kind.
(() => {
  'use strict';

  function picker(root) {
    const input = root.querySelector('input[type=search]');
    const value = root.querySelector('[data-picker-value]');
    const list = root.querySelector('[role=listbox]');
    const status = root.querySelector('[data-picker-status]');
    const url = root.dataset.options;
    let timer = null;
    let active = -1;
    let request = 0;

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);

    const options = () => Array.from(list.querySelectorAll('[role=option]:not([aria-disabled=true])'));

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      const all = options();
      all.forEach((o, i) => {
        o.setAttribute('aria-selected', i === index ? 'true' : 'false');
        o.classList.toggle('active', i === index);
      });
      active = index;
      if (index >= 0 && all[index]) {
        input.setAttribute('aria-activedescendant', all[index].id);
        all[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(option) {
      value.value = option.dataset.id;
      input.value = option.dataset.label;
      close();
      if (root.dataset.action === 'go') {
        window.location.assign(option.dataset.href);
        return;
      }
      const form = input.form;
      const needs = form ? Array.from(form.querySelectorAll('[data-picker-requires]')) : [];
      if (form && root.dataset.action === 'submit' && needs.every((f) => f.value)) {
        form.requestSubmit();
      } else if (needs.length) {
        needs.find((f) => !f.value).focus();
      }
    }

    async function search() {
      const q = input.value.trim();
      const mine = ++request;
      if (!q) {
        list.replaceChildren();
        close();
        return;
      }
      const response = await fetch(url + '?q=' + encodeURIComponent(q), { headers: { 'Accept': 'text/html' } });
      if (mine !== request || !response.ok) {
        return;
      }
      const html = await response.text();
      const doc = new DOMParser().parseFromString('<ul>' + html + '</ul>', 'text/html');
      list.replaceChildren(...doc.body.firstChild.children);
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
      const count = options().length;
      status.textContent = count ? (root.dataset.countText || '').replace('{0}', count)
        : (list.textContent || '').trim();
    }

    input.addEventListener('input', () => {
      value.value = '';
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener('keydown', (event) => {
      const all = options();
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        if (list.hidden && input.value.trim()) {
          search();
          return;
        }
        highlight(all.length ? (active + 1) % all.length : -1);
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(all.length ? (active <= 0 ? all.length - 1 : active - 1) : -1);
      } else if (event.key === 'Enter' && !list.hidden && active >= 0 && all[active]) {
        event.preventDefault();
        choose(all[active]);
      } else if (event.key === 'Escape' && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = event.target.closest('[role=option]');
      if (option && option.getAttribute('aria-disabled') !== 'true') {
        choose(option);
      }
    });
  }

  function selectAll() {
    const wrapper = document.getElementById('select-all-wrapper');
    const all = document.getElementById('select-all');
    if (!wrapper || !all) {
      return;
    }
    wrapper.hidden = false;
    all.addEventListener('change', () => document.querySelectorAll('#students input[name=student]')
      .forEach((box) => { box.checked = all.checked; }));
  }

  function grid() {
    document.querySelectorAll('[data-rule-cell]').forEach((cell) => {
      const sync = () => {
        cell.querySelectorAll('[data-kind-of]').forEach((field) => {
          const select = cell.querySelector('select[name="' + field.dataset.kindOf + '"]');
          const follows = cell.querySelector('input[data-follow]');
          const show = select && field.dataset.kinds.split(' ').includes(select.value)
            && !(follows && follows.checked);
          field.hidden = !show;
        });
        const follows = cell.querySelector('input[data-follow]');
        cell.querySelectorAll('[data-own]').forEach((own) => { own.hidden = follows && follows.checked; });
      };
      cell.addEventListener('change', sync);
      sync();
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-picker]').forEach(picker);
    selectAll();
    grid();
  });
})();
