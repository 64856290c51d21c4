// Progressive enhancements only; every page works without JavaScript.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
    select.addEventListener('change', () => select.form.submit());
  });

  // A table wider than the screen scrolls inside its .table-responsive box (a <pre> in
  // its own): such a box takes the keyboard focus (so arrow keys scroll it) and is named
  // after its table's caption. Boxes that fit do not add a stop to the tab order.
  const scrollers = document.querySelectorAll('.table-responsive, pre');
  const markScrollers = () => scrollers.forEach((box) => {
    if (box.scrollWidth > box.clientWidth) {
      box.tabIndex = 0;
      const caption = box.querySelector('caption');
      if (caption) {
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', caption.textContent.trim());
      }
    } else if (box.hasAttribute('tabindex')) {
      ['tabindex', 'role', 'aria-label'].forEach((name) => box.removeAttribute(name));
    }
  });
  markScrollers();
  window.addEventListener('resize', markScrollers);

  // The header's menu folds behind a button on narrow screens (Bootstrap's .collapse
  // hides it below the lg breakpoint, .navbar-expand-lg shows it above); without this
  // script the menu simply stays open.
  const toggle = document.getElementById('atrium-menu-toggle');
  const menu = document.getElementById('atrium-menu');
  if (toggle && menu) {
    menu.classList.add('collapse');
    toggle.hidden = false;
    toggle.addEventListener('click', () => {
      const open = menu.classList.toggle('show');
      toggle.setAttribute('aria-expanded', String(open));
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && menu.classList.contains('show')) {
        menu.classList.remove('show');
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      }
    });
  }
});
