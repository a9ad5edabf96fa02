export default definePageConfig({
  navigationBarTitleText: '查看码',
});
