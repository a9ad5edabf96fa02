export default definePageConfig({
  navigationBarTitleText: '提供资源',
});
