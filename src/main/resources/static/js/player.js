// The course player. On a phone the curriculum becomes a drawer: a button opens it, Escape, its close button or a
// lesson link closes it, and focus moves into it and back. Without JavaScript the curriculum stays above the lesson.
// After htmx swaps the player ("mark as done"), focus goes to the notice so screen readers hear it.
(() => {
  const phone = window.matchMedia('(max-width: 991.98px)');

  function setUp() {
    const player = document.getElementById('player');
    const toggle = document.getElementById('player-drawer-toggle');
    const close = document.getElementById('player-drawer-close');
    const drawer = document.getElementById('player-curriculum');
    if (!player || !toggle || !close || !drawer || player.dataset.playerReady) {
      return;
    }
    player.dataset.playerReady = 'true';
    player.classList.add('player-js');
    toggle.hidden = false;
    close.hidden = false;
    const open = (opening) => {
      drawer.classList.toggle('player-drawer-open', opening);
      toggle.setAttribute('aria-expanded', String(opening));
      if (opening) {
        close.focus();
      }
      else if (phone.matches) {
        toggle.focus();
      }
    };
    toggle.addEventListener('click', () => open(true));
    close.addEventListener('click', () => open(false));
    drawer.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && drawer.classList.contains('player-drawer-open')) {
        open(false);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', setUp);
  document.addEventListener('htmx:afterSettle', () => {
    setUp();
    const notice = document.getElementById('player-notice');
    if (notice) {
      notice.focus();
    }
  });
})();
