export default definePageConfig({
  navigationBarTitleText: '许心愿',
});
