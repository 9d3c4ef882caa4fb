// Small behaviours of the pages, as listeners on the document: the Content-Security-Policy refuses inline handlers
// (onclick="…"), and a listener on the document also serves elements Blazor renders later.
(function () {
  // <button data-print>: prints the page (historiques, suivi, feuille de présence, liste santé).
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-print]')) window.print();
  });

  // Paiement CB: the total follows the amounts as they are typed, before the form is posted.
  document.addEventListener('input', function (e) {
    var form = e.target.closest && e.target.closest('form[data-payment-total]');
    if (!form) return;
    var total = 0;
    form.querySelectorAll('input[data-amount]').forEach(function (input) {
      var value = parseFloat(input.value.replace(/\s/g, '').replace(',', '.'));
      if (!isNaN(value)) total += value;
    });
    form.querySelector('output').value = total.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' €';
  });
})();
