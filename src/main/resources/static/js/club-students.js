// The Users tab: "select every student on this page". Without JavaScript the box stays
// hidden and each student is ticked one by one.
document.addEventListener('DOMContentLoaded', () => {
  const wrapper = document.getElementById('select-all-wrapper');
  const all = document.getElementById('select-all');
  if (!wrapper || !all) {
    return;
  }
  const boxes = () => document.querySelectorAll('#students input[name=student]');
  wrapper.hidden = false;
  all.addEventListener('change', () => boxes().forEach((box) => {
    box.checked = all.checked;
  }));
});
