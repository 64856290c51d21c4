// The buyer's checkout (templates/checkout/checkout.html) and its waiting and thank-you page
// (result.html). Progressive enhancements only: masks, the card brand, copying, polling. The
// server validates everything; without this script every form and link still works.
(() => {
  'use strict';

  // Card brands by their leading digits (Elo and Hipercard first: their ranges overlap
  // Visa's and Mastercard's).
  const BRANDS = [
    ['Elo', /^(4011(78|79)|43(1274|8935)|45(1416|7393|763[12])|50(4175|6699|67[0-7]\d|9\d{3})|627780|63(6297|6368)|650(0[3-5]\d|4[0-9]\d|5[0-3]\d|7[0-2]\d|9[0-2]\d)|6516[5-7]\d|6550[0-5]\d)/],
    ['Hipercard', /^(606282|3841[046]0)/],
    ['American Express', /^3[47]/],
    ['Diners Club', /^3(0[0-5]|[68])/],
    ['Mastercard', /^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/],
    ['Visa', /^4/],
  ];

  const brandOf = (digits) => {
    const found = BRANDS.find(([, pattern]) => pattern.test(digits));
    return found ? found[0] : null;
  };

  const cardMask = (brand) => {
    if (brand === 'American Express') {
      return '0000 000000 00000';
    }
    if (brand === 'Diners Club') {
      return '0000 000000 0000';
    }
    return '0000 0000 0000 0000 000';
  };

  const masks = () => {
    if (typeof IMask === 'undefined') {
      return;
    }
    const documentField = document.querySelector('input[data-mask="cpf"]');
    if (documentField) {
      IMask(documentField, { mask: [{ mask: '000.000.000-00' }, { mask: '00.000.000/0000-00' }] });
    }
    const number = document.getElementById('cardNumber');
    const brandLabel = document.getElementById('card-brand');
    if (number) {
      const mask = IMask(number, {
        mask: [{ mask: cardMask(null) }, { mask: cardMask('American Express'), brand: 'American Express' },
          { mask: cardMask('Diners Club'), brand: 'Diners Club' }],
        dispatch: (appended, dynamic) => {
          const brand = brandOf((dynamic.value + appended).replace(/\D/g, ''));
          return dynamic.compiledMasks.find((m) => m.brand === brand) || dynamic.compiledMasks[0];
        },
      });
      const showBrand = () => {
        const brand = brandOf(mask.unmaskedValue);
        if (brandLabel) {
          brandLabel.textContent = brand || '';
          brandLabel.hidden = !brand;
        }
      };
      mask.on('accept', showBrand);
      showBrand();
    }
    const expiry = document.getElementById('cardExpiry');
    if (expiry) {
      IMask(expiry, {
        mask: 'MM/YY',
        blocks: {
          MM: { mask: IMask.MaskedRange, from: 1, to: 12, maxLength: 2 },
          YY: { mask: IMask.MaskedRange, from: 0, to: 99, maxLength: 2 },
        },
      });
    }
    const cvc = document.getElementById('cardCvc');
    if (cvc) {
      IMask(cvc, { mask: '0000' });
    }
  };

  // Card fields only for card payments; a note for PIX and boleto.
  const methods = () => {
    const form = document.getElementById('checkout-form');
    if (!form) {
      return;
    }
    const update = () => {
      const chosen = (form.querySelector('input[name="method"]:checked') || {}).value || 'CARD';
      form.querySelectorAll('[data-method-fields]').forEach((fields) => {
        const on = fields.dataset.methodFields === chosen;
        fields.classList.toggle('checkout-off', !on);
        fields.disabled = !on;
      });
      form.querySelectorAll('[data-method-note]').forEach((note) => {
        note.classList.toggle('checkout-off', note.dataset.methodNote !== chosen);
      });
    };
    form.querySelectorAll('input[name="method"]').forEach((radio) => radio.addEventListener('change', update));
    update();
  };

  // Copy buttons: the Clipboard API, else selecting the text for the buyer; the result is
  // announced in an aria-live line.
  const copying = () => {
    document.querySelectorAll('button[data-copy]').forEach((button) => {
      const field = document.getElementById(button.dataset.copy);
      const status = document.getElementById(button.dataset.statusTarget);
      if (!field) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(field.value);
        } catch (error) {
          field.focus();
          field.select();
          document.execCommand('copy');
        }
        if (status) {
          status.textContent = status.dataset.copied;
        }
      });
    });
  };

  // The waiting page asks for the purchase's status every 3 s and reloads when it changes
  // (paid: the thank-you page; expired: the page says so).
  const polling = () => {
    const page = document.querySelector('[data-status-url]');
    if (!page) {
      return;
    }
    const url = page.dataset.statusUrl;
    const initial = page.dataset.status;
    const ask = async () => {
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
        if (response.ok) {
          const body = await response.json();
          if (body.status !== initial) {
            window.location.reload();
            return;
          }
        }
      } catch (error) {
        // offline for a moment: ask again later
      }
      window.setTimeout(ask, 3000);
    };
    window.setTimeout(ask, 3000);
  };

  document.addEventListener('DOMContentLoaded', () => {
    masks();
    methods();
    copying();
    polling();
  });
})();
