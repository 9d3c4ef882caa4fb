// Live ✓/✗ of the password rules (guide de réinitialisation): each <li data-pattern> is checked
// against the field named by its list's data-for, with the same patterns the server applies.
(function () {
  function update(list) {
    var input = document.getElementById(list.getAttribute('data-for'));
    if (!input) return;
    list.querySelectorAll('li[data-pattern]').forEach(function (item) {
      var ok = new RegExp(item.getAttribute('data-pattern'), 'u').test(input.value);
      item.classList.toggle('pf-rule-ok', ok);
      item.classList.toggle('pf-rule-ko', !ok);
      item.querySelector('.pf-rule-mark').textContent = ok ? '✓' : '✗';
      item.querySelector('.pf-rule-state').textContent = ok ? ' (respectée)' : ' (non respectée)';
    });
  }
  function init() {
    document.querySelectorAll('ul[data-password-rules]').forEach(function (list) {
      var input = document.getElementById(list.getAttribute('data-for'));
      if (!input) return;
      input.addEventListener('input', function () { update(list); });
      update(list);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
