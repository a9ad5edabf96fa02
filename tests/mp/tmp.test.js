const { loadPage, until } = require('./support/load-page');
const { buildingLead } = require('./support/fixtures');
it('x', async () => {
  const { text, page } = loadPage('pages/index/index', { answer: () => ({ ok: true, data: buildingLead }) });
  await until(() => text().includes('赵桂兰'));
  console.log(text());
  console.log(page.dom.innerHTML.slice(0, 1500));
});
