// Copy buttons next to shareable links; without JavaScript the links stay selectable text.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('button[data-copy]').forEach((button) => {
    const field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) {
      return;
    }
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(field.value).then(() => {
        button.textContent = button.dataset.copied;
        setTimeout(() => { button.textContent = label; }, 2000);
      }, () => {
        field.select();
      });
    });
  });
});
