export default definePageConfig({
  navigationBarTitleText: '反映详情',
  // Its resident shares it to the building's group as a card (useShareAppMessage).
  enableShareAppMessage: true,
});
